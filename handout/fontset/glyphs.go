package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"

	"golang.org/x/image/font/sfnt"
)

// maxComponentDepth bounds how deeply composite glyphs may nest. Real fonts
// nest one or two levels (an accent on a letter); the subsetter follows the
// nesting by recursion, so a cycle would overflow its stack and kill the
// whole process, not just fail one file.
const maxComponentDepth = 8

// checkGlyphs walks the glyf and loca tables the way a subsetter will:
// every glyph's data inside glyf, every composite's components complete and
// naming glyphs that exist, and no composite reaching itself or nesting
// deeper than maxComponentDepth. name describes a glyph in messages.
func checkGlyphs(data []byte, name func(gi int) rune) error {
	head, maxp, loca, glyf := table(data, "head"), table(data, "maxp"), table(data, "loca"), table(data, "glyf")
	switch {
	case len(head) < 54 || len(maxp) < 6:
		return errors.New("its head or maxp table is missing or short")
	case loca == nil || glyf == nil:
		return errors.New("it has no glyf or loca table (only TrueType outlines can be embedded)")
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	width := 2
	if long {
		width = 4
	}
	if len(loca) < (n+1)*width {
		return fmt.Errorf("its loca table holds %d bytes, too few for %d glyphs", len(loca), n)
	}
	offset := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	desc := func(gi int) string {
		if r := name(gi); r != 0 {
			return fmt.Sprintf("glyph %d (%q)", gi, string(r))
		}
		return fmt.Sprintf("glyph %d", gi)
	}
	components := make([][]uint16, n)
	for gi := range n {
		start, end := offset(gi), offset(gi+1)
		if start > end || end > len(glyf) {
			return fmt.Errorf("%s lies outside the glyf table (bytes %d–%d of %d)", desc(gi), start, end, len(glyf))
		}
		g := glyf[start:end]
		if len(g) == 0 {
			continue
		}
		if len(g) < 10 {
			return fmt.Errorf("%s is truncated", desc(gi))
		}
		if int16(binary.BigEndian.Uint16(g)) >= 0 {
			continue // a simple outline: no references
		}
		for p := 10; ; {
			if p+4 > len(g) {
				return fmt.Errorf("%s is a composite cut off in its component list", desc(gi))
			}
			flags, ref := binary.BigEndian.Uint16(g[p:]), binary.BigEndian.Uint16(g[p+2:])
			if int(ref) >= n {
				return fmt.Errorf("%s is made of glyph %d, but the font has only %d glyphs", desc(gi), ref, n)
			}
			components[gi] = append(components[gi], ref)
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
			if p > len(g) {
				return fmt.Errorf("%s is a composite cut off in its component list", desc(gi))
			}
			if flags&0x0020 == 0 { // no MORE_COMPONENTS
				break
			}
		}
	}
	// Depth-first from each composite; state 1 is "on the current path",
	// 2 is "checked".
	state := make([]uint8, n)
	var walk func(gi, depth int, path []int) error
	walk = func(gi, depth int, path []int) error {
		if state[gi] == 2 {
			return nil
		}
		if state[gi] == 1 {
			if path[len(path)-1] == gi {
				return fmt.Errorf("%s is a composite made of itself", desc(gi))
			}
			return fmt.Errorf("%s is a composite that contains itself through %s", desc(gi), desc(path[len(path)-1]))
		}
		if depth > maxComponentDepth {
			return fmt.Errorf("%s nests composite glyphs more than %d deep", desc(path[0]), maxComponentDepth)
		}
		state[gi] = 1
		for _, c := range components[gi] {
			if err := walk(int(c), depth+1, append(path, gi)); err != nil {
				return err
			}
		}
		state[gi] = 2
		return nil
	}
	for gi := range n {
		if len(components[gi]) > 0 {
			if err := walk(gi, 0, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// runeOf is a character the font draws with glyph gi, for messages; 0 when
// none is found. It scans the character map, so it is only for errors.
func runeOf(f *sfnt.Font, buf *sfnt.Buffer, gi int) rune {
	for r := rune(0x20); r < 0x10000; r++ {
		if g, err := f.GlyphIndex(buf, r); err == nil && int(g) == gi {
			return r
		}
	}
	return 0
}
