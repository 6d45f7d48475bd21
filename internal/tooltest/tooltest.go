// Package tooltest is the one place that decides what a test does when
// something it needs from the machine is missing: an outside program it
// reads PDFs back with (poppler, qpdf, chromium), a font package, a
// pseudo-terminal. On a developer's machine the test is skipped; in CI
// (CI set to true, 1, yes or on, as CI services and people set it) it
// fails, so a CI machine that lost an install step cannot pass by
// skipping.
package tooltest

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// TB is the part of testing.TB these helpers use, so that their own
// behaviour can be tested with a recorder.
type TB interface {
	Helper()
	Skipf(format string, args ...any)
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

func isCI(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on", "t", "y":
		return true
	}
	return false
}

// Require returns the path of the named program, or skips t (fails it in
// CI) when it is not installed.
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
	missing(t, ci, fmt.Sprintf("%s is not installed", name))
	return ""
}

// Missing skips t on a developer's machine, and fails it in CI, for
// something the test cannot run without; what says what is missing.
func Missing(t TB, format string, args ...any) {
	t.Helper()
	missing(t, os.Getenv("CI"), fmt.Sprintf(format, args...))
}

func missing(t TB, ci, what string) {
	t.Helper()
	if isCI(ci) {
		t.Fatalf("%s, and CI=%s: install it first (.ci/run installs what the tests need)", what, ci)
		return
	}
	t.Skipf("%s; skipping (in CI this fails instead)", what)
}

// Partial is Missing for a test that can still run its other cases: on a
// developer's machine it notes what is left out, in CI it fails t.
func Partial(t TB, format string, args ...any) {
	t.Helper()
	partial(t, os.Getenv("CI"), fmt.Sprintf(format, args...))
}

func partial(t TB, ci, what string) {
	t.Helper()
	if isCI(ci) {
		t.Errorf("%s, and CI=%s: install it first (.ci/run installs what the tests need)", what, ci)
		return
	}
	t.Logf("%s; the cases that need it are left out (in CI this fails instead)", what)
}
