package handout

import (
	"context"
	"handouts/handout/check"
	"time"

	"handouts/handout/brand"
	"handouts/handout/diag"
	"handouts/handout/format"
)

// CheckReport is what Check found.
type CheckReport struct {
	Files    int       // content files checked
	Findings diag.List // errors, warnings and notes, file by file
	// Levels are the reading levels of the files long enough to grade,
	// in a language with a formula, and of their sections.
	Levels []ReadingLevel
}

// ReadingLevel is a file's reading level and its sections' (see
// check.Grade).
type ReadingLevel = check.FileLevel

// Errors and Warnings count the findings of each severity.
func (r *CheckReport) Errors() int { return r.count(diag.Error) }

// Warnings counts the warnings.
func (r *CheckReport) Warnings() int { return r.count(diag.Warning) }

// Notes counts the notes: suggestions that never fail a check.
func (r *CheckReport) Notes() int { return r.count(diag.Note) }

func (r *CheckReport) count(s diag.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Check runs every check that Build runs on inputs, writing nothing: the
// same errors a build would stop on, the warnings, and the notes that
// suggest everyday words and report the PEMAT-P items. now is the date that
// review dates are measured from (zero means today). It stops between files
// when ctx is cancelled.
func Check(ctx context.Context, inputs []string, b *brand.Brand, opt format.Options, now time.Time) (*CheckReport, error) {
	files, err := Collect(inputs)
	if err != nil {
		return nil, err
	}
	if now.IsZero() {
		now = time.Now()
	}
	rep := &CheckReport{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		// What Load does, keeping the reading levels.
		h, fs := decode(f)
		if h != nil && h.Read {
			fs = append(fs, check.Essentials(h, b, now)...)
			grades, lv := check.Grade(h)
			fs = append(fs, grades...)
			if lv != nil {
				rep.Levels = append(rep.Levels, *lv)
			}
			// Only a sound handout can be laid out; the advice holds
			// for whatever was read, so a file with errors gets its notes
			// in the same run.
			if !fs.HasErrors() {
				fs = append(fs, SummaryFits(h, b, opt)...)
			}
			// Suggestions are for the writer at `check`; a build, which
			// drops them, does not pay for them.
			fs = append(fs, check.Advice(h)...)
			fs.Sort()
		}
		rep.Files++
		rep.Findings = append(rep.Findings, fs...)
	}
	return rep, nil
}
