package format

import (
	"strings"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// masthead is the top of page one: the clinic's band (when there is a clinic
// name or logo), then the title and subtitle.
func (b *builder) masthead(title, subtitle string) {
	th := b.th
	if th.Brand.Name != "" || th.Brand.Logo != nil {
		b.band()
		gap := 0.9
		if th.LargePrint {
			gap = 0.5 // large print needs the room for a two-page summary
		}
		b.gap(th.Leading * gap)
	}
	ts := textStyle{size: th.titleSize(), leading: th.titleSize() * 1.15, font: fontset.Bold, color: th.Heading}
	st := b.tree.Add(layout.Title, 0)
	b.unbroken(plain(title, fontset.Bold), ts, st, "the title")
	if subtitle != "" {
		b.gap(th.Leading * 0.2)
		b.keepWithNext()
		ss := textStyle{size: th.subtitleSize(), leading: th.subtitleSize() * 1.3, font: fontset.Regular, color: th.Muted}
		sub := b.tree.Add(layout.Subtitle, 0)
		b.text(plain(subtitle, fontset.Regular), ss, 0, b.w, sub, "the subtitle")
	}
	b.gap(th.Leading * 0.6)
}

// band is the solid header band: logo on a white tile, clinic name and
// tagline in white. White on the band colour meets WCAG AA because the band
// uses the contrast-checked primary.
func (b *builder) band() {
	th := b.th
	name := th.Brand.Name
	nameSize := th.Body * 1.25
	tagSize := th.Small * 1.05
	padX := th.Body * 0.9
	h := th.Body * 3.8
	if th.LargePrint {
		h = th.Body * 3.0 // the type is large already
	}
	ops := []layout.Op{}
	band := th.Band
	ops = append(ops, layout.Op{Kind: layout.RectOp, X: b.x, Y: 0, W: b.w, H: h, Fill: &band, Radius: 4, Artifact: layout.Decoration})
	x := b.x + padX
	if logo := th.Brand.Logo; logo != nil {
		tile := h - 2*th.Body*0.6
		white := colour.White
		ops = append(ops, layout.Op{Kind: layout.RectOp, X: x, Y: (h - tile) / 2, W: tile, H: tile, Fill: &white, Radius: 4, Artifact: layout.Decoration})
		inner := tile * 0.84
		w, hh := fit(float64(logo.Width), float64(logo.Height), inner, inner)
		alt := "Logo"
		if name != "" {
			alt = name + " logo"
		}
		fig := b.tree.AddFigure(alt, 0)
		ops = append(ops, layout.Op{Kind: layout.ImageOp, X: x + (tile-w)/2, Y: (h - hh) / 2, W: w, H: hh, Image: &logo.Image, Struct: fig})
		x += tile + padX*0.9
	}
	room := b.x + b.w - padX - x
	white := colour.White
	lines := []struct {
		text string
		size float64
		font fontset.Style
	}{{name, nameSize, fontset.Bold}}
	if th.Brand.Tagline != "" {
		lines = append(lines, struct {
			text string
			size float64
			font fontset.Style
		}{th.Brand.Tagline, tagSize, fontset.Regular})
	}
	if name != "" {
		// Centre the name (and tagline) block vertically in the band.
		total := nameSize*1.2 + tagSize*1.35*float64(len(lines)-1)
		y := (h - total) / 2
		for i, l := range lines {
			lh := nameSize * 1.2
			if i > 0 {
				lh = tagSize * 1.35
			}
			text := ellipsize(b.m, l.text, l.font, l.size, room)
			ops = append(ops, layout.Op{Kind: layout.TextOp, X: x, Y: y + b.baseline(l.size, lh), W: b.m.Width(text, l.font, l.size), Text: text, Font: l.font, Size: l.size, Color: white, Artifact: layout.Decoration})
			y += lh
		}
	}
	b.add(layout.Row{H: h, Ops: ops, Where: "the header band"})
}

// fit scales (w, h) to fit in (maxW, maxH), keeping the aspect ratio.
func fit(w, h, maxW, maxH float64) (float64, float64) {
	s := maxW / w
	if h*s > maxH {
		s = maxH / h
	}
	return w * s, h * s
}

// ellipsize shortens one-line furniture text that cannot wrap.
func ellipsize(m layout.Measurer, s string, style fontset.Style, size, w float64) string {
	if m.Width(s, style, size) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if m.Width(string(r[:mid])+"…", style, size) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// furniture is what every page carries outside the flow: the running header
// from page two on, and the footer. It is measured before the flow (its
// height fixes the content area) and drawn after (the page total is known).
type furniture struct {
	th          *Theme
	m           layout.Measurer
	title       string
	note        []layout.Line // the footer note, wrapped
	contact     []contactPart
	reviewed    string
	footerTop   float64 // y of the footer's rule
	headerH     float64 // running header height on later pages
	smallAscent float64
}

type contactPart struct {
	text, url string
}

func newFurniture(th *Theme, title, reviewed string, contact bool) *furniture {
	f := &furniture{th: th, m: th.Fonts, title: title, reviewed: reviewed}
	b := th.Brand
	if !contact {
		b = &brand.Brand{Footer: b.Footer}
	}
	if b.Phone != "" {
		f.contact = append(f.contact, contactPart{b.Phone, "tel:" + telDigits(b.Phone)})
	}
	if b.Website != "" {
		f.contact = append(f.contact, contactPart{brand.DisplayURL(b.Website), b.Website})
	}
	if b.Email != "" {
		f.contact = append(f.contact, contactPart{b.Email, "mailto:" + b.Email})
	}
	if b.Footer != "" {
		// Regular, not italic: the muted colour sets the note apart, and
		// every extra face costs each PDF milliseconds to embed.
		f.note = layout.Wrap(f.m, plain(b.Footer, fontset.Regular), th.Small, th.Width)
	}
	lines := len(f.note) + 1 // note lines + the page line
	if len(f.contact) > 0 {
		lines++
	}
	f.footerTop = th.Paper.H - th.Margin - float64(lines)*th.SmallLeading - th.Small*0.6
	f.headerH = th.SmallLeading + th.Small
	return f
}

// telDigits keeps what a phone link needs.
func telDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r == '+' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// spec is the content area: below the running header on later pages, above
// the footer on all.
func (f *furniture) spec() layout.PageSpec {
	th := f.th
	top := th.Margin
	return layout.PageSpec{
		Width: th.Paper.W, Height: th.Paper.H, Left: th.Left,
		Top: func(i int) float64 {
			if i == 0 {
				return top
			}
			return top + f.headerH + th.Leading*0.45
		},
		Bottom: f.footerTop - th.Leading*0.5,
	}
}

// draw returns page i's furniture (of total pages), all artifacts.
func (f *furniture) draw(i, total int) []layout.Op {
	th := f.th
	var ops []layout.Op
	muted := th.Muted
	hair := th.Hairline
	text := func(s string, x, y float64, style fontset.Style, url string) {
		w := f.m.Width(s, style, th.Small)
		ops = append(ops, layout.Op{Kind: layout.TextOp, X: x, Y: y, W: w, Text: s, Font: style, Size: th.Small, Color: muted, Artifact: layout.Pagination})
		if url != "" {
			ops = append(ops, layout.Op{Kind: layout.LinkOp, X: x, Y: y - th.Small*0.8, W: w, H: th.Small * 1.05, URL: url, Artifact: layout.Pagination})
		}
	}
	left, right := th.Left, th.Left+th.Width
	if i > 0 {
		y := th.Margin + th.Small
		name := th.Brand.Name
		titleW := f.m.Width(f.title, fontset.Regular, th.Small)
		if name != "" {
			name = ellipsize(f.m, name, fontset.Bold, th.Small, th.Width-titleW-th.Small*2)
			text(name, left, y, fontset.Bold, "")
		}
		t := ellipsize(f.m, f.title, fontset.Regular, th.Small, th.Width)
		text(t, right-f.m.Width(t, fontset.Regular, th.Small), y, fontset.Regular, "")
		ops = append(ops, layout.Op{Kind: layout.LineOp, X: left, Y: y + th.Small*0.6, W: th.Width, Stroke: &hair, LineWidth: 0.5, Artifact: layout.Pagination})
	}
	y := f.footerTop
	ops = append(ops, layout.Op{Kind: layout.LineOp, X: left, Y: y, W: th.Width, Stroke: &hair, LineWidth: 0.5, Artifact: layout.Pagination})
	y += th.Small * 0.6
	if len(f.contact) > 0 {
		y += th.SmallLeading
		x := left
		sep := "  ·  "
		sepW := f.m.Width(sep, fontset.Regular, th.Small)
		for k, p := range f.contact {
			if k > 0 {
				text(sep, x, y, fontset.Regular, "")
				x += sepW
			}
			text(p.text, x, y, fontset.Regular, p.url)
			x += f.m.Width(p.text, fontset.Regular, th.Small)
		}
	}
	for _, ln := range f.note {
		y += th.SmallLeading
		text(ln.Text(), left, y, fontset.Regular, "")
	}
	y += th.SmallLeading
	if f.reviewed != "" {
		text(f.reviewed, left, y, fontset.Regular, "")
	}
	page := th.Labels.Page(i+1, total)
	text(page, right-f.m.Width(page, fontset.Regular, th.Small), y, fontset.Regular, "")
	return ops
}
