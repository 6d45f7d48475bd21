package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"handouts/handout/fontset"
)

// charBreaker measures every character 1 wide and allows a break before
// every character but "。", as Chinese text does.
type charBreaker struct{}

func (charBreaker) Width(s string, _ fontset.Style, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size
}

func (charBreaker) Breaks(word string) []int {
	var out []int
	for i, r := range word {
		if i > 0 && r != '。' {
			out = append(out, i)
		}
	}
	return out
}

func TestWrapWordBreaker(t *testing.T) {
	lines := Wrap(charBreaker{}, []Run{{Text: "一二三四五。六七 八九"}}, 1, 4)
	var got []string
	for _, l := range lines {
		got = append(got, strings.TrimSpace(l.Text()))
		if l.W > 4 {
			t.Errorf("line %q is %g wide, over 4", l.Text(), l.W)
		}
	}
	// Breaks between characters, with no space added; "。" stays with the
	// character before it, so "五" goes to the next line with it; the
	// space still breaks.
	want := []string{"一二三四", "五。六七", "八九"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("lines %q, want %q", got, want)
	}
}
