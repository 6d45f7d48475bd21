package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// A GlyphSubset is a TrueType font program holding only some glyphs of a
// font, renumbered compactly from 0 in the order of their old numbers
// (.notdef stays 0), for a PDF's CIDFontType2 font with Identity-H text
// and an identity CIDToGIDMap: a document's 23 glyphs of a 3,000-glyph
// font cost their own outlines, not an entry per glyph of the font.
type GlyphSubset struct {
	Program []byte         // the TrueType file
	NewID   map[uint16]int // old glyph ID -> new, for every glyph kept
	// Advances are the kept glyphs' advance widths by new ID, in font
	// units, from the font's hmtx table.
	Advances []int
	Upem     int
	// CFF is set when Program is a bare CID-keyed CFF font (from an
	// OpenType font with CFF outlines, subsetCFF), for a CIDFontType0
	// font, its CIDs the new glyph numbers; else Program is TrueType.
	CFF bool
}

// Subset cuts the glyphs gids out of the TrueType file data, with every
// glyph their composites are made of (ComponentClosure, under its limits)
// and .notdef. Only the tables a PDF reader draws from are kept (ISO
// 32000-1, 9.9: glyf, loca, head, hhea, hmtx, maxp, and the hinting
// tables cvt, fpgm, prep), plus a post table without glyph names. A
// damaged font is an error, never a panic.
func Subset(data []byte, gids []int) (*GlyphSubset, error) {
	if cff := table(data, "CFF "); cff != nil {
		return subsetOpenTypeCFF(data, cff, gids)
	}
	g, err := readGlyphData(data)
	if err != nil {
		return nil, err
	}
	head, hhea, maxp, hmtx := table(data, "head"), table(data, "hhea"), table(data, "maxp"), table(data, "hmtx")
	if len(hhea) < 36 || len(head) < 54 {
		return nil, errors.New("its head or hhea table is missing or short")
	}
	upem := int(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		return nil, errors.New("its head table gives 0 units per em")
	}
	long := int(binary.BigEndian.Uint16(hhea[34:])) // numberOfHMetrics
	if long == 0 || len(hmtx) < 4*long {
		return nil, errors.New("its hmtx table is short")
	}
	kept, err := g.closure(append([]int{0}, gids...), func(gi int) string { return fmt.Sprintf("glyph %d", gi) })
	if err != nil {
		return nil, err
	}
	if len(kept) > math.MaxUint16 {
		return nil, errors.New("too many glyphs")
	}
	s := &GlyphSubset{NewID: make(map[uint16]int, len(kept)), Upem: upem}
	for i, gi := range kept {
		s.NewID[uint16(gi)] = i
	}
	var glyf, loca, newHmtx []byte
	desc := func(gi int) string { return fmt.Sprintf("glyph %d", gi) }
	for _, gi := range kept {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		start, end := g.offset(gi), g.offset(gi+1)
		b := g.glyf[start:end] // checked by closure
		_, at, err := g.componentList(gi, desc)
		if err != nil {
			return nil, err
		}
		at0 := len(glyf)
		glyf = append(glyf, b...)
		for _, p := range at {
			old := binary.BigEndian.Uint16(glyf[at0+p:])
			binary.BigEndian.PutUint16(glyf[at0+p:], uint16(s.NewID[old]))
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		// A glyph past numberOfHMetrics takes the last advance, and its
		// left side bearing from the array that follows.
		var adv, lsb uint16
		if gi < long {
			adv, lsb = binary.BigEndian.Uint16(hmtx[4*gi:]), binary.BigEndian.Uint16(hmtx[4*gi+2:])
		} else {
			adv = binary.BigEndian.Uint16(hmtx[4*(long-1):])
			if p := 4*long + 2*(gi-long); p+2 <= len(hmtx) {
				lsb = binary.BigEndian.Uint16(hmtx[p:])
			}
		}
		newHmtx = binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint16(newHmtx, adv), lsb)
		s.Advances = append(s.Advances, int(adv))
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))

	newHead := slices.Clone(head[:54])
	binary.BigEndian.PutUint32(newHead[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(newHead[50:], 1) // long loca offsets
	newHhea := slices.Clone(hhea[:36])
	binary.BigEndian.PutUint16(newHhea[34:], uint16(len(kept)))
	newMaxp := slices.Clone(maxp)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(len(kept)))
	post := make([]byte, 32)
	if p := table(data, "post"); len(p) >= 32 {
		copy(post, p[:32])
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	tables := map[string][]byte{"cmap": emptyCmap, "glyf": glyf, "head": newHead, "hhea": newHhea, "hmtx": newHmtx, "loca": loca, "maxp": newMaxp, "post": post}
	for _, tag := range []string{"cvt ", "fpgm", "prep"} {
		if t := table(data, tag); t != nil {
			tables[tag] = t
		}
	}
	s.Program = writeTables(tables)
	// The whole file's checksum makes head's adjustment (OpenType, head).
	binary.BigEndian.PutUint32(s.Program[headOffset(s.Program)+8:], 0xB1B0AFBA-checksum(s.Program))
	return s, nil
}

// Subset is Subset(f.Data, gids), from the CFF table read when the face
// was loaded if it has one.
func (f *Face) Subset(gids []int) (*GlyphSubset, error) {
	if f.cff == nil {
		return Subset(f.Data, gids)
	}
	return subsetOpenTypeCFFRead(f.Data, f.cff, gids)
}

// subsetOpenTypeCFF is Subset for an OpenType font with CFF outlines: the
// subset is a bare CFF (subsetCFF), which a PDF embeds as it is.
func subsetOpenTypeCFF(data, cff []byte, gids []int) (*GlyphSubset, error) {
	f, err := readCFF(cff)
	if err != nil {
		return nil, err
	}
	return subsetOpenTypeCFFRead(data, f, gids)
}

// subsetOpenTypeCFFRead is subsetOpenTypeCFF of the CFF table read.
func subsetOpenTypeCFFRead(data []byte, cff *cffFont, gids []int) (*GlyphSubset, error) {
	head, hhea, maxp, hmtx := table(data, "head"), table(data, "hhea"), table(data, "maxp"), table(data, "hmtx")
	if len(hhea) < 36 || len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("its head, hhea or maxp table is missing or short")
	}
	upem := int(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		return nil, errors.New("its head table gives 0 units per em")
	}
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if long == 0 || len(hmtx) < 4*long {
		return nil, errors.New("its hmtx table is short")
	}
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	kept := append([]int{0}, gids...)
	slices.Sort(kept)
	kept = slices.Compact(kept)
	if kept[0] < 0 || kept[len(kept)-1] >= glyphs {
		return nil, fmt.Errorf("it has %d glyphs, and no glyph %d", glyphs, kept[len(kept)-1])
	}
	program, err := subsetReadCFF(cff, kept)
	if err != nil {
		return nil, err
	}
	s := &GlyphSubset{Program: program, NewID: make(map[uint16]int, len(kept)), Upem: upem, CFF: true}
	for i, gi := range kept {
		s.NewID[uint16(gi)] = i
		adv := binary.BigEndian.Uint16(hmtx[4*min(gi, long-1):])
		s.Advances = append(s.Advances, int(adv))
	}
	return s, nil
}

// emptyCmap maps no character: a PDF draws the subset's glyphs by number
// (Identity-H), but readers and parsers expect the table. It is a format 4
// subtable for (3, 1) with only the closing segment at U+FFFF.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at 12
	0, 4, 0, 24, 0, 0, // format 4, length 24, language
	0, 2, 0, 2, 0, 0, 0, 0, // segCountX2, searchRange, entrySelector, rangeShift
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta, idRangeOffset
}

// writeTables is a TrueType file of the tables, in tag order as the
// format asks, each 4-byte aligned with its checksum.
func writeTables(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entrySel := 0
	for 1<<(entrySel+1) <= n {
		entrySel++
	}
	searchRange := 16 << entrySel
	out := binary.BigEndian.AppendUint32(nil, 0x00010000)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySel))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-searchRange))
	off := 12 + 16*n
	for _, t := range tags {
		d := tables[t]
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(d))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(d)))
		off += (len(d) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// headOffset is where writeTables put the head table.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		rec := font[12+16*i:]
		if string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}
