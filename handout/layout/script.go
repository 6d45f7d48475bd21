package layout

import "strings"

// A LineSetter is a Measurer for text that must be shaped (Arabic,
// the Indic scripts) or set right to left. It measures words as shaped
// glyphs, and sets each wrapped line again as glyph runs, so that what is
// drawn is what was measured. handout/shape implements it; text in Latin,
// Greek or Cyrillic keeps the plain Measurer and never comes here.
type LineSetter interface {
	Measurer
	// SetLine returns l as drawn, in a paragraph running right to left
	// if rtl: one piece per glyph run, placed in visual order from left
	// to right and listed in reading order (the order the writer puts
	// them in the page's content, which screen readers follow), each with
	// its Glyphs, Style and URL, at X from the left end of the line's
	// text. Spaces that end the line lie outside [0, W]: at
	// the right of a left-to-right line, at the left (negative X) of a
	// right-to-left one. W is the text's width without them.
	SetLine(l Line, size float64, rtl bool) Line
	// RTL reports whether paragraphs run right to left: lines are set
	// flush right and the page is mirrored (Mirror).
	RTL() bool
}

// SetLine is the line as a LineSetter draws it, or l unchanged when m
// is not one. In a right-to-left document the line is placed for the page
// mirror that follows composition (Mirror): its runs are laid out from
// the right, so that once mirrored the line reads from the right edge of
// its column, flush right.
func SetLine(m Measurer, l Line, size float64) Line {
	ls, ok := m.(LineSetter)
	if !ok {
		return l
	}
	l = ls.SetLine(l, size, ls.RTL())
	if ls.RTL() {
		for i := range l.Pieces {
			p := &l.Pieces[i]
			p.X = l.W - p.X - p.W
		}
	}
	return l
}

// ShapeOps sets the text ops of a page that composition did not set line
// by line (headers, footers, labels, numbers: text measured whole and
// placed whole) as glyph runs within the room each was measured to take,
// and, in a right-to-left document, mirrors the page first (Mirror). ops
// is changed in place and returned, grown where a text became several
// runs. With a plain Measurer nothing changes.
func ShapeOps(m Measurer, ops []Op, pageW float64) []Op {
	ls, ok := m.(LineSetter)
	if !ok {
		return ops
	}
	if ls.RTL() {
		Mirror(ops, pageW)
	}
	n := 0
	for _, op := range ops {
		if op.Kind == TextOp && op.Glyphs == nil {
			n++
		}
	}
	if n == 0 {
		return ops
	}
	out := make([]Op, 0, len(ops)+2*n)
	for _, op := range ops {
		if op.Kind != TextOp || op.Glyphs != nil || strings.TrimSpace(op.Text) == "" {
			out = append(out, op)
			continue
		}
		// The runs fill the room the text was measured to take (the
		// measurer shaped it, so the width is the same), in visual order.
		// A link's words (a phone number, an address) read left to right
		// on their own, as a reader dials or types them: "(555) 010-0199"
		// set right to left would read "010-0199 (555)".
		ln := ls.SetLine(Line{Pieces: []Piece{{Text: op.Text, Style: op.Font, URL: op.URL, W: op.W}}, W: op.W}, op.Size, ls.RTL() && op.URL == "")
		for _, p := range ln.Pieces {
			run := op
			run.X = op.X + p.X
			run.W = p.W
			run.Text = p.Text
			run.Glyphs = p.Glyphs
			out = append(out, run)
		}
	}
	return out
}

// Mirror turns a page laid out left to right into its right-to-left
// mirror image about the page's vertical centre line: what stood at the
// left margin stands at the right (text, bullets, numbers, the label
// column, a box's accent rule, the header's logo, page numbers). Text is
// moved, never flipped. A figure drawn of several ops (a QR code's
// modules, marked Rigid) moves as one piece, so it still reads.
func Mirror(ops []Op, pageW float64) {
	for i := 0; i < len(ops); {
		if ops[i].Rigid {
			j := i
			lo, hi := ops[i].X, ops[i].X+ops[i].W
			for j < len(ops) && ops[j].Rigid {
				lo, hi = min(lo, ops[j].X, ops[j].X+ops[j].W), max(hi, ops[j].X, ops[j].X+ops[j].W)
				j++
			}
			dx := pageW - hi - lo
			for k := i; k < j; k++ {
				ops[k].X += dx
			}
			i = j
			continue
		}
		op := &ops[i]
		switch op.Kind {
		case LineOp:
			// From (X, Y) to (X+W, Y+H): both ends mirrored, drawn from
			// the other end so that W stays positive.
			op.X = pageW - op.X - op.W
			op.Y += op.H
			op.H = -op.H
		case BookmarkOp:
		default:
			op.X = pageW - op.X - op.W
		}
		i++
	}
}
