package check

import (
	"testing"
	"time"

	"handouts/handout/diag"
)

// The day's grace for a review date: a writer a time zone ahead may date
// the content tomorrow; the day after that is in the future, from the
// first minute to the last of today.
func TestFutureReviewedGrace(t *testing.T) {
	for _, today := range []time.Time{
		time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), // tomorrow is exactly a day away
		time.Date(2026, 11, 25, 0, 1, 0, 0, time.UTC),
		now,
		time.Date(2026, 11, 25, 23, 59, 0, 0, time.UTC),
	} {
		for _, tc := range []struct {
			reviewed string
			future   bool
		}{
			{"2026-11-25", false},
			{"2026-11-26", false},
			{"2026-11-27", true},
			{"2027-01-01", true},
		} {
			h := decode(t, "title: T\nreviewed: "+tc.reviewed+"\nsummary: [Rest., Sleep.]\nsections:\n  - heading: H\n    body: Rest.\n")
			got := Handout(h, defaultBrand(t), today)
			if !tc.future {
				if len(got) != 0 {
					t.Errorf("today %s, reviewed %s: %s", today.Format(time.DateTime), tc.reviewed, list(got))
				}
				continue
			}
			expect(t, got, []want{{"t.yaml:2:11", diag.Warning, []string{"reviewed date " + tc.reviewed + " is in the future"}}})
		}
	}
}
