package handout

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/handout/pdfwriter"
	"handouts/handout/starter"
)

// Every template `handouts new` writes in a language of its own checks
// clean (no error, no warning), builds in all three formats with no
// brand and no font flag, and reads back word for word: a clinic starts
// from a file that already prints in its patients' language, with the
// labels in that language too.
func TestEveryTemplateBuilds(t *testing.T) {
	br := defaultBrand(t)
	opt := format.Options{Paper: format.Letter}
	today := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	subsets := &pdfwriter.Subsets{}
	for _, lang := range starter.Languages {
		t.Run(lang, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "asthma-at-home.yaml")
			src, err := starter.Template(lang, "asthma-at-home", path, today)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			rep, err := Check(context.Background(), []string{path}, br, opt, today)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Errors() > 0 || rep.Warnings() > 0 {
				t.Errorf("check: %v", rep.Findings)
			}
			h, errs := Load(path, br, opt, today)
			if errs.HasErrors() {
				t.Fatalf("%v", errs.Errors())
			}
			if h.Language != lang {
				t.Errorf("language %q", h.Language)
			}
			lab, ok := labels.For(h.Language)
			if !ok || lab.Lang != lang {
				t.Errorf("labels in %q for %q", lab.Lang, lang)
			}
			for _, kind := range format.Kinds {
				doc, err := format.Compose(kind, h, br, lab, opt)
				if err != nil {
					t.Fatalf("%s: %v", kind, err)
				}
				var buf bytes.Buffer
				if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Subsets: subsets}); err != nil {
					t.Fatalf("%s: %v", kind, err)
				}
				name := lang + " " + string(kind)
				checkFontsAndQpdf(t, name, buf.Bytes())
				text := pdfText(t, buf.Bytes())
				if exact, lines, missing := linesReadBack(&doc.Document, text, labels.RightToLeft(lang)); exact != lines {
					t.Errorf("%s: %d of %d lines read back exactly; not %q", name, exact, lines, missing)
				}
				if kind != format.FAQ && !strings.Contains(text, lab.ShortVersion) {
					t.Errorf("%s: the label %q is not printed", name, lab.ShortVersion)
				}
				if lang != "en" && strings.Contains(text, "The short version") {
					t.Errorf("%s: prints the English label", name)
				}
			}
		})
	}
}

// linesReadBack counts the lines of doc (the text ops of one element on
// one baseline, a link's with its paragraph's, in reading order) that
// pdftotext's text of the document gives back whole, and lists those it
// does not. Direction marks are removed and runs of spaces made one,
// nothing else; the pages are read apart (pdftotext ends each with a form
// feed).
//
// In a right-to-left document (rtl), a page poppler takes for a
// left-to-right one is not counted: poppler gives a whole page one
// direction, by whether it holds more left-to-right letters than
// right-to-left ones (a page of an Arabic handout that is mostly an
// English reference and its web address), and then puts a stop or a
// number at the left of a right-to-left line first.
func linesReadBack(doc *layout.Document, text string, rtl bool) (exact, lines int, missing []string) {
	norm := func(s string) string {
		return " " + strings.Join(foldForPoppler(s), " ") + " "
	}
	pages := strings.Split(text, "\f")
	for pi, page := range doc.Pages {
		read := ""
		if pi < len(pages) {
			read = norm(pages[pi])
		}
		if rtl && !popplerReadsRTL(read) {
			continue
		}
		// A line's runs touch: two texts on one baseline apart (a
		// footer's date and page number) are two lines.
		type key struct {
			y    float64
			elem int
		}
		type group struct {
			text   strings.Builder
			x0, x1 float64
		}
		var order []*group
		open := map[key][]*group{}
		for _, op := range page.Ops {
			if op.Kind != layout.TextOp {
				continue
			}
			e := op.Struct
			if e > 0 && doc.Tree.Structs[e].Role == layout.Link {
				e = doc.Tree.Structs[e].Parent
			}
			k := key{op.Y, e}
			var g *group
			for _, c := range open[k] {
				if op.X <= c.x1+1 && op.X+op.W >= c.x0-1 {
					g = c
				}
			}
			if g == nil {
				g = &group{x0: op.X, x1: op.X + op.W}
				open[k] = append(open[k], g)
				order = append(order, g)
			}
			g.x0, g.x1 = min(g.x0, op.X), max(g.x1, op.X+op.W)
			g.text.WriteString(op.Text)
		}
		for _, g := range order {
			line := norm(g.text.String())
			if strings.TrimSpace(line) == "" {
				continue
			}
			lines++
			if strings.Contains(read, line) {
				exact++
			} else {
				missing = append(missing, strings.TrimSpace(line))
			}
		}
	}
	return exact, lines, missing
}

// popplerReadsRTL is poppler's guess at a page's direction: right to left
// when it holds more characters of right-to-left type (letters of
// right-to-left scripts, right-to-left marks) than left-to-right letters.
func popplerReadsRTL(page string) bool {
	n := 0
	for _, r := range page {
		switch {
		case r == '\u200f', unicode.IsLetter(r) && unicode.In(r, unicode.Arabic, unicode.Hebrew):
			n--
		case unicode.IsLetter(r):
			n++
		}
	}
	return n < 0
}
