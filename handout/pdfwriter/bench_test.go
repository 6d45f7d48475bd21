package pdfwriter

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// BenchmarkLogo is one small document with a wordmark logo at print
// resolution (1500×300), transparent or opaque, parsed once for the run as
// in a build; "none" is the same document without it.
func BenchmarkLogo(b *testing.B) {
	for _, opaque := range []bool{false, true} {
		img := image.NewNRGBA(image.Rect(0, 0, 3000, 600))
		for i := range img.Pix {
			img.Pix[i] = uint8(i / 4 % 251)
			if i%4 == 3 && !opaque {
				img.Pix[i] = uint8(i / 4000)
			} else if i%4 == 3 {
				img.Pix[i] = 255
			}
		}
		var buf bytes.Buffer
		png.Encode(&buf, img)
		l, _ := brand.DecodeLogo("x.png", buf.Bytes())
		cache := &Images{}
		b.Run(map[bool]string{true: "opaque", false: "alpha"}[opaque], func(b *testing.B) {
			for range b.N {
				var out bytes.Buffer
				Write(&out, doc(text("Hi", fontset.Regular), layout.Op{Kind: layout.ImageOp, X: 10, Y: 10, W: 100, H: 20, Image: &l.Image, Artifact: layout.Decoration}), Options{Images: cache})
			}
		})
	}
	b.Run("none", func(b *testing.B) {
		for range b.N {
			var out bytes.Buffer
			Write(&out, doc(text("Hi", fontset.Regular)), Options{})
		}
	})
}
