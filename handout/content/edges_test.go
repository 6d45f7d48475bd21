package content

import (
	"fmt"
	"strings"
	"testing"
)

// Edges that a flipped comparison or a dropped condition moves.

const edgeRest = `summary:
  - Sit quietly for five minutes before you measure.
  - Write down each reading with the date and time.
sections:
  - heading: How to measure
    body: Sit with your back supported and both feet flat on the floor.
`

// A one-line field of exactly MaxLine characters is accepted, counted in
// characters (é is two bytes), and one more is refused.
func TestMaxLineExactly(t *testing.T) {
	for _, c := range []struct {
		n    int
		want bool // refused
	}{{MaxLine - 1, false}, {MaxLine, false}, {MaxLine + 1, true}} {
		title := strings.Repeat("é", c.n)
		_, errs := Decode("t.yaml", []byte("title: "+title+"\n"+edgeRest))
		refused := strings.Contains(fmt.Sprint(errs), "characters long")
		if refused != c.want {
			t.Errorf("a %d-character title: refused %v, want %v (%v)", c.n, refused, c.want, errs)
		}
	}
}

// A file with one key a brand file also has (`name:`) and none of a
// handout's is a handout with a typo, reported key by key; two such keys
// make it a brand file given in the wrong place.
func TestOneBrandKeyIsNotABrandFile(t *testing.T) {
	_, errs := Decode("h.yaml", []byte("titel: Asthma\nname: Riverbend\n"))
	if msg := fmt.Sprint(errs); strings.Contains(msg, "brand file") || !strings.Contains(msg, "titel") {
		t.Errorf("one brand-like key: %v", errs)
	}
	_, errs = Decode("b.yaml", []byte("name: Riverbend\ntagline: Care close to home\n"))
	if msg := fmt.Sprint(errs); !strings.Contains(msg, "this is a brand file") {
		t.Errorf("two brand keys: %v", errs)
	}
}

// CommonMark's flanking rule: a star after a letter and before
// punctuation does not open emphasis (`a*"b"*` prints its stars), while
// the same star after a space does.
func TestEmphasisFlanking(t *testing.T) {
	for in, italic := range map[string]bool{
		`a*"b"*`:     false,
		`a *"b"*`:    true,
		`*"b"* a`:    true,
		`say*"b"* a`: false,
		`"a"*b*`:     true,  // after punctuation, before a letter: opens
		`"*"b"*"`:    true,  // between punctuation: opens and closes
		`*"b"*a`:     false, // after punctuation, before a letter: cannot close
	} {
		got := false
		for _, s := range ParseInline(in) {
			got = got || s.Italic
		}
		if got != italic {
			t.Errorf("%s: italic %v, want %v (%+v)", in, got, italic, ParseInline(in))
		}
	}
}

// A line starting "10. " is a numbered step pasted into a body; "100. "
// and "2020. " start sentences about numbers.
func TestListMarkerDigits(t *testing.T) {
	for in, want := range map[string]string{
		"1. Take it":    "1. ",
		"10) Take it":   "10) ",
		"99. Take it":   "99. ",
		"100. Take it":  "",
		"2020. A year":  "",
		"1.5 mg a day":  "",
		"12.Take it":    "",
		"7.":            "",
		"- Take it":     "- ",
		"#2 reason why": "",
	} {
		if got, _ := listMarker(in); got != want {
			t.Errorf("listMarker(%q) = %q, want %q", in, got, want)
		}
	}
}
