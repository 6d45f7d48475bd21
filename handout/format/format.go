package format

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/layout"
)

// Kind names a format.
type Kind string

// The three formats, in the order they are built.
const (
	Guide   Kind = "guide"
	Summary Kind = "summary"
	FAQ     Kind = "faq"
)

// Kinds lists every format.
var Kinds = []Kind{Guide, Summary, FAQ}

// ParseKind reads a format name as people type it (any case).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ToLower(strings.TrimSpace(s)))
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown format %q: use guide, summary or faq", s)
}

// Composed is one format of a handout, laid out: what a writer draws
// (layout.Document) and what the build reports about how it was made.
type Composed struct {
	layout.Document
	Kind  Kind
	Paper Paper
	Body  float64 // the body size used (the summary may be fitted smaller)
	// Notes are things the person running the build should hear, such as
	// a large-print summary running to a second page.
	Notes []string
}

// ErrNoFAQ is returned for the FAQ format of a handout without questions.
var ErrNoFAQ = errors.New("the handout has no faq: add a `faq:` list, or build only --format guide,summary")

// ErrTooLong reports a summary that does not fit its pages even at the
// smallest legible size.
type ErrTooLong struct {
	Pages int // pages allowed
	Size  float64
	Words int // roughly how many words must go
	// Brand names the brand furniture that takes more than the room the
	// summary keeps for it; when set, that is what must shrink.
	Brand []string
}

func (e *ErrTooLong) Error() string {
	pages := "one page"
	if e.Pages > 1 {
		pages = fmt.Sprintf("%d pages", e.Pages)
	}
	if len(e.Brand) > 0 {
		return fmt.Sprintf("the summary does not fit on %s even at %.1f pt: %s; it fits with about %d words fewer", pages, e.Size, strings.Join(e.Brand, "; "), e.Words)
	}
	return fmt.Sprintf("the summary does not fit on %s even at %.1f pt; shorten the summary bullets or briefs by about %d words", pages, e.Size, e.Words)
}

// Compose lays out one format of a handout.
func Compose(kind Kind, h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options) (*Composed, error) {
	opt.lang = h.Language
	switch kind {
	case Guide:
		return compose(kind, h, NewTheme(b, lab, opt, 0), guide)
	case Summary:
		return fitSummary(h, b, lab, opt)
	case FAQ:
		if len(h.FAQ) == 0 {
			return nil, ErrNoFAQ
		}
		return compose(kind, h, NewTheme(b, lab, opt, 0), faq)
	}
	return nil, fmt.Errorf("unknown format %q (use guide, summary or faq)", kind)
}

// guide prints everything, in file order.
func guide(b *builder, h *content.Handout) {
	b.masthead(h.Title.Raw, h.Subtitle.Raw)
	b.personal(b.th.Personal, false)
	b.keyPoints(h, b.body(), false)
	for i := range h.Sections {
		b.section(&h.Sections[i], 0)
	}
	if len(h.FAQ) > 0 {
		b.gap(b.th.Leading * 1.1)
		b.heading(b.th.Labels.FAQ, b.th.h1Size(), layout.Heading1, 0, "the FAQ")
		b.gap(b.th.Leading * 0.3)
		for i, q := range h.FAQ {
			if i > 0 {
				b.gap(b.th.Leading * 0.7)
			}
			b.qa(q, b.body())
		}
	}
	if len(h.References) > 0 {
		b.gap(b.th.Leading * 1.1)
		b.heading(b.th.Labels.References, b.th.h2Size()*1.1, layout.Heading1, 0, "the references")
		b.gap(b.th.Leading * 0.2)
		b.references(h.References)
	}
	b.closing()
	b.largeStrip()
}

// summary prints the short version in two columns, each section's brief
// beside its heading, and the contact card at the foot of the page. It uses
// the page's full width, and its grids keep lines short. Large print is a
// single column: the same content stacked, free to break across two pages.
func summary(b *builder, h *content.Handout) {
	b.masthead(h.Title.Raw, h.Subtitle.Raw)
	b.personal(b.th.Personal, true)
	if b.th.LargePrint {
		b.keyPoints(h, b.body(), false)
		for _, s := range h.Sections {
			if s.Brief.IsZero() {
				continue
			}
			// A run-in bold heading saves a line per section, which is
			// what lets large print keep the summary to two pages.
			b.gap(b.th.Leading * 0.4)
			parent := 0
			if s.Style == content.Callout {
				parent = b.tree.Add(layout.Aside, 0)
				b.box(b.th.CallFill, b.th.CallRule, parent)
			}
			st := b.tree.Add(layout.Paragraph, parent)
			rs := append([]layout.Run{{Text: b.th.Labels.RunIn(s.Heading.Raw), Style: fontset.Bold}}, runs(s.Brief.Spans, fontset.Regular)...)
			b.text(rs, b.body(), 0, b.w, st, "brief of "+s.Heading.Raw)
			if s.Style == content.Callout {
				b.endBox()
			}
		}
		// Large print keeps the contact details off its two footers: they
		// close the summary, once, and never on a page of their own: the
		// last brief's closing lines go with them.
		b.keepWithNext()
		b.gap(b.th.Leading * 0.8)
		b.contactStrip(true)
		return
	}
	b.keyPoints(h, b.body(), true)
	b.gap(b.th.Leading * 0.6)
	b.briefGrid(h)
}

// brandCost says, for a summary that does not fit at size with its brand,
// whether it would fit without one, and if so what the brand's furniture
// takes: the message then names what to shorten, not only the words.
func brandCost(h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options, size float64, allowed int) []string {
	if !opt.Personal.IsZero() {
		// A patient's copy whose stock copy fits: the note is what does
		// not fit, not the brand.
		stock := opt
		stock.Personal = nil
		if d, err := compose(Summary, h, summaryTheme(h, b, lab, stock, size), summary); err == nil && len(d.Pages) <= allowed {
			return nil
		}
	}
	bare := &brand.Brand{Primary: b.Primary, Accent: b.Accent, Fonts: b.Fonts}
	if b.Name == "" && b.Logo == nil && len(contactParts(b)) == 0 && b.Address == "" && b.Footer.IsZero() && b.Tagline.IsZero() {
		return nil // no brand furniture to blame
	}
	doc, err := compose(Summary, h, summaryTheme(h, bare, lab, opt, size), summary)
	if err != nil || len(doc.Pages) > allowed {
		return nil // too long even without the brand: the words must go
	}
	th, thBare := summaryTheme(h, b, lab, opt, size), summaryTheme(h, bare, lab, opt, size)
	var parts []string
	if hasBand(th) {
		what := "the clinic name takes"
		switch {
		case b.Logo != nil && b.Name == "":
			what = "the logo takes"
		case th.Tagline != "":
			what = "the clinic name and tagline take"
		}
		parts = append(parts, fmt.Sprintf("%s %.1f in in the header band", what, (bandLayout(th, th.measurer()).h+bandGap(th))/72))
	}
	mode := furnitureSummary
	if opt.LargePrint {
		mode = furnitureNotes
		if sm := stripLayout(th, th.measurer(), true); sm.h > 0 {
			parts = append(parts, fmt.Sprintf("the contact strip takes %.1f in", (sm.h+th.Leading*0.8)/72))
		}
	}
	foot := func(t *Theme) float64 {
		sp := newFurniture(t, h.Title.Raw, "", mode).spec()
		return t.Paper.H - sp.Bottom
	}
	if d := foot(th) - foot(thBare); d > 1 {
		parts = append(parts, fmt.Sprintf("the contact details and footer take %.1f in at the foot", d/72))
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{"it fits without the clinic's brand, but " + strings.Join(parts, ", ") + " (shorten the tagline, footer or address, or the summary)"}
}

// faq prints every question and answer and ruled space for the patient's
// own questions, in the room left on the last page of questions.
func faq(b *builder, h *content.Handout) {
	b.masthead(h.Title.Raw, b.th.Labels.FAQ)
	b.personal(b.th.Personal, false)
	if b.th.LargePrint {
		// Large print's footer has room for the page line alone: the
		// contact strip opens the sheet, under its title, since after
		// the write-in lines it would make the last question, the lines
		// and the strip too tall to keep together.
		b.contactStrip(true)
		b.gap(b.th.Leading * 0.8)
	}
	b.qaFrom = len(b.tree.Structs)
	for i, q := range h.FAQ {
		if i > 0 {
			b.gap(b.th.Leading * 0.8)
		}
		if i < len(h.FAQ)-1 {
			b.qa(q, b.body())
			continue
		}
		// The last question moves whole with the write-in lines when
		// that leaves little blank; rather than leave a page a fifth
		// empty, its answer splits (two lines at least on each side),
		// and the next page opens with the question again, marked
		// continued, as a split box is: so the page the write-in lines
		// end on still holds its question, not an answer's last lines.
		fr := &layout.Frame{X: b.x, W: b.w}
		b.frame = fr
		start := len(b.rows)
		b.qa(q, b.body())
		b.frame = nil
		answered := false // past the answer's first line
		for k := start + 1; k < len(b.rows); k++ {
			r := &b.rows[k]
			if b.splitLast && r.Where == "answer to "+q.Q.Raw {
				// The last resort (see fitFAQ): after any line but
				// the first, and at no cost, since moving whole is
				// what it is there to prevent.
				r.KeepWithPrev = r.KeepWithPrev && !answered
				answered = true
				continue
			}
			if !r.KeepWithPrev {
				r.Penalty += b.th.Paper.H * 0.2
			}
		}
		b.continuedLabel(fr, q.Q.Raw)
	}
	b.qaTo = len(b.tree.Structs)
	// The footer prints the contact details on every page, so the sheet
	// has no contact card to repeat them; the write-in area keeps with
	// the last answer, so no page holds only ruled lines.
	b.keepWithNext()
	b.writingArea(b.th.Labels.YourQuestions, 3)
}

func compose(kind Kind, h *content.Handout, th *Theme, body func(*builder, *content.Handout)) (*Composed, error) {
	th.localize(h.Language)
	th.setScript(h.Language)
	reviewed := ""
	if !h.Reviewed.IsZero() {
		reviewed = th.Labels.Reviewed(h.Reviewed)
	}
	mode := furnitureRunning
	if kind == Summary {
		mode = furnitureSummary
		if th.LargePrint {
			mode = furnitureNotes
		}
	}
	th.BandLabel = bandLabel(kind, th)
	furn := newFurniture(th, h.Title.Raw, reviewed, mode)
	spec := furn.spec()
	build := func(th *Theme, furn *furniture, onceFoot, compact, splitLast bool) *builder {
		b := newBuilder(th)
		b.compactHead, b.splitLast = compact, splitLast
		for _, s := range []string{furn.onceNote, furn.onceReviewed} {
			if s != "" {
				b.once = append(b.once, s)
			}
		}
		b.onceFoot = onceFoot
		if kind == Summary {
			b.titleGap = 0.35 // the summary's box sits close under its title
			b.fitted = true
		}
		// A box that fits on a page moves whole to the next one rather
		// than split: crisis lines and the short version read as one
		// piece. The summary keeps to its pages instead, so only its long
		// boxes split.
		b.wholeBox = spec.Bottom - spec.Top(1)
		if kind == Summary {
			b.wholeBox = (th.Paper.H - 2*th.Margin) * 0.4
		}
		body(b, h)
		return b
	}
	b := build(th, furn, false, false, false)
	pages, err := layout.Flow(b.rows, spec)
	if err != nil {
		return nil, err
	}
	if kind != Summary { // a guide or FAQ sheet saves a nearly empty last page
		pages = saveLastPage(b.rows, spec, pages)
	}
	if n := len(pages); kind == Guide && len(b.once) > 0 && n > 1 && pages[n-1].End-spec.Top(n-1) <= (spec.Bottom-spec.Top(n-1))*nearlyEmpty {
		// What the guide prints once (the brand's note, the review date)
		// closes it after the references. When that costs a sheet (only
		// a last page under half full may be saved), the
		// last page's footer carries it instead: the same lines, without
		// the space that sets them off from the references (and the space
		// between blocks closed up, as saveLastPage does, if need be).
		lines := b.onceLines(th.Width)
		onceSpec := spec
		onceSpec.LastBottom = spec.Bottom - onceHeight(lines, th)
		bf := build(th, furn, true, false, false)
		if p, err := layout.Flow(bf.rows, onceSpec); err == nil {
			p = saveLastPage(bf.rows, onceSpec, p)
			if len(p) < len(pages) {
				b, pages = bf, p
				furn.last, furn.tree = lines, bf.tree
			}
		}
	}
	if kind == FAQ && len(pages) > 1 {
		b, pages, furn = fitFAQ(th, h, b, pages, furn, build)
	}
	if mode == furnitureSummary {
		furn.tree = b.tree
	}
	for i := range pages {
		// Furniture is drawn under the page's content; what of it is
		// content (the summary's contact card) comes after the page's
		// content, where it is read.
		var under, after []layout.Op
		for _, op := range furn.draw(i, len(pages)) {
			if op.InTree() {
				after = append(after, op)
			} else {
				under = append(under, op)
			}
		}
		pages[i].Ops = append(append(under, pages[i].Ops...), after...)
		pages[i].Ops = layout.ShapeOps(th.measurer(), pages[i].Ops, th.Paper.W)
	}
	return &Composed{
		Document: layout.Document{Width: th.Paper.W, Height: th.Paper.H, Pages: pages, Tree: b.tree, Fonts: th.Fonts, Meta: meta(kind, h, th)},
		Kind:     kind, Paper: th.Paper, Body: th.Body,
	}, nil
}

// fitFAQ sets an FAQ sheet that runs onto another page more compactly, as
// a print designer would. Whenever it saves the sheet, the masthead is
// compacted: the subtitle on the title's line, then the band without its
// tagline (the clinic's name and logo still say who gave the sheet; the
// guide and summary keep the tagline), the space between blocks closed up
// as saveLastPage does if need be. A sheet of questions on one page is
// worth more to a patient than a tagline and a second sheet of ruled lines.
//
// Two rules may ask for more: every page holds a question (a short sheet
// whose one question, answer and write-in lines do not fit under the
// masthead would otherwise leave page one with only the masthead), and a
// clinic's brand costs no sheet (a branded sheet takes no more pages than
// the same sheet unbranded). Then, each keeping what the one before did:
//
//  1. the band as low as its logo allows (see slimLogoH);
//  2. on a sheet that comes to one page, the review date printed once, at
//     the end of the brand's note at the foot of the write-in area, rather
//     than alone on a footer line: a one-page sheet has no page number to
//     print beside it;
//  3. the space between blocks closed up, a little and then a little more,
//     whatever the last page holds;
//  4. the last resort of a page without a question (a masthead so tall,
//     or a title so long, that the one question, its answer and three
//     write-in lines cannot share a page): the last answer splits after
//     any of its lines, a line at least on each side, the next page
//     opening with the question marked continued. A lone line is a
//     smaller fault than a page of masthead alone, or of ruled lines.
//
// Type keeps its size, and the write-in area its three lines and their
// spacing. Only the rules close a sheet up further than saveLastPage would:
// the unbranded sheet, which a brand is measured against, keeps its length.
func fitFAQ(th *Theme, h *content.Handout, b *builder, pages []layout.Page, furn *furniture, build func(*Theme, *furniture, bool, bool, bool) *builder) (*builder, []layout.Page, *furniture) {
	asks := b.asksOnEveryPage(pages)
	if asks && len(pages) < 2 {
		return b, pages, furn
	}
	// target is the pages the rules ask for; strong, whether they ask for
	// more than a compact masthead.
	target, strong := len(pages)-1, !asks
	if !asks {
		target = len(pages)
	}
	weighed := false // the brand's cost, measured only when the compact masthead did not do
	noTag := *th
	noTag.Tagline = ""
	slim := noTag
	slim.LogoH = slimLogoH(&noTag)
	oneSheet := newOneSheetFurniture(furn)
	best, bestPages, bestFurn, bestAsks := b, pages, furn, asks
	for _, v := range []struct {
		th       *Theme
		furn     *furniture
		closeUp  float64 // the rules' close-up; 0 for saveLastPage's
		strong   bool
		oneSheet bool
		split    bool
	}{
		{th, furn, 0, false, false, false},
		{&noTag, furn, 0, false, false, false},
		{&slim, furn, 0, true, false, false},
		{&slim, oneSheet, 0, true, true, false},
		{&slim, oneSheet, closeUp[0], true, true, false},
		{&slim, oneSheet, closeUp[1], true, true, false},
		{&slim, furn, closeUp[0], true, false, false},
		{&slim, furn, closeUp[1], true, false, false},
		{&slim, furn, 0, true, false, true},
	} {
		if v.strong && !weighed {
			weighed = true
			if n := unbrandedFAQPages(th, h); n > 0 && n < len(pages) {
				target, strong = min(target, n), true
			}
			if bestAsks && len(bestPages) <= target {
				break
			}
		}
		switch {
		case v.strong && !strong, v.split && asks, v.oneSheet && (v.furn == nil || target > 1 && asks):
			// (A sheet with a page that holds no question tries one
			// page whatever it has: with one short answer, that is the
			// only way every page can ask.)
			continue
		case v.th == &noTag && th.Tagline == "", v.th == &slim && v.closeUp == 0 && !v.oneSheet && slim.LogoH == noTag.LogoH:
			continue // the same as the layout before
		}
		t := v.th
		if v.closeUp > 0 {
			c := *t
			c.closeUp = v.closeUp
			t = &c
		}
		spec := v.furn.spec()
		bc := build(t, v.furn, false, true, v.split)
		p, err := layout.Flow(bc.rows, spec)
		if err != nil {
			continue
		}
		if v.closeUp == 0 && !v.oneSheet {
			p = saveLastPage(bc.rows, spec, p)
		}
		if v.oneSheet && len(p) > 1 || !bc.asksOnEveryPage(p) {
			continue
		}
		if len(p) < len(bestPages) || !bestAsks && len(p) <= len(pages) {
			best, bestPages, bestFurn, bestAsks = bc, p, v.furn, true
		}
		if bestAsks && len(bestPages) <= target {
			break
		}
	}
	return best, bestPages, bestFurn
}

// unbrandedFAQPages is how many pages the sheet takes without the clinic's
// brand (the default type, no band, no contact details), or 0 for a sheet
// that has no brand to blame.
func unbrandedFAQPages(th *Theme, h *content.Handout) int {
	br := th.Brand
	if br.Name == "" && br.Logo == nil && len(contactParts(br)) == 0 && br.Address == "" && br.Footer.IsZero() && br.Tagline.IsZero() {
		return 0
	}
	bare := &brand.Brand{Primary: brand.DefaultPrimary, Accent: brand.DefaultAccent, Fonts: fontset.Default()}
	opt := Options{Paper: th.Paper, LargePrint: th.LargePrint, Personal: th.Personal, lang: h.Language}
	doc, err := compose(FAQ, h, NewTheme(bare, th.Labels, opt, 0), faq)
	if err != nil {
		return 0
	}
	return len(doc.Pages)
}

// slimLogoH is the logo's height in a slim band: the height, from its own
// down to the 0.45 in at which a wordmark's lettering stays readable (see
// LogoTooSmall), that makes the band lowest. A logo taller than the
// clinic's name beside it comes down to the name's height; a long name
// wrapped into many lines gains width from a smaller logo and so takes
// fewer. Of equal bands, the larger logo.
func slimLogoH(th *Theme) float64 {
	if th.Brand.Logo == nil {
		return th.LogoH
	}
	const minH, step = 0.45 * 72, 0.025 * 72
	t := *th
	best, bestH := th.LogoH, bandLayout(th, th.measurer()).h
	for lh := th.LogoH - step; lh >= minH-0.01; lh -= step {
		t.LogoH = lh
		if h := bandLayout(&t, t.measurer()).h; h < bestH-0.01 {
			best, bestH = lh, h
		}
	}
	return best
}

// asksOnEveryPage reports whether every page holds one of the sheet's
// questions or a piece of an answer: never only the masthead, the contact
// strip or the write-in lines.
func (b *builder) asksOnEveryPage(pages []layout.Page) bool {
	for _, p := range pages {
		asks := false
		for _, op := range p.Ops {
			if op.Kind == layout.TextOp && op.Struct >= b.qaFrom && op.Struct < b.qaTo {
				asks = true
				break
			}
		}
		if !asks {
			return false
		}
	}
	return true
}

// bandLabel is what the header band names a format, as printed labels: the
// FAQ sheet has none (its subtitle, right under the band, says it), nor has
// the large-print summary, which may run to two pages.
func bandLabel(kind Kind, th *Theme) string {
	switch {
	case kind == Guide:
		return th.Labels.PatientGuide
	case kind == Summary && !th.LargePrint:
		return th.Labels.Summary
	}
	return ""
}

// A guide whose last page would hold only a few lines (the references, a
// closing answer) is a sheet printed for almost nothing. Such a guide closes
// up the space between its blocks, a little and then a little more, and
// takes the first layout that saves the page. Lines keep their leading and
// every keep rule still holds; a guide that would save nothing keeps its
// spacing.
const (
	// nearlyEmpty is the share of its room below which a last page is
	// worth trying to save. The composer already keeps a last page at
	// least a fifth full by pulling lines forward, so a page it filled
	// that way is tried too.
	nearlyEmpty = 0.5
)

// closeUp are the factors tried on the space between blocks, mildest first.
var closeUp = [...]float64{0.85, 0.7}

func saveLastPage(rows []layout.Row, spec layout.PageSpec, pages []layout.Page) []layout.Page {
	n := len(pages)
	if n < 2 {
		return pages
	}
	top := spec.Top(n - 1)
	if pages[n-1].End-top > (spec.Bottom-top)*nearlyEmpty {
		return pages
	}
	tight := make([]layout.Row, len(rows))
	for _, f := range closeUp {
		for i, r := range rows {
			if r.Gap {
				r.H *= f
			}
			tight[i] = r
		}
		if p, err := layout.Flow(tight, spec); err == nil && len(p) < n {
			return p
		}
	}
	return pages
}

func meta(kind Kind, h *content.Handout, th *Theme) layout.Meta {
	m := layout.Meta{Title: h.Title.Raw, Author: th.Brand.Name, Lang: h.Language}
	switch kind {
	case Guide:
		m.Subject = th.Labels.PatientGuide
		if !h.Subtitle.IsZero() {
			m.Subject = h.Subtitle.Raw
		}
	case Summary:
		m.Title += " — " + th.Labels.Summary
		m.Subject = th.Labels.Summary
	case FAQ:
		m.Title += " — " + th.Labels.FAQ
		m.Subject = th.Labels.FAQ
	}
	var kw []string
	for _, s := range h.Sections {
		kw = append(kw, s.Heading.Raw)
	}
	m.Keywords = strings.Join(kw, ", ")
	return m
}

// fitSummary finds the largest body size, in quarter points from the
// guide's 13 down to 10.5, at which the summary fits one page with the
// furniture this brand prints. Fit is monotonic in the size,
// so a binary search needs at most four layouts. Large print keeps its 18 pt
// and may take a second page instead.
// summaryTheme is the summary's theme at a body size.
func summaryTheme(h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options, size float64) *Theme {
	th := NewTheme(b, lab, opt, size)
	// The summary may use more of the page: 0.65 in still keeps text
	// clear of what home printers clip (0.6 in). In large print this
	// is what keeps it to two pages.
	th.Margin = summaryMargin
	th.Left, th.Width = th.Margin, opt.Paper.W-2*th.Margin
	th.BandX, th.BandW = th.Left, th.Width
	th.BandLabel = bandLabel(Summary, th)
	if opt.LargePrint {
		th.Leading = th.Body * 1.3 // the low end of large-print guidance
	} else {
		// Leading of the size plus 3 pt, within clear-print guidance
		// (plus 2–4 pt): a page of short lines in columns needs less.
		th.Leading = th.Body + 3
	}
	th.localize(h.Language)
	return th
}

func fitSummary(h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options) (*Composed, error) {
	var stock *Composed // a patient's copy: the stock copy
	if !opt.Personal.IsZero() {
		var doc *Composed
		if doc, stock = fitPersonal(h, b, lab, opt); doc != nil {
			return doc, nil
		}
		// Not even at the smallest size, or in large print not on the
		// stock copy's pages: the search below makes the error, or the
		// large-print copy a page longer.
	}
	theme := func(size float64) *Theme { return summaryTheme(h, b, lab, opt, size) }
	if opt.LargePrint {
		// Large print is 18 pt set to the font's x-height, down to 18 pt
		// proper where that keeps it to two pages.
		top := LargePrintSize * xHeightScale(fontset.ForLanguage(b.Fonts, opt.lang))
		if stock != nil {
			// A patient's copy a page longer is never set larger than
			// the stock copy, which may have come down from top to keep
			// its two pages.
			top = stock.Body
		}
		// A patient's copy (handouts serve) may take one page more: the
		// type cannot shrink, and a long summary already fills two pages,
		// so its name line alone would make it unprintable.
		allowed := 2
		if !opt.Personal.IsZero() {
			allowed = 3
		}
		var doc *Composed
		var th *Theme
		for size := top; ; size = max(size-0.5, LargePrintSize) {
			th = theme(size)
			var err error
			if doc, err = compose(Summary, h, th, summary); err != nil {
				return nil, err
			}
			if len(doc.Pages) <= allowed || size == LargePrintSize {
				break
			}
		}
		if n := len(doc.Pages); n > allowed {
			words := wordsToCut(h, wordsOver(h, doc, allowed), func(c *content.Handout) bool {
				d, err := compose(Summary, c, theme(LargePrintSize), summary)
				return err == nil && len(d.Pages) <= allowed
			})
			return nil, &ErrTooLong{Pages: allowed, Size: LargePrintSize, Words: words, Brand: brandCost(h, b, lab, opt, LargePrintSize, allowed)}
		}
		if n := len(doc.Pages); n > 1 {
			doc.Notes = append(doc.Notes, fmt.Sprintf("large print: the summary runs to %d pages", n))
		}
		return doc, nil
	}
	// Sizes are the family's own points: from the guide's 13 pt set to its
	// x-height down to 10.5 pt.
	steps := int(math.Round((summaryStartMax*xHeightScale(fontset.ForLanguage(b.Fonts, opt.lang)) - MinSummarySize) / 0.25))
	size := func(i int) float64 { return MinSummarySize + float64(i)*0.25 }
	try := func(i int) (*Composed, error) { return compose(Summary, h, theme(size(i)), summary) }
	smallest, err := try(0)
	fitsSmallest := func(c *content.Handout) bool {
		d, err := compose(Summary, c, theme(MinSummarySize), summary)
		return err == nil && len(d.Pages) == 1
	}
	var tall *layout.ErrTooTall
	if errors.As(err, &tall) {
		// One of the summary's unbreakable blocks is taller than the page.
		words := wordsToCut(h, wordsForHeight(h, tall.Height-tall.Room, tall.Height), fitsSmallest)
		return nil, &ErrTooLong{Pages: 1, Size: MinSummarySize, Words: words, Brand: brandCost(h, b, lab, opt, MinSummarySize, 1)}
	}
	if err != nil {
		return nil, err
	}
	if len(smallest.Pages) > 1 {
		words := wordsToCut(h, wordsOver(h, smallest, 1), fitsSmallest)
		return nil, &ErrTooLong{Pages: 1, Size: MinSummarySize, Words: words, Brand: brandCost(h, b, lab, opt, MinSummarySize, 1)}
	}
	lo, hi := 0, steps // invariant: size(lo) fits, and best is its layout
	best := smallest
	for lo < hi {
		mid := (lo + hi + 1) / 2
		doc, err := try(mid)
		if errors.As(err, &tall) {
			hi = mid - 1
			continue
		}
		if err != nil {
			return nil, err
		}
		if len(doc.Pages) == 1 {
			lo, best = mid, doc
		} else {
			hi = mid - 1
		}
	}
	return best, nil
}

// personalCloseUp are the factors a patient's summary tries on the space
// between blocks before its type shrinks: the guide's (closeUp), then
// half, which a full page of type at a larger size reads better than.
// Boxes and the brief grid's rows close up their padding with it, to no
// less than 0.7 (Theme.padScale).
var personalCloseUp = [...]float64{1, closeUp[0], closeUp[1], 0.5}

// fitPersonal fits a patient's copy of the summary (handouts serve) to the
// stock copy's type size and pages whenever its block fits there: as it
// is, then with the space between blocks closed up a little, then a
// little more (personalCloseUp), then the same again with the lines set
// at the size plus 2 pt rather than 3 (the low end of clear-print
// guidance's plus 2–4; large print keeps its own). Only a note that cannot
// fit that way sets the type smaller, and then as little as it must: the
// largest quarter point below the stock size at which it fits, closing up
// the same way. It returns nil when the stock copy cannot be made, when
// nothing fits down to the smallest size, and in large print (which keeps
// its size) when the copy needs a page more than the stock copy. It also
// returns the stock copy, nil when that cannot be made.
func fitPersonal(h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options) (*Composed, *Composed) {
	stockOpt := opt
	stockOpt.Personal = nil
	stock, err := fitSummary(h, b, lab, stockOpt)
	if err != nil {
		return nil, nil
	}
	fits := func(size float64) *Composed {
		for _, th := range personalThemes(h, b, lab, opt, size) {
			if d, err := compose(Summary, h, th, summary); err == nil && len(d.Pages) <= len(stock.Pages) {
				return d
			}
		}
		return nil
	}
	if d := fits(stock.Body); d != nil || opt.LargePrint {
		return d, stock
	}
	// Quarter points below the stock size, down to the smallest: fit is
	// monotonic in the size, so the largest that fits is a binary search.
	size := func(i int) float64 { return stock.Body - 0.25*float64(i) }
	last := int(math.Floor((stock.Body - MinSummarySize) / 0.25))
	best := fits(size(last))
	if best == nil {
		return nil, stock
	}
	lo, hi := 1, last // size(hi) fits and best is its layout
	for lo < hi {
		mid := (lo + hi) / 2
		if d := fits(size(mid)); d != nil {
			hi, best = mid, d
		} else {
			lo = mid + 1
		}
	}
	return best, stock
}

// personalThemes are the themes a patient's summary tries at a size, in
// order (see fitPersonal): the space closed up step by step, then again
// with the leading at the size plus 2 pt (not in large print, whose
// leading is already guidance's least).
func personalThemes(h *content.Handout, b *brand.Brand, lab *labels.Labels, opt Options, size float64) []*Theme {
	var out []*Theme
	for _, tight := range []bool{false, true} {
		if tight && opt.LargePrint {
			break
		}
		for _, f := range personalCloseUp {
			th := summaryTheme(h, b, lab, opt, size)
			th.closeUp = f
			if tight {
				th.Leading = size + 2
			}
			out = append(out, th)
		}
	}
	return out
}

// wordsToCut finds roughly how many words must go for the summary to fit,
// by trying: it starts from an estimate and trims the bullets and briefs
// evenly (see trimWords) until fits says yes, doubling then halving the
// step, so that the number a writer is given is one that works. Layouts
// are cheap, and this runs only for a summary that does not fit.
func wordsToCut(h *content.Handout, estimate int, fits func(*content.Handout) bool) int {
	total := summaryWords(h)
	lo, hi := 0, max(estimate, 1) // lo does not fit; hi is to be tried
	for !fits(trimWords(h, hi)) {
		if hi >= total {
			return total // nothing but the words themselves takes the room
		}
		lo, hi = hi, min(hi*2, total)
	}
	// Narrow down to within a tenth, rounding up.
	for hi-lo > max(hi/10, 1) {
		mid := (lo + hi) / 2
		if fits(trimWords(h, mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// trimWords returns a copy of h with n words cut from the ends of its
// summary bullets and briefs, a word at a time from whichever is longest, as
// a writer trimming evenly would. Trimmed text is plain: emphasis and links
// do not change how much room words take enough to matter here.
func trimWords(h *content.Handout, n int) *content.Handout {
	c := *h
	c.Summary = append([]content.Text(nil), h.Summary...)
	c.Sections = append([]content.Section(nil), h.Sections...)
	var texts []*content.Text
	for i := range c.Summary {
		texts = append(texts, &c.Summary[i])
	}
	for i := range c.Sections {
		if !c.Sections[i].Brief.IsZero() {
			texts = append(texts, &c.Sections[i].Brief)
		}
	}
	words := make([][]string, len(texts))
	for i, t := range texts {
		words[i] = strings.Fields(t.Raw)
	}
	lengths := make([]int, len(words))
	for i, w := range words {
		lengths[i] = len(w)
	}
	for i, l := range cutLongest(lengths, n) {
		words[i] = words[i][:l]
	}
	for i, t := range texts {
		raw := strings.Join(words[i], " ")
		*t = content.Text{Raw: raw, Spans: []content.Span{{Text: raw}}, Pos: t.Pos}
	}
	return &c
}

// cutLongest returns lengths after n cuts of one from whichever is longest
// (the first of equals), never below one: the result of cutting one at a
// time, found without doing so. Cutting one at a time looked through every
// text for each word cut, which took minutes on a summary of 80,000
// bullets. Cutting brings the longest down to a level L (every length above
// it becomes L), and then the first few at L, in order, to L-1.
func cutLongest(lengths []int, n int) []int {
	out := append([]int(nil), lengths...)
	maxLen := 0
	for _, l := range lengths {
		maxLen = max(maxLen, l)
	}
	if n <= 0 || maxLen <= 1 {
		return out
	}
	cost := func(level int) int { // cuts to bring every length down to level
		c := 0
		for _, l := range lengths {
			c += max(l-level, 0)
		}
		return c
	}
	// The lowest level, down to 1, that n cuts reach.
	lo, hi := 1, maxLen // cost(hi) = 0 <= n
	for lo < hi {
		mid := (lo + hi) / 2
		if cost(mid) <= n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	level := lo
	rest := n - cost(level)
	for i, l := range lengths {
		out[i] = min(l, level)
		if level > 1 && rest > 0 && l >= level {
			out[i] = level - 1
			rest--
		}
	}
	return out
}

// wordsForHeight estimates the words to cut when a block of height h is
// over by `over`: the summary's words in that proportion, plus the page's
// other content the cut must also make room for.
func wordsForHeight(h *content.Handout, over, height float64) int {
	words := summaryWords(h)
	return max(int(math.Ceil(float64(words)*over/height*1.1)), 1)
}

func summaryWords(h *content.Handout) int {
	words := 0
	for _, s := range h.Summary {
		words += len(strings.Fields(s.Raw))
	}
	for _, s := range h.Sections {
		words += len(strings.Fields(s.Brief.Raw))
	}
	return words
}

// wordsOver estimates how many words must go for the summary to fit: the
// share of text that spilled past the allowed pages, applied to the words
// the summary prints.
func wordsOver(h *content.Handout, doc *Composed, allowed int) int {
	words := summaryWords(h)
	countText := func(p layout.Page) int {
		n := 0
		for _, op := range p.Ops {
			if op.Kind == layout.TextOp && op.InTree() {
				n += len(strings.Fields(op.Text))
			}
		}
		return n
	}
	total, over := 0, 0
	for i, p := range doc.Pages {
		n := countText(p)
		total += n
		if i >= allowed {
			over += n
		}
	}
	if total == 0 {
		return 0
	}
	// Everything past the limit must go, plus the words whose room the
	// contact card takes when it moves back: round up generously.
	est := int(math.Ceil(float64(words) * float64(over) / float64(total) * 1.1))
	return max(est, 1)
}
