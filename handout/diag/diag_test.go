package diag

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSeverities: each severity prints and encodes as its word, and only
// errors count as errors.
func TestSeverities(t *testing.T) {
	pos := Pos{File: "x.yaml", Line: 3, Col: 7}
	var l List
	l.Errorf(pos, "broken")
	l.Warnf(pos, "long")
	l.Notef(pos, "try %q", "use")
	want := []string{"x.yaml:3:7: broken", "x.yaml:3:7: warning: long", `x.yaml:3:7: note: try "use"`}
	for i, f := range l {
		if f.String() != want[i] {
			t.Errorf("finding %d = %q, want %q", i, f, want[i])
		}
	}
	b, err := json.Marshal(l[2])
	if err != nil || string(b) != `{"pos":{"file":"x.yaml","line":3,"column":7},"severity":"note","message":"try \"use\""}` {
		t.Errorf("JSON = %s, %v", b, err)
	}
	if !l.HasErrors() || len(l.Errors()) != 1 || l[1:].HasErrors() {
		t.Errorf("HasErrors/Errors wrong for %v", l)
	}
}

// TestControlCharactersNeverRaw: a key or file name quoted in a message
// cannot reach the terminal as an escape sequence (issue 21, item 8): an
// ESC, a BEL, a C1 control and a bidirectional override are all shown as
// their code points, in the text and in JSON alike.
func TestControlCharactersNeverRaw(t *testing.T) {
	var l List
	key := "\x1b[2J\x1b]0;pwned\a\u009b\u202e"
	l.Errorf(Pos{File: "a\x1b[31m.yaml", Line: 2, Col: 1}, "unknown key `%s`", key)
	got := l[0].String()
	want := "a" + "U+001B" + "[31m.yaml:2:1: unknown key `U+001B[2JU+001B]0;pwnedU+0007U+009BU+202E`"
	if got != want {
		t.Errorf("finding = %q, want %q", got, want)
	}
	b, _ := json.Marshal(l[0])
	for _, c := range []string{"\x1b", "\a", "\u009b", "\u202e"} {
		if strings.Contains(got, c) || strings.Contains(string(b), c) {
			t.Errorf("%q printed raw in %q / %s", c, got, b)
		}
	}
	// Ordinary text, other scripts included, is left alone.
	if s := Printable("naïve 日本語 العربية\u00a0x"); s != "naïve 日本語 العربية\u00a0x" {
		t.Errorf("Printable changed printable text: %q", s)
	}
}
