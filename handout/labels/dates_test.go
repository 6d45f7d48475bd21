package labels

import (
	"testing"
	"time"
)

func TestDates(t *testing.T) {
	en, _ := For("en")
	es, _ := For("es-MX")
	other := &Labels{Lang: "xx"}
	at := time.Date(2026, 12, 6, 10, 30, 0, 0, time.UTC)
	pm := time.Date(2026, 1, 9, 15, 5, 0, 0, time.UTC)
	for _, c := range []struct {
		got, want string
	}{
		{en.LongDate(at), "December 6, 2026"},
		{es.LongDate(at), "6 de diciembre de 2026"},
		{en.LongDateTime(at), "December 6, 2026, 10:30 AM"},
		{en.LongDateTime(pm), "January 9, 2026, 3:05 PM"},
		{es.LongDateTime(pm), "9 de enero de 2026, 15:05"},
		{other.LongDate(at), "December 6, 2026"},
		{(*Labels)(nil).LongDate(at), "December 6, 2026"},
		{en.DateField("2026-12-06"), "December 6, 2026"},
		{en.DateField("2026-12-06T10:30"), "December 6, 2026, 10:30 AM"},
		{es.DateField("2026-12-06 10:30"), "6 de diciembre de 2026, 10:30"},
		{en.DateField("next Tuesday"), "next Tuesday"},
		{en.DateField("2026-13-40"), "2026-13-40"},
		{en.DateField(""), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// Every language with labels writes dates its own way.
func TestDatesEveryLanguage(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 30, 0, 0, time.UTC)
	want := map[string][2]string{
		"fr":      {"6 décembre 2026", "6 décembre 2026 à 10 h 30"},
		"pt":      {"6 de dezembro de 2026", "6 de dezembro de 2026, às 10:30"},
		"it":      {"6 dicembre 2026", "6 dicembre 2026, ore 10:30"},
		"de":      {"6. Dezember 2026", "6. Dezember 2026, 10:30 Uhr"},
		"ht":      {"6 desanm 2026", "6 desanm 2026, 10:30"},
		"so":      {"6 Desembar 2026", "6 Desembar 2026, 10:30"},
		"tl":      {"Disyembre 6, 2026", "Disyembre 6, 2026, 10:30 AM"},
		"pl":      {"6 grudnia 2026", "6 grudnia 2026, godz. 10:30"},
		"ru":      {"6 декабря 2026 г.", "6 декабря 2026 г., 10:30"},
		"el":      {"6 Δεκεμβρίου 2026", "6 Δεκεμβρίου 2026, 10:30"},
		"vi":      {"ngày 6 tháng 12 năm 2026", "10:30, ngày 6 tháng 12 năm 2026"},
		"ar":      {"6 ديسمبر 2026", "6 ديسمبر 2026، 10:30"},
		"fa":      {"6 دسامبر 2026", "6 دسامبر 2026، 10:30"},
		"ur":      {"6 دسمبر 2026", "6 دسمبر 2026، 10:30"},
		"hi":      {"6 दिसंबर 2026", "6 दिसंबर 2026, 10:30"},
		"bn":      {"6 ডিসেম্বর 2026", "6 ডিসেম্বর 2026, 10:30"},
		"pa":      {"6 ਦਸੰਬਰ 2026", "6 ਦਸੰਬਰ 2026, 10:30"},
		"am":      {"ዲሴምበር 6, 2026", "ዲሴምበር 6, 2026፣ 10:30"},
		"zh-Hans": {"2026年12月6日", "2026年12月6日 10:30"},
		"zh-Hant": {"2026年12月6日", "2026年12月6日 10:30"},
		"ja":      {"2026年12月6日", "2026年12月6日 10:30"},
		"ko":      {"2026년 12월 6일", "2026년 12월 6일 10:30"},
	}
	for _, lang := range Supported {
		if lang == "en" || lang == "es" {
			continue
		}
		w, ok := want[lang]
		if !ok {
			t.Errorf("%s: no expected date", lang)
			continue
		}
		l, _ := For(lang)
		if got := l.LongDate(at); got != w[0] {
			t.Errorf("%s: LongDate %q, want %q", lang, got, w[0])
		}
		if got := l.DateField("2026-12-06T10:30"); got != w[1] {
			t.Errorf("%s: LongDateTime %q, want %q", lang, got, w[1])
		}
		if _, ok := dateStyles()[lang]; !ok {
			t.Errorf("%s: no date style", lang)
		}
	}
}
