package content_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"handouts/handout/brand"
	"handouts/handout/check"
	"handouts/handout/content"
	"handouts/handout/diag"
)

// FuzzDecode feeds arbitrary bytes to Decode and, as the build does, to
// check.Handout. Neither may panic, and every finding must name the file and
// a real line and column in it.
//
// Positions: Decode reports whole-file problems (empty file, no content) at
// 1:1, never at line 0, so every decode finding has Line ≥ 1 and Col ≥ 1.
// check.Handout runs only on handouts without decode errors (see
// handout.Load); on those every field it names has a position, so its
// findings have Line ≥ 1 too. On a handout with errors it is still run here,
// for panics only: a field that failed to decode has no position.
// (handout.SummaryFits can report at line 0 for a whole-file failure; it is
// not part of this target.)
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/invalid/*.yaml")
	mistakes, _ := filepath.Glob("../../testdata/mistakes/*.yaml")
	seeds = append(append(seeds, mistakes...), "../../data/group-therapy.yaml")
	for _, p := range seeds {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("title: \"\\U0001F600 \\u4e2d\"\nsummary: [a, b]\nsections:\n- heading: H\n  body: \"x\\ty\"\n"))
	f.Add([]byte("title: t\r\nsummary: [a, b]\r\nsections: [{heading: h, body: b}]\r\n"))
	b, errs := brand.Resolve(nil, brand.Settings{})
	if len(errs) != 0 {
		f.Fatal(errs)
	}
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "fuzz.yaml"
		h, errs := content.Decode(name, src)
		if h == nil {
			t.Fatal("nil handout")
		}
		// Decode warns too (list markers in a body, text lost to a
		// comment, curly quotes that print); every finding is positioned.
		for _, e := range errs {
			checkPos(t, src, name, e)
		}
		findings := check.Handout(h, b, now)
		if errs.HasErrors() {
			// A file with errors is checked too (issue 21, item 6): a
			// field that failed has no place, but every finding names
			// the file.
			for _, e := range append(findings, check.Advice(h)...) {
				if e.Pos.File != name {
					t.Fatalf("finding without its file: %v", e)
				}
			}
			return
		}
		for _, e := range findings {
			checkPos(t, src, name, e)
		}
	})
}

// checkPos fails unless f is in file name at a line and column that exist
// in src (one column past a line's end is allowed: an empty value sits
// there). Lines end at "\n", "\r\n" or a lone "\r", as in YAML; a
// column counts characters.
func checkPos(t *testing.T, src []byte, name string, f diag.Finding) {
	t.Helper()
	if f.Pos.File != name || f.Pos.Line < 1 || f.Pos.Col < 1 {
		t.Fatalf("bad position: %v", f)
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	if f.Pos.Line > len(lines) {
		t.Fatalf("line %d of a %d-line file: %v", f.Pos.Line, len(lines), f)
	}
	if n := utf8.RuneCountInString(lines[f.Pos.Line-1]); f.Pos.Col > n+1 {
		t.Fatalf("column %d of a %d-character line %q: %v", f.Pos.Col, n, lines[f.Pos.Line-1], f)
	}
}
