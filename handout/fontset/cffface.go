package fontset

import (
	"encoding/binary"
	"math"

	"golang.org/x/image/math/fixed"
)

// parseCFFFace is parseFaceOutlines for a CJK face with CFF outlines
// (Noto Sans CJK), read from its tables alone: its widths from the BMP
// character map and hmtx (cmapWidths), its metrics from head, hhea and
// OS/2, its CFF's structure by readCFF. sfnt.Parse, which the general
// path asks for the same numbers, also indexes all 65,535 charstrings
// and decodes the 32-bit character map: 2 to 3 ms a face, twice a
// Chinese build. It gives the same values as that path, or nil when the
// face is anything but a well-formed one of this kind, which that path
// then reads (and refuses with its messages).
func parseCFFFace(data []byte, path string) *Face {
	if len(data) < 12 || checkTables(data, func(int) rune { return 0 }) != nil {
		return nil
	}
	head, hhea, maxp, hmtx, os2 := table(data, "head"), table(data, "hhea"), table(data, "maxp"), table(data, "hmtx"), table(data, "OS/2")
	// As sfnt requires: an hhea of 36 bytes, an hmtx of the length its
	// metrics count gives, and here an OS/2 of version 2 or later, which
	// gives the x-height and cap height (else sfnt measures glyphs).
	glyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	long := int(binary.BigEndian.Uint16(hhea[34:]))
	if len(hhea) != 36 || len(hmtx) != 4*long && len(hmtx) != 4*long+2*(glyphs-long) ||
		len(os2) < 96 || binary.BigEndian.Uint16(os2) < 2 {
		return nil
	}
	widths, ok := cmapWidths(data)
	if !ok {
		return nil
	}
	// A face that maps none of these letters maps no text, and a letter
	// without width is damage: the general path says which.
	mapsText := false
	for _, r := range "aA" + scriptLetters {
		mapsText = mapsText || widths[r] != 0
	}
	for _, r := range "AaBbEeOo" + scriptLetters {
		if widths[r] == zeroAdvance {
			return nil
		}
	}
	if !mapsText {
		return nil
	}
	cff, err := readCFF(table(data, "CFF "))
	if err != nil {
		return nil
	}
	upem := int32(binary.BigEndian.Uint16(head[18:]))
	i16 := func(b []byte, off int) int32 { return int32(int16(binary.BigEndian.Uint16(b[off:]))) }
	// sfnt's arithmetic, to the bit: a value in font units times ppem
	// (the em in 26.6 units), divided by the em, rounded half away from
	// zero, in 32 bits.
	ppem := fixed.Int26_6(upem) << 6
	scaled := func(v int32) fixed.Int26_6 {
		x := fixed.Int26_6(v) * ppem
		if x >= 0 {
			x += fixed.Int26_6(upem) / 2
		} else {
			x -= fixed.Int26_6(upem) / 2
		}
		return x / fixed.Int26_6(upem)
	}
	scale := 1000 / float64(upem)
	unit := func(v fixed.Int26_6) float64 { return float64(v) / 64 * scale }

	face := &Face{Data: data, Path: path, Name: faceName(path), Upem: int(upem), NumGlyphs: glyphs, widths: widths, cff: cff}
	face.missing = uint16(math.Round(unit(scaled(int32(binary.BigEndian.Uint16(hmtx))))))
	face.Ascent = unit(scaled(i16(hhea, 4)))
	face.Descent = -unit(-scaled(i16(hhea, 6)))
	face.CapHeight = int(math.Round(unit(scaled(i16(os2, 88)))))
	face.XHeight = unit(scaled(i16(os2, 86)))
	if face.CapHeight == 0 {
		face.CapHeight = int(math.Round(face.Ascent))
	}
	readDescriptor(face, data, 1000/float64(upem))
	return face
}
