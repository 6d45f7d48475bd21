package brand

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/fontset"
	"handouts/internal/imagetest"
)

// A logo is embedded at the most a printer can use: scaled down, aspect
// kept, to 300 dpi at an inch tall (or a page wide), so a photo-sized
// export is decoded once per build and every PDF copies small bytes.
func TestDecodeLogoScalesToPrintSize(t *testing.T) {
	for _, tc := range []struct{ w, h, wantW, wantH int }{
		{900, 450, 600, 300},   // a wordmark: an inch tall at most
		{1240, 1240, 300, 300}, // a square mark, averaged in 4×4 blocks first
		{2600, 20, 2550, 20},   // a stripe: a page wide at most
		{400, 120, 400, 120},   // already small: kept as it is
	} {
		img := image.NewNRGBA(image.Rect(0, 0, tc.w, tc.h))
		for i := range img.Pix {
			img.Pix[i] = uint8(i / 4 % 251)
		}
		var buf bytes.Buffer
		(&png.Encoder{CompressionLevel: png.NoCompression}).Encode(&buf, img) // quick to make; size is not what is tested
		l, err := DecodeLogo("big.png", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(l.Data))
		if err != nil || l.Width != tc.wantW || l.Height != tc.wantH || cfg.Width != tc.wantW || cfg.Height != tc.wantH {
			t.Errorf("%d×%d: logo %d×%d, data %d×%d (%v); want %d×%d", tc.w, tc.h, l.Width, l.Height, cfg.Width, cfg.Height, err, tc.wantW, tc.wantH)
		}
	}
}

// A PNG that fpdf copies correctly (8-bit RGB or grey, no transparency,
// not interlaced) and is small enough is kept byte for byte; every other
// kind is normalised to 8-bit samples.
func TestDecodeLogoNormalises(t *testing.T) {
	rgb := imagetest.PNG(imagetest.Spec{W: 8, H: 4, ColorType: imagetest.RGB, Depth: 8, Pixel: func(x, y int) []byte { return []byte{byte(x * 30), byte(y * 60), 9} }})
	l, err := DecodeLogo("rgb.png", rgb)
	if err != nil || !bytes.Equal(l.Data, rgb) {
		t.Errorf("an 8-bit RGB PNG was re-encoded (%v)", err)
	}
	for name, data := range map[string][]byte{
		"16-bit RGBA": imagetest.PNG(imagetest.Spec{W: 8, H: 4, ColorType: imagetest.RGBA, Depth: 16, Pixel: func(x, y int) []byte { return []byte{1, 2, 3, 4, 5, 6, byte(x * 30), 0} }}),
		"16-bit grey": imagetest.PNG(imagetest.Spec{W: 8, H: 4, ColorType: imagetest.Gray, Depth: 16, Pixel: func(x, y int) []byte { return []byte{byte(x), 0} }}),
		"palette":     imagetest.PNG(imagetest.Spec{W: 8, H: 4, ColorType: imagetest.Paletted, Depth: 8, Chunks: []imagetest.Chunk{{Type: "PLTE", Data: []byte{1, 2, 3, 4, 5, 6}}}, Pixel: func(x, y int) []byte { return []byte{byte(x % 2)} }}),
		"grey tRNS":   imagetest.PNG(imagetest.Spec{W: 8, H: 4, ColorType: imagetest.Gray, Depth: 8, Chunks: []imagetest.Chunk{{Type: "tRNS", Data: []byte{0, 7}}}, Pixel: func(x, y int) []byte { return []byte{byte(x)} }}),
	} {
		l, err := DecodeLogo(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.Equal(l.Data, data) || l.Data[24] != 8 || l.Data[25] == imagetest.Paletted {
			t.Errorf("%s: kept as depth %d, colour type %d", name, l.Data[24], l.Data[25])
		}
	}
}

// The byte limit holds for the file and for bytes given directly, and is
// checked before decoding.
func TestLogoByteLimit(t *testing.T) {
	data := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, MaxLogoBytes)...)
	if _, err := DecodeLogo("huge.png", data); err == nil || !strings.Contains(err.Error(), "huge.png is larger than 10 MB") {
		t.Errorf("DecodeLogo: err = %v", err)
	}
	path := filepath.Join(t.TempDir(), "huge.png")
	os.WriteFile(path, data, 0o644)
	if _, err := LoadLogo(path); err == nil || !strings.Contains(err.Error(), path+" is larger than 10 MB") {
		t.Errorf("LoadLogo: err = %v", err)
	}
}

// The document ID is derived from the fingerprint, so a different logo
// (same size, same path) must give a different one.
func TestFingerprintHoldsLogoBytes(t *testing.T) {
	logo := func(c uint8) *Logo {
		img := image.NewNRGBA(image.Rect(0, 0, 4, 4))
		for i := range img.Pix {
			img.Pix[i] = c
		}
		img.Set(0, 0, color.NRGBA{c, 0, 0, 255})
		var buf bytes.Buffer
		png.Encode(&buf, img)
		l, err := DecodeLogo("logo.png", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	a, b := &Brand{Name: "X", Logo: logo(10)}, &Brand{Name: "X", Logo: logo(200)}
	if bytes.Equal(a.Fingerprint(), b.Fingerprint()) {
		t.Error("two logos of the same size give the same fingerprint")
	}
	if !bytes.Equal(a.Fingerprint(), (&Brand{Name: "X", Logo: logo(10)}).Fingerprint()) {
		t.Error("the same logo gives different fingerprints")
	}
}

// A clinic that replaces its font files under the same names gets new
// document IDs: the fingerprint holds the family's digest of the files.
func TestFingerprintHoldsFontFiles(t *testing.T) {
	a := &Brand{Name: "X", Fonts: &fontset.Family{Name: "Foo", Digest: fontset.FilesDigest([4][]byte{{1}, {2}, {3}, {4}})}}
	b := &Brand{Name: "X", Fonts: &fontset.Family{Name: "Foo", Digest: fontset.FilesDigest([4][]byte{{1}, {2}, {3}, {5}})}}
	if bytes.Equal(a.Fingerprint(), b.Fingerprint()) {
		t.Error("two families that differ in one file give the same fingerprint")
	}
}
