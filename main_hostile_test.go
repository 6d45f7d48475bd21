//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handouts/fonts"
	"handouts/internal/fonttest"
)

// Files that are not regular files, named as content, brand file, logo or
// font, are refused with a message naming them, by check and by build:
// before, a symlink to /dev/zero was read until memory ran out and a FIFO
// as the logo blocked forever.
func TestSpecialFilesRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	zero := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	fifo := filepath.Join(dir, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	fontDir := filepath.Join(dir, "fonts")
	os.Mkdir(fontDir, 0o755)
	for name, data := range map[string][]byte{"Z-Bold.ttf": fonts.Bold, "Z-Italic.ttf": fonts.Italic, "Z-BoldItalic.ttf": fonts.BoldItalic} {
		os.WriteFile(filepath.Join(fontDir, name), data, 0o644)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(fontDir, "Z-Regular.ttf")); err != nil {
		t.Fatal(err)
	}
	content, brandFile, logo := zero("zero.yaml"), zero("brand.yaml"), zero("zero.png")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"content", []string{content}, content + ": is a device, not a regular file"},
		{"brand file", []string{"--brand", brandFile, seed}, brandFile + ": cannot read brand file: is a device, not a regular file"},
		{"logo", []string{"--logo", logo, seed}, "cannot read " + logo + ": is a device, not a regular file"},
		{"FIFO logo", []string{"--logo", fifo, seed}, "cannot read " + fifo + ": is a named pipe (FIFO), not a regular file"},
		{"font", []string{"--font-dir", fontDir, seed}, "regular font: " + filepath.Join(fontDir, "Z-Regular.ttf") + ": is a device, not a regular file"},
	} {
		for _, cmd := range []string{"check", "build"} {
			out := t.TempDir()
			args := append([]string{cmd}, tc.args...)
			if cmd == "build" {
				args = append([]string{cmd, "--out", out}, tc.args...)
			}
			r := runCLI(t, nil, args...)
			if r.code == 0 || !strings.Contains(r.stdout+r.stderr, tc.want) {
				t.Errorf("%s %s: want a failure saying %q, got %s", cmd, tc.name, tc.want, r)
			}
			if got := pdfs(t, out); len(got) != 0 {
				t.Errorf("%s %s: PDFs written: %v", cmd, tc.name, got)
			}
		}
	}
}

// A clinic font whose glyph "A" is a composite of itself passed check and
// then killed build with a fatal stack overflow in the subsetter, losing
// every file of the batch. Both now refuse it, naming the font file.
func TestCyclicFontRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := fonttest.Regular()
	a, b := f.Glyph('A'), f.Glyph('B')
	for name, data := range map[string][]byte{
		"Cyc-Regular.ttf": f.SetComposite(a, b).SetComposite(b, a).Data, "Cyc-Bold.ttf": fonts.Bold,
		"Cyc-Italic.ttf": fonts.Italic, "Cyc-BoldItalic.ttf": fonts.BoldItalic,
	} {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	want := "regular font " + filepath.Join(dir, "Cyc-Regular.ttf") + `: is damaged: glyph 15 ("A") is a composite that contains itself through glyph 16 ("B")`
	for _, cmd := range []string{"check", "build"} {
		out := t.TempDir()
		args := []string{cmd, "--font-dir", dir, seed}
		if cmd == "build" {
			args = append([]string{cmd, "--out", out}, args[1:]...)
		}
		r := runCLI(t, nil, args...)
		if r.code != 1 || !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("%s: want exit 1 saying %q, got %s", cmd, want, r)
		}
		if got := pdfs(t, out); len(got) != 0 {
			t.Errorf("%s: PDFs written: %v", cmd, got)
		}
	}
}
