package fonttest

import "encoding/binary"

// CIDFont is a small CID-keyed CFF font program, written byte by byte so
// that it is reproducible and needs no font on the machine: the shape of
// Noto Sans CJK's (ROS, an FDArray of two font dicts each with a private
// dict and local subroutines, FDSelect format 3, a format 2 charset, and
// global subroutines), with glyphs that call subroutines from
// subroutines and carry hint masks whose length depends on the stems
// declared before them, also inside a subroutine.
//
// Glyphs: 0 .notdef; 1 a box drawn by global subroutine 0; 2 stems, a
// hint mask and local subroutine 0 of font dict 0, which calls global
// subroutine 1; 3 (font dict 1) nine stems so that its hint mask is two
// bytes, then local subroutine 1 of font dict 1 with a counter mask of
// its own; 4 no subroutines. Global subroutine 2 and the local
// subroutines of font dict 1 other than 1 are never called.
func CIDFont() []byte {
	num := func(vs ...int) []byte {
		var b []byte
		for _, v := range vs {
			if v >= -107 && v <= 107 {
				b = append(b, byte(v+139))
			} else {
				b = append(b, 28, byte(v>>8), byte(v))
			}
		}
		return b
	}
	cat := func(parts ...[]byte) []byte {
		var b []byte
		for _, p := range parts {
			b = append(b, p...)
		}
		return b
	}
	const (
		rlineto, rmoveto, endchar, ret       = 5, 21, 14, 11
		hstemhm, vstemhm, hintmask, cntrmask = 18, 23, 19, 20
		callsubr, callgsubr                  = 10, 29
	)
	op := func(o byte) []byte { return []byte{o} }
	bias := -107 // fewer than 1240 subroutines
	gsubrs := [][]byte{
		cat(num(0, 100), op(rlineto), num(100, 0), op(rlineto), num(0, -100), op(rlineto), op(ret)),
		cat(num(50, 50), op(rlineto), op(ret)),
		cat(num(7, 7), op(rlineto), op(ret)), // never called
	}
	lsubrs0 := [][]byte{
		cat(num(10, 10), op(rlineto), num(1+bias), op(callgsubr), op(ret)),
	}
	lsubrs1 := [][]byte{
		cat(num(3, 3), op(rlineto), op(ret)), // never called
		cat(op(cntrmask), []byte{0xff, 0x1d}, num(20, -20), op(rlineto), op(ret)),
		cat(num(9, 9), op(rlineto), op(ret)), // never called
	}
	charstrings := [][]byte{
		cat(num(500, 0, 0), op(rmoveto), num(400, 0, 0, 700, -400, 0), op(rlineto), op(endchar)),
		cat(num(100, 100), op(rmoveto), num(0+bias), op(callgsubr), op(endchar)),
		cat(num(600, 10, 20, 100, 20), op(hstemhm), num(30, 40), op(vstemhm), op(hintmask), []byte{0xe0},
			num(100, 100), op(rmoveto), num(0+bias), op(callsubr), op(endchar)),
		cat(num(0, 10, 0, 10, 0, 10, 0, 10, 0, 10), op(hstemhm), num(0, 10, 0, 10, 0, 10, 0, 10), op(vstemhm),
			op(hintmask), []byte{0xff, 0x1d}, num(50, 50), op(rmoveto), num(1+bias), op(callsubr), op(endchar)),
		cat(num(300, 0, 0), op(rmoveto), num(100, 100), op(rlineto), op(endchar)),
	}
	fdSelect := []byte{3, 0, 3, 0, 0, 0, 0, 3, 1, 0, 4, 0, 0, 5} // glyphs 0-2 dict 0, 3 dict 1, 4 dict 0

	index := func(items [][]byte) []byte {
		b := binary.BigEndian.AppendUint16(nil, uint16(len(items)))
		b = append(b, 2) // two-byte offsets
		off := 1
		b = binary.BigEndian.AppendUint16(b, uint16(off))
		for _, it := range items {
			off += len(it)
			b = binary.BigEndian.AppendUint16(b, uint16(off))
		}
		return cat(b, cat(items...))
	}
	int32op := func(v int, o ...byte) []byte {
		return append([]byte{29, byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}, o...)
	}
	private := func(subrs [][]byte) []byte {
		// BlueValues, defaultWidthX, nominalWidthX, then Subrs after the dict.
		d := cat(num(-12, 12, 700, 12), op(6), num(500), op(20), num(0), op(21))
		return cat(d, int32op(len(d)+6, 19), index(subrs))
	}
	priv0, priv1 := private(lsubrs0), private(lsubrs1)
	privLen := func(subrs [][]byte) int { return len(private(subrs)) - len(index(subrs)) }

	strs := index([][]byte{[]byte("Adobe"), []byte("Identity"), []byte("Test-FD0"), []byte("Test-FD1")})
	top := func(charset, cs, fdArray, fdSel int) []byte {
		return cat(num(391, 392, 0), []byte{12, 30}, num(5), []byte{12, 34},
			int32op(charset, 15), int32op(cs, 17), int32op(fdArray, 12, 36), int32op(fdSel, 12, 37))
	}
	fdArray := func(at0, at1 int) []byte {
		return index([][]byte{
			cat(num(393), op(12), []byte{38}, int32op(privLen(lsubrs0)), int32op(at0, 18)),
			cat(num(394), op(12), []byte{38}, int32op(privLen(lsubrs1)), int32op(at1, 18)),
		})
	}
	header, names := []byte{1, 0, 4, 4}, index([][]byte{[]byte("TestCID")})
	charset := []byte{2, 0, 1, 0, 3}
	csIndex, gIndex := index(charstrings), index(gsubrs)
	at := len(header) + len(names) + len(index([][]byte{top(0, 0, 0, 0)})) + len(strs) + len(gIndex)
	charsetAt := at
	fdSelAt := charsetAt + len(charset)
	csAt := fdSelAt + len(fdSelect)
	fdArrayAt := csAt + len(csIndex)
	priv0At := fdArrayAt + len(fdArray(0, 0))
	priv1At := priv0At + len(priv0)
	return cat(header, names, index([][]byte{top(charsetAt, csAt, fdArrayAt, fdSelAt)}), strs, gIndex,
		charset, fdSelect, csIndex, fdArray(priv0At, priv1At), priv0, priv1)
}
