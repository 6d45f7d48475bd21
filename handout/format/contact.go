package format

import (
	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// contactStrip is the clinic's contact card, one strip (small print, at the
// furniture's size, not body text): phone, website and
// email, the address below, and a QR code of the website at the right. The
// clinic's name is in the header band above, so it is not repeated, and a
// brand without contact details gets no strip. Its type has a fixed size,
// so its height does not grow with the brand; it always moves whole.
//
// With note set (the large-print summary) the brand's footer note closes
// the strip, printed once there rather than on every page's footer.
func (b *builder) contactStrip(note bool) {
	th := b.th
	sm := stripLayout(th, b.m, note)
	if sm.h == 0 {
		return
	}
	ts := textStyle{size: stripSize(th), leading: stripSize(th) * 1.3, font: fontset.Regular, color: th.Ink}
	aside := b.tree.Add(layout.Aside, 0)
	border := th.Hairline
	b.frame = &layout.Frame{Border: &border, Pad: sm.pad, Radius: 3, X: b.x, W: b.w, Struct: aside}
	b.frameAt = len(b.rows)
	b.add(layout.Row{H: sm.pad})
	// The text sits centred beside the QR code.
	space := max(sm.qr-sm.textH, 0) / 2
	if space > 0 {
		b.add(layout.Row{H: space})
	}
	base := b.baseline(ts.size, ts.leading)
	for _, line := range sm.reach {
		st := b.tree.Add(layout.SmallPrint, aside)
		row := layout.Row{H: ts.leading, Where: "the contact strip"}
		x := b.x + sm.pad
		for k, p := range line {
			if k > 0 {
				op := layout.Op{Kind: layout.TextOp, X: x, Y: base, W: b.m.Width(contactSep, fontset.Regular, ts.size), Text: contactSep, Font: fontset.Regular, Size: ts.size, Color: ts.color, Struct: st}
				row.Ops = append(row.Ops, op)
				x += op.W
			}
			link := b.tree.Add(layout.Link, st)
			op := layout.Op{Kind: layout.TextOp, X: x, Y: base, W: b.m.Width(p.text, fontset.Regular, ts.size), Text: p.text, Font: fontset.Regular, Size: ts.size, Color: th.Heading, Struct: link, URL: p.url}
			row.Ops = append(row.Ops, b.linkOps(op, p.text, base)...)
			x += op.W
		}
		b.add(row)
	}
	if th.Brand.Address != "" {
		outer := b.x
		b.x += sm.pad
		b.text(plain(th.Brand.Address, fontset.Regular), ts, 0, sm.textW, b.tree.Add(layout.SmallPrint, aside), "the contact strip")
		b.x = outer
	}
	if len(sm.note) > 0 {
		ns := textStyle{size: th.Small, leading: th.SmallLeading, font: fontset.Regular, color: th.Muted}
		st := b.tree.Add(layout.SmallPrint, aside)
		nb := b.baseline(ns.size, ns.leading)
		for _, ln := range sm.note {
			row := layout.Row{H: ns.leading, Where: "the contact strip"}
			for _, p := range ln.Pieces {
				row.Ops = append(row.Ops, layout.Op{Kind: layout.TextOp, X: b.x + sm.pad + p.X, Y: nb, W: p.W, Text: p.Text, Font: p.Style, Size: ns.size, Color: ns.color, Struct: st})
			}
			b.add(row)
		}
	}
	if space > 0 {
		b.add(layout.Row{H: space})
	}
	if sm.qr > 0 {
		first := &b.rows[b.frameAt+1]
		// The code is a figure inside the link it opens, so the link's
		// annotation and the picture a reader describes are one element.
		link := b.tree.Add(layout.Link, aside)
		fig := b.tree.AddFigure("QR code: "+th.Brand.Website, link)
		first.Ops = append(first.Ops, qrCode(th.Brand, b.x+b.w-sm.pad-sm.qr, 0, sm.qr, fig, link, layout.NotArtifact)...)
	}
	b.add(layout.Row{H: sm.pad})
	b.keepRows(b.frameAt+1, len(b.rows))
	b.frame = nil
}

// stripMetrics is the contact strip measured.
type stripMetrics struct {
	h, pad, qr, textW, textH float64
	reach                    [][]contactPart
	note                     []layout.Line // the brand's note, when the strip carries it
}

// stripLayout measures the contact strip; its height is 0 when the brand
// has no contact details.
func stripLayout(th *Theme, m layout.Measurer, note bool) stripMetrics {
	parts := contactParts(th.Brand)
	note = note && th.Footer != ""
	if len(parts) == 0 && th.Brand.Address == "" && !note {
		return stripMetrics{}
	}
	size := stripSize(th)
	lead := size * 1.3
	sm := stripMetrics{pad: lead * 0.45}
	w := th.Width - 2*sm.pad
	if th.Brand.Website != "" {
		sm.qr = th.QRSize
		w -= sm.qr + sm.pad
	}
	sm.textW = w
	sm.reach = wrapParts(m, parts, fontset.Regular, size, w, sm.pad/2)
	lines := len(sm.reach)
	if th.Brand.Address != "" {
		lines += len(layout.Wrap(m, plain(th.Brand.Address, fontset.Regular), size, w))
	}
	sm.textH = float64(lines) * lead
	if note {
		// Below the QR code the note takes the strip's whole width.
		noteW := w
		if sm.qr == 0 || sm.textH >= sm.qr {
			noteW = th.Width - 2*sm.pad
		}
		sm.note = layout.Wrap(m, plain(th.Footer, fontset.Regular), th.Small, noteW)
		sm.textH += float64(len(sm.note)) * th.SmallLeading
	}
	sm.h = max(sm.textH, sm.qr) + 2*sm.pad
	return sm
}

// stripSize is the contact strip's type size: the furniture's, which large
// print sets at 16 pt, so that the strip closing a large-print handout
// takes two lines fewer than at the body's 18 pt.
func stripSize(th *Theme) float64 { return max(th.Small, min(th.Body, 16*xHeightScale(th.Fonts))) }

// qrCode draws a QR code as vector squares, merged into runs per row: crisp
// at any zoom or printer resolution, deterministic, and a few hundred bytes.
// fig and link are its structure elements, or art says what artifact it is.
func qrCode(b *brand.Brand, x, y, size float64, fig, link int, art layout.ArtifactKind) []layout.Op {
	code := b.WebsiteQR()
	if code == nil {
		return nil // too long to encode: the printed address still stands
	}
	n := len(code)
	quiet := 2 // modules of white around the code; the card's white adds more
	m := size / float64(n+2*quiet)
	black := colour.Black
	white := colour.White
	ops := []layout.Op{{Kind: layout.RectOp, X: x, Y: y, W: size, H: size, Fill: &white, Struct: fig, Artifact: art, Rigid: true}}
	for r := 0; r < n; r++ {
		for c := 0; c < n; {
			if !code[r][c] {
				c++
				continue
			}
			s := c
			for c < n && code[r][c] {
				c++
			}
			ops = append(ops, layout.Op{Kind: layout.RectOp, X: x + float64(quiet+s)*m, Y: y + float64(quiet+r)*m, W: float64(c-s) * m, H: m * 1.02, Fill: &black, Struct: fig, Artifact: art, Rigid: true})
		}
	}
	ops = append(ops, layout.Op{Kind: layout.LinkOp, X: x, Y: y, W: size, H: size, URL: b.Website, Struct: link, Artifact: art, Rigid: true})
	return ops
}

// writingArea is a titled, ruled space for the patient's own questions,
// taking the rest of the last page (at least minLines lines).
func (b *builder) writingArea(title string, minLines int) {
	th := b.th
	b.gap(th.Leading * 1.1)
	b.heading(title, th.h2Size()*1.1, layout.Heading2, -1, "the writing area")
	// Room for handwriting, which does not grow with the x-height of the
	// brand's font as its type does.
	spacing := th.Body / xHeightScale(th.Fonts) * 2.2
	hair := th.Hairline
	x, w := b.x, b.w
	// A whole line is left below the last rule, so that the footer's rule
	// never reads as one more line to write on. What the footer had no
	// room for (builder.once) is printed there, at the foot of the area:
	// text between the two rules, which then cannot read as a pair of
	// lines either.
	once := b.onceRunOn(w)
	var onceH float64
	for _, lines := range once {
		onceH += float64(len(lines)) * th.SmallLeading
	}
	below := spacing // from the last rule to the area's foot
	if onceH > 0 {
		below = max(spacing, onceH+spacing*0.4)
	}
	var sts []int
	for range once {
		sts = append(sts, b.tree.Add(layout.SmallPrint, 0))
	}
	muted := th.Muted
	base := b.baseline(th.Small, th.SmallLeading)
	b.add(layout.Row{
		H:      spacing*float64(minLines) + below,
		Spring: true,
		Where:  "the writing area",
		Expand: func(h float64) []layout.Op {
			var ops []layout.Op
			for y := spacing; y <= h-below+0.01; y += spacing {
				ops = append(ops, layout.Op{Kind: layout.LineOp, X: x, Y: y, W: w, Stroke: &hair, LineWidth: 0.6, Artifact: layout.Decoration})
			}
			y := h - onceH
			for k, lines := range once {
				for _, ln := range lines {
					for _, p := range ln.Pieces {
						ops = append(ops, layout.Op{Kind: layout.TextOp, X: x + p.X, Y: y + base, W: p.W, Text: p.Text, Font: p.Style, Size: th.Small, Color: muted, Struct: sts[k]})
					}
					y += th.SmallLeading
				}
			}
			return ops
		},
	})
}
