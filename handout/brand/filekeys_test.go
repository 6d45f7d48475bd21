package brand

import (
	"slices"
	"testing"
)

// Every setting has one place in the brand file, and every place one
// setting: fileKeys is the only link between a key and a flag's name.
func TestFileKeysOnePlaceEach(t *testing.T) {
	for _, f := range append(slices.Clone(Fields), Labels) {
		n := 0
		for _, k := range fileKeys {
			if k.field == f {
				n++
			}
		}
		if n != 1 {
			t.Errorf("setting %s has %d places in the brand file, want 1", f, n)
		}
	}
	for _, k := range fileKeys {
		if got := fieldAt(k.parent, k.key); got != k.field {
			t.Errorf("fieldAt(%q, %q) = %q, want %q", k.parent, k.key, got, k.field)
		}
	}
	if got := keysUnder(""); !slices.Equal(got, []string{"name", "tagline", "logo", "colors", "contact", "footer", "labels", "fonts"}) {
		t.Errorf("top-level keys %v", got)
	}
}
