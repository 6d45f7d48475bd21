package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"

	"golang.org/x/image/font/sfnt"
)

// Limits on composite glyphs. Real fonts nest one to four levels (an
// accent on a letter that is itself a composite) and a glyph stands for at
// most a few dozen components: of 318 fonts in Debian's Noto and DejaVu
// packages, the most is 28 (Noto Naskh Arabic, 4 deep), and the most
// component references in one font is 54,632.
//
// A subsetter follows composites by recursion: a cycle overflows its stack
// and kills the whole process, not just one file. fpdf's subsetter also
// walks every component again each time a glyph is reached, without
// remembering what it has seen, so a glyph made of 16 copies of a glyph made
// of 16 copies of … 8 levels deep stands for 4 billion visits: a 55 KB font
// that made one guide take 70 s. Bounding the depth alone does not bound
// that; MaxGlyphComponents does.
const (
	// MaxComponentDepth is how deeply composites may nest.
	MaxComponentDepth = 8
	// MaxGlyphComponents bounds the components one glyph stands for,
	// counted the way a walker that remembers nothing counts them: every
	// path through its nested composites. A subsetter that walks each
	// requested glyph's tree afresh then visits at most this many
	// components per glyph.
	MaxGlyphComponents = 256
	// MaxClosureVisits bounds the component references one closure reads
	// (each composite's list is read once): the work of checking a whole
	// font, or of closing one subset.
	MaxClosureVisits = 1 << 20
)

// glyphData is a font's glyf and loca tables, located and checked for size.
type glyphData struct {
	glyf, loca []byte
	long       bool // loca holds 32-bit offsets
	n          int  // the glyph count, from maxp
	reads      int  // glyphs read, for tests of the work done
}

func readGlyphData(data []byte) (*glyphData, error) {
	head, maxp, loca, glyf := table(data, "head"), table(data, "maxp"), table(data, "loca"), table(data, "glyf")
	switch {
	case len(head) < 54 || len(maxp) < 6:
		return nil, errors.New("its head or maxp table is missing or short")
	case loca == nil || glyf == nil:
		return nil, errors.New("it has no glyf or loca table (only TrueType outlines can be embedded)")
	}
	g := &glyphData{glyf: glyf, loca: loca, n: int(binary.BigEndian.Uint16(maxp[4:]))}
	switch f := binary.BigEndian.Uint16(head[50:]); f {
	case 0:
	case 1:
		g.long = true
	default:
		return nil, fmt.Errorf("its head table gives loca format %d; only 0 and 1 exist", f)
	}
	width := 2
	if g.long {
		width = 4
	}
	if len(loca) < (g.n+1)*width {
		return nil, fmt.Errorf("its loca table holds %d bytes, too few for %d glyphs", len(loca), g.n)
	}
	return g, nil
}

func (g *glyphData) offset(i int) int {
	if g.long {
		return int(binary.BigEndian.Uint32(g.loca[4*i:]))
	}
	return 2 * int(binary.BigEndian.Uint16(g.loca[2*i:]))
}

// components reads the component list of glyph gi: nil for a simple or
// empty glyph.
func (g *glyphData) components(gi int, desc func(int) string) ([]uint16, error) {
	refs, _, err := g.componentList(gi, desc)
	return refs, err
}

// componentList is components with, for each component, the byte offset
// in the glyph's data of its glyph index: where a subsetter that
// renumbers glyphs writes the new one.
func (g *glyphData) componentList(gi int, desc func(int) string) ([]uint16, []int, error) {
	g.reads++
	start, end := g.offset(gi), g.offset(gi+1)
	if start > end || end > len(g.glyf) {
		return nil, nil, fmt.Errorf("%s lies outside the glyf table (bytes %d–%d of %d)", desc(gi), start, end, len(g.glyf))
	}
	b := g.glyf[start:end]
	if len(b) == 0 {
		return nil, nil, nil
	}
	if len(b) < 10 {
		return nil, nil, fmt.Errorf("%s is truncated", desc(gi))
	}
	if int16(binary.BigEndian.Uint16(b)) >= 0 {
		return nil, nil, nil // a simple outline: no references
	}
	var out []uint16
	var at []int
	for p := 10; ; {
		if p+4 > len(b) {
			return nil, nil, fmt.Errorf("%s is a composite cut off in its component list", desc(gi))
		}
		flags, ref := binary.BigEndian.Uint16(b[p:]), binary.BigEndian.Uint16(b[p+2:])
		if int(ref) >= g.n {
			return nil, nil, fmt.Errorf("%s is made of glyph %d, but the font has only %d glyphs", desc(gi), ref, g.n)
		}
		out = append(out, ref)
		at = append(at, p+2)
		p += 4 + 2
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if p > len(b) {
			return nil, nil, fmt.Errorf("%s is a composite cut off in its component list", desc(gi))
		}
		if flags&0x0020 == 0 { // no MORE_COMPONENTS
			return out, at, nil
		}
	}
}

// ComponentClosure returns the glyphs gids together with every glyph their
// composites are made of, directly or through other composites, sorted and
// without repeats: the glyphs a subset holding gids must keep. data is a
// TrueType file.
//
// It refuses, with an error naming the glyph, a glyph whose data lies
// outside the glyf table or is cut off, a composite that refers to a glyph
// the font lacks or contains itself, nests more than MaxComponentDepth
// deep, or stands for more than MaxGlyphComponents components counted
// along every path; and it stops once it has read MaxClosureVisits
// component references. Its work is bounded by that count, whatever the
// font. A font that fontset loaded has passed this for all its glyphs.
func ComponentClosure(data []byte, gids []int) ([]int, error) {
	g, err := readGlyphData(data)
	if err != nil {
		return nil, err
	}
	return g.closure(gids, func(gi int) string { return fmt.Sprintf("glyph %d", gi) })
}

// closure is ComponentClosure with desc naming a glyph in messages.
func (g *glyphData) closure(gids []int, desc func(int) string) ([]int, error) {
	// Per glyph, memoized: 1 is "on the current path", 2 "done"; its
	// height (composite levels below it) and its expansion (components
	// along every path, capped just past the limit).
	state := make([]uint8, g.n)
	height := make([]uint8, g.n)
	expand := make([]int32, g.n)
	visits := 0
	var out []int
	// root is the glyph the walk started from, parent the composite that
	// named gi (-1 at the root).
	var walk func(gi, depth, root, parent int) error
	walk = func(gi, depth, root, parent int) error {
		switch state[gi] {
		case 2:
			// Already walked, but perhaps from nearer the top: its own
			// height still counts from here.
			if depth+int(height[gi]) > MaxComponentDepth {
				return fmt.Errorf("%s nests composite glyphs more than %d deep", desc(root), MaxComponentDepth)
			}
			return nil
		case 1:
			if parent == gi {
				return fmt.Errorf("%s is a composite made of itself", desc(gi))
			}
			return fmt.Errorf("%s is a composite that contains itself through %s", desc(gi), desc(parent))
		}
		if depth > MaxComponentDepth {
			return fmt.Errorf("%s nests composite glyphs more than %d deep", desc(root), MaxComponentDepth)
		}
		comps, err := g.components(gi, desc)
		if err != nil {
			return err
		}
		visits += len(comps)
		if visits > MaxClosureVisits {
			return fmt.Errorf("its composite glyphs refer to more than %d components in all", MaxClosureVisits)
		}
		state[gi] = 1
		out = append(out, gi)
		var h uint8
		var e int32
		for _, c := range comps {
			if err := walk(int(c), depth+1, root, gi); err != nil {
				return err
			}
			h = max(h, height[c]+1)
			e = min(e+1+expand[c], MaxGlyphComponents+1)
		}
		if e > MaxGlyphComponents {
			return fmt.Errorf("%s stands for more than %d component glyphs through its nested composites (real glyphs have a few dozen at most)", desc(gi), MaxGlyphComponents)
		}
		state[gi], height[gi], expand[gi] = 2, h, e
		return nil
	}
	for _, gi := range gids {
		if gi < 0 || gi >= g.n {
			return nil, fmt.Errorf("glyph %d is not in the font, which has %d glyphs", gi, g.n)
		}
		if err := walk(gi, 0, gi, -1); err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

// checkGlyphs walks the glyf and loca tables the way a subsetter will,
// for every glyph: its data inside glyf, every composite's components
// complete and naming glyphs that exist, and the limits of
// ComponentClosure. name describes a glyph in messages.
func checkGlyphs(data []byte, name func(gi int) rune) error {
	g, err := readGlyphData(data)
	if err != nil {
		return err
	}
	desc := func(gi int) string {
		if r := name(gi); r != 0 {
			return fmt.Sprintf("glyph %d (%q)", gi, string(r))
		}
		return fmt.Sprintf("glyph %d", gi)
	}
	all := make([]int, g.n)
	for i := range all {
		all[i] = i
	}
	_, err = g.closure(all, desc)
	return err
}

// runeOf is a character the font draws with glyph gi, for messages; 0 when
// none is found. It scans the character map, so it is only for errors.
func runeOf(f *sfnt.Font, buf *sfnt.Buffer, gi int) rune {
	if gi == 0 {
		return 0 // .notdef, where an unmapped character goes
	}
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(buf, r); err == nil && int(g) == gi {
			return r
		}
	}
	return 0
}

// SubsetGlyphs is the closure (ComponentClosure) of .notdef and the glyphs
// that draw each character of s in the face: the glyphs a subset of those
// characters holds, under the same limits. A subsetter that walks every
// component afresh, as fpdf's does, visits at most MaxGlyphComponents
// components for each of them. The font's tables are checked as loading
// checks them (checkTables) first, so a face made without loading, too,
// never sends fpdf's subsetter where it panics or prints to stdout.
func (f *Face) SubsetGlyphs(s string) ([]int, error) {
	font, err := sfnt.Parse(f.Data)
	if err != nil {
		return nil, fmt.Errorf("not a readable TrueType font: %w", err)
	}
	if err := checkTables(f.Data, func(int) rune { return 0 }); err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	gids := []int{0}
	for _, r := range s {
		if gi, err := font.GlyphIndex(&buf, r); err == nil && gi != 0 {
			gids = append(gids, int(gi))
		}
	}
	return ComponentClosure(f.Data, gids)
}

// GlyphID is the glyph the face's character map gives r, and false when
// the map has none. It reads the map afresh on each call: it is for a
// character or two per document, not for text.
func (f *Face) GlyphID(r rune) (uint16, bool) {
	font, err := sfnt.Parse(f.Data)
	if err != nil {
		return 0, false
	}
	var buf sfnt.Buffer
	g, err := font.GlyphIndex(&buf, r)
	if err != nil || g == 0 || int(g) >= f.NumGlyphs {
		return 0, false
	}
	return uint16(g), true
}
