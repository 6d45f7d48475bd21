package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/handout/spaces"
)

// Personal is what the front desk adds to one patient's copy of a handout
// (`handouts serve`). A patient's name beside a diagnosis handout is
// personal health information: a Personal lives in memory for one render
// and is never written, cached or logged, and it stays out of the PDF's
// metadata (viewers show the title in tabs and history).
type Personal struct {
	Patient   string // the patient's name
	Clinician string // the clinician or care team
	Date      string // an ISO date prints in the handout's language; other text as given
	NextVisit string // the next appointment: an ISO date and time, or text as given
	Note      string // a short note from the care team; line breaks start paragraphs
}

// Limits on what the front desk may type. A note is a few sentences, not a
// letter: 500 characters still fits the one-page summary at its smallest
// size; the one-line fields must stay one line.
const (
	MaxNote  = 500
	MaxField = 100
)

// IsZero reports whether there is nothing to print.
func (p *Personal) IsZero() bool {
	return p == nil || p.Patient == "" && p.Clinician == "" && p.Date == "" && p.NextVisit == "" && p.Note == ""
}

// Normalize returns the fields in NFC with surrounding space trimmed, runs
// of spaces in one-line fields collapsed, and the note's line breaks made
// plain newlines, so what is checked is what prints.
func (p Personal) Normalize() Personal {
	line := func(s string) string { return spaces.Fold(norm.NFC.String(s)) }
	note := strings.ReplaceAll(norm.NFC.String(p.Note), "\r\n", "\n")
	note = strings.ReplaceAll(note, "\r", "\n")
	var paras []string
	for _, l := range strings.Split(note, "\n") {
		if l = spaces.Fold(l); l != "" {
			paras = append(paras, l)
		}
	}
	return Personal{Patient: line(p.Patient), Clinician: line(p.Clinician), Date: line(p.Date), NextVisit: line(p.NextVisit), Note: strings.Join(paras, "\n")}
}

// FieldError is a personal field that cannot be printed. Its message names
// the field as the form labels it, and never repeats the value: errors are
// logged and shown, and the value may be a patient's name.
type FieldError struct {
	Field   string // the JSON name: patient, clinician, date, next_visit, note
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Check reports the first field that is too long or holds a character the
// fonts cannot print (which would otherwise vanish or fail the render). It
// expects normalized fields.
func (p *Personal) Check(fonts *fontset.Family) error {
	fields := []struct {
		name, value string
		limit       int
	}{
		{"patient", p.Patient, MaxField},
		{"clinician", p.Clinician, MaxField},
		{"date", p.Date, MaxField},
		{"next_visit", p.NextVisit, MaxField},
		{"note", p.Note, MaxNote},
	}
	for _, f := range fields {
		if n := utf8.RuneCountInString(f.value); n > f.limit {
			return &FieldError{f.name, fmt.Sprintf("is %d characters; the limit is %d", n, f.limit)}
		}
		for _, r := range f.value {
			if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
				return &FieldError{f.name, fmt.Sprintf("contains the control character U+%04X", r)}
			}
		}
		// Labels print in bold and values in regular: both must hold it.
		for _, st := range []fontset.Style{fontset.Regular, fontset.Bold} {
			if miss := fonts.Missing(f.value, st); len(miss) > 0 {
				return &FieldError{f.name, fmt.Sprintf("contains U+%04X, which the font %s cannot print", miss[0], fonts.Name)}
			}
		}
	}
	return nil
}

// personal is the patient's block under the masthead: "Label: value" pairs
// for the patient, care team, date and next appointment, then the care
// team's note in a box, its title run in before the note's first line. Each
// field is optional; the labels come in the handout's language.
//
// The block is laid out the same way in every format and on every page of
// a packet: its pairs fill lines in turn, grouped at the guide's measure
// (see guideMeasure), the narrowest column at the largest size, so a
// summary set smaller on a wider page breaks them where the guide does.
// Only the space around it follows each format (compact: the summary's
// tighter rhythm).
func (b *builder) personal(p *Personal, compact bool) {
	if p.IsZero() {
		return
	}
	lab := b.th.Labels
	ts := b.body()
	gapAbove, gapBelow := 0.4, 0.6
	if compact {
		gapAbove, gapBelow = 0.25, 0.35
	}
	var pairs [][]layout.Run
	add := func(label, value string) {
		if value != "" {
			pairs = append(pairs, []layout.Run{{Text: label + lab.Colon(), Style: fontset.Bold}, {Text: value, Style: fontset.Regular}})
		}
	}
	add(lab.Patient, p.Patient)
	add(lab.Clinician, p.Clinician)
	add(lab.Date, lab.DateField(p.Date))
	add(lab.NextVisit, lab.DateField(p.NextVisit))
	for i, g := range b.patientLines(pairs) {
		if i > 0 {
			b.keepWithNext()
		}
		st := b.tree.Add(layout.Paragraph, 0)
		b.unbroken(g, ts, st, "the patient line")
	}
	if p.Note != "" {
		if len(pairs) > 0 {
			b.gap(b.th.Leading * gapAbove)
		}
		aside := b.tree.Add(layout.Aside, 0)
		b.box(b.th.CallFill, b.th.CallRule, aside)
		for i, para := range strings.Split(p.Note, "\n") {
			rs := plain(para, fontset.Regular)
			if i == 0 {
				// The title runs in as the note's lead, in heading colour
				// and weight: a heading element of its own for screen
				// readers, and a line saved on every format.
				title := b.tree.Add(layout.Heading2, aside)
				st := b.tree.Add(layout.Paragraph, aside)
				b.runIn(lab.CareTeamNote+lab.Colon(), title, rs, ts, st)
				continue
			}
			b.gap(b.th.Leading * 0.2)
			st := b.tree.Add(layout.Paragraph, aside)
			b.text(rs, ts, 0, b.w, st, "the care team's note")
		}
		b.endBox()
	}
	b.gap(b.th.Leading * gapBelow)
}

// patientLines groups the patient's "Label: value" pairs into lines, each
// pair on the line it starts (a wrap never parts a label from its value),
// filling each line in turn at the guide's measure.
func (b *builder) patientLines(pairs [][]layout.Run) [][]layout.Run {
	sep := layout.Run{Text: " · ", Style: fontset.Regular}
	w, size := guideMeasure(b.th.Brand, b.th.Fonts, b.th.Paper, b.th.LargePrint)
	var lines [][]layout.Run
	var cur []layout.Run
	for _, pr := range pairs {
		if len(cur) > 0 {
			try := append(append(append([]layout.Run(nil), cur...), sep), pr...)
			if len(b.wrapper.Wrap(b.m, try, size, w)) == 1 {
				cur = try
				continue
			}
			lines = append(lines, cur)
		}
		cur = append([]layout.Run(nil), pr...)
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// runIn sets a bold lead-in (its own structure element, st0) followed by
// text (st) in one wrapped paragraph.
func (b *builder) runIn(lead string, st0 int, rs []layout.Run, ts textStyle, st int) {
	all := append([]layout.Run{{Text: lead, Style: fontset.Bold}}, rs...)
	start := len(b.rows)
	b.text(all, ts, 0, b.w, st, "the care team's note")
	// The lead-in's words carry the heading's structure role.
	leadWords := len(strings.Fields(lead))
	for i := start; i < len(b.rows) && leadWords > 0; i++ {
		for k := range b.rows[i].Ops {
			op := &b.rows[i].Ops[k]
			if op.Kind == layout.TextOp && op.Font == fontset.Bold && leadWords > 0 {
				op.Struct = st0
				op.Color = b.th.Heading
				leadWords -= len(strings.Fields(op.Text))
			}
		}
	}
}
