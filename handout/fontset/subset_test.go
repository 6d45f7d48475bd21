package fontset

import (
	"encoding/binary"
	"slices"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"handouts/internal/fonttest"
)

// A subset holds exactly the glyphs asked for, their components and
// .notdef, renumbered from 0, each drawing the same outline with the same
// advance as in the whole font (also past the font's long metrics);
// composites name their components' new numbers.
func TestSubsetKeepsOutlines(t *testing.T) {
	fam := ForLanguage(Default(), "vi")
	face := fam.Faces[Regular]
	orig, err := sfnt.Parse(face.Data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var gids []int
	for _, r := range "Tiếng Việt ỗ ậ Ё Ж 20" {
		gi, err := orig.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			t.Fatalf("%q: no glyph", r)
		}
		gids = append(gids, int(gi))
	}
	// Noto Sans's last glyphs share one advance (hhea.numberOfHMetrics
	// is less than the glyph count): the first and last of them too.
	long := int(binary.BigEndian.Uint16(table(face.Data, "hhea")[34:]))
	if long >= face.NumGlyphs {
		t.Fatalf("%s: every glyph has its own metrics; the test does not test the shared advance", face.Name)
	}
	gids = append(gids, long, face.NumGlyphs-1)
	s, err := Subset(face.Data, gids)
	if err != nil {
		t.Fatal(err)
	}
	closed, _ := ComponentClosure(face.Data, append([]int{0}, gids...))
	sub, err := sfnt.Parse(s.Program)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if sub.NumGlyphs() != len(closed) || len(s.NewID) != len(closed) || len(s.Advances) != len(closed) {
		t.Fatalf("subset of %d glyphs (%d mapped), want %d", sub.NumGlyphs(), len(s.NewID), len(closed))
	}
	if len(closed) == len(slices.Compact(slices.Sorted(slices.Values(gids))))+1 {
		t.Error("no composite among the glyphs: the test does not test renumbering")
	}
	if s.NewID[0] != 0 {
		t.Error(".notdef is not glyph 0")
	}
	ppem := fixed.Int26_6(face.Upem << 6)
	var buf2 sfnt.Buffer
	for _, old := range closed {
		n := s.NewID[uint16(old)]
		a, err1 := orig.LoadGlyph(&buf, sfnt.GlyphIndex(old), ppem, nil)
		b, err2 := sub.LoadGlyph(&buf2, sfnt.GlyphIndex(n), ppem, nil)
		if err1 != nil || err2 != nil {
			t.Fatalf("glyph %d -> %d: %v %v", old, n, err1, err2)
		}
		if !slices.Equal(a, b) {
			t.Errorf("glyph %d -> %d draws another outline", old, n)
		}
		adv1, _ := orig.GlyphAdvance(&buf, sfnt.GlyphIndex(old), ppem, 0)
		adv2, _ := sub.GlyphAdvance(&buf2, sfnt.GlyphIndex(n), ppem, 0)
		if adv1 != adv2 || int(adv1>>6) != s.Advances[n] {
			t.Errorf("glyph %d -> %d: advance %v, was %v (recorded %d)", old, n, adv2, adv1, s.Advances[n])
		}
	}
	if len(s.Program) > len(face.Data)/10 {
		t.Errorf("a subset of %d glyphs is %d bytes, of a %d-byte font", len(closed), len(s.Program), len(face.Data))
	}
}

// A glyph the font lacks, or a damaged composite, is an error.
func TestSubsetRefuses(t *testing.T) {
	face := Default().Faces[Regular]
	if _, err := Subset(face.Data, []int{face.NumGlyphs}); err == nil {
		t.Error("a glyph past the font's last was kept")
	}
	bomb := fonttest.Regular().Nest('-', 16, 8).Data
	if _, err := Subset(bomb, []int{fonttest.Regular().Glyph('-')}); err == nil {
		t.Error("the composite bomb was cut")
	}
	if _, err := Subset([]byte("not a font"), []int{1}); err == nil {
		t.Error("a file that is no font was cut")
	}
	// A download cut off halfway through the glyph outlines: the table
	// directory still lists the whole glyf table.
	var cut []byte
	for i := range int(binary.BigEndian.Uint16(face.Data[4:])) {
		rec := face.Data[12+16*i:]
		if string(rec[:4]) == "glyf" {
			off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			cut = slices.Clone(face.Data[:off+size/2])
		}
	}
	if cut == nil {
		t.Fatal("the default face has no glyf table")
	}
	if _, err := Subset(cut, []int{1}); err == nil {
		t.Error("a font cut off inside its glyf table was cut")
	}
}

// FuzzSubset cuts subsets of the crafted fonts, patched, for glyph lists
// of the fuzzer's choosing. Nothing is recovered: a panic fails it. A
// subset that is made parses, with every kept glyph's outline loading.
func FuzzSubset(f *testing.F) {
	f.Add(uint8(0), uint32(0), uint16(0), []byte{0, 36, 0, 37})
	f.Add(uint8(1), uint32(100), uint16(0xFFFF), []byte{0, 16})
	f.Add(uint8(2), uint32(8), uint16(3), []byte{1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, base uint8, where uint32, patch uint16, list []byte) {
		data := fuzzBases[int(base)%len(fuzzBases)]().Data
		if len(data) > 0 {
			i := int(where) % len(data)
			data[i] = byte(patch >> 8)
			if i+1 < len(data) {
				data[i+1] = byte(patch)
			}
		}
		var gids []int
		for i := 0; i+1 < len(list) && len(gids) < 64; i += 2 {
			gids = append(gids, int(list[i])<<8|int(list[i+1]))
		}
		s, err := Subset(data, gids)
		if err != nil {
			return
		}
		font, err := sfnt.Parse(s.Program)
		if err != nil {
			// sfnt checks more than a PDF reader needs (a patched table
			// it reads elsewhere); the subset's own tables must not be
			// the reason.
			if _, errOrig := sfnt.Parse(data); errOrig == nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			return
		}
		if font.NumGlyphs() != len(s.Advances) {
			t.Fatalf("%d glyphs, %d advances", font.NumGlyphs(), len(s.Advances))
		}
	})
}
