package brand

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg" // image.DecodeConfig of the logo's output
	_ "image/png"
	"testing"

	"handouts/internal/imagetest"
)

// FuzzDecodeLogo: any bytes given as a logo are refused with an error or
// become a logo that decodes to the size it claims, within the print size,
// never larger than the limits. The seeds are the crafted logos of issue
// 21 (internal/imagetest) (many scans, thin, EXIF-oriented) and every kind the normaliser
// handles. Nothing is recovered: a panic in a decoder fails the target, and
// so does a decoder that hangs, which stops the fuzzing worker.
func FuzzDecodeLogo(f *testing.F) {
	prog := imagetest.ProgressiveJPEG
	f.Add(prog)
	f.Add(imagetest.RepeatACScan(prog, MaxJPEGScans))
	f.Add(imagetest.PNGHeader(1<<24, 1))
	f.Add(imagetest.PNGHeader(1, 1<<24))
	f.Add(imagetest.PNGHeader(4, 1))
	scene := image.NewRGBA(image.Rect(0, 0, 12, 4))
	for i := range scene.Pix {
		scene.Pix[i] = uint8(i * 7)
	}
	for o := 1; o <= 8; o++ {
		f.Add(imagetest.OrientedJPEG(scene, o, "MM"))
	}
	f.Add(imagetest.CMYKJPEG)
	f.Add(imagetest.PNG(imagetest.Spec{W: 5, H: 3, ColorType: imagetest.RGBA, Depth: 16, Interlaced: true, Pixel: func(x, y int) []byte { return []byte{1, 2, 3, 4, 5, 6, byte(x * 40), 0} }}))
	f.Add(imagetest.PNG(imagetest.Spec{W: 4, H: 2, ColorType: imagetest.Paletted, Depth: 8, Chunks: []imagetest.Chunk{{Type: "PLTE", Data: []byte{1, 2, 3, 4, 5, 6}}, {Type: "tRNS", Data: []byte{0}}}, Pixel: func(x, y int) []byte { return []byte{byte(x % 2)} }}))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := DecodeLogo("fuzz", data)
		if err != nil {
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(l.Data))
		if err != nil {
			t.Fatalf("the logo's own bytes do not decode: %v", err)
		}
		if cfg.Width != l.Width || cfg.Height != l.Height || l.Width < 1 || l.Height < 1 {
			t.Fatalf("logo %d×%d holds an image of %d×%d", l.Width, l.Height, cfg.Width, cfg.Height)
		}
		if l.Width > LogoMaxPrintW/72*LogoDPI+1 || l.Height > LogoMaxPrintH/72*LogoDPI+1 {
			t.Fatalf("logo %d×%d is larger than it prints", l.Width, l.Height)
		}
		if cfg.ColorModel == color.CMYKModel {
			t.Fatal("a CMYK logo was kept as CMYK")
		}
		if bytes.HasPrefix(data, []byte{0xFF, 0xD8}) && readJPEGInfo(data).scans > MaxJPEGScans {
			t.Fatal("a JPEG of too many scans was accepted")
		}
	})
}
