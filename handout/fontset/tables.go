package fontset

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// Limits on a font's metrics. The OpenType specification allows 16 to
// 16384 units per em; the widest glyph in 318 fonts of Debian's Noto and
// DejaVu packages is 7.9 em (an Arabic ligature).
const (
	minUnitsPerEm, maxUnitsPerEm = 16, 16384
	maxAdvanceEm                 = 16
)

// checkTables checks what fpdf's subsetter reads without bounds or with a
// message printed to standard output instead of an error: every table
// inside the file and named once, the tables it copies present and long
// enough, a horizontal-metrics table covering every glyph, a units-per-em
// a renderer accepts, no absurd advance, and a format 4 character map
// under the platform and encoding it looks for, whose segments are in
// order and name glyphs the font has. A font failing any of these made a
// subset that panicked, printed "Font does not have cmap for Unicode" in
// the middle of `build --json`, or a PDF whose text no reader shows.
func checkTables(data []byte, name func(gi int) rune) error {
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return fmt.Errorf("its table directory lists %d tables, more than the file holds", n)
	}
	seen := map[string]bool{}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(data)) {
			return fmt.Errorf("its %s table lies outside the file", strings.TrimSpace(tag))
		}
		if seen[tag] {
			return fmt.Errorf("it has two %s tables", strings.TrimSpace(tag))
		}
		seen[tag] = true
	}
	for _, t := range []struct {
		tag string
		min int
	}{{"head", 54}, {"hhea", 36}, {"maxp", 6}, {"hmtx", 4}, {"post", 32}, {"cmap", 4}} {
		if len(table(data, t.tag)) < t.min {
			return fmt.Errorf("its %s table is missing or shorter than %d bytes", t.tag, t.min)
		}
	}
	head, hhea, maxp, hmtx := table(data, "head"), table(data, "hhea"), table(data, "maxp"), table(data, "hmtx")
	upem := int(binary.BigEndian.Uint16(head[18:]))
	if upem < minUnitsPerEm || upem > maxUnitsPerEm {
		return fmt.Errorf("its head.unitsPerEm is %d; a font's em is %d to %d units, most often 1000 or 2048", upem, minUnitsPerEm, maxUnitsPerEm)
	}
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if metrics == 0 || metrics > glyphs {
		return fmt.Errorf("its hhea table gives %d horizontal metrics for %d glyphs", metrics, glyphs)
	}
	if len(hmtx) < 2*metrics+2*glyphs {
		return fmt.Errorf("its hmtx table holds %d bytes, too few for %d glyphs", len(hmtx), glyphs)
	}
	for gi := range metrics {
		if adv := int(binary.BigEndian.Uint16(hmtx[4*gi:])); adv > maxAdvanceEm*upem {
			g := fmt.Sprintf("glyph %d", gi)
			if r := name(gi); r != 0 {
				g += fmt.Sprintf(" (%q)", string(r))
			}
			return fmt.Errorf("%s is %.0f em wide (an advance of %d units); no real glyph is wider than %d em", g, float64(adv)/float64(upem), adv, maxAdvanceEm)
		}
	}
	return checkCmap(data, glyphs)
}

// checkCmap finds the character map fpdf's subsetter reads, the first
// record for platform 3 encoding 1 (Windows, BMP) or platform 0 (Unicode)
// whose subtable is format 4, and checks that it is whole: fpdf reads its
// arrays without bounds and maps each of its characters to a glyph.
func checkCmap(data []byte, glyphs int) error {
	cmap := table(data, "cmap")
	var sub []byte
	var labels []string
	for i := range int(binary.BigEndian.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return fmt.Errorf("its cmap table lists more character maps than it holds")
		}
		platform, encoding := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off < 0 || off+4 > len(cmap) {
			return fmt.Errorf("its character map %d,%d lies outside the cmap table", platform, encoding)
		}
		format := binary.BigEndian.Uint16(cmap[off:])
		labels = append(labels, fmt.Sprintf("%d,%d format %d", platform, encoding, format))
		if (platform == 3 && encoding == 1 || platform == 0) && format == 4 {
			length := int(binary.BigEndian.Uint16(cmap[off+2:]))
			if length < 16 || off+length > len(cmap) {
				return fmt.Errorf("its character map %d,%d is cut off", platform, encoding)
			}
			sub = cmap[off : off+length]
			break
		}
	}
	if sub == nil {
		have := "none"
		if len(labels) > 0 {
			have = strings.Join(labels, ", ")
		}
		return fmt.Errorf("it has no Unicode character map that can be embedded: a format 4 map for platform 3 encoding 1 (Windows BMP) or platform 0 (Unicode) is needed; it has %s", have)
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if 16+8*segs > len(sub) {
		return fmt.Errorf("its Unicode character map is cut off (%d segments in %d bytes)", segs, len(sub))
	}
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(sub[p:])) }
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	prev := -1
	for s := range segs {
		start, end := u16(starts+2*s), u16(ends+2*s)
		if start > end || start <= prev {
			return fmt.Errorf("its Unicode character map is damaged: segment %d (U+%04X–U+%04X) is out of order", s+1, start, end)
		}
		prev = end
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				// As fpdf reads it: past the subtable is glyph 0, and
				// a glyph ID half inside it is read past its end.
				p := ranges + 2*s + ro + 2*(c-start)
				if p == len(sub)-1 {
					return fmt.Errorf("its Unicode character map is cut off inside the glyph of U+%04X", c)
				}
				if g = 0; p < len(sub) {
					if g = u16(p); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g >= glyphs && c != 0xFFFF {
				return fmt.Errorf("its Unicode character map maps U+%04X to glyph %d, but the font has only %d glyphs", c, g, glyphs)
			}
		}
	}
	return nil
}

// cmapWidths is a face's width table (Face.widths) read straight from its
// format 4 Unicode character map and its hmtx table: for a CJK face,
// asking sfnt about each of the 65,536 code points cost 8–20 ms of a
// build that has 40. ok is false when the map or metrics cannot be read
// this way; the caller then asks sfnt.
func cmapWidths(data []byte) (t []uint16, ok bool) {
	head, hhea, maxp, hmtx, cmap := table(data, "head"), table(data, "hhea"), table(data, "maxp"), table(data, "hmtx"), table(data, "cmap")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(cmap) < 4 {
		return nil, false
	}
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if upem == 0 || long == 0 || len(hmtx) < 4*long {
		return nil, false
	}
	sub := cmapSubtable(cmap, 3, 1, 4)
	if sub == nil {
		return nil, false
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if 16+8*segs > len(sub) {
		return nil, false
	}
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(sub[p:])) }
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	t = make([]uint16, 0x10000)
	for s := range segs {
		start, end := u16(starts+2*s), u16(ends+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		for c := max(start, 0x20); c <= end && c < 0xFFFF; c++ {
			g := (c + delta) & 0xFFFF
			if ro != 0 {
				g = 0
				if p := ranges + 2*s + ro + 2*(c-start); p+2 <= len(sub) {
					if g = u16(p); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g == 0 || g >= glyphs {
				continue
			}
			adv := float64(binary.BigEndian.Uint16(hmtx[4*min(g, long-1):]))
			if w := uint16(math.Round(adv * 1000 / upem)); w != 0 {
				t[c] = w
			} else {
				t[c] = zeroAdvance
			}
		}
	}
	return t, true
}

// cmapSubtable is the subtable of the cmap table for platform and
// encoding, if it has the format (4 or 14), or nil when it has none or
// the table is damaged.
func cmapSubtable(cmap []byte, platform, encoding, format uint16) []byte {
	if len(cmap) < 4 {
		return nil
	}
	for i := range int(binary.BigEndian.Uint16(cmap[2:])) {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil
		}
		if binary.BigEndian.Uint16(cmap[rec:]) != platform || binary.BigEndian.Uint16(cmap[rec+2:]) != encoding {
			continue
		}
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if off < 0 || off+8 > len(cmap) {
			return nil
		}
		if binary.BigEndian.Uint16(cmap[off:]) != format {
			continue
		}
		length := int(binary.BigEndian.Uint16(cmap[off+2:]))
		if format == 14 {
			length = int(binary.BigEndian.Uint32(cmap[off+2:]))
		}
		if length < 16 || length > len(cmap)-off {
			return nil
		}
		return cmap[off : off+length]
	}
	return nil
}

// SmallCmap is a cmap table holding only the BMP Unicode map (platform 3
// encoding 1, format 4) of the cmap table given, and its Unicode
// variation sequences (platform 0 encoding 5, format 14) if it has them,
// or nil when it has no such BMP map. The shaper reads it in place of a
// CJK face's own (shape's maskedFile): the characters a handout prints
// are the BMP map's (Face.Has), and the 32-bit map beside it is four
// times as long.
func SmallCmap(cmap []byte) []byte {
	bmp := cmapSubtable(cmap, 3, 1, 4)
	if bmp == nil {
		return nil
	}
	var subs [][]byte
	var ids [][2]uint16
	if uvs := cmapSubtable(cmap, 0, 5, 14); uvs != nil {
		subs, ids = append(subs, uvs), append(ids, [2]uint16{0, 5})
	}
	subs, ids = append(subs, bmp), append(ids, [2]uint16{3, 1})
	return appendCmap(nil, subs, ids)
}

// Table is the table tag of the font file data, or nil when it has none
// or its record points outside the file.
func Table(data []byte, tag string) []byte { return table(data, tag) }

// CmapParts is what SmallCmap keeps of a cmap table: its BMP Unicode map
// (platform 3 encoding 1, format 4) and its Unicode variation sequences
// (platform 0 encoding 5, format 14), each nil if it has none. Two faces
// whose parts are the same map every character to the same glyph.
func CmapParts(cmap []byte) (bmp, uvs []byte) {
	return cmapSubtable(cmap, 3, 1, 4), cmapSubtable(cmap, 0, 5, 14)
}

// VariationsCmap is a cmap table holding the Unicode variation sequences
// of the cmap table given (as SmallCmap) and a BMP map of no character:
// for a face whose character map the shaper takes from another face with
// the same one (shape's sharedLayout), which still reads the sequences
// itself.
func VariationsCmap(cmap []byte) []byte {
	uvs := cmapSubtable(cmap, 0, 5, 14)
	empty := emptyCmap[12:] // the format 4 subtable
	subs, ids := [][]byte{empty}, [][2]uint16{{3, 1}}
	if uvs != nil {
		subs, ids = [][]byte{uvs, empty}, [][2]uint16{{0, 5}, {3, 1}}
	}
	return appendCmap(nil, subs, ids)
}

// appendCmap appends a cmap table of the subtables subs, for the platform
// and encoding ids (in the order the format asks: by platform, then
// encoding).
func appendCmap(out []byte, subs [][]byte, ids [][2]uint16) []byte {
	out = binary.BigEndian.AppendUint16(out, 0)
	out = binary.BigEndian.AppendUint16(out, uint16(len(subs)))
	off := 4 + 8*len(subs)
	for i, sub := range subs {
		out = binary.BigEndian.AppendUint16(out, ids[i][0])
		out = binary.BigEndian.AppendUint16(out, ids[i][1])
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		off += len(sub)
	}
	for _, sub := range subs {
		out = append(out, sub...)
	}
	return out
}
