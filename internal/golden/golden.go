// Package golden compares a test's output with its golden file, for the
// packages whose tests keep one (layout dumps, decoding errors).
package golden

import (
	"os"
	"strings"
	"testing"
)

// Compare fails t unless got is the content of the file at path, naming
// the first line that differs; with update it rewrites the file instead.
// pkg is the package's path, for the command that updates it.
func Compare(t testing.TB, path, got string, update bool, pkg string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	wantB, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s -update to create it)", err, pkg)
	}
	want := string(wantB)
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		g, w := "<end of output>", "<end of file>"
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d (of %d; the output has %d):\n got: %s\nwant: %s\n(if the change is intended, run go test %s -update and review the diff)",
				path, i+1, len(wl), len(gl), g, w, pkg)
		}
	}
}
