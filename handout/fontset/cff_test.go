package fontset

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font/cff"
	"github.com/go-text/typesetting/font/opentype/tables"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"handouts/fonts"

	"handouts/internal/fonttest"
	"handouts/internal/tooltest"
)

// sameOutlines checks, with go-text's own charstring interpreter, that
// each kept glyph draws the same outline from the subset (by its new
// number) as from the font: a subroutine emptied that a glyph calls, a
// hint mask misread or a glyph given the wrong font dict changes it.
func sameOutlines(t *testing.T, font, sub []byte, kept []int) {
	t.Helper()
	orig, err := cff.Parse(font)
	if err != nil {
		t.Fatalf("go-text cannot read the font: %v", err)
	}
	cut, err := cff.Parse(sub)
	if err != nil {
		t.Fatalf("go-text cannot read the subset: %v", err)
	}
	if len(cut.Charstrings) != len(kept) {
		t.Fatalf("subset has %d glyphs, want %d", len(cut.Charstrings), len(kept))
	}
	for i, gid := range kept {
		want, wb, err := orig.LoadGlyph(tables.GlyphID(gid))
		if err != nil {
			t.Fatalf("glyph %d of the font: %v", gid, err)
		}
		got, gb, err := cut.LoadGlyph(tables.GlyphID(i))
		if err != nil {
			t.Fatalf("glyph %d (was %d) of the subset: %v", i, gid, err)
		}
		if !reflect.DeepEqual(got, want) || gb != wb {
			t.Errorf("glyph %d (was %d) draws %v, want %v", i, gid, got, want)
		}
	}
}

func TestSubsetCFFFixture(t *testing.T) {
	font := fonttest.CIDFont()
	for _, kept := range [][]int{{0, 1, 2, 3, 4}, {0, 2, 3}, {0, 4}, {0}, {0, 3}} {
		t.Run(fmt.Sprint(kept), func(t *testing.T) {
			sub, err := subsetCFF(font, kept)
			if err != nil {
				t.Fatal(err)
			}
			sameOutlines(t, font, sub, kept)
			f, err := readCFF(sub)
			if err != nil {
				t.Fatalf("the subset does not read back: %v", err)
			}
			// Its CIDs are its glyph numbers: Adobe-Identity-0.
			ros := find(f.top, opROS)
			reg, _ := f.strings.item(int(ros[0]) - 391)
			ord, _ := f.strings.item(int(ros[1]) - 391)
			if string(reg) != "Adobe" || string(ord) != "Identity" || ros[2] != 0 {
				t.Errorf("ROS is %s-%s-%g, want Adobe-Identity-0", reg, ord, ros[2])
			}
			if n := find(f.top, opCIDCount); len(n) != 1 || int(n[0]) != len(kept) {
				t.Errorf("CIDCount %v, want %d", n, len(kept))
			}
			// Font dict 1 serves glyph 3 only.
			wantFDs := 1
			if strings.Contains(fmt.Sprint(kept), "3") {
				wantFDs = 2
			}
			if len(f.fds) != wantFDs {
				t.Errorf("%d font dicts, want %d", len(f.fds), wantFDs)
			}
		})
	}
}

// Only the subroutines the kept glyphs call are kept, renumbered.
func TestSubsetCFFKeepsCalledSubrs(t *testing.T) {
	sub, err := subsetCFF(fonttest.CIDFont(), []int{0, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	f, err := readCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	items := func(ix cffIndex) []string {
		var out []string
		for i := range ix.count {
			b, _ := ix.item(i)
			if bytes.Equal(b, emptySubr) {
				out = append(out, "-")
			} else {
				out = append(out, "kept")
			}
		}
		return out
	}
	for _, c := range []struct {
		name string
		ix   cffIndex
		want string
	}{
		{"global", f.gsubrs, "[kept]"},
		{"font dict 0", f.fds[0].subrs, "[kept]"},
		{"font dict 1", f.fds[1].subrs, "[kept]"},
	} {
		if got := fmt.Sprint(items(c.ix)); got != c.want {
			t.Errorf("%s subroutines %s, want %s", c.name, got, c.want)
		}
	}
}

// A hostile charstring is refused with an error, after bounded work.
func TestSubsetCFFHostile(t *testing.T) {
	font := fonttest.CIDFont()
	// Global subroutine 1 (called by glyph 2 through local subroutine 0)
	// is "50 50 rlineto return": make it call itself forever.
	self := []byte{byte(1 - 107 + 139), 29, 11, 11, 11}
	i := bytes.Index(font, []byte{139 + 50, 139 + 50, 5, 11})
	if i < 0 {
		t.Fatal("fixture changed")
	}
	loop := bytes.Clone(font)
	copy(loop[i:], self[:4])
	if _, err := subsetCFF(loop, []int{0, 2}); err == nil || !strings.Contains(err.Error(), "nest more than") {
		t.Errorf("a subroutine calling itself: err = %v", err)
	}
	// A call to a subroutine that is not there.
	bad := bytes.Clone(font)
	copy(bad[i:], []byte{139 + 100, 29, 11, 11})
	if _, err := subsetCFF(bad, []int{0, 2}); err == nil || !strings.Contains(err.Error(), "calls subroutine") {
		t.Errorf("a call out of range: err = %v", err)
	}
	// Every glyph the font has not is refused.
	if _, err := subsetCFF(font, []int{0, 5}); err == nil {
		t.Error("glyph 5 of 5 accepted")
	}
	// A truncated table.
	for n := 0; n < len(font); n += 7 {
		if _, err := subsetCFF(font[:n], []int{0, 1, 2, 3, 4}); err == nil {
			t.Errorf("the first %d of %d bytes accepted", n, len(font))
		}
	}
}

// A subroutine calling another twice at every level would run 2^10 times
// its length: the operation budget stops it.
func TestSubsetCFFOperationBudget(t *testing.T) {
	var w csWalk
	subrs := make([][]byte, 10)
	subrs[9] = append(bytes.Repeat([]byte{139, 139, 5}, 1000), 11)
	for i := 8; i >= 0; i-- {
		n := byte(i + 1 - 107 + 139)
		subrs[i] = []byte{n, 10, n, 10, 11}
	}
	ix, err := readIndex(appendIndex(nil, subrs), 0)
	if err != nil {
		t.Fatal(err)
	}
	w.lsubrs, w.usedL = ix, make([]bool, ix.count)
	w.calls = map[callKey]callValue{}
	_, err = w.run([]byte{139 - 107, 10, 14}, csRef{glyphSpace, 0}, 0)
	if err == nil || !strings.Contains(err.Error(), "operations") {
		t.Errorf("err = %v, want the operation budget", err)
	}
	if w.ops > cffMaxGlyphOps+1 {
		t.Errorf("ran %d operations past the budget", w.ops)
	}
}

// notoCJK is the Simplified Chinese face of Noto Sans CJK, read alone
// from the collection, or the test is skipped (a failure with CI=true).
func notoCJK(t testing.TB, bold bool) []byte {
	t.Helper()
	p := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	if bold {
		p = strings.Replace(p, "Regular", "Bold", 1)
	}
	if _, err := os.Stat(p); err != nil {
		tooltest.Missing(t, "%s: install Debian's fonts-noto-cjk", p)
		return nil
	}
	data, err := readFace(p, 2)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Cutting Noto Sans CJK SC to the glyphs of a page of Chinese keeps every
// outline and is small.
func TestSubsetNotoSansCJK(t *testing.T) {
	data := notoCJK(t, false)
	if data == nil {
		return
	}
	face, err := parseCJKFace(data, "NotoSansCJK-Regular.ttc")
	if err != nil {
		t.Fatal(err)
	}
	text := "小组治疗是一种心理治疗，由一名或多名治疗师同时带领几位病人。参加者分享经历，互相支持，学习新的应对方法。" +
		"如果您感到焦虑、抑郁或孤独，小组可以帮助您。请在第一次聚会前与我们联系：电话、电子邮件或来诊所。ABCabc123"
	sf, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var gids []int
	for _, r := range text {
		gi, err := sf.GlyphIndex(&buf, r)
		if err != nil || gi == 0 || !face.Has(r) {
			t.Fatalf("no glyph for %q", r)
		}
		gids = append(gids, int(gi))
	}
	sub, err := Subset(data, gids)
	if err != nil {
		t.Fatal(err)
	}
	if !sub.CFF {
		t.Fatal("not a CFF subset")
	}
	kept := append([]int{0}, gids...)
	slices.Sort(kept)
	kept = slices.Compact(kept)
	sameOutlines(t, table(data, "CFF "), sub.Program, kept)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(sub.Program)
	zw.Close()
	t.Logf("%d glyphs: CFF subset %d bytes, %d compressed (font's CFF %d bytes)", len(kept), len(sub.Program), z.Len(), len(table(data, "CFF ")))
	if per := z.Len() / len(kept); per > 400 {
		t.Errorf("%d compressed bytes a glyph; Noto Sans CJK's outlines take about 190", per)
	}
}

// A charstring computing with the arithmetic operators may compute a
// subroutine's number: every subroutine is then kept under its number.
func TestSubsetCFFArithmeticKeepsAll(t *testing.T) {
	font := bytes.Clone(fonttest.CIDFont())
	// Glyph 4's "100 100 rlineto" becomes "100 exch".
	i := bytes.LastIndex(font, []byte{139 + 100, 139 + 100, 5, 14})
	if i < 0 {
		t.Fatal("fixture changed")
	}
	copy(font[i+1:], []byte{12, 28})
	sub, err := subsetCFF(font, []int{0, 2, 4})
	if err != nil {
		t.Fatal(err)
	}
	f, err := readCFF(sub)
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := readCFF(font)
	for k := range orig.gsubrs.count {
		a, _ := orig.gsubrs.item(k)
		b, err := f.gsubrs.item(k)
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("global subroutine %d is %v, want %v kept", k, b, a)
		}
	}
}

// FuzzSubsetCFF patches the CID-keyed fixture (fonttest.CIDFont) and cuts
// the glyphs chosen by the bits of glyphs. Cutting never panics and is
// bounded; a subset it makes reads back with every glyph kept, and cuts
// again whole. Nothing is recovered here.
func FuzzSubsetCFF(f *testing.F) {
	font := fonttest.CIDFont()
	f.Add(uint16(0), []byte{}, uint8(0xff))
	f.Add(uint16(0), []byte{}, uint8(0x0c))
	for _, needle := range [][]byte{{19, 0xe0}, {19, 0xff, 0x1d}, {20, 0xff, 0x1d}, {29, 14}, {10, 14}, {12, 36}, {12, 37}} {
		if i := bytes.Index(font, needle); i >= 0 {
			f.Add(uint16(i), []byte{0xff}, uint8(0xff))
			f.Add(uint16(i+1), []byte{0}, uint8(0x1f))
			f.Add(uint16(i-1), []byte{139 + 100}, uint8(0x1f))
		}
	}
	f.Fuzz(func(t *testing.T, where uint16, patch []byte, glyphs uint8) {
		data := bytes.Clone(font)
		at := int(where) % len(data)
		copy(data[at:], patch)
		kept := []int{0}
		for g := 1; g < 8; g++ {
			if glyphs&(1<<g) != 0 {
				kept = append(kept, g)
			}
		}
		sub, err := subsetCFF(data, kept)
		if err != nil {
			return
		}
		f, err := readCFF(sub)
		if err != nil {
			t.Fatalf("the subset does not read back: %v", err)
		}
		if f.charstrings.count != len(kept) {
			t.Fatalf("the subset has %d glyphs, want %d", f.charstrings.count, len(kept))
		}
		all := make([]int, len(kept))
		for i := range all {
			all[i] = i
		}
		if _, err := subsetCFF(sub, all); err != nil {
			t.Fatalf("the subset cannot be cut again: %v", err)
		}
	})
}

// The width table read from the character map and hmtx (cmapWidths) is
// the one sfnt's lookups give, for all 65,536 code points.
func TestCmapWidthsAgreeWithSfnt(t *testing.T) {
	data := notoCJK(t, false)
	if data == nil {
		return
	}
	for _, d := range [][]byte{data, fonts.Regular} {
		fast, ok := cmapWidths(d)
		if !ok {
			t.Fatal("cmapWidths cannot read the font")
		}
		sf, err := sfnt.Parse(d)
		if err != nil {
			t.Fatal(err)
		}
		upem := sf.UnitsPerEm()
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0xFFFF; r++ {
			var want uint16
			if gi, err := sf.GlyphIndex(&buf, r); err == nil && gi != 0 {
				adv, err := sf.GlyphAdvance(&buf, gi, fixed.Int26_6(upem)<<6, 0)
				if err != nil {
					t.Fatal(err)
				}
				if want = uint16(math.Round(float64(adv) / 64 * 1000 / float64(upem))); want == 0 {
					want = zeroAdvance
				}
			}
			if fast[r] != want {
				t.Fatalf("U+%04X: %d from the cmap, %d from sfnt", r, fast[r], want)
			}
		}
	}
}

// A call's operand and the subroutine it names survive their packing
// (callKey, callValue) at the limits of each field.
func TestCallKeyPacking(t *testing.T) {
	for _, at := range []operandAt{
		{csRef{glyphSpace, 0}, 0, 1},
		{csRef{globalSpace, 65535}, 1<<32 - 1, 5},
		{csRef{cffMaxFDs - 1, 40000}, 123456, 3},
	} {
		if got := at.key().operandAt(); got != at {
			t.Errorf("%+v packs and unpacks as %+v", at, got)
		}
	}
	for _, c := range []callee{{globalSpace, 0}, {globalSpace, 65535}, {cffMaxFDs - 1, 1}, {0, 33900}} {
		if got := c.value().callee(); got != c {
			t.Errorf("%+v packs and unpacks as %+v", c, got)
		}
	}
}
