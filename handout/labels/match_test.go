package labels

import (
	"regexp"
	"strings"
	"testing"
)

// A content or brand file writes a tag with hyphens and subtags of two to
// eight characters; reading one already accepted is looser.
func TestValidTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "es-MX": true, "zh-Hant-TW": true, "es-419": true, "fil": true,
		"pt_BR": false, "e": false, "english": false, "en-": false, "x-a": false, "en-a": false, "": false, "en US": false,
	} {
		if got := Valid(tag); got != want {
			t.Errorf("Valid(%q) = %v, want %v", tag, got, want)
		}
	}
	if !WellFormed("pt_BR") {
		t.Error("WellFormed refuses pt_BR, which a locale name writes")
	}
}

// The hand-written shapes accept exactly what the patterns they replace
// accept: every string of up to five characters from letters, a digit, the
// separators, a non-ASCII letter and a stray byte, and subtags at the
// length bounds.
func TestTagShapeIsThePattern(t *testing.T) {
	wellFormed := regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$`)
	written := regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	check := func(s string) {
		if got, want := WellFormed(s), wellFormed.MatchString(s); got != want {
			t.Errorf("WellFormed(%q) = %v, the pattern says %v", s, got, want)
		}
		if got, want := Valid(s), written.MatchString(s); got != want {
			t.Errorf("Valid(%q) = %v, the pattern says %v", s, got, want)
		}
	}
	alphabet := []string{"a", "Z", "7", "-", "_", ".", "é", "\xc3", "@", "{"}
	var grow func(s string, n int)
	grow = func(s string, n int) {
		check(s)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(s+c, n-1)
		}
	}
	grow("", 5)
	for _, head := range []string{"e", "en", "eng", "engl", "e1", "1en"} {
		for _, sep := range []string{"-", "_", "--"} {
			for n := 0; n <= 10; n++ {
				check(head + sep + strings.Repeat("x", n))
				check(head + sep + strings.Repeat("9", n) + "-ab")
				check(head + "-ab" + sep + strings.Repeat("Q", n))
			}
		}
	}
}
