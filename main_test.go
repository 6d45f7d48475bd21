package main

// End-to-end tests of the command line. Every test drives run in-process,
// exactly as a shell would (args[0] = "handouts"), with a temporary --out
// folder and a fake environment, then reads the PDFs back with independent
// tools: poppler (pdfinfo, pdftotext, pdffonts, pdfimages) and qpdf.
// go test runs in the package folder, so the seed is data/group-therapy.yaml.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"handouts/internal/tooltest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"handouts/handout/brand"
)

const seed = "data/group-therapy.yaml"

func TestMain(m *testing.M) {
	// The program reads its variables through the env function run is
	// given; clear the real ones anyway, so that nothing that reads the
	// process environment directly can make a developer's shell change what
	// these tests see.
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "HANDOUTS_") || k == "SOURCE_DATE_EPOCH" {
			os.Unsetenv(k)
		}
	}
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// ---------------------------------------------------------------------------
// Helpers

var (
	binOnce sync.Once
	binDir  string
	binErr  error
)

// handoutsBinary builds the real program once for the tests that send it
// signals, however many ask.
func handoutsBinary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "handouts-bin-"); binErr != nil {
			return
		}
		if out, err := exec.Command("go", "build", "-o", filepath.Join(binDir, "handouts"), ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return filepath.Join(binDir, "handouts")
}

func requireTool(t *testing.T, name string) string {
	t.Helper()
	return tooltest.Require(t, name)
}

type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// runCLI runs the program in-process with only the variables in env. A panic
// fails the test with its stack instead of killing the test binary.
func runCLI(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runWith(t, env, &stdout, &stderr, args...)
	r := result{code, stdout.String(), stderr.String()}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Fatalf("handouts %s: looks like a panic:\n%s", strings.Join(args, " "), r)
	}
	return r
}

// runMu serialises calls to run: urfave/cli v2 mutates package globals
// (HelpFlag, VersionFlag, the help command) on every run, so two runs at once
// are a data race inside the library. The tests still run in parallel; only
// the program itself takes turns.
var runMu sync.Mutex

func runWith(t *testing.T, env map[string]string, stdout, stderr interface{ Write([]byte) (int, error) }, args ...string) (code int) {
	t.Helper()
	runMu.Lock()
	defer runMu.Unlock()
	lookup := func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("handouts %s panicked: %v\n%s", strings.Join(args, " "), p, debug.Stack())
		}
	}()
	return run(context.Background(), append([]string{"handouts"}, args...), stdout, stderr, lookup)
}

// build runs `handouts build --out <new temp dir> args...`, requires exit 0
// and returns the folder.
func build(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	out := t.TempDir()
	r := runCLI(t, env, append([]string{"build", "--out", out}, args...)...)
	if r.code != 0 {
		t.Fatalf("handouts build %s: %s", strings.Join(args, " "), r)
	}
	return out
}

func pdfPath(dir, name, kind string) string {
	return filepath.Join(dir, name+"-"+kind+".pdf")
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfs lists every PDF anywhere under dir.
func pdfs(t *testing.T, dir string) []string {
	t.Helper()
	var found []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pdf") {
			found = append(found, p)
		}
		return nil
	})
	return found
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	path := requireTool(t, name)
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), "TZ=UTC", "LC_ALL=C.UTF-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// pdfInfo is pdfinfo's "Key: value" lines, dates in ISO 8601.
func pdfInfo(t *testing.T, path string) map[string]string {
	t.Helper()
	info := map[string]string{}
	for _, line := range strings.Split(tool(t, "pdfinfo", "-isodates", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

func pageCount(t *testing.T, path string) int {
	t.Helper()
	n, err := strconv.Atoi(pdfInfo(t, path)["Pages"])
	if err != nil {
		t.Fatalf("pdfinfo %s: no page count: %v", path, err)
	}
	return n
}

var pageSizeLine = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// pageSizes is the size of every page, from pdfinfo.
func pageSizes(t *testing.T, path string) [][2]float64 {
	t.Helper()
	var sizes [][2]float64
	for _, m := range pageSizeLine.FindAllStringSubmatch(tool(t, "pdfinfo", "-f", "1", "-l", "9999", path), -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		h, _ := strconv.ParseFloat(m[3], 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}

var hyphenBreak = regexp.MustCompile(`-[ \t]*\n[ \t]*`)

// pdfText is the PDF's text with every run of white space collapsed to one
// space (and a line broken after a hyphen joined again). With layout it is
// `pdftotext -layout`; otherwise poppler's reading order, which keeps
// side-by-side columns apart.
func pdfText(t *testing.T, path string, layout bool) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if layout {
		args = append(args, "-layout")
	}
	text := tool(t, "pdftotext", append(args, path, "-")...)
	return collapse(hyphenBreak.ReplaceAllString(text, "-"))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// requireInOrder checks that each string occurs in text after the previous
// one (successive strings.Index from the end of the last match).
func requireInOrder(t *testing.T, what, text string, want []string) {
	t.Helper()
	at := 0
	text = untypeset(text)
	for i, w := range want {
		w = untypeset(collapse(w))
		j := strings.Index(text[at:], w)
		if j < 0 {
			prev := "the start"
			if i > 0 {
				prev = fmt.Sprintf("%q", want[i-1])
			}
			rest := text[at:]
			if len(rest) > 300 {
				rest = rest[:300] + "…"
			}
			t.Errorf("%s: %q not found after %s; the text from there is:\n%s", what, w, prev, rest)
			return
		}
		at += j + len(w)
	}
}

// untypeset undoes the typographic pass's substitutions (curly quotes, en
// dashes, no-break spaces; see format/typography.go), so text as written
// can be found in text as printed.
var untypeset = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-", "\u00a0", " ").Replace

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// validatePDF checks a file's syntax and structure with qpdf.
func validatePDF(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command(requireTool(t, "qpdf"), "--check", path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
}

// catalogLang is the document catalog's /Lang entry, or "" without one,
// read through qpdf's JSON view of the objects: a byte search could find a
// /Lang anywhere in the file.
func catalogLang(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(requireTool(t, "qpdf"), "--json=2", "--json-key=qpdf", path).Output()
	if err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"` // a header, then the objects
	}
	var objs map[string]struct {
		Value any `json:"value"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) != 2 {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	dict := func(key string) map[string]any { d, _ := objs[key].Value.(map[string]any); return d }
	root, _ := dict("trailer")["/Root"].(string)
	catalog := dict("obj:" + root)
	if catalog == nil {
		t.Fatalf("%s: no catalog (trailer /Root %q)", path, root)
	}
	lang, ok := catalog["/Lang"]
	if !ok {
		return ""
	}
	s, _ := lang.(string)
	text, ok := strings.CutPrefix(s, "u:") // qpdf writes text strings as u:…
	if !ok {
		t.Fatalf("%s: /Lang is %v, not a text string", path, lang)
	}
	return text
}

// contentStreams is every page's content stream, decompressed: qpdf's QDF
// form writes streams uncompressed, each page's content after a comment
// that names it.
func contentStreams(t *testing.T, path string) string {
	t.Helper()
	qdf, err := exec.Command(requireTool(t, "qpdf"), "--qdf", "--object-streams=disable", path, "-").Output()
	if err != nil {
		t.Fatalf("qpdf --qdf %s: %v", path, err)
	}
	var all strings.Builder
	for _, part := range strings.Split(string(qdf), "%% Contents for page")[1:] {
		_, rest, ok := strings.Cut(part, "stream\n")
		body, _, ok2 := strings.Cut(rest, "\nendstream")
		if !ok || !ok2 {
			t.Fatalf("%s: cannot find a page's content stream in qpdf's QDF output", path)
		}
		all.WriteString(body)
		all.WriteByte('\n')
	}
	// Guard the absence checks against an empty read.
	if !strings.Contains(all.String(), "BT") {
		t.Fatalf("%s: no text operators in the decoded page content; cannot check colours", path)
	}
	return all.String()
}

// fillOp is how fpdf sets a non-stroking RGB colour: "%.3f %.3f %.3f rg".
func fillOp(hex string) string {
	n, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil {
		panic(err)
	}
	r, g, b := float64(n>>16&0xff)/255, float64(n>>8&0xff)/255, float64(n&0xff)/255
	return fmt.Sprintf("%.3f %.3f %.3f rg", r, g, b)
}

// seedDoc is the part of the content file the text checks need, read with
// plain yaml.v3 so that the expectations do not come from the code under test.
type seedDoc struct {
	Title    string   `yaml:"title"`
	Subtitle string   `yaml:"subtitle"`
	Summary  []string `yaml:"summary"`
	Sections []struct {
		Heading string `yaml:"heading"`
		Brief   string `yaml:"brief"`
	} `yaml:"sections"`
	FAQ []struct {
		Q string `yaml:"q"`
		A string `yaml:"a"`
	} `yaml:"faq"`
	References []struct {
		PMID string `yaml:"pmid"`
	} `yaml:"references"`
}

func readSeed(t *testing.T) seedDoc {
	t.Helper()
	var d seedDoc
	if err := yaml.Unmarshal(readFile(t, seed), &d); err != nil {
		t.Fatal(err)
	}
	// The checks below are only as strong as the seed is full.
	if len(d.Summary) != 6 || len(d.Sections) < 5 || len(d.FAQ) < 4 || len(d.References) == 0 {
		t.Fatalf("the seed changed shape (%d bullets, %d sections, %d questions, %d references); update these tests",
			len(d.Summary), len(d.Sections), len(d.FAQ), len(d.References))
	}
	return d
}

// ---------------------------------------------------------------------------
// 1. The tool helper

// recorder stands in for *testing.T to observe requireTool's decision.
// ---------------------------------------------------------------------------
// 2. The seed

type jsonReport struct {
	Written []struct {
		Path   string `json:"path"`
		Source string `json:"source"`
		Format string `json:"format"`
		Pages  int    `json:"pages"`
		Bytes  int    `json:"bytes"`
	} `json:"written"`
	Failed   []json.RawMessage `json:"failed"`
	Warnings []json.RawMessage `json:"warnings"`
}

func TestSeedBuild(t *testing.T) {
	t.Parallel()
	d := readSeed(t)
	out := t.TempDir()
	r := runCLI(t, nil, "build", "--json", "--out", out, seed)
	if r.code != 0 {
		t.Fatalf("build: %s", r)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, r.stdout)
	}
	guide, summary, faq := pdfPath(out, "group-therapy", "guide"), pdfPath(out, "group-therapy", "summary"), pdfPath(out, "group-therapy", "faq")
	all := []string{guide, summary, faq}

	t.Run("writes all three PDFs and reports each in --json", func(t *testing.T) {
		if len(rep.Failed) != 0 || len(rep.Written) != 3 {
			t.Fatalf("want 3 written and none failed, got %s", r.stdout)
		}
		for i, kind := range []string{"guide", "summary", "faq"} {
			w := rep.Written[i]
			if w.Format != kind || w.Path != all[i] || w.Source != seed {
				t.Errorf("written[%d] = %+v, want format %s, path %s, source %s", i, w, kind, all[i], seed)
			}
			info, err := os.Stat(all[i])
			if err != nil {
				t.Fatalf("%s was reported but not written: %v", kind, err)
			}
			if int64(w.Bytes) != info.Size() {
				t.Errorf("%s: reported %d bytes, file has %d", kind, w.Bytes, info.Size())
			}
			if n := pageCount(t, all[i]); n != w.Pages {
				t.Errorf("%s: reported %d pages, pdfinfo counts %d", kind, w.Pages, n)
			}
		}
		if got := pdfs(t, out); len(got) != 3 {
			t.Errorf("want exactly 3 PDFs in --out, found %v", got)
		}
	})

	t.Run("page counts: summary one, guide four, faq one", func(t *testing.T) {
		// Observed at Letter, 13 pt body on a 72-character column: the
		// guide needs 4 pages (short version and "What it is" on page 1,
		// FAQ and references on pages 3-4); the FAQ's four answers leave
		// room on page 1 for the "Your questions" writing area (four lines
		// or more start on the current page). The spec asks summary == 1, guide and
		// faq >= 1; the exact numbers catch unintended layout changes; update
		// them with a note when a layout change is deliberate.
		for _, tt := range []struct {
			path string
			want int
		}{{summary, 1}, {guide, 4}, {faq, 1}} {
			if got := pageCount(t, tt.path); got != tt.want {
				t.Errorf("%s: %d pages, want %d", filepath.Base(tt.path), got, tt.want)
			}
		}
	})

	t.Run("guide reads title, short version, sections, FAQ, references in order", func(t *testing.T) {
		want := []string{d.Title, "The short version"}
		for _, b := range d.Summary {
			want = append(want, firstWords(b, 3))
		}
		for _, s := range d.Sections {
			want = append(want, s.Heading)
		}
		for _, q := range d.FAQ {
			want = append(want, q.Q)
		}
		want = append(want, "References", "PMID", d.References[0].PMID)
		requireInOrder(t, "guide", pdfText(t, guide, true), want)
	})

	t.Run("summary has the short version then each heading with its brief", func(t *testing.T) {
		// pdftotext -layout interleaves the heading column with the brief
		// column where a heading wraps ("How it pairs with / ketamine"), so
		// the summary is read in poppler's reading order, column by column.
		want := []string{d.Title, d.Subtitle, "The short version"}
		for _, b := range d.Summary {
			want = append(want, firstWords(b, 3))
		}
		briefs := 0
		for _, s := range d.Sections {
			if s.Brief != "" {
				want = append(want, s.Heading, s.Brief)
				briefs++
			}
		}
		if briefs == 0 {
			t.Fatal("the seed has no briefs")
		}
		requireInOrder(t, "summary", pdfText(t, summary, false), want)
	})

	t.Run("faq has every question and answer then room for the patient's questions", func(t *testing.T) {
		want := []string{d.Title}
		for _, q := range d.FAQ {
			want = append(want, q.Q, firstWords(q.A, 4))
		}
		want = append(want, "Your questions")
		requireInOrder(t, "faq", pdfText(t, faq, true), want)
	})

	t.Run("every font is an embedded subset of Atkinson Hyperlegible in WinAnsi", func(t *testing.T) {
		for _, p := range all {
			requireFonts(t, p, "AtkinsonHyperlegible", "WinAnsi")
		}
	})

	t.Run("metadata: title, no author without a brand, creator, language", func(t *testing.T) {
		for _, p := range all {
			info := pdfInfo(t, p)
			if !strings.HasPrefix(info["Title"], d.Title) {
				t.Errorf("%s: Title %q, want it to start with %q", filepath.Base(p), info["Title"], d.Title)
			}
			if info["Author"] != "" {
				t.Errorf("%s: Author %q with no brand, want none", filepath.Base(p), info["Author"])
			}
			if !strings.Contains(info["Creator"], "handouts") || !strings.Contains(info["Creator"], version) {
				t.Errorf("%s: Creator %q, want handouts %s", filepath.Base(p), info["Creator"], version)
			}
			// The catalog is read structurally through qpdf: a byte search
			// for "/Lang (en)" would depend on the writer not compressing
			// the catalog into an object stream.
			if lang := catalogLang(t, p); lang != "en" {
				t.Errorf("%s: catalog /Lang %q, want en", filepath.Base(p), lang)
			}
		}
		if got := pdfInfo(t, guide)["Title"]; got != d.Title {
			t.Errorf("guide Title %q, want exactly %q", got, d.Title)
		}
	})

	t.Run("pages are US Letter by default", func(t *testing.T) {
		for _, p := range all {
			requirePageSize(t, p, 612, 792)
		}
	})
}

// requireFonts checks with pdffonts that every font of the PDF is embedded
// as a subset of family, in one of the encodings given, with a ToUnicode
// map. The seed is all Windows-1252 text, so its fonts use the standard
// WinAnsiEncoding.
func requireFonts(t *testing.T, path, family string, encodings ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")
	if len(lines) < 3 {
		t.Errorf("%s: pdffonts lists no fonts:\n%s", filepath.Base(path), strings.Join(lines, "\n"))
		return
	}
	for _, line := range lines[2:] {
		// name type encoding emb sub uni objnum gen
		f := strings.Fields(line)
		if len(f) != 8 {
			t.Errorf("%s: cannot read pdffonts line %q", filepath.Base(path), line)
			continue
		}
		name, typ, enc, emb, sub, uni := f[0], f[1], f[2], f[3], f[4], f[5]
		if uni != "yes" {
			t.Errorf("%s: font %s has no ToUnicode map (pdffonts: uni %s); PDF/UA needs one on every font", filepath.Base(path), name, uni)
		}
		if typ != "TrueType" || emb != "yes" || sub != "yes" || !slices.Contains(encodings, enc) {
			t.Errorf("%s: font %s: type %s, encoding %s, embedded %s, subset %s; want an embedded TrueType subset in %v", filepath.Base(path), name, typ, enc, emb, sub, encodings)
		}
		if tag, rest, ok := strings.Cut(name, "+"); !ok || len(tag) != 6 || !strings.HasPrefix(rest, family+"-") {
			t.Errorf("%s: font %s, want a subset tag and %s", filepath.Base(path), name, family)
		}
	}
}

// Text outside Windows-1252 goes into further fonts with glyph names;
// a reader must get back exactly the characters written, in order.
func TestTextBeyondWindows1252(t *testing.T) {
	t.Parallel()
	const line = "Łódź, Kraków and Dvořák: Zażółć gęślą jaźń ≥ 5 — “Ærø”"
	src := bytes.Replace(readFile(t, seed), []byte("Group therapy is a form of psychotherapy"), []byte(line+" Group therapy is a form of psychotherapy"), 1)
	src = bytes.Replace(src, []byte("heading: What it is"), []byte("heading: What it is in Łódź"), 1)
	in := filepath.Join(t.TempDir(), "polish.yaml")
	if err := os.WriteFile(in, src, 0o644); err != nil {
		t.Fatal(err)
	}
	out := build(t, nil, "--format", "guide", in)
	guide := pdfPath(out, "polish", "guide")
	requireFonts(t, guide, "AtkinsonHyperlegible", "WinAnsi", "Custom")
	requireInOrder(t, "guide", pdfText(t, guide, false), []string{"What it is in Łódź", line, "Group therapy is a form"})
	// Bookmarks are text strings of their own, not drawn in a font.
	var outlines struct{ Outlines []struct{ Title string } }
	if err := json.Unmarshal([]byte(tool(t, "qpdf", "--json", "--json-key=outlines", guide)), &outlines); err != nil {
		t.Fatal(err)
	}
	if len(outlines.Outlines) == 0 || outlines.Outlines[0].Title != "What it is in Łódź" {
		t.Errorf("bookmarks %+v, want the first to be %q", outlines.Outlines, "What it is in Łódź")
	}
	if fonts := tool(t, "pdffonts", guide); !strings.Contains(fonts, "Custom") {
		t.Errorf("no font with a custom encoding for the characters outside Windows-1252:\n%s", fonts)
	}
	validatePDF(t, guide)
}

func requirePageSize(t *testing.T, path string, w, h float64) {
	t.Helper()
	sizes := pageSizes(t, path)
	if n := pageCount(t, path); len(sizes) != n {
		t.Fatalf("%s: pdfinfo gave %d page sizes for %d pages", filepath.Base(path), len(sizes), n)
	}
	for i, s := range sizes {
		if d := s[0] - w; d < -0.5 || d > 0.5 {
			t.Errorf("%s page %d: %.2f x %.2f pt, want %.2f x %.2f", filepath.Base(path), i+1, s[0], s[1], w, h)
		} else if d := s[1] - h; d < -0.5 || d > 0.5 {
			t.Errorf("%s page %d: %.2f x %.2f pt, want %.2f x %.2f", filepath.Base(path), i+1, s[0], s[1], w, h)
		}
	}
}

func TestPaperA4(t *testing.T) {
	t.Parallel()
	out := build(t, nil, "--paper", "a4", seed)
	for _, kind := range []string{"guide", "summary", "faq"} {
		requirePageSize(t, pdfPath(out, "group-therapy", kind), 595.28, 841.89)
	}
	if n := pageCount(t, pdfPath(out, "group-therapy", "summary")); n != 1 {
		t.Errorf("A4 summary has %d pages, want 1", n)
	}
}

// ---------------------------------------------------------------------------
// 3. Validity

func TestEveryOutputValidates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"default letter", nil, []string{seed}},
		{"a4", nil, []string{"--paper", "a4", seed}},
		{"large print", nil, []string{"--large-print", seed}},
		{"brand file with logo and QR code", nil, []string{"--brand", "data/brand/brand.yaml", seed}},
		{"brand from flags and environment", map[string]string{"HANDOUTS_PHONE": "(555) 010-0100"},
			[]string{"--clinic", "X", "--primary-color", "#8B1E3F", "--website", "https://x.example", seed}},
		{"minimal fixture", nil, []string{"testdata/minimal.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := build(t, tt.env, tt.args...)
			files := pdfs(t, out)
			if len(files) == 0 {
				t.Fatal("no PDFs written")
			}
			for _, p := range files {
				validatePDF(t, p)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// 4. Reproducibility

// sameFiles requires the two folders to hold the same PDFs, byte for byte.
func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := pdfs(t, a), pdfs(t, b)
	if len(fa) == 0 || len(fa) != len(fb) {
		t.Fatalf("%d PDFs in one build, %d in the other", len(fa), len(fb))
	}
	for _, p := range fa {
		rel, _ := filepath.Rel(a, p)
		if !bytes.Equal(readFile(t, p), readFile(t, filepath.Join(b, rel))) {
			t.Errorf("%s differs between the two builds", rel)
		}
	}
}

func TestReproducible(t *testing.T) {
	t.Parallel()
	t.Run("two builds of the seed are byte-identical", func(t *testing.T) {
		t.Parallel()
		sameFiles(t, build(t, nil, seed), build(t, nil, seed))
	})

	t.Run("without SOURCE_DATE_EPOCH the review date dates the PDF", func(t *testing.T) {
		t.Parallel()
		out := build(t, nil, seed)
		for _, kind := range []string{"guide", "summary", "faq"} {
			info := pdfInfo(t, pdfPath(out, "group-therapy", kind))
			if !strings.HasPrefix(info["CreationDate"], "2026-11-01") {
				t.Errorf("%s: CreationDate %q, want the seed's reviewed date 2026-11-01", kind, info["CreationDate"])
			}
		}
	})

	t.Run("SOURCE_DATE_EPOCH gives identical builds dated 2023-11-14", func(t *testing.T) {
		t.Parallel()
		env := map[string]string{"SOURCE_DATE_EPOCH": "1700000000"}
		a, b := build(t, env, seed), build(t, env, seed)
		sameFiles(t, a, b)
		for _, kind := range []string{"guide", "summary", "faq"} {
			info := pdfInfo(t, pdfPath(a, "group-therapy", kind))
			for _, key := range []string{"CreationDate", "ModDate"} {
				if !strings.HasPrefix(info[key], "2023-11-14") {
					t.Errorf("%s: %s %q, want 2023-11-14 (SOURCE_DATE_EPOCH=1700000000)", kind, key, info[key])
				}
			}
		}
		// And the date really is the variable's: it differs from a build
		// without it.
		if bytes.Equal(readFile(t, pdfPath(a, "group-therapy", "guide")), readFile(t, pdfPath(build(t, nil, seed), "group-therapy", "guide"))) {
			t.Error("SOURCE_DATE_EPOCH made no difference to the guide")
		}
	})

	t.Run("bad SOURCE_DATE_EPOCH is a usage error", func(t *testing.T) {
		t.Parallel()
		out := t.TempDir()
		// A negative value, or one past the year 9999, would write a
		// malformed PDF date.
		for _, v := range []string{"yesterday", "-1", "253402300800", "99999999999999"} {
			r := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": v}, "build", "--out", out, seed)
			if r.code != 2 || !strings.Contains(r.stderr, "SOURCE_DATE_EPOCH=\""+v+"\"") {
				t.Errorf("%s: want exit 2 naming SOURCE_DATE_EPOCH and its value, got %s", v, r)
			}
			if got := pdfs(t, out); len(got) != 0 {
				t.Errorf("%s: PDFs written: %v", v, got)
			}
		}
		// The last second of 9999 is still a date a PDF can hold.
		r := runCLI(t, map[string]string{"SOURCE_DATE_EPOCH": "253402300799"}, "build", "--format", "summary", "--out", out, seed)
		if r.code != 0 {
			t.Errorf("SOURCE_DATE_EPOCH=253402300799: %s", r)
		} else if info := pdfInfo(t, filepath.Join(out, "group-therapy-summary.pdf")); !strings.Contains(info["CreationDate"], "9999") {
			t.Errorf("CreationDate %q, want the year 9999", info["CreationDate"])
		}
	})

	t.Run("six copies build identically with --jobs 1 and --jobs 2", func(t *testing.T) {
		t.Parallel()
		in := t.TempDir()
		src := readFile(t, seed)
		for i := 1; i <= 6; i++ {
			if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("copy-%d.yaml", i)), src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		seq, par := build(t, nil, "--jobs", "1", in), build(t, nil, "--jobs", "2", in)
		if n := len(pdfs(t, seq)); n != 18 {
			t.Fatalf("want 18 PDFs from 6 copies, got %d", n)
		}
		sameFiles(t, seq, par)
	})
}

// ---------------------------------------------------------------------------
// 5. Branding

func TestBrandFromFlags(t *testing.T) {
	t.Parallel()
	// The clinic name is a bare "X": first make sure the unbranded guide has
	// no word X, so finding one proves the flag printed it.
	word := regexp.MustCompile(`\bX\b`)
	plain := build(t, nil, "--format", "guide", seed)
	if word.MatchString(pdfText(t, pdfPath(plain, "group-therapy", "guide"), true)) {
		t.Fatal("the unbranded guide already contains the word X; pick another clinic name")
	}
	if strings.Contains(contentStreams(t, pdfPath(plain, "group-therapy", "guide")), fillOp("#8B1E3F")) {
		t.Fatal("the unbranded guide already uses the test colour")
	}

	out := build(t, nil, "--clinic", "X", "--primary-color", "#8B1E3F", seed)
	for _, kind := range []string{"guide", "summary", "faq"} {
		p := pdfPath(out, "group-therapy", kind)
		if !word.MatchString(pdfText(t, p, true)) {
			t.Errorf("%s: clinic name X is not printed", kind)
		}
		if a := pdfInfo(t, p)["Author"]; a != "X" {
			t.Errorf("%s: Author %q, want the clinic X", kind, a)
		}
		if op := fillOp("#8B1E3F"); op != "0.545 0.118 0.247 rg" {
			t.Fatalf("fillOp(#8B1E3F) = %q", op)
		} else if !strings.Contains(contentStreams(t, p), op) {
			t.Errorf("%s: no %q in the page content: the primary colour is not used", kind, op)
		}
	}
}

func TestBrandPrecedence(t *testing.T) {
	t.Parallel()
	const (
		flagName, envName, fileName    = "Flagstaff Clinic", "Envoy Clinic", "Filey Clinic"
		flagColor, envColor, fileColor = "#8B1E3F", "#1E6B3F", "#3F1E8B"
	)
	defaultColor := brand.DefaultPrimary.String()
	brandFile := filepath.Join(t.TempDir(), "brand.yaml")
	err := os.WriteFile(brandFile, []byte("name: "+fileName+"\ncolors:\n  primary: \""+fileColor+"\"\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{flagName, envName, fileName}
	colors := []string{flagColor, envColor, fileColor, defaultColor}

	tests := []struct {
		name              string
		flags, file, env  bool
		wantName, wantCol string
	}{
		{"flag beats environment and brand file", true, true, true, flagName, flagColor},
		{"flag beats brand file", true, true, false, flagName, flagColor},
		{"environment beats brand file", false, true, true, envName, envColor},
		{"brand file beats default", false, true, false, fileName, fileColor},
		{"default prints no clinic name", false, false, false, "", defaultColor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := []string{"--format", "guide"}
			env := map[string]string{}
			if tt.flags {
				args = append(args, "--clinic", flagName, "--primary-color", flagColor)
			}
			if tt.file {
				args = append(args, "--brand", brandFile)
			}
			if tt.env {
				env["HANDOUTS_CLINIC"] = envName
				env["HANDOUTS_PRIMARY_COLOR"] = envColor
			}
			p := pdfPath(build(t, env, append(args, seed)...), "group-therapy", "guide")
			text, content := pdfText(t, p, true), contentStreams(t, p)

			if a := pdfInfo(t, p)["Author"]; a != tt.wantName {
				t.Errorf("Author %q, want %q", a, tt.wantName)
			}
			for _, n := range names {
				if got, want := strings.Contains(text, n), n == tt.wantName; got != want {
					t.Errorf("clinic %q printed: %v, want %v", n, got, want)
				}
			}
			for _, c := range colors {
				if got, want := strings.Contains(content, fillOp(c)), c == tt.wantCol; got != want {
					t.Errorf("colour %s (%q) used: %v, want %v", c, fillOp(c), got, want)
				}
			}
		})
	}
}

// images counts the images pdfimages lists (not their soft masks).
func images(t *testing.T, path string) int {
	t.Helper()
	n := 0
	for _, line := range strings.Split(tool(t, "pdfimages", "-list", path), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[2] == "image" {
			n++
		}
	}
	return n
}

func TestBrandFile(t *testing.T) {
	t.Parallel()
	const clinic = "Riverbend Wellness Clinic"

	// The file names its logo relative to itself (riverbend-logo.png).
	byFlag := build(t, nil, "--brand", "data/brand/brand.yaml", seed)
	t.Run("--brand with a relative logo path prints name and logo", func(t *testing.T) {
		p := pdfPath(byFlag, "group-therapy", "guide")
		if n := images(t, p); n != 1 {
			t.Errorf("pdfimages lists %d images in the guide, want the logo once", n)
		}
		if a := pdfInfo(t, p)["Author"]; a != clinic {
			t.Errorf("Author %q, want %q", a, clinic)
		}
		if !strings.Contains(pdfText(t, p, true), clinic) {
			t.Errorf("clinic name not printed")
		}
	})

	t.Run("HANDOUTS_BRAND gives the same PDFs as --brand", func(t *testing.T) {
		sameFiles(t, byFlag, build(t, map[string]string{"HANDOUTS_BRAND": "data/brand/brand.yaml"}, seed))
	})

	t.Run("--brand beats HANDOUTS_BRAND", func(t *testing.T) {
		env := map[string]string{"HANDOUTS_BRAND": "testdata/brand/bad-colour.yaml"}
		sameFiles(t, byFlag, build(t, env, "--brand", "data/brand/brand.yaml", seed))
	})
}

func TestBadBrand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // in stderr
	}{
		{"bad --primary-color names the flag", nil, []string{"--primary-color", "#8B1E3"}, "--primary-color"},
		{"bad HANDOUTS_PRIMARY_COLOR names the variable", map[string]string{"HANDOUTS_PRIMARY_COLOR": "maroon-ish"}, nil, "$HANDOUTS_PRIMARY_COLOR"},
		{"bad colour in a brand file gives file:line:col", nil, []string{"--brand", "testdata/brand/bad-colour.yaml"}, "testdata/brand/bad-colour.yaml:3:12:"},
		{"missing brand file", nil, []string{"--brand", "testdata/brand/none.yaml"}, "testdata/brand/none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			r := runCLI(t, tt.env, append(append([]string{"build", "--out", out}, tt.args...), seed)...)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("want exit 1 and %q in stderr, got %s", tt.want, r)
			}
			if got := pdfs(t, out); len(got) != 0 {
				t.Errorf("PDFs written despite the bad brand: %v", got)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// 6. Bad input

func TestBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     func(dir string) []string // dir is an empty temp folder
		wantCode int
		want     []string // regular expressions stderr must match
	}{
		{"missing content folder", func(dir string) []string { return []string{filepath.Join(dir, "data")} },
			1, []string{`data: no such file or folder`}},
		{"folder with no yaml files", func(dir string) []string { return []string{dir} },
			1, []string{`no \.yaml handouts in this folder`}},
		{"empty file is reported at 1:1", func(string) []string { return []string{"testdata/bad/empty.yaml"} },
			1, []string{`testdata/bad/empty\.yaml:1:1: .*empty`}},
		{"YAML syntax error has file:line:col", func(string) []string { return []string{"testdata/bad/syntax.yaml"} },
			1, []string{`testdata/bad/syntax\.yaml:7:\d+: .*(?i:yaml)`}},
		{"unknown key suggests the right one", func(string) []string { return []string{"testdata/bad/unknown-key.yaml"} },
			1, []string{"testdata/bad/unknown-key\\.yaml:6:5: .*`haeding`.*did you mean `heading`"}},
		{"emoji is named with its code point and place", func(string) []string { return []string{"testdata/bad/emoji.yaml"} },
			1, []string{`testdata/bad/emoji\.yaml:4:45: .*U\+1F600`}},
		{"--format faq for a file without faq", func(string) []string { return []string{"--format", "faq", "testdata/no-faq.yaml"} },
			1, []string{`no-faq\.yaml: .*no faq`}},
		{"unknown --format is a usage error", func(string) []string { return []string{"--format", "bogus", seed} },
			2, []string{`--format "bogus"`}},
		{"unknown --paper is a usage error", func(string) []string { return []string{"--paper", "b5", seed} },
			2, []string{`--paper "b5"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir, out := t.TempDir(), t.TempDir()
			r := runCLI(t, nil, append([]string{"build", "--out", out}, tt.args(dir)...)...)
			requireFailure(t, r, tt.wantCode, tt.want, out)
		})
	}

	t.Run("--out below a regular file", func(t *testing.T) {
		t.Parallel()
		// Tests run as root, so an unwritable folder cannot be made with
		// chmod; a folder whose parent is a file cannot be made by anyone.
		dir := t.TempDir()
		file := filepath.Join(dir, "not-a-folder")
		if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, nil, "build", "--out", filepath.Join(file, "out"), seed)
		requireFailure(t, r, 1, []string{`not-a-folder/out: .*not a directory`}, dir)
	})
}

// requireFailure checks the exit code and stderr, and that no PDF was written.
func requireFailure(t *testing.T, r result, code int, want []string, out string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\n%s", r.code, code, r)
	}
	if strings.TrimSpace(r.stderr) == "" {
		t.Errorf("no message on stderr\n%s", r)
	}
	for _, w := range want {
		if !regexp.MustCompile(w).MatchString(r.stderr) {
			t.Errorf("stderr does not match %q\n%s", w, r)
		}
	}
	if got := pdfs(t, out); len(got) != 0 {
		t.Errorf("PDFs written: %v", got)
	}
}

func TestHugeContentFile(t *testing.T) {
	t.Parallel()
	// A handout of a few megabytes (the seed with one enormous section)
	// builds, in time roughly linear in its size; one over the 8 MB limit
	// is refused at once with a clear message and no PDFs.
	src := readFile(t, seed)
	huge := func(size int) string {
		var big bytes.Buffer
		i := bytes.Index(src, []byte("\nfaq:"))
		big.Write(src[:i])
		big.WriteString("\n  - heading: A very long section\n    body: |\n")
		para := strings.Repeat("Group therapy is a form of psychotherapy in which a small group of people meets regularly. ", 4)
		for big.Len() < size {
			big.WriteString("      " + para + "\n\n")
		}
		big.Write(src[i:])
		in := filepath.Join(t.TempDir(), "huge.yaml")
		if err := os.WriteFile(in, big.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return in
	}

	out := t.TempDir()
	// Linear time is held by the packages' own growth tests; here the
	// point is that a 2 MB file builds and a 9 MB one is refused.
	r := runCLI(t, nil, "build", "--out", out, huge(2<<20))
	if r.code != 0 || len(pdfs(t, out)) != 3 {
		t.Fatalf("2 MB handout: exit %d, %d PDFs, stderr:\n%s", r.code, len(pdfs(t, out)), r.stderr)
	}

	out = t.TempDir()
	r = runCLI(t, nil, "build", "--out", out, huge(9<<20))
	requireFailure(t, r, 1, []string{`huge\.yaml: is 9\.\d MB; a handout file should be far smaller \(limit 8 MB\)`}, out)
}

func TestFailedRebuildKeepsOldPDFs(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "atomic.yaml")
	good := readFile(t, seed)
	if err := os.WriteFile(in, good, 0o644); err != nil {
		t.Fatal(err)
	}
	out := build(t, nil, in)
	before := map[string][]byte{}
	for _, p := range pdfs(t, out) {
		before[p] = readFile(t, p)
	}
	if len(before) != 3 {
		t.Fatalf("first build wrote %d PDFs, want 3", len(before))
	}

	broken := bytes.Replace(good, []byte("  - heading: What it is"), []byte("  - haeding: What it is"), 1)
	if err := os.WriteFile(in, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "build", "--out", out, in)
	if r.code != 1 || !strings.Contains(r.stderr, "haeding") {
		t.Errorf("rebuild of a broken file: want exit 1 naming `haeding`, got %s", r)
	}
	for p, b := range before {
		if !bytes.Equal(readFile(t, p), b) {
			t.Errorf("%s changed although the rebuild failed", filepath.Base(p))
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	pdfs := 0
	for _, e := range entries {
		switch {
		case strings.HasSuffix(e.Name(), ".pdf"):
			pdfs++
		case !bookkeeping(e.Name()):
			t.Errorf("left behind in --out: %s", e.Name())
		}
	}
	if pdfs != 3 {
		t.Errorf("%d PDFs in --out, want the 3 old ones", pdfs)
	}
}

func TestOneBrokenFileDoesNotStopTheOthers(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	r := runCLI(t, nil, "build", "--out", out, seed, "testdata/bad/unknown-key.yaml")
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%s", r.code, r)
	}
	if !strings.Contains(r.stderr, "testdata/bad/unknown-key.yaml:6:5:") {
		t.Errorf("the broken file's error is not reported\n%s", r)
	}
	for _, kind := range []string{"guide", "summary", "faq"} {
		validatePDF(t, pdfPath(out, "group-therapy", kind))
	}
	if got := pdfs(t, out); len(got) != 3 {
		t.Errorf("want only the good file's 3 PDFs, got %v", got)
	}
	if !regexp.MustCompile(`^3 PDFs written .*; 1 file failed; \d+ warnings`).MatchString(r.stdout) {
		t.Errorf("summary line: %q", r.stdout)
	}
}

// ---------------------------------------------------------------------------
// Output modes

func TestOutputIsOneSummaryLineWhenNotATerminal(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	r := runCLI(t, nil, "build", "--out", out, seed)
	if r.code != 0 {
		t.Fatal(r)
	}
	line := regexp.MustCompile(`^3 PDFs written \([\d.]+ KB\) in \S+; (\d+) warnings \(all of them: handouts check\)\n$`)
	m := line.FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("stdout is not one summary line: %q", r.stdout)
	}
	// stderr: one line per kind of warning, the first of each in full and
	// a count of the others, adding up to the total.
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	kind := regexp.MustCompile(`^` + regexp.QuoteMeta(seed) + `:\d+:\d+: warning: .*?( \(and (\d+) more like it\))?$`)
	total := 0
	for _, l := range lines {
		k := kind.FindStringSubmatch(l)
		if k == nil {
			t.Errorf("stderr line is not a warning: %q", l)
			continue
		}
		n, _ := strconv.Atoi(k[2])
		total += 1 + n
	}
	if want, _ := strconv.Atoi(m[1]); total != want || len(lines) >= want {
		t.Errorf("%d warning lines standing for %d warnings; want fewer lines than the %d warnings, adding up to them\n%s", len(lines), total, want, r.stderr)
	}
	if !strings.Contains(r.stderr, "split sentences longer than 25 words (and ") {
		t.Errorf("the long sentences are not one line with a count:\n%s", r.stderr)
	}
}

func TestStdoutToDevNullIsNotATerminal(t *testing.T) {
	t.Parallel()
	// /dev/null is a character device, like a terminal; `handouts build
	// >/dev/null` must not draw a progress bar or list warnings on stderr.
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer devnull.Close()
	var stderr bytes.Buffer
	out := t.TempDir()
	if code := runWith(t, nil, devnull, &stderr, "build", "--out", out, seed); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "\r") || strings.Contains(stderr.String(), "[#") {
		t.Errorf("progress bar with stdout on /dev/null: %q", stderr.String())
	}
	if !strings.Contains(stderr.String(), "more like it)") {
		t.Errorf("warnings on stderr are not one line per kind with stdout on /dev/null: %q", stderr.String())
	}
}

// ---------------------------------------------------------------------------
// 7. check

type checkJSON struct {
	Files      int    `json:"files"`
	Errors     int    `json:"errors"`
	Warnings   int    `json:"warnings"`
	Notes      int    `json:"notes"`
	Brand      string `json:"brand"`
	Paper      string `json:"paper"`
	LargePrint bool   `json:"large_print"`
	Findings   []struct {
		Pos struct {
			File   string `json:"file"`
			Line   *int   `json:"line"`
			Column *int   `json:"column"`
		} `json:"pos"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	} `json:"findings"`
	ReadingLevels []struct {
		File     string            `json:"file"`
		Pos      map[string]any    `json:"pos"`
		Formula  string            `json:"formula"`
		Score    float64           `json:"score"`
		TooHard  bool              `json:"too_hard"`
		Level    string            `json:"level"`
		Target   string            `json:"target"`
		Sections []json.RawMessage `json:"sections"`
	} `json:"reading_levels"`
}

func TestCheck(t *testing.T) {
	t.Parallel()
	t.Run("seed has warnings only and exits 0", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "check", seed)
		if r.code != 0 {
			t.Fatalf("exit %d, want 0\n%s", r.code, r)
		}
		if !regexp.MustCompile(`^1 file checked with no brand, letter, regular print: 0 errors, [1-9]\d* warnings?, \d+ notes?\n$`).MatchString(r.stdout) {
			t.Errorf("stdout is not the line `1 file checked with no brand, letter, regular print: 0 errors, N warnings, N notes`:\n%s", r.stdout)
		}
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(seed) + `:\d+:\d+: warning: `).MatchString(r.stderr) {
			t.Errorf("warnings are not file:line:col: warning: … on stderr\n%s", r)
		}
	})

	t.Run("--strict fails on warnings", func(t *testing.T) {
		t.Parallel()
		if r := runCLI(t, nil, "check", "--strict", seed); r.code != 1 {
			t.Errorf("exit %d, want 1\n%s", r.code, r)
		}
	})

	t.Run("--json findings have file, line, column, severity and message", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "check", "--json", seed)
		if r.code != 0 {
			t.Fatal(r)
		}
		var got checkJSON
		dec := json.NewDecoder(strings.NewReader(r.stdout))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("--json output: %v\n%s", err, r.stdout)
		}
		if got.Files != 1 || got.Errors != 0 || got.Warnings == 0 || len(got.Findings) != got.Warnings+got.Notes {
			t.Errorf("files=%d errors=%d warnings=%d notes=%d findings=%d, want 1, 0, >0, =warnings+notes", got.Files, got.Errors, got.Warnings, got.Notes, len(got.Findings))
		}
		for i, f := range got.Findings {
			if f.Pos.File != seed || f.Pos.Line == nil || *f.Pos.Line < 1 || f.Pos.Column == nil || *f.Pos.Column < 1 ||
				(f.Severity != "warning" && f.Severity != "note") || f.Message == "" {
				t.Errorf("finding %d is incomplete: %+v", i, f)
			}
		}
	})

	t.Run("broken file exits 1 with file:line:col", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "check", "testdata/bad/unknown-key.yaml")
		if r.code != 1 {
			t.Errorf("exit %d, want 1", r.code)
		}
		if !regexp.MustCompile("(?m)^testdata/bad/unknown-key\\.yaml:6:5: unknown key `haeding`").MatchString(r.stderr) {
			t.Errorf("no file:line:col error line\n%s", r)
		}
	})

	t.Run("a folder reports every broken file in one run", func(t *testing.T) {
		t.Parallel()
		r := runCLI(t, nil, "check", "testdata/bad")
		if r.code != 1 {
			t.Errorf("exit %d, want 1", r.code)
		}
		for _, f := range []string{"empty", "emoji", "syntax", "unknown-key"} {
			if !regexp.MustCompile(`(?m)^testdata/bad/` + f + `\.yaml:\d+:\d+: `).MatchString(r.stderr) {
				t.Errorf("no finding for %s.yaml\n%s", f, r)
			}
		}
	})
}

// ---------------------------------------------------------------------------
// 8. Help and version

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"check", "--help"}} {
		t.Run(strings.Join(args, " ")+" shows examples", func(t *testing.T) {
			r := runCLI(t, nil, args...)
			if r.code != 0 || !strings.Contains(r.stdout, "Examples") {
				t.Errorf("want exit 0 and Examples on stdout, got %s", r)
			}
		})
	}
	t.Run("--version prints the version", func(t *testing.T) {
		r := runCLI(t, nil, "--version")
		if r.code != 0 || !strings.Contains(r.stdout, version) {
			t.Errorf("want exit 0 and %s, got %s", version, r)
		}
	})
	t.Run("unknown command is a usage error", func(t *testing.T) {
		r := runCLI(t, nil, "bulid")
		if r.code != 2 {
			t.Errorf("want exit 2, got %s", r)
		}
	})
}

func TestUnknownCommand(t *testing.T) {
	r := runCLI(t, nil, "bulid")
	if r.code != 2 || !strings.Contains(r.stderr, "did you mean `build`") {
		t.Errorf("bulid: exit %d, stderr %q; want exit 2 and a suggestion", r.code, r.stderr)
	}
	r = runCLI(t, nil, "frobnicate")
	if r.code != 2 || !strings.Contains(r.stderr, "use new, build, check or serve") {
		t.Errorf("frobnicate: exit %d, stderr %q", r.code, r.stderr)
	}
}

// structText is `pdfinfo -struct-text` (the structure tree in reading
// order, with each element's text) on one line: each element as "| Type"
// and its own text.
func structText(t *testing.T, path string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(tool(t, "pdfinfo", "-struct-text", path), "\n") {
		s := strings.TrimSpace(line)
		switch {
		case s == "" || strings.HasPrefix(s, "/"):
		case strings.HasPrefix(s, `"`):
			b.WriteString(" " + strings.TrimSpace(strings.Trim(s, `"`)))
		default:
			b.WriteString(" | " + strings.TrimSuffix(strings.Fields(s)[0], ":"))
		}
	}
	return collapse(b.String())
}

// Each format's structure tree, as poppler reads it, holds the handout in
// reading order with the right elements, the clinic's name and tagline
// from the band first: the artifacts (the band's colour, footer, page
// numbers) are not in it.
func TestTaggedStructure(t *testing.T) {
	t.Parallel()
	out := build(t, nil, "--brand", "data/brand/brand.yaml", seed)
	for _, kind := range []string{"guide", "summary", "faq"} {
		p := pdfPath(out, "group-therapy", kind)
		if tagged := pdfInfo(t, p)["Tagged"]; tagged != "yes" {
			t.Errorf("%s: pdfinfo says Tagged: %q", kind, tagged)
		}
		tree := structText(t, p)
		if !strings.HasPrefix(tree, "| Document | Figure | P Riverbend Wellness Clinic | P Ketamine and integrative mental health care | H1 Group therapy |") {
			t.Errorf("%s: the tree does not open with the logo, the clinic's name and tagline, and the title:\n%s", kind, firstWords(tree, 40))
		}
		for _, furniture := range []string{"Page 1 of", "Reviewed", "This handout is general education"} {
			if kind != "summary" && furniture == "Reviewed" {
				// The guide's and FAQ's footer has no room for the date
				// with this brand: it is read once, at the end.
				if strings.Count(tree, furniture) != 1 || strings.Index(tree, "| P Reviewed November 2026") < strings.LastIndex(tree, "| H2 ") {
					t.Errorf("%s: the review date is not read once, at the end:\n…%s", kind, tree[max(0, len(tree)-200):])
				}
				continue
			}
			if strings.Contains(tree, furniture) {
				t.Errorf("%s: page furniture %q is in the structure tree", kind, furniture)
			}
		}
		var want []string
		switch kind {
		case "guide":
			want = []string{" | P Healing together", " | Sect | H2 The short version | L | LI | Lbl • | LBody Group therapy is psychotherapy",
				" | H2 What it is | P Group therapy is a form", " | H2 What it helps with", " | L | LI | Lbl Anxiety disorders | LBody Group CBT",
				" | H2 Frequently asked questions | H3 Is group therapy as good", " | P For many conditions, yes",
				" | H2 References | L | LI | Lbl 1. | LBody Barkowski", " | Link 32093586 | Object",
				// The footer's three links, one Link element each, holding the
				// annotation of each of the four pages.
				" | Link | Object | Object | Object | Object | Link | Object | Object | Object | Object | Link | Object | Object | Object | Object"}
		case "summary":
			want = []string{" | Sect | H2 The short version | L | LI | Lbl •", " | H2 What it is | P A small group meets",
				" | H2 How it pairs with ketamine | P Skills or integration", " | Sect | Link | Figure | Object | P | Link (555) 010-0199 | Object", "| P 200 River Road"}
		case "faq":
			want = []string{" | P Frequently asked questions | H2 Is group therapy as good as individual therapy? | P For many conditions",
				" | H2 Does group therapy work with ketamine? | P Yes", " | H2 Your questions"}
		}
		requireInOrder(t, kind+" structure", tree, want)
	}
	// Without a logo, the band's name is the only place a listener learns
	// who gave the handout.
	out = build(t, nil, "--brand", "testdata/brand/name-only.yaml", seed)
	for _, kind := range []string{"guide", "summary", "faq"} {
		if tree := structText(t, pdfPath(out, "group-therapy", kind)); !strings.HasPrefix(tree, "| Document | P Riverbend Wellness Clinic | H1 Group therapy |") {
			t.Errorf("%s with a name-only brand: the tree does not open with the clinic's name and the title:\n%s", kind, firstWords(tree, 40))
		}
	}
}
