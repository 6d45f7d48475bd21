package fontset

import (
	"encoding/binary"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handouts/internal/fonttest"
)

// FuzzParseFace patches bytes of the glyph tables of the default regular
// face. Loading never panics, and a face it accepts never sends fpdf's
// subsetter into unbounded recursion: that is a fatal stack overflow no
// recover catches, so the fuzzer would report it as a crash. (Other
// panics of the subsetter are recovered by the PDF writer and become an
// error for the document.)
func FuzzParseFace(f *testing.F) {
	a, b := fonttest.Regular().Glyph('A'), fonttest.Regular().Glyph('B')
	f.Add(uint32(0), uint16(0), uint16(0))
	f.Add(uint32(1), uint16(a), uint16(a))
	f.Add(uint32(2), uint16(a), uint16(b))
	f.Add(uint32(3), uint16(a), uint16(65000))
	f.Fuzz(func(t *testing.T, where uint32, glyph, ref uint16) {
		font := fonttest.Regular()
		n := font.NumGlyphs()
		g, r := int(glyph)%n, int(ref)
		if where%4 != 0 && (font.Room(g) < 26 || font.Room(r%n) < 26) {
			return // too small a glyph to hold a composite in place
		}
		switch where % 4 {
		case 1:
			font.SetComposite(g, r%n, r%n)
		case 2:
			font.SetComposite(g, r%n)
			font.SetComposite(r%n, (g+r)%n)
		case 3:
			if g+1 < n {
				font.TruncateComposite(g, r%n)
			}
		default:
			// A raw two-byte patch anywhere in the file.
			if off := int(where>>2) % (len(font.Data) - 2); off >= 0 {
				binary.BigEndian.PutUint16(font.Data[off:], ref)
			}
		}
		face, err := parseFace(font.Data, "fuzz.ttf")
		if err != nil {
			return
		}
		face.Width("The quick brown fox", 12)
		func() {
			defer func() { recover() }()
			fpdf.UTF8CutFont(face.Data, " -ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
		}()
	})
}
