package starter

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/content"
	"handouts/handout/labels"
)

var today = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"asthma": "asthma", "asthma.yaml": "asthma", "diabetes-tipo-2": "diabetes-tipo-2", "a_b.v2": "a_b.v2",
	} {
		if got, err := Name(in); err != nil || got != want {
			t.Errorf("Name(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".yaml", "../x", "data/x", `a\b`, "/etc/passwd", ".hidden", "-rf", "a b", "a..b", "café", "x:y"} {
		if got, err := Name(in); err == nil {
			t.Errorf("Name(%q) = %q, want an error", in, got)
		}
	}
}

// Each template decodes with no findings at all and has every field of the
// format once, so a writer sees each one.
func TestTemplatesHaveEveryField(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			src, err := Template(lang, "asthma-at-home", "data/asthma-at-home.yaml", today)
			if err != nil {
				t.Fatal(err)
			}
			h, errs := content.Decode("t.yaml", src)
			if len(errs) > 0 {
				t.Fatalf("findings: %v", errs)
			}
			if h.Title.Raw != "Asthma at home" || h.Language != lang || !h.Reviewed.Equal(today) || h.Subtitle.IsZero() {
				t.Errorf("title %q, language %q, reviewed %v, subtitle %q", h.Title.Raw, h.Language, h.Reviewed, h.Subtitle.Raw)
			}
			var body, items, bullets, steps, brief, callout bool
			for _, s := range h.Sections {
				body = body || len(s.Body) > 1 // two paragraphs show the blank line
				items = items || len(s.Items) > 0
				bullets = bullets || len(s.Bullets) > 0
				steps = steps || len(s.Steps) > 1
				brief = brief || !s.Brief.IsZero()
				callout = callout || s.Style == content.Callout
			}
			if !body || !items || !bullets || !steps || !brief || !callout {
				t.Errorf("body %v items %v bullets %v steps %v brief %v callout %v; want all", body, items, bullets, steps, brief, callout)
			}
			if len(h.Summary) < 2 || len(h.FAQ) == 0 || len(h.References) == 0 || h.References[0].URL == "" {
				t.Errorf("summary %d, faq %d, references %v", len(h.Summary), len(h.FAQ), h.References)
			}
			for _, key := range []string{"pmid:", "# "} {
				if !strings.Contains(string(src), key) {
					t.Errorf("template has no %q", key)
				}
			}
		})
	}
	if _, err := Template("es-MX", "x", "x.yaml", today); err != nil {
		t.Errorf("es-MX: %v", err)
	}
	for _, bad := range []string{"xx", "french", "", "e s"} {
		if _, err := Template(bad, "x", "x.yaml", today); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// Arabic has a template of its own, in Arabic: a right-to-left handout.
func TestArabicTemplate(t *testing.T) {
	src, err := Template("ar-EG", "rabw", "data/rabw.yaml", today)
	if err != nil {
		t.Fatal(err)
	}
	h, errs := content.Decode("t.yaml", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if h.Language != "ar-EG" || !labels.RightToLeft(h.Language) || h.Subtitle.Raw != "ما تحتاج إلى معرفته" || h.Sections[0].Heading.Raw != "ما هو" || h.FAQ[0].Q.Raw != "ما الذي يسألك عنه مرضاك كثيرًا؟" {
		t.Errorf("language %q, subtitle %q, heading %q, question %q", h.Language, h.Subtitle.Raw, h.Sections[0].Heading.Raw, h.FAQ[0].Q.Raw)
	}
	// Its sample text is Arabic throughout: no English sentence left.
	for _, b := range h.Summary {
		if strings.ContainsAny(b.Raw, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("summary bullet in Latin letters: %q", b.Raw)
		}
	}
}

// Persian has its own right-to-left template, with the zero-width
// non-joiner its words need.
func TestPersianTemplate(t *testing.T) {
	src, err := Template("fa-IR", "x", "x.yaml", today)
	if err != nil {
		t.Fatal(err)
	}
	h, errs := content.Decode("t.yaml", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if h.Language != "fa-IR" || !labels.RightToLeft(h.Language) || h.Summary[0].Raw != "مهم\u200cترین نکته را اول بگویید." || h.Sections[1].Heading.Raw != "چه باید کرد" {
		t.Errorf("language %q, summary %q, heading %q", h.Language, h.Summary[0].Raw, h.Sections[1].Heading.Raw)
	}
}

// Every other language gets the English template with its language set,
// and a first note naming the language its labels print in, or saying the
// tool has none, and the direction.
func TestOtherLanguagesTemplate(t *testing.T) {
	for _, tc := range []struct{ tag, note string }{
		{"so", `The printed labels
# will be in Somali ("Si kooban", "Bogga 1 ee 2").`},
		{"so-KE", `will be in Somali ("Si kooban"`},
		{"he", "It prints right to left."},
		{"sw", "The tool has no printed\n# labels in sw"},
	} {
		src, err := Template(tc.tag, "x", "x.yaml", today)
		if err != nil {
			t.Fatalf("%s: %v", tc.tag, err)
		}
		h, errs := content.Decode("t.yaml", src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tc.tag, errs)
		}
		if h.Language != tc.tag || !strings.Contains(string(src), tc.note) || !strings.Contains(string(src), "language: "+tc.tag+strings.Repeat(" ", 27-len(tc.tag))+"# the handout's language, a BCP 47 tag\n") {
			t.Errorf("%s: language %q;\n%s", tc.tag, h.Language, src[:600])
		}
		if strings.Contains(string(src), "It prints right to left.") != labels.RightToLeft(tc.tag) {
			t.Errorf("%s: direction note wrong", tc.tag)
		}
	}
	// Every language with labels has a template.
	for _, tag := range labels.Supported {
		if _, err := Template(tag, "x", "x.yaml", today); err != nil {
			t.Errorf("%s: %v", tag, err)
		}
	}
}

func TestWriteRefusesToOverwrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path, err := Write(dir, "asthma", "en", today)
	if err != nil || path != filepath.Join(dir, "asthma.yaml") {
		t.Fatalf("Write: %q, %v", path, err)
	}
	if err := os.WriteFile(path, []byte("my own words"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, "asthma.yaml", "es", today); !errors.Is(err, ErrExists) {
		t.Errorf("second Write: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "my own words" {
		t.Errorf("the existing file was changed: %q", b)
	}
	if _, err := Write(dir, "../escape", "en", today); err == nil {
		t.Error("a path as a name was accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "escape.yaml")); err == nil {
		t.Error("a file was written outside the folder")
	}
}

func TestTitle(t *testing.T) {
	for in, want := range map[string]string{"asthma-at-home": "Asthma at home", "diabetes_tipo_2": "Diabetes tipo 2", "x": "X", "---": "New handout"} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
}

// A region or script in the tag finds the template of the language its
// labels print in (pt-BR: pt, zh-TW: zh-Hant), and every embedded template
// is listed in Languages.
func TestTemplatesFoundByLanguage(t *testing.T) {
	for tag, subtitle := range map[string]string{"pt-BR": "O que você precisa saber", "fr-CA": "Ce qu'il faut savoir", "ru-RU": "Что нужно знать"} {
		src, err := Template(tag, "x", "x.yaml", today)
		if err != nil {
			t.Fatal(err)
		}
		h, errs := content.Decode("t.yaml", src)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tag, errs)
		}
		if h.Language != tag || h.Subtitle.Raw != subtitle || strings.Contains(string(src), "are in English") {
			t.Errorf("%s: language %q, subtitle %q", tag, h.Language, h.Subtitle.Raw)
		}
	}
	files, err := fs.Glob(templates, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, l := range Languages {
		listed[l+".yaml"] = true
	}
	for _, f := range files {
		if !listed[f] {
			t.Errorf("%s is not in Languages", f)
		}
	}
	if len(files) != len(Languages) {
		t.Errorf("%d templates, %d languages listed", len(files), len(Languages))
	}
}
