package format

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/handout/linkcheck"
)

// builder accumulates measured rows for one document. Every block a format
// uses is a method here, so the three formats share one way of drawing each
// thing.
type builder struct {
	th   *Theme
	m    layout.Measurer
	tree *layout.Tree
	rows []layout.Row

	keepNext bool // the next content row may not start a page
	// lonePending: the next content row starts a list item that would
	// stand alone if the page broke before it (see list).
	lonePending bool
	wholeBox    float64 // a box up to this tall never splits
	titleGap    float64 // the space under the masthead, in leadings
	// fitted: the document is fitted to its pages (the summary), which
	// cannot spare a line for a continued label.
	fitted bool
	// once is what the footer had no room for on every page (the brand's
	// note, the review date): the handout prints it once, at its end.
	once []string
	// onceFoot: the last page's footer prints once instead (see
	// compose), so the handout does not close with it.
	onceFoot bool
	// compactHead: the subtitle on the title's line when it fits (an FAQ
	// sheet saving a page, see faq).
	compactHead bool
	// splitLast: an FAQ sheet's last answer may split after any of its
	// lines (see fitFAQ).
	splitLast bool
	// qaFrom and qaTo bound the structure elements of an FAQ sheet's
	// questions and answers (see asksOnEveryPage).
	qaFrom, qaTo int
	frame        *layout.Frame // rows go into this box
	frameAt      int           // index of the box's first row
	x, w         float64       // current text column, relative to the content's left
	// wrapper's memory is shared with the sub-builders (sub): one
	// document is built on one goroutine.
	wrapper *layout.Wrapper
}

func newBuilder(th *Theme) *builder {
	return &builder{th: th, m: th.measurer(), tree: layout.NewTree(), w: th.Width, titleGap: 0.6, wrapper: new(layout.Wrapper)}
}

// textStyle is how a run of text is set.
type textStyle struct {
	size, leading float64
	font          fontset.Style
	color         colour.Color
}

func (b *builder) body() textStyle {
	return textStyle{size: b.th.Body, leading: b.th.Leading, font: fontset.Regular, color: b.th.Ink}
}

func (b *builder) add(r layout.Row) {
	if b.lonePending && !r.Gap {
		r.Lone = true
		b.lonePending = false
	}
	if b.keepNext {
		r.KeepWithPrev = true
		// A gap keeps the promise for the row after it.
		b.keepNext = r.Gap
	}
	r.Frame = b.frame
	b.rows = append(b.rows, r)
}

// gap adds vertical space that disappears at the top of a page.
func (b *builder) gap(h float64) {
	if b.th.closeUp > 0 {
		h *= b.th.closeUp
	}
	b.add(layout.Row{H: h, Gap: true})
}

// keepWithNext makes the next rows stay with what was just added.
func (b *builder) keepWithNext() { b.keepNext = true }

// runs converts inline spans to layout runs on a base style, through the
// typographic pass. A link is followed by its short address in brackets,
// "this video (youtube.com/watch?v=…)", unless its words already say it:
// on paper the address is all a reader has.
func runs(spans []content.Span, base fontset.Style) []layout.Run {
	out := make([]layout.Run, 0, len(spans))
	var words strings.Builder // the current link's words
	for i, s := range spans {
		prev, next := ' ', ' '
		if i > 0 {
			prev = lastRune(spans[i-1].Text)
		}
		if i+1 < len(spans) {
			next, _ = utf8.DecodeRuneInString(spans[i+1].Text)
		}
		out = append(out, layout.Run{Text: typeset(s.Text, prev, next), Style: base.With(s.Bold, s.Italic), URL: s.URL})
		if s.URL == "" {
			continue
		}
		words.WriteString(s.Text)
		if i+1 < len(spans) && spans[i+1].URL == s.URL {
			continue
		}
		if addr := linkcheck.Printed(s.URL); addr != "" && !linkcheck.Shown(words.String(), s.URL) {
			out = append(out, layout.Run{Text: " (", Style: base}, layout.Run{Text: addr, Style: base, URL: s.URL}, layout.Run{Text: ")", Style: base})
		}
		words.Reset()
	}
	return out
}

// plain is text without markup, through the typographic pass.
func plain(s string, style fontset.Style) []layout.Run {
	return []layout.Run{{Text: typeset(s, ' ', ' '), Style: style}}
}

// baseline is where text of a size sits in a row of a height: centred on
// the font's ascent and descent, so mixed sizes line up optically.
func (b *builder) baseline(size, rowH float64) float64 {
	f := b.th.Fonts.Face(fontset.Regular)
	asc, desc := f.Ascent*size/1000, -f.Descent*size/1000
	return (rowH-(asc+desc))/2 + asc
}

// text wraps runs into rows at x (relative to the current column) within
// width w. Paragraph rules: no single line alone at a page's top or foot, so
// a paragraph of up to three lines never breaks, and a longer one breaks
// only after its second line and before its last two.
func (b *builder) text(rs []layout.Run, ts textStyle, x, w float64, st int, where string) int {
	return b.setLines(b.wrapper.Wrap(b.m, rs, ts.size, w), rs, ts, x, st, where)
}

// setLines is text for runs already wrapped into lines.
func (b *builder) setLines(lines []layout.Line, rs []layout.Run, ts textStyle, x float64, st int, where string) int {
	base := b.baseline(ts.size, ts.leading)
	rtl := false
	if _, shaped := b.m.(layout.LineSetter); shaped {
		rtl = layout.ReadsRTL(b.m, runsText(rs))
	}
	for i, ln := range lines {
		row := layout.Row{H: ts.leading, Where: where}
		row.KeepWithPrev = i == 1 || i > 0 && i == len(lines)-1
		ln = layout.SetLine(b.m, ln, ts.size, rtl)
		for _, p := range ln.Pieces {
			op := layout.Op{Kind: layout.TextOp, X: b.x + x + p.X, Y: base, W: p.W, Text: p.Text, Font: p.Style, Size: ts.size, Color: ts.color, Struct: st, Glyphs: p.Glyphs}
			if p.URL != "" {
				link := b.tree.Add(layout.Link, st)
				op.Color, op.Struct, op.URL = b.th.Heading, link, p.URL
				row.Ops = append(row.Ops, b.linkOps(op, strings.TrimRight(p.Text, " "), base)...)
				continue
			}
			row.Ops = append(row.Ops, op)
		}
		b.add(row)
	}
	return len(lines)
}

// unbroken is text whose lines never part: titles, headings, labels and
// questions, which read as one unit.
func (b *builder) unbroken(rs []layout.Run, ts textStyle, st int, where string) {
	start := len(b.rows)
	b.text(rs, ts, 0, b.w, st, where)
	b.keepRows(start+1, len(b.rows))
}

// keepRows forbids page breaks before rows[from:to].
func (b *builder) keepRows(from, to int) {
	for k := from; k < to && k < len(b.rows); k++ {
		b.rows[k].KeepWithPrev = true
	}
}

// linkOps draws link text underlined (colour alone does not survive black
// and white printing) with a clickable area over it.
func (b *builder) linkOps(op layout.Op, visible string, base float64) []layout.Op {
	w := b.m.Width(visible, op.Font, op.Size)
	c := op.Color
	return []layout.Op{
		op,
		{Kind: layout.LineOp, X: op.X, Y: base + op.Size*0.12, W: w, Stroke: &c, LineWidth: 0.6, Struct: op.Struct},
		{Kind: layout.LinkOp, X: op.X, Y: base - op.Size*0.8, W: w, H: op.Size * 1.05, URL: op.URL, Struct: op.Struct},
	}
}

// paragraph is body text as its own structure element.
func (b *builder) paragraph(spans []content.Span, parent int, where string) {
	st := b.tree.Add(layout.Paragraph, parent)
	b.text(runs(spans, fontset.Regular), b.body(), 0, b.w, st, where)
}

// heading is a section heading; it keeps with the first two lines of what
// follows, so it never ends a page.
func (b *builder) heading(text string, size float64, role layout.Role, bookmark int, where string) {
	st := b.tree.Add(role, 0)
	leading := size * 1.25
	if size <= b.th.Body*1.05 {
		leading = b.th.Leading // a run-in heading at body size sits on the body's grid
	}
	ts := textStyle{size: size, leading: leading, font: fontset.Bold, color: b.th.Heading}
	start := len(b.rows)
	b.unbroken(plain(text, fontset.Bold), ts, st, where)
	if bookmark >= 0 && len(b.rows) > start {
		r := &b.rows[start]
		r.Ops = append(r.Ops, layout.Op{Kind: layout.BookmarkOp, Text: strings.ReplaceAll(typeset(text, ' ', ' '), "\u00ad", ""), Level: bookmark, Y: 0, X: b.x})
	}
	b.keepWithNext()
}

// bullets is a list; each item keeps its own lines together by the paragraph
// rules, and the bullet sits in a hanging indent.
func (b *builder) bullets(items [][]content.Span, parent int, ts textStyle, where string) {
	b.list(items, parent, ts, where, false)
}

// steps is a numbered list: real numbers ("1.", "2." …) right-aligned in a
// hanging indent wide enough for the largest, so the steps' text lines up
// and a wrapped line starts under the text, not under the number.
func (b *builder) steps(items [][]content.Span, parent int, ts textStyle, where string) {
	b.list(items, parent, ts, where, true)
}

func (b *builder) list(items [][]content.Span, parent int, ts textStyle, where string, numbered bool) {
	rs := make([][]layout.Run, len(items))
	for i, it := range items {
		rs[i] = runs(it, ts.font)
	}
	b.listItems(b.newList(parent, numbered), rs, nil, 0, len(items), ts, where, numbered)
}

// newList adds a list element to the structure tree.
func (b *builder) newList(parent int, numbered bool) int {
	list := b.tree.Add(layout.List, parent)
	// A screen reader announces "list of 3 items" and reads the labels;
	// the attribute also says whether they count.
	b.tree.Structs[list].Numbering = layout.DiscNumbering
	if numbered {
		b.tree.Structs[list].Numbering = layout.DecimalNumbering
	}
	return list
}

// listIndent is the hanging indent of a list of n items.
func (b *builder) listIndent(n int, ts textStyle, numbered bool) float64 {
	indent := ts.size * 1.2
	if numbered {
		widest := b.m.Width(strconv.Itoa(n)+".", fontset.Bold, ts.size)
		indent = max(indent, widest+ts.size*0.5)
	}
	return indent
}

// listItems sets items (the first of which is item first of a list of
// total) into list; wrapped, when not nil, holds each item's lines already
// wrapped to the column.
func (b *builder) listItems(list int, items [][]layout.Run, wrapped [][]layout.Line, first, total int, ts textStyle, where string, numbered bool) {
	indent := b.listIndent(total, ts, numbered)
	base := b.baseline(ts.size, ts.leading)
	for k, it := range items {
		i := first + k
		if k > 0 {
			b.gap(ts.leading * b.th.itemGap())
			// No item alone at a page's foot (the first) or top (the
			// last): the composer breaks before the second item or the
			// last only when nothing else keeps the page count.
			if i == 1 || i == total-1 {
				b.rows[len(b.rows)-1].Lone = true
				b.lonePending = true
			}
		}
		li := b.tree.Add(layout.ListItem, list)
		lbl := b.tree.Add(layout.Label, li)
		body := b.tree.Add(layout.ListBody, li)
		start := len(b.rows)
		if wrapped != nil {
			b.setLines(wrapped[k], it, ts, indent, body, where)
		} else {
			b.text(it, ts, indent, b.w-indent, body, where)
		}
		if len(b.rows) > start {
			mark := layout.Op{Kind: layout.TextOp, Y: base, Text: "•", Font: fontset.Bold, Size: ts.size, Color: b.th.Heading, Struct: lbl}
			if numbered {
				mark.Text = strconv.Itoa(i+1) + "."
			}
			mark.W = b.m.Width(mark.Text, mark.Font, mark.Size)
			mark.X = b.x + ts.size*0.25
			if numbered {
				mark.X = b.x + indent - ts.size*0.4 - mark.W
			}
			b.rows[start].Ops = append([]layout.Op{mark}, b.rows[start].Ops...)
		}
	}
}

// labelled is a list of labelled points: the label in bold on its own line,
// its text below, and the label kept with the text's first two lines.
func (b *builder) labelled(items []content.Item, parent int, where string) {
	list := b.tree.Add(layout.List, parent)
	b.tree.Structs[list].Numbering = layout.WordLabels // its labels are words, not numbers or bullets
	ts := b.body()
	for i, it := range items {
		if i > 0 {
			b.gap(b.th.Leading * 0.45)
		}
		li := b.tree.Add(layout.ListItem, list)
		lbl := b.tree.Add(layout.Label, li)
		body := b.tree.Add(layout.ListBody, li)
		label := ts
		label.font, label.color = fontset.Bold, b.th.Heading
		b.unbroken(plain(it.Label.Raw, fontset.Bold), label, lbl, where)
		b.keepWithNext()
		b.text(runs(it.Text.Spans, fontset.Regular), ts, 0, b.w, body, where)
	}
}

// box starts a tinted frame with a bar down its left side; end closes it.
// Text inside is indented by the padding.
func (b *builder) box(fill, rule colour.Color, st int) {
	pad := b.th.Leading * 0.65 * b.th.padScale()
	f, r := fill, rule
	b.frame = &layout.Frame{Fill: &f, Rule: &r, RuleW: 4, Pad: pad, Radius: 3, X: b.x, W: b.w, Struct: st}
	b.frameAt = len(b.rows)
	b.add(layout.Row{H: pad})
	b.x += pad + 4
	b.w -= 2*pad + 4
}

// endBox closes the frame. A box short enough to move whole would rather
// not split: a break inside it costs the composer splitCost, so it moves
// whole unless that leaves much of a page blank (or page one under half
// full), and then splits where its paragraphs may and at least half of it
// stays behind, its second part headed "(continued)". A long box splits
// between rows like running text.
func (b *builder) endBox() { b.closeBox("", false) }

// endBoxTitled is endBox for a box whose title heads its continued parts.
func (b *builder) endBoxTitled(title string) { b.closeBox(title, false) }

// endLeadBox is endBoxTitled for the box under the title (the short
// version): where half of it will not fit under the title, it may also
// split before its half, at twice splitCost, which the composer pays
// only to keep page one from being left under half full (a patient's
// block above the box in large print left page one of a guide 45-62 %
// blank, its box moved whole to page 2).
func (b *builder) endLeadBox(title string) { b.closeBox(title, true) }

func (b *builder) closeBox(title string, lead bool) {
	fr := b.frame
	b.add(layout.Row{H: fr.Pad, KeepWithPrev: true})
	h := 0.0
	for _, r := range b.rows[b.frameAt:] {
		h += r.H
	}
	// The box's title and first lines stay together like a heading's.
	b.keepRows(b.frameAt+1, b.frameAt+4)
	if h <= b.wholeBox {
		// It may split only where what it leaves behind is at least half
		// of it: a callout never leaves its heading and a line or two
		// at a page's foot.
		above := 0.0
		for k := b.frameAt; k < len(b.rows); k++ {
			r := &b.rows[k]
			if k > b.frameAt && !r.KeepWithPrev {
				switch {
				case above < h/2 && lead:
					r.Penalty += 2 * b.splitCost()
				case above < h/2:
					r.KeepWithPrev = true
				default:
					r.Penalty += b.splitCost()
				}
			}
			above += r.H
		}
	}
	if title != "" && !b.fitted {
		b.continuedLabel(fr, title)
	}
	b.x = fr.X
	b.w = fr.W
	b.frame = nil
}

// splitCost is what splitting a box that could move whole costs the
// composer, in points of blank page: a box moves whole unless that leaves
// about a third of the page blank.
func (b *builder) splitCost() float64 { return b.th.Paper.H * 0.3 }

// continuedLabel heads every piece of a split box after the first: the
// box's title and "(continued)" in small muted type. It is furniture (an
// artifact): a screen reader reads the box once, as one element.
func (b *builder) continuedLabel(fr *layout.Frame, title string) {
	th := b.th
	size := max(th.Small, th.Body*0.8)
	lead := size * 1.35
	text := title + " (" + th.Labels.Continued() + ")"
	lines := b.wrapper.Wrap(b.m, plain(text, fontset.Regular), size, b.w)
	base := b.baseline(size, lead)
	for i, ln := range lines {
		for _, p := range ln.Pieces {
			fr.Continued = append(fr.Continued, layout.Op{Kind: layout.TextOp, X: b.x + p.X, Y: float64(i)*lead + base, W: p.W, Text: p.Text, Font: p.Style, Size: size, Color: th.Muted, Artifact: layout.Pagination})
		}
	}
	fr.ContinuedH = float64(len(lines))*lead + th.Leading*0.25
}

// keyPoints is "The short version": a tinted box of bullets, in two
// balanced columns when columns is set.
func (b *builder) keyPoints(h *content.Handout, ts textStyle, columns bool) {
	aside := b.tree.Add(layout.Aside, 0)
	b.box(b.th.KeyFill, b.th.KeyRule, aside)
	b.boxTitle(b.th.Labels.ShortVersion, aside)
	items := make([][]content.Span, len(h.Summary))
	for i, s := range h.Summary {
		items[i] = s.Spans
	}
	if columns {
		b.bulletColumns(items, aside, ts, "the short version")
	} else {
		b.bullets(items, aside, ts, "the short version")
	}
	b.endLeadBox(b.th.Labels.ShortVersion)
}

// boxTitle is the heading inside a box.
func (b *builder) boxTitle(text string, parent int) {
	st := b.tree.Add(layout.Heading2, parent)
	size := b.th.h2Size()
	ts := textStyle{size: size, leading: size * 1.3, font: fontset.Bold, color: b.th.Heading}
	b.text(plain(text, fontset.Bold), ts, 0, b.w, st, text)
	b.keepWithNext() // before the gap, so the gap keeps with the title too
	b.gap(b.th.Leading * 0.25)
}

// section is one content section as the guide prints it.
func (b *builder) section(s *content.Section, bookmark int) {
	where := "section " + s.Heading.Raw
	b.gap(b.th.Leading * 1.1)
	callout := s.Style == content.Callout
	var sect int
	if callout {
		sect = b.tree.Add(layout.Aside, 0)
		b.box(b.th.CallFill, b.th.CallRule, sect)
	}
	b.heading(s.Heading.Raw, b.th.h1Size(), layout.Heading1, bookmark, where)
	b.gap(b.th.Leading * 0.3)
	for i, p := range s.Body {
		if i > 0 {
			b.gap(b.th.Leading * 0.55)
		}
		b.paragraph(p.Spans, sect, where)
	}
	if len(s.Items) > 0 {
		if len(s.Body) > 0 {
			b.gap(b.th.Leading * 0.55)
		}
		b.labelled(s.Items, sect, where)
	}
	if len(s.Bullets) > 0 {
		if len(s.Body) > 0 || len(s.Items) > 0 {
			b.gap(b.th.Leading * 0.55)
		}
		items := make([][]content.Span, len(s.Bullets))
		for i, t := range s.Bullets {
			items[i] = t.Spans
		}
		b.bullets(items, sect, b.body(), where)
	}
	if len(s.Steps) > 0 {
		if len(s.Body) > 0 || len(s.Items) > 0 || len(s.Bullets) > 0 {
			b.gap(b.th.Leading * 0.55)
		}
		items := make([][]content.Span, len(s.Steps))
		for i, t := range s.Steps {
			items[i] = t.Spans
		}
		b.steps(items, sect, b.body(), where)
	}
	if callout {
		b.endBoxTitled(s.Heading.Raw)
	}
}

// qa is a question in bold heading colour and its answer; the question keeps
// with the answer's first two lines.
func (b *builder) qa(q content.QA, ts textStyle) {
	st := b.tree.Add(layout.Heading2, 0)
	qs := ts
	qs.font, qs.color = fontset.Bold, b.th.Heading
	b.unbroken(plain(q.Q.Raw, fontset.Bold), qs, st, "question "+q.Q.Raw)
	b.keepWithNext() // before the gap, so the gap keeps with the question too
	b.gap(ts.leading * 0.15)
	ans := b.tree.Add(layout.Paragraph, 0)
	b.text(runs(q.A.Spans, fontset.Regular), ts, 0, b.w, ans, "answer to "+q.Q.Raw)
}

// references lists sources in smaller type, each PMID and URL a link.
func (b *builder) references(refs []content.Reference) {
	size := b.th.refSize()
	ts := textStyle{size: size, leading: size * 1.35, font: fontset.Regular, color: b.th.Ink}
	list := b.tree.Add(layout.List, 0)
	b.tree.Structs[list].Numbering = layout.DecimalNumbering
	for i, r := range refs {
		if i > 0 {
			b.gap(ts.leading * 0.35)
		}
		li := b.tree.Add(layout.ListItem, list)
		lbl := b.tree.Add(layout.Label, li)
		ref := b.tree.Add(layout.Reference, li)
		rs := runs(r.Text.Spans, fontset.Regular)
		if r.PMID != "" {
			rs = append(rs, layout.Run{Text: " PMID:\u00a0", Style: fontset.Regular}, layout.Run{Text: r.PMID, Style: fontset.Regular, URL: content.PubMedURL(r.PMID)})
		}
		if r.URL != "" {
			rs = append(rs, layout.Run{Text: " ", Style: fontset.Regular}, layout.Run{Text: r.URL, Style: fontset.Regular, URL: r.URL})
		}
		num := []layout.Run{{Text: strconv.Itoa(i+1) + ".", Style: fontset.Regular}}
		indent := size * 1.6
		start := len(b.rows)
		b.text(rs, ts, indent, b.w-indent, ref, "reference")
		b.keepRows(start+1, len(b.rows)) // a reference is never split across pages
		if len(b.rows) > start {
			ln := b.wrapper.Wrap(b.m, num, size, indent)
			if len(ln) > 0 {
				op := layout.Op{Kind: layout.TextOp, X: b.x, Y: b.baseline(size, ts.leading), W: ln[0].W, Text: ln[0].Text(), Font: fontset.Regular, Size: size, Color: b.th.Muted, Struct: lbl}
				b.rows[start].Ops = append([]layout.Op{op}, b.rows[start].Ops...)
			}
		}
	}
}

// sub is a builder for a narrower column whose rows are later combined into
// one row of the parent, for side-by-side layouts that move as one piece.
func (b *builder) sub(w float64) *builder {
	return &builder{th: b.th, m: b.m, tree: b.tree, w: w, wholeBox: b.wholeBox, wrapper: b.wrapper}
}

// flatten stacks the sub-builder's rows into ops offset by dx, returning
// them with their total height; gaps at the end are dropped.
func (b *builder) flatten(dx float64) ([]layout.Op, float64) {
	rows := b.rows
	for len(rows) > 0 && rows[len(rows)-1].Gap {
		rows = rows[:len(rows)-1]
	}
	var ops []layout.Op
	y := 0.0
	for _, r := range rows {
		for _, op := range r.Ops {
			ops = append(ops, op.Shift(dx, y))
		}
		y += r.H
	}
	return ops, y
}

// bulletColumns sets a list in two columns, read down the first and then
// the second, as one unbreakable row: it keeps lines short on a wide page.
// The columns are balanced by whole items: a bullet that began at the foot
// of the first column and went on at the top of the second would read as
// two. Whole items balance less finely than lines, so the columns may
// share the width a little unequally (see columnShares), which wins back
// most of the lines. A single item has no second column: it takes the full width.
func (b *builder) bulletColumns(items [][]content.Span, parent int, ts textStyle, where string) {
	if len(items) < 2 {
		b.bullets(items, parent, ts, where)
		return
	}
	rs := make([][]layout.Run, len(items))
	for i, it := range items {
		rs[i] = runs(it, ts.font)
	}
	gutter := ts.size * 1.6
	c := b.columnSplit(rs, ts, b.w-gutter)
	list := b.newList(parent, false)
	left, right := b.sub(c.lw), b.sub(c.rw)
	left.listItems(list, rs[:c.split], c.left, 0, len(items), ts, where, false)
	right.listItems(list, rs[c.split:], c.right, c.split, len(items), ts, where, false)
	lops, lh := left.flatten(b.x)
	rops, rh := right.flatten(b.x + c.lw + gutter)
	b.add(layout.Row{H: max(lh, rh), Ops: append(lops, rops...), Where: where})
}

// columnShares are the shares of the width the first column may take,
// the even split first. Within 48–52 % the two read as a pair of equal
// columns, and pdftotext still reads them one after the other; from 54 %
// poppler read across them on group-therapy, so copied text would mix.
var columnShares = [...]float64{0.5, 0.48, 0.52}

// columns is how a list is set in two columns: the item the second
// begins with, the columns' widths, and the items of each wrapped to it.
type columns struct {
	split       int
	lw, rw      float64
	left, right [][]layout.Line
}

// columnSplit chooses where the second column begins (an item index) and
// the columns' widths (lw+rw = w), so that the taller column is as short
// as it can be: the even split unless another share in columnShares is
// shorter by a line. The other shares are tried only when the even split
// is more than half a line from even columns. Each item is measured once
// (layout.Measured) and its lines counted at each width tried; only the
// chosen columns' lines are made. Prefix sums make each share one pass
// over the items (80,000 summary bullets once took seconds in a quadratic
// search).
func (b *builder) columnSplit(items [][]layout.Run, ts textStyle, w float64) columns {
	indent := b.listIndent(len(items), ts, false)
	gap := ts.leading * b.th.itemGap()
	n := len(items)
	texts := make([]layout.Measured, n)
	for i, it := range items {
		texts[i] = b.wrapper.Measure(b.m, it, ts.size)
	}
	// tops[cw][i] is the height of items[:i] stacked at column width cw
	// (rounded to 0.01 pt, so one share's right column is another's
	// left), a gap after each.
	tops := map[float64][]float64{}
	at := func(cw float64) float64 {
		cw = math.Round(cw*100) / 100
		if _, ok := tops[cw]; ok {
			return cw
		}
		t := make([]float64, n+1)
		for i, text := range texts {
			t[i+1] = t[i] + float64(text.Count(cw-indent))*ts.leading + gap
		}
		tops[cw] = t
		return cw
	}
	var c columns
	best, even := -1.0, 0.0
	for i, sh := range columnShares {
		if i > 0 && best <= even/2+ts.leading*0.5 {
			break // as even as lines could make it: no share does better
		}
		l := at(w * sh)
		r := at(w - l)
		if i == 0 {
			even = tops[l][n] - gap
		}
		lt, rt := tops[l], tops[r]
		for k := 1; k < n; k++ {
			// Each column's height without the gap after its last item.
			if t := max(lt[k], rt[n]-rt[k]) - gap; best < 0 || t < best-0.01 {
				best, c = t, columns{split: k, lw: l, rw: r}
			}
		}
	}
	c.left, c.right = make([][]layout.Line, c.split), make([][]layout.Line, n-c.split)
	for i, text := range texts {
		if i < c.split {
			c.left[i] = text.Lines(c.lw - indent)
		} else {
			c.right[i-c.split] = text.Lines(c.rw - indent)
		}
	}
	return c
}

// briefGrid sets each section's brief beside its heading, one unbreakable
// row per section with a hairline between rows.
func (b *builder) briefGrid(h *content.Handout) {
	th := b.th
	// The heading column is as wide as the longest heading needs, within
	// limits: the briefs get the rest, and most then take fewer lines.
	headW := 0.0
	for _, s := range h.Sections {
		if !s.Brief.IsZero() {
			headW = max(headW, b.m.Width(s.Heading.Raw, fontset.Bold, th.Body)+1)
		}
	}
	headW = min(max(headW, b.w*0.16), b.w*0.26)
	gutter := th.Body * 1.2
	textW := b.w - headW - gutter
	hair := th.Hairline
	first, prevCallout := true, false
	for _, s := range h.Sections {
		if s.Brief.IsZero() {
			continue
		}
		where := "brief of " + s.Heading.Raw
		// A callout section keeps its callout style: tinted, with the
		// bar down its side, so crisis lines stand out here too.
		callout := s.Style == content.Callout
		parent, inset, pad := 0, 0.0, th.Leading*0.2*th.padScale()
		if callout {
			parent = b.tree.Add(layout.Aside, 0)
			inset, pad = 4+th.Body*0.5, th.Leading*0.3*th.padScale()
		}
		head := b.sub(headW - inset)
		hs := textStyle{size: th.Body, leading: th.Leading, font: fontset.Bold, color: th.Heading}
		head.text(plain(s.Heading.Raw, fontset.Bold), hs, 0, headW-inset, b.tree.Add(layout.Heading2, parent), where)
		body := b.sub(textW - inset)
		body.paragraph(s.Brief.Spans, parent, where)
		hops, hh := head.flatten(b.x + inset)
		bops, bh := body.flatten(b.x + headW + gutter)
		ops := append(hops, bops...)
		for i := range ops {
			ops[i].Y += pad
		}
		rowH := max(hh, bh) + 2*pad
		if callout {
			fill, rule := th.CallFill, th.CallRule
			ops = append([]layout.Op{
				{Kind: layout.RectOp, X: b.x, Y: 0, W: b.w, H: rowH, Fill: &fill, Radius: 3, Artifact: layout.Decoration},
				{Kind: layout.RectOp, X: b.x, Y: 0, W: 4, H: rowH, Fill: &rule, Artifact: layout.Decoration},
			}, ops...)
		} else if !first && !prevCallout {
			ops = append(ops, layout.Op{Kind: layout.LineOp, X: b.x, Y: 0, W: b.w, Stroke: &hair, LineWidth: 0.5, Artifact: layout.Decoration})
		}
		first, prevCallout = false, callout
		b.add(layout.Row{H: rowH, Ops: ops, Where: where})
	}
}

// onceLines wraps what the handout prints once (builder.once: the note,
// then the date, on one line when they fit) in the footer's small type, to
// width w.
func (b *builder) onceLines(w float64) [][]layout.Line {
	var out [][]layout.Line
	for _, s := range b.onceTexts(w) {
		out = append(out, layout.Wrap(b.m, plain(s, fontset.Regular), b.th.Small, w))
	}
	return out
}

// onceRunOn is onceLines for the foot of the FAQ's write-in area: the
// review date ends the note's last line when it fits there (as the
// summary's footer sets it), so printing it once there takes no line of its
// own; the two are then one element.
func (b *builder) onceRunOn(w float64) [][]layout.Line {
	texts := b.onceTexts(w)
	if len(texts) != 2 {
		return b.onceLines(w)
	}
	note := layout.Wrap(b.m, plain(texts[0], fontset.Regular), b.th.Small, w)
	joined := layout.Wrap(b.m, plain(texts[0]+contactSep+texts[1], fontset.Regular), b.th.Small, w)
	if len(joined) != len(note) {
		return b.onceLines(w)
	}
	return [][]layout.Line{joined}
}

// onceHeight is the room lines of the footer's small type take.
func onceHeight(lines [][]layout.Line, th *Theme) float64 {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	return float64(n) * th.SmallLeading
}

// onceTexts is builder.once as printed: one line when all of it fits on
// one, else each on its own lines (so no separator ends a line).
func (b *builder) onceTexts(w float64) []string {
	if joined := strings.Join(b.once, contactSep); len(b.once) > 1 && b.m.Width(joined, fontset.Regular, b.th.Small) <= w {
		return []string{joined}
	}
	return b.once
}

// largeStrip closes a large-print guide with the clinic's contact strip
// and note, kept with what comes before it: at 16 pt its footer has room
// for the page line alone (see furniture.running). The FAQ sheet opens
// with it instead (see faq).
func (b *builder) largeStrip() {
	if !b.th.LargePrint {
		return
	}
	b.keepWithNext()
	b.gap(b.th.Leading * 0.8)
	b.contactStrip(true)
}

// closing prints once, after the guide's last block and kept with it, what
// the footer had no room for on every page: the brand's note and the review
// date, in the footer's small type.
func (b *builder) closing() {
	if len(b.once) == 0 || b.onceFoot {
		return
	}
	th := b.th
	ts := textStyle{size: th.Small, leading: th.SmallLeading, font: fontset.Regular, color: th.Muted}
	b.keepWithNext()
	b.gap(th.Leading * 0.6)
	for k, s := range b.onceTexts(b.w) {
		if k > 0 {
			b.keepWithNext()
		}
		b.text(plain(s, fontset.Regular), ts, 0, b.w, b.tree.Add(layout.SmallPrint, 0), "the closing note")
	}
}
