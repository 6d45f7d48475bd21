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
	expect(t, Labels(nl, b), []want{{"t.yaml:2:11", diag.Warning, []string{`language "nl" has no printed labels in the tool, and the brand's`, "give 2 of 13", "references, your_questions"}}})
	es := decode(t, "title: T\nlanguage: es-MX\nsummary: [Descanso, Sueño]\nsections:\n  - heading: H\n    body: Descanso.\n")
	expect(t, Labels(es, b), []want{{"b.yaml:6:10", diag.Error, []string{"labels.es.faq contains U+2764", "cannot print", "t.yaml"}}})
	en := decode(t, "title: T\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Rest.\n")
	expect(t, Labels(en, b), nil)
}
