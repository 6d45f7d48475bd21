package shape

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// Measurer measures and sets a document's text in a family, shaped: it is
// the layout.LineSetter of a handout in a language that needs shaping or
// runs right to left (ForLanguage says which). One per document; it is
// for one goroutine at a time.
type Measurer struct {
	s   *Shaper
	fam *fontset.Family
	rtl bool
	// cjk is set for Chinese and Japanese, whose lines break between
	// characters (Breaks).
	cjk *Breaker
	// long finds where a word longer than a line may be cut (LongBreaks).
	long Breaker
}

// ForLanguage returns a Measurer for a handout in lang set in fam, or nil
// when the language needs neither shaping nor right-to-left setting:
// Latin, Greek and Cyrillic text keeps the family's own widths, one glyph
// per character (the fast path, and the PDFs English and Spanish have
// always had).
func ForLanguage(fam *fontset.Family, lang string) *Measurer {
	if !NeedsLanguage(lang) && !fam.Shaped() && !fontset.IsCJK(lang) {
		return nil
	}
	m := &Measurer{s: New(lang), fam: fam, rtl: IsRTL(lang)}
	prefetch(fam)
	if fontset.IsCJK(lang) && !isKorean(lang) {
		m.cjk = &Breaker{}
	}
	return m
}

// isKorean is Korean, whose words are separated by spaces and are not
// broken (CSS's keep-all).
func isKorean(lang string) bool {
	primary, _, _ := cutDash(strings.ToLower(strings.ReplaceAll(lang, "_", "-")))
	return primary == "ko" || primary == "kor"
}

// Breaks is where a line may break inside a run of text without spaces
// (layout.WordBreaker): between the characters of Chinese and Japanese
// text, by UAX #14 and the kinsoku rules (Breaker.CJKBreaks); nowhere in
// other languages.
func (m *Measurer) Breaks(word string) []int {
	if m.cjk == nil {
		return nil
	}
	return m.cjk.CJKBreaks(word)
}

// LongBreaks is where a word longer than a line may be cut
// (layout.LongWordBreaker): UAX #14's opportunities inside it, after a
// hyphen or a slash and between Chinese or Japanese characters.
func (m *Measurer) LongBreaks(word string) []int {
	return m.long.Breaks(word)
}

// NeedsLanguage reports whether text in lang (a BCP 47 tag) is shaped:
// languages written right to left and those in scripts whose letters
// join, reorder or fuse (Arabic, the Indic scripts, Thai, Lao, Khmer,
// Burmese, Sinhala, Tibetan).
func NeedsLanguage(lang string) bool {
	if IsRTL(lang) {
		return true
	}
	primary, _, _ := cutDash(strings.ToLower(strings.ReplaceAll(lang, "_", "-")))
	switch primary {
	case "hi", "mr", "ne", "sa", "mai", "bho", "kok", "doi", "bn", "as", "pa", "gu", "or", "ta", "te", "kn", "ml",
		"si", "th", "lo", "km", "my", "bo", "dz":
		return true
	}
	return false
}

// Width is the shaped width of s in style at size: word by word and space
// by space, as SetLine sets a line, so that a text measured whole (a
// footer, a label) is as wide as it is drawn.
func (m *Measurer) Width(s string, style fontset.Style, size float64) float64 {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return m.s.Width(s, m.fam, style, m.rtl) * size / 1000
	}
	w := 0.0
	for len(s) > 0 {
		r, _ := utf8.DecodeRuneInString(s)
		sp := unicode.IsSpace(r)
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) != sp })
		if end < 0 {
			end = len(s)
		}
		w += m.s.Width(s[:end], m.fam, style, m.rtl)
		s = s[end:]
	}
	return w * size / 1000
}

// RTL reports whether the document runs right to left.
func (m *Measurer) RTL() bool { return m.rtl }

// KeepPrivate makes the words the Measurer shapes from now on its own:
// it still reads the process's cache, but adds nothing to it. A patient's
// copy is set so (Cache.Private).
func (m *Measurer) KeepPrivate() { m.s.cache = m.s.cache.Private() }

// Shaper is the Measurer's shaper, with its cache (for tests and
// benchmarks).
func (m *Measurer) Shaper() *Shaper { return m.s }

// SetLine sets a wrapped line as glyph runs placed in visual order, and
// lists them in reading order (see layout.LineSetter).
func (m *Measurer) SetLine(l layout.Line, size float64, rtl bool) layout.Line {
	spans := make([]Span, len(l.Pieces))
	for i, p := range l.Pieces {
		spans[i] = Span{Text: p.Text, Fam: m.fam, Style: p.Style}
	}
	placed, total := m.s.Line(spans, rtl)
	// Spaces that end the line (kept in the text so that copied text
	// keeps its words apart) lie outside the text's width: at the right
	// of a left-to-right line, at the left of a right-to-left one.
	trail, lead := 0.0, 0.0
	if rtl {
		for _, p := range placed {
			if strings.TrimSpace(p.Text) != "" {
				break
			}
			lead += p.Advance
		}
	} else {
		for i := len(placed) - 1; i >= 0 && strings.TrimSpace(placed[i].Text) == ""; i-- {
			trail += placed[i].Advance
		}
	}
	placed = merge(placed)
	// The runs go to the writer in reading order, each at its place:
	// the order of a page's content is the order a screen reader and
	// text extraction follow, so a right-to-left line's runs come from
	// the right, and digits or a Latin word inside it where they are read.
	sort.SliceStable(placed, func(i, j int) bool {
		if placed[i].Span != placed[j].Span {
			return placed[i].Span < placed[j].Span
		}
		return placed[i].Start < placed[j].Start
	})
	k := size / 1000
	out := layout.Line{W: (total - lead - trail) * k, Pieces: make([]layout.Piece, 0, len(placed))}
	for _, p := range placed {
		src := l.Pieces[p.Span]
		run := p.GlyphRun
		piece := layout.Piece{X: (p.X - lead) * k, W: p.Advance * k, Text: p.Text, Style: src.Style, URL: src.URL}
		if run.Glyphs != nil {
			piece.Glyphs = &run
		}
		out.Pieces = append(out.Pieces, piece)
	}
	return out
}

// merge joins runs that stand side by side on the line in the same face,
// direction, level and piece (style and link): a line of words becomes one
// run per stretch, so the PDF draws a line with a few text operators
// instead of one per word and space. A right-to-left run's text is in
// reading order, so the run on the right comes first in it.
func merge(placed []Placed) []Placed {
	if len(placed) < 2 {
		return placed
	}
	out := placed[:1]
	for _, p := range placed[1:] {
		last := &out[len(out)-1]
		// Only runs that also follow each other in the text: the one on
		// the right next in reading order left to right, the one on the
		// left next right to left.
		adjacent := p.Start == last.Start+len(last.Text)
		if p.RTL {
			adjacent = last.Start == p.Start+len(p.Text)
		}
		if p.Face != last.Face || p.RTL != last.RTL || p.Level != last.Level || p.Span != last.Span ||
			p.Glyphs == nil || last.Glyphs == nil || !adjacent {
			out = append(out, p)
			continue
		}
		glyphs := make([]fontset.Glyph, 0, len(last.Glyphs)+len(p.Glyphs))
		if p.RTL {
			// last (on the left) comes after p in reading order.
			for _, g := range last.Glyphs {
				g.Cluster += len(p.Text)
				glyphs = append(glyphs, g)
			}
			glyphs = append(glyphs, p.Glyphs...)
			last.Text = p.Text + last.Text
			last.Start = p.Start
		} else {
			glyphs = append(glyphs, last.Glyphs...)
			for _, g := range p.Glyphs {
				g.Cluster += len(last.Text)
				glyphs = append(glyphs, g)
			}
			last.Text += p.Text
		}
		last.Glyphs = glyphs
		last.Advance += p.Advance
	}
	return out
}
