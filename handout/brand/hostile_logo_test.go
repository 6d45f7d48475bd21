package brand

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"runtime"
	"strings"
	"testing"

	"handouts/internal/imagetest"
)

// progressiveJPEG is testdata/progressive.jpg: a 32×16 grey gradient saved
// by ImageMagick as a progressive JPEG (see testdata/README.md).
func progressiveJPEG(t testing.TB) []byte {
	data, err := os.ReadFile("testdata/progressive.jpg")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// repeatACScan is a progressive JPEG with its first AC scan (a spectral
// band's first pass, with the Huffman table written just before it)
// repeated extra times more before the end of the image: the logo of issue
// 21, whose one AC scan repeated 2,000 times made a 4096² file decode for
// 14 s. A first pass only sets coefficients, so the repeats keep the file
// valid to the decoder.
func repeatACScan(t testing.TB, data []byte, extra int) []byte {
	start, from, end := -1, -1, -1
	for p := 2; p+4 <= len(data) && end < 0; {
		m, n := data[p+1], int(binary.BigEndian.Uint16(data[p+2:]))
		if m == 0xD9 {
			break
		}
		switch m {
		case 0xC4:
			if from < 0 {
				start = p
			}
		case 0xDA:
			ns := int(data[p+4])
			ss, ah := data[p+5+2*ns], data[p+7+2*ns]>>4
			if from < 0 && ss > 0 && ah == 0 {
				from = p
			} else if from < 0 {
				start = -1 // that table was this scan's
			}
		}
		p += 2 + n
		if m == 0xDA {
			for p+1 < len(data) && !(data[p] == 0xFF && data[p+1] != 0 && (data[p+1] < 0xD0 || data[p+1] > 0xD7)) {
				p++
			}
			if from >= 0 {
				end = p
			}
		} else if m != 0xC4 && from < 0 {
			start = -1
		}
	}
	if from < 0 || end < 0 {
		t.Fatal("no AC scan to repeat")
	}
	if start < 0 || start > from {
		start = from
	}
	eoi := bytes.LastIndex(data, []byte{0xFF, 0xD9})
	out := append([]byte(nil), data[:eoi]...)
	for range extra {
		out = append(out, data[start:end]...)
	}
	return append(out, 0xFF, 0xD9)
}

// A JPEG of more scans than MaxJPEGScans is refused from its markers,
// before decoding, with the limit named; an ordinary progressive JPEG, and
// one at the limit, print.
func TestLogoJPEGScanLimit(t *testing.T) {
	base := progressiveJPEG(t)
	n := readJPEGInfo(base).scans
	if n < 2 || n > 12 {
		t.Fatalf("the progressive test image has %d scans", n)
	}
	if _, err := DecodeLogo("progressive.jpg", base); err != nil {
		t.Fatalf("a progressive JPEG: %v", err)
	}
	at := repeatACScan(t, base, MaxJPEGScans-n)
	if got := readJPEGInfo(at).scans; got != MaxJPEGScans {
		t.Fatalf("%d scans counted, want %d", got, MaxJPEGScans)
	}
	if _, err := DecodeLogo("at.jpg", at); err != nil {
		t.Errorf("a JPEG of %d scans: %v", MaxJPEGScans, err)
	}
	for _, extra := range []int{MaxJPEGScans - n + 1, 2000} {
		_, err := DecodeLogo("scans.jpg", repeatACScan(t, base, extra))
		want := fmt.Sprintf("scans.jpg is a JPEG of more than %d scans; a logo may have at most %d", MaxJPEGScans, MaxJPEGScans)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%d scans: err = %v, want %q", n+extra, err, want)
		}
	}
}

// thinPNG is a PNG whose header says w×h, 16-bit RGBA: the size is refused
// from the header, so its pixel data is one row of zeros (valid for w×1).
func thinPNG(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	chunk("IHDR", append(ihdr, 16, imagetest.RGBA, 0, 0, 0))
	chunk("IDAT", []byte{0x78, 0x01, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}) // an empty zlib stream
	chunk("IEND", nil)
	return b.Bytes()
}

// Thin images within the pixel limit are refused from the header when a
// side passes MaxLogoSide: 16,777,216×1 and 1×16,777,216 16-bit RGBA PNGs
// (130 KB and 293 KB) took 1.1 and 1.65 GB to decode and scale.
func TestLogoSideLimit(t *testing.T) {
	for _, wh := range [][2]int{{1 << 24, 1}, {1, 1 << 24}, {MaxLogoSide + 1, 2}, {2, MaxLogoSide + 1}} {
		_, err := DecodeLogo("thin.png", thinPNG(wh[0], wh[1]))
		want := fmt.Sprintf("thin.png is %d×%d pixels; a logo's side may be at most 16384 pixels", wh[0], wh[1])
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%d×%d: err = %v, want %q", wh[0], wh[1], err, want)
		}
	}
}

// Within the limits, memory follows the pixels, not the shape: a logo at
// the side limit allocates no more than twice what a square one of as many
// pixels does (counted in bytes allocated, in one run).
func TestLogoMemoryFollowsPixels(t *testing.T) {
	allocs := func(w, h int) uint64 {
		data := imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.RGBA, Depth: 16, Pixel: func(x, y int) []byte {
			return []byte{byte(x), 0, byte(y), 0, 9, 0, 0xFF, 0xFF}
		}})
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := DecodeLogo("logo.png", data); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	square := allocs(128, 128)
	for _, wh := range [][2]int{{MaxLogoSide, 1}, {1, MaxLogoSide}} {
		if got := allocs(wh[0], wh[1]); got > 2*square {
			t.Errorf("%d×%d allocates %d bytes, a 128×128 one %d", wh[0], wh[1], got, square)
		}
	}
}

// orientedJPEG is scene stored as EXIF orientation o says a camera stores
// it, tagged o: shown as the tag says, it is scene again. The stored
// pixels are made with plain mirrors and a transpose, not with the code
// under test. order is the TIFF byte order, "MM" or "II".
func orientedJPEG(t testing.TB, scene *image.RGBA, o int, order string) []byte {
	flipH := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(b)
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(b.Dx()-1-x, y, m.At(x, y))
			}
		}
		return out
	}
	flipV := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(b)
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(x, b.Dy()-1-y, m.At(x, y))
			}
		}
		return out
	}
	transpose := func(m *image.RGBA) *image.RGBA {
		b := m.Bounds()
		out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
		for y := range b.Dy() {
			for x := range b.Dx() {
				out.Set(y, x, m.At(x, y))
			}
		}
		return out
	}
	stored := map[int]*image.RGBA{
		1: scene,
		2: flipH(scene),                   // shown mirrored
		3: flipH(flipV(scene)),            // shown turned half
		4: flipV(scene),                   // shown flipped
		5: transpose(scene),               // shown transposed
		6: flipV(transpose(scene)),        // shown turned a quarter clockwise
		7: flipH(flipV(transpose(scene))), // shown transversed
		8: flipH(transpose(scene)),        // shown turned a quarter anticlockwise
	}[o]
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, stored, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	var bo interface {
		binary.ByteOrder
		binary.AppendByteOrder
	} = binary.BigEndian
	tiff := []byte("MM\x00*")
	if order == "II" {
		bo, tiff = binary.LittleEndian, []byte("II*\x00")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 2) // two entries: ImageDescription first, then Orientation
	tiff = bo.AppendUint16(tiff, 0x010E)
	tiff = bo.AppendUint16(tiff, 2)
	tiff = bo.AppendUint32(tiff, 4)
	tiff = append(tiff, 'l', 'o', 'g', 0)
	tiff = bo.AppendUint16(tiff, 0x0112)
	tiff = bo.AppendUint16(tiff, 3)
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // padding, no next directory
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(app1)+2))
	out = append(out, app1...)
	return append(out, buf.Bytes()[2:]...)
}

// A JPEG tagged with an EXIF orientation prints as it is shown on screen,
// for each of the eight orientations, in either TIFF byte order.
func TestLogoEXIFOrientation(t *testing.T) {
	// A 48×16 scene of three coloured blocks over a dark band: no two
	// orientations show it alike.
	scene := image.NewRGBA(image.Rect(0, 0, 48, 16))
	colours := []color.RGBA{{230, 30, 30, 255}, {30, 200, 30, 255}, {30, 30, 230, 255}}
	for y := range 16 {
		for x := range 48 {
			c := colours[x/16]
			if y >= 12 {
				c = color.RGBA{20, 20, 20, 255}
			}
			scene.Set(x, y, c)
		}
	}
	for o := 1; o <= 8; o++ {
		for _, order := range []string{"MM", "II"} {
			data := orientedJPEG(t, scene, o, order)
			l, err := DecodeLogo("photo.jpg", data)
			if err != nil {
				t.Fatalf("orientation %d: %v", o, err)
			}
			img, err := jpeg.Decode(bytes.NewReader(l.Data))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != 48 || b.Dy() != 16 || l.Width != 48 || l.Height != 16 {
				t.Errorf("orientation %d (%s): printed %d×%d (logo %d×%d), want 48×16", o, order, b.Dx(), b.Dy(), l.Width, l.Height)
				continue
			}
			for _, p := range []image.Point{{8, 5}, {24, 5}, {40, 5}, {8, 14}, {40, 14}} {
				want := scene.RGBAAt(p.X, p.Y)
				r, g, b, _ := img.At(p.X, p.Y).RGBA()
				if d := max(diff(r>>8, want.R), diff(g>>8, want.G), diff(b>>8, want.B)); d > 40 {
					t.Errorf("orientation %d (%s): pixel %v is %d,%d,%d, want %v", o, order, p, r>>8, g>>8, b>>8, want)
				}
			}
		}
	}
}

func diff(a uint32, b uint8) uint32 {
	if a > uint32(b) {
		return a - uint32(b)
	}
	return uint32(b) - a
}
