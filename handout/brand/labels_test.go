package brand

import (
	"strings"
	"testing"
	"time"
)

// The contract's example: accepted, and printed in place of the tool's.
func TestLabelsContractExample(t *testing.T) {
	s, errs := DecodeFile("b.yaml", []byte("name: Clinic\nlabels:\n  es:\n    short_version: Lo más importante\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, errs := Resolve(nil, s)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if len(b.Labels) != 1 || b.Labels[0].Pos.String() != "b.yaml:4:20" {
		t.Fatalf("labels %+v", b.Labels)
	}
	for _, lang := range []string{"es", "es-MX", "ES_us"} {
		l, ok := b.LabelsFor(lang)
		if !ok || l.ShortVersion != "Lo más importante" || l.FAQ != "Preguntas frecuentes" {
			t.Errorf("%s: %q %q %v", lang, l.ShortVersion, l.FAQ, ok)
		}
	}
	if l, _ := b.LabelsFor("en"); l.ShortVersion != "The short version" {
		t.Errorf("en: %q", l.ShortVersion)
	}
	// Labels are part of what the brand puts on a page.
	plain, _ := Resolve(nil, Settings{Clinic: s[Clinic]})
	if string(plain.Fingerprint()) == string(b.Fingerprint()) {
		t.Error("the fingerprint ignores labels")
	}
}

func TestLabelsFor(t *testing.T) {
	src := `labels:
  es:
    short_version: Lo más importante
    page: "Hoja {n} de {total}"
  es-MX:
    short_version: Lo principal
  zh-Hant:
    faq: 常問問題
  sw:
    short_version: Kwa ufupi
    faq: Maswali yanayoulizwa mara kwa mara
    references: Marejeo
    your_questions: Maswali yako
    patient_guide: Mwongozo wa mgonjwa
    summary: Muhtasari wa ukurasa mmoja
    patient: Kwa
    care_team: Timu ya huduma
    date: Tarehe
    next_appointment: Miadi ijayo
    care_team_note: Ujumbe kutoka kwa timu yako ya huduma
    page: "Ukurasa {n} wa {total}"
    reviewed: "Imepitiwa {date}"
  nl:
    short_version: In het kort
  pa:
    faq: ਸਵਾਲ
`
	s, errs := DecodeFile("b.yaml", []byte(src))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, _ := Resolve(nil, s)
	date := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		lang, short, faq, page string
		ok                     bool
	}{
		{"es", "Lo más importante", "Preguntas frecuentes", "Hoja 1 de 2", true},
		// es applies to es-MX, and es-MX over it.
		{"es-MX", "Lo principal", "Preguntas frecuentes", "Hoja 1 de 2", true},
		{"es-AR", "Lo más importante", "Preguntas frecuentes", "Hoja 1 de 2", true},
		{"zh-TW", "重點摘要", "常問問題", "第 1 頁，共 2 頁", true},
		{"zh-Hant-HK", "重點摘要", "常問問題", "第 1 頁，共 2 頁", true},
		// The Traditional wording is not lent to Simplified Chinese.
		{"zh-CN", "要点", "常见问题", "第 1 页，共 2 页", true},
		// A language the tool lacks, given whole by the brand.
		{"sw-KE", "Kwa ufupi", "Maswali yanayoulizwa mara kwa mara", "Ukurasa 1 wa 2", true},
		// Given in part: the rest is English, and ok is false.
		{"nl", "In het kort", "Frequently asked questions", "Page 1 of 2", false},
		// Gurmukhi wording is not lent to Punjabi in Shahmukhi.
		{"pa-Arab", "The short version", "Frequently asked questions", "Page 1 of 2", false},
		{"pa", "ਸੰਖੇਪ ਵਿੱਚ", "ਸਵਾਲ", "ਪੰਨਾ 1 / 2", true},
	} {
		l, ok := b.LabelsFor(tc.lang)
		if l.ShortVersion != tc.short || l.FAQ != tc.faq || l.Page(1, 2) != tc.page || ok != tc.ok {
			t.Errorf("%s: %q %q %q %v; want %q %q %q %v", tc.lang, l.ShortVersion, l.FAQ, l.Page(1, 2), ok, tc.short, tc.faq, tc.page, tc.ok)
		}
	}
	if l, _ := b.LabelsFor("sw"); l.Reviewed(date) != "Imepitiwa November 2026" {
		t.Errorf("sw reviewed: %q", l.Reviewed(date))
	}
	var nilBrand *Brand
	if l, ok := nilBrand.LabelsFor("fr"); !ok || l.ShortVersion != "En bref" {
		t.Errorf("nil brand: %q %v", l.ShortVersion, ok)
	}
}

func TestLabelsErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown key near", "labels:\n  es:\n    short_verison: Lo más importante\n",
			[]string{"b.yaml:3:5: unknown key `short_verison` in labels.es; did you mean `short_version`?"}},
		{"unknown key far", "labels:\n  es:\n    title: Título\n",
			[]string{"b.yaml:3:5: unknown key `title` in labels.es (known keys: short_version, faq, references, your_questions, patient_guide, summary, patient, care_team, date, next_appointment, care_team_note, page, reviewed)"}},
		{"language by name", "labels:\n  Spanish:\n    faq: Preguntas\n",
			[]string{"b.yaml:2:3: labels: \"Spanish\" is not a language tag; did you mean `es`?"}},
		{"country for language", "labels:\n  sp:\n    faq: Preguntas\n",
			[]string{"b.yaml:2:3: labels: \"sp\" is not a language tag (SP is a country code); did you mean `es`?"}},
		{"typo in a script", "labels:\n  zh-Hanz:\n    faq: 常问问题\n",
			[]string{"b.yaml:2:3: labels: \"zh-Hanz\" names the script \"Hanz\", which is not an ISO 15924 script code; did you mean `zh-Hans`?"}},
		{"no language", "labels:\n  qq:\n    faq: x\n",
			[]string{"b.yaml:2:3: labels: \"qq\" is not a language tag (BCP 47, as a handout's `language`: en, es, zh-Hans"}},
		{"not a tag", "labels:\n  \"e s\":\n    faq: x\n",
			[]string{"b.yaml:2:3: labels: \"e s\" is not a language tag (BCP 47"}},
		{"twice", "labels:\n  es:\n    faq: A\n  ES:\n    faq: B\n",
			[]string{"b.yaml:4:3: labels: language \"ES\" is given twice; give each language's labels once"}},
		{"page without total", "labels:\n  es:\n    page: \"Hoja {n}\"\n",
			[]string{"b.yaml:3:11: labels.es.page needs {total} where the page count goes, as in \"Page {n} of {total}\""}},
		{"reviewed without date", "labels:\n  es:\n    reviewed: Revisado\n",
			[]string{"b.yaml:3:15: labels.es.reviewed needs {date} where the month and year goes, as in \"Reviewed {date}\""}},
		{"unknown placeholder", "labels:\n  es:\n    page: \"{n} de {total} {pages}\"\n",
			[]string{"b.yaml:3:11: labels.es.page has {pages}, which is not a placeholder of this label (it has {n} and {total})"}},
		{"empty label", "labels:\n  es:\n    faq: \"\"\n",
			[]string{"b.yaml:3:10: labels.es.faq is empty"}},
		{"two lines", "labels:\n  es:\n    faq: |\n      A\n      B\n",
			[]string{"b.yaml:3:10: labels.es.faq must be one line"}},
		{"not a mapping", "labels: Lo más importante\n",
			[]string{"b.yaml:1:9: labels must be a mapping of language tags to labels"}},
		{"language not a mapping", "labels:\n  es: Lo más importante\n",
			[]string{"b.yaml:2:7: labels.es must be a mapping of keys (like `short_version: ...`), not the value \"Lo más importante\""}},
		{"empty", "labels: {}\n",
			[]string{"b.yaml:1:9: labels: the mapping is empty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := DecodeFile("b.yaml", []byte(tc.src))
			if len(errs) != len(tc.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(errs), len(tc.want), errs)
			}
			for i, e := range errs {
				if !strings.HasPrefix(e.String(), "b.yaml") || !strings.Contains(e.String(), strings.TrimPrefix(tc.want[i], "")) {
					t.Errorf("got  %s\nwant %s", e, tc.want[i])
				}
			}
		})
	}
}
