package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every handout in data/ and testdata/ builds all its formats with a
// name-only brand and with the brand that stretches the layout (long name
// and tagline, wordmark logo as a 16-bit PNG, serif font, Spanish text), on
// Letter and A4, in regular and large print; the PDFs' text holds nothing
// cut with "…", the whole clinic name, and each handout's own language's
// brand text. (The layout-level matrix, with no brand and the example brand
// too, is handout/format's TestMatrix.)
func TestBrandMatrixPDFs(t *testing.T) {
	requireTool(t, "pdftotext")
	files, _ := filepath.Glob("data/*.yaml")
	more, _ := filepath.Glob("testdata/*.yaml")
	files = append(files, more...)
	for _, br := range []struct{ file, name, en, es string }{
		{"testdata/brand/name-only.yaml", "Riverbend Wellness Clinic", "", ""},
		{"testdata/brand/cedar-hollow/brand.yaml", "Cedar Hollow Behavioural Health & Family Care",
			"Counseling, psychiatry & recovery care for the whole family.", "Consejería, psiquiatría y recuperación para toda la familia."},
	} {
		for _, paper := range []string{"letter", "a4"} {
			for _, lp := range []bool{false, true} {
				args := []string{"--quiet", "--brand", br.file, "--paper", paper}
				if lp {
					args = append(args, "--large-print")
				}
				out := build(t, nil, append(args, files...)...)
				got := pdfs(t, out)
				if len(got) < 3*len(files)-1 { // no-faq.yaml has no FAQ sheet
					t.Errorf("%s %s large=%v: %d PDFs for %d handouts", br.file, paper, lp, len(got), len(files))
				}
				for _, pdf := range got {
					text := pdfText(t, pdf, false)
					where := br.file + " " + paper + " " + filepath.Base(pdf)
					if lp {
						where += " (large print)"
					}
					if strings.Contains(text, "…") {
						t.Errorf("%s: text cut with …", where)
					}
					if !strings.Contains(text, br.name) {
						t.Errorf("%s: the clinic name is not printed whole", where)
					}
					if br.en == "" || !strings.Contains(filepath.Base(pdf), "-guide") {
						continue
					}
					want, not := br.en, br.es
					if base := filepath.Base(pdf); strings.HasPrefix(base, "asma-") || strings.HasPrefix(base, "diabetes-es-") { // the Spanish handouts
						want, not = br.es, br.en
					}
					if !strings.Contains(text, want) || strings.Contains(text, not) {
						t.Errorf("%s: want the tagline %q, not %q", where, want, not)
					}
				}
			}
		}
	}
}
