package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// findingLines returns the lines of a run's output that report findings
// about files under prefix.
func findingLines(r result, prefix string) []string {
	var out []string
	for _, l := range strings.Split(r.stderr+"\n"+r.stdout, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return out
}

// wantLines fails unless every wanted line is among got, exactly.
func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, l := range got {
		have[l] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("missing finding\n  %s\nin\n  %s", w, strings.Join(got, "\n  "))
		}
	}
}

// TestOneRunEveryProblem: an unknown key does not hide an emoji the font
// lacks, a warning and a note in the same file, and a raw control
// character in one place does not hide a missing glyph in another
// (issue 21, item 6). `check` and `build` name the same errors.
func TestOneRunEveryProblem(t *testing.T) {
	t.Parallel()
	const dir = "testdata/writer/"
	r := runCLI(t, nil, "check", dir+"everything.yaml")
	wantLines(t, findingLines(r, dir),
		dir+"everything.yaml:2:1: unknown key `tittle` in the handout; did you mean `title`?",
		dir+"everything.yaml:5:31: summary contains U+1F642 (🙂), which the font AtkinsonHyperlegible cannot print; remove it or replace it with words",
		dir+"everything.yaml:8:46: warning: body: this `*` prints as written: it has no partner to make *italic* or **bold** text (the stars must touch the words they mark)",
		dir+`everything.yaml:8:11: note: plain language: "Utilize" → "Use"`,
	)
	if r.code != 1 {
		t.Errorf("check exit %d, want 1", r.code)
	}
	r = runCLI(t, nil, "check", dir+"control.yaml")
	wantLines(t, findingLines(r, dir),
		dir+"control.yaml:2:20: file contains the control character U+0001; remove it",
		dir+"control.yaml:5:31: summary contains U+1F642 (🙂), which the font AtkinsonHyperlegible cannot print; remove it or replace it with words",
	)
	// build refuses the same files for the same errors, all of them.
	for _, f := range []string{"everything.yaml", "control.yaml"} {
		c := runCLI(t, nil, "check", dir+f)
		b := runCLI(t, nil, "build", "--out", t.TempDir(), dir+f)
		var ce, be []string
		for _, l := range findingLines(c, dir) {
			if !strings.Contains(l, ": warning: ") && !strings.Contains(l, ": note: ") {
				ce = append(ce, l)
			}
		}
		for _, l := range findingLines(b, dir) {
			if !strings.Contains(l, ": warning: ") && !strings.Contains(l, ": note: ") {
				be = append(be, l)
			}
		}
		if b.code != 1 || strings.Join(ce, "\n") != strings.Join(be, "\n") {
			t.Errorf("%s: build (exit %d) reports errors\n%s\ncheck reports\n%s", f, b.code, strings.Join(be, "\n"), strings.Join(ce, "\n"))
		}
	}
}

// TestUnknownKeysCapped: a file of 40,000 unknown keys gets the first 20
// and one line for the rest, not a line each; one of 720,000 (under the
// 8 MB limit) is refused from a count of its lines, before YAML reads it
// (issue 21, item 7: it printed 475 MB and took 24 s).
func TestUnknownKeysCapped(t *testing.T) {
	t.Parallel()
	file := func(keys int) string {
		var b strings.Builder
		b.WriteString("title: T\nsummary:\n  - Take it every day.\n  - Call us with questions.\nsections:\n  - heading: H\n    body: Take it every day.\n")
		for i := range keys {
			fmt.Fprintf(&b, "k%d: v\n", i)
		}
		path := filepath.Join(t.TempDir(), fmt.Sprintf("keys%d.yaml", keys))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	path := file(40000)
	r := runCLI(t, nil, "check", path)
	lines := findingLines(r, path)
	if len(lines) > 25 || len(r.stderr)+len(r.stdout) > 10000 || r.code != 1 {
		t.Fatalf("exit %d, %d findings, %d bytes of output; want the first 20 and a count", r.code, len(lines), len(r.stderr)+len(r.stdout))
	}
	wantLines(t, lines,
		path+":8:1: unknown key `k0` in the handout (known keys: title, subtitle, language, reviewed, summary, sections, faq, references)",
		path+":28:1: and 39980 more unknown keys from here on (the first 20 are listed)",
	)
	if testing.Short() {
		return
	}
	path = file(720000)
	r = runCLI(t, nil, "check", path)
	lines = findingLines(r, path)
	want := path + ":50001:1: the file has 720007 lines of keys and list entries, more than the 50000 a file may have (a long handout has a few thousand), so it is not read: is it generated, or the same text pasted many times?"
	if r.code != 1 || len(lines) != 1 || lines[0] != want {
		t.Errorf("exit %d, findings\n%s\nwant\n%s", r.code, strings.Join(lines, "\n"), want)
	}
}

// TestControlCharactersInMessages: an unknown key made of terminal escape
// sequences is shown with its control characters as U+001B and so on,
// never raw, by check, check --json and build (issue 21, item 8).
func TestControlCharactersInMessages(t *testing.T) {
	t.Parallel()
	const f = "testdata/writer/escape-key.yaml"
	for _, args := range [][]string{
		{"check", f},
		{"check", "--json", f},
		{"build", "--out", t.TempDir(), f},
		{"build", "--json", "--out", t.TempDir(), f},
	} {
		r := runCLI(t, nil, args...)
		out := r.stdout + r.stderr
		if strings.ContainsAny(out, "\x1b\a") {
			t.Errorf("%v printed a raw control character:\n%q", args, out)
		}
		if !strings.Contains(out, "unknown key `U+001B[2JU+001B]0;pwnedU+0007`") {
			t.Errorf("%v does not name the key with its control characters as code points:\n%s", args, out)
		}
	}
	// A file name given on the command line is quoted safely too.
	for _, args := range [][]string{{"check"}, {"build", "--out", t.TempDir()}} {
		cmd := args[0]
		r := runCLI(t, nil, append(args, "no-such-\x1b]0;pwned\a.yaml")...)
		if out := r.stdout + r.stderr; strings.ContainsAny(out, "\x1b\a") || !strings.Contains(out, "no-such-U+001B]0;pwnedU+0007.yaml") {
			t.Errorf("%s of a file named with escapes:\n%q", cmd, out)
		}
	}
}

// TestMisindentedKey: a key that lost its indent under a list entry is
// reported once, at its line, as mis-indented, saying where it belongs;
// not as an unknown key here and a missing key there (issue 21, item 14).
func TestMisindentedKey(t *testing.T) {
	t.Parallel()
	const f = "testdata/writer/misindented.yaml"
	r := runCLI(t, nil, "check", f)
	lines := findingLines(r, f)
	want := f + ":11:5: `text:` looks mis-indented: at 4 spaces it is read as a key of section 1, which has no `text`; it belongs to section \"Triggers\" item 2 above: line it up with `label:` (8 spaces)"
	if len(lines) == 0 || lines[0] != want || r.code != 1 {
		t.Errorf("exit %d, findings\n%s\nwant first\n%s", r.code, strings.Join(lines, "\n"), want)
	}
	for _, l := range lines {
		if strings.Contains(l, "missing required key") || strings.Contains(l, "unknown key") {
			t.Errorf("the mis-indented key is also reported as %s", l)
		}
	}
}

// TestEscapesPrintAsTyped: a backslash escape prints the character in every
// field that takes markup, a bare address keeps its stars, and a number
// typed before a step is not printed twice (issue 21, items 12 and 16);
// check warns about the step numbers where build does.
func TestEscapesPrintAsTyped(t *testing.T) {
	t.Parallel()
	const f = "testdata/writer/escapes.yaml"
	out := t.TempDir()
	r := runCLI(t, nil, "build", "--out", out, f)
	if r.code != 0 {
		t.Fatalf("build: %s", r)
	}
	guide := strings.Join(strings.Fields(pdfText(t, filepath.Join(out, "escapes-guide.pdf"), false)), " ")
	summary := strings.Join(strings.Fields(pdfText(t, filepath.Join(out, "escapes-summary.pdf"), false)), " ")
	faq := strings.Join(strings.Fields(pdfText(t, filepath.Join(out, "escapes-faq.pdf"), false)), " ")
	for _, want := range []string{
		"Take 2*3 tablets a day, *not italic*, and this in bold.",
		// The markup's escape written in YAML's double quotes, which
		// have escapes of their own, means the same.
		"In quotes too: 1*2, [see] below, a “word”.",
		"https://example.org/path_with_*stars*_x",
		"Swallow each tablet whole [with water]. A \\ prints once.",
		"Take them (after) a meal.",
		"Store them below 25 *C.",
		"1. Sit quietly. 2. Swallow one tablet. 3. Drink a glass of water.",
		"never take 2*2.",
	} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide lacks %q:\n%s", want, guide)
		}
	}
	if want := `C:\Temp is not markup, nor _this_.`; !strings.Contains(summary, want) {
		t.Errorf("summary lacks %q:\n%s", want, summary)
	}
	if want := "never take 2*2."; !strings.Contains(faq, want) {
		t.Errorf("faq lacks %q:\n%s", want, faq)
	}
	if strings.Contains(guide, `\*`) || strings.Contains(guide, "1. 1.") {
		t.Errorf("guide prints an escape's backslash or a number twice:\n%s", guide)
	}
	c := runCLI(t, nil, "check", f)
	want := f + `:17:9: warning: section "How to take them" step 1 starts with the number "1.", and steps are numbered when printed, so it would print as "1. 1. Sit quietly."; the typed number is left out: delete it from the file`
	wantLines(t, findingLines(c, f), want)
	// build sums up warnings of one kind after the first.
	if l := findingLines(r, f); len(l) == 0 || !strings.HasPrefix(strings.Join(l, "\n"), want) {
		t.Errorf("build's warnings do not start with\n%s\n%s", want, strings.Join(l, "\n"))
	}
	for _, l := range findingLines(c, f) {
		if strings.Contains(l, "`*`") {
			t.Errorf("an escaped or addressed star is reported: %s", l)
		}
	}
}

// TestReadingLevelsInJSON: check --json carries every graded file's
// reading level and each graded section's, also when the file is within
// the target, and the text output says it as a note (issue 21, item 15b).
func TestReadingLevelsInJSON(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "check", "--json", "testdata/asma.yaml", "data/group-therapy.yaml")
	var out struct {
		ReadingLevels []struct {
			File     string  `json:"file"`
			Formula  string  `json:"formula"`
			Score    float64 `json:"score"`
			TooHard  bool    `json:"too_hard"`
			Sections []struct {
				Heading string  `json:"heading"`
				Score   float64 `json:"score"`
				Pos     struct {
					Line int `json:"line"`
				} `json:"pos"`
			} `json:"sections"`
		} `json:"reading_levels"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if len(out.ReadingLevels) != 2 {
		t.Fatalf("reading_levels = %+v, want the two files", out.ReadingLevels)
	}
	asma, gt := out.ReadingLevels[1], out.ReadingLevels[0]
	if gt.File != "data/group-therapy.yaml" {
		asma, gt = gt, asma
	}
	if asma.File != "testdata/asma.yaml" || asma.Formula != "INFLESZ" || asma.TooHard || asma.Score < 55 {
		t.Errorf("asma: %+v", asma)
	}
	if gt.Formula != "SMOG" || len(gt.Sections) == 0 || gt.Sections[0].Heading == "" || gt.Sections[0].Pos.Line == 0 || gt.Sections[0].Score == 0 {
		t.Errorf("group therapy: %+v", gt)
	}
	r = runCLI(t, nil, "check", "testdata/asma.yaml")
	if !strings.Contains(r.stderr, `testdata/asma.yaml:3:8: note: the handout reads at INFLESZ`) {
		t.Errorf("no note of the reading level:\n%s", r)
	}
}
