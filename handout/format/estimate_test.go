package format

import (
	"errors"
	"strings"
	"testing"

	"handouts/handout/content"
)

// cutWords is the test's own trimming: it shortens the longest of the
// bullets and briefs by a word, again and again, as a writer trimming evenly
// would.
func cutWords(h *content.Handout, n int) *content.Handout {
	c := *h
	c.Summary = append([]content.Text(nil), h.Summary...)
	c.Sections = append([]content.Section(nil), h.Sections...)
	texts := map[*content.Text][]string{}
	for i := range c.Summary {
		texts[&c.Summary[i]] = strings.Fields(c.Summary[i].Raw)
	}
	for i := range c.Sections {
		if b := &c.Sections[i].Brief; !b.IsZero() {
			texts[b] = strings.Fields(b.Raw)
		}
	}
	for ; n > 0; n-- {
		var longest *content.Text
		for t, w := range texts {
			if longest == nil || len(w) > len(texts[longest]) || len(w) == len(texts[longest]) && t.Pos.Line < longest.Pos.Line {
				longest = t
			}
		}
		texts[longest] = texts[longest][:len(texts[longest])-1]
	}
	for t, w := range texts {
		raw := strings.Join(w, " ")
		*t = content.Text{Raw: raw, Spans: []content.Span{{Text: raw}}, Pos: t.Pos}
	}
	return &c
}

// The words-to-cut estimate is judged by what cutting does, not by how it
// is computed: cutting the words it names makes the summary fit, and
// cutting a third of them does not, so the figure is neither timid nor
// wildly generous.
func TestWordsToCutEstimate(t *testing.T) {
	h := loadHandout(t, "testdata/too-long.yaml")
	for _, opt := range []Options{{Paper: Letter}, {Paper: A4}} {
		_, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), opt)
		var tl *ErrTooLong
		if !errors.As(err, &tl) {
			t.Fatalf("%s: %v, want *ErrTooLong", opt.Paper.Name, err)
		}
		if _, err := Compose(Summary, cutWords(h, tl.Words), exampleBrand(t), labelsFor(h), opt); err != nil {
			t.Errorf("%s: cutting the %d words named still leaves: %v", opt.Paper.Name, tl.Words, err)
		}
		if _, err := Compose(Summary, cutWords(h, tl.Words/3), exampleBrand(t), labelsFor(h), opt); err == nil {
			t.Errorf("%s: cutting a third of the %d words named already fits: the estimate is far too high", opt.Paper.Name, tl.Words)
		}
	}
}

// A large-print summary may take two pages, never three.
func TestLargePrintSummaryNeverThreePages(t *testing.T) {
	h := loadHandout(t, "testdata/long-summary.yaml")
	doc, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true})
	var tl *ErrTooLong
	if !errors.As(err, &tl) {
		t.Fatalf("got %v (%d pages), want the summary refused as too long for two pages", err, len(pagesOf(doc)))
	}
	if tl.Pages != 2 || !strings.Contains(err.Error(), "2 pages") {
		t.Errorf("%v: want it to say the limit is 2 pages", err)
	}
	// Cut until it fits: then it is at most two pages.
	fits := cutWords(h, tl.Words)
	doc, err = Compose(Summary, fits, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) > 2 {
		t.Errorf("large-print summary of %d pages", len(doc.Pages))
	}
}

func pagesOf(d *Composed) []struct{} {
	if d == nil {
		return nil
	}
	return make([]struct{}, len(d.Pages))
}
