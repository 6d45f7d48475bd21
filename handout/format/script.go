package format

import (
	"strings"

	"handouts/handout/layout"
	"handouts/handout/shape"
)

// measurer is what the document's text is measured and set with: the
// family's own widths for Latin, Greek and Cyrillic, or, for a language
// whose text is shaped or runs right to left, a shaping measurer
// (layout.LineSetter) that sets each line as glyph runs and mirrors the
// pages of a right-to-left handout.
func (t *Theme) measurer() layout.Measurer {
	if t.shaped != nil {
		return t.shaped
	}
	return t.Fonts
}

// setScript chooses how a handout in lang is set: shaped (and right to
// left) where its language needs it. One shaper per document: it caches
// each word it shapes.
func (t *Theme) setScript(lang string) {
	t.shaped = nil
	if m := shape.ForLanguage(t.Fonts, lang); m != nil {
		if !t.Personal.IsZero() {
			// A patient's name and note are not kept after their render.
			m.KeepPrivate()
		}
		t.shaped = m
	}
}

// runsText is the text of runs, for choosing a paragraph's direction.
func runsText(rs []layout.Run) string {
	if len(rs) == 1 {
		return rs[0].Text
	}
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}
