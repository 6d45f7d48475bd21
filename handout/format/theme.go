// Package format composes the three handout formats (full guide, one-page
// summary, FAQ sheet) from shared building blocks. A format only decides
// what goes where; measuring is done by the blocks and placing by
// layout.Flow, so the formats cannot drift apart in how they draw.
package format

import (
	"fmt"
	"math"
	"strings"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/layout"
)

// Paper is a page size in points.
type Paper struct {
	Name string
	W, H float64
}

// The supported paper sizes.
var (
	Letter = Paper{"letter", 612, 792}
	A4     = Paper{"a4", 595.28, 841.89}
)

// ParsePaper reads a paper size as people type it, in any case: "letter"
// (or "us-letter") and "a4". The command line and the web API both read
// paper through it, so they accept the same words.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "letter", "us-letter":
		return Letter, nil
	case "a4":
		return A4, nil
	}
	return Paper{}, fmt.Errorf("unknown paper %q: use letter or a4", s)
}

// Options are the choices a build makes that are not content or brand.
type Options struct {
	Paper      Paper
	LargePrint bool
	// Personal, when set, is one patient's copy: their name, care team,
	// date and a note on the first page. It is PHI and is never kept.
	Personal *Personal
	// lang is the handout's language, which picks the family its script
	// needs (fontset.ForLanguage); Compose sets it.
	lang string
}

// Type sizes in points. The body is the clear-print range for patient
// material; large print follows low-vision guidance.
const (
	BodySize        = 13.0
	LargePrintSize  = 18.0
	MinSummarySize  = 10.5
	summaryStartMax = BodySize // a summary with room is set as large as the guide
	charsPerLine    = 72       // within the 50–75 characters readers track best: see README
	minMargin       = 0.75 * 72
	largeMargin     = 1.0 * 72
	summaryMargin   = 0.65 * 72
)

// Theme is every measurement and colour a format draws with, derived from
// the brand and the body size, so fitting the summary is a change of one
// number.
type Theme struct {
	Brand  *brand.Brand
	Fonts  *fontset.Family
	Labels *labels.Labels
	Paper  Paper

	Margin float64 // page edge to furniture
	Left   float64 // the text column
	Width  float64

	Body, Leading float64
	// Page furniture has fixed sizes, not the body's, so the room it takes
	// is known before the summary is fitted.
	Small        float64 // footer and running-header text
	SmallLeading float64
	BandX, BandW float64 // the header band: the text column's edges
	// BandLabel names the format at the band's right ("Patient guide");
	// "" for none.
	BandLabel string
	BandName  float64 // the clinic name in the band
	BandTag   float64 // the tagline
	LogoH     float64 // a logo's printed height
	QRSize    float64

	// The brand's text in the handout's language.
	Tagline, Footer string

	Ink      colour.Color // body text
	Muted    colour.Color // secondary text
	Heading  colour.Color // headings and links: primary, darkened if too light
	Band     colour.Color // the header band behind white text
	KeyFill  colour.Color // the short-version box
	KeyRule  colour.Color
	CallFill colour.Color // callout sections
	CallRule colour.Color
	Hairline colour.Color

	LargePrint bool
	// shaped measures and sets text that is shaped or runs right to
	// left (setScript); nil for text set one glyph per character.
	shaped   layout.Measurer
	Personal *Personal
	// closeUp scales the space between blocks (0 is 1): a patient's
	// summary closes it up before its type shrinks (see fitPersonal).
	closeUp float64
}

// NewTheme derives a theme for a body size. The text column is measured, not
// fixed: about 72 average characters of the body font at the base size,
// within the paper's minimum margins, so a wide clinic font gets a wider
// column and lines keep a readable length.
func NewTheme(b *brand.Brand, lab *labels.Labels, opt Options, body float64) *Theme {
	fonts := fontset.ForLanguage(b.Fonts, opt.lang)
	t := &Theme{Brand: b, Fonts: fonts, Labels: lab, Paper: opt.Paper, LargePrint: opt.LargePrint, Personal: opt.Personal}
	t.Margin = minMargin
	base := BodySize
	if opt.LargePrint {
		t.Margin = largeMargin
		base = LargePrintSize
	}
	// Sizes are set for Atkinson Hyperlegible; a font with a smaller
	// x-height is set larger, so that it reads as large. A body size given
	// (the summary's fitting) is already in the family's own points.
	k := xHeightScale(fonts)
	base *= k
	if body == 0 {
		body = base
	}
	t.Body = body
	t.Leading = body + 4 // clear-print guidance: leading of the size plus 2–4 pt
	t.Small, t.BandName, t.BandTag, t.LogoH = 10*k, 15*k, 10.5*k, 0.55*72
	t.QRSize = 0.7 * 72
	if opt.LargePrint {
		// Large-print guidance: leading about 1.3–1.4 times the size.
		t.Leading = body * 1.35
		// Everything a reader must read at 16 pt or more (APH, RNIB): the
		// furniture carries fewer lines instead (see furniture.running).
		t.Small, t.BandName, t.BandTag, t.LogoH = 16*k, 18*k, 16*k, 0.6*72
		t.QRSize = 0.9 * 72
	}
	t.SmallLeading = t.Small * 1.3
	if opt.LargePrint {
		// Furniture is one line or two, not running text: 1.2 keeps
		// two lines of it clearly apart.
		t.SmallLeading = t.Small * 1.2
	}
	t.Tagline, _ = b.Tagline.For("")
	t.Footer, _ = b.Footer.For("")
	t.Width, _ = guideMeasure(b, fonts, opt.Paper, opt.LargePrint)
	t.Left = (opt.Paper.W - t.Width) / 2
	// The band has the text column's edges, so that its left and right
	// line up with the title and text under it.
	t.BandX, t.BandW = t.Left, t.Width

	t.Ink = colour.Color{R: 0x1A, G: 0x1A, B: 0x1A}
	t.Muted = colour.Color{R: 0x4D, G: 0x4D, B: 0x4D}
	t.Heading = b.Primary.Readable(colour.White)
	t.Band = t.Heading // white text sits on it, so the same contrast applies
	t.KeyFill = b.Accent.Tint(0.16)
	t.KeyRule = b.Accent
	t.CallFill = b.Primary.Tint(0.08)
	t.CallRule = t.Heading
	t.Hairline = colour.Color{R: 0xB8, G: 0xB8, B: 0xB8}
	// Text must stay readable on the tints too.
	t.Heading = t.Heading.Readable(t.KeyFill).Readable(t.CallFill)
	t.Muted = t.Muted.Readable(t.KeyFill)
	return t
}

// guideMeasure is the guide's text width and body size for a paper, print
// size and family: the narrowest column at the largest type any format
// sets its text in, so what fits a line of the guide fits one everywhere.
func guideMeasure(b *brand.Brand, fonts *fontset.Family, paper Paper, largePrint bool) (width, body float64) {
	margin, base := minMargin, BodySize
	if largePrint {
		margin, base = largeMargin, LargePrintSize
	}
	base *= xHeightScale(fonts)
	width = paper.W - 2*margin
	if !largePrint {
		width = math.Min(width, charsPerLine*averageCharWidth(b.Fonts, base))
	}
	return width, base
}

// xHeightScale is how much larger than its nominal size a family is set:
// the ratio of the default font's x-height to its own, within 1 to 1.25,
// since a font with a larger x-height is not made smaller than the sizes
// guidance gives, and a tiny one is more likely a bad table than a font.
func xHeightScale(f *fontset.Family) float64 {
	ref := fontset.Default().Face(fontset.Regular).XHeight
	xh := f.Face(fontset.Regular).XHeight
	if xh <= 0 || ref <= 0 {
		return 1
	}
	return math.Min(math.Max(ref/xh, 1), 1.25)
}

// localize picks the brand's text for a handout's language.
func (t *Theme) localize(lang string) {
	t.Tagline, _ = t.Brand.Tagline.For(lang)
	t.Footer, _ = t.Brand.Footer.For(lang)
}

// averageCharWidth is the width of an average character of running text in
// the regular face at 1 pt, from a sample with English letter frequencies.
func averageCharWidth(f *fontset.Family, size float64) float64 {
	const sample = "Group therapy is a form of psychotherapy in which a small group of people meets regularly with trained therapists to work on shared difficulties."
	return f.Width(sample, fontset.Regular, size) / float64(len(sample))
}

// Derived sizes, relative to the body so they scale with fitting.
func (t *Theme) titleSize() float64 {
	if t.LargePrint {
		return t.Body * 1.6 // already large; 2.1× would take a third of a line's width per word
	}
	return t.Body * 1.9
}
func (t *Theme) subtitleSize() float64 {
	if t.LargePrint {
		return t.Body * 1.1
	}
	return t.Body * 1.2
}
func (t *Theme) h1Size() float64  { return t.Body * 1.38 }
func (t *Theme) h2Size() float64  { return t.Body * 1.08 }
func (t *Theme) refSize() float64 { return math.Max(t.Small, t.Body*0.82) }

// itemGap is the space between list items, in leadings.
func (t *Theme) itemGap() float64 { return 0.3 }

// padScale is how much of their padding boxes and the brief grid's rows
// keep on a closed-up page: as much as the space between blocks, but never
// under 0.7, so text never touches a box's edge or a rule.
func (t *Theme) padScale() float64 {
	if t.closeUp == 0 {
		return 1
	}
	return max(t.closeUp, 0.7)
}
