package shape

import (
	"encoding/binary"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"handouts/handout/fontset"
	"handouts/internal/tooltest"
)

// cjkFaces is the Simplified Chinese family's own faces (Noto Sans CJK SC
// where installed), or skips t.
func cjkFaces(t testing.TB) *fontset.Family {
	t.Helper()
	fam := fontset.ForLanguage(fontset.Default(), "zh-Hans").Fallback
	if fam == nil || !fam.Faces[fontset.Regular].IsCJK() {
		tooltest.Missing(t, "no CJK font on this machine: install Debian's fonts-noto-cjk")
		return nil
	}
	return fam
}

// go-text reads a CJK face's BMP character map alone (SmallCmap), not
// its 32-bit one, and gets from it the glyph the whole table gives every
// character the face prints.
func TestCJKSmallCmap(t *testing.T) {
	fam := cjkFaces(t)
	if fam == nil {
		return
	}
	face := fam.Faces[fontset.Regular]
	ld, err := ot.NewLoader(withoutOutlines(face.Data, true, false))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		t.Fatal(err)
	}
	cmap, _, err := tables.ParseCmap(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range cmap.Records {
		switch rec.Subtable.(type) {
		case tables.CmapSubtable4, tables.CmapSubtable14:
		default:
			t.Errorf("go-text reads a cmap subtable %T for %d,%d", rec.Subtable, rec.PlatformID, rec.EncodingID)
		}
	}
	small := parseFont(face)
	whole, err := font.ParseTTF(withoutOutlines(face.Data, false, false))
	if err != nil {
		t.Fatal(err)
	}
	if small == nil || small.Upem() != whole.Upem() {
		t.Fatalf("the face with its small cmap does not parse as the whole one")
	}
	sf := font.NewFace(small)
	n := 0
	for r := rune(0x20); r < 0x10000; r++ {
		if !face.Has(r) {
			continue
		}
		n++
		g, ok := small.Cmap.Lookup(r)
		w, wok := whole.Cmap.Lookup(r)
		if g != w || ok != wok {
			t.Fatalf("U+%04X: glyph %d (%v) from the small cmap, %d (%v) from the whole one", r, g, ok, w, wok)
		}
		if a, b := sf.HorizontalAdvance(g), whole.HorizontalAdvance(w); a != b {
			t.Fatalf("U+%04X: advance %v, the whole font's %v", r, a, b)
		}
	}
	if n < 20000 {
		t.Errorf("the face prints %d BMP characters; Noto Sans CJK has over 20,000", n)
	}
}

// BenchmarkChineseColdParse is go-text reading the Simplified Chinese
// faces (regular and bold) for shaping, as a process does once: each
// iteration parses copies of the faces, which parse has never seen.
func BenchmarkChineseColdParse(b *testing.B) {
	fam := cjkFaces(b)
	if fam == nil {
		return
	}
	b.ReportAllocs()
	for b.Loop() {
		forgetLayouts() // as in a new process: the first face reads the layout
		for _, s := range []fontset.Style{fontset.Regular, fontset.Bold} {
			f := *fam.Faces[s]
			if parse(&f) == nil {
				b.Fatal("go-text cannot read the face")
			}
		}
	}
}

// A document's Shaper makes its own go-text face of each font it sets
// text in, but no cache with a slot per glyph: for a CJK face's 65,535
// glyphs that was 1.3 MB a face a document (a process's whole heap for
// an English guide is 3 MB).
func TestShaperFaceSmall(t *testing.T) {
	fam := cjkFaces(t)
	if fam == nil {
		return
	}
	face := fam.Faces[fontset.Regular]
	if parse(face) == nil {
		t.Fatal("go-text cannot read the face")
	}
	// Every face other tests may have had parsed in the background
	// (prefetch: a CJK family's faces and the Latin ones before them) is
	// parsed before counting, so that none is counted.
	for _, lang := range []string{"zh-Hans", "zh-Hant", "zh-HK", "ja", "ko"} {
		for f := ForLanguage(fontset.Default(), lang).fam; f != nil; f = f.Fallback {
			for _, fc := range f.Faces {
				if fc != nil {
					parse(fc)
				}
			}
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fc := NewWithCache("zh-Hans", &Cache{}).face(face)
	runtime.ReadMemStats(&after)
	if fc == nil {
		t.Fatal("no face")
	}
	if g, ok := fc.NominalGlyph('睡'); !ok || g == 0 {
		t.Errorf("the face has no glyph for 睡")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("a Shaper's face of a CJK font allocates %d KB", n>>10)
	}
}

// forgetLayouts empties the process's shared layouts, for a benchmark
// reading faces as a new process does.
func forgetLayouts() {
	layouts.Lock()
	layouts.all = nil
	layouts.Unlock()
}

// Noto Sans CJK's bold face takes its substitutions and character map
// from the regular face, which has the same ones (sharedLayout), and
// shapes exactly as the bold face read whole: every character either
// face maps, and the CJK handouts' text, in each CJK language.
func TestSharedLayoutShapesAlike(t *testing.T) {
	fam := cjkFaces(t)
	if fam == nil {
		return
	}
	forgetLayouts()
	defer forgetLayouts()
	reg, bold := *fam.Faces[fontset.Regular], *fam.Faces[fontset.Bold]
	if reg.Data == nil || &reg.Data[0] == &bold.Data[0] {
		t.Skip("the CJK family has no bold face of its own")
	}
	first, shared := parseFont(&reg), parseFont(&bold)
	whole := loadFont(withoutOutlines(bold.Data, true, false))
	if first == nil || shared == nil || whole == nil {
		t.Fatal("go-text cannot read the faces")
	}
	if len(shared.GSUB.Lookups) == 0 || &shared.GSUB.Lookups[0] != &first.GSUB.Lookups[0] {
		t.Fatal("the bold face read its own GSUB, not the regular face's")
	}
	// A bold face with a GSUB of its own reads it itself.
	if sh, _ := claimLayout(withoutGSUB(bold.Data)); sh != nil {
		t.Error("a face without a GSUB table claims a shared layout")
	}

	shapeAlike(t, &reg, &bold, shared, whole)
}

// shapeAlike checks that fonts a and b shape alike every character either
// face maps, in chunks, and every line of the CJK handouts, in each CJK
// language and English.
func shapeAlike(t *testing.T, fa, fb *fontset.Face, a, b *font.Font) {
	t.Helper()
	var texts []string
	var chars []rune
	for r := rune(0x20); r < 0x10000; r++ {
		if fa.Has(r) || fb.Has(r) {
			if chars = append(chars, r); len(chars) == 48 {
				texts, chars = append(texts, string(chars)), chars[:0]
			}
		}
	}
	texts = append(texts, string(chars))
	for _, name := range []string{"zh-Hans", "zh-Hant", "ja", "ko"} {
		data, err := os.ReadFile("../../testdata/languages/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	var hb shaping.HarfbuzzShaper
	faceA, faceB := font.NewFace(a), font.NewFace(b)
	for _, lang := range []string{"zh-Hans", "zh-Hant", "ja", "ko", "en"} {
		for _, text := range texts {
			runes := []rune(text)
			if len(runes) == 0 {
				continue
			}
			in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: di.DirectionLTR,
				Size: fixed.I(1000), Script: language.LookupScript(runes[0]), Language: language.NewLanguage(lang)}
			in.Face = faceA
			ga := hb.ShapeNoExtents(in).Glyphs
			in.Face = faceB
			gb := hb.ShapeNoExtents(in).Glyphs
			if len(ga) != len(gb) {
				t.Fatalf("%s %q: %d glyphs shaped one way, %d the other", lang, text, len(ga), len(gb))
			}
			for i := range ga {
				if ga[i].GlyphID != gb[i].GlyphID || ga[i].Advance != gb[i].Advance || ga[i].XOffset != gb[i].XOffset ||
					ga[i].YOffset != gb[i].YOffset || ga[i].ClusterIndex != gb[i].ClusterIndex {
					t.Fatalf("%s %q: glyph %d is %+v one way, %+v the other", lang, text, i, ga[i], gb[i])
				}
			}
		}
	}
}

// withoutGSUB is a copy of a font file's table directory whose GSUB
// record is renamed.
func withoutGSUB(data []byte) []byte {
	n := 12 + 16*int(binary.BigEndian.Uint16(data[4:]))
	dir := append([]byte(nil), data[:n]...)
	for rec := 12; rec < n; rec += 16 {
		if string(dir[rec:rec+4]) == "GSUB" {
			copy(dir[rec:], "XXXX")
		}
	}
	return dir
}

// go-text is given a CJK face's GSUB and GPOS lookups that only features
// off by default use with no subtables (idleLookups), and the face shapes
// exactly as with them: every character it maps, and the CJK handouts'
// text, in each CJK language. Noto Sans CJK has such lookups in both
// tables (its alternates, width and vertical forms; palt, halt).
func TestIdleLookupsShapeAlike(t *testing.T) {
	fam := cjkFaces(t)
	if fam == nil {
		return
	}
	face := fam.Faces[fontset.Regular]
	gsub, gpos := idleLookups(fontset.Table(face.Data, "GSUB"), false), idleLookups(fontset.Table(face.Data, "GPOS"), true)
	t.Logf("%s: %d idle GSUB lookups, %d idle GPOS lookups", face.Name, len(gsub), len(gpos))
	if strings.HasPrefix(face.Name, "NotoSansCJK") && (len(gsub) < 5 || len(gpos) < 5) {
		t.Errorf("%s: %d idle GSUB lookups and %d GPOS, where Noto Sans CJK has over 5 of each", face.Name, len(gsub), len(gpos))
	}
	pruned := loadFont(maskFile(face.Data, true, false, true))
	whole := loadFont(maskFile(face.Data, true, false, false))
	if pruned == nil || whole == nil {
		t.Fatal("go-text cannot read the face")
	}
	empty := 0
	for _, l := range pruned.GPOS.Lookups {
		if len(l.Subtables) == 0 {
			empty++
		}
	}
	if empty != len(gpos) {
		t.Errorf("go-text read %d GPOS lookups without subtables, not the %d idle", empty, len(gpos))
	}
	shapeAlike(t, face, face, pruned, whole)
}

// idleLookups reads a damaged table without panicking: every prefix of
// Noto Sans CJK's GPOS and a sample of its GSUB's, and those tables with
// bytes overwritten.
func TestIdleLookupsDamaged(t *testing.T) {
	fam := cjkFaces(t)
	if fam == nil {
		return
	}
	data := fam.Faces[fontset.Regular].Data
	for _, tag := range []string{"GSUB", "GPOS"} {
		table := fontset.Table(data, tag)
		gpos := tag == "GPOS"
		step := 1 + len(table)/3000
		for n := 0; n < len(table); n += step {
			idleLookups(table[:n], gpos)
		}
		b := append([]byte(nil), table...)
		for i := 0; i < len(b); i += 1 + len(b)/500 {
			c := b[i]
			b[i] = 0xFF
			idleLookups(b, gpos)
			b[i] = c
		}
	}
}
