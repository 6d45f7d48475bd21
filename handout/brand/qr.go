package brand

import (
	"image/color"
	"sync"

	"github.com/boombuler/barcode/qr"
)

// QR is a QR code's modules, row by row; true is dark.
type QR [][]bool

// websiteQR encodes a brand's website once. Encoding takes milliseconds
// (more than writing a whole PDF), and the code is drawn on every guide
// page's footer and in each of the several layouts a summary is fitted
// with, and by every worker of a build at once.
type websiteQR struct {
	once sync.Once
	code QR
}

// WebsiteQR is the website as a QR code, or nil when there is no website
// or it is too long to encode (the printed address still stands).
func (b *Brand) WebsiteQR() QR {
	b.qr.once.Do(func() {
		if b.Website == "" {
			return
		}
		code, err := qr.Encode(b.Website, qr.M, qr.Auto)
		if err != nil {
			return
		}
		n := code.Bounds().Dx()
		b.qr.code = make(QR, n)
		for r := range n {
			b.qr.code[r] = make([]bool, n)
			for c := range n {
				b.qr.code[r][c] = dark(code.At(c, r))
			}
		}
	})
	return b.qr.code
}

func dark(c color.Color) bool {
	r, g, bl, _ := c.RGBA()
	return r+g+bl < 3*0x8000
}
