package brand

import (
	"image"
	"image/color"
	"testing"
)

// A logo is stored as grey only when every pixel is grey: a blue with
// equal red and green keeps its blue.
func TestLogoKeepsColourWhenRedEqualsGreen(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := 0; i < len(img.Pix); i += 4 {
		copy(img.Pix[i:], []uint8{0x20, 0x20, 0x90, 0xFF})
	}
	copy(img.Pix[0:], []uint8{0x80, 0x80, 0x80, 0xFF}) // one grey pixel
	out := pngImage(img)
	r, g, b, _ := out.At(1, 1).RGBA()
	if got := (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xFF}); got != (color.RGBA{0x20, 0x20, 0x90, 0xFF}) {
		t.Errorf("pixel (1,1) stored as %v, want #202090", got)
	}
}
