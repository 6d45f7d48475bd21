package shape

import (
	"unicode"

	"github.com/go-text/typesetting/bidi"

	"handouts/handout/fontset"
)

// Span is a stretch of a line's text in one style, in logical (reading)
// order.
type Span struct {
	Text  string
	Fam   *fontset.Family
	Style fontset.Style
}

// Placed is a shaped run at its place on a line.
type Placed struct {
	Run
	// Span is the index of the span the run's text comes from, and Start
	// the byte offset of that text in the span's Text.
	Span, Start int
	// X is where the run starts, from the line's left end, in 1/1000 em.
	X float64
	// Level is the run's bidi embedding level: odd is right to left.
	Level int
}

// Line sets one line of text: it resolves each character's direction by
// the Unicode bidirectional algorithm in a paragraph of base direction
// right to left if rtl, shapes each word (from the cache), and puts the
// runs in visual order, left to right, each at its x. It returns the runs
// and the line's width. Space at the end of the line takes the base
// direction (rule L1), so in a right-to-left line it sits at the left,
// past the text, where flush-right setting ignores it.
func (s *Shaper) Line(spans []Span, rtl bool) ([]Placed, float64) {
	// The line's characters, with the span and byte offset of each.
	runes, where := s.lineRunes[:0], s.lineWhere[:0]
	for si, sp := range spans {
		for off, r := range sp.Text {
			runes = append(runes, r)
			where = append(where, charAt{si, off})
		}
	}
	s.lineRunes, s.lineWhere = runes, where
	if len(runes) == 0 {
		return nil, 0
	}
	s.lineLevels = s.levels(s.lineLevels[:0], runes, rtl)
	levels := s.lineLevels

	// Items: maximal stretches in one span and level, cut at spaces so
	// that each word is shaped (and cached) on its own.
	items := s.lineItems[:0]
	defer func() { s.lineItems = items[:0] }()
	for i := 0; i < len(runes); {
		j := i + 1
		sp := isSpace(runes[i])
		for j < len(runes) && where[j].span == where[i].span && levels[j] == levels[i] && isSpace(runes[j]) == sp {
			j++
		}
		end := len(spans[where[i].span].Text)
		if j < len(runes) && where[j].span == where[i].span {
			end = where[j].off
		}
		items = append(items, lineItem{where[i].span, where[i].off, end, levels[i]})
		i = j
	}

	order, itemLevels := s.lineOrder[:0], s.lineItemLevels[:0]
	for i, it := range items {
		order = append(order, i)
		itemLevels = append(itemLevels, it.level)
	}
	s.lineOrder, s.lineItemLevels = order, itemLevels
	reorder(order, itemLevels)

	out := make([]Placed, 0, len(items)+len(items)/4)
	x := 0.0
	for _, idx := range order {
		it := items[idx]
		sp := spans[it.span]
		text := sp.Text[it.start:it.end]
		itemRTL := it.level%2 == 1
		// The word as measured (shaped alone in the paragraph's
		// direction) when its own direction agrees with its level on the
		// line, as it does unless it is only neutral characters: then
		// measuring and drawing share one shaping.
		runs := s.Shape(text, sp.Fam, sp.Style, rtl)
		for _, r := range runs {
			if r.RTL != itemRTL {
				runs = s.Shape(text, sp.Fam, sp.Style, itemRTL)
				break
			}
		}
		// Runs come in logical order; in a right-to-left item they are
		// drawn from the last to the first.
		first := len(out)
		start := it.start
		for _, r := range runs {
			out = append(out, Placed{Run: r, Span: it.span, Start: start, Level: it.level})
			start += len(r.Text)
		}
		if it.level%2 == 1 {
			for a, b := first, len(out)-1; a < b; a, b = a+1, b-1 {
				out[a], out[b] = out[b], out[a]
			}
		}
		for k := first; k < len(out); k++ {
			out[k].X = x
			x += out[k].Advance
		}
	}
	return out, x
}

// charAt is where a character of a line comes from: its span, and its
// byte offset in the span's text.
type charAt struct{ span, off int }

// lineItem is a stretch of a line in one span and level: a word, or the
// spaces between words.
type lineItem struct {
	span, start, end int // byte range in the span's text
	level            int
}

// Levels returns each character's bidi embedding level in a paragraph of
// base direction right to left if rtl (rules P–I of UAX #9), with
// whitespace at the end of the text set to the base level (rule L1).
func Levels(text []rune, rtl bool) []int {
	var p bidi.Paragraph
	return levels(&p, nil, text, rtl)
}

func (s *Shaper) levels(dst []int, text []rune, rtl bool) []int {
	return levels(&s.bidi, dst, text, rtl)
}

func levels(p *bidi.Paragraph, dst []int, text []rune, rtl bool) []int {
	base := bidi.LeftToRight
	baseLevel := 0
	if rtl {
		base, baseLevel = bidi.RightToLeft, 1
	}
	levels := dst[:0]
	for range text {
		levels = append(levels, baseLevel) // what no run covers (after a paragraph separator)
	}
	runs := p.Segment(text, base)
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		for k := r.Start; k < r.End && k < len(levels); k++ {
			levels[k] = int(r.Level)
		}
	}
	isolateNumbers(text, levels)
	// L1: trailing whitespace (and isolate/format controls among it)
	// takes the paragraph level.
	for k := len(text) - 1; k >= 0 && (isSpace(text[k]) || isBidiControl(text[k])); k-- {
		levels[k] = baseLevel
	}
	return levels
}

// Visual returns the visual order of items with the given levels (rule
// L2): from the highest level down to the lowest odd one, every maximal
// stretch at that level or above is reversed. Visual(levels)[i] is the
// logical index of the item drawn i-th from the left.
func Visual(levels []int) []int {
	order := make([]int, len(levels))
	for i := range order {
		order[i] = i
	}
	lv := append([]int(nil), levels...)
	reorder(order, lv)
	return order
}

// reorder applies L2 to order, with levels parallel to it (both are
// permuted).
func reorder(order, levels []int) {
	hi, lo := 0, 1<<30
	for _, l := range levels {
		hi = max(hi, l)
		if l%2 == 1 {
			lo = min(lo, l)
		}
	}
	for l := hi; l >= lo && l > 0; l-- {
		for i := 0; i < len(levels); {
			if levels[i] < l {
				i++
				continue
			}
			j := i
			for j < len(levels) && levels[j] >= l {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
				levels[a], levels[b] = levels[b], levels[a]
			}
			i = j
		}
	}
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func isBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// isolateNumbers keeps a number made of groups of digits joined by
// separators — a phone number 800-100-2030, a date 2026-01-15, a dose
// 1/2, a time 10:30 — in one left-to-right piece, as if it were wrapped in
// a left-to-right isolate (a higher-level protocol UAX #9 allows). By the
// algorithm alone, digits after Arabic letters are Arabic numbers, and a
// hyphen between them does not join them: "اتصلوا بالرقم 800-100-2030"
// would print the groups right to left, 2030-100-800, which a patient
// would dial.
func isolateNumbers(text []rune, levels []int) {
	for i := 0; i < len(text); {
		if !unicode.IsDigit(text[i]) {
			i++
			continue
		}
		j, groups := i, 1
		for j < len(text) {
			if unicode.IsDigit(text[j]) {
				j++
				continue
			}
			if isNumberSeparator(text[j]) && j+1 < len(text) && unicode.IsDigit(text[j+1]) {
				groups++
				j++
				continue
			}
			break
		}
		if groups > 1 {
			lo, hi := levels[i], levels[i]
			for k := i; k < j; k++ {
				lo, hi = min(lo, levels[k]), max(hi, levels[k])
			}
			if lo != hi || lo%2 == 1 {
				even := hi + hi%2
				for k := i; k < j; k++ {
					levels[k] = even
				}
			}
		}
		i = j
	}
}

func isNumberSeparator(r rune) bool {
	switch r {
	case '-', '\u2011', '\u2010', '/', '.', ':', ',', '\u066b', '\u066c':
		return true
	}
	return false
}
