package content

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"handouts/handout/diag"
	"handouts/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden .err files in testdata/invalid")

// formatFindings is the golden form of findings: one String() per line.
func formatFindings(l diag.List) string {
	var b strings.Builder
	for _, f := range l {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDecodeInvalid decodes each fixture in testdata/invalid and compares its
// findings with the golden <name>.err beside it. Every golden position was
// checked by hand against its fixture; pointsAt below keeps that check.
func TestDecodeInvalid(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			h, errs := Decode(name, src)
			if h == nil {
				t.Fatal("Decode returned a nil handout")
			}
			if !errs.HasErrors() {
				t.Errorf("no errors for an invalid file; findings: %v", errs)
			}
			for _, f := range errs {
				if f.Severity != diag.Error {
					t.Errorf("decoding gave a warning: %v", f)
				}
				checkInFile(t, src, f)
			}
			got := formatFindings(errs)
			golden.Compare(t, strings.TrimSuffix(path, ".yaml")+".err", got, *update, "./handout/content")
		})
	}
}

// checkInFile fails unless f names the fixture and a line:col that exists
// in src (a column one past the end of a line is allowed: an empty value
// sits there).
func checkInFile(t *testing.T, src []byte, f diag.Finding) {
	t.Helper()
	lines := strings.Split(string(src), "\n")
	switch {
	case f.Pos.File == "":
		t.Errorf("finding without a file: %v", f)
	case f.Pos.Line < 1 || f.Pos.Line > len(lines):
		t.Errorf("line out of the file (%d lines): %v", len(lines), f)
	case f.Pos.Col < 1 || f.Pos.Col > utf8.RuneCountInString(lines[f.Pos.Line-1])+1 && utf8.ValidString(lines[f.Pos.Line-1]):
		t.Errorf("column out of line %d: %v", f.Pos.Line, f)
	}
}

// sourceAt returns the source from line:col on, to the end of that line.
func sourceAt(src []byte, p diag.Pos) string {
	lines := strings.Split(string(src), "\n")
	if p.Line < 1 || p.Line > len(lines) {
		return "<no such line>"
	}
	line := []rune(lines[p.Line-1])
	if p.Col < 1 || p.Col > len(line)+1 {
		return "<no such column>"
	}
	return string(line[p.Col-1:])
}

// TestDecodeInvalidPointsAt spells out, for each fixture, what the first
// finding's line:col points at in the fixture: the hand check of the
// goldens, kept as a test so that a drifting column is caught by name.
func TestDecodeInvalidPointsAt(t *testing.T) {
	for name, want := range map[string]string{
		"syntax":              `"Keep a regular bedtime.`, // the quote left open
		"tab-indent":          "\t- heading",
		"tab-in-value":        "\tbedtime.",
		"unclosed-bracket":    "[Sleep",
		"unknown-key-near":    "sumary:",
		"unknown-key-far":     "author:",
		"unknown-section-key": "heding:",
		"title-list":          "- Sleep",
		"sections-mapping":    "heading: Why",
		"summary-string":      "Sleep helps you heal.",
		"missing-title":       "summary:", // the handout mapping starts here
		"empty-title-quoted":  `""`,
		"empty-title-null":    "", // just after `title:`, where the value goes
		"summary-one":         "- Sleep helps you heal.",
		"sections-empty":      "[]",
		"section-no-content":  "heading: Why",
		"bullets-empty":       "heading: Why",
		"style-unknown":       "calout",
		"pmid-bad":            "PMID123",
		"url-www":             "www.example.org",
		"url-scheme-only":     `"https://"`,
		"inline-link-bad":     "example) for more.",
		"two-bad-links":       "guide.html).",
		"control-escaped":     `\a you heal."`,
		"control-raw":         "\aregular bedtime.",
		"line-separator":      "\u2028well",
		"duplicate-key":       "title: Rest",
		"reviewed-bad":        "2026-13-01",
		"language-bad":        "english!",
		"empty":               "",
		"comment-only":        "# A handout",
		"invalid-utf8":        "\ufffdtime.", // sourceAt reads the bad byte as U+FFFD
		"title-multiline":     "|",
		"three-errors":        "heding:",
		"second-document":     "title: Rest",
		"steps-string":        "Shake it,",
		"tag-eats-word":       "!Important changes",
		"alias-undefined":     "*Take it",
		"one-line-too-long":   "Word Word",
		"summary-too-many":    "Bullet.",
		"too-many-links":      "https://example.org/p1000)",
	} {
		path := filepath.Join("testdata/invalid", name+".yaml")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		_, errs := Decode(name+".yaml", src)
		if len(errs) == 0 {
			t.Errorf("%s: no findings", name)
			continue
		}
		if got := sourceAt(src, errs[0].Pos); !strings.HasPrefix(got, want) || want == "" && got != "" {
			t.Errorf("%s: %v points at %q, want %q", name, errs[0], got, want)
		}
	}
	// Every fixture is listed above.
	files, _ := filepath.Glob("testdata/invalid/*.yaml")
	if len(files) != 41 {
		t.Errorf("%d fixtures; update this test's table when adding one", len(files))
	}
}

// TestDecodeAllProblemsInOneRun: a file with three unrelated mistakes gets
// three findings, not just the first.
func TestDecodeAllProblemsInOneRun(t *testing.T) {
	src, err := os.ReadFile("testdata/invalid/three-errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, errs := Decode("three-errors.yaml", src)
	if len(errs) != 3 {
		t.Fatalf("got %d findings, want 3:\n%s", len(errs), formatFindings(errs))
	}
	for i, want := range []string{"heding", "calout", "PMID123"} {
		if !strings.Contains(errs[i].Message, want) {
			t.Errorf("finding %d = %v, want one about %s", i, errs[i], want)
		}
	}
}

func TestDecodeSeed(t *testing.T) {
	src, err := os.ReadFile("../../data/group-therapy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h, errs := Decode("data/group-therapy.yaml", src)
	if len(errs) != 0 {
		t.Fatalf("findings for the seed file:\n%s", formatFindings(errs))
	}
	if h.Name != "group-therapy" || h.Title.Raw != "Group therapy" || h.Language != "en" {
		t.Errorf("name %q, title %q, language %q", h.Name, h.Title.Raw, h.Language)
	}
	if got := h.Reviewed.Format("2006-01-02"); got != "2026-11-01" {
		t.Errorf("reviewed %s", got)
	}
	if len(h.Sections) != 5 || len(h.FAQ) != 4 || len(h.Summary) != 6 || len(h.References) != 1 {
		t.Fatalf("%d sections, %d faq, %d summary bullets, %d references; want 5, 4, 6, 1",
			len(h.Sections), len(h.FAQ), len(h.Summary), len(h.References))
	}
	helps := h.Sections[1]
	if helps.Heading.Raw != "What it helps with" {
		t.Fatalf("section 2 is %q", helps.Heading.Raw)
	}
	var labels []string
	for _, it := range helps.Items {
		labels = append(labels, it.Label.Raw)
	}
	if got := strings.Join(labels, "|"); got != "Anxiety disorders|Social anxiety|Depression|Loneliness" {
		t.Errorf("labels %s", got)
	}
	// The positions pinned below are found in the file, so that comments
	// added at its top do not break them; the columns are checked exactly.
	lineOf := func(prefix string) int {
		for i, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, prefix) {
				return i + 1
			}
		}
		t.Fatalf("no line starting %q in the seed", prefix)
		return 0
	}
	if r := h.References[0]; r.PMID != "32093586" || r.PMIDPos.Line != lineOf(`    pmid: "32093586"`) || r.PMIDPos.Col != 11 {
		t.Errorf("reference pmid %q at %v", r.PMID, r.PMIDPos)
	}
	// Folded (>-) text is one paragraph with single spaces.
	body := h.Sections[0].Body
	if len(body) != 1 || strings.Contains(body[0].Raw, "\n") || strings.Contains(body[0].Raw, "  ") {
		t.Errorf("section 1 body: %d paragraphs, %v", len(body), body)
	}
	if h.Sections[0].Pos != (diag.Pos{File: "data/group-therapy.yaml", Line: lineOf("  - heading: What it is"), Col: 5}) {
		t.Errorf("section 1 at %v", h.Sections[0].Pos)
	}
	if p, want := h.Summary[0].Pos, lineOf("summary:")+1; p.Line != want || p.Col != 5 {
		t.Errorf("summary bullet 1 at %v, want %d:5 (the >- indicator)", p, want)
	}
}

// base is a valid handout; tests append a section to it.
const base = `title: Sleep
summary:
  - Sleep helps you heal.
  - Keep a regular bedtime.
sections:
`

func decodeOK(t *testing.T, src string) *Handout {
	t.Helper()
	h, errs := Decode("t.yaml", []byte(src))
	if len(errs) != 0 {
		t.Fatalf("findings:\n%s", formatFindings(errs))
	}
	return h
}

func TestParagraphsLiteral(t *testing.T) {
	h := decodeOK(t, base+`  - heading: Why sleep matters
    body: |
      Sleep helps your body heal
      and your mind **rest**.

      A regular bedtime helps.
`)
	body := h.Sections[0].Body
	if len(body) != 2 {
		t.Fatalf("%d paragraphs, want 2: %v", len(body), body)
	}
	if body[0].Raw != "Sleep helps your body heal and your mind **rest**." {
		t.Errorf("paragraph 1 = %q (line breaks inside a paragraph are spaces)", body[0].Raw)
	}
	if body[1].Raw != "A regular bedtime helps." {
		t.Errorf("paragraph 2 = %q", body[1].Raw)
	}
	for i, want := range []diag.Pos{{File: "t.yaml", Line: 8, Col: 7}, {File: "t.yaml", Line: 11, Col: 7}} {
		if body[i].Pos != want {
			t.Errorf("paragraph %d at %v, want %v", i+1, body[i].Pos, want)
		}
	}
	if got := PlainText(body[0].Spans); got != "Sleep helps your body heal and your mind rest." {
		t.Errorf("paragraph 1 plain text %q", got)
	}
	// An offset after the joined line break still maps to where it was typed.
	if p := body[0].PosAt(strings.Index(body[0].Raw, "mind")); p.Line != 9 || p.Col != 16 {
		t.Errorf("\"mind\" at %v, want 9:16", p)
	}
}

func TestParagraphsSplitAtBlankLines(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"one", "body: One two.", []string{"One two."}},
		{"folded", "body: >\n      One\n      two.\n\n      Three.", []string{"One two.", "Three."}},
		{"blank line with spaces", "body: \"One.\\n   \\nTwo.\"", []string{"One.", "Two."}},
		{"several blank lines", "body: |\n      One.\n\n\n\n      Two.\n\n      Three.", []string{"One.", "Two.", "Three."}},
		{"trailing blank lines", "body: |+\n      One.\n\n\n", []string{"One."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := decodeOK(t, base+"  - heading: H\n    "+tc.body+"\n")
			var got []string
			for _, p := range h.Sections[0].Body {
				got = append(got, p.Raw)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("paragraphs %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAnchorsAndAliases(t *testing.T) {
	h := decodeOK(t, `title: &t Sleep
summary:
  - &b Sleep helps you heal.
  - Keep a regular bedtime.
sections:
  - &sec
    heading: Why sleep matters
    bullets:
      - *b
      - Rest.
  - *sec
faq:
  - q: *t
    a: *b
`)
	if len(h.Sections) != 2 || h.Sections[1].Heading.Raw != "Why sleep matters" {
		t.Fatalf("sections %+v", h.Sections)
	}
	if got := h.Sections[0].Bullets[0].Raw; got != "Sleep helps you heal." {
		t.Errorf("aliased bullet %q", got)
	}
	if h.FAQ[0].Q.Raw != "Sleep" || h.FAQ[0].A.Raw != "Sleep helps you heal." {
		t.Errorf("faq %+v", h.FAQ[0])
	}
	// An aliased field is at the alias; its characters are where the
	// anchored value typed them.
	if p := h.FAQ[0].Q.Pos; p.Line != 13 || p.Col != 8 {
		t.Errorf("aliased question at %v, want 13:8", p)
	}
	if p := h.FAQ[0].Q.PosAt(0); p.Line != 1 || p.Col != 11 {
		t.Errorf("aliased question's first letter at %v, want 1:11", p)
	}
}

func TestAliasErrorsAtAnchor(t *testing.T) {
	_, errs := Decode("t.yaml", []byte(base+`  - heading: &h
    body: x
  - heading: *h
    body: y
`))
	got := formatFindings(errs)
	want := "t.yaml:6:14: section 1 heading is empty\nt.yaml:6:14: section 2 heading is empty\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// TestLocateEscapes: a character written as a YAML escape is located at its
// backslash, and a literal occurrence of the same character elsewhere in the
// file is not mistaken for it.
func TestLocateEscapes(t *testing.T) {
	src := `title: "Caf\u00e9 \x07 and caf` + "é" + `"
subtitle: "` + "\a" + `"
`
	// Only the first control character per field is reported.
	_, errs := Decode("t.yaml", []byte(strings.Replace(src, "\a", "x", 1)))
	if len(errs) == 0 || errs[0].String() != "t.yaml:1:19: title contains the control character U+0007; remove it" {
		t.Errorf("got\n%s", formatFindings(errs))
	}
	// The raw one on line 2 is reported where it was typed, once, and
	// does not stop the rest of the file being read (issue 21, item 6):
	// the escaped one on line 1 is found in the same run.
	_, errs = Decode("t.yaml", []byte(src))
	got := formatFindings(errs)
	want := "t.yaml:2:12: file contains the control character U+0007; remove it\n" +
		"t.yaml:1:19: title contains the control character U+0007; remove it\n" +
		"t.yaml:1:1: the handout is missing required key `summary`\n" +
		"t.yaml:1:1: the handout is missing required key `sections`\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestTextPosAt(t *testing.T) {
	h := decodeOK(t, base+`  - heading: H
    body: "Two\u00e9 cafés: \u00e9"
    bullets:
      - 'It''s é'
      - >- # comment with é
        Line one é
        and é
`)
	s := h.Sections[0]
	pos := func(tx Text, nth int) diag.Pos {
		i := -1
		for k := 0; k <= nth; k++ {
			j := strings.Index(tx.Raw[i+1:], "é")
			if j < 0 {
				t.Fatalf("no é #%d in %q", nth, tx.Raw)
			}
			i += 1 + j
		}
		return tx.PosAt(i)
	}
	for _, tc := range []struct {
		tx        Text
		nth       int
		line, col int
	}{
		{s.Body[0], 0, 7, 15}, // \u00e9 escape
		{s.Body[0], 1, 7, 25}, // literal é in cafés
		{s.Body[0], 2, 7, 29}, // the second escape
		{s.Bullets[0], 0, 9, 16},
		{s.Bullets[1], 0, 11, 18}, // not the é in the header comment
		{s.Bullets[1], 1, 12, 13},
	} {
		if p := pos(tc.tx, tc.nth); p.Line != tc.line || p.Col != tc.col {
			t.Errorf("é #%d of %q at %v, want %d:%d", tc.nth, tc.tx.Raw, p, tc.line, tc.col)
		}
	}
}

func TestDecodeEmptyOrWhitespace(t *testing.T) {
	for _, src := range []string{"", "\n\n", "   \n", "---\n", "# c\n# d\n"} {
		h, errs := Decode("t.yaml", []byte(src))
		if h == nil || len(errs) != 1 || errs[0].Pos != (diag.Pos{File: "t.yaml", Line: 1, Col: 1}) {
			t.Errorf("%q: %v", src, errs)
		}
	}
}

func TestDecodeBOMAndCRLF(t *testing.T) {
	src := "\ufeff" + strings.ReplaceAll(base+"  - heading: H\n    body: B.\n", "\n", "\r\n")
	h := decodeOK(t, src)
	if h.Title.Raw != "Sleep" || h.Sections[0].Body[0].Raw != "B." {
		t.Errorf("title %q body %q", h.Title.Raw, h.Sections[0].Body[0].Raw)
	}
}

func TestDecodeDigest(t *testing.T) {
	a, _ := Decode("a.yaml", []byte(base+"  - heading: H\n    body: B.\n"))
	b, _ := Decode("b.yaml", []byte(base+"  - heading: H\n    body: C.\n"))
	if a.Digest == b.Digest || bytes.Equal(a.Digest[:], make([]byte, 32)) {
		t.Error("digest does not identify the content")
	}
}

// Steps decode in order, each with the position it was written at, and
// count as a section's content on their own.
func TestDecodeSteps(t *testing.T) {
	src := "title: Inhaler\nsummary:\n  - One.\n  - Two.\nsections:\n  - heading: How\n    steps:\n      - Take the cap off.\n      - Shake it **hard**.\n"
	h, errs := Decode("s.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	steps := h.Sections[0].Steps
	if len(steps) != 2 || steps[0].Raw != "Take the cap off." || steps[1].Raw != "Shake it **hard**." {
		t.Fatalf("steps %+v", steps)
	}
	if p := steps[1].Pos; p.Line != 9 || p.Col != 9 {
		t.Errorf("step 2 at %d:%d, want 9:9", p.Line, p.Col)
	}
	if len(steps[1].Spans) != 3 || !steps[1].Spans[1].Bold {
		t.Errorf("step markup not parsed: %+v", steps[1].Spans)
	}
	var fields []string
	h.Texts(func(field string, _ *Text) { fields = append(fields, field) })
	if got := strings.Join(fields, ","); !strings.HasSuffix(got, "heading,step,step") {
		t.Errorf("Texts walks %s; want the steps after the heading", got)
	}
}

// A body pasted with dozens of "- " lines gets the first few warnings, each
// at its line, and a count of the rest.
func TestBodyMarkersCapped(t *testing.T) {
	src := base + "  - heading: Why\n    body: |\n" + strings.Repeat("      - a point\n", 30)
	_, errs := Decode("t.yaml", []byte(src))
	if len(errs) != maxMarkers+1 {
		t.Fatalf("%d findings, want %d: %v", len(errs), maxMarkers+1, errs)
	}
	for i, f := range errs[:maxMarkers] {
		if f.Severity != diag.Warning || f.Pos.Line != 8+i || f.Pos.Col != 7 {
			t.Errorf("finding %d: %v, want a warning at %d:7", i, f, 8+i)
		}
	}
	if last := errs[maxMarkers].Message; !strings.HasPrefix(last, "and 10 more lines") {
		t.Errorf("last finding %q", last)
	}
}
