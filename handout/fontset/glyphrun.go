package fontset

// Shaped text. A shaper (HarfBuzz's rules, in go-text) turns a run of
// text in one face, script and direction into glyphs: joined Arabic forms,
// reordered Indic vowel signs and conjuncts have no character of their
// own, so the writer draws glyph IDs, not characters. These types are how
// the layout side hands shaped runs to the PDF writer; they live here, the
// package both already import, so neither imports the other.

// A Glyph is one shaped glyph of a run, in drawing order: visual order,
// left to right on the page, for right-to-left text too.
type Glyph struct {
	// ID is the glyph's index in the face's font file (Face.Data).
	ID uint16
	// Cluster is the byte offset in GlyphRun.Text where this glyph's
	// cluster starts. A cluster's text runs to the next greater cluster
	// start, or the end of the text; the glyphs of one cluster are
	// adjacent.
	Cluster int
	// Advance is the horizontal advance as shaped (kerning included, 0
	// for most marks), in 1/1000 em.
	Advance float64
	// XOffset and YOffset move the glyph from the pen position, right and
	// up, in 1/1000 em.
	XOffset, YOffset float64
}

// A GlyphRun is one shaped run: one face, one direction.
type GlyphRun struct {
	Face   *Face  // the face whose glyph IDs these are
	Text   string // the run's text in reading order
	RTL    bool   // the text reads right to left
	Glyphs []Glyph
}

// ClusterText is the text of the cluster starting at byte offset c.
func (r *GlyphRun) ClusterText(c int) string {
	end := len(r.Text)
	for _, g := range r.Glyphs {
		if g.Cluster > c && g.Cluster < end {
			end = g.Cluster
		}
	}
	if c < 0 || c > end {
		return ""
	}
	return r.Text[c:end]
}

// Width is the run's advance at size (in the unit of size).
func (r *GlyphRun) Width(size float64) float64 {
	var w float64
	for _, g := range r.Glyphs {
		w += g.Advance
	}
	return w * size / 1000
}
