package brand

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"runtime"
	"strings"
	"testing"

	"handouts/internal/imagetest"
)

// A JPEG of more scans than MaxJPEGScans is refused from its markers,
// before decoding, with the limit named; an ordinary progressive JPEG, and
// one at the limit, print.
func TestLogoJPEGScanLimit(t *testing.T) {
	base := imagetest.ProgressiveJPEG
	n := readJPEGInfo(base).scans
	if n < 2 || n > 12 {
		t.Fatalf("the progressive test image has %d scans", n)
	}
	if _, err := DecodeLogo("progressive.jpg", base); err != nil {
		t.Fatalf("a progressive JPEG: %v", err)
	}
	at := imagetest.RepeatACScan(base, MaxJPEGScans-n)
	if got := readJPEGInfo(at).scans; got != MaxJPEGScans {
		t.Fatalf("%d scans counted, want %d", got, MaxJPEGScans)
	}
	if _, err := DecodeLogo("at.jpg", at); err != nil {
		t.Errorf("a JPEG of %d scans: %v", MaxJPEGScans, err)
	}
	for _, extra := range []int{MaxJPEGScans - n + 1, 2000} {
		_, err := DecodeLogo("scans.jpg", imagetest.RepeatACScan(base, extra))
		want := fmt.Sprintf("scans.jpg is a JPEG of more than %d scans; a logo may have at most %d", MaxJPEGScans, MaxJPEGScans)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%d scans: err = %v, want %q", n+extra, err, want)
		}
	}
}

// Thin images within the pixel limit are refused from the header when a
// side passes MaxLogoSide: 16,777,216×1 and 1×16,777,216 16-bit RGBA PNGs
// (130 KB and 293 KB) took 1.1 and 1.65 GB to decode and scale.
func TestLogoSideLimit(t *testing.T) {
	for _, wh := range [][2]int{{1 << 24, 1}, {1, 1 << 24}, {MaxLogoSide + 1, 2}, {2, MaxLogoSide + 1}} {
		_, err := DecodeLogo("thin.png", imagetest.PNGHeader(wh[0], wh[1]))
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
			data := imagetest.OrientedJPEG(scene, o, order)
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
