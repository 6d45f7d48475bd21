package spaces

import "testing"

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"   \t\n", ""},
		{"one", "one"},
		{"  one  ", "one"},
		{"one two", "one two"},
		{"one  two", "one two"},
		{"one\ntwo", "one two"},
		{"one\r\n\ttwo \n three", "one two three"},
		{"one\u00a0two", "one two"},      // no-break space
		{"one\u3000two", "one two"},      // ideographic space
		{"one\u2028two", "one two"},      // line separator
		{"one\u200btwo", "one\u200btwo"}, // a zero-width space is not white space
		{"Clínica  São\n Paulo", "Clínica São Paulo"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
