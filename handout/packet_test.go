package handout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/internal/tooltest"
)

// TestMixedScriptPacket: a packet of a Russian, an English, an Arabic and
// a Hindi handout prints as one PDF, each handout in its own fonts (Noto
// Sans, Atkinson Hyperlegible, Noto Naskh Arabic shaped right to left,
// Noto Sans Devanagari shaped), every font embedded with a Unicode map;
// pdftotext reads each handout back on its own pages, in the packet's
// order, word by word.
func TestMixedScriptPacket(t *testing.T) {
	br := defaultBrand(t)
	files := []struct {
		file string
		rtl  bool
	}{
		{"../testdata/languages/ru.yaml", false},
		{seedFile, false},
		{"../testdata/languages/ar.yaml", true},
		{"../testdata/languages/hi.yaml", false},
	}
	for _, kind := range []format.Kind{format.Summary, format.Guide} {
		var hs []*content.Handout
		var pages []int // each handout's page count, printed alone
		for _, f := range files {
			h, errs := Load(f.file, br, letter, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
			if errs.HasErrors() {
				t.Fatalf("%s: %v", f.file, errs.Errors())
			}
			hs = append(hs, h)
			var alone bytes.Buffer
			n, err := Render(&alone, []*content.Handout{h}, RenderSpec{Kind: kind, Brand: br, Options: letter})
			if err != nil {
				t.Fatalf("%s %s alone: %v", f.file, kind, err)
			}
			pages = append(pages, n)
		}
		var buf bytes.Buffer
		n, err := Render(&buf, hs, RenderSpec{Kind: kind, Brand: br, Options: letter})
		if err != nil {
			t.Fatalf("%s packet: %v", kind, err)
		}
		total := 0
		for _, p := range pages {
			total += p
		}
		if n != total {
			t.Errorf("%s packet: %d pages, want %d (%v)", kind, n, total, pages)
		}
		name := string(kind) + " packet"
		checkFontsAndQpdf(t, name, buf.Bytes())
		fonts := pdfFonts(t, buf.Bytes())
		for _, want := range []string{"AtkinsonHyperlegible", "NotoSans-", "NotoNaskhArabic", "NotoSansDevanagari"} {
			if !strings.Contains(fonts, want) {
				t.Errorf("%s: no %s font among\n%s", name, want, fonts)
			}
		}
		// pdftotext ends each page with a form feed.
		read := strings.Split(pdfText(t, buf.Bytes()), "\f")
		at := 0
		for i, h := range hs {
			// The typography sets a range's hyphen as an en dash ("5–12").
			text := strings.ReplaceAll(strings.Join(read[at:at+pages[i]], "\f"), "–", "-")
			at += pages[i]
			readsWordByWord(t, name+" "+h.Language, text, shapedTexts(h, kind))
		}
	}
}

// pdfFonts is pdffonts' list of the fonts of pdf.
func pdfFonts(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "packet.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tooltest.Require(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	return string(out)
}
