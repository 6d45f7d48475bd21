// Package labels holds the words the tool itself prints on a handout, in
// each supported language, chosen by the content file's language tag, and
// lets a clinic's brand file replace any of them per language.
//
// The translations are the project's own, written for this tool and not
// reviewed by certified medical translators: a clinic's translators have
// the last word through the brand file's `labels:` (see Override).
package labels

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Labels is one language's printed words.
type Labels struct {
	// Lang is the language the labels are in: a primary subtag ("fr"), or
	// a language and script for Chinese ("zh-Hant"); "en" for a language
	// the tool has no labels for.
	Lang          string
	ShortVersion  string
	FAQ           string
	References    string
	YourQuestions string
	PatientGuide  string
	Summary       string
	// The personalisation block the front desk adds (handouts serve).
	Patient, Clinician, Date, NextVisit, CareTeamNote string
	pageOf                                            string // "Page {n} of {total}"
	reviewed                                          string // "Reviewed {date}"
	months                                            [12]string
	monthYear                                         string // "{month} {year}"
}

// Page is "Page n of total".
func (l *Labels) Page(n, total int) string {
	return strings.NewReplacer("{n}", fmt.Sprint(n), "{total}", fmt.Sprint(total)).Replace(l.pageOf)
}

// Reviewed is "Reviewed November 2026".
func (l *Labels) Reviewed(t time.Time) string {
	return strings.Replace(l.reviewed, "{date}", l.MonthYear(t), 1)
}

// MonthYear is a month and year in the labels' language: "November 2026",
// "noviembre de 2026", "2026年11月".
func (l *Labels) MonthYear(t time.Time) string {
	return strings.NewReplacer("{month}", l.months[t.Month()-1], "{year}", fmt.Sprint(t.Year())).Replace(l.monthYear)
}

// Key names one printed label, as a brand file's `labels:` spells it.
type Key struct {
	Name string
	// English is the English label, for the README and messages.
	English string
	// Placeholders must each appear once in the text ("{n}").
	Placeholders []string
	field        func(*Labels) *string
}

// Keys lists every label a brand file may override, in the order the
// README lists them.
var Keys = []Key{
	{Name: "short_version", English: "The short version", field: func(l *Labels) *string { return &l.ShortVersion }},
	{Name: "faq", English: "Frequently asked questions", field: func(l *Labels) *string { return &l.FAQ }},
	{Name: "references", English: "References", field: func(l *Labels) *string { return &l.References }},
	{Name: "your_questions", English: "Your questions", field: func(l *Labels) *string { return &l.YourQuestions }},
	{Name: "patient_guide", English: "Patient guide", field: func(l *Labels) *string { return &l.PatientGuide }},
	{Name: "summary", English: "One-page summary", field: func(l *Labels) *string { return &l.Summary }},
	{Name: "patient", English: "For", field: func(l *Labels) *string { return &l.Patient }},
	{Name: "care_team", English: "Care team", field: func(l *Labels) *string { return &l.Clinician }},
	{Name: "date", English: "Date", field: func(l *Labels) *string { return &l.Date }},
	{Name: "next_appointment", English: "Next appointment", field: func(l *Labels) *string { return &l.NextVisit }},
	{Name: "care_team_note", English: "Note from your care team", field: func(l *Labels) *string { return &l.CareTeamNote }},
	{Name: "page", English: "Page {n} of {total}", Placeholders: []string{"{n}", "{total}"}, field: func(l *Labels) *string { return &l.pageOf }},
	{Name: "reviewed", English: "Reviewed {date}", Placeholders: []string{"{date}"}, field: func(l *Labels) *string { return &l.reviewed }},
}

// KeyNames lists the names of Keys.
func KeyNames() []string {
	out := make([]string, len(Keys))
	for i, k := range Keys {
		out[i] = k.Name
	}
	return out
}

// LookupKey returns the key called name.
func LookupKey(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// Get returns the label's text in l.
func (k Key) Get(l *Labels) string { return *k.field(l) }

// Check says what is wrong with text as this label, or "": a label is one
// line, and a label with placeholders has each of them once and no other.
func (k Key) Check(text string) string {
	if strings.TrimSpace(text) == "" {
		return "is empty"
	}
	if strings.ContainsAny(text, "\n\r\u2028\u2029") {
		return "must be one line"
	}
	if i := strings.IndexFunc(text, unicode.IsControl); i >= 0 {
		return fmt.Sprintf("holds the control character U+%04X; type the label as it should print", []rune(text[i:])[0])
	}
	rest := text
	for _, p := range k.Placeholders {
		switch strings.Count(rest, p) {
		case 0:
			return fmt.Sprintf("needs %s where the %s goes, as in %q", p, placeholderMeaning[p], k.English)
		case 1:
		default:
			return fmt.Sprintf("has %s more than once", p)
		}
		rest = strings.Replace(rest, p, "", 1)
	}
	if i := strings.IndexByte(rest, '{'); i >= 0 && strings.IndexByte(rest[i:], '}') > 0 {
		bad := rest[i : i+strings.IndexByte(rest[i:], '}')+1]
		if len(k.Placeholders) == 0 {
			return fmt.Sprintf("has %s, but this label has no placeholders; it prints as written", bad)
		}
		return fmt.Sprintf("has %s, which is not a placeholder of this label (it has %s)", bad, strings.Join(k.Placeholders, " and "))
	}
	return ""
}

var placeholderMeaning = map[string]string{"{n}": "page number", "{total}": "page count", "{date}": "month and year"}

// Override is a clinic's own wording of one label.
type Override struct {
	Key  string // a Keys name
	Text string
}

// With returns a copy of l with the overrides applied in order (a later one
// wins). Overrides are checked when the brand file is read; one with an
// unknown key or a text Check refuses is skipped here.
func (l *Labels) With(overrides []Override) *Labels {
	c := *l
	for _, o := range overrides {
		k, ok := LookupKey(o.Key)
		if !ok || k.Check(o.Text) != "" {
			continue
		}
		*k.field(&c) = o.Text
	}
	return &c
}

// For returns the labels for a BCP 47 tag (see Match: "pt-BR" uses
// Portuguese, "zh-TW" Traditional Chinese). ok is false when the language
// has no labels; English is returned then, and the caller warns.
func For(tag string) (l *Labels, ok bool) {
	lang, ok := Match(tag)
	if !ok {
		lang = "en"
	}
	return tableOf(lang).labels(), ok
}

func (t *table) labels() *Labels {
	l := &Labels{Lang: t.lang, months: t.months, monthYear: t.monthYear}
	for i, k := range Keys {
		*k.field(l) = t.text[i]
	}
	return l
}

// Printed returns every text these labels may put on a page: each label,
// the month names of review dates and of the front desk's dates, and the
// time words of its clock (AM, Uhr …), for a check that the fonts print
// them all.
func (l *Labels) Printed() []string {
	var out []string
	for _, k := range Keys {
		out = append(out, k.Get(l))
	}
	out = append(out, l.months[:]...)
	st := l.style()
	out = append(out, st.months[:]...)
	noon := time.Date(2026, 12, 6, 13, 30, 0, 0, time.UTC)
	return append(out, l.LongDateTime(noon))
}
