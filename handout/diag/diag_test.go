package diag

import (
	"encoding/json"
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
