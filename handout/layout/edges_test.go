package layout

import (
	"fmt"
	"strings"
	"testing"
)

// Exact fits: each case sits on the boundary a comparison decides, so a
// flipped comparison (> for >=, < for <=) or a dropped tolerance moves a
// word or a row.

func wrapTexts(width float64, text string) string {
	var got []string
	for _, l := range Wrap(fakeMeasurer{}, []Run{{Text: text}}, wrapSize, width) {
		got = append(got, l.Text())
	}
	return strings.Join(got, "|")
}

func TestWrapExactFits(t *testing.T) {
	// Every rune is 5 pt wide (wrapSize 10), so a 50 pt line holds ten.
	for _, c := range []struct {
		name, text, want string
	}{
		// A word exactly as wide as the line takes the next line whole,
		// not cut, and not left on the line after "see".
		{"word as wide as the line", "see abcdefghij", "see |abcdefghij"},
		{"word as wide as the line, first", "abcdefghij see", "abcdefghij |see"},
		// A word one rune wider is cut, ten runes on the first line: the
		// last that fits is placed (w+cw > room, not >=).
		{"word one rune wider", "abcdefghijk", "abcdefghij|k"},
		{"address cut where the line is exactly full", "abcdefghijklmno", "abcdefghij|klmno"},
		// The part before a soft hyphen is nine runes: with its hyphen it
		// is exactly the line, and the break is taken there.
		{"soft hyphen fits exactly", "abcdefghi\u00adjklmn", "abcdefghi-|jklmn"},
		// Ten runes and a hyphen do not fit: that break is passed over
		// and the word, too long for a line, is cut.
		{"soft hyphen one too many", "abcdefghij\u00adklmn", "abcdefghij|klmn"},
		// After "abc " (20 pt) the part "cdefg" with its hyphen is
		// exactly the 30 pt left.
		{"soft hyphen ends a full line", "abc cdefg\u00adhij", "abc cdefg-|hij"},
		{"soft hyphen one past a full line", "abcd cdefg\u00adhij", "abcd |cdefghij"},
	} {
		if got := wrapTexts(50, c.text); got != strings.ReplaceAll(c.want, "\u00ad", "") {
			t.Errorf("%s: %q wraps as %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// Rows fit when they end exactly at the bottom, also when the heights
// add up with float rounding (26 rows of 2.6 pt and 26 of 7.4 pt end at
// 280 only to within a rounding error); a row that ends more than the
// 0.01 pt tolerance below it goes on.
func TestFlowFitsAtExactlyTheBottom(t *testing.T) {
	for _, c := range []struct {
		name  string
		hs    []float64
		pages int
	}{
		{"to the bottom", repeat(10, 26), 1},
		{"to the bottom in rounded steps", append(repeat(2.6, 26), repeat(7.4, 26)...), 1},
		{"within the tolerance", append(repeat(10, 25), 10.009), 1},
		{"past the tolerance", append(repeat(10, 25), 10.02), 2},
	} {
		var rows []Row
		for i, h := range c.hs {
			rows = append(rows, mark(fmt.Sprint(i), h))
		}
		pages, err := Flow(rows, testSpec())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(pages) != c.pages {
			t.Errorf("%s: %d pages, want %d", c.name, len(pages), c.pages)
		}
	}
}

func repeat(h float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = h
	}
	return out
}
