package labels

import (
	"strings"
	"testing"
	"time"
)

func TestFor(t *testing.T) {
	date := time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		tag                   string
		ok                    bool
		short, page, reviewed string
	}{
		{"en", true, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"en-GB", true, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"es", true, "En resumen", "Página 2 de 4", "Revisado en noviembre de 2026"},
		{"ES-mx", true, "En resumen", "Página 2 de 4", "Revisado en noviembre de 2026"},
		{"fr", true, "En bref", "Page 2 sur 4", "Révisé en novembre 2026"},
		{"fr-CA", true, "En bref", "Page 2 sur 4", "Révisé en novembre 2026"},
		{"pt-BR", true, "Em resumo", "Página 2 de 4", "Revisado em novembro de 2026"},
		{"pt_PT", true, "Em resumo", "Página 2 de 4", "Revisado em novembro de 2026"},
		{"de", true, "Das Wichtigste in Kürze", "Seite 2 von 4", "Stand: November 2026"},
		{"pl", true, "W skrócie", "Strona 2 z 4", "Sprawdzono: listopad 2026"},
		{"it", true, "In breve", "Pagina 2 di 4", "Revisione: novembre 2026"},
		{"ht", true, "An rezime", "Paj 2 sou 4", "Revize nan novanm 2026"},
		{"tl", true, "Sa madaling salita", "Pahina 2 ng 4", "Sinuri noong Nobyembre 2026"},
		{"fil", true, "Sa madaling salita", "Pahina 2 ng 4", "Sinuri noong Nobyembre 2026"},
		{"vi-VN", true, "Những điều chính", "Trang 2 / 4", "Cập nhật: tháng 11 năm 2026"},
		{"ru", true, "Коротко о главном", "Страница 2 из 4", "Проверено: ноябрь 2026 г."},
		{"el", true, "Με λίγα λόγια", "Σελίδα 2 από 4", "Αναθεώρηση: Νοέμβριος 2026"},
		{"ar-EG", true, "الخلاصة", "صفحة 2 من 4", "تاريخ المراجعة: نوفمبر 2026"},
		{"fa-IR", true, "خلاصه", "صفحهٔ 2 از 4", "بازبینی: نوامبر 2026"},
		{"prs", true, "خلاصه", "صفحهٔ 2 از 4", "بازبینی: نوامبر 2026"},
		{"ur-PK", true, "خلاصہ", "صفحہ 2 از 4", "نظرِ ثانی: نومبر 2026"},
		{"hi", true, "संक्षेप में", "पृष्ठ 2 / 4", "समीक्षा: नवंबर 2026"},
		{"bn-BD", true, "সংক্ষেপে", "পৃষ্ঠা 2 / 4", "পর্যালোচনা: নভেম্বর 2026"},
		{"pa", true, "ਸੰਖੇਪ ਵਿੱਚ", "ਪੰਨਾ 2 / 4", "ਸਮੀਖਿਆ: ਨਵੰਬਰ 2026"},
		{"pa-Guru-IN", true, "ਸੰਖੇਪ ਵਿੱਚ", "ਪੰਨਾ 2 / 4", "ਸਮੀਖਿਆ: ਨਵੰਬਰ 2026"},
		{"am-ET", true, "በአጭሩ", "ገጽ 2 ከ 4", "የተገመገመበት: ኖቬምበር 2026"},
		{"so", true, "Si kooban", "Bogga 2 ee 4", "Dib loo eegay: Nofembar 2026"},
		{"zh", true, "要点", "第 2 页，共 4 页", "审阅日期：2026年11月"},
		{"zh-CN", true, "要点", "第 2 页，共 4 页", "审阅日期：2026年11月"},
		{"zh-Hans-SG", true, "要点", "第 2 页，共 4 页", "审阅日期：2026年11月"},
		{"zh-TW", true, "重點摘要", "第 2 頁，共 4 頁", "審閱日期：2026年11月"},
		{"zh-HK", true, "重點摘要", "第 2 頁，共 4 頁", "審閱日期：2026年11月"},
		{"zh-Hant", true, "重點摘要", "第 2 頁，共 4 頁", "審閱日期：2026年11月"},
		{"yue", true, "重點摘要", "第 2 頁，共 4 頁", "審閱日期：2026年11月"},
		{"ko-KR", true, "핵심 요약", "2 / 4쪽", "검토일: 2026년 11월"},
		{"ja", true, "要点", "2 / 4 ページ", "確認日：2026年11月"},
		// No labels: English, and the caller warns.
		{"sw", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"pa-Arab", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"ru-Latn", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"zh-Latn", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"not a tag", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			l, ok := For(tc.tag)
			if ok != tc.ok {
				t.Errorf("ok = %v, want %v", ok, tc.ok)
			}
			if l.ShortVersion != tc.short || l.Page(2, 4) != tc.page || l.Reviewed(date) != tc.reviewed {
				t.Errorf("got %q, %q, %q; want %q, %q, %q", l.ShortVersion, l.Page(2, 4), l.Reviewed(date), tc.short, tc.page, tc.reviewed)
			}
		})
	}
}

// Every language the issue names has labels: the states' top-15 lists.
func TestIssueLanguages(t *testing.T) {
	for _, tag := range strings.Fields("en es ru vi ar fa ur hi bn pa am ht tl so el zh-Hans zh-Hant ko ja fr pt pl it de") {
		if l, ok := For(tag); !ok || l.Lang != tag {
			t.Errorf("%s: labels %q, ok %v", tag, l.Lang, ok)
		}
	}
}

// Every language has every label and every month, each label passes the
// check a brand's own wording must pass, and no two languages but the
// two Chinese scripts share a "short version" (a copy-paste slip).
func TestComplete(t *testing.T) {
	seen := map[string]string{}
	for _, tag := range Supported {
		tb := tableOf(tag)
		l, _ := For(tag)
		for _, k := range Keys {
			if msg := k.Check(k.Get(l)); msg != "" {
				t.Errorf("%s: %s %s: %q", tag, k.Name, msg, k.Get(l))
			}
		}
		for i, m := range tb.months {
			if m == "" {
				t.Errorf("%s: month %d is empty", tag, i+1)
			}
		}
		if !strings.Contains(tb.monthYear, "{month}") || !strings.Contains(tb.monthYear, "{year}") {
			t.Errorf("%s: monthYear %q", tag, tb.monthYear)
		}
		if m, ok := Match(tag); !ok || m != tag {
			t.Errorf("Match(%q) = %q, %v", tag, m, ok)
		}
		if other, dup := seen[l.ShortVersion]; dup && !(tag == "ja" && other == "zh-Hans") {
			t.Errorf("%s and %s share the short version %q", other, tag, l.ShortVersion)
		}
		seen[l.ShortVersion] = tag
		// A language named in English finds its tag.
		if got, ok := ByName(tb.names[0]); !ok || got != tag {
			t.Errorf("ByName(%q) = %q, %v", tb.names[0], got, ok)
		}
	}
	if len(Keys) != len(languages[0].text) {
		t.Errorf("%d keys, %d texts", len(Keys), len(languages[0].text))
	}
}

// English and Spanish are printed exactly as before the table: their PDFs
// must not change.
func TestEnglishSpanishUnchanged(t *testing.T) {
	en, _ := For("en")
	es, _ := For("es")
	want := []string{"The short version", "Frequently asked questions", "References", "Your questions", "Patient guide", "One-page summary", "For", "Care team", "Date", "Next appointment", "Note from your care team"}
	got := []string{en.ShortVersion, en.FAQ, en.References, en.YourQuestions, en.PatientGuide, en.Summary, en.Patient, en.Clinician, en.Date, en.NextVisit, en.CareTeamNote}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("en: %q", got)
	}
	if es.Summary != "Resumen de una página" || es.NextVisit != "Próxima cita" || es.Page(1, 1) != "Página 1 de 1" {
		t.Errorf("es: %q %q %q", es.Summary, es.NextVisit, es.Page(1, 1))
	}
}

func TestWith(t *testing.T) {
	es, _ := For("es")
	l := es.With([]Override{{"short_version", "Lo más importante"}, {"page", "Hoja {n} de {total}"}, {"reviewed", "Actualizado: {date}"}, {"no_such", "x"}, {"page", "sin números"}})
	date := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	if l.ShortVersion != "Lo más importante" || l.Page(1, 3) != "Hoja 1 de 3" || l.Reviewed(date) != "Actualizado: marzo de 2026" || l.FAQ != "Preguntas frecuentes" {
		t.Errorf("got %q %q %q %q", l.ShortVersion, l.Page(1, 3), l.Reviewed(date), l.FAQ)
	}
	if es.ShortVersion != "En resumen" {
		t.Errorf("With changed its receiver: %q", es.ShortVersion)
	}
}

func TestCheck(t *testing.T) {
	page, _ := LookupKey("page")
	short, _ := LookupKey("short_version")
	for _, tc := range []struct {
		k          Key
		text, want string
	}{
		{page, "Hoja {n} de {total}", ""},
		{page, "{total}: {n}", ""},
		{page, "Hoja {n}", "needs {total}"},
		{page, "Hoja {n} de {total} {n}", "more than once"},
		{page, "Hoja {n} de {total} {x}", "{x}, which is not a placeholder"},
		{short, "Lo más importante", ""},
		{short, "  ", "is empty"},
		{short, "a\nb", "one line"},
		{short, "a\tb", "control character U+0009"},
		{short, "Lo {n}", "no placeholders"},
	} {
		if got := tc.k.Check(tc.text); tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%s %q: %q, want %q", tc.k.Name, tc.text, got, tc.want)
		}
	}
}

func TestKnown(t *testing.T) {
	for tag, want := range map[string]bool{"es": true, "sw": true, "es-MX": true, "haw": true, "sp": false, "xx": false, "spanish": false, "e": false, "": false} {
		if got := Known(tag); got != want {
			t.Errorf("Known(%q) = %v", tag, got)
		}
	}
}

func TestRightToLeft(t *testing.T) {
	for tag, want := range map[string]bool{"ar": true, "ar-EG": true, "fa-IR": true, "ur": true, "he": true, "pa-Arab": true, "az-Latn": false,
		"ku-Arab": true, "en": false, "hi": false, "zh-Hant": false, "am": false, "": false, "ar-Latn": false} {
		if got := RightToLeft(tag); got != want {
			t.Errorf("RightToLeft(%q) = %v", tag, got)
		}
	}
	if Name("zh-Hant") != "Traditional Chinese" || Name("ht") != "Haitian Creole" || Name("xx") != "" {
		t.Errorf("Name: %q %q", Name("zh-Hant"), Name("ht"))
	}
}

func TestContinued(t *testing.T) {
	es, _ := For("es-MX")
	en, _ := For("en")
	if es.Continued() != "continuación" || en.Continued() != "continued" {
		t.Errorf("continued: es %q, en %q", es.Continued(), en.Continued())
	}
}

// A run-in heading takes a colon unless it ends in its own punctuation; a
// closing bracket or quote is not the heading's punctuation, so it still
// takes one.
func TestRunIn(t *testing.T) {
	en, _ := For("en")
	for in, want := range map[string]string{
		"What is asthma?":       "What is asthma? ",
		"Dose":                  "Dose: ",
		"Inhalers (rescue)":     "Inhalers (rescue): ",
		"The \u201cquiet\u201d": "The \u201cquiet\u201d: ",
	} {
		if got := en.RunIn(in); got != want {
			t.Errorf("RunIn(%q) = %q, want %q", in, got, want)
		}
	}
}
