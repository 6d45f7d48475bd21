package content

import (
	"fmt"
	"strings"
	"testing"
)

// A summary of exactly MaxSummary bullets is read; one more is refused.
func TestSummaryOfTheMostBullets(t *testing.T) {
	for _, n := range []int{MaxSummary, MaxSummary + 1} {
		var b strings.Builder
		b.WriteString("title: T\nsummary:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - bullet %d\n", i)
		}
		b.WriteString("sections:\n  - heading: H\n    body: text\n")
		_, errs := Decode("x.yaml", []byte(b.String()))
		if got, want := errs.HasErrors(), n > MaxSummary; got != want {
			t.Errorf("%d bullets: refused %v, want %v (%v)", n, got, want, errs)
		}
	}
}

// A date that does not exist is named for what it is, in every month.
func TestBadDateNamesTheMonth(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12-32": "December has no 32nd day",
		"2026-01-32": "January has no 32nd day",
		"2026-04-31": "April has no 31st day",
		"2026-13-01": "has no month 13",
		"2025-02-29": "2025 is not a leap year",
	} {
		if got := whyNotDate(in); !strings.Contains(got, want) {
			t.Errorf("whyNotDate(%q) = %q, want it to say %q", in, got, want)
		}
	}
}

// In text without markup a backslash escape (\*) prints and is warned
// about; a doubled backslash is not an escape of markup and is not.
func TestLiteralEscape(t *testing.T) {
	for in, want := range map[string]int{`a \* b`: 2, `C:\\temp`: -1, `no escape`: -1, `\_x`: 0} {
		if got := literalEscape(in); got != want {
			t.Errorf("literalEscape(%q) = %d, want %d", in, got, want)
		}
	}
}
