package labels

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// dateStyle is how one language writes a date and a time of day.
type dateStyle struct {
	months   [12]string
	date     func(day int, month string, year int) string
	clock    func(t time.Time) string
	dateTime string // "%[1]s, %[2]s": the date, then the time
}

// dateStyles are the languages' ways with dates, by labels language,
// made on first use (a date printed, the fonts checked for the labels)
// rather than when the program starts. English and Spanish are written
// out; the other languages write a day as their own style guides do (a
// genitive month in Polish, Russian and Greek: "6 grudnia 2026"), with the
// 24-hour clock but in Tagalog, which, like English, uses AM and PM.
var dateStyles = sync.OnceValue(func() map[string]dateStyle {
	styles := map[string]dateStyle{
		"en": {
			months:   [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
			date:     func(d int, m string, y int) string { return fmt.Sprintf("%s %d, %d", m, d, y) },
			clock:    func(t time.Time) string { return t.Format("3:04 PM") },
			dateTime: "%[1]s, %[2]s",
		},
		"es": {
			months:   [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
			date:     func(d int, m string, y int) string { return fmt.Sprintf("%d de %s de %d", d, m, y) },
			clock:    func(t time.Time) string { return t.Format("15:04") },
			dateTime: "%[1]s, %[2]s",
		},
	}
	h24 := func(t time.Time) string { return t.Format("15:04") }
	dmy := func(sep string) func(int, string, int) string {
		return func(d int, m string, y int) string { return fmt.Sprintf("%d%s%s %d", d, sep, m, y) }
	}
	nominative := func(lang string) [12]string { return tableOf(lang).months }
	add := func(lang string, months [12]string, date func(int, string, int) string, clock func(time.Time) string, dateTime string) {
		styles[lang] = dateStyle{months: months, date: date, clock: clock, dateTime: dateTime}
	}
	add("fr", nominative("fr"), dmy(" "), func(t time.Time) string { return t.Format("15") + " h " + t.Format("04") }, "%[1]s à %[2]s")
	add("pt", nominative("pt"), func(d int, m string, y int) string { return fmt.Sprintf("%d de %s de %d", d, m, y) }, h24, "%[1]s, às %[2]s")
	add("it", nominative("it"), dmy(" "), h24, "%[1]s, ore %[2]s")
	add("de", nominative("de"), dmy(". "), func(t time.Time) string { return t.Format("15:04") + " Uhr" }, "%[1]s, %[2]s")
	add("ht", nominative("ht"), dmy(" "), h24, "%[1]s, %[2]s")
	add("so", nominative("so"), dmy(" "), h24, "%[1]s, %[2]s")
	add("tl", nominative("tl"), func(d int, m string, y int) string { return fmt.Sprintf("%s %d, %d", m, d, y) }, func(t time.Time) string { return t.Format("3:04 PM") }, "%[1]s, %[2]s")
	add("pl", [12]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}, dmy(" "), h24, "%[1]s, godz. %[2]s")
	add("ru", [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},
		func(d int, m string, y int) string { return fmt.Sprintf("%d %s %d г.", d, m, y) }, h24, "%[1]s, %[2]s")
	add("el", [12]string{"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"}, dmy(" "), h24, "%[1]s, %[2]s")
	add("vi", nominative("vi"), func(d int, m string, y int) string { return fmt.Sprintf("ngày %d %s năm %d", d, m, y) }, h24, "%[2]s, %[1]s")
	for _, lang := range []string{"ar", "fa", "ur"} {
		add(lang, nominative(lang), dmy(" "), h24, "%[1]s، %[2]s")
	}
	for _, lang := range []string{"hi", "bn", "pa"} {
		add(lang, nominative(lang), dmy(" "), h24, "%[1]s, %[2]s")
	}
	add("am", nominative("am"), func(d int, m string, y int) string { return fmt.Sprintf("%s %d, %d", m, d, y) }, h24, "%[1]s፣ %[2]s")
	// The month names here are "12月", "12월": the day follows them.
	for _, lang := range []string{"zh-Hans", "zh-Hant", "ja"} {
		add(lang, nominative(lang), func(d int, m string, y int) string { return fmt.Sprintf("%d年%s%d日", y, m, d) }, h24, "%[1]s %[2]s")
	}
	add("ko", nominative("ko"), func(d int, m string, y int) string { return fmt.Sprintf("%d년 %s %d일", y, m, d) }, h24, "%[1]s %[2]s")
	return styles
})

// style is the language's way with dates; a language without one is
// written as English is, so a date is never left out or garbled.
func (l *Labels) style() dateStyle {
	if l != nil {
		if st, ok := dateStyles()[l.Lang]; ok {
			return st
		}
	}
	return dateStyles()["en"]
}

// LongDate is a day written out in the handout's language: "December 6,
// 2026", "6 de diciembre de 2026".
func (l *Labels) LongDate(t time.Time) string {
	st := l.style()
	return st.date(t.Day(), st.months[t.Month()-1], t.Year())
}

// LongDateTime is a day and a time of day: "December 6, 2026, 10:30 AM",
// "6 de diciembre de 2026, 10:30".
func (l *Labels) LongDateTime(t time.Time) string {
	st := l.style()
	return fmt.Sprintf(st.dateTime, l.LongDate(t), st.clock(t))
}

// The forms a date comes in from the front desk's page (its date and
// date-and-time inputs) or a script: ISO 8601, without a time zone.
var (
	isoDate      = "2006-01-02"
	isoDateTimes = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"}
)

// DateField writes a date the front desk gave, in the handout's language:
// an ISO date ("2026-12-06") as LongDate, an ISO date and time
// ("2026-12-06T10:30") as LongDateTime. Anything else is the clinic's own
// wording ("next Tuesday") and is printed as given.
func (l *Labels) DateField(s string) string {
	v := strings.TrimSpace(s)
	if t, err := time.Parse(isoDate, v); err == nil {
		return l.LongDate(t)
	}
	for _, f := range isoDateTimes {
		if t, err := time.Parse(f, v); err == nil {
			return l.LongDateTime(t)
		}
	}
	return s
}
