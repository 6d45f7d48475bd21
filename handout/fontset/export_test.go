package fontset

// WithoutRunes is a copy of f that has no glyph for rs, standing in for a
// clinic's font that lacks them.
func WithoutRunes(f *Face, rs ...rune) *Face {
	c := *f
	c.widths = append([]uint16(nil), f.table()...)
	c.lazy = nil
	for _, r := range rs {
		c.widths[r] = 0
	}
	return &c
}
