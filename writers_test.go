package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A writer's first hour: `new` writes a template, `check` passes it with no
// errors, and `build` makes its PDFs, with the steps numbered in order, in
// English and in Spanish.
func TestNewCheckBuild(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lang, name string
		want       []string // in the guide, in this order
	}{
		{"en", "asthma-at-home", []string{"Asthma at home", "The short version", "What it is", "Who it helps", "What to do",
			"Write one idea in each bullet.", "1. Write one thing to do in each step.", "2. Start each step", "3. Keep the steps",
			"When to get help right away", "What do your patients often ask?", "References"}},
		{"es", "diabetes-tipo-2", []string{"Diabetes tipo 2", "Qué es", "A quién ayuda", "Qué hacer",
			"1. Escriba una sola cosa en cada paso.", "2. Empiece cada paso", "3. Ponga los pasos",
			"Cuándo pedir ayuda enseguida", "¿Qué le preguntan a menudo sus pacientes?"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "data")
			r := runCLI(t, nil, "new", tc.name, "--language", tc.lang, "--dir", dir)
			path := filepath.Join(dir, tc.name+".yaml")
			if r.code != 0 || !strings.Contains(r.stdout, "wrote "+path) || !strings.Contains(r.stdout, "handouts check "+path) {
				t.Fatalf("new: %s", r)
			}
			// --strict: the template is a model to copy, so it draws no
			// warnings either (reading level, long sentences, markers).
			r = runCLI(t, nil, "check", "--strict", path)
			if r.code != 0 || !regexp.MustCompile(`: 0 errors, 0 warnings`).MatchString(r.stdout) {
				t.Fatalf("check of a new file: %s", r)
			}
			// Every finding is a warning or a note (such as the PEMAT-P
			// items every file gets); an error has no such word.
			for _, line := range regexp.MustCompile(`(?m)^\S+:\d+:\d+: .*$`).FindAllString(r.stderr, -1) {
				if !regexp.MustCompile(`^\S+:\d+:\d+: (warning|note): `).MatchString(line) {
					t.Errorf("check reports an error: %s", line)
				}
			}
			out := build(t, nil, path)
			for _, kind := range []string{"guide", "summary", "faq"} {
				if _, err := os.Stat(pdfPath(out, tc.name, kind)); err != nil {
					t.Errorf("no %s PDF: %v", kind, err)
				}
			}
			requireInOrder(t, tc.name+" guide", pdfText(t, pdfPath(out, tc.name, "guide"), false), tc.want)
			// A second `new` of the same name leaves the writer's file alone.
			if err := os.WriteFile(path, []byte("edited"), 0o644); err != nil {
				t.Fatal(err)
			}
			if r := runCLI(t, nil, "new", tc.name, "--dir", dir); r.code != 1 || !strings.Contains(r.stderr, "already exists") {
				t.Errorf("new over an existing file: %s", r)
			}
			if b, _ := os.ReadFile(path); string(b) != "edited" {
				t.Errorf("the existing file was overwritten")
			}
		})
	}
}

func TestNewRefusesBadNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{
		{"new"},
		{"new", "../asthma", "--dir", dir},
		{"new", "sub/asthma", "--dir", dir},
		{"new", "asthma at home", "--dir", dir},
		{"new", "a", "b", "--dir", dir},
		{"new", "asthma", "--language", "xx", "--dir", dir},
		{"new", "asthma", "--language", "French", "--dir", dir},
	} {
		if r := runCLI(t, nil, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("handouts %s: %s; want exit 2 with a message", strings.Join(args, " "), r)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written for bad names: %v", entries)
	}
}

// Steps are a numbered list in the PDF's structure tree: an L whose
// ListNumbering is Decimal, each step an LI holding its number as Lbl and
// its words as LBody; bullets are a list numbered Disc. A screen reader
// then says "list, 2 items" and reads "1." before the step.
func TestStepsTagged(t *testing.T) {
	t.Parallel()
	out := build(t, nil, "--format", "guide", "handout/format/testdata/steps.yaml")
	tree := collapse(tool(t, "pdfinfo", "-struct-text", pdfPath(out, "steps", "guide")))
	requireInOrder(t, "steps structure", tree, []string{
		`H2 (block) "Before you start"`,
		`L (block): /ListNumbering /Disc LI (block) Lbl (block) "•" LBody (block) "Look at the counter on the back."`,
		`L (block): /ListNumbering /Decimal LI (block) Lbl (block) "1." LBody (block) "Take the cap off." LI (block) Lbl (block) "2." LBody (block) "Shake the inhaler hard`,
		`H2 (block) "Twelve steps" L (block): /ListNumbering /Decimal LI (block) Lbl (block) "1." LBody (block) "One."`,
		`Lbl (block) "12." LBody (block) "Twelve."`,
		`H2 (block) "If your breathing gets worse"`, `L (block): /ListNumbering /Decimal`, `Lbl (block) "3." LBody (block) "Call 911`,
	})
	// The reading order of the page's text is the same: each number, then
	// its step.
	requireInOrder(t, "steps text", pdfText(t, pdfPath(out, "steps", "guide"), false), []string{
		"1. Take the cap off.", "2. Shake the inhaler hard", "1. One.", "9. Nine.", "10. Ten, a longer step", "12. Twelve.", "3. Call 911",
	})
}
