package format

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"handouts/handout/fontset"
	"handouts/handout/layout"
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
	line := func(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }
	note := strings.ReplaceAll(norm.NFC.String(p.Note), "\r\n", "\n")
	note = strings.ReplaceAll(note, "\r", "\n")
	var paras []string
	for _, l := range strings.Split(note, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
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

// personal is the patient's block under the masthead: a line naming the
// patient, care team and date, the next appointment, and the care team's
// note in a box. Each field is optional; the labels come in the handout's
// language. The one-page summary has no room to spare, so there (compact)
// the next appointment joins the patient line and the box's title runs in
// before the note.
func (b *builder) personal(p *Personal, compact bool) {
	if p.IsZero() {
		return
	}
	lab := b.th.Labels
	ts := b.body()
	// The summary's page is full already: tighter spacing there buys the
	// note about a line.
	gapAbove, gapBelow := 0.4, 0.6
	if compact {
		gapAbove, gapBelow = 0.25, 0.35
	}
	// pairs are "Label: value" run pairs; they share a line, separated
	// by a mark, when they fit, and stack one to a line when they do not,
	// so a wrap never parts a label from its value.
	var pairs [][]layout.Run
	add := func(label, value string) {
		if value != "" {
			pairs = append(pairs, []layout.Run{{Text: label + ": ", Style: fontset.Bold}, {Text: value, Style: fontset.Regular}})
		}
	}
	flush := func() {
		if len(pairs) == 0 {
			return
		}
		var line []layout.Run
		for i, pr := range pairs {
			if i > 0 {
				line = append(line, layout.Run{Text: " · ", Style: fontset.Regular})
			}
			line = append(line, pr...)
		}
		groups := [][]layout.Run{line}
		if len(b.wrapper.Wrap(b.m, line, ts.size, b.w)) > 1 {
			// Pairs fill each line in turn: dates written out in words
			// ("December 6, 2026, 10:30 AM") make the whole line too long
			// more often, and one pair a line would cost the summary's
			// note two lines where one does.
			groups = nil
			var cur []layout.Run
			for _, pr := range pairs {
				if len(cur) > 0 {
					try := append(append(append([]layout.Run(nil), cur...), layout.Run{Text: " · ", Style: fontset.Regular}), pr...)
					if len(b.wrapper.Wrap(b.m, try, ts.size, b.w)) == 1 {
						cur = try
						continue
					}
					groups = append(groups, cur)
				}
				cur = append([]layout.Run(nil), pr...)
			}
			groups = append(groups, cur)
		}
		for i, g := range groups {
			if i > 0 {
				b.keepWithNext()
			}
			st := b.tree.Add(layout.Paragraph, 0)
			b.unbroken(g, ts, st, "the patient line")
		}
		pairs = nil
	}
	add(lab.Patient, p.Patient)
	add(lab.Clinician, p.Clinician)
	add(lab.Date, lab.DateField(p.Date))
	if !compact && p.NextVisit != "" && len(pairs) > 0 {
		flush()
		b.gap(b.th.Leading * 0.15)
		b.keepWithNext()
	}
	add(lab.NextVisit, lab.DateField(p.NextVisit))
	flush()
	if p.Note != "" {
		if p.Patient != "" || p.Clinician != "" || p.Date != "" || p.NextVisit != "" {
			b.gap(b.th.Leading * gapAbove)
		}
		aside := b.tree.Add(layout.Aside, 0)
		b.box(b.th.CallFill, b.th.CallRule, aside)
		paras := strings.Split(p.Note, "\n")
		if compact {
			paras = []string{strings.Join(paras, " ")}
		} else {
			b.boxTitle(lab.CareTeamNote, aside)
		}
		for i, para := range paras {
			if i > 0 {
				b.gap(b.th.Leading * 0.3)
			}
			rs := plain(para, fontset.Regular)
			if compact && i == 0 {
				// The title runs in as the note's lead, in heading colour
				// weight: a heading element of its own for screen readers.
				title := b.tree.Add(layout.Heading2, aside)
				st := b.tree.Add(layout.Paragraph, aside)
				b.runIn(lab.CareTeamNote+": ", title, rs, ts, st)
				continue
			}
			st := b.tree.Add(layout.Paragraph, aside)
			b.text(rs, ts, 0, b.w, st, "the care team's note")
		}
		b.endBox()
	}
	b.gap(b.th.Leading * gapBelow)
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
