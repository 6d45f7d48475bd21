package pdfwriter

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/layout"
	"handouts/internal/imagetest"
	"handouts/internal/tooltest"
)

// logoKinds are the images a clinic's software exports, each with the
// pixels it shows on screen (Go's decoder, which handles them all).
func logoKinds(t *testing.T) map[string][]byte {
	const w, h = 40, 20
	ramp := func(v, n int) int { return v * 65535 / (n - 1) }
	alpha := func(x, y int) int { // transparent, partial and opaque bands
		return [...]int{0, 0x4000, 0x9000, 0xFFFF}[(x/5+y/5)%4]
	}
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	u16 := imagetest.U16
	kinds := map[string][]byte{
		"16-bit RGBA": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.RGBA, Depth: 16, Pixel: func(x, y int) []byte {
			return join(u16(ramp(x, w)), u16(ramp(y, h)), u16(0x3000), u16(alpha(x, y)))
		}}),
		"16-bit grey with alpha": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.GrayAlpha, Depth: 16, Pixel: func(x, y int) []byte {
			return join(u16(ramp(x, w)), u16(alpha(x, y)))
		}}),
		"16-bit RGB": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.RGB, Depth: 16, Pixel: func(x, y int) []byte {
			return join(u16(ramp(x, w)), u16(ramp(y, h)), u16(0xC000))
		}}),
		"16-bit grey": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.Gray, Depth: 16, Pixel: func(x, y int) []byte {
			return u16(ramp(x+y, w+h))
		}}),
		"8-bit grey": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.Gray, Depth: 8, Pixel: func(x, y int) []byte {
			return []byte{byte(x * 6)}
		}}),
		"palette with transparency": imagetest.PNG(imagetest.Spec{W: w, H: h, ColorType: imagetest.Paletted, Depth: 8,
			Chunks: []imagetest.Chunk{{Type: "PLTE", Data: []byte{200, 30, 30, 30, 120, 200, 10, 10, 10, 250, 200, 0}}, {Type: "tRNS", Data: []byte{255, 128, 0, 200}}},
			Pixel:  func(x, y int) []byte { return []byte{byte((x/7 + y/4) % 4)} }}),
		"interlaced RGBA": imagetest.PNG(imagetest.Spec{W: w - 3, H: h - 1, ColorType: imagetest.RGBA, Depth: 8, Interlaced: true, Pixel: func(x, y int) []byte {
			return []byte{byte(x * 6), byte(y * 12), 90, byte(alpha(x, y) >> 8)}
		}}),
		"interlaced RGB": imagetest.PNG(imagetest.Spec{W: w - 1, H: h - 3, ColorType: imagetest.RGB, Depth: 8, Interlaced: true, Pixel: func(x, y int) []byte {
			return []byte{byte(x * 6), byte(y * 12), 90}
		}}),
		"CMYK JPEG": imagetest.CMYKJPEG,
	}
	var rgba, jpg bytes.Buffer
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x * 6), uint8(y * 12), 200, uint8(alpha(x, y) >> 8)})
		}
	}
	png.Encode(&rgba, img)
	kinds["8-bit RGBA"] = rgba.Bytes()
	opaque := image.NewRGBA(img.Bounds())
	for y := range h {
		for x := range w {
			opaque.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 12), 200, 255})
		}
	}
	jpeg.Encode(&jpg, opaque, &jpeg.Options{Quality: 95})
	kinds["RGB JPEG"] = jpg.Bytes()
	return kinds
}

// Every kind of logo prints as it looks on screen: rendered from the PDF,
// its pixels match the source image composited on white. (A 16-bit PNG
// with transparency used to print as a blank tile.)
func TestLogoKindsPrintAsOnScreen(t *testing.T) {
	pdftoppm := tooltest.Require(t, "pdftoppm")
	dir := t.TempDir()
	for name, data := range logoKinds(t) {
		t.Run(name, func(t *testing.T) {
			src, _, err := image.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("test image does not decode: %v", err)
			}
			logo, err := brand.DecodeLogo(name, data)
			if err != nil {
				t.Fatal(err)
			}
			b := src.Bounds()
			if logo.Width != b.Dx() || logo.Height != b.Dy() {
				t.Fatalf("logo %d×%d, source %d×%d", logo.Width, logo.Height, b.Dx(), b.Dy())
			}
			// One pixel per point at 72 dpi, on a page of its own.
			const at = 36
			d := doc(layout.Op{Kind: layout.ImageOp, X: at, Y: at, W: float64(b.Dx()), H: float64(b.Dy()), Image: &logo.Image, Artifact: layout.Decoration})
			var pdf bytes.Buffer
			if err := Write(&pdf, d, Options{}); err != nil {
				t.Fatal(err)
			}
			in := filepath.Join(dir, name+".pdf")
			os.WriteFile(in, pdf.Bytes(), 0o644)
			out := filepath.Join(dir, name)
			// Four device pixels per image pixel; each image pixel is
			// read at the centre of its block, away from resampled edges.
			cmd := exec.Command(pdftoppm, "-r", strconv.Itoa(72*zoom), "-png", "-singlefile", "-x", strconv.Itoa(at*zoom), "-y", strconv.Itoa(at*zoom),
				"-W", strconv.Itoa(b.Dx()*zoom), "-H", strconv.Itoa(b.Dy()*zoom), in, out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, msg)
			}
			f, err := os.Open(out + ".png")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			tolerance := 3
			if name == "CMYK JPEG" {
				tolerance = 24 // re-encoded as an RGB JPEG
			}
			if name == "RGB JPEG" {
				tolerance = 12 // embedded as it is; JPEG decoders differ a little
			}
			if bad := compareOnWhite(src, got, tolerance); bad != "" {
				t.Error(bad)
			}
		})
	}
}

const zoom = 4

// compareOnWhite returns a description of the first pixel of got that
// differs by more than tolerance (of 255) from src composited on white.
func compareOnWhite(src, got image.Image, tolerance int) string {
	b := src.Bounds()
	worst, where := 0, ""
	for y := range b.Dy() {
		for x := range b.Dx() {
			r, g, bl, a := src.At(b.Min.X+x, b.Min.Y+y).RGBA()
			want := [3]int{int(r+0xFFFF-a) >> 8, int(g+0xFFFF-a) >> 8, int(bl+0xFFFF-a) >> 8}
			r2, g2, b2, _ := got.At(got.Bounds().Min.X+x*zoom+zoom/2, got.Bounds().Min.Y+y*zoom+zoom/2).RGBA()
			have := [3]int{int(r2 >> 8), int(g2 >> 8), int(b2 >> 8)}
			for i := range 3 {
				if d := abs(want[i] - have[i]); d > worst {
					worst, where = d, fmt.Sprintf("pixel (%d,%d) prints %v, on screen %v on white", x, y, have, want)
				}
			}
		}
	}
	if worst > tolerance {
		return fmt.Sprintf("%s (off by %d, tolerance %d)", where, worst, tolerance)
	}
	return ""
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
