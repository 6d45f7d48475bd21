package fontset_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/handout/pdfwriter"
	"handouts/internal/tooltest"
)

// typographic is what the typographic pass prints for what a writer typed.
const typographic, typed = "I’m “well” – 5–12\u00a0mg", `I'm "well" - 5-12 mg`

// A clinic's font without curly quotes, dashes or the no-break space: the
// typographic pass's characters fall back to the straight forms the writer
// typed, measured as they are drawn, rather than failing every PDF.
func TestPrintableFallsBackToWhatWasTyped(t *testing.T) {
	full := fontset.Default().Face(fontset.Regular)
	bare := fontset.WithoutRunes(full, '’', '“', '”', '–', '\u00a0')
	for _, r := range "’“”–\u00a0" {
		if bare.Has(r) {
			t.Fatalf("the test face still has %q", r)
		}
	}
	var got strings.Builder
	for _, r := range typographic {
		got.WriteRune(bare.Printable(r))
	}
	if got.String() != typed {
		t.Errorf("printable %q, want %q", got.String(), typed)
	}
	if w, want := bare.Width(typographic, 12), full.Width(typed, 12); w != want {
		t.Errorf("measured %.3f, want the width of what is drawn, %.3f", w, want)
	}
	if full.Printable('’') != '’' {
		t.Error("a face that has the curly quote prints something else")
	}
	if bare.Printable('☃') != '☃' {
		t.Error("a rune with no plain form changed")
	}

	fam := *fontset.Default()
	fam.Faces[fontset.Regular] = bare
	tree := layout.NewTree()
	p := tree.Add(layout.Paragraph, 0)
	doc := &layout.Document{Width: 612, Height: 792, Tree: tree, Fonts: &fam, Meta: layout.Meta{Title: "t", Lang: "en"},
		Pages: []layout.Page{{Ops: []layout.Op{{Kind: layout.TextOp, X: 72, Y: 72, Text: typographic, Font: fontset.Regular, Size: 12, Struct: p}}}}}
	var buf bytes.Buffer
	if err := pdfwriter.Write(&buf, doc, pdfwriter.Options{Creator: "test"}); err != nil {
		t.Fatalf("a face without the typographic characters: %v", err)
	}
	path := filepath.Join(t.TempDir(), "bare.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tooltest.Require(t, "pdftotext"), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != typed {
		t.Errorf("the PDF reads %q, want %q", got, typed)
	}
}
