package handout

import (
	"crypto/sha256"
	"fmt"
	"io"
	"time"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/layout"
	"handouts/handout/pdfwriter"
)

// RenderSpec is one in-memory render: one format of one or more handouts
// as a single PDF. It is the entry point for callers that must not touch
// the disk, such as `handouts serve` making a patient's personalised copy.
type RenderSpec struct {
	Kind    format.Kind
	Options format.Options // Options.Personal, when set, goes on each handout's first page
	Brand   *brand.Brand
	Version string
	Epoch   *time.Time // as Config.Epoch
	// Cache shares the parsed logo and the font subsets between renders;
	// nil makes the render's own.
	Cache *Cache
	// MaxPages, when above 0, refuses a render of more pages, before its
	// PDF is written (ErrTooManyPages).
	MaxPages int
}

// ErrTooManyPages is a render over RenderSpec.MaxPages.
type ErrTooManyPages struct{ Pages, Max int }

func (e *ErrTooManyPages) Error() string {
	return fmt.Sprintf("%d pages, over the limit of %d", e.Pages, e.Max)
}

// RenderError is a handout of a render that could not be laid out: an FAQ
// sheet asked of a handout without questions, or a summary that no longer
// fits its page (a long note can do that). Err is format.ErrNoFAQ or a
// *format.ErrTooLong, or another layout error.
type RenderError struct {
	Handout *content.Handout
	Err     error
}

func (e *RenderError) Error() string { return fmt.Sprintf("%s: %v", e.Handout.File, e.Err) }
func (e *RenderError) Unwrap() error { return e.Err }

// Render lays out each handout (already loaded and checked, see Load) in
// spec.Kind and writes them to w as one PDF: a packet when there are
// several, each starting on a new page with its own page numbering. It
// returns the number of pages. Nothing is written anywhere but w.
func Render(w io.Writer, hs []*content.Handout, spec RenderSpec) (pages int, err error) {
	if len(hs) == 0 {
		return 0, fmt.Errorf("nothing to render")
	}
	docs := make([]*layout.Document, len(hs))
	id := sha256.New()
	cfg := Config{Options: spec.Options, Epoch: spec.Epoch, Version: spec.Version}
	brandID := spec.Brand.Fingerprint()
	for i, h := range hs {
		lab, _ := spec.Brand.LabelsFor(h.Language)
		doc, err := format.Compose(spec.Kind, h, spec.Brand, lab, spec.Options)
		if err != nil {
			return 0, &RenderError{Handout: h, Err: err}
		}
		docs[i] = &doc.Document
		id.Write(writerOptions(h, cfg, brandID, spec.Kind).Identity)
	}
	doc, err := layout.Concat(docs)
	if err != nil {
		return 0, err
	}
	if spec.MaxPages > 0 && len(doc.Pages) > spec.MaxPages {
		return 0, &ErrTooManyPages{Pages: len(doc.Pages), Max: spec.MaxPages}
	}
	// One plain handout is the very PDF `build` writes; a packet or a
	// patient's copy is a document of its own (two patients' copies are
	// two documents).
	opt := writerOptions(hs[0], cfg, brandID, spec.Kind)
	if p := spec.Options.Personal; len(hs) > 1 || !p.IsZero() {
		if !p.IsZero() {
			fmt.Fprintf(id, "\x00%q", *p)
		}
		opt.Identity = id.Sum(nil)
	}
	if c := spec.Cache; c != nil {
		// The logo is the brand's, nothing of a patient's. Font subsets
		// are shared, and kept, only when the personal fields add no
		// character to them: a name with a letter outside the common set
		// gets subsets of its own, so nothing derived from it outlives
		// the render.
		opt.Images = c.images
		if p := spec.Options.Personal; p.IsZero() || pdfwriter.CommonText(p.Patient+p.Clinician+p.Date+p.NextVisit+p.Note) {
			opt.Subsets = c.subsets
		}
	}
	if err := pdfwriter.Write(w, doc, opt); err != nil {
		return 0, err
	}
	return len(doc.Pages), nil
}
