package fontset

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"handouts/internal/fonttest"
)

// ComponentClosure is what a subsetter keeps: the glyphs asked for and
// every glyph their composites are made of, each once, however often the
// nesting names it.
func TestComponentClosure(t *testing.T) {
	f := fonttest.Regular().Nest('-', 4, 3)
	hy := f.Glyph('-')
	got, err := ComponentClosure(f.Data, []int{f.Glyph('z'), hy, hy})
	if err != nil {
		t.Fatal(err)
	}
	// The hyphen, the three glyphs of its nesting, and z.
	if len(got) != 5 || !slices.Contains(got, hy) || !slices.Contains(got, f.Glyph('z')) || !slices.IsSorted(got) {
		t.Errorf("closure %v, want z, the hyphen and 3 nested glyphs, sorted", got)
	}
	all := make([]int, f.NumGlyphs())
	for gi := range all {
		all[gi] = gi // in order: a chain's deep end is met first
	}
	for _, tc := range []struct {
		name string
		data []byte
		gids []int
		want string
	}{
		{"bomb", fonttest.Regular().Nest('-', 16, 8).Data, []int{hy}, "stands for more than 256 component glyphs"},
		{"deep, deep end first", fonttest.Regular().Nest('-', 1, 12).Data, all, "more than 8 deep"},
		{"no such glyph", fonttest.Regular().Data, []int{70000}, "glyph 70000 is not in the font"},
	} {
		if _, err := ComponentClosure(tc.data, tc.gids); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// The closure's work is bounded by the glyphs it reads, not by the paths
// through them: a nesting of 84 paths reads its 4 glyphs once each.
func TestComponentClosureReadsEachGlyphOnce(t *testing.T) {
	f := fonttest.Regular().Nest('-', 4, 3)
	g, err := readGlyphData(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.closure([]int{f.Glyph('-'), f.Glyph('-')}, func(gi int) string { return fmt.Sprint(gi) }); err != nil {
		t.Fatal(err)
	}
	if g.reads != 4 {
		t.Errorf("%d glyphs read for a nesting of 4 glyphs", g.reads)
	}
}
