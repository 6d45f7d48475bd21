package format

import (
	"errors"
	"math"
	"testing"

	"handouts/handout/layout"
)

// No text prints under the contact strip's QR code: a web address wider
// than the room beside the code breaks where an address may (after its
// last fitting slash), as the long-name brand's does in large print on A4,
// rather than run on under the code, where neither reads.
func TestContactStripClearsTheQRCode(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, mb := range faqBrands {
		b := mb.brand(t)
		if b.Website == "" {
			continue
		}
		for _, paper := range []Paper{Letter, A4} {
			for _, large := range []bool{false, true} {
				for _, kind := range []Kind{Guide, Summary, FAQ} {
					doc, err := Compose(kind, h, b, labelsFor(h), Options{Paper: paper, LargePrint: large})
					var tooLong *ErrTooLong
					if errors.As(err, &tooLong) {
						continue // refused with its reason, as the brand's tests expect
					}
					if err != nil {
						t.Fatalf("%s %v %v large=%v: %v", mb.name, kind, paper, large, err)
					}
					for pi, pg := range doc.Pages {
						x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
						for _, op := range pg.Ops {
							if op.Rigid && op.Kind == layout.RectOp {
								x0, y0 = min(x0, op.X), min(y0, op.Y)
								x1, y1 = max(x1, op.X+op.W), max(y1, op.Y+op.H)
							}
						}
						if x0 > x1 {
							continue
						}
						for _, op := range pg.Ops {
							if op.Kind != layout.TextOp || op.Text == "" {
								continue
							}
							top, bottom := op.Y-op.Size*0.8, op.Y+op.Size*0.2
							if bottom <= y0 || top >= y1 {
								continue
							}
							if op.X < x1-0.01 && op.X+op.W > x0+0.01 {
								t.Errorf("%s %v %v large=%v page %d: %q (x %.1f–%.1f) prints under the QR code (x %.1f–%.1f)",
									mb.name, kind, paper, large, pi+1, op.Text, op.X, op.X+op.W, x0, x1)
							}
						}
					}
				}
			}
		}
	}
}
