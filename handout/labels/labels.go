// Package labels holds the words the tool itself prints on a handout, in
// each supported language, chosen by the content file's language tag.
package labels

import (
	"fmt"
	"strings"
	"time"
)

// Labels is one language's printed words.
type Labels struct {
	Lang          string
	ShortVersion  string
	FAQ           string
	References    string
	YourQuestions string
	PatientGuide  string
	Summary       string
	// The personalisation block the front desk adds (handouts serve).
	Patient, Clinician, Date, NextVisit, CareTeamNote string
	pageOf                                            string // "Page %d of %d"
	reviewed                                          string // "Reviewed %s"
	months                                            [12]string
	monthYear                                         string // "%[1]s %[2]d"
}

// Page is "Page n of total".
func (l *Labels) Page(n, total int) string { return fmt.Sprintf(l.pageOf, n, total) }

// Reviewed is "Reviewed November 2026".
func (l *Labels) Reviewed(t time.Time) string {
	return fmt.Sprintf(l.reviewed, fmt.Sprintf(l.monthYear, l.months[t.Month()-1], t.Year()))
}

var english = Labels{
	Lang:          "en",
	ShortVersion:  "The short version",
	FAQ:           "Frequently asked questions",
	References:    "References",
	YourQuestions: "Your questions",
	PatientGuide:  "Patient guide",
	Summary:       "One-page summary",
	Patient:       "For",
	Clinician:     "Care team",
	Date:          "Date",
	NextVisit:     "Next appointment",
	CareTeamNote:  "Note from your care team",
	pageOf:        "Page %d of %d",
	reviewed:      "Reviewed %s",
	months:        [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	monthYear:     "%[1]s %[2]d",
}

var spanish = Labels{
	Lang:          "es",
	ShortVersion:  "En resumen",
	FAQ:           "Preguntas frecuentes",
	References:    "Referencias",
	YourQuestions: "Sus preguntas",
	PatientGuide:  "Guía para pacientes",
	Summary:       "Resumen de una página",
	Patient:       "Para",
	Clinician:     "Equipo de atención",
	Date:          "Fecha",
	NextVisit:     "Próxima cita",
	CareTeamNote:  "Nota de su equipo de atención",
	pageOf:        "Página %d de %d",
	reviewed:      "Revisado en %s",
	months:        [12]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	monthYear:     "%[1]s de %[2]d",
}

// Supported lists the languages with labels.
var Supported = []string{"en", "es"}

// For returns the labels for a BCP 47 tag by its primary language ("es-MX"
// uses Spanish). ok is false when the language has no labels; English is
// returned then, and the caller warns.
func For(tag string) (l *Labels, ok bool) {
	primary := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
	switch primary {
	case "en":
		e := english
		return &e, true
	case "es":
		s := spanish
		return &s, true
	}
	e := english
	return &e, false
}
