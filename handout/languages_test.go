package handout

// Handouts in scripts Atkinson Hyperlegible lacks (Cyrillic, Vietnamese,
// Greek) print out of the box, in the shipped Noto Sans: no font flags, no
// brand, every format, Letter, A4 and large print. Every text reads back
// with poppler, in order; every font is embedded with a Unicode map; qpdf
// finds nothing; the PDF/UA checks are those of every other PDF.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/pdfwriter"
	"handouts/internal/tooltest"
)

func TestScriptsOutOfTheBox(t *testing.T) {
	tooltest.Require(t, "qpdf")
	example, errs := brand.LoadFile("../data/brand/brand.yaml")
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	brands := map[string]*brand.Brand{"nobrand": defaultBrand(t), "brand": brandFrom(t, example)}
	options := map[string]format.Options{
		"letter": {Paper: format.Letter},
		"a4":     {Paper: format.A4},
		"large":  {Paper: format.Letter, LargePrint: true},
	}
	subsets := &pdfwriter.Subsets{}
	for _, lang := range []string{"ru", "vi", "el"} {
		file := "../testdata/languages/" + lang + ".yaml"
		for bn, br := range brands {
			for on, opt := range options {
				if bn == "brand" && on != "letter" {
					continue // the brand changes the furniture, not the fonts
				}
				h, errs := Load(file, br, opt, time.Now())
				if errs.HasErrors() {
					t.Fatalf("%s: %v", file, errs.Errors())
				}
				lab, _ := labels.For(h.Language)
				for _, kind := range format.Kinds {
					name := strings.Join([]string{lang, bn, on, string(kind)}, ".")
					doc, err := format.Compose(kind, h, br, lab, opt)
					if tooLong := (*format.ErrTooLong)(nil); errors.As(err, &tooLong) {
						t.Logf("%s: %v", name, err)
						continue
					}
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					if doc.Fonts.Name != "NotoSans" {
						t.Errorf("%s: set in %s, want the shipped NotoSans", name, doc.Fonts.Name)
					}
					var buf bytes.Buffer
					if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Identity: []byte(name), Subsets: subsets}); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
					checkFontsAndQpdf(t, name, buf.Bytes())
					if on == "letter" {
						readsInOrder(t, name, pdfText(t, buf.Bytes()), handoutTexts(h, kind))
					}
				}
			}
		}
	}
}

// Haitian Creole and Tagalog are written in letters Atkinson Hyperlegible
// has: they print in it, out of the box, with every printed word in the
// handout's language.
func TestLatinLanguagesOutOfTheBox(t *testing.T) {
	tooltest.Require(t, "qpdf")
	options := map[string]format.Options{
		"letter": {Paper: format.Letter},
		"a4":     {Paper: format.A4},
		"large":  {Paper: format.Letter, LargePrint: true},
	}
	subsets := &pdfwriter.Subsets{}
	br := defaultBrand(t)
	for _, lang := range []string{"ht", "tl"} {
		file := "../testdata/languages/" + lang + ".yaml"
		for on, opt := range options {
			h, errs := Load(file, br, opt, time.Now())
			if errs.HasErrors() {
				t.Fatalf("%s: %v", file, errs.Errors())
			}
			lab, exact := labels.For(h.Language)
			if !exact || lab.Lang != lang {
				t.Fatalf("%s: labels for %q, exact %v", file, lab.Lang, exact)
			}
			for _, kind := range format.Kinds {
				name := strings.Join([]string{lang, on, string(kind)}, ".")
				doc, err := format.Compose(kind, h, br, lab, opt)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if doc.Fonts != br.Fonts {
					t.Errorf("%s: set in %s, want the brand's %s", name, doc.Fonts.Name, br.Fonts.Name)
				}
				var buf bytes.Buffer
				if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Identity: []byte(name), Subsets: subsets}); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
				checkFontsAndQpdf(t, name, buf.Bytes())
				text := pdfText(t, buf.Bytes())
				if on == "letter" {
					readsInOrder(t, name, text, handoutTexts(h, kind))
				}
				// The printed labels are the language's, never English.
				var want []string
				switch kind {
				case format.Guide, format.Summary:
					want = append(want, lab.ShortVersion)
				case format.FAQ:
					want = append(want, lab.YourQuestions)
				}
				if n := len(doc.Pages); n > 1 {
					want = append(want, lab.Page(n, n))
				}
				for _, w := range want {
					if !strings.Contains(strings.Join(strings.Fields(text), " "), w) {
						t.Errorf("%s: %q is not printed", name, w)
					}
				}
				for _, english := range []string{"The short version", "Your questions", "Page 1 of"} {
					if strings.Contains(text, english) {
						t.Errorf("%s: prints the English %q", name, english)
					}
				}
			}
		}
	}
}

// handoutTexts are the texts a format prints, in reading order.
func handoutTexts(h *content.Handout, kind format.Kind) []string {
	out := []string{h.Title.Raw}
	if h.Subtitle.Raw != "" && kind != format.FAQ {
		out = append(out, h.Subtitle.Raw)
	}
	if kind == format.FAQ {
		for _, qa := range h.FAQ {
			out = append(out, qa.Q.Raw, qa.A.Raw)
		}
		return out
	}
	for _, s := range h.Summary {
		out = append(out, content.PlainText(s.Spans))
	}
	for _, sec := range h.Sections {
		out = append(out, sec.Heading.Raw)
		if kind == format.Summary {
			out = append(out, sec.Brief.Raw)
			continue
		}
		for _, p := range sec.Body {
			out = append(out, content.PlainText(p.Spans))
		}
		for _, b := range sec.Bullets {
			out = append(out, content.PlainText(b.Spans))
		}
	}
	if kind == format.Guide {
		for _, qa := range h.FAQ {
			out = append(out, qa.Q.Raw, qa.A.Raw)
		}
	}
	return out
}

// readsInOrder fails unless each text is in got, each after the one before,
// spaces folded (a line break reads as a space; a no-break space too).
func readsInOrder(t *testing.T, name, got string, texts []string) {
	t.Helper()
	readsInOrderFolded(t, name, got, texts, func(s string) string {
		s = strings.NewReplacer("“", "\"", "”", "\"", "’", "'").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	})
}

// readsInOrderFolded fails unless each text, folded, is in got, folded,
// each after the one before.
func readsInOrderFolded(t *testing.T, name, got string, texts []string, fold func(string) string) {
	t.Helper()
	flat := fold(got)
	at := 0
	for _, want := range texts {
		w := fold(want)
		i := strings.Index(flat[at:], w)
		if i < 0 {
			t.Errorf("%s: pdftotext lacks %q after byte %d:\n%s", name, w, at, flat)
			return
		}
		at += i + len(w)
	}
}

// checkFontsAndQpdf reads pdf with qpdf --check and pdffonts: every font
// embedded, with a Unicode map.
func checkFontsAndQpdf(t *testing.T, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tooltest.Require(t, "qpdf"), "--check", path)
	if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
	}
	cmd = exec.Command(tooltest.Require(t, "pdffonts"), path)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: pdffonts: %v", name, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("%s: pdffonts lists no font:\n%s", name, out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("%s: font not embedded with a Unicode map: %s", name, l)
		}
	}
	return string(out)
}
