package format

import (
	"fmt"
	"math"
	"strings"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/handout/linkcheck"
)

// masthead is the top of page one: the clinic's band (when there is a clinic
// name or logo), then the title and subtitle.
func (b *builder) masthead(title, subtitle string) {
	th := b.th
	if hasBand(th) {
		b.band()
		b.gap(bandGap(th))
	}
	ts := textStyle{size: th.titleSize(), leading: th.titleSize() * 1.15, font: fontset.Bold, color: th.Heading}
	st := b.tree.Add(layout.Title, 0)
	ss := textStyle{size: th.subtitleSize(), leading: th.subtitleSize() * 1.3, font: fontset.Regular, color: th.Muted}
	if b.compactHead && subtitle != "" && b.titleBeside(title, subtitle, ts, ss, st) {
		b.gap(th.Leading * b.titleGap)
		return
	}
	b.unbroken(plain(title, fontset.Bold), ts, st, "the title")
	if subtitle != "" {
		b.gap(th.Leading * 0.2)
		b.keepWithNext()
		sub := b.tree.Add(layout.Subtitle, 0)
		b.text(plain(subtitle, fontset.Regular), ss, 0, b.w, sub, "the subtitle")
	}
	b.gap(th.Leading * b.titleGap)
}

// titleBeside sets the subtitle on the title's line, at its right and on
// its baseline, when both fit one line with room between them: a compact
// masthead for a sheet that would otherwise take a page more (see faq).
func (b *builder) titleBeside(title, subtitle string, ts, ss textStyle, st int) bool {
	tw := b.m.Width(title, fontset.Bold, ts.size)
	sw := b.m.Width(subtitle, fontset.Regular, ss.size)
	if tw+ts.size+sw > b.w {
		return false
	}
	start := len(b.rows)
	b.text(plain(title, fontset.Bold), ts, 0, b.w, st, "the title")
	if len(b.rows) != start+1 {
		b.rows = b.rows[:start]
		return false
	}
	sb := b.sub(sw + 1)
	sb.text(plain(subtitle, fontset.Regular), ss, 0, sw+1, b.tree.Add(layout.Subtitle, 0), "the subtitle")
	dy := b.baseline(ts.size, ts.leading) - b.baseline(ss.size, ss.leading)
	for _, r := range sb.rows {
		for _, op := range r.Ops {
			op.X += b.w - sw
			op.Y += dy
			b.rows[start].Ops = append(b.rows[start].Ops, op)
		}
	}
	return true
}

// band is the solid header band, as wide on every format: the logo at its
// own aspect ratio on a white panel that hugs it, then the clinic name and
// tagline in white, wrapped (never cut) in the room the logo leaves. White
// on the band colour meets WCAG AA because the band uses the
// contrast-checked primary. Its type has fixed sizes, not the body's, so
// the room it takes does not change as the summary is fitted.
func (b *builder) band() {
	th := b.th
	bl := bandLayout(th, b.m)
	ops := []layout.Op{}
	band := th.Band
	x0 := th.BandX - th.Left // rows are relative to the text column
	ops = append(ops, layout.Op{Kind: layout.RectOp, X: x0, Y: 0, W: th.BandW, H: bl.h, Fill: &band, Radius: 4, Artifact: layout.Decoration})
	if logo := th.Brand.Logo; logo != nil {
		white := colour.White
		pw, ph := bl.logoW+2*bl.logoPad, bl.logoH+2*bl.logoPad
		px, py := x0+bl.padX, (bl.h-ph)/2
		ops = append(ops, layout.Op{Kind: layout.RectOp, X: px, Y: py, W: pw, H: ph, Fill: &white, Radius: 3, Artifact: layout.Decoration})
		alt := "Logo"
		if th.Brand.Name != "" {
			alt = th.Brand.Name + " logo"
		}
		fig := b.tree.AddFigure(alt, 0)
		ops = append(ops, layout.Op{Kind: layout.ImageOp, X: px + bl.logoPad, Y: py + bl.logoPad, W: bl.logoW, H: bl.logoH, Image: &logo.Image, Struct: fig})
	}
	white := colour.White
	y := (bl.h - bl.textH) / 2
	// The clinic's name and tagline are read out: without a logo they are
	// the only place a listener learns who gave the handout.
	for _, part := range []struct {
		lines   []layout.Line
		size    float64
		leading float64
	}{{bl.name, th.BandName, th.BandName * 1.2}, {bl.tagline, th.BandTag, th.BandTag * 1.3}} {
		if len(part.lines) == 0 {
			continue
		}
		st := b.tree.Add(layout.Letterhead, 0)
		for _, ln := range part.lines {
			for _, p := range ln.Pieces {
				ops = append(ops, layout.Op{Kind: layout.TextOp, X: x0 + bl.textX + p.X, Y: y + b.baseline(part.size, part.leading), W: p.W, Text: p.Text, Font: p.Style, Size: part.size, Color: white, Struct: st})
			}
			y += part.leading
		}
	}
	if bl.label != "" {
		// Furniture: the document's subject says what the format is.
		ops = append(ops, layout.Op{Kind: layout.TextOp, X: x0 + th.BandW - bl.padX - bl.labelW, Y: bl.h/2 + b.baseline(th.BandTag, th.BandTag*1.3) - th.BandTag*0.65, W: bl.labelW, Text: bl.label, Font: fontset.Regular, Size: th.BandTag, Color: white, Artifact: layout.Pagination})
	}
	b.add(layout.Row{H: bl.h, Ops: ops, Where: "the header band"})
}

// bandMetrics is the header band measured: its height, the logo's printed
// size and the wrapped name and tagline.
type bandMetrics struct {
	h, padX, textX, textH float64
	logoW, logoH, logoPad float64
	name, tagline         []layout.Line
	label                 string // the format's name, at the right
	labelW                float64
}

// balancedWrap wraps text to width in as few lines as it needs, and then
// as evenly as those lines allow: at the narrowest width that takes no
// more lines, so a last line does not hold one word ("Wellness" / "Center")
// while the line above is full.
func balancedWrap(m layout.Measurer, rs []layout.Run, size, width float64) []layout.Line {
	lines := layout.Wrap(m, rs, size, width)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width // hi wraps to len(lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if len(layout.Wrap(m, rs, size, mid)) <= len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return layout.Wrap(m, rs, size, hi)
}

// bandLayout measures the band for a theme. A logo is sized by its height;
// a very wide wordmark may take at most 45 % of the band, and then prints
// lower (check warns when its lettering would be too small to read).
func bandLayout(th *Theme, m layout.Measurer) bandMetrics {
	// The padding is the regular tagline's: large print's type grows,
	// not the white around it.
	pad := min(th.BandTag, 14)
	bl := bandMetrics{padX: pad * 1.1}
	padY := pad * 0.65
	bl.textX = bl.padX
	logoBlock := 0.0
	if logo := th.Brand.Logo; logo != nil {
		bl.logoPad = th.LogoH * 0.08
		bl.logoW, bl.logoH = LogoSize(logo, th)
		logoBlock = bl.logoH + 2*bl.logoPad
		bl.textX += bl.logoW + 2*bl.logoPad + bl.padX
	}
	room := th.BandW - bl.textX - bl.padX
	if th.BandLabel != "" {
		// The format's name at the right, unless it would leave the
		// clinic's name less than half the band.
		if w := m.Width(th.BandLabel, fontset.Regular, th.BandTag); room-w-bl.padX >= th.BandW/2 {
			bl.label, bl.labelW = th.BandLabel, w
			room -= w + bl.padX
		}
	}
	if th.Brand.Name != "" {
		bl.name = balancedWrap(m, plain(th.Brand.Name, fontset.Bold), th.BandName, room)
	}
	if th.Tagline != "" {
		bl.tagline = balancedWrap(m, plain(th.Tagline, fontset.Regular), th.BandTag, room)
	}
	bl.textH = float64(len(bl.name))*th.BandName*1.2 + float64(len(bl.tagline))*th.BandTag*1.3
	bl.h = max(bl.textH, logoBlock) + 2*padY
	return bl
}

// bandGap is the space between the band and the title.
func bandGap(th *Theme) float64 {
	if th.LargePrint {
		return th.Leading * 0.5 // large print needs the room for a two-page summary
	}
	return th.Leading * 0.7
}

// hasBand reports whether the brand has a header band.
func hasBand(th *Theme) bool { return th.Brand.Name != "" || th.Brand.Logo != nil }

// LogoTooSmall says, for a logo so wide that the header band prints it
// under 0.45 in tall, how large it prints (on the narrower of Letter and
// A4), so that `check` can warn before a clinic finds its name unreadable;
// "" when it prints at full height.
func LogoTooSmall(logo *brand.Logo) string {
	const minH = 0.45 * 72
	// The narrowest band is the guide's text column on A4.
	th := &Theme{LogoH: 0.55 * 72, BandW: math.Min(A4.W-2*minMargin, charsPerLine*averageCharWidth(fontset.Default(), BodySize))}
	w, h := LogoSize(logo, th)
	if h >= minH {
		return ""
	}
	return fmt.Sprintf("logo %s is %d×%d pixels (%.0f:1), so the header band prints it %.2f × %.2f in: any lettering in it prints at most %.0f pt tall, too small to read; use a logo no wider than %.0f:1, such as a stacked version of the wordmark",
		logo.Path, logo.Width, logo.Height, float64(logo.Width)/float64(logo.Height), w/72, h/72, h, math.Floor(th.BandW*0.45/minH))
}

// LogoSize is the printed size of the brand's logo in points: th.LogoH tall
// at its own aspect ratio, or lower when that would take more than 45 % of
// the band's width.
func LogoSize(logo *brand.Logo, th *Theme) (w, h float64) {
	h = th.LogoH
	w = h * float64(logo.Width) / float64(logo.Height)
	if maxW := th.BandW * 0.45; w > maxW {
		w, h = maxW, maxW*float64(logo.Height)/float64(logo.Width)
	}
	return w, h
}

// furniture is what every page carries outside the flow: the running header
// from page two on, and the footer. It is measured before the flow (its
// height fixes the content area) and drawn after (the page total is known).
// Nothing in it is ever cut: long names, contact details and footers wrap.
type furniture struct {
	th        *Theme
	m         layout.Measurer
	title     string
	header    []headerLine    // the running header, wrapped
	contact   [][]contactPart // the contact line, wrapped between parts
	note      []layout.Line   // the footer note, wrapped
	reviewed  string
	footerTop float64 // top of the room the footer keeps
	textTop   float64 // y its lines are set from, so that they end on the bottom margin
	ruleY     float64 // y of its rule: above what it prints, not above the room kept
	headerH   float64 // running header height on later pages
	textW     float64 // the footer's text width, left of any QR code
	qr        float64 // the QR code's size, 0 for none
	// reviewedInline: the summary's review date ends its last line of
	// contact details or note rather than taking a line of its own.
	reviewedInline bool
	mode           furnitureMode
	// The guide's and FAQ's footer keeps to two lines (see running):
	// pageInline sets the page number (and the review date, when
	// reviewedFoot) at the right of the last contact line rather than on a
	// line of its own; what does not fit is printed once, at the end of the
	// handout (onceNote, onceReviewed), by the format.
	pageInline, reviewedFoot bool
	onceNote, onceReviewed   string
	// last is what the handout prints once, when the last page's footer
	// carries it (above the contact details, under the rule) because
	// closing the handout with it would cost a sheet.
	last [][]layout.Line
	// tree, when set, takes the summary's contact details as content on
	// its last page: there they are the clinic's contact card, printed
	// once, not furniture repeated on every page.
	tree *layout.Tree
}

// furnitureMode is which footer a format has.
type furnitureMode int

const (
	// furnitureRunning is the guide's and FAQ's: the contact line, the
	// brand's note and the page line, as tall as they need.
	furnitureRunning furnitureMode = iota
	// furnitureSummary is the summary's: the contact details (with the
	// address), the note and the review date beside the website's QR
	// code, as tall as the brand makes them; no page number.
	furnitureSummary
	// furnitureNotes is the large-print summary's, which carries its
	// contact details and note in a strip on its last page: its footer is
	// the page line alone.
	furnitureNotes
)

type contactPart struct {
	text, url string
}

// headerLine is one line of the running header: the clinic name at the
// left and the title at the right, either of which may be empty.
type headerLine struct{ name, title string }

// contactParts is the brand's phone, website and email as printed and
// linked: the one place their links are built.
func contactParts(b *brand.Brand) []contactPart {
	var parts []contactPart
	if b.Phone != "" {
		parts = append(parts, contactPart{b.Phone, b.PhoneLink()})
	}
	if b.Website != "" {
		parts = append(parts, contactPart{linkcheck.Printed(b.Website), b.Website})
	}
	if b.Email != "" {
		parts = append(parts, contactPart{b.Email, b.EmailLink()})
	}
	return parts
}

// contactSep goes between contact parts on a line; a line never ends with it.
const contactSep = "  ·  "

// wrapParts fills lines with whole parts, a separator between two parts on
// the same line, so that no separator dangles at a line's end. A part wider
// than a line may run on into slack (part of the gutter before a QR code,
// never the code: text there would spoil both) on a line of its own; wider
// still, it is broken as an address is in running text (after a slash,
// before a dot or hyphen), each piece a line linking to the whole.
func wrapParts(m layout.Measurer, parts []contactPart, style fontset.Style, size, width, slack float64) [][]contactPart {
	var lines [][]contactPart
	sepW := m.Width(contactSep, style, size)
	x := 0.0
	for _, p := range parts {
		w := m.Width(p.text, style, size)
		if w > width+slack+0.01 {
			for _, ln := range layout.Wrap(m, []layout.Run{{Text: p.text, Style: style, URL: p.url}}, size, width) {
				var piece strings.Builder
				for _, pc := range ln.Pieces {
					piece.WriteString(pc.Text)
				}
				lines = append(lines, []contactPart{{text: piece.String(), url: p.url}})
			}
			// Nothing joins the last piece: the next part starts a line.
			x = width + 1
			continue
		}
		if n := len(lines); n > 0 && x+sepW+w <= width+0.01 {
			lines[n-1] = append(lines[n-1], p)
			x += sepW + w
			continue
		}
		lines = append(lines, []contactPart{p})
		x = w
	}
	return lines
}

// newFurniture measures a format's furniture: as tall as what it prints for
// this brand, and no taller, so the summary is fitted to the furniture that
// is really there.
func newFurniture(th *Theme, title, reviewed string, mode furnitureMode) *furniture {
	furn := &furniture{th: th, m: th.measurer(), title: title, reviewed: reviewed, mode: mode, textW: th.Width}
	parts := contactParts(th.Brand)
	lines := 1 // the page line
	if mode == furnitureSummary {
		if th.Brand.Address != "" {
			parts = append(parts, contactPart{text: th.Brand.Address})
		}
		if th.Brand.Website != "" {
			furn.qr = th.QRSize
			furn.textW -= furn.qr + th.Small*1.5
		}
	}
	if mode == furnitureRunning {
		lines = furn.running(parts)
	}
	if mode == furnitureSummary {
		furn.contact = wrapParts(furn.m, parts, fontset.Regular, th.Small, furn.textW, th.Small*0.75)
	}
	// The large-print summary prints its note once, on its contact strip.
	if th.Footer != "" && mode == furnitureSummary {
		// Regular, not italic: the muted colour sets the note apart, and
		// every extra face costs each PDF milliseconds to embed.
		furn.note = layout.Wrap(furn.m, plain(th.Footer, fontset.Regular), th.Small, furn.textW)
	}
	if mode == furnitureSummary {
		// The summary is one page: no page number, and the review date
		// ends the last line when there is room for it there.
		lines = 0
		if reviewed != "" {
			lines = 1
			if n := len(furn.note) + len(furn.contact); n > 0 && furn.lastLineW()+th.Small*2+furn.m.Width(reviewed, fontset.Regular, th.Small) <= furn.textW {
				furn.reviewedInline = true
				lines = 0
			}
		}
	}
	if mode != furnitureRunning {
		lines += len(furn.note) + len(furn.contact)
	}
	furn.place(lines)
	furn.header = furn.headerLines()
	furn.headerH = float64(len(furn.header))*th.SmallLeading + th.Small*0.3
	return furn
}

// place sets the footer's room for lines of small type above the bottom
// margin.
func (furn *furniture) place(lines int) {
	th := furn.th
	furn.textTop = furn.pageLineY() - float64(lines)*th.SmallLeading
	furn.ruleY = furn.textTop - th.Small*0.6
	if furn.qr > 0 {
		furn.ruleY = min(furn.ruleY, th.Paper.H-th.Margin-furn.qr-th.Small*0.6)
	}
	furn.footerTop = furn.ruleY
	if lines == 0 && furn.qr == 0 {
		// Nothing at the foot: the content may run to the margin.
		furn.footerTop = th.Paper.H - th.Margin + th.Leading*0.5
		furn.ruleY = 0
	}
}

// newOneSheetFurniture is a guide's or FAQ's footer for a sheet set to fit
// one page (see fitFAQ), or nil when it would save nothing. A one-page sheet
// prints no page number, so a page line of its own would hold only the
// review date: the date is printed once instead (the format sets it at the
// end of the brand's note), and the footer is a line shorter. It serves only
// a sheet that does come to one page: on two, the page number needs its line.
func newOneSheetFurniture(furn *furniture) *furniture {
	if furn.mode != furnitureRunning || furn.pageInline {
		return nil
	}
	one := *furn
	one.pageInline = true // on one page there is no page number to print at the right
	if one.reviewedFoot && one.reviewed != "" {
		one.reviewedFoot = false
		one.onceReviewed = one.reviewed
	}
	one.place(len(one.contact) + len(one.note))
	return &one
}

// running lays out the guide's and FAQ's footer in at most two lines, and
// returns how many it takes. Every page carries the clinic's contact
// details and the page number, side by side when they fit; the review date
// joins the page number when there is room, and the brand's note goes above
// when it fits on one line. A note of more than a line, or a date with no
// room, is printed once, at the end of the handout, rather than make every
// page's footer three or four lines.
func (furn *furniture) running(parts []contactPart) int {
	th := furn.th
	w := func(s string) float64 { return furn.m.Width(s, fontset.Regular, th.Small) }
	// The page count is not known yet: room is kept for two digits each.
	page := w(th.Labels.Page(88, 88))
	meta := page
	if furn.reviewed != "" {
		meta += w(contactSep) + w(furn.reviewed)
	}
	gap := th.Small * 2
	if th.LargePrint {
		// At 16 pt the contact details alone take two lines a page: large
		// print prints them, and the note, once on the contact strip that
		// closes the handout (as its summary does), and its footer is the
		// page line alone.
		furn.reviewedFoot = true
		return 1
	}
	furn.contact = wrapParts(furn.m, parts, fontset.Regular, th.Small, furn.textW, 0)
	var note []layout.Line
	if th.Footer != "" {
		note = layout.Wrap(furn.m, plain(th.Footer, fontset.Regular), th.Small, furn.textW)
	}
	noteFits := len(note) == 1
	last := 0.0
	if n := len(furn.contact); n > 0 {
		last = furn.partsW(furn.contact[n-1])
	}
	switch {
	case len(furn.contact) == 0:
		furn.reviewedFoot = true // the page line: the date at the left, the page number at the right
	case len(furn.contact) == 1 && last+gap+meta <= furn.textW:
		furn.pageInline, furn.reviewedFoot = true, true
	case len(furn.contact) == 1 && last+gap+page <= furn.textW && noteFits:
		furn.pageInline = true // keep the note on every page; the date is printed once
	case len(furn.contact) == 1:
		furn.reviewedFoot = true // the page line below the contact line; the note once
		noteFits = false
	default:
		// Contact details over more than a line: the page number ends
		// the last when it fits, and the date and note are printed once.
		furn.pageInline = last+gap+page <= furn.textW
		noteFits = false
	}
	if !furn.reviewedFoot {
		furn.onceReviewed = furn.reviewed
	}
	lines := len(furn.contact)
	if !furn.pageInline {
		lines++
	}
	if noteFits && lines < 2 {
		furn.note = note
		lines++
	} else {
		furn.onceNote = th.Footer
	}
	return lines
}

// partsW is the printed width of a line of contact parts.
func (furn *furniture) partsW(line []contactPart) float64 {
	w := 0.0
	for k, p := range line {
		if k > 0 {
			w += furn.m.Width(contactSep, fontset.Regular, furn.th.Small)
		}
		w += furn.m.Width(p.text, fontset.Regular, furn.th.Small)
	}
	return w
}

// lastLineW is the width of the footer's last line of contact details or
// note.
func (furn *furniture) lastLineW() float64 {
	if n := len(furn.note); n > 0 {
		return furn.note[n-1].W
	}
	return furn.partsW(furn.contact[len(furn.contact)-1])
}

// pageLineY is the baseline of the footer's last line, which sits on the
// bottom margin with its descenders.
func (furn *furniture) pageLineY() float64 {
	return furn.th.Paper.H - furn.th.Margin - furn.th.Small*0.25
}

// headerLines puts the clinic name and the title on one line when they fit
// with room between them. Otherwise the header keeps to its budget of lines
// (two in regular print, one in large print, where each line costs more):
// the name's lines above the title's when they fit it, else each shortened
// at a word to one line. Large print drops the name before it shortens
// the title, since the band on page one says who gave the handout. Shortening is the running header's alone; the title and band on
// page one are printed whole.
func (furn *furniture) headerLines() []headerLine {
	th := furn.th
	name, title := th.Brand.Name, furn.title
	nameW := furn.m.Width(name, fontset.Bold, th.Small)
	gap := th.Small * 2
	if titleW := furn.m.Width(title, fontset.Regular, th.Small); name == "" && titleW <= th.Width || name != "" && nameW+gap+titleW <= th.Width {
		return []headerLine{{name: name, title: title}}
	}
	budget := 2
	if th.LargePrint {
		budget = 1
	}
	wrap := func(s string, style fontset.Style) []string {
		var out []string
		for _, ln := range layout.Wrap(furn.m, plain(s, style), th.Small, th.Width) {
			out = append(out, strings.TrimSpace(ln.Text()))
		}
		return out
	}
	var names, titles []string
	if name != "" {
		names = wrap(name, fontset.Bold)
	}
	titles = wrap(title, fontset.Regular)
	var out []headerLine
	switch {
	case len(names)+len(titles) <= budget:
	case budget == 1 && len(titles) == 1:
		// One line: the title whole, without the name.
		return []headerLine{{title: title}}
	case budget == 1 && name != "" && nameW+gap <= th.Width/2:
		// One line: the name, and the title shortened beside it.
		return []headerLine{{name: name, title: shorten(furn.m, title, fontset.Regular, th.Small, th.Width-nameW-gap)}}
	case budget == 1:
		return []headerLine{{title: shorten(furn.m, title, fontset.Regular, th.Small, th.Width)}}
	case name != "":
		names = []string{shorten(furn.m, name, fontset.Bold, th.Small, th.Width)}
		titles = []string{shorten(furn.m, title, fontset.Regular, th.Small, th.Width)}
	default:
		// No name: the title's first line, and the rest shortened.
		rest := strings.TrimSpace(strings.TrimPrefix(title, titles[0]))
		titles = []string{titles[0], shorten(furn.m, rest, fontset.Regular, th.Small, th.Width)}
	}
	for _, n := range names {
		out = append(out, headerLine{name: n})
	}
	for _, t := range titles {
		out = append(out, headerLine{title: t})
	}
	return out
}

// shorten returns s, or as many of its words as fit width followed by an
// ellipsis; a first word wider than width is cut between letters.
func shorten(m layout.Measurer, s string, style fontset.Style, size, width float64) string {
	if m.Width(s, style, size) <= width {
		return s
	}
	const ell = "\u2026"
	words := strings.Fields(s)
	for n := len(words) - 1; n > 0; n-- {
		t := strings.TrimRight(strings.Join(words[:n], " "), ",;:.-\u2013\u2014 ") + ell
		if m.Width(t, style, size) <= width {
			return t
		}
	}
	r := []rune(words[0])
	for n := len(r) - 1; n > 0; n-- {
		if t := string(r[:n]) + ell; m.Width(t, style, size) <= width {
			return t
		}
	}
	return ell
}

// spec is the content area: below the running header on later pages, above
// the footer on all.
func (furn *furniture) spec() layout.PageSpec {
	th := furn.th
	top := th.Margin
	return layout.PageSpec{
		Width: th.Paper.W, Height: th.Paper.H, Left: th.Left,
		Top: func(i int) float64 {
			if i == 0 {
				return top
			}
			return top + furn.headerH + th.Leading*0.45
		},
		Bottom: furn.footerTop - th.Leading*0.5,
		// No title alone on page one, no sheet for a few lines: the
		// composer pulls lines forward or splits the box instead.
		MinFirst: 0.5,
		MinLast:  0.2,
	}
}

// draw returns page i's furniture (of total pages): artifacts, except the
// summary's contact card (see furniture.tree) and what the last page's
// footer prints once (furniture.last).
func (furn *furniture) draw(i, total int) []layout.Op {
	p := &footPen{furn: furn, card: layout.NoStruct, st: layout.NoStruct}
	if furn.tree != nil && furn.mode == furnitureSummary && i == total-1 && (len(furn.contact) > 0 || furn.qr > 0) {
		p.card = furn.tree.Add(layout.Aside, 0)
	}
	if i > 0 {
		furn.drawHeader(p)
	}
	lift := 0.0 // the last page's footer rises to carry what prints once
	if furn.mode == furnitureRunning && i == total-1 && len(furn.last) > 0 {
		lift = onceHeight(furn.last, furn.th)
	}
	if furn.ruleY > 0 {
		p.rule(furn.ruleY - lift)
	}
	if furn.qr > 0 {
		furn.drawQR(p)
	}
	switch furn.mode {
	case furnitureRunning:
		furn.drawRunning(p, i, total, furn.textTop-lift)
	case furnitureSummary:
		furn.drawContact(p, furn.textTop, true)
	default:
		furn.drawContact(p, furn.textTop, false)
		furn.drawPageLine(p, i, total)
	}
	return p.ops
}

// footPen draws furniture's text: artifacts, or into the structure tree
// under st when that is set.
type footPen struct {
	furn *furniture
	ops  []layout.Op
	card int // the summary's contact card element, or NoStruct
	st   int // the element text goes in, or NoStruct
}

func (p *footPen) text(s string, x, y float64, style fontset.Style, url string) {
	furn, th := p.furn, p.furn.th
	w := furn.m.Width(s, style, th.Small)
	op := layout.Op{Kind: layout.TextOp, X: x, Y: y, W: w, Text: s, Font: style, Size: th.Small, Color: th.Muted, Struct: p.st, URL: url}
	if !op.InTree() {
		op.Artifact = layout.Pagination
	}
	link := layout.Op{Kind: layout.LinkOp, X: x, Y: y - th.Small*0.8, W: w, H: th.Small * 1.05, URL: url, Struct: op.Struct, Artifact: op.Artifact}
	if url != "" && op.InTree() {
		link.Struct = furn.tree.Add(layout.Link, p.st)
		op.Struct = link.Struct
	}
	p.ops = append(p.ops, op)
	if url != "" {
		p.ops = append(p.ops, link)
	}
}

// rule is a hairline across the text column.
func (p *footPen) rule(y float64) {
	th := p.furn.th
	hair := th.Hairline
	p.ops = append(p.ops, layout.Op{Kind: layout.LineOp, X: th.Left, Y: y, W: th.Width, Stroke: &hair, LineWidth: 0.5, Artifact: layout.Pagination})
}

// contactLine is a line of contact parts from the column's left edge.
func (p *footPen) contactLine(line []contactPart, y float64) {
	furn, th := p.furn, p.furn.th
	sepW := furn.m.Width(contactSep, fontset.Regular, th.Small)
	x := th.Left
	for k, part := range line {
		if k > 0 {
			p.text(contactSep, x, y, fontset.Regular, "")
			x += sepW
		}
		p.text(part.text, x, y, fontset.Regular, part.url)
		x += furn.m.Width(part.text, fontset.Regular, th.Small)
	}
}

// drawHeader is the running header of pages after the first, over its rule.
func (furn *furniture) drawHeader(p *footPen) {
	th := furn.th
	left, right := th.Left, th.Left+th.Width
	y := th.Margin + th.Small
	for k, ln := range furn.header {
		if k > 0 {
			y += th.SmallLeading
		}
		if ln.name != "" {
			p.text(ln.name, left, y, fontset.Bold, "")
		}
		if ln.title != "" {
			p.text(ln.title, right-furn.m.Width(ln.title, fontset.Regular, th.Small), y, fontset.Regular, "")
		}
	}
	p.rule(y + th.Small*0.6)
}

// drawQR is the summary's QR code of the website, at the foot's right: in
// the contact card on its last page.
func (furn *furniture) drawQR(p *footPen) {
	th := furn.th
	fig, link, art := layout.NoStruct, layout.NoStruct, layout.Pagination
	if p.card != layout.NoStruct {
		link = furn.tree.Add(layout.Link, p.card)
		fig, art = furn.tree.AddFigure("QR code: "+th.Brand.Website, link), layout.NotArtifact
	}
	p.ops = append(p.ops, qrCode(th.Brand, th.Left+th.Width-furn.qr, th.Paper.H-th.Margin-furn.qr, furn.qr, fig, link, art)...)
}

// drawRunning is the guide's and FAQ's footer from y: what prints once on
// the last page (furniture.last), the note, then the contact details with
// the page number (and the date) at the right of their last line, or the
// page line below them.
func (furn *furniture) drawRunning(p *footPen, i, total int, y float64) {
	th := furn.th
	left := th.Left
	if y < furn.textTop {
		for _, lines := range furn.last {
			p.st = furn.tree.Add(layout.SmallPrint, 0)
			for _, ln := range lines {
				y += th.SmallLeading
				for _, pc := range ln.Pieces {
					p.text(pc.Text, left+pc.X, y, pc.Style, "")
				}
			}
		}
		p.st = layout.NoStruct
	}
	for _, ln := range furn.note {
		y += th.SmallLeading
		p.text(strings.TrimSpace(ln.Text()), left, y, fontset.Regular, "")
	}
	for _, line := range furn.contact {
		y += th.SmallLeading
		p.contactLine(line, y)
	}
	// A one-page sheet has no page number ("Page 1 of 1" tells a reader
	// nothing).
	right := ""
	if total > 1 {
		right = th.Labels.Page(i+1, total)
	}
	if !furn.pageInline {
		y = furn.pageLineY()
		if furn.reviewedFoot && furn.reviewed != "" {
			p.text(furn.reviewed, left, y, fontset.Regular, "")
		}
	} else if furn.reviewedFoot && furn.reviewed != "" {
		if right != "" {
			right = contactSep + right
		}
		right = furn.reviewed + right
	}
	if right != "" {
		p.text(right, left+furn.textW-furn.m.Width(right, fontset.Regular, th.Small), y, fontset.Regular, "")
	}
}

// drawContact is the summary's footer from y, and the large-print
// summary's: the contact details (the card's, on the summary's last page),
// the note, and the summary's review date.
func (furn *furniture) drawContact(p *footPen, y float64, summary bool) {
	th := furn.th
	left := th.Left
	for _, line := range furn.contact {
		y += th.SmallLeading
		if p.card != layout.NoStruct {
			p.st = furn.tree.Add(layout.SmallPrint, p.card)
		}
		p.contactLine(line, y)
	}
	p.st = layout.NoStruct
	for _, ln := range furn.note {
		y += th.SmallLeading
		p.text(strings.TrimSpace(ln.Text()), left, y, fontset.Regular, "")
	}
	if summary && furn.reviewed != "" {
		x := left
		if furn.reviewedInline {
			x = left + furn.textW - furn.m.Width(furn.reviewed, fontset.Regular, th.Small)
		} else {
			y += th.SmallLeading
		}
		p.text(furn.reviewed, x, y, fontset.Regular, "")
	}
}

// drawPageLine is the page line on the bottom margin: the review date at
// the left, the page number at the right; a one-page sheet has no page
// number ("Page 1 of 1" tells a reader nothing).
func (furn *furniture) drawPageLine(p *footPen, i, total int) {
	th := furn.th
	y := furn.pageLineY()
	if furn.reviewed != "" {
		p.text(furn.reviewed, th.Left, y, fontset.Regular, "")
	}
	if total > 1 {
		page := th.Labels.Page(i+1, total)
		p.text(page, th.Left+furn.textW-furn.m.Width(page, fontset.Regular, th.Small), y, fontset.Regular, "")
	}
}
