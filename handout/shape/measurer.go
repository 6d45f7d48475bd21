package shape

import (
	"strings"

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
}

// ForLanguage returns a Measurer for a handout in lang set in fam, or nil
// when the language needs neither shaping nor right-to-left setting:
// Latin, Greek and Cyrillic text keeps the family's own widths, one glyph
// per character (the fast path, and the PDFs English and Spanish have
// always had).
func ForLanguage(fam *fontset.Family, lang string) *Measurer {
	if !NeedsLanguage(lang) {
		return nil
	}
	return &Measurer{s: New(lang), fam: fam, rtl: IsRTL(lang)}
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

// Width is the shaped width of s in style at size.
func (m *Measurer) Width(s string, style fontset.Style, size float64) float64 {
	return m.s.Width(s, m.fam, style, m.rtl) * size / 1000
}

// RTL reports whether the document runs right to left.
func (m *Measurer) RTL() bool { return m.rtl }

// Shaper is the Measurer's shaper, with its cache (for tests and
// benchmarks).
func (m *Measurer) Shaper() *Shaper { return m.s }

// SetLine sets a wrapped line as glyph runs in visual order (see
// layout.LineSetter).
func (m *Measurer) SetLine(l layout.Line, size float64) layout.Line {
	spans := make([]Span, len(l.Pieces))
	for i, p := range l.Pieces {
		spans[i] = Span{Text: p.Text, Fam: m.fam, Style: p.Style}
	}
	placed, total := m.s.Line(spans, m.rtl)
	// Spaces that end the line (kept in the text so that copied text
	// keeps its words apart) lie outside the text's width: at the right
	// of a left-to-right line, at the left of a right-to-left one.
	trail, lead := 0.0, 0.0
	if m.rtl {
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
