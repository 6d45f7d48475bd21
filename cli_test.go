package main

// Tests of the command line itself: how arguments, flags and HANDOUTS_
// variables are read, and what is printed. They use `check` where they can,
// which reads everything build reads and writes nothing.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"handouts/handout"
	"handouts/handout/format"
)

// requireUsageError wants exit 2, nothing on stdout, and one line on stderr
// holding every piece of want: a message, not a help dump.
func requireUsageError(t *testing.T, r result, want ...string) {
	t.Helper()
	if r.code != 2 {
		t.Errorf("exit %d, want 2\n%s", r.code, r)
	}
	if r.stdout != "" {
		t.Errorf("stdout not empty (help dumped?)\n%s", r)
	}
	if n := strings.Count(r.stderr, "\n"); n != 1 {
		t.Errorf("stderr has %d lines, want one message\n%s", n, r)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr does not say %q\n%s", w, r)
		}
	}
}

func TestFlagWithoutValueIsAUsageError(t *testing.T) {
	t.Parallel()
	// `handouts build mycontent -o` once built data/ into mycontent/.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), readFile(t, seed), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "build", dir, "-o")
	requireUsageError(t, r, "-o needs a value")
	if got, _ := filepath.Glob(filepath.Join(dir, "*.pdf")); len(got) > 0 {
		t.Errorf("PDFs written into the content folder: %v", got)
	}
	// `handouts build x.yaml --brand` once read the handout as a brand.
	requireUsageError(t, runCLI(t, nil, "build", seed, "--brand"), "--brand needs a value")
	requireUsageError(t, runCLI(t, nil, "check", seed, "--paper"), "--paper needs a value")
	// A flag does not take the next flag as its value.
	requireUsageError(t, runCLI(t, nil, "check", "--brand", "--paper", "a4", seed), "--brand needs a value", "--paper")
}

func TestFlagOrderNeverChangesMeaning(t *testing.T) {
	app := newApp(&shell{})
	for _, words := range [][]string{
		{"x.yaml", "-o", "dist", "--paper", "a4"},
		{"x.yaml", "--large-print", "y.yaml", "--format=guide"},
		{"--brand", "b.yaml", "x.yaml", "-j", "2"},
		{"x.yaml", "-q", "--", "-odd.yaml"},
	} {
		// Move each flag, with its value, to the front and to the end of
		// the words; "--" and what follows stay last.
		groups := group(words)
		var want []string
		for i, g := range groups {
			if g[0] == "--" || !strings.HasPrefix(g[0], "-") {
				continue
			}
			rest := slices.Concat(groups[:i], groups[i+1:])
			tail := len(rest)
			if rest[tail-1][0] == "--" {
				tail--
			}
			for _, moved := range [][][]string{
				slices.Concat([][]string{g}, rest),
				slices.Concat(rest[:tail], [][]string{g}, rest[tail:]),
			} {
				args := slices.Concat(moved...)
				got, err := readArgs(app, append([]string{"handouts", "build"}, args...))
				if err != nil {
					t.Fatalf("%q: %s", args, err.msg)
				}
				sep := slices.Index(got, "--")
				files, flags := got[sep+1:], got[2:sep]
				if want == nil {
					want = files
				}
				if !slices.Equal(files, want) {
					t.Errorf("%q: files %q, want %q", args, files, want)
				}
				for _, f := range flags {
					if strings.HasSuffix(f, ".yaml") && f != "b.yaml" {
						t.Errorf("%q: file %s read as a flag value (%q)", args, f, got)
					}
				}
			}
		}
		if want == nil {
			t.Fatalf("%q: nothing tested", words)
		}
	}
}

// group splits words into flag-with-value units and single words, stopping
// at "--", which keeps everything after it.
func group(words []string) [][]string {
	var gs [][]string
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			return append(gs, words[i:])
		case slices.Contains([]string{"-o", "--paper", "--brand", "-j"}, w):
			gs = append(gs, words[i:i+2])
			i++
		default:
			gs = append(gs, []string{w})
		}
	}
	return gs
}

func TestEnvironmentVariables(t *testing.T) {
	t.Parallel()
	printSize := func(env map[string]string) string {
		r := runCLI(t, env, "check", "-q", seed)
		m := regexp.MustCompile(`letter, (\w+) print`).FindStringSubmatch(r.stdout)
		if r.code != 0 || m == nil {
			t.Fatalf("%v: %s", env, r)
		}
		return m[1]
	}
	for _, v := range []string{"1", "true", "TRUE", "yes", "Yes", "on"} {
		if got := printSize(map[string]string{"HANDOUTS_LARGE_PRINT": v}); got != "large" {
			t.Errorf("HANDOUTS_LARGE_PRINT=%s gives %s print", v, got)
		}
	}
	for _, v := range []string{"0", "false", "no", "off", ""} {
		if got := printSize(map[string]string{"HANDOUTS_LARGE_PRINT": v}); got != "regular" {
			t.Errorf("HANDOUTS_LARGE_PRINT=%s gives %s print", v, got)
		}
	}
	requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_LARGE_PRINT": "maybe"}, "check", seed),
		`HANDOUTS_LARGE_PRINT="maybe"`, "yes or no")
	requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_JSON": "please"}, "check", seed), `HANDOUTS_JSON="please"`)
	requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_QUIET": "2"}, "build", seed), `HANDOUTS_QUIET="2"`)

	// Each value is blamed on where it came from.
	r := runCLI(t, map[string]string{"HANDOUTS_PAPER": "b5"}, "check", seed)
	requireUsageError(t, r, `HANDOUTS_PAPER="b5"`, "letter or a4")
	if strings.Contains(r.stderr, "--paper") {
		t.Errorf("HANDOUTS_PAPER's mistake blamed on --paper: %s", r.stderr)
	}
	requireUsageError(t, runCLI(t, nil, "check", "--paper", "b5", seed), `--paper "b5"`)
	r = runCLI(t, map[string]string{"HANDOUTS_FORMAT": "poster"}, "build", seed)
	requireUsageError(t, r, `HANDOUTS_FORMAT="poster"`, "guide, summary or faq")
	requireUsageError(t, runCLI(t, nil, "build", "-f", "guide,poster", seed), `--format "guide,poster"`, `"poster"`)

	for _, jobs := range []string{"abc", "0", "-3", "1.5"} {
		requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_JOBS": jobs}, "build", seed), `HANDOUTS_JOBS="`+jobs+`"`, "1 or more")
		requireUsageError(t, runCLI(t, nil, "build", "-j", jobs, seed), `--jobs "`+jobs+`"`, "1 or more")
	}
	// A flag beats its variable, even a broken one.
	if r := runCLI(t, map[string]string{"HANDOUTS_PAPER": "b5"}, "check", "-q", "--paper", "a4", seed); r.code != 0 || !strings.Contains(r.stdout, "a4,") {
		t.Errorf("--paper a4 with HANDOUTS_PAPER=b5: %s", r)
	}
}

func TestUnknownFlag(t *testing.T) {
	t.Parallel()
	requireUsageError(t, runCLI(t, nil, "build", "--primary-colour", "#123456", seed),
		"unknown flag --primary-colour", "did you mean --primary-color?")
	requireUsageError(t, runCLI(t, nil, "check", seed, "--larg-print"), "did you mean --large-print?")
	requireUsageError(t, runCLI(t, nil, "check", "--out", "x", seed), "unknown flag --out for handouts check")
	requireUsageError(t, runCLI(t, nil, "--paper", "a4", "build"), "flags go after the command")
}

func TestHelpCommand(t *testing.T) {
	t.Parallel()
	r := runCLI(t, nil, "help")
	if r.code != 0 || !strings.Contains(r.stdout, "Examples") || !strings.Contains(r.stdout, "build") {
		t.Errorf("handouts help: %s", r)
	}
	for _, cmd := range []string{"build", "check"} {
		r := runCLI(t, nil, "help", cmd)
		if r.code != 0 || !strings.Contains(r.stdout, "handouts "+cmd) || !strings.Contains(r.stdout, "--paper") {
			t.Errorf("handouts help %s: %s", cmd, r)
		}
	}
	requireUsageError(t, runCLI(t, nil, "help", "bulid"), "did you mean `build`")
}

// A content file may be called h, help or -x.yaml; it is a file, not a
// request for help. (Not parallel: it changes the working directory.)
func TestFileNamedLikeAFlagOrHelp(t *testing.T) {
	src := readFile(t, seed)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, name := range []string{"h", "help", "-x.yaml"} {
		if err := os.WriteFile(name, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"check", "-q", "h"}, {"check", "-q", "help"}, {"check", "-q", "--", "-x.yaml"}} {
		r := runCLI(t, nil, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "1 file checked") {
			t.Errorf("%q: %s", args, r)
		}
	}
	r := runCLI(t, nil, "build", "h", "-o", "pdfs")
	if r.code != 0 {
		t.Fatal(r)
	}
	if _, err := os.Stat(filepath.Join("pdfs", "h-guide.pdf")); err != nil {
		t.Errorf("build h: %v\n%s", err, r)
	}
}

func TestCheckOutput(t *testing.T) {
	t.Parallel()
	t.Run("-q prints only errors and the summary line", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "check", "-q", seed, "testdata/bad/unknown-key.yaml")
		if r.code != 1 || strings.Contains(r.stderr, "warning") || strings.Contains(r.stderr, "note:") || !strings.Contains(r.stderr, "haeding") {
			t.Errorf("want exit 1 and only the error on stderr: %s", r)
		}
		if !regexp.MustCompile(`^2 files checked with no brand, letter, regular print: 1 error, \d+ warnings, \d+ notes?\n$`).MatchString(r.stdout) {
			t.Errorf("stdout: %q", r.stdout)
		}
	})
	t.Run("HANDOUTS_JSON works as --json does", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, map[string]string{"HANDOUTS_JSON": "yes"}, "check", seed)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "{") || !strings.Contains(r.stdout, `"findings"`) {
			t.Errorf("no JSON: %s", r)
		}
	})
	t.Run("says which brand and options were checked", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, map[string]string{"HANDOUTS_PHONE": "555 0100"}, "check", "-q", "--brand", "data/brand/brand.yaml", "--clinic", "X", "--paper", "a4", "--large-print", seed)
		want := "1 file checked with brand data/brand/brand.yaml with --clinic, $HANDOUTS_PHONE, a4, large print: 0 errors"
		if !strings.HasPrefix(r.stdout, want) {
			t.Errorf("stdout %q, want it to start %q", r.stdout, want)
		}
	})
}

func TestBuildReport(t *testing.T) {
	t.Parallel()
	rep := &handout.Report{
		Written: []handout.Output{
			{Path: "out/a-guide.pdf", Pages: 12, Bytes: 40000},
			{Path: "out/a-summary.pdf", Pages: 1, Bytes: 900},
			{Path: "out/a-faq.pdf", Pages: 3, Bytes: 123456},
		},
		Failed: []handout.Failure{
			{Source: "b.yaml"},
			{Source: "c.yaml", Format: format.Summary},
			{Source: "d.yaml", Format: format.Summary},
		},
	}
	var stdout, stderr bytes.Buffer
	report(&stdout, &stderr, rep, 5*time.Millisecond, true, false)
	lines := strings.Split(stdout.String(), "\n")
	// Columns line up: the unit of the page count starts, and the size
	// ends, at the same place on every line.
	starts := func(re string) []int {
		var at []int
		for _, l := range lines[:3] {
			m := regexp.MustCompile(re).FindStringIndex(l)
			if m == nil {
				t.Fatalf("%q does not match %s", l, re)
			}
			at = append(at, m[0])
		}
		return at
	}
	for _, re := range []string{` pages?`, `$`} {
		if at := starts(re); at[0] != at[1] || at[1] != at[2] {
			t.Errorf("column %s ends at %v:\n%s", re, at, stdout.String())
		}
	}
	if !strings.Contains(lines[1], " 1 page ") || !strings.Contains(lines[0], "12 pages") {
		t.Errorf("page counts:\n%s", stdout.String())
	}
	if want := "3 PDFs written (160.5 KB) in 5ms; 1 file failed; 2 PDFs failed"; lines[3] != want {
		t.Errorf("summary line %q, want %q", lines[3], want)
	}
}

func TestWarningsInALogAreOneLinePerKind(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	r := runCLI(t, nil, "build", "--out", out, "--primary-color", "#F5D90A", seed)
	if r.code != 0 {
		t.Fatal(r)
	}
	if !regexp.MustCompile(`(?m)^--primary-color: warning: primary-color #F5D90A .* the darker #[0-9A-F]{6} instead$`).MatchString(r.stderr) {
		t.Errorf("a CI log does not say which colour is used instead:\n%s", r.stderr)
	}
}

// A brand value that every build would fail on, or that would put a
// hostile link into every PDF, is caught by check, at its source.
func TestCheckCatchesBadContactDetails(t *testing.T) {
	t.Parallel()
	brandFile := filepath.Join(t.TempDir(), "brand.yaml")
	if err := os.WriteFile(brandFile, []byte("name: \"Riverbend\\nWellness\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"--website", "javascript://%0Aalert(1)"}, `--website: website "javascript://%0Aalert(1)" must be a web address starting https://`},
		{nil, []string{"--website", "https://"}, "has no host name"},
		{nil, []string{"--email", "mailto:@javascript:alert(1)"}, "is not an email address"},
		{nil, []string{"--clinic", "Riverbend\nWellness"}, "--clinic: clinic contains a line break"},
		{nil, []string{"--phone", "555\t0100"}, "--phone: phone contains a tab"},
		{map[string]string{"HANDOUTS_WEBSITE": "riverbend.example\n"}, nil, ""},
		{map[string]string{"HANDOUTS_EMAIL": "care@\nriverbend.example"}, nil, "$HANDOUTS_EMAIL: email contains a line break"},
		{nil, []string{"--brand", brandFile}, brandFile + ":1:7: name must be one line"},
	} {
		r := runCLI(t, tc.env, append(append([]string{"check", "-q"}, tc.args...), seed)...)
		if tc.want == "" { // a trailing newline is trimmed, as any space is
			if r.code != 0 {
				t.Errorf("%v %q: %s", tc.env, tc.args, r)
			}
			continue
		}
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v %q: want exit 1 and %q\n%s", tc.env, tc.args, tc.want, r)
		}
	}
}

func TestAFormatThatCannotBeMadeDoesNotHoldBackTheOthers(t *testing.T) {
	t.Parallel()
	const in = "handout/testdata/summary-too-long.yaml"
	out := t.TempDir()
	r := runCLI(t, nil, "build", "-q", "--out", out, in)
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s", r.code, r)
	}
	if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(in) + `:6:3: the summary does not fit`).MatchString(r.stderr) {
		t.Errorf("the summary's failure is not reported at its line\n%s", r)
	}
	if !regexp.MustCompile(`^2 PDFs written .*; 1 PDF failed`).MatchString(r.stdout) {
		t.Errorf("summary line: %q", r.stdout)
	}
	for _, kind := range []string{"guide", "faq"} {
		validatePDF(t, pdfPath(out, "summary-too-long", kind))
	}
}
