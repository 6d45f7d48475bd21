package pdfwriter

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"

	"handouts/handout/fontset"
	"handouts/handout/internal/pdfcheck"
	"handouts/handout/layout"
	"handouts/internal/tooltest"
)

// cmapRun is a run of face drawing each character of text with its own
// glyph and advance, as a shaper does for text that needs no shaping;
// then edit changes what a shaper would (a ligature, marks).
func cmapRun(t *testing.T, face *fontset.Face, text string) *fontset.GlyphRun {
	t.Helper()
	f, err := sfnt.Parse(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	run := &fontset.GlyphRun{Face: face, Text: text}
	for i, r := range text {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			t.Fatalf("%q: no glyph", r)
		}
		adv, _ := f.GlyphAdvance(&buf, gi, fixed.Int26_6(face.Upem<<6), 0)
		run.Glyphs = append(run.Glyphs, fontset.Glyph{ID: uint16(gi), Cluster: i, Advance: float64(adv) / 64 * 1000 / float64(face.Upem)})
	}
	return run
}

func glyphOf(t *testing.T, face *fontset.Face, r rune) uint16 {
	t.Helper()
	f, _ := sfnt.Parse(face.Data)
	gi, err := f.GlyphIndex(&sfnt.Buffer{}, r)
	if err != nil || gi == 0 {
		t.Fatalf("%q: no glyph", r)
	}
	return uint16(gi)
}

// Shaped runs are drawn as Type0 fonts of a compact subset: each glyph
// where the shaper put it, a ligature reading as its characters, a cluster
// of several glyphs (a base and its marks) reading as its text through
// /ActualText inside the op's marked content. poppler reads every text
// back, qpdf finds nothing, every font is embedded with a Unicode map and
// the PDF/UA checks pass.
func TestShapedRunsDrawn(t *testing.T) {
	fam := fontset.ForLanguage(fontset.Default(), "vi")
	face := fam.Faces[fontset.Regular]
	bold := fam.Faces[fontset.Bold]

	ru := cmapRun(t, face, "Привет, мир")
	ru.Glyphs[1].Advance -= 40 // a kerning pair

	// "Việt": ệ drawn as e with two marks, one cluster of three glyphs.
	vi := cmapRun(t, face, "Viet")
	e := vi.Glyphs[2]
	dot := fontset.Glyph{ID: glyphOf(t, face, '\u0323'), Cluster: e.Cluster, XOffset: -300, YOffset: -20}
	hat := fontset.Glyph{ID: glyphOf(t, face, '\u0302'), Cluster: e.Cluster, XOffset: -290, YOffset: 60}
	vi.Glyphs = append(vi.Glyphs[:3], dot, hat, vi.Glyphs[3])
	vi.Text = "Việt"
	vi.Glyphs[5].Cluster = len("Việ")

	// "fit" with the fi ligature: one glyph for two characters.
	fit := cmapRun(t, bold, "fit")
	fit.Glyphs = []fontset.Glyph{{ID: glyphOf(t, bold, '\uFB01'), Cluster: 0, Advance: 600}, fit.Glyphs[2]}

	// One glyph for two texts: ")" drawn with the glyph of "(" (a
	// mirrored bracket), and a zero-width non-joiner drawn as the space
	// glyph with no advance.
	br := cmapRun(t, face, "(a) b c")
	br.Glyphs[2].ID = br.Glyphs[0].ID
	br.Text = "(a) b\u200cc"
	br.Glyphs[5].Advance = 0
	br.Glyphs[6].Cluster = len("(a) b\u200c")

	ops := []layout.Op{
		{Kind: layout.TextOp, X: 72, Y: 220, Text: br.Text, Size: 24, Struct: 1, Glyphs: br},
		{Kind: layout.TextOp, X: 72, Y: 100, Text: ru.Text, Size: 24, Struct: 1, Glyphs: ru},
		{Kind: layout.TextOp, X: 72, Y: 140, Text: vi.Text, Size: 24, Struct: 1, Glyphs: vi},
		{Kind: layout.TextOp, X: 72, Y: 180, Text: fit.Text, Size: 24, Struct: 1, Glyphs: fit},
		text(" and plain text", fontset.Regular),
	}
	d := doc(ops...)
	pdf, err := Bytes(d, Options{Creator: "test"})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Bytes(d, Options{Creator: "test"})
	if !bytes.Equal(pdf, again) {
		t.Error("the same document gave other bytes")
	}
	body := inflated(t, pdf)
	for _, want := range []string{"/Subtype /Type0", "/Encoding /Identity-H", "/CIDToGIDMap /Identity", "/Span <</ActualText <FEFF1EC7>>> BDC", " Ts ",
		"/Span <</ActualText (\\))>> BDC", "/Span <</ActualText <FEFF200C>>> BDC"} {
		if !strings.Contains(body, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	r, err := pdfcheck.Check(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	if want := br.Text + ru.Text + vi.Text + fit.Text + " and plain text"; r.PageText[0] != want {
		t.Errorf("read back through the Unicode maps and ActualText:\n%q\nwant\n%q", r.PageText[0], want)
	}

	path := filepath.Join(t.TempDir(), "shaped.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tooltest.Require(t, "pdftotext"), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := norm.NFC.String(strings.Join(strings.Fields(string(out)), " "))
	for _, want := range []string{"Привет, мир", "Việt", "fit", "(a) b"} {
		if !strings.Contains(got, want) {
			t.Errorf("pdftotext lacks %q: %q", want, got)
		}
	}
	if out, err := exec.Command(tooltest.Require(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
	out, err = exec.Command(tooltest.Require(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	cid := 0
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		f := strings.Fields(l)
		if f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("not embedded with a Unicode map: %s", l)
		}
		if strings.Contains(l, "CID TrueType") {
			cid++
		}
	}
	if cid != 2 {
		t.Errorf("%d CID fonts, want 2 (regular and bold):\n%s", cid, out)
	}
}

// A run naming a glyph past the face's last, or no face, is an error,
// never a panic or a missing glyph.
func TestShapedRunRefused(t *testing.T) {
	face := fontset.Default().Faces[fontset.Regular]
	for _, run := range []*fontset.GlyphRun{
		{Face: face, Text: "x", Glyphs: []fontset.Glyph{{ID: uint16(face.NumGlyphs)}}},
		{Text: "x", Glyphs: []fontset.Glyph{{ID: 1}}},
		{Face: face, Text: "x", Glyphs: []fontset.Glyph{{ID: 1, Cluster: 5}}},
	} {
		if _, err := Bytes(doc(layout.Op{Kind: layout.TextOp, X: 72, Y: 72, Text: run.Text, Size: 12, Struct: 1, Glyphs: run}), Options{}); err == nil {
			t.Errorf("%+v was drawn", run)
		}
	}
}
