package check

import (
	"testing"

	"handouts/handout/brand"
	"handouts/handout/diag"
)

// A brand's labels silence the warning when they give every label in a
// language the tool lacks, name the rest when they give some, and a label
// the font cannot print is refused at its place in the brand file.
func TestBrandLabelsFindings(t *testing.T) {
	s, errs := brand.DecodeFile("b.yaml", []byte("labels:\n  nl:\n    short_version: In het kort\n    faq: Veelgestelde vragen\n  es:\n    faq: Preguntas ❤\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, errs := brand.Resolve(nil, s)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	nl := decode(t, "title: T\nlanguage: nl\nsummary: [Rust, Slaap]\nsections:\n  - heading: H\n    body: Rust.\n")
	expect(t, Labels(nl, b, b.Fonts), []want{{"t.yaml:2:11", diag.Warning, []string{`language "nl" has no printed labels in the tool, and the brand's`, "give 2 of 13", "references, your_questions"}}})
	es := decode(t, "title: T\nlanguage: es-MX\nsummary: [Descanso, Sueño]\nsections:\n  - heading: H\n    body: Descanso.\n")
	expect(t, Labels(es, b, b.Fonts), []want{{"b.yaml:6:10", diag.Error, []string{"labels.es.faq contains U+2764", "cannot print", "t.yaml"}}})
	en := decode(t, "title: T\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Rest.\n")
	expect(t, Labels(en, b, b.Fonts), nil)
}

// The tool's own labels must print too: a Russian handout's are Cyrillic
// whatever its text, so a font without Cyrillic is refused once, at the
// language; the Latin-script languages print with the default font.
func TestToolLabelsPrintable(t *testing.T) {
	b := defaultBrand(t)
	ru := decode(t, "title: T\nlanguage: ru\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Rest.\n")
	expect(t, Labels(ru, b, b.Fonts), []want{{"t.yaml:2:11", diag.Error, []string{`the printed labels for language "ru"`, "U+041A (К)", "cannot print", "--font-dir"}}})
	for _, lang := range []string{"fr", "de", "pl", "pt", "it", "ht", "tl", "so", "es", "en"} {
		h := decode(t, "title: T\nlanguage: "+lang+"\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Rest.\n")
		if got := Labels(h, b, b.Fonts); len(got) != 0 {
			t.Errorf("%s: %s", lang, list(got))
		}
	}
}
