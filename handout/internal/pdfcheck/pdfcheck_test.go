package pdfcheck

import (
	"fmt"
	"strings"
	"testing"

	"handouts/internal/tooltest"
)

// build assembles a small uncompressed PDF from object bodies (object i+1
// is objs[i]); object 1 must be the catalog.
func build(objs ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R /Info 2 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return []byte(b.String())
}

func streamObj(s string) string {
	return fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(s), s)
}

const xmp = `<x:xmpmeta><dc:title>t</dc:title><pdfuaid:part>1</pdfuaid:part></x:xmpmeta>`

// tagged is a correct one-page tagged file: H1 and a P with a link, a
// figure, and a footer artifact. Each test breaks one thing in it.
func tagged(edit func(o []string), extra ...string) []byte {
	o := []string{
		/*1*/ "<</Type /Catalog /Pages 3 0 R /Lang (en) /MarkInfo <</Marked true>> /StructTreeRoot 6 0 R /ViewerPreferences <</DisplayDocTitle true>> /Metadata 5 0 R>>",
		/*2*/ "<</Title (A title)>>",
		/*3*/ "<</Type /Pages /Kids [4 0 R] /Count 1>>",
		/*4*/ "<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] /Resources <</Font <</F1 12 0 R>>>> /Contents 11 0 R /StructParents 0 /Tabs /S /Annots [14 0 R]>>",
		/*5*/ streamObj(xmp),
		/*6*/ "<</Type /StructTreeRoot /K 7 0 R /ParentTree <</Nums [0 [8 0 R 9 0 R 10 0 R 15 0 R] 1 10 0 R]>> /ParentTreeNextKey 2>>",
		/*7*/ "<</S /Document /P 6 0 R /K [8 0 R 9 0 R 15 0 R]>>",
		/*8*/ "<</S /H1 /P 7 0 R /Pg 4 0 R /K 0>>",
		/*9*/ "<</S /P /P 7 0 R /Pg 4 0 R /K [1 10 0 R]>>",
		/*10*/ "<</S /Link /P 9 0 R /Pg 4 0 R /K [2 <</Type /OBJR /Obj 14 0 R>>]>>",
		/*11*/ streamObj("/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 180 Td (Title) Tj ET EMC\n/P <</MCID 1>> BDC BT /F1 12 Tf 10 160 Td (Read ) Tj ET EMC\n/Link <</MCID 2>> BDC BT /F1 12 Tf 40 160 Td (more) Tj ET 40 158 m 60 158 l S EMC\n/Figure <</MCID 3>> BDC 10 10 20 20 re f EMC\n/Artifact <</Type /Pagination>> BDC BT /F1 8 Tf 10 2 Td (Page 1) Tj ET EMC"),
		/*12*/ "<</Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 32 /LastChar 126 /Encoding /WinAnsiEncoding /FontDescriptor 13 0 R /ToUnicode 16 0 R>>",
		/*13*/ "<</Type /FontDescriptor /FontName /X /FontFile2 17 0 R>>",
		/*14*/ "<</Type /Annot /Subtype /Link /Rect [40 155 60 170] /Contents (more, at example.org) /StructParent 1 /A <</S /URI /URI (https://example.org)>>>>",
		/*15*/ "<</S /Figure /P 7 0 R /Pg 4 0 R /Alt (A square) /K 3>>",
		/*16*/ streamObj("/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange endcmap end end"),
		/*17*/ streamObj("not really a font"),
	}
	if edit != nil {
		edit(o)
	}
	return build(append(o, extra...)...)
}

func check(t *testing.T, pdf []byte) *Report {
	t.Helper()
	tooltest.Require(t, "qpdf")
	r, err := Check(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGoodFile(t *testing.T) {
	r := check(t, tagged(nil))
	if len(r.Problems) > 0 {
		t.Fatalf("problems in a good file: %q", r.Problems)
	}
	if r.TreeText != "TitleRead more" || r.PageText[0] != "TitleRead morePage 1" {
		t.Errorf("tree %q, page %q", r.TreeText, r.PageText[0])
	}
	if len(r.Headings) != 1 || r.Headings[0] != (Heading{1, "Title"}) {
		t.Errorf("headings %v", r.Headings)
	}
}

// Each broken rule is reported; a checker that cannot fail proves nothing.
func TestBrokenFiles(t *testing.T) {
	const content = 10 // index of the content stream
	cases := []struct {
		name string
		edit func(o []string)
		want string
	}{
		{"untagged text", func(o []string) {
			o[content] = streamObj("BT /F1 12 Tf (Title) Tj ET /P <</MCID 1>> BDC BT /F1 12 Tf (Read ) Tj ET EMC /Link <</MCID 2>> BDC BT /F1 12 Tf (more) Tj ET EMC /Figure <</MCID 3>> BDC 10 10 20 20 re f EMC")
		}, `Tj "Title" outside tagged content`},
		{"untagged path", func(o []string) {
			o[content] = strings.Replace(o[content], "/Artifact <</Type /Pagination>> BDC BT /F1 8 Tf 10 2 Td (Page 1) Tj ET EMC", "BT /F1 8 Tf 10 2 Td (Page 1) Tj ET 0 0 m 10 0 l S", 1)
		}, "S outside tagged content"},
		{"open at page end", func(o []string) {
			o[content] = strings.Replace(o[content], "(Page 1) Tj ET EMC", "(Page 1) Tj ET", 1)
		}, "left open at the end of the page"},
		{"MCID outside the tree", func(o []string) { o[7] = "<</S /H1 /P 7 0 R /Pg 4 0 R /K []>>" }, "MCID 0 is not in the structure tree"},
		{"MCID twice in the tree", func(o []string) { o[7] = "<</S /H1 /P 7 0 R /Pg 4 0 R /K [0 1]>>" }, "MCID 1 is referenced 2 times"},
		{"parent tree wrong", func(o []string) {
			o[5] = strings.Replace(o[5], "[8 0 R 9 0 R", "[9 0 R 9 0 R", 1)
		}, "does not map MCID 0"},
		{"tree out of order", func(o []string) { o[6] = "<</S /Document /P 6 0 R /K [9 0 R 8 0 R 15 0 R]>>" }, "tree's text differs"},
		{"figure without alt", func(o []string) { o[14] = "<</S /Figure /P 7 0 R /Pg 4 0 R /K 3>>" }, "Figure has no /Alt"},
		{"heading skips", func(o []string) { o[7] = strings.Replace(o[7], "/H1", "/H2", 1) }, "is H2, not H1"},
		{"link not in tree", func(o []string) { o[9] = "<</S /Link /P 9 0 R /Pg 4 0 R /K 2>>" }, "is not in the structure tree (7.18.5-1)"},
		{"link without contents", func(o []string) { o[13] = strings.Replace(o[13], "/Contents (more, at example.org) ", "", 1) }, "no /Contents"},
		{"no tabs", func(o []string) { o[3] = strings.Replace(o[3], "/Tabs /S ", "", 1) }, "no /Tabs /S"},
		{"no ToUnicode", func(o []string) { o[11] = strings.Replace(o[11], " /ToUnicode 16 0 R", "", 1) }, "has no ToUnicode map"},
		{"not embedded", func(o []string) { o[12] = "<</Type /FontDescriptor /FontName /X>>" }, "is not embedded"},
		{"not marked", func(o []string) { o[0] = strings.Replace(o[0], "/MarkInfo <</Marked true>> ", "", 1) }, "/MarkInfo"},
		{"no display title", func(o []string) { o[0] = strings.Replace(o[0], "/ViewerPreferences <</DisplayDocTitle true>> ", "", 1) }, "DisplayDocTitle"},
		{"no pdfuaid", func(o []string) { o[4] = streamObj("<x:xmpmeta><dc:title>t</dc:title></x:xmpmeta>") }, "pdfuaid:part"},
		{"list item loose", func(o []string) {
			o[8] = "<</S /LI /P 7 0 R /Pg 4 0 R /K [1 10 0 R]>>"
		}, "LI sits in a Document"},
	}
	for _, c := range cases {
		r := check(t, tagged(c.edit))
		found := false
		for _, p := range r.Problems {
			found = found || strings.Contains(p, c.want)
		}
		if !found {
			t.Errorf("%s: no problem says %q; got %q", c.name, c.want, r.Problems)
		}
	}
}

// A list whose items have labels says how they count.
func TestListNumbering(t *testing.T) {
	list := func(attr string) []byte {
		return tagged(func(o []string) {
			o[8] = "<</S /L /P 7 0 R " + attr + "/K 18 0 R>>"
			o[5] = strings.Replace(o[5], "[8 0 R 9 0 R", "[8 0 R 19 0 R", 1)
		},
			/*18*/ "<</S /LI /P 9 0 R /K [19 0 R 20 0 R]>>",
			/*19*/ "<</S /Lbl /P 18 0 R /Pg 4 0 R /K 1>>",
			/*20*/ "<</S /LBody /P 18 0 R /K 10 0 R>>")
	}
	r := check(t, list(""))
	if len(r.Problems) != 1 || !strings.Contains(r.Problems[0], "no /ListNumbering") {
		t.Errorf("a list of labels without ListNumbering: %q", r.Problems)
	}
	r = check(t, list("/A <</O /List /ListNumbering /Decimal>> "))
	if len(r.Problems) != 0 {
		t.Errorf("a numbered list: %q", r.Problems)
	}
	if n := r.Root.Kids[0].Kids[1]; n.Type != "L" || n.ListNumbering != "Decimal" {
		t.Errorf("list %+v", n)
	}
}

// A text object is read in reverse when it is a right-to-left run: its
// first letter is Arabic (or Hebrew …), or it holds no letter nor digit
// in a right-to-left document. Numbers and Latin words read as drawn.
func TestReadsRTL(t *testing.T) {
	cases := []struct {
		texts []string
		rtl   bool
		want  bool
	}{
		{[]string{"ه", "ل", "ل", "ا"}, false, true},
		{[]string{" ", "مهم", "\u200f؟"}, true, true},
		{[]string{"\u200f.", ")"}, true, true},
		{[]string{")."}, false, false},
		{[]string{"\u200fCDC"}, true, false},
		{[]string{"\u200f800-100-2030"}, true, false},
		{[]string{"۷"}, true, false},
		{[]string{"Page 1 of 2"}, false, false},
	}
	for _, c := range cases {
		if got := readsRTL(c.texts, c.rtl); got != c.want {
			t.Errorf("readsRTL(%q, rtl %v) = %v, want %v", c.texts, c.rtl, got, c.want)
		}
	}
	for lang, want := range map[string]bool{"ar": true, "fa-IR": true, "ur": true, "en": false, "hi": false, "AR": true} {
		if rtlLanguage(lang) != want {
			t.Errorf("rtlLanguage(%q) = %v", lang, !want)
		}
	}
}
