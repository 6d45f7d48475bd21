// Package tooltest finds the outside programs that tests read PDFs back
// with (poppler, qpdf, chromium). On a developer's machine a missing one
// skips the test that needs it; under CI=true it fails, so a CI machine
// that lost an install step cannot pass by skipping.
package tooltest

import (
	"os"
	"os/exec"
	"strconv"
)

// TB is the part of testing.TB that Require uses, so its own behaviour can
// be tested with a recorder.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// Require returns the path of the named program, or skips t (fails it
// under CI=true) when it is not installed.
func Require(t TB, name string) string {
	t.Helper()
	return need(t, name, os.Getenv("CI"))
}

func need(t TB, name, ci string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if inCI, _ := strconv.ParseBool(ci); inCI {
		t.Fatalf("%s is not installed, and CI=%s: install it first (.ci/run installs poppler-utils, qpdf and chromium)", name, ci)
		return ""
	}
	t.Skipf("%s is not installed; skipping (with CI=true this fails instead)", name)
	return ""
}
