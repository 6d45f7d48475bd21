package main

// Issue 21, "CI and set-up": what a CI step and a new user meet first.

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// oneJSONObject decodes stdout as exactly one JSON object and nothing else.
func oneJSONObject(t *testing.T, r result) map[string]json.RawMessage {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, r)
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); err != io.EOF {
		t.Fatalf("stdout holds more than one JSON value (%v)\n%s", err, r)
	}
	for _, k := range []string{"written", "failed", "warnings", "errors"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("the JSON object has no %q\n%s", k, r)
		}
	}
	return obj
}

type jsonError struct {
	Pos *struct {
		File string `json:"file"`
		Line int    `json:"line"`
	} `json:"pos"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func TestBuildJSONIsAlwaysOneObject(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	badBrand := filepath.Join(dir, "brand.yaml")
	writeFile(t, badBrand, "name: X\ncolors:\n  primary: \"#zzz\"\n")
	aFile := filepath.Join(dir, "a-file")
	writeFile(t, aFile, "x")
	for _, tt := range []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		errorMsg string // a regular expression one of "errors" matches
	}{
		{"a brand error", nil, []string{"--brand", badBrand, seed}, 1, `primary-color: colour "#zzz"`},
		{"an unknown flag", nil, []string{"--colr", "red", seed}, 2, `unknown flag --colr`},
		{"an unknown flag before --json", nil, []string{"--bogus-flag", seed}, 2, `unknown flag --bogus-flag`},
		{"a bad value", nil, []string{"--jobs", "many", seed}, 2, `--jobs "many"`},
		{"a flag without its value", nil, []string{seed, "--paper"}, 2, `--paper needs a value`},
		{"--watch with --json", nil, []string{"--watch", seed}, 2, `cannot be combined with --json`},
		{"a missing file", nil, []string{filepath.Join(dir, "nope.yaml")}, 1, `no such file or folder`},
		{"--out is a file", nil, []string{"--out", aFile, seed}, 1, `is a file, not a folder`},
		{"a bad variable", map[string]string{"HANDOUTS_PAPER": "b5"}, []string{seed}, 2, `HANDOUTS_PAPER="b5"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"build", "--json"}, tt.args...)
			if tt.name == "an unknown flag before --json" {
				args = []string{"build", "--bogus-flag", "--json", seed}
			}
			r := runCLI(t, tt.env, args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tt.code, r)
			}
			obj := oneJSONObject(t, r)
			var errs []jsonError
			if err := json.Unmarshal(obj["errors"], &errs); err != nil {
				t.Fatal(err)
			}
			re := regexp.MustCompile(tt.errorMsg)
			found := false
			for _, e := range errs {
				found = found || (re.MatchString(e.Message) && e.Severity == "error")
			}
			if !found {
				t.Errorf("no error in the JSON matches %q\n%s", tt.errorMsg, r)
			}
		})
	}
	t.Run("HANDOUTS_JSON asks for it too", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, map[string]string{"HANDOUTS_JSON": "1"}, "build", "--outt", "x", seed)
		oneJSONObject(t, r)
	})
	t.Run("--json=false does not", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "build", "--json=false", "--jobs", "x", seed)
		if r.stdout != "" {
			t.Errorf("stdout %q, want nothing", r.stdout)
		}
	})
	t.Run("a good build has an empty errors list", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "build", "--json", "--out", t.TempDir(), seed)
		obj := oneJSONObject(t, r)
		if r.code != 0 || string(obj["errors"]) != "[]" {
			t.Errorf("exit %d, errors %s; want 0 and []", r.code, obj["errors"])
		}
	})
	t.Run("brand errors carry their position", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "build", "--json", "--brand", badBrand, seed)
		var errs []jsonError
		json.Unmarshal(oneJSONObject(t, r)["errors"], &errs)
		if len(errs) != 1 || errs[0].Pos == nil || errs[0].Pos.File != badBrand || errs[0].Pos.Line != 3 {
			t.Errorf("errors %+v, want one at %s:3", errs, badBrand)
		}
	})
}

// A brand's errors are listed from the top of the file down, as a person
// fixes them, whichever field finds each.
func TestBrandErrorsInLineOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "brand.yaml")
	writeFile(t, file, "name: X\ncolors:\n  primary: \"#zzzzzz\"\n  accent: \"#12\"\ncontact:\n  email: \"not-an-email\"\n  website: \"ftp://x\"\nlogo: missing.png\n")
	for _, args := range [][]string{{"build", "--out", t.TempDir()}, {"check"}} {
		cmd := args[0]
		r := runCLI(t, nil, append(args, "--brand", file, seed)...)
		lineOf := regexp.MustCompile(regexp.QuoteMeta(file) + `:(\d+):`)
		var lines []int
		for _, m := range lineOf.FindAllStringSubmatch(r.stderr, -1) {
			n, _ := strconv.Atoi(m[1])
			lines = append(lines, n)
		}
		if len(lines) != 5 {
			t.Fatalf("%s: %d brand errors, want 5\n%s", cmd, len(lines), r)
		}
		for i := 1; i < len(lines); i++ {
			if lines[i] < lines[i-1] {
				t.Errorf("%s: brand errors at lines %v, not in line order\n%s", cmd, lines, r.stderr)
				break
			}
		}
	}
}

func TestUnknownFlagNamedByAWordOfTheRightOne(t *testing.T) {
	t.Parallel()
	for flag, want := range map[string]string{
		"--color":  "did you mean --primary-color or --accent-color?",
		"--colour": "did you mean --primary-color or --accent-color?",
		"--outt":   "did you mean --out?",
	} {
		r := runCLI(t, nil, "build", flag, "x", seed)
		if r.code != 2 || !strings.Contains(r.stderr, want) {
			t.Errorf("build %s: %s\nwant exit 2 and %q", flag, r, want)
		}
	}
}

func TestWebsiteAtTheTopOfABrandFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "brand.yaml")
	writeFile(t, file, "name: X\nwebsite: https://x.example\nprimary: \"#1F5A7A\"\n")
	r := runCLI(t, nil, "build", "--out", t.TempDir(), "--brand", file, seed)
	for _, want := range []string{
		file + ":2:1: unknown key `website` in the brand file; it belongs under `contact:`, as `contact.website`",
		file + ":3:1: unknown key `primary` in the brand file; it belongs under `colors:`, as `colors.primary`",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("want %q\n%s", want, r)
		}
	}
}

// Run where there is no data/ folder, the first thing a new user may do,
// the program says what to do instead.
func TestNoDataFolderHere(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	for _, cmd := range []string{"build", "check"} {
		c := exec.Command(bin, cmd)
		c.Dir = t.TempDir()
		c.Env = append(os.Environ(), "HANDOUTS_OUT=")
		var stderr bytes.Buffer
		c.Stderr = &stderr
		err := c.Run()
		if err == nil {
			t.Fatalf("%s in an empty folder succeeded", cmd)
		}
		want := "no data/ folder here: run in your handouts folder, or name files: handouts build FILE.yaml; `handouts new NAME` starts one"
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: stderr %q, want %q", cmd, stderr.String(), want)
		}
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// bookkeeping reports whether name is one of the files a build keeps in
// an output folder beside the PDFs: the folder's lock and each file's
// manifest (never a temporary file or a commit record, which a finished
// build leaves none of).
func bookkeeping(name string) bool {
	return name == ".handouts.lock" || (strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".handouts"))
}

// readmeSection is the README's section under the heading title, up to the
// next heading of its level.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	readme := string(readFile(t, "README.md"))
	start := strings.Index(readme, "\n## "+title+"\n")
	if start < 0 {
		t.Fatalf("README has no section %q", title)
	}
	rest := readme[start+1:]
	if end := strings.Index(rest[3:], "\n## "); end >= 0 {
		rest = rest[:end+3]
	}
	return rest
}

// The quick start is the first thing a new user runs: its commands must
// work as written, one after another, in a fresh shell.
func TestQuickStartIsTrue(t *testing.T) {
	t.Parallel()
	qs := readmeSection(t, "Quick start")

	// One name for the program: either ./handouts after building it here,
	// or handouts once it is installed on PATH, not both.
	var commands []string
	inBlock := false
	for _, line := range strings.Split(qs, "\n") {
		if strings.HasPrefix(line, "```") {
			inBlock = !inBlock
			continue
		}
		if inBlock {
			commands = append(commands, strings.TrimSpace(line))
		}
	}
	var bare, local, onPath bool
	for _, c := range commands {
		switch {
		case strings.HasPrefix(c, "./handouts "):
			local = true
		case strings.HasPrefix(c, "handouts "):
			bare = true
		case strings.HasPrefix(c, "export PATH=") && strings.Contains(c, "$(go env GOPATH)/bin"):
			onPath = true
		}
	}
	if bare && local {
		t.Errorf("the quick start runs both ./handouts and handouts")
	}
	if bare && !onPath {
		t.Errorf("the quick start runs handouts without putting it on PATH")
	}

	// What go test downloads: every module only the tests use is named.
	list := func(args ...string) map[string]bool {
		out, err := exec.Command("go", append([]string{"list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}{{end}}{{end}}"}, append(args, "./...")...)...).Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		mods := map[string]bool{}
		for _, m := range strings.Fields(string(out)) {
			mods[m] = true
		}
		return mods
	}
	build, test := list(), list("-test")
	for m := range test {
		if build[m] {
			continue
		}
		name := m[strings.Index(m, "/")+1:] // chromedp/chromedp
		if !strings.Contains(qs, name) {
			t.Errorf("go test downloads %s, which the quick start does not name", m)
		}
	}
	if strings.Contains(qs, "needs no other module") {
		t.Errorf("the quick start says go test needs no other module")
	}

	// The first build's warnings are the ones the quick start explains.
	r := runCLI(t, nil, "build", "--out", t.TempDir())
	m := regexp.MustCompile(`; (\d+ warnings?) \(all of them: handouts check\)`).FindStringSubmatch(r.stdout)
	if m == nil {
		if r.code == 0 && !strings.Contains(r.stdout, "warning") {
			return // clean: nothing to explain
		}
		t.Fatalf("first build: %s", r)
	}
	if !strings.Contains(qs, m[1]+" (all of them:") {
		t.Errorf("the first build prints %q, and the quick start does not say so and why", m[1])
	}
}
