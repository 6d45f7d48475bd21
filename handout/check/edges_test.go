package check

import (
	"strings"
	"testing"
	"time"

	"handouts/handout/diag"
	"handouts/handout/fontset"
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

// A character that only the bold face lacks is refused in every field
// (headings, labels and questions print in bold); one that only the
// italic face lacks is refused only where the text is set in italic.
func TestGlyphsMissingFromOneFace(t *testing.T) {
	noto := fontset.ForLanguage(fontset.Default(), "ru") // Noto Sans: Cyrillic
	atk := fontset.Default()                             // Atkinson: Latin only
	if !noto.Faces[fontset.Regular].Has('Ж') || atk.Faces[fontset.Bold].Has('Ж') {
		t.Fatal("the fixture's faces changed: want Ж in Noto Sans and not in Atkinson Hyperlegible")
	}
	boldLacks := &fontset.Family{Name: "BoldLacks", Faces: [4]*fontset.Face{
		noto.Faces[fontset.Regular], atk.Faces[fontset.Bold], noto.Faces[fontset.Italic], noto.Faces[fontset.BoldItalic]}}
	italicLacks := &fontset.Family{Name: "ItalicLacks", Faces: [4]*fontset.Face{
		noto.Faces[fontset.Regular], noto.Faces[fontset.Bold], atk.Faces[fontset.Italic], noto.Faces[fontset.BoldItalic]}}
	src := func(body string) string {
		return "title: T\nsummary: [Rest., Sleep.]\nsections:\n  - heading: H\n    body: \"" + body + "\"\n"
	}
	for _, c := range []struct {
		fam   *fontset.Family
		body  string
		wants string // "" for no finding
	}{
		{boldLacks, "Ж plain.", "t.yaml:5:12: body contains U+0416 (Ж), which the font BoldLacks cannot print"},
		{italicLacks, "Ж plain.", ""},
		{italicLacks, "*Ж* slanted.", "t.yaml:5:13: body contains U+0416 (Ж), which the font ItalicLacks cannot print"},
		{italicLacks, "**Ж** bold.", ""},
	} {
		got := list(Glyphs(decode(t, src(c.body)), c.fam))
		if c.wants == "" && got != "" || c.wants != "" && !strings.HasPrefix(got, c.wants) {
			t.Errorf("%s, body %q:\n%swant: %s", c.fam.Name, c.body, got, c.wants)
		}
	}
}
