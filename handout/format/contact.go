package format

import (
	"image/color"

	"github.com/boombuler/barcode/qr"

	"handouts/handout/brand"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// contactBlock is the clinic's contact card: name, phone, website, email and
// address, with a QR code of the website on the right when there is one. It
// always moves whole.
func (b *builder) contactBlock(ts textStyle) {
	th := b.th
	br := th.Brand
	type line struct {
		text, url string
		font      fontset.Style
	}
	var lines []line
	if br.Name != "" {
		lines = append(lines, line{br.Name, "", fontset.Bold})
	}
	if br.Phone != "" {
		lines = append(lines, line{br.Phone, "tel:" + telDigits(br.Phone), fontset.Regular})
	}
	if br.Website != "" {
		lines = append(lines, line{brand.DisplayURL(br.Website), br.Website, fontset.Regular})
	}
	if br.Email != "" {
		lines = append(lines, line{br.Email, "mailto:" + br.Email, fontset.Regular})
	}
	if br.Address != "" {
		lines = append(lines, line{br.Address, "", fontset.Regular})
	}
	if len(lines) == 0 {
		return
	}
	aside := b.tree.Add(layout.Aside, 0)
	border := th.Hairline
	pad := ts.leading * 0.7
	b.frame = &layout.Frame{Border: &border, Pad: pad, Radius: 3, X: b.x, W: b.w, Struct: aside}
	b.frameAt = len(b.rows)
	b.add(layout.Row{H: pad})
	outerX, outerW := b.x, b.w
	b.x += pad
	b.w -= 2 * pad

	qrSize := 0.0
	var qrOps []layout.Op
	if br.Website != "" {
		qrSize = ts.leading * 4.2
		qrOps = b.qrCode(br.Website, b.x+b.w-qrSize, 0, qrSize)
		b.w -= qrSize + pad
	}
	b.boxTitle(th.Labels.Contact, aside)
	start := len(b.rows)
	for _, l := range lines {
		st := b.tree.Add(layout.Paragraph, aside)
		b.text([]layout.Run{{Text: l.text, Style: l.font, URL: l.url}}, ts, 0, b.w, st, "the contact block")
	}
	if qrOps != nil {
		// Pad short cards so the code and its caption fit beside the text.
		textH := 0.0
		for _, r := range b.rows[b.frameAt+1:] {
			textH += r.H
		}
		capSize := th.Small
		need := qrSize + capSize*1.6
		if textH < need {
			b.add(layout.Row{H: need - textH})
		}
		top := b.rows[b.frameAt+1:]
		caption := th.Labels.ScanQR
		capW := b.m.Width(caption, fontset.Regular, capSize)
		muted := th.Muted
		capOps := []layout.Op{{Kind: layout.TextOp, X: b.x + b.w + pad + (qrSize-capW)/2, Y: qrSize + capSize*1.25, W: capW, Text: caption, Font: fontset.Regular, Size: capSize, Color: muted}}
		if capW > qrSize+pad {
			capOps = nil // a long translated caption would crowd the card; the code speaks for itself
		}
		top[0].Ops = append(top[0].Ops, qrOps...)
		top[0].Ops = append(top[0].Ops, capOps...)
	}
	_ = start
	b.add(layout.Row{H: pad})
	for k := b.frameAt + 1; k < len(b.rows); k++ {
		b.rows[k].KeepWithPrev = true
	}
	b.x, b.w = outerX, outerW
	b.frame = nil
}

// qrCode draws a QR code as vector squares, merged into runs per row: crisp
// at any zoom or printer resolution, deterministic, and a few hundred bytes.
func (b *builder) qrCode(url string, x, y, size float64) []layout.Op {
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return nil // too long to encode: the printed address still stands
	}
	n := code.Bounds().Dx()
	quiet := 2 // modules of white around the code; the card's white adds more
	m := size / float64(n+2*quiet)
	fig := b.tree.AddFigure("QR code linking to "+url, 0)
	black := brand.Black
	white := brand.White
	ops := []layout.Op{{Kind: layout.RectOp, X: x, Y: y, W: size, H: size, Fill: &white, Struct: fig}}
	for r := 0; r < n; r++ {
		for c := 0; c < n; {
			if !dark(code.At(c, r)) {
				c++
				continue
			}
			s := c
			for c < n && dark(code.At(c, r)) {
				c++
			}
			ops = append(ops, layout.Op{Kind: layout.RectOp, X: x + float64(quiet+s)*m, Y: y + float64(quiet+r)*m, W: float64(c-s) * m, H: m * 1.02, Fill: &black, Struct: fig})
		}
	}
	ops = append(ops, layout.Op{Kind: layout.LinkOp, X: x, Y: y, W: size, H: size, URL: url, Struct: fig})
	return ops
}

func dark(c color.Color) bool {
	r, g, bl, _ := c.RGBA()
	return r+g+bl < 3*0x8000
}

// writingArea is a titled, ruled space for the patient's own questions,
// taking the rest of the last page (at least minLines lines).
func (b *builder) writingArea(title string, minLines int) {
	th := b.th
	b.gap(th.Leading * 1.1)
	b.heading(title, th.h2Size()*1.1, layout.Heading2, -1, "the writing area")
	spacing := th.Body * 2.2 // room for handwriting
	hair := th.Hairline
	x, w := b.x, b.w
	b.add(layout.Row{
		H:      spacing * float64(minLines),
		Spring: true,
		Where:  "the writing area",
		Expand: func(h float64) []layout.Op {
			var ops []layout.Op
			for y := spacing; y <= h+0.01; y += spacing {
				ops = append(ops, layout.Op{Kind: layout.LineOp, X: x, Y: y, W: w, Stroke: &hair, LineWidth: 0.6})
			}
			return ops
		},
	})
}

// spring pushes what follows to the foot of the page.
func (b *builder) spring() {
	b.add(layout.Row{Spring: true, Gap: false})
}
