package fontset

import (
	"slices"
	"testing"
)

// The zero-width non-joiner Persian writes inside words, and the joiner, are
// never missing and take no room; a zero-width space still is missing from
// a face without it (check names it as invisible).
func TestJoinersAreNeverMissing(t *testing.T) {
	fam := Default()
	for _, s := range []string{"Isa\u200cdalawa", "می\u200cخواهم", "क्\u200dष"} {
		if slices.Contains(fam.Missing(s, Regular), '\u200c') || slices.Contains(fam.Missing(s, Regular), '\u200d') {
			t.Errorf("%q: a joiner is reported missing: %q", s, fam.Missing(s, Regular))
		}
	}
	if got := fam.Missing("Isa\u200bdalawa", Regular); !slices.Equal(got, []rune{'\u200b'}) {
		t.Errorf("zero-width space: missing %q", got)
	}
	face := fam.Face(Regular)
	if face.Has('\u200c') {
		t.Skip("the default face has a non-joiner glyph; the width rule is moot")
	}
	if a, b := face.Width("Isa\u200cdalawa", 12), face.Width("Isadalawa", 12); a != b {
		t.Errorf("a non-joiner takes room: %v against %v", a, b)
	}
}
