// Package fonttest makes damaged and hostile TrueType fonts for tests, by
// patching the glyf, loca and hmtx tables of a copy of the embedded
// Atkinson Hyperlegible regular face. Each helper returns new bytes; the
// embedded font is never modified.
package fonttest

import (
	"encoding/binary"
	"fmt"
	"slices"

	"golang.org/x/image/font/sfnt"

	"handouts/fonts"
)

// Font is a writable copy of a TrueType file with its tables located.
type Font struct {
	Data   []byte
	tables map[string][2]int // tag → offset, length
	long   bool              // loca holds 32-bit offsets
	glyphs int
}

// Regular returns a copy of the default regular face.
func Regular() *Font {
	f := &Font{Data: append([]byte(nil), fonts.Regular...), tables: map[string][2]int{}}
	n := int(binary.BigEndian.Uint16(f.Data[4:]))
	for i := range n {
		rec := f.Data[12+16*i:]
		f.tables[string(rec[:4])] = [2]int{int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))}
	}
	head := f.table("head")
	f.long = binary.BigEndian.Uint16(head[50:]) == 1
	f.glyphs = int(binary.BigEndian.Uint16(f.table("maxp")[4:]))
	return f
}

func (f *Font) table(tag string) []byte {
	t, ok := f.tables[tag]
	if !ok {
		panic("fonttest: no " + tag + " table")
	}
	return f.Data[t[0] : t[0]+t[1]]
}

// Glyph is the glyph index of r.
func (f *Font) Glyph(r rune) int {
	sf, err := sfnt.Parse(fonts.Regular)
	if err != nil {
		panic(err)
	}
	var buf sfnt.Buffer
	gi, err := sf.GlyphIndex(&buf, r)
	if err != nil || gi == 0 {
		panic(fmt.Sprintf("fonttest: no glyph for %q", r))
	}
	return int(gi)
}

// NumGlyphs is the font's glyph count.
func (f *Font) NumGlyphs() int { return f.glyphs }

func (f *Font) loca(i int) int {
	l := f.table("loca")
	if f.long {
		return int(binary.BigEndian.Uint32(l[4*i:]))
	}
	return 2 * int(binary.BigEndian.Uint16(l[2*i:]))
}

func (f *Font) setLoca(i, off int) {
	l := f.table("loca")
	if f.long {
		binary.BigEndian.PutUint32(l[4*i:], uint32(off))
	} else {
		binary.BigEndian.PutUint16(l[2*i:], uint16(off/2))
	}
}

// composite is a composite glyph record referring to each of refs. With
// truncate, the last component is cut off after its flags.
func composite(refs []int) []byte {
	b := []byte{0xFF, 0xFF, 0, 0, 0, 0, 0, 100, 0, 100} // numberOfContours -1, bbox
	for i, ref := range refs {
		flags := uint16(0x0001 | 0x0002) // ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES
		if i < len(refs)-1 {
			flags |= 0x0020 // MORE_COMPONENTS
		}
		b = binary.BigEndian.AppendUint16(b, flags)
		b = binary.BigEndian.AppendUint16(b, uint16(ref))
		b = append(b, 0, 0, 0, 0)
	}
	return b
}

// SetComposite makes glyph g a composite of refs, written over the start of
// its own outline (which is longer than any composite these tests need).
func (f *Font) SetComposite(g int, refs ...int) *Font {
	start, end := f.loca(g), f.loca(g+1)
	c := composite(refs)
	if end-start < len(c) {
		panic(fmt.Sprintf("fonttest: glyph %d has %d bytes, composite needs %d", g, end-start, len(c)))
	}
	copy(f.table("glyf")[start:], c)
	return f
}

// TruncateComposite makes glyph g a composite whose last component record
// is cut off by the end of the glyph's data.
func (f *Font) TruncateComposite(g int, refs ...int) *Font {
	c := composite(append(refs, refs[0]))
	c = c[:len(c)-5]
	end := f.loca(g + 1)
	start := end - len(c)
	start -= start % 2 // short loca offsets are even
	copy(f.table("glyf")[start:], c)
	f.setLoca(g, start)
	return f
}

// EmptyGlyf gives the glyf table length zero, leaving loca pointing into it.
func (f *Font) EmptyGlyf() *Font {
	for i := range int(binary.BigEndian.Uint16(f.Data[4:])) {
		rec := f.Data[12+16*i:]
		if string(rec[:4]) == "glyf" {
			binary.BigEndian.PutUint32(rec[12:], 0)
		}
	}
	f.tables["glyf"] = [2]int{f.tables["glyf"][0], 0}
	return f
}

// ZeroAdvances sets every advance width in hmtx to zero.
func (f *Font) ZeroAdvances() *Font {
	n := int(binary.BigEndian.Uint16(f.table("hhea")[34:]))
	h := f.table("hmtx")
	for i := range n {
		binary.BigEndian.PutUint16(h[4*i:], 0)
	}
	return f
}

// Room is how many bytes of glyph data glyph g has: a composite of n
// components needs 10 + 8n.
func (f *Font) Room(g int) int { return f.loca(g+1) - f.loca(g) }

// Nest makes the glyph of root a composite of copies copies of another
// glyph, itself made of copies copies of a third, and so on, levels deep;
// the last is a simple outline. The glyphs are taken in ascending order
// from the deepest up, below root's own where there is room, so a walk in
// glyph order meets the deep end of the nesting first. The root holds as
// many copies as its own data has room for, at most copies. This is the
// font of issue 21: a hyphen of 16 copies of a glyph of 16 copies…, or a
// 40-level chain of pairs that once passed the depth check.
func (f *Font) Nest(root rune, copies, levels int) *Font {
	r := f.Glyph(root)
	var below, above []int
	for g := 1; g < f.glyphs && len(below) < levels; g++ {
		if g != r && f.Room(g) >= 10+8*copies {
			if g < r {
				below = append(below, g)
			} else {
				above = append(above, g)
			}
		}
	}
	chain := append(below, above...)
	if len(chain) < levels {
		panic(fmt.Sprintf("fonttest: %d glyphs have room for %d components, %d needed", len(chain), copies, levels))
	}
	chain = chain[:levels]
	slices.Sort(chain)
	refs := func(g, n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = g
		}
		return out
	}
	f.SetComposite(r, refs(chain[levels-1], min(copies, (f.Room(r)-10)/8))...)
	for i := levels - 1; i > 0; i-- {
		f.SetComposite(chain[i], refs(chain[i-1], copies)...)
	}
	return f
}

// SetUnitsPerEm writes v as the font's unitsPerEm.
func (f *Font) SetUnitsPerEm(v int) *Font {
	binary.BigEndian.PutUint16(f.table("head")[18:], uint16(v))
	return f
}

// SetAdvances sets every advance width in hmtx to v.
func (f *Font) SetAdvances(v int) *Font {
	n := int(binary.BigEndian.Uint16(f.table("hhea")[34:]))
	h := f.table("hmtx")
	for i := range n {
		binary.BigEndian.PutUint16(h[4*i:], uint16(v))
	}
	return f
}

// RelabelCmaps gives every character-map record platform 3, encoding 10
// (Windows, full Unicode), leaving the subtables, format 4, as they were:
// readers that choose a subtable by its format still read the font, but a
// format 4 table is for encoding 1, and fpdf's subsetter finds none.
func (f *Font) RelabelCmaps() *Font {
	c := f.table("cmap")
	for i := range int(binary.BigEndian.Uint16(c[2:])) {
		binary.BigEndian.PutUint16(c[4+8*i:], 3)
		binary.BigEndian.PutUint16(c[4+8*i+2:], 10)
	}
	return f
}
