package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// With no CJK font on the search path (an empty folder, the system's
// folders left out), check and build stop a Chinese handout with one
// error at its language: line naming the Debian package to install, and
// build writes nothing. The program runs as its own process: the CJK
// fonts are looked for once per process.
func TestCJKMissingFontError(t *testing.T) {
	bin := handoutsBinary(t)
	empty, out := t.TempDir(), t.TempDir()
	const file = "testdata/languages/zh-Hans.yaml"
	for _, args := range [][]string{{"check", file}, {"build", "--out", out, file}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HANDOUTS_CJK_FONTS="+empty, "HANDOUTS_IGNORE_SYSTEM_FONTS=1")
		got, err := cmd.CombinedOutput()
		if err == nil {
			t.Errorf("handouts %s succeeded:\n%s", args[0], got)
		}
		text := string(got)
		if n := strings.Count(text, "needs a CJK font"); n != 1 {
			t.Errorf("handouts %s: %d font errors, want 1:\n%s", args[0], n, text)
		}
		for _, want := range []string{file + ":7:11: ", "Simplified Chinese needs a CJK font", "apt-get install fonts-noto-cjk", empty} {
			if !strings.Contains(text, want) {
				t.Errorf("handouts %s: output lacks %q:\n%s", args[0], want, text)
			}
		}
	}
	if names := pdfs(t, out); len(names) != 0 {
		t.Errorf("build wrote %v", names)
	}
}
