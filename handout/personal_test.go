package handout

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/labels"
)

// patientBlock reads a PDF's text back and returns, for each patient block
// in it (one per handout of a packet), its lines: those that start with one
// of the block's labels, and then the note's run-in title, which starts
// the note's first line.
func patientBlock(text string, lab *labels.Labels) [][]string {
	var blocks [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		field := false
		for _, l := range []string{lab.Patient, lab.Clinician, lab.Date, lab.NextVisit} {
			field = field || strings.HasPrefix(line, l+": ")
		}
		switch {
		case field:
			cur = append(cur, line)
		case strings.HasPrefix(line, lab.CareTeamNote+": "):
			// The note wraps to its column; that its title runs in is
			// what must be the same.
			cur = append(cur, lab.CareTeamNote+": …")
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	return blocks
}

// The patient's block is laid out the same way in the guide, the summary
// and the FAQ sheet, on both papers and in both print sizes, and on every
// handout of a packet: the same lines, read back from the PDF, and dates
// written out in the handout's language.
func TestPatientBlockTheSameEverywhere(t *testing.T) {
	settings, errs := brand.LoadFile("../data/brand/brand.yaml")
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	example, errs := brand.Resolve(nil, settings)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	p := &format.Personal{Patient: "Maria Lopez", Clinician: "Dr. Amara Okafor", Date: "2026-11-29", NextVisit: "2026-12-06 10:30", Note: "Bring your questions to group.\nCall us if you feel worse."}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		files []string // the handout, then another for a packet
		dates []string // as the block must print them
	}{
		{[]string{seedFile, "../testdata/ptsd.yaml"}, []string{"November 29, 2026", "December 6, 2026, 10:30 AM"}},
		{[]string{"../testdata/diabetes-es.yaml", "../testdata/asma.yaml"}, []string{"29 de noviembre de 2026", "6 de diciembre de 2026, 10:30"}},
	} {
		var hs []*content.Handout
		for _, f := range tc.files {
			h, errs := Load(f, example, letter, now)
			if errs.HasErrors() {
				t.Fatal(errs)
			}
			hs = append(hs, h)
		}
		lab, _ := labels.For(hs[0].Language)
		for _, paper := range []format.Paper{format.Letter, format.A4} {
			for _, large := range []bool{false, true} {
				opt := format.Options{Paper: paper, LargePrint: large, Personal: p}
				var want []string
				from := ""
				check := func(what string, hs []*content.Handout, kind format.Kind) {
					var buf bytes.Buffer
					if _, err := Render(&buf, hs, RenderSpec{Kind: kind, Brand: example, Options: opt}); err != nil {
						t.Fatalf("%s: %v", what, err)
					}
					blocks := patientBlock(pdfText(t, buf.Bytes()), lab)
					if len(blocks) != len(hs) {
						t.Fatalf("%s: %d patient blocks read back, want %d", what, len(blocks), len(hs))
					}
					for _, got := range blocks {
						if want == nil {
							want, from = got, what
							flat := strings.Join(got, " ")
							for _, d := range tc.dates {
								if !strings.Contains(flat, d) {
									t.Errorf("%s: the block does not print %q:\n%s", what, d, flat)
								}
							}
							continue
						}
						if strings.Join(got, "\n") != strings.Join(want, "\n") {
							t.Errorf("%s lays the block out as\n  %s\nbut %s as\n  %s", what, strings.Join(got, "\n  "), from, strings.Join(want, "\n  "))
						}
					}
				}
				name := tc.files[0] + " " + paper.Name
				if large {
					name += " large"
				}
				for _, k := range format.Kinds {
					check(name+" "+string(k), hs[:1], k)
				}
				check(name+" guide packet", hs, format.Guide)
				if len(want) < 3 {
					t.Errorf("%s: the block has %d lines: %q", name, len(want), want)
				}
			}
		}
	}
}
