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
