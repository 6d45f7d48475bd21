package handout

import (
	"fmt"
	"slices"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/pdfwriter"
)

// The words of the library's API. A caller (the command line, `handouts
// serve`, the load test) asks for a format of a handout on a paper size,
// perhaps for one patient, and goes through this package alone: these are
// the format and content packages' own types under the names callers use,
// so that no caller reaches below handout (README, "How it is built"), as
// os names fs.FileInfo.
type (
	Kind       = format.Kind       // guide, summary or faq
	Paper      = format.Paper      // a page size
	Options    = format.Options    // paper, print size and a patient's details
	Personal   = format.Personal   // one patient's details: PHI, never kept
	FieldError = format.FieldError // a personal field that cannot be printed
	ErrTooLong = format.ErrTooLong // a summary that does not fit its page
	Handout    = content.Handout   // a content file, loaded and checked (Load)
)

// The formats, in the order they are built, and the limits on personal
// fields.
const (
	Guide   = format.Guide
	Summary = format.Summary
	FAQ     = format.FAQ

	MaxNote  = format.MaxNote
	MaxField = format.MaxField
)

// The paper sizes, and the error of an FAQ sheet asked of a handout
// without questions.
var (
	Letter   = format.Letter
	A4       = format.A4
	ErrNoFAQ = format.ErrNoFAQ
)

// Kinds lists every format, in the order they are built.
func Kinds() []Kind { return slices.Clone(format.Kinds) }

// ParseKind reads a format name as people type it (any case).
func ParseKind(s string) (Kind, error) { return format.ParseKind(s) }

// ParsePaper reads a paper size as people type it: letter (us-letter) or
// a4, in any case.
func ParsePaper(s string) (Paper, error) { return format.ParsePaper(s) }

// RightToLeft reports whether a handout in the language tag lang reads
// right to left (Arabic, Persian, Urdu, Hebrew …).
func RightToLeft(lang string) bool { return labels.RightToLeft(lang) }

// PlainTexts is every text of h without its markup, in reading order:
// title, subtitle, summary, each section's heading, brief, body, items,
// bullets and steps, then the questions and answers. Search reads it.
func PlainTexts(h *Handout) []string {
	texts := []content.Text{h.Title, h.Subtitle}
	texts = append(texts, h.Summary...)
	for _, s := range h.Sections {
		texts = append(texts, s.Heading, s.Brief)
		texts = append(texts, s.Body...)
		for _, it := range s.Items {
			texts = append(texts, it.Label, it.Text)
		}
		texts = append(texts, s.Bullets...)
		texts = append(texts, s.Steps...)
	}
	for _, qa := range h.FAQ {
		texts = append(texts, qa.Q, qa.A)
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = t.Plain()
	}
	return out
}

// CheckPersonal checks p (normalised) against the fonts h is set in: its
// language's family, with the brand's fonts as its fallback, so a Cyrillic
// name prints on a Russian handout and not on an English one set in a
// Latin face. The error is a *FieldError for a field that is too long or
// has a character those fonts cannot print; it never repeats the value.
func CheckPersonal(p *Personal, h *Handout, b *brand.Brand) error {
	return p.Check(fontset.ForLanguage(b.Fonts, h.Language))
}

// Unprintable lists, once each and in order, the characters of s that the
// fonts h is set in cannot print in regular or bold.
func Unprintable(s string, h *Handout, b *brand.Brand) []rune {
	fam := fontset.ForLanguage(b.Fonts, h.Language)
	var out []rune
	for _, st := range []fontset.Style{fontset.Regular, fontset.Bold} {
		for _, r := range fam.Missing(s, st) {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// BrandFont is the brand's regular or bold face as a TrueType file, for a
// web page set in the type the handouts are.
func BrandFont(b *brand.Brand, bold bool) []byte {
	st := fontset.Regular
	if bold {
		st = fontset.Bold
	}
	return b.Fonts.Face(st).Data
}

// PageColours are the brand's colours for a web page whose background is
// background (such as "#F6F7F8"), each checked for AA contrast the way the
// PDFs check them: the primary is darkened until it reaches 4.5:1 as text
// on white, on the background and on its own tint, and so white text on
// it does too. The accent only draws borders.
func PageColours(b *brand.Brand, background string) (primary, tint, accent string, err error) {
	bg, err := colour.Parse(background)
	if err != nil {
		return "", "", "", fmt.Errorf("page background: %w", err)
	}
	t := b.Primary.Tint(0.08)
	p := b.Primary.Readable(colour.White).Readable(bg).Readable(t)
	return p.String(), t.String(), b.Accent.String(), nil
}

// Cache is what renders may share, so that each does not cut the same
// font subsets or parse the same logo again: one per server, used by
// every render through RenderSpec.Cache. It holds nothing of a patient's
// (see Render).
type Cache struct {
	subsets *pdfwriter.Subsets
	images  *pdfwriter.Images
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{subsets: &pdfwriter.Subsets{}, images: &pdfwriter.Images{}}
}
