package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handouts/fonts"
	"handouts/internal/fonttest"
	"handouts/internal/imagetest"
)

// Damaged and hostile brand fonts (issue 21) are refused by check and by
// build, naming the file and what is wrong, and nothing reaches stdout
// but the report: fpdf's subsetter printed "Font does not have cmap for
// Unicode" there, in the middle of `build --json`. The real program runs,
// since the subsetter writes to the process's stdout.
func TestHostileFontsRefusedWithCleanStdout(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	seedPath, err := filepath.Abs(seed)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"cmap 3,10", fonttest.Regular().RelabelCmaps().Data, "it has no Unicode character map that can be embedded"},
		{"unitsPerEm 1", fonttest.Regular().SetUnitsPerEm(1).Data, "its head.unitsPerEm is 1"},
		{"advances 65535", fonttest.Regular().SetAdvances(65535).Data, "is 66 em wide"},
		{"composite bomb", fonttest.Regular().Nest('-', 16, 8).Data, "stands for more than 256 component glyphs"},
		{"40 levels", fonttest.Regular().Nest('-', 1, 40).Data, "nests composite glyphs more than 8 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range map[string][]byte{"X-Regular.ttf": tc.data, "X-Bold.ttf": fonts.Bold, "X-Italic.ttf": fonts.Italic, "X-BoldItalic.ttf": fonts.BoldItalic} {
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			font := filepath.Join(dir, "X-Regular.ttf")
			for _, args := range [][]string{
				{"check", "--font-dir", dir, seedPath},
				{"build", "--json", "--out", filepath.Join(dir, "out"), "--font-dir", dir, seedPath},
			} {
				cmd := exec.Command(bin, args...)
				cmd.Dir = dir
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				if err == nil {
					t.Errorf("%s: exit 0\nstdout: %s\nstderr: %s", args[0], stdout.String(), stderr.String())
					continue
				}
				if both := stdout.String() + stderr.String(); !strings.Contains(both, font) || !strings.Contains(both, tc.want) {
					t.Errorf("%s: no message naming %s with %q\nstdout: %s\nstderr: %s", args[0], font, tc.want, stdout.String(), stderr.String())
				}
				if strings.Contains(stdout.String(), "Font does not have cmap") {
					t.Errorf("%s: the subsetter wrote to stdout: %q", args[0], stdout.String())
				}
				if args[0] == "build" && stdout.Len() > 0 && !json.Valid(stdout.Bytes()) {
					t.Errorf("build --json: stdout is not JSON: %q", stdout.String())
				}
			}
		})
	}
}

// Hostile logos (issue 21) are refused by check and by build from their
// headers, with the limit named: a JPEG of many scans, and PNGs whose side
// passes the limit. They share the loader that serve and --watch use.
func TestHostileLogosRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"scans.jpg", imagetest.RepeatACScan(imagetest.ProgressiveJPEG, 2000), "is a JPEG of more than 64 scans; a logo may have at most 64"},
		{"wide.png", imagetest.PNGHeader(1<<24, 1), "is 16777216×1 pixels; a logo's side may be at most 16384 pixels"},
		{"tall.png", imagetest.PNGHeader(1, 1<<24), "is 1×16777216 pixels; a logo's side may be at most 16384 pixels"},
	} {
		logo := filepath.Join(dir, tc.name)
		if err := os.WriteFile(logo, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"check", "--logo", logo, seed}, {"build", "--out", t.TempDir(), "--logo", logo, seed}} {
			r := runCLI(t, nil, args...)
			if r.code == 0 || !strings.Contains(r.stderr+r.stdout, logo+" "+tc.want) {
				t.Errorf("%s %s: want %q\n%s", args[0], tc.name, tc.want, r)
			}
		}
	}
}
