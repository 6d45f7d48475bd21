package pdfwriter

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"handouts/handout/brand"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

var black = brand.Black

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
	pdf := buf.String()
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
