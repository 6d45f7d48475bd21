package fontset

import (
	"encoding/binary"
	"io"
	"os"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handouts/internal/fonttest"
)

// fuzzBases are the fonts FuzzParseFace patches: the default regular face
// and the crafted fonts of issue 21, each made by a generator in
// internal/fonttest so the bytes are reproducible.
var fuzzBases = []func() *fonttest.Font{
	fonttest.Regular,
	func() *fonttest.Font { return fonttest.Regular().Nest('-', 4, 3) },  // nested, within the limits
	func() *fonttest.Font { return fonttest.Regular().Nest('-', 16, 8) }, // the composite bomb
	func() *fonttest.Font { return fonttest.Regular().Nest('-', 1, 40) }, // 40 levels, deep end first
	func() *fonttest.Font { return fonttest.Regular().Nest('-', 2, 30) }, // pairs, 30 levels
	func() *fonttest.Font { return fonttest.Regular().RelabelCmaps() },   // cmap records 3,10
	func() *fonttest.Font { return fonttest.Regular().SetUnitsPerEm(1) },
	func() *fonttest.Font { return fonttest.Regular().SetAdvances(65535) },
}

// FuzzParseFace patches a crafted or default font. Loading never panics,
// and a face it accepts is one fpdf's subsetter cuts without a panic,
// without printing to standard output (where `build --json` writes its
// report) and with a bounded walk of its composites. Nothing is recovered
// here: any panic, or a subsetter that runs away, fails the target.
func FuzzParseFace(f *testing.F) {
	a, b := fonttest.Regular().Glyph('A'), fonttest.Regular().Glyph('B')
	for base := range fuzzBases {
		f.Add(uint8(base), uint32(0), uint16(0), uint16(0))
	}
	f.Add(uint8(0), uint32(1), uint16(a), uint16(a))
	f.Add(uint8(0), uint32(2), uint16(a), uint16(b))
	f.Add(uint8(0), uint32(3), uint16(a), uint16(65000))
	f.Add(uint8(1), uint32(4*0x14), uint16(0), uint16(3)) // a patch in the table directory
	f.Fuzz(func(t *testing.T, base uint8, where uint32, glyph, ref uint16) {
		font := fuzzBases[int(base)%len(fuzzBases)]()
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
		const cut = " -ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		if _, err := face.SubsetGlyphs(cut); err != nil {
			t.Fatalf("an accepted face has a subset outside the limits: %v", err)
		}
		var sub []byte
		if out := captureStdout(t, func() { sub = fpdf.UTF8CutFont(face.Data, cut) }); out != "" {
			t.Fatalf("the subsetter printed %q for an accepted face", out)
		}
		if len(sub) == 0 {
			t.Fatal("the subsetter made nothing of an accepted face")
		}
	})
}

// captureStdout runs fn with standard output sent to a pipe, and returns
// what it wrote. A fuzz worker runs one input at a time, so swapping the
// process's stdout is safe here as it would not be in the program.
func captureStdout(t *testing.T, fn func()) string {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() { b, _ := io.ReadAll(r); done <- string(b) }()
	defer func() { os.Stdout = old }()
	fn()
	w.Close()
	os.Stdout = old
	return <-done
}
