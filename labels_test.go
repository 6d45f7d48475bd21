package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A handout in Haitian Creole, written for this test.
const creoleHandout = `title: Dòmi byen
language: ht
reviewed: 2026-11-01
summary:
  - Dòmi ede kò ou geri.
  - Eseye dòmi sèt a nèf èdtan chak swa.
sections:
  - heading: Poukisa dòmi enpòtan
    brief: Dòmi ede kò ou ak lespri ou repoze.
    body: |
      Lè ou dòmi, kò ou repare tèt li. Dòmi ede ou sonje bagay epi kenbe bon imè.
  - heading: Plis sou dòmi
    body: |
      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.

      Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li. Lè ou dòmi, kò ou repare tèt li.
  - heading: Konsèy
    bullets:
      - Kouche ak leve menm lè chak jou.
      - Evite kafe apre midi.
faq:
  - q: Konbyen èdtan mwen bezwen dòmi?
    a: Pifò granmoun bezwen sèt a nèf èdtan chak swa.
references:
  - text: CDC. About sleep.
    url: https://www.cdc.gov/sleep/
`

// (The long section makes the guide two pages: a one-page sheet prints no
// page number.)
//
// A handout in a Latin-script language prints every label in its language:
// the short version, the FAQ and references headings, the page numbers, the
// review date, the FAQ sheet's "Your questions" and the document title's
// format name; check has no word about labels. A brand file's labels then
// replace the tool's, in that language only.
func TestLabelsInTheHandoutsLanguage(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	src := filepath.Join(dir, "domi.yaml")
	if err := os.WriteFile(src, []byte(creoleHandout), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "check", src); r.code != 0 || strings.Contains(r.stdout+r.stderr, "labels") {
		t.Errorf("check: %s", r)
	}
	out := build(t, nil, "--quiet", src)
	guide := pdfText(t, pdfPath(out, "domi", "guide"), false)
	requireInOrder(t, "guide", guide, []string{"Dòmi byen", "An rezime", "Dòmi ede kò ou geri.", "Poukisa dòmi enpòtan", "Kesyon moun poze souvan", "Konbyen èdtan", "Referans", "CDC. About sleep."})
	for _, want := range []string{"Paj 1 sou ", "Revize nan novanm 2026"} {
		if !strings.Contains(guide, want) {
			t.Errorf("guide lacks %q:\n%s", want, guide)
		}
	}
	for _, english := range []string{"The short version", "Frequently asked questions", "References", "Page ", "Reviewed"} {
		if strings.Contains(guide, english) {
			t.Errorf("guide has the English label %q", english)
		}
	}
	summary := pdfText(t, pdfPath(out, "domi", "summary"), false)
	if !strings.Contains(summary, "An rezime") || !strings.Contains(pdfInfo(t, pdfPath(out, "domi", "summary"))["Title"], "Rezime sou yon paj") {
		t.Errorf("summary: %s", summary)
	}
	faq := pdfText(t, pdfPath(out, "domi", "faq"), false)
	requireInOrder(t, "faq", faq, []string{"Kesyon moun poze souvan", "Konbyen èdtan", "Kesyon ou yo"})

	// The clinic's own wording, in Creole only: a Spanish handout keeps the
	// tool's.
	brandFile := filepath.Join(dir, "brand.yaml")
	if err := os.WriteFile(brandFile, []byte("name: Klinik Lakay\nlabels:\n  ht:\n    short_version: Sa ki pi enpòtan\n    page: \"{n}/{total}\"\n  es:\n    faq: Sus dudas\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = build(t, nil, "--quiet", "--brand", brandFile, src)
	guide = pdfText(t, pdfPath(out, "domi", "guide"), false)
	if !strings.Contains(guide, "Sa ki pi enpòtan") || strings.Contains(guide, "An rezime") || !strings.Contains(guide, "Kesyon moun poze souvan") || strings.Contains(guide, "Paj 1") || strings.Contains(guide, "Sus dudas") {
		t.Errorf("guide with the brand's labels:\n%s", guide)
	}
}

// Each language's short version and page label reach the PDF.
func TestLatinScriptLabels(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	langs := map[string][2]string{
		"tl": {"Sa madaling salita", "Pahina 1 ng "}, "fr-CA": {"En bref", "Page 1 sur "}, "pt-BR": {"Em resumo", "Página 1 de "},
		"pl": {"W skrócie", "Strona 1 z "}, "de": {"Das Wichtigste in Kürze", "Seite 1 von "}, "it": {"In breve", "Pagina 1 di "},
	}
	var files []string
	for lang := range langs {
		p := filepath.Join(dir, lang+".yaml")
		src := strings.Replace(strings.Replace(creoleHandout, "language: ht", "language: "+lang, 1), "title: Dòmi byen", "title: "+lang, 1)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	out := build(t, nil, append([]string{"--quiet", "--format", "guide"}, files...)...)
	for lang, want := range langs {
		text := pdfText(t, pdfPath(out, lang, "guide"), false)
		if !strings.Contains(text, want[0]) || !strings.Contains(text, want[1]) {
			t.Errorf("%s: want %q and %q in\n%s", lang, want[0], want[1], text)
		}
	}
}

// build --watch rebuilds with the brand's new labels when the brand file
// changes them.
func TestWatchRebuildsWithBrandLabels(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	src, brandFile, out := filepath.Join(dir, "domi.yaml"), filepath.Join(dir, "brand.yaml"), filepath.Join(dir, "out")
	for path, text := range map[string]string{src: creoleHandout, brandFile: "name: Klinik\n"} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		runMu.Lock()
		defer runMu.Unlock()
		done <- run(ctx, []string{"handouts", "build", "--watch", "--format", "guide", "--brand", brandFile, "--out", out, src}, &stdout, &stderr, func(string) (string, bool) { return "", false })
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("watch exited %d", code)
		}
	}()
	logs := func() string { return "--- stdout:\n" + stdout.String() + "--- stderr:\n" + stderr.String() }
	guide := pdfPath(out, "domi", "guide")
	text := func() string {
		if _, err := os.Stat(guide); err != nil {
			return ""
		}
		return pdfText(t, guide, false)
	}
	eventually(t, "the first build", func() bool { return strings.Contains(stdout.String(), "watching ") }, logs)
	if !strings.Contains(text(), "An rezime") {
		t.Fatalf("first build:\n%s", logs())
	}
	saveLikeAnEditor(t, brandFile, "name: Klinik\nlabels:\n  ht:\n    short_version: Sa ki pi enpòtan\n")
	eventually(t, "the brand's label in the guide", func() bool { return strings.Contains(text(), "Sa ki pi enpòtan") }, logs)
	// A mistake in the labels is reported at its place, and the PDF kept.
	saveLikeAnEditor(t, brandFile, "name: Klinik\nlabels:\n  ht:\n    short_verison: X\n")
	eventually(t, "the error", func() bool {
		return strings.Contains(stdout.String()+stderr.String(), "brand.yaml:4:5: unknown key `short_verison` in labels.ht; did you mean `short_version`?")
	}, logs)
	if !strings.Contains(text(), "Sa ki pi enpòtan") {
		t.Error("a broken brand replaced the last good guide")
	}
}

// A zero-width non-joiner (as Persian writes inside words) is never refused
// as an invisible character: the file checks and builds, and the words
// read back whole.
func TestZeroWidthNonJoinerIsAccepted(t *testing.T) {
	requireTool(t, "pdftotext")
	src := filepath.Join(t.TempDir(), "zw.yaml")
	if err := os.WriteFile(src, []byte("title: Pagsubok\nlanguage: tl\nsummary:\n  - Isa\u200cdalawa ito.\n  - Tatlo.\nsections:\n  - heading: H\n    body: Apat\u200clima.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, nil, "check", src); r.code != 0 || strings.Contains(r.stdout+r.stderr, "U+200C") {
		t.Errorf("check: %s", r)
	}
	out := build(t, nil, "--quiet", "--format", "guide", src)
	if text := pdfText(t, pdfPath(out, "zw", "guide"), false); !strings.Contains(text, "Isadalawa ito.") || !strings.Contains(text, "Apatlima.") {
		t.Errorf("guide: %s", text)
	}
}

// `new --language` in any language: Latin-script ones check clean and
// print their labels; Arabic gets its right-to-left template, and a file
// in a script the fonts do not cover yet has no error but the glyphs.
func TestNewInEveryLanguage(t *testing.T) {
	requireTool(t, "pdftotext")
	dir := t.TempDir()
	for tag, label := range map[string]string{"ht": "An rezime", "pt-BR": "Em resumo", "de": "Das Wichtigste in Kürze", "so": "Si kooban"} {
		r := runCLI(t, nil, "new", "x-"+tag, "--language", tag, "--dir", dir)
		path := filepath.Join(dir, "x-"+tag+".yaml")
		if r.code != 0 {
			t.Fatalf("new %s: %s", tag, r)
		}
		if r = runCLI(t, nil, "check", "--strict", path); r.code != 0 {
			t.Errorf("check %s: %s", tag, r)
		}
		out := build(t, nil, "--quiet", "--format", "guide", path)
		if text := pdfText(t, pdfPath(out, "x-"+tag, "guide"), false); !strings.Contains(text, label) {
			t.Errorf("%s: no %q in\n%s", tag, label, text)
		}
	}
	for _, tag := range []string{"ar", "ru", "zh-TW", "fa"} {
		r := runCLI(t, nil, "new", "y-"+tag, "--language", tag, "--dir", dir)
		if r.code != 0 {
			t.Fatalf("new %s: %s", tag, r)
		}
		path := filepath.Join(dir, "y-"+tag+".yaml")
		src := string(readFile(t, path))
		if !strings.Contains(src, "\nlanguage: "+tag+" ") {
			t.Errorf("%s: language line:\n%s", tag, src)
		}
		if tag == "ar" && !strings.Contains(src, "تُطبع النشرة من اليمين إلى اليسار") {
			t.Errorf("ar: not the Arabic template")
		}
		r = runCLI(t, nil, "check", path)
		findings := regexp.MustCompile(`(?m)^\S+:\d+:\d+: .*$`).FindAllString(r.stderr+r.stdout, -1)
		if len(findings) == 0 {
			t.Errorf("%s: no findings at all: %s", tag, r)
		}
		for _, line := range findings {
			if !regexp.MustCompile(`^\S+:\d+:\d+: (warning|note): `).MatchString(line) && !strings.Contains(line, "cannot print") {
				t.Errorf("%s: an error beside the glyphs: %s", tag, line)
			}
		}
	}
}
