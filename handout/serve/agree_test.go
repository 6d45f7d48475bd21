package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"handouts/handout"
	"handouts/handout/content"
	"handouts/handout/format"
)

// A patient's copy made by the front desk is the copy handout.Render makes
// from the same inputs, byte for byte, and the two agree on what fits: the
// same note fits or is refused by both, on every format, paper and print
// size. serve adds only the shared font subsets and parsed logo, which must
// change nothing in the PDF.
func TestServeAndRenderAgree(t *testing.T) {
	b := exampleBrand(t)
	f := newFixture(t, Config{Brand: b, Version: "test"})
	writeFullSummary(t, f.dir)
	note := strings.TrimSpace(strings.Repeat("Take one week at a time and bring your questions. ", 10)[:380])
	type tc struct {
		handout, kind, paper string
		large                bool
		note, other          string // other: the one-line fields' value ("" for the usual)
	}
	var cases []tc
	for _, k := range []string{"guide", "summary", "faq"} {
		for _, paper := range []string{"letter", "a4"} {
			for _, large := range []bool{false, true} {
				cases = append(cases, tc{"group-therapy", k, paper, large, note, ""})
			}
		}
	}
	// A full summary and every field at its limit: both refuse it.
	cases = append(cases, tc{"full-summary", "summary", "letter", false, strings.TrimSpace(strings.Repeat("Take your time and rest. ", 20)), strings.Repeat("Name ", 20)})
	refused := 0
	for _, c := range cases {
		name := c.handout + "/" + c.kind + "/" + c.paper
		if c.large {
			name += "/large"
		}
		who, team, date, next := patient, "Dr. Amara Okafor", "2026-11-29", "2026-12-06T10:30"
		if c.other != "" {
			who, team, date, next = c.other, c.other, c.other, c.other
		}
		req := map[string]any{"handouts": []string{c.handout}, "format": c.kind, "paper": c.paper, "large_print": c.large,
			"patient": who, "clinician": team, "date": date, "next_visit": next, "note": c.note}
		body, _ := json.Marshal(req)
		rec := f.api(string(body))

		h, findings := handout.Load(filepath.Join(f.dir, c.handout+".yaml"), b, format.Options{Paper: format.Letter}, f.srv.cfg.Now())
		if findings.HasErrors() {
			t.Fatal(findings)
		}
		paper := format.Letter
		if c.paper == "a4" {
			paper = format.A4
		}
		p := format.Personal{Patient: who, Clinician: team, Date: date, NextVisit: next, Note: c.note}.Normalize()
		var buf bytes.Buffer
		pages, err := handout.Render(&buf, []*content.Handout{h}, handout.RenderSpec{
			Kind: format.Kind(c.kind), Brand: b, Version: "test",
			Options: format.Options{Paper: paper, LargePrint: c.large, Personal: &p},
		})
		if err != nil {
			var tooLong *format.ErrTooLong
			if !errors.As(err, &tooLong) {
				t.Fatalf("%s: handout.Render: %v", name, err)
			}
			if rec.Code != 422 {
				t.Errorf("%s: handout.Render refuses it (%v), serve answers %d", name, err, rec.Code)
			}
			refused++
			continue
		}
		if rec.Code != 200 {
			t.Errorf("%s: handout.Render makes %d pages, serve answers %d: %.300s", name, pages, rec.Code, rec.Body.String())
			continue
		}
		if got := rec.Header().Get("X-Page-Count"); got != strconv.Itoa(pages) {
			t.Errorf("%s: serve says %s pages, handout.Render %d", name, got, pages)
		}
		if !bytes.Equal(rec.Body.Bytes(), buf.Bytes()) {
			t.Errorf("%s: serve's PDF (%d bytes) is not handout.Render's (%d bytes)", name, rec.Body.Len(), buf.Len())
		}
	}
	if refused != 1 {
		t.Errorf("%d cases refused, want the one with no room for its note", refused)
	}
}
