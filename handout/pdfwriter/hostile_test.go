package pdfwriter

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/internal/fonttest"
)

// hostileFamily is the default family with a regular face whose glyph data
// makes fpdf's subsetter panic. Loading refuses such fonts; the writer must
// hold even when one gets through.
func hostileFamily(data []byte) *fontset.Family {
	fam := *fontset.Default()
	face := *fam.Faces[fontset.Regular]
	face.Data, face.Path = data, "Hostile-Regular.ttf"
	fam.Faces[fontset.Regular] = &face
	return &fam
}

// A subsetter panic is an error for every document that needs that subset,
// not only the first: the shared cache keeps the failure, never an empty
// subset that later documents would embed as an empty font program.
func TestSubsetFailureIsKeptAsAnError(t *testing.T) {
	f := fonttest.Regular()
	for name, data := range map[string][]byte{
		"component 65000": fonttest.Regular().SetComposite(f.Glyph('A'), 65000).Data,
		"empty glyf":      fonttest.Regular().EmptyGlyf().Data,
		// A hyphen standing for 5×(1+4×(1+4×(1+4×(1+4)))) = 1,705
		// components: fpdf's subsetter walks each; now refused by the
		// closure's limit before it is called.
		"composite bomb": fonttest.Regular().Nest('-', 4, 4).Data,
		// fpdf finds no map under 3,1 and says so on stdout, where
		// `build --json` writes its report.
		"cmap 3,10": fonttest.Regular().RelabelCmaps().Data,
	} {
		t.Run(name, func(t *testing.T) {
			fam := hostileFamily(data)
			cache := &Subsets{}
			for i := range 3 {
				d := doc(text("A handout", fontset.Regular))
				d.Fonts = fam
				var buf bytes.Buffer
				var err error
				if out := captureStdout(t, func() { err = Write(&buf, d, Options{Subsets: cache}) }); out != "" {
					t.Errorf("document %d: %q written to stdout", i, out)
				}
				if err == nil || !strings.Contains(err.Error(), "Hostile-Regular.ttf") {
					t.Errorf("document %d: err = %v, want the subsetting failure naming the font", i, err)
				}
				if buf.Len() != 0 {
					t.Errorf("document %d: %d bytes written", i, buf.Len())
				}
			}
			// The good faces of the same build are unaffected.
			d := doc(text("A handout", fontset.Bold))
			d.Fonts = fam
			var buf bytes.Buffer
			if err := Write(&buf, d, Options{Subsets: cache}); err != nil {
				t.Errorf("bold after a failed regular: %v", err)
			}
		})
	}
}

// Whatever the cache holds, an empty font program is never written.
func TestEmptyFontProgramRefused(t *testing.T) {
	cache := &Subsets{}
	face := fontset.Default().Face(fontset.Regular)
	d := doc(text("Hi crème", fontset.Regular)) // è: not the embedded common set
	plan := planFonts(d)
	var runes []rune
	for c := 32; c < 256; c++ {
		if plan.faces[0][fontset.Regular].base[c] || c < 0x7F || commonWinAnsi[c] && face.Has(winAnsiRunes[c]) {
			runes = append(runes, winAnsiRunes[c])
		}
	}
	e := &subsetEntry{}
	e.once.Do(func() {}) // done, holding the zero subset a lost panic used to leave
	cache.m = map[subsetKey]*subsetEntry{{face, string(runes)}: e}
	var buf bytes.Buffer
	err := Write(&buf, d, Options{Subsets: cache})
	if err == nil || !strings.Contains(err.Error(), "empty font program") {
		t.Errorf("err = %v, want an empty font program refused", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written", buf.Len())
	}
}

// A zero date is a fixed date in Write itself, not fpdf's clock.
func TestZeroDateIsFixed(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, doc(text("Hello", fontset.Regular)), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	for _, want := range []string{"/CreationDate (D:20000101000000", "/ModDate (D:20000101000000", "<xmp:CreateDate>2000-01-01T00:00:00Z"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// Page content is compressed: a guide's text is most of its bytes, and
// uncompressed pages would double the size of every handout.
func TestPagesCompressed(t *testing.T) {
	var buf bytes.Buffer
	ops := []layout.Op{}
	for i := range 40 {
		ops = append(ops, layout.Op{Kind: layout.TextOp, X: 72, Y: 72 + float64(i)*14, Text: "Group therapy is a form of psychotherapy, line after line.", Font: fontset.Regular, Size: 12, Struct: 1})
	}
	if err := Write(&buf, doc(ops...), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	// Drawn text shows as operators only in an uncompressed stream.
	if strings.Contains(pdf, " Tj") || strings.Contains(pdf, " Td") || strings.Contains(pdf, "BT ") {
		t.Error("page content is stored uncompressed")
	}
	i := strings.Index(pdf, "/Type /Page\n")
	if i < 0 {
		t.Fatal("no page object")
	}
	// The page's content object follows it and declares its filter.
	if j := strings.Index(pdf[i:], "/Filter /FlateDecode"); j < 0 {
		t.Error("the page's content has no FlateDecode filter")
	}
}

// captureStdout runs fn with standard output sent to a pipe and returns
// what it wrote. Tests of this package do not run in parallel, so swapping
// the process's stdout is safe here, as it never would be in the program.
func captureStdout(t *testing.T, fn func()) string {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() { b, _ := io.ReadAll(r); done <- string(b) }()
	defer func() { os.Stdout = old }()
	fn()
	w.Close()
	os.Stdout = old
	return <-done
}
