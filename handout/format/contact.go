package format

import (
	"image/color"

	"github.com/boombuler/barcode/qr"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// contactBlock is the clinic's contact card: its name, then phone, website
// and email on one line, the address, and a QR code of the website at the
// right. It is compact (the summary's last lines compete for its room) and
// always moves whole.
func (b *builder) contactBlock(ts textStyle) {
	th := b.th
	br := th.Brand
	var reach []layout.Run
	sep := layout.Run{Text: "  ·  ", Style: fontset.Regular}
	addReach := func(text, url string) {
		if len(reach) > 0 {
			reach = append(reach, sep)
		}
		reach = append(reach, layout.Run{Text: text, Style: fontset.Regular, URL: url})
	}
	if br.Phone != "" {
		addReach(br.Phone, "tel:"+telDigits(br.Phone))
	}
	if br.Website != "" {
		addReach(brand.DisplayURL(br.Website), br.Website)
	}
	if br.Email != "" {
		addReach(br.Email, "mailto:"+br.Email)
	}
	if br.Name == "" && len(reach) == 0 && br.Address == "" {
		return
	}
	aside := b.tree.Add(layout.Aside, 0)
	border := th.Hairline
	pad := ts.leading * 0.55
	if th.LargePrint {
		pad = ts.leading * 0.3
	}
	b.frame = &layout.Frame{Border: &border, Pad: pad, Radius: 3, X: b.x, W: b.w, Struct: aside}
	b.frameAt = len(b.rows)
	b.add(layout.Row{H: pad})
	outerX, outerW := b.x, b.w
	b.x += pad
	b.w -= 2 * pad

	qrSize := 0.0
	if br.Website != "" {
		qrSize = ts.leading * 3.3
		b.w -= qrSize + pad
	}
	if br.Name != "" {
		name := ts
		name.font, name.color = fontset.Bold, th.Heading
		b.text(plain(br.Name, fontset.Bold), name, 0, b.w, b.tree.Add(layout.Heading2, aside), "the contact block")
	}
	if len(reach) > 0 {
		b.text(reach, ts, 0, b.w, b.tree.Add(layout.Paragraph, aside), "the contact block")
	}
	if br.Address != "" {
		b.text(plain(br.Address, fontset.Regular), ts, 0, b.w, b.tree.Add(layout.Paragraph, aside), "the contact block")
	}
	if qrSize > 0 {
		textH := 0.0
		for _, r := range b.rows[b.frameAt+1:] {
			textH += r.H
		}
		if textH < qrSize {
			b.add(layout.Row{H: qrSize - textH})
		}
		first := &b.rows[b.frameAt+1]
		first.Ops = append(first.Ops, b.qrCode(br.Website, b.x+b.w+pad, 0, qrSize, aside)...)
	}
	b.add(layout.Row{H: pad})
	b.keepRows(b.frameAt+1, len(b.rows))
	b.x, b.w = outerX, outerW
	b.frame = nil
}

// qrCode draws a QR code as vector squares, merged into runs per row: crisp
// at any zoom or printer resolution, deterministic, and a few hundred bytes.
func (b *builder) qrCode(url string, x, y, size float64, parent int) []layout.Op {
	code, err := qr.Encode(url, qr.M, qr.Auto)
	if err != nil {
		return nil // too long to encode: the printed address still stands
	}
	n := code.Bounds().Dx()
	quiet := 2 // modules of white around the code; the card's white adds more
	m := size / float64(n+2*quiet)
	// The code is a figure inside the link it opens, so the link's
	// annotation and the picture a reader describes are one element.
	link := b.tree.Add(layout.Link, parent)
	fig := b.tree.AddFigure("QR code: "+url, link)
	black := colour.Black
	white := colour.White
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
	ops = append(ops, layout.Op{Kind: layout.LinkOp, X: x, Y: y, W: size, H: size, URL: url, Struct: link})
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
	// Half a line is left below the last rule, so that it does not sit on
	// the footer's rule and read as a double line.
	b.add(layout.Row{
		H:      spacing * (float64(minLines) + 0.5),
		Spring: true,
		Where:  "the writing area",
		Expand: func(h float64) []layout.Op {
			var ops []layout.Op
			for y := spacing; y <= h-spacing/2+0.01; y += spacing {
				ops = append(ops, layout.Op{Kind: layout.LineOp, X: x, Y: y, W: w, Stroke: &hair, LineWidth: 0.6, Artifact: layout.Decoration})
			}
			return ops
		},
	})
}

// spring pushes what follows to the foot of the page.
func (b *builder) spring() {
	b.add(layout.Row{Spring: true, Gap: false})
}
