package pdfwriter

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/internal/pdfcheck"
	"handouts/handout/layout"
	"handouts/internal/tooltest"
)

var black = colour.Black

// An op that is neither an element of the tree nor an artifact is refused:
// drawing added without a role must not vanish from the tagged PDF.
func TestWriteRefusesOpWithoutRole(t *testing.T) {
	for _, op := range []layout.Op{
		{Kind: layout.TextOp, X: 72, Y: 72, Text: "loose", Font: fontset.Regular, Size: 12},
		{Kind: layout.LineOp, X: 72, Y: 72, W: 100, Stroke: &black, LineWidth: 1},
		{Kind: layout.LinkOp, X: 72, Y: 72, W: 10, H: 10, URL: "https://example.org"},
		{Kind: layout.TextOp, X: 72, Y: 72, Text: "dangling", Font: fontset.Regular, Size: 12, Struct: 99},
	} {
		var buf bytes.Buffer
		err := Write(&buf, doc(text("fine", fontset.Regular), op), Options{})
		if err == nil || !strings.Contains(err.Error(), "no structure role") {
			t.Errorf("%s op without a role: error %v", opKind(op.Kind), err)
		}
		if buf.Len() != 0 {
			t.Errorf("%d bytes written for a refused document", buf.Len())
		}
	}
	// Artifacts are fine.
	var buf bytes.Buffer
	art := layout.Op{Kind: layout.LineOp, X: 72, Y: 72, W: 100, Stroke: &black, LineWidth: 1, Artifact: layout.Decoration}
	if err := Write(&buf, doc(text("fine", fontset.Regular), art), Options{}); err != nil {
		t.Error(err)
	}
}

// The catalog carries what PDF/UA asks of it; fpdf's own entries stay.
func TestCatalog(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, doc(text("Hello", fontset.Regular)), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := inflated(t, buf.Bytes())
	for _, want := range []string{"/Type /Catalog", "/Lang (en)", "/MarkInfo <</Marked true>>", "/StructTreeRoot ", "/ViewerPreferences <</DisplayDocTitle true>>", "<pdfuaid:part>1</pdfuaid:part>", "/StructParents 0", "/ToUnicode "} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

// Each font's ToUnicode map gives back exactly the characters of its
// codes: ranges for runs, single codes otherwise, and surrogate pairs
// beyond the BMP.
func TestCMap(t *testing.T) {
	var win []rune
	for c := 32; c < 256; c++ {
		if winAnsiRunes[c] != 0 && (c < 0x7F || c > 0x9F || c == 0x93) {
			win = append(win, winAnsiRunes[c])
		}
	}
	extra := []rune{'Ł', 'ő', 'ő' + 1, '≥', 0x1D400}
	for _, fm := range []fontMap{{n: 0, runes: win}, {n: 1, runes: extra}} {
		got := parseCMap(t, string(cmap(fm)))
		want := map[int]string{}
		for i, r := range fm.runes {
			code := 32 + i
			if fm.n == 0 {
				c, _ := winAnsi(r)
				code = int(c)
			}
			want[code] = string(r)
		}
		if len(got) != len(want) {
			t.Errorf("font %d: %d codes mapped, want %d", fm.n, len(got), len(want))
		}
		for c, s := range want {
			if got[c] != s {
				t.Errorf("font %d: code %#x maps to %q, want %q", fm.n, c, got[c], s)
			}
		}
	}
}

// parseCMap reads bfchar and bfrange entries of a one-byte CMap.
func parseCMap(t *testing.T, s string) map[int]string {
	t.Helper()
	m := map[int]string{}
	hexRunes := func(h string) []rune {
		var u []uint16
		for i := 0; i+4 <= len(h); i += 4 {
			v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
			u = append(u, uint16(v))
		}
		return []rune(string(utf16Decode(u)))
	}
	for _, blk := range regexp.MustCompile(`(?s)begin(bfchar|bfrange)\n(.*?)\nend`).FindAllStringSubmatch(s, -1) {
		for _, line := range strings.Split(blk[2], "\n") {
			f := regexp.MustCompile(`<([0-9A-F]+)>`).FindAllStringSubmatch(line, -1)
			lo, _ := strconv.ParseUint(f[0][1], 16, 8)
			if blk[1] == "bfchar" {
				m[int(lo)] = string(hexRunes(f[1][1]))
				continue
			}
			hi, _ := strconv.ParseUint(f[1][1], 16, 8)
			r := hexRunes(f[2][1])[0]
			for c := lo; c <= hi; c++ {
				m[int(c)] = string(r + rune(c-lo))
			}
		}
	}
	return m
}

func utf16Decode(u []uint16) []rune { return utf16.Decode(u) }

// A paragraph that goes on to the next page gets an MCID on each page for
// the same element; links, a figure, a footer link and characters beyond
// WinAnsi all read back through an independent reader.
func TestTaggedStructure(t *testing.T) {
	tooltest.Require(t, "qpdf")
	tree := layout.NewTree()
	title := tree.Add(layout.Title, 0)
	para := tree.Add(layout.Paragraph, 0)
	link := tree.Add(layout.Link, para)
	qrLink := tree.Add(layout.Link, 0)
	fig := tree.AddFigure("QR code: https://example.org", qrLink)
	at := func(op layout.Op, y float64) layout.Op { op.Y = y; return op }
	txt := func(s string, st int) layout.Op {
		return layout.Op{Kind: layout.TextOp, X: 72, Text: s, Font: fontset.Regular, Size: 12, Struct: st}
	}
	foot := layout.Op{Kind: layout.TextOp, X: 72, Y: 760, Text: "Page 1 of 2", Font: fontset.Regular, Size: 9, Artifact: layout.Pagination}
	rule := layout.Op{Kind: layout.LineOp, X: 72, Y: 750, W: 400, Stroke: &black, LineWidth: 0.5, Artifact: layout.Pagination}
	d := doc()
	d.Tree = tree
	d.Pages = []layout.Page{
		{Ops: []layout.Op{
			foot, rule,
			{Kind: layout.TextOp, X: 72, Y: 740, Text: "care@example.org", Font: fontset.Regular, Size: 9, Artifact: layout.Pagination},
			{Kind: layout.LinkOp, X: 72, Y: 730, W: 80, H: 12, URL: "mailto:care@example.org", Artifact: layout.Pagination},
			at(txt("Łódź and you", title), 72),
			at(txt("The first line of a paragraph, ", para), 100),
			at(txt("then a link ", link), 114),
			{Kind: layout.LineOp, X: 72, Y: 116, W: 50, Stroke: &black, LineWidth: 0.5, Struct: link},
			{Kind: layout.LinkOp, X: 72, Y: 104, W: 50, H: 12, URL: "https://example.org/more", Struct: link},
			at(txt("and more words ", para), 114),
			{Kind: layout.RectOp, X: 300, Y: 300, W: 40, H: 40, Fill: &black, Struct: fig},
			{Kind: layout.LinkOp, X: 300, Y: 300, W: 40, H: 40, URL: "https://example.org", Struct: qrLink},
		}},
		{Ops: []layout.Op{
			at(foot, 760), rule,
			at(txt("that end on the second page.", para), 72),
		}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	want := "Łódź and youThe first line of a paragraph, then a link and more words that end on the second page."
	if r.TreeText != want {
		t.Errorf("tree text %q, want %q", r.TreeText, want)
	}
	if r.PageText[0] != "Page 1 of 2care@example.orgŁódź and youThe first line of a paragraph, then a link and more words " {
		t.Errorf("page 1 reads %q", r.PageText[0])
	}
	doc := r.Root.Kids[0]
	if doc.Type != "Document" || len(doc.Kids) != 4 {
		t.Fatalf("document %+v", doc)
	}
	if p := doc.Kids[1]; p.Type != "P" || len(p.Kids) != 1 || p.Kids[0].Type != "Link" || p.Kids[0].Annots != 1 {
		t.Errorf("paragraph %+v", p)
	}
	if q := doc.Kids[2]; q.Type != "Link" || len(q.Kids) != 1 || q.Kids[0].Type != "Figure" || q.Kids[0].Alt != "QR code: https://example.org" {
		t.Errorf("QR link %+v", q)
	}
	if f := doc.Kids[3]; f.Type != "Link" || f.Annots != 1 {
		t.Errorf("footer link %+v", f)
	}
	wantLinks := []string{"care@example.org", "then a link (https://example.org/more)", "https://example.org"}
	if strings.Join(r.Links, "|") != strings.Join(wantLinks, "|") {
		t.Errorf("link contents %q, want %q", r.Links, wantLinks)
	}
	for _, f := range r.Fonts {
		if !f.ToUnicode || !f.Embedded {
			t.Errorf("font %+v", f)
		}
	}
	if len(r.Fonts) != 2 {
		t.Errorf("fonts %v, want the WinAnsi font and one extra", r.Fonts)
	}
}

func TestPDFURI(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a(b)": `(https://example.org/a\(b\))`,
		"https://例え.jp/ü":          "(https://%E4%BE%8B%E3%81%88.jp/%C3%BC)",
		"mailto:care@example.org":  "(mailto:care@example.org)",
		"https://example.org/a b":  "(https://example.org/a%20b)",
	} {
		if got := pdfURI(in); got != want {
			t.Errorf("pdfURI(%q) = %s, want %s", in, got, want)
		}
	}
}

// A role the writer has no structure type for is refused, not guessed.
func TestWriteRefusesUnknownRole(t *testing.T) {
	d := doc(text("odd", fontset.Regular))
	d.Tree.Structs[1].Role = layout.Role(999)
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err == nil || !strings.Contains(err.Error(), "no PDF structure type") {
		t.Errorf("unknown role: error %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written for a refused document", buf.Len())
	}
}

// Heading levels never skip, in a guide's order: the title is H1, a
// section heading H2, and every question under a section H3, the second
// and later ones too; a box title before any section is H2.
func TestHeadingLevels(t *testing.T) {
	tree := layout.NewTree()
	for _, r := range []layout.Role{layout.Heading2, layout.Title, layout.Heading1, layout.Paragraph, layout.Heading2, layout.Heading2, layout.Paragraph, layout.Heading2, layout.Heading1, layout.Heading2} {
		tree.Add(r, 0)
	}
	got := strings.Join(headingLevels(tree)[1:], " ")
	if want := "H2 H1 H2 P H3 H3 P H3 H2 H3"; got != want {
		t.Errorf("heading levels %s, want %s", got, want)
	}
}

// A link's /Contents are its words; the address is added only when the
// words do not already give it, as a screen reader would otherwise read it
// twice.
func TestLinkWords(t *testing.T) {
	for _, c := range []struct{ text, url, want string }{
		{"Call (555) 010-0199", "tel:5550100199", "Call (555) 010-0199"},
		{"Visit riverbend.example today", "https://riverbend.example", "Visit riverbend.example today"},
		{"write to care@riverbend.example", "mailto:care@riverbend.example", "write to care@riverbend.example"},
		{"our website", "https://riverbend.example/", "our website (https://riverbend.example/)"},
		{"", "https://x.example", "https://x.example"},
		{"Riverbend.example", "HTTPS://www.riverbend.example/", "Riverbend.example"},
		{"555", "tel:+15550100199", "555 (tel:+15550100199)"}, // not the number's end
	} {
		if got := linkWords(c.text, c.url); got != c.want {
			t.Errorf("linkWords(%q, %q) = %q, want %q", c.text, c.url, got, c.want)
		}
	}
}
