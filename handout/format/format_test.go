package format

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/internal/golden"
	"handouts/internal/growth"
)

var update = flag.Bool("update", false, "rewrite golden files")

const (
	seedFile  = "../../data/group-therapy.yaml"
	brandFile = "../../data/brand/brand.yaml"
	inch      = 72.0
	safe      = 0.6 * inch // what home printers clip, with room to spare
)

func loadHandout(t *testing.T, path string) *content.Handout {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, errs := content.Decode(path, src)
	if errs.HasErrors() {
		t.Fatalf("%s: %v", path, errs)
	}
	return h
}

func exampleBrand(t *testing.T) *brand.Brand {
	t.Helper()
	settings, errs := brand.LoadFile(brandFile)
	if errs.HasErrors() {
		t.Fatalf("%s: %v", brandFile, errs)
	}
	b, errs := brand.Resolve(nil, settings)
	if errs.HasErrors() {
		t.Fatalf("%s: %v", brandFile, errs)
	}
	return b
}

func noBrand(t *testing.T) *brand.Brand {
	t.Helper()
	b, errs := brand.Resolve(nil, brand.Settings{})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return b
}

func labelsFor(h *content.Handout) *labels.Labels {
	lab, _ := labels.For(h.Language)
	return lab
}

// goldenCase is one handout, brand and set of options, laid out in each of
// its formats and compared with testdata/<name>.<format>.golden.
type goldenCase struct {
	name  string
	file  string
	brand func(*testing.T) *brand.Brand
	opt   Options
	kinds []Kind
}

var goldenCases = []goldenCase{
	{"seed", seedFile, exampleBrand, Options{Paper: Letter}, Kinds},
	{"seed-nobrand", seedFile, noBrand, Options{Paper: Letter}, Kinds},
	{"seed-a4", seedFile, exampleBrand, Options{Paper: A4}, Kinds},
	{"seed-large", seedFile, exampleBrand, Options{Paper: Letter, LargePrint: true}, Kinds},
	{"minimal", "testdata/minimal.yaml", exampleBrand, Options{Paper: Letter}, []Kind{Guide, Summary}},
	{"callout", "testdata/callout.yaml", exampleBrand, Options{Paper: Letter}, Kinds},
	{"steps", "testdata/steps.yaml", exampleBrand, Options{Paper: Letter}, []Kind{Guide}},
	{"long-summary", "testdata/long-summary.yaml", exampleBrand, Options{Paper: Letter}, []Kind{Summary}},
	// Small fixtures for the furniture: a name-only brand (a band, no
	// contact), and the brand that stretches it, in Spanish, in both prints.
	{"furniture-name-only", "testdata/minimal.yaml", brandFrom("../../testdata/brand/name-only.yaml"), Options{Paper: Letter}, []Kind{Guide, Summary}},
	{"furniture-cedar-es", "../../testdata/asma.yaml", brandFrom("../../testdata/brand/cedar-hollow/brand.yaml"), Options{Paper: A4}, []Kind{Summary, FAQ}},
	{"furniture-cedar-es-large", "../../testdata/asma.yaml", brandFrom("../../testdata/brand/cedar-hollow/brand.yaml"), Options{Paper: Letter, LargePrint: true}, []Kind{Summary}},
}

// composed is one laid-out golden document.
type composed struct {
	name string // case.format
	c    goldenCase
	kind Kind
	h    *content.Handout
	doc  *Composed
}

func composeAll(t *testing.T) []composed {
	t.Helper()
	var out []composed
	for _, c := range goldenCases {
		h := loadHandout(t, c.file)
		b := c.brand(t)
		for _, k := range c.kinds {
			doc, err := Compose(k, h, b, labelsFor(h), c.opt)
			if err != nil {
				t.Fatalf("%s.%s: %v", c.name, k, err)
			}
			out = append(out, composed{c.name + "." + string(k), c, k, h, doc})
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, d := range composeAll(t) {
		t.Run(d.name, func(t *testing.T) {
			th := NewTheme(d.c.brand(t), labelsFor(d.h), d.c.opt, 0)
			golden.Compare(t, filepath.Join("testdata", d.name+".golden"), structure(d.doc, th.Labels), *update, "./handout/format")
		})
	}
}

func role(doc *Composed, op layout.Op) layout.Role {
	if op.Struct > 0 && op.Struct < len(doc.Tree.Structs) {
		return doc.Tree.Structs[op.Struct].Role
	}
	return layout.Artifact
}

// Every piece of text stays 0.6 in clear of every edge: its advance box
// from the ascender to the descender, not only its baseline.
func TestTextInsideSafeArea(t *testing.T) {
	for _, d := range composeAll(t) {
		W, H := d.doc.Paper.W, d.doc.Paper.H
		for pi, p := range d.doc.Pages {
			for _, op := range p.Ops {
				if op.Kind != layout.TextOp {
					continue
				}
				face := d.doc.Fonts.Face(op.Font)
				top := op.Y - face.Ascent*op.Size/1000
				bottom := op.Y - face.Descent*op.Size/1000
				if op.X < safe || op.X+op.W > W-safe || top < safe || bottom > H-safe || op.Y < safe || op.Y > H-safe {
					t.Errorf("%s page %d: %q at x=%.1f..%.1f y=%.1f..%.1f is within 0.6 in of the edge of the %.0f×%.0f page",
						d.name, pi+1, op.Text, op.X, op.X+op.W, top, bottom, W, H)
				}
			}
		}
	}
}

// Body text is at least 12 pt in the guide and FAQ, 10.5 pt in the fitted
// summary, and 18 pt in large print.
func TestBodyTextSize(t *testing.T) {
	for _, d := range composeAll(t) {
		minSize := 12.0
		switch {
		case d.c.opt.LargePrint:
			minSize = LargePrintSize
		case d.kind == Summary:
			minSize = MinSummarySize
		}
		n := 0
		for pi, p := range d.doc.Pages {
			for _, op := range p.Ops {
				if r := role(d.doc, op); op.Kind != layout.TextOp || r != layout.Paragraph && r != layout.ListBody {
					continue
				}
				n++
				if op.Size < minSize-1e-9 {
					t.Errorf("%s page %d: body text %q at %.2f pt, want at least %.1f", d.name, pi+1, op.Text, op.Size, minSize)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no body text found", d.name)
		}
	}
}

// A heading never ends a page: the last content text on each page is not
// a heading. The one heading allowed last is the FAQ's writing area title,
// whose ruled lines (artifacts, not text) follow it on the same page.
func TestNoHeadingEndsPage(t *testing.T) {
	for _, d := range composeAll(t) {
		for pi, p := range d.doc.Pages {
			var last *layout.Op
			for k, op := range p.Ops {
				if op.Kind == layout.TextOp && role(d.doc, op) != layout.Artifact {
					last = &p.Ops[k]
				}
			}
			if last == nil {
				t.Errorf("%s page %d has no content", d.name, pi+1)
				continue
			}
			r := role(d.doc, *last)
			if r != layout.Heading1 && r != layout.Heading2 {
				continue
			}
			if last.Text == labelsFor(d.h).YourQuestions && rulesBelow(p, last.Y) >= 3 {
				continue
			}
			t.Errorf("%s page %d ends with the heading %q", d.name, pi+1, last.Text)
		}
	}
}

// rulesBelow counts the full-width writing lines below y on a page (the
// footer's rule is one more, at most).
func rulesBelow(p layout.Page, y float64) int {
	n := 0
	for _, op := range p.Ops {
		if op.Kind == layout.LineOp && op.Y > y && op.H == 0 && op.W > 100 {
			n++
		}
	}
	return n - 1
}

func TestSeedSummaryFitsOnePage(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, c := range []struct {
		name  string
		brand func(*testing.T) *brand.Brand
		paper Paper
	}{
		{"letter", exampleBrand, Letter},
		{"a4", exampleBrand, A4},
		{"no brand", noBrand, Letter},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := c.brand(t)
			opt := Options{Paper: c.paper}
			doc, err := Compose(Summary, h, b, labelsFor(h), opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Pages) != 1 {
				t.Errorf("summary is %d pages, want 1", len(doc.Pages))
			}
			if doc.Body < MinSummarySize || doc.Body > summaryStartMax {
				t.Errorf("summary body %.2f pt, want between %.1f and %.1f", doc.Body, MinSummarySize, summaryStartMax)
			}
			checkLargestFit(t, h, b, opt, doc.Body)
		})
	}
}

// checkLargestFit checks the fitted size is on the quarter-point grid and
// the largest that fits: a quarter point more spills onto a second page.
func checkLargestFit(t *testing.T, h *content.Handout, b *brand.Brand, opt Options, body float64) {
	t.Helper()
	if q := body / 0.25; q != math.Trunc(q) {
		t.Errorf("body %.3f pt is not on the quarter-point grid", body)
	}
	if body >= summaryStartMax {
		return
	}
	th := NewTheme(b, labelsFor(h), opt, body+0.25)
	th.Margin = summaryMargin
	th.Left, th.Width = th.Margin, opt.Paper.W-2*th.Margin
	doc, err := compose(Summary, h, th, summary)
	var tall *layout.ErrTooTall
	if errors.As(err, &tall) {
		return // does not fit either
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) == 1 {
		t.Errorf("the summary fits one page at %.2f pt but was set at %.2f pt", body+0.25, body)
	}
}

func TestLongSummaryShrinks(t *testing.T) {
	h := loadHandout(t, "testdata/long-summary.yaml")
	b := exampleBrand(t)
	opt := Options{Paper: Letter}
	doc, err := Compose(Summary, h, b, labelsFor(h), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 || doc.Body >= summaryStartMax || doc.Body < MinSummarySize {
		t.Errorf("long summary: %d pages at %.2f pt, want 1 page below %.1f and at least %.1f", len(doc.Pages), doc.Body, summaryStartMax, MinSummarySize)
	}
	checkLargestFit(t, h, b, opt, doc.Body)
}

func TestSummaryTooLong(t *testing.T) {
	h := loadHandout(t, "testdata/too-long.yaml")
	_, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter})
	var tl *ErrTooLong
	if !errors.As(err, &tl) {
		t.Fatalf("Compose = %v, want *ErrTooLong", err)
	}
	if tl.Words <= 0 || tl.Pages != 1 || tl.Size != MinSummarySize {
		t.Errorf("ErrTooLong%+v, want Words > 0, 1 page, %.1f pt", *tl, MinSummarySize)
	}
	if want := fmt.Sprintf("about %d words", tl.Words); !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err.Error(), want)
	}
	if !strings.Contains(err.Error(), "one page") {
		t.Errorf("message %q does not say the summary must fit one page", err.Error())
	}
}

func TestLargePrintSummary(t *testing.T) {
	h := loadHandout(t, seedFile)
	doc, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Body != LargePrintSize {
		t.Errorf("large-print summary body %.2f pt, want %.0f", doc.Body, LargePrintSize)
	}
	switch len(doc.Pages) {
	case 1:
		if len(doc.Notes) != 0 {
			t.Errorf("one-page large-print summary has notes %q", doc.Notes)
		}
	case 2:
		found := false
		for _, n := range doc.Notes {
			found = found || strings.Contains(n, "2 pages")
		}
		if !found {
			t.Errorf("two-page large-print summary: notes %q, want one saying it runs to 2 pages", doc.Notes)
		}
	default:
		t.Errorf("large-print summary is %d pages, want at most 2", len(doc.Pages))
	}
	// It uses the summary's margins, which is what keeps it to two pages,
	// and its leading follows large-print guidance (1.3–1.4 × the size).
	for _, op := range doc.Pages[0].Ops {
		if op.Kind == layout.TextOp && op.X < summaryMargin-1e-9 {
			t.Errorf("large-print text %q at x=%.1f, inside the 0.65 in margin", op.Text, op.X)
		}
	}
}

func TestGuideBookmarks(t *testing.T) {
	for _, d := range composeAll(t) {
		if d.kind != Guide {
			continue
		}
		marks := map[string]int{} // text → page
		for pi, p := range d.doc.Pages {
			for _, op := range p.Ops {
				if op.Kind == layout.BookmarkOp {
					if op.Level != 0 {
						t.Errorf("%s: bookmark %q at level %d, want 0", d.name, op.Text, op.Level)
					}
					marks[op.Text] = pi
				}
			}
		}
		want := []string{}
		for _, s := range d.h.Sections {
			want = append(want, s.Heading.Raw)
		}
		if len(d.h.FAQ) > 0 {
			want = append(want, labelsFor(d.h).FAQ)
		}
		for _, w := range want {
			pi, ok := marks[w]
			if !ok {
				t.Errorf("%s: no bookmark for the heading %q (have %v)", d.name, w, marks)
				continue
			}
			// The bookmark is on the page its heading is printed on.
			found := false
			for _, op := range d.doc.Pages[pi].Ops {
				found = found || op.Kind == layout.TextOp && role(d.doc, op) == layout.Heading1 && strings.HasPrefix(w, strings.TrimRight(op.Text, " "))
			}
			if !found {
				t.Errorf("%s: bookmark %q is on page %d, but its heading is not", d.name, w, pi+1)
			}
		}
	}
}

func TestPaperSizes(t *testing.T) {
	h := loadHandout(t, seedFile)
	b := exampleBrand(t)
	for _, paper := range []Paper{Letter, A4} {
		for _, k := range Kinds {
			doc, err := Compose(k, h, b, labelsFor(h), Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Paper != paper {
				t.Errorf("%s on %s: Paper %+v", k, paper.Name, doc.Paper)
			}
		}
	}
	if Letter.W != 612 || Letter.H != 792 || A4.W != 595.28 || A4.H != 841.89 {
		t.Errorf("paper sizes Letter %+v, A4 %+v; want 612×792 and 595.28×841.89 pt", Letter, A4)
	}
	// A4 is narrower and taller: the same guide's text column fits its width.
	a4, _ := Compose(Guide, h, b, labelsFor(h), Options{Paper: A4})
	for _, p := range a4.Pages {
		for _, op := range p.Ops {
			if op.Kind == layout.TextOp && op.X+op.W > A4.W-minMargin+1e-6 {
				t.Errorf("A4 guide: %q ends at x=%.1f, past the %.1f pt margin", op.Text, op.X+op.W, minMargin)
			}
		}
	}
}

func TestNoFAQ(t *testing.T) {
	h := loadHandout(t, "testdata/minimal.yaml")
	if _, err := Compose(FAQ, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter}); !errors.Is(err, ErrNoFAQ) {
		t.Errorf("FAQ of a handout without questions: %v, want ErrNoFAQ", err)
	}
	if _, err := Compose("poster", h, exampleBrand(t), labelsFor(h), Options{Paper: Letter}); err == nil || !strings.Contains(err.Error(), "poster") {
		t.Errorf("unknown format: %v", err)
	}
}

// hue is the HSL hue of c in degrees.
func hue(c colour.Color) float64 {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	d := mx - mn
	if d == 0 {
		return 0
	}
	var h float64
	switch mx {
	case r:
		h = math.Mod((g-b)/d, 6)
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	return h
}

// A light brand colour is darkened for text until it reads, keeping its hue.
func TestLightPrimaryReadable(t *testing.T) {
	light := "#F5C518"
	b, errs := brand.Resolve(nil, brand.Settings{brand.Primary: {Text: light}, brand.Accent: {Text: "#F5C518"}})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	lab, _ := labels.For("en")
	for _, lp := range []bool{false, true} {
		th := NewTheme(b, lab, Options{Paper: Letter, LargePrint: lp}, 0)
		for _, c := range []struct {
			name   string
			fg, bg colour.Color
		}{
			{"heading on white", th.Heading, colour.White},
			{"heading on the key-points tint", th.Heading, th.KeyFill},
			{"heading on the callout tint", th.Heading, th.CallFill},
			{"white on the band", colour.White, th.Band},
			{"muted on the key-points tint", th.Muted, th.KeyFill},
			{"ink on white", th.Ink, colour.White},
		} {
			if r := colour.Contrast(c.fg, c.bg); r < colour.MinTextContrast {
				t.Errorf("large print %v: %s: %s on %s contrast %.2f, want at least 4.5", lp, c.name, c.fg, c.bg, r)
			}
		}
		if d := math.Abs(hue(th.Heading) - hue(b.Primary)); math.Min(d, 360-d) > 6 {
			t.Errorf("heading %s has hue %.0f°, brand %s %.0f°: want the same hue family", th.Heading, hue(th.Heading), light, hue(b.Primary))
		}
		if th.Heading.Luminance() >= b.Primary.Luminance() {
			t.Errorf("heading %s is not darker than %s", th.Heading, light)
		}
	}
	// And the composed guide draws its headings in that colour.
	h := loadHandout(t, seedFile)
	doc, err := Compose(Guide, h, b, labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range doc.Pages {
		for _, op := range p.Ops {
			if r := role(doc, op); op.Kind == layout.TextOp && (r == layout.Heading1 || r == layout.Title) {
				n++
				if c := colour.Contrast(op.Color, colour.White); c < colour.MinTextContrast {
					t.Errorf("heading %q in %s: contrast %.2f on white", op.Text, op.Color, c)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no headings in the guide")
	}
}

// The layout tests model a heading and its paragraph with these keep marks;
// this pins them to what the builder does.
func TestHeadingParagraphKeeps(t *testing.T) {
	th := NewTheme(noBrand(t), labelsFor(&content.Handout{Language: "en"}), Options{Paper: Letter}, 0)
	b := newBuilder(th)
	b.heading("What it is", th.h1Size(), layout.Heading1, 0, "test")
	b.gap(th.Leading * 0.3)
	text := strings.Repeat("Group therapy is a form of psychotherapy in which a small group meets. ", 5)
	b.paragraph(inline(text), 0, "test")
	if len(b.rows) < 2+5 {
		t.Fatalf("%d rows, want a heading, a gap and at least 5 lines", len(b.rows))
	}
	var got []string
	for _, r := range b.rows {
		switch {
		case r.Gap:
			got = append(got, fmt.Sprintf("gap keep=%v", r.KeepWithPrev))
		default:
			got = append(got, fmt.Sprintf("row keep=%v", r.KeepWithPrev))
		}
	}
	n := len(b.rows) - 2
	want := []string{"row keep=false", "gap keep=true", "row keep=true", "row keep=true"}
	for i := 3; i <= n; i++ {
		want = append(want, fmt.Sprintf("row keep=%v", i == n))
	}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("keep marks\n got %v\nwant %v", got, want)
	}
}

// The composer's lone-item rule reads these marks (layout's tests model a
// list with them): a break before the second item would leave the first
// alone at a page's foot, one before the last item would leave it alone at
// the next page's top, so the gap before each of them and the item's first
// row are marked Lone, and no other break is.
func TestListLoneMarks(t *testing.T) {
	th := NewTheme(noBrand(t), labelsFor(&content.Handout{Language: "en"}), Options{Paper: Letter}, 0)
	for _, n := range []int{2, 3, 5} {
		b := newBuilder(th)
		var items [][]content.Span
		for i := range n {
			items = append(items, inline(fmt.Sprintf("Item %d.", i+1)))
		}
		b.bullets(items, 0, b.body(), "test")
		var got, want []string
		item := 0
		for _, r := range b.rows {
			if r.Gap {
				got = append(got, fmt.Sprintf("gap lone=%v", r.Lone))
				want = append(want, fmt.Sprintf("gap lone=%v", item == 1 || item == n-1))
				continue
			}
			item++
			got = append(got, fmt.Sprintf("item %d lone=%v", item, r.Lone))
			want = append(want, fmt.Sprintf("item %d lone=%v", item, item == 2 || item == n))
		}
		if item != n {
			t.Fatalf("%d items: %d one-line rows", n, item)
		}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("%d items: lone marks\n got %v\nwant %v", n, got, want)
		}
	}
}

// A callout short enough to move whole splits, if the composer must, only
// where at least half of it stays behind: never its top lines left as a
// sliver at a page's foot. Each break it allows costs the composer extra.
func TestCalloutSplitsAtHalf(t *testing.T) {
	th := NewTheme(noBrand(t), labelsFor(&content.Handout{Language: "en"}), Options{Paper: Letter}, 0)
	b := newBuilder(th)
	b.wholeBox = th.Paper.H
	b.box(th.CallFill, th.CallRule, 0)
	text := strings.Repeat("If you are thinking about harming yourself, call or text 988 at any hour. ", 12)
	b.paragraph(inline(text), 0, "test")
	b.endBox()
	if len(b.rows) < 12 {
		t.Fatalf("%d rows, want a callout of at least 10 lines", len(b.rows))
	}
	h := 0.0
	for _, r := range b.rows {
		h += r.H
	}
	above, breaks := 0.0, 0
	for k, r := range b.rows {
		if k > 0 && !r.KeepWithPrev {
			breaks++
			if above < h/2-0.01 {
				t.Errorf("row %d: a break with %.1f pt of the %.1f pt callout above it, less than half", k, above, h)
			}
			if r.Penalty <= 0 {
				t.Errorf("row %d: a break inside a callout that costs nothing", k)
			}
		}
		above += r.H
	}
	if breaks == 0 {
		t.Error("the callout cannot split at all")
	}
}

// A question keeps with the first two lines of its answer, across the small
// gap between them, so it never ends a page.
func TestQuestionKeepsWithAnswer(t *testing.T) {
	th := NewTheme(noBrand(t), labelsFor(&content.Handout{Language: "en"}), Options{Paper: Letter}, 0)
	b := newBuilder(th)
	answer := strings.Repeat("For many conditions, yes: research finds group therapy comparably effective. ", 4)
	b.qa(content.QA{Q: content.Text{Raw: "Is group therapy as good as individual therapy?"}, A: content.Text{Raw: answer, Spans: inline(answer)}}, b.body())
	if len(b.rows) < 5 || b.rows[0].Gap || !b.rows[1].Gap {
		t.Fatalf("rows: want a one-line question, a gap and the answer's lines; got %d rows", len(b.rows))
	}
	for i, r := range b.rows[1:4] {
		if !r.KeepWithPrev {
			t.Errorf("row %d (%s) may start a page: the question would end the one before", i+1, map[bool]string{true: "the gap", false: "an answer line"}[r.Gap])
		}
	}
}

// Steps print as a numbered list: real numbers 1 to n in order, each the
// label of a list item of a list, and every line of a step's text starting
// at one indent, right of the widest number (a hanging indent).
func TestStepsNumbered(t *testing.T) {
	h := loadHandout(t, "testdata/steps.yaml")
	doc, err := Compose(Guide, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	type list struct {
		numbers  []string
		numRight []float64
		lineX    map[[2]float64]float64 // page and baseline → leftmost text
	}
	lists := map[int]*list{}
	var order []int
	for pi, p := range doc.Pages {
		for _, op := range p.Ops {
			if op.Kind != layout.TextOp || op.Struct == 0 {
				continue
			}
			s := doc.Tree.Structs[op.Struct]
			if s.Role != layout.Label && s.Role != layout.ListBody {
				continue
			}
			li := doc.Tree.Structs[s.Parent]
			if li.Role != layout.ListItem || doc.Tree.Structs[li.Parent].Role != layout.List {
				t.Fatalf("%q: %v under %v under %v, want lbl/lbody under li under list", op.Text, s.Role, li.Role, doc.Tree.Structs[li.Parent].Role)
			}
			l := lists[li.Parent]
			if l == nil {
				l = &list{lineX: map[[2]float64]float64{}}
				lists[li.Parent] = l
				order = append(order, li.Parent)
			}
			if s.Role == layout.Label {
				l.numbers = append(l.numbers, op.Text)
				l.numRight = append(l.numRight, op.X+op.W)
			} else {
				k := [2]float64{float64(pi), op.Y}
				if x, ok := l.lineX[k]; !ok || op.X < x {
					l.lineX[k] = op.X
				}
			}
		}
	}
	var numbered [][]string
	for _, id := range order {
		l := lists[id]
		if l.numbers[0] == "•" {
			continue
		}
		numbered = append(numbered, l.numbers)
		for i, n := range l.numbers {
			if want := fmt.Sprintf("%d.", i+1); n != want {
				t.Errorf("step %d is numbered %q, want %q", i+1, n, want)
			}
			if math.Abs(l.numRight[i]-l.numRight[0]) > 0.01 {
				t.Errorf("number %q ends at %.2f, number 1. at %.2f: numbers are not right-aligned", n, l.numRight[i], l.numRight[0])
			}
		}
		lines, first := 0, math.NaN()
		for _, x := range l.lineX {
			lines++
			if math.IsNaN(first) {
				first = x
			}
			if math.Abs(x-first) > 0.01 {
				t.Errorf("list %v: a line of step text starts at %.2f, another at %.2f; want one hanging indent", l.numbers, x, first)
			}
		}
		if first <= l.numRight[0] {
			t.Errorf("step text starts at %.2f, left of the numbers' right edge %.2f", first, l.numRight[0])
		}
		if lines <= len(l.numbers) && len(l.numbers) == 12 {
			t.Errorf("the twelve steps take %d lines; step 10 should wrap", lines)
		}
	}
	if len(numbered) != 3 || len(numbered[0]) != 2 || len(numbered[1]) != 12 || len(numbered[2]) != 3 {
		t.Errorf("numbered lists %v, want lists of 2, 12 and 3 steps", numbered)
	}
}

// columnSplit balances the key points by whole items, the even split
// when it is as good as any. Each word here takes a line of a column at
// any share of the width, so the items' heights are their words.
func TestColumnSplit(t *testing.T) {
	b := newBuilder(NewTheme(noBrand(t), labelsFor(&content.Handout{}), Options{Paper: Letter}, 0))
	ts := b.body()
	word := "mmmmmm"
	total := (b.m.Width(word, fontset.Regular, ts.size)+b.listIndent(9, ts, false))/0.42 + 0.5
	item := func(words int) []layout.Run {
		return []layout.Run{{Text: strings.TrimSpace(strings.Repeat(word+" ", words))}}
	}
	for _, tc := range []struct {
		words []int
		split int
	}{
		{[]int{4, 4, 4}, 1},
		{[]int{6, 1, 1}, 1},
		{[]int{1, 1, 6}, 2},
		{[]int{2, 2, 2, 2}, 2},
		{[]int{1, 5, 1, 1, 1}, 2},
	} {
		var items [][]layout.Run
		for _, n := range tc.words {
			items = append(items, item(n))
		}
		c := b.columnSplit(items, ts, total)
		if c.split != tc.split {
			t.Errorf("%v: the second column begins at item %d, want %d", tc.words, c.split+1, tc.split+1)
		}
		if math.Abs(c.lw-c.rw) > 0.02 {
			t.Errorf("%v: columns of %.2f and %.2f pt, want the even split", tc.words, c.lw, c.rw)
		}
	}
}

// TestColumnSplitLinear: 80,000 summary bullets once took seconds in the
// split search alone. It compares the time for 8n with n in one run
// (growth.Linear).
func TestColumnSplitLinear(t *testing.T) {
	b := newBuilder(NewTheme(noBrand(t), labelsFor(&content.Handout{}), Options{Paper: Letter}, 0))
	ts := b.body()
	growth.Linear(t, 2_000, func(n int) {
		items := make([][]layout.Run, n)
		for i := range items {
			items[i] = []layout.Run{{Text: strings.Repeat("word ", 1+i%7)}}
		}
		b.columnSplit(items, ts, 300)
	})
}

// TestCutLongest: cutting words from the longest text, found at once, is
// the same as cutting one word at a time, and it grows linearly.
func TestCutLongest(t *testing.T) {
	oneByOne := func(lengths []int, n int) []int {
		out := append([]int(nil), lengths...)
		for ; n > 0 && len(out) > 0; n-- {
			longest := 0
			for i := range out {
				if out[i] > out[longest] {
					longest = i
				}
			}
			if out[longest] <= 1 {
				break
			}
			out[longest]--
		}
		return out
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 2000; k++ {
		lengths := make([]int, rng.IntN(8))
		for i := range lengths {
			lengths[i] = rng.IntN(12)
		}
		n := rng.IntN(60)
		if got, want := cutLongest(lengths, n), oneByOne(lengths, n); !slices.Equal(got, want) {
			t.Fatalf("cutLongest(%v, %d) = %v, want %v", lengths, n, got, want)
		}
	}
	growth.Linear(t, 5_000, func(n int) {
		lengths := make([]int, n)
		for i := range lengths {
			lengths[i] = 5 + i%7
		}
		cutLongest(lengths, 3*n)
	})
}
