package labels

import (
	"testing"
	"time"
)

func TestFor(t *testing.T) {
	date := time.Date(2026, time.November, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		tag                  string
		ok                   bool
		short, page, reviewd string
	}{
		{"en", true, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"en-GB", true, "The short version", "Page 2 of 4", "Reviewed November 2026"},
		{"es", true, "En resumen", "Página 2 de 4", "Revisado en noviembre de 2026"},
		{"ES-mx", true, "En resumen", "Página 2 de 4", "Revisado en noviembre de 2026"},
		{"fr", false, "The short version", "Page 2 of 4", "Reviewed November 2026"},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			l, ok := For(tc.tag)
			if ok != tc.ok {
				t.Errorf("ok = %v, want %v", ok, tc.ok)
			}
			if l.ShortVersion != tc.short || l.Page(2, 4) != tc.page || l.Reviewed(date) != tc.reviewd {
				t.Errorf("got %q, %q, %q", l.ShortVersion, l.Page(2, 4), l.Reviewed(date))
			}
		})
	}
}

// Every language has every label: an empty one would print nothing.
func TestComplete(t *testing.T) {
	for _, tag := range Supported {
		l, _ := For(tag)
		for name, v := range map[string]string{"ShortVersion": l.ShortVersion, "FAQ": l.FAQ, "References": l.References,
			"YourQuestions": l.YourQuestions, "PatientGuide": l.PatientGuide, "Summary": l.Summary} {
			if v == "" {
				t.Errorf("%s: %s is empty", tag, name)
			}
		}
	}
}
