package layout

import (
	"strings"
	"unicode"
)

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
// is not one; rtl is its paragraph's direction (ReadsRTL). In a
// right-to-left document the line is placed for the page mirror that
// follows composition (Mirror): its runs are laid out from the right, so
// that once mirrored the line stands flush with the right edge of its
// column.
func SetLine(m Measurer, l Line, size float64, rtl bool) Line {
	ls, ok := m.(LineSetter)
	if !ok {
		return l
	}
	l = ls.SetLine(l, size, rtl)
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
		rtl := op.URL == "" && ReadsRTL(m, op.Text)
		ln := ls.SetLine(Line{Pieces: []Piece{{Text: op.Text, Style: op.Font, URL: op.URL, W: op.W}}, W: op.W}, op.Size, rtl)
		// The text keeps to the side of its box it was placed against:
		// the left, or on a mirrored page the right. Spaces that end it
		// (in reading order: a wrapped line keeps its break space) stand
		// outside; others keep their room (a separator "  ·  ").
		shift := 0.0
		if ls.RTL() {
			end := len(ln.Pieces)
			for end > 0 && strings.TrimSpace(ln.Pieces[end-1].Text) == "" {
				end--
			}
			right := 0.0
			for _, p := range ln.Pieces[:end] {
				right = max(right, p.X+p.W)
			}
			shift = op.W - right
		} else {
			for _, p := range ln.Pieces {
				shift = min(shift, p.X)
			}
			shift = -shift
		}
		for _, p := range ln.Pieces {
			run := op
			run.X = op.X + p.X + shift
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

// ReadsRTL is the direction a paragraph reads in, in a document set by m:
// the document's, unless the paragraph has letters and none of them is of
// a right-to-left script — a clinic's English footer or street address in
// an Arabic handout reads left to right ("200 River Road", which the
// bidirectional algorithm in a right-to-left paragraph would print as
// "River Road 200"). Text with no letter at all (a step number "1.")
// takes the document's direction. (A link's words, a phone number or an
// address, are set left to right by ShapeOps whatever they hold, as a
// reader dials or types them.)
func ReadsRTL(m Measurer, text string) bool {
	ls, ok := m.(LineSetter)
	if !ok || !ls.RTL() {
		return false
	}
	letters := false
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
			return true
		case unicode.IsLetter(r):
			letters = true
		}
	}
	return !letters
}
