package format

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/layout"
)

// faqBrands are the matrix's brands and one with a long clinic name beside
// a wide logo, every contact detail, an address and a two-line note: the
// tallest masthead an FAQ sheet has to make room for.
var faqBrands = append(matrixBrands[:len(matrixBrands):len(matrixBrands)], struct {
	name  string
	brand func(*testing.T) *brand.Brand
}{"long-name", brandFrom("testdata/long-name-brand.yaml")})

// The FAQ sheet, on every handout with questions (in every language the
// tests have), with every brand, on both papers, in regular and large
// print: every page holds a question or an answer (never only the masthead,
// the contact strip or the write-in lines), the last page has at least
// three lines to write on, the last of them a whole line above the footer's
// rule, the contact details print once per page and the review date at
// least once on the sheet and at most once a page. (A brand may still cost
// a long sheet a page: the header band and a three-line footer take about
// 1.8 in.)
func TestFAQSheet(t *testing.T) {
	var files []string
	for _, g := range []string{"../../testdata/*.yaml", "../../testdata/languages/*.yaml", "../../data/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	brands := make([]*brand.Brand, len(faqBrands))
	for i, mb := range faqBrands {
		brands[i] = mb.brand(t)
	}
	for _, file := range files {
		h := loadHandout(t, file)
		if len(h.FAQ) == 0 {
			continue
		}
		for _, paper := range []Paper{Letter, A4} {
			for _, lp := range []bool{false, true} {
				opt := Options{Paper: paper, LargePrint: lp}
				for k, mb := range faqBrands {
					b := brands[k]
					name := fmt.Sprintf("%s/%s/%s/lp=%v", filepath.Base(file), mb.name, paper.Name, lp)
					doc, err := Compose(FAQ, h, b, labelsFor(h), opt)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					th := NewTheme(b, labelsFor(h), opt, 0)
					reviewed, dates := labelsFor(h).Reviewed(h.Reviewed), 0
					for i, p := range doc.Pages {
						holds := false
						phones := 0
						var text strings.Builder // the page's text, to find the date in however it was set
						for _, op := range p.Ops {
							if op.Kind != layout.TextOp {
								continue
							}
							r := role(doc, op)
							holds = holds || r == layout.Paragraph || r == layout.Heading2 && op.Text != labelsFor(h).YourQuestions
							if b.Phone != "" && strings.Contains(op.Text, b.Phone) {
								phones++
							}
							text.WriteString(op.Text)
						}
						if !holds {
							t.Errorf("%s page %d of %d holds no question or answer", name, i+1, len(doc.Pages))
						}
						if phones > 1 {
							t.Errorf("%s page %d prints the phone number %d times", name, i+1, phones)
						}
						pageDates := strings.Count(nospace(text.String()), nospace(reviewed))
						if pageDates > 1 {
							t.Errorf("%s page %d prints the review date %d times", name, i+1, pageDates)
						}
						dates += pageDates
					}
					if dates == 0 {
						t.Errorf("%s: the review date %q is not printed", name, reviewed)
					}
					last := doc.Pages[len(doc.Pages)-1]
					var rules []float64
					footRule := 0.0
					for _, op := range last.Ops {
						if op.Kind == layout.LineOp && op.H == 0 && op.W > 100 {
							if op.Artifact == layout.Decoration {
								rules = append(rules, op.Y)
							} else if op.Artifact == layout.Pagination && op.Y > th.Paper.H/2 {
								footRule = op.Y
							}
						}
					}
					if len(rules) < 3 {
						t.Errorf("%s: %d lines to write on, want at least 3", name, len(rules))
						continue
					}
					if spacing := th.Body / xHeightScale(th.Fonts) * 2.2; footRule > 0 && footRule-rules[len(rules)-1] < spacing-0.5 {
						t.Errorf("%s: the last write-in line is %.1f pt above the footer's rule, less than a line (%.1f)", name, footRule-rules[len(rules)-1], spacing)
					}
				}
			}
		}
	}
}

// nospace is s without its spaces, so text set piece by piece compares
// with text as written.
func nospace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// The write-in area holds as many ruled lines as its height gives, a whole
// line left under the last: at its least height exactly its fewest lines
// (an FAQ that fills its page still gets all three), one more for each
// further line's height, none for less.
func TestWritingAreaLines(t *testing.T) {
	th := NewTheme(noBrand(t), labelsFor(&content.Handout{Language: "en"}), Options{Paper: Letter}, 0)
	b := newBuilder(th)
	b.writingArea("Your questions", 3)
	var area *layout.Row
	for i := range b.rows {
		if b.rows[i].Spring {
			area = &b.rows[i]
		}
	}
	if area == nil || area.Expand == nil {
		t.Fatal("no writing area row")
	}
	spacing := th.Body * 2.2
	rules := func(h float64) int {
		n := 0
		for _, op := range area.Expand(h) {
			if op.Kind == layout.LineOp {
				n++
				if op.Y > h-spacing+0.01 {
					t.Errorf("height %.2f: a rule at %.2f, less than a line above the foot", h, op.Y)
				}
			}
		}
		return n
	}
	for _, c := range []struct {
		extra float64
		want  int
	}{{0, 3}, {0.99, 3}, {1, 4}, {4, 7}, {4.5, 7}} {
		if got := rules(area.H + c.extra*spacing); got != c.want {
			t.Errorf("%.2f lines more than its least height: %d rules, want %d", c.extra, got, c.want)
		}
	}
}

// A branded FAQ sheet takes no more pages than the unbranded one: when the
// clinic's band would push it onto a second sheet, the masthead is compacted
// (the subtitle on the title's line, then the band without its tagline, its
// logo no taller than the name), then the review date printed once at the
// foot of the write-in area and the space between blocks closed up, but
// only then: a sheet that fits keeps its masthead. And the write-in lines
// are as far apart in a brand's serif as in the default face: handwriting
// does not grow with a font's x-height. group-therapy on Letter needed 88 pt
// more than its page had with cedar-hollow's band and two-line footer.
func TestFAQBrandCostsNoSheet(t *testing.T) {
	cedar := brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")(t)
	for _, c := range []struct {
		file    string
		paper   Paper
		compact bool
	}{
		{"../../testdata/diabetes-es.yaml", Letter, false}, // the write-in spacing alone saves its sheet
		{"../../data/group-therapy.yaml", A4, true},
		{"../../testdata/diabetes-es.yaml", A4, false},
		{"../../testdata/sleep.yaml", Letter, false},
		{"../../data/group-therapy.yaml", Letter, true},
	} {
		h := loadHandout(t, c.file)
		name := fmt.Sprintf("%s/%s", filepath.Base(c.file), c.paper.Name)
		opt := Options{Paper: c.paper}
		doc, err := Compose(FAQ, h, cedar, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := Compose(FAQ, h, noBrand(t), labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) > len(plain.Pages) {
			t.Errorf("%s: the branded FAQ takes %d pages, the unbranded %d", name, len(doc.Pages), len(plain.Pages))
		}
		var titleY, subY float64
		var rules []float64
		for _, op := range doc.Pages[0].Ops {
			switch {
			case op.Kind == layout.TextOp && role(doc, op) == layout.Title && titleY == 0:
				titleY = op.Y
			case op.Kind == layout.TextOp && role(doc, op) == layout.Subtitle && subY == 0:
				subY = op.Y
			}
		}
		for _, op := range doc.Pages[len(doc.Pages)-1].Ops {
			if op.Kind == layout.LineOp && op.Artifact == layout.Decoration && op.W > 100 {
				rules = append(rules, op.Y)
			}
		}
		if beside := math.Abs(titleY-subY) < 0.01; beside != c.compact {
			t.Errorf("%s: subtitle on the title's line %v, want %v (title at %.1f, subtitle at %.1f)", name, beside, c.compact, titleY, subY)
		}
		if len(rules) < 3 {
			t.Fatalf("%s: %d write-in lines", name, len(rules))
		}
		if d := rules[1] - rules[0]; math.Abs(d-BodySize*2.2) > 0.01 {
			t.Errorf("%s: write-in lines %.2f pt apart, want %.2f as in the default face", name, d, BodySize*2.2)
		}
	}
}

// The last question moves whole with the write-in lines only when that
// leaves little blank: the Spanish large-print FAQ on A4 left page one a
// third empty with its last question, seven lines, on page two. Its answer
// now splits, page one is filled, and page two opens with the question
// again, marked continued (an artifact: a screen reader reads it once).
func TestFAQLastAnswerSplitsRatherThanLeaveAThird(t *testing.T) {
	h := loadHandout(t, "../../testdata/diabetes-es.yaml")
	opt := Options{Paper: A4, LargePrint: true}
	doc, err := Compose(FAQ, h, noBrand(t), labelsFor(h), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(doc.Pages))
	}
	th := NewTheme(noBrand(t), labelsFor(h), opt, 0)
	spec := newFurniture(th, h.Title.Raw, th.Labels.Reviewed(h.Reviewed), furnitureRunning).spec()
	room := spec.Bottom - spec.Top(0)
	if blank := spec.Bottom - doc.Pages[0].End; blank > room/5 {
		t.Errorf("page one leaves %.0f pt of %.0f blank, over a fifth", blank, room)
	}
	last := h.FAQ[len(h.FAQ)-1].Q.Raw
	label, top := "", math.Inf(1)
	for _, op := range doc.Pages[1].Ops {
		if op.Kind == layout.TextOp && op.Artifact == layout.Pagination && op.Y > spec.Top(1) && op.Y < spec.Bottom && op.Y <= top {
			if op.Y < top {
				label = ""
			}
			label, top = label+op.Text, op.Y
		}
	}
	if !strings.Contains(label, "(continuación)") || !strings.HasPrefix(last, strings.Fields(label)[0]) {
		t.Errorf("page two opens with %q, want the last question marked continued", label)
	}
	asked := 0
	for _, p := range doc.Pages {
		for _, op := range p.Ops {
			if op.Kind == layout.TextOp && role(doc, op) == layout.Heading2 && strings.Contains(last, op.Text) {
				asked++
			}
		}
	}
	if asked == 0 {
		t.Error("the last question is not printed as a heading")
	}
}

// A short sheet whose one question, answer and write-in lines do not fit
// under a tall masthead (the Greek large-print sheet on Letter, under
// cedar-hollow's band and contact strip, needed 80 pt more; so does a title
// near the 200-character limit in large print on Letter without a brand)
// does not leave page one holding only the masthead and carry the question
// to page two: it is set compactly onto one page, the answer whole beside
// its question and three lines to write on, in large print's type. Where
// no setting fits one page (that title under a brand's band and contact
// strip), the answer splits, the second page opening with the question
// marked continued: each page holds a part of the answer.
func TestFAQOneQuestionKeepsPageOne(t *testing.T) {
	el := loadHandout(t, "../../testdata/languages/el.yaml")
	long := loadHandout(t, "testdata/one-question-long-title.yaml")
	for _, c := range []struct {
		h       *content.Handout
		brand   int // in faqBrands
		paper   Paper
		onePage bool
	}{
		{el, 3, Letter, true}, // cedar-hollow
		{el, 4, Letter, true}, // long-name
		{el, 4, A4, true},
		{long, 0, Letter, true}, // no brand
		{long, 3, Letter, false},
		{long, 4, A4, false},
	} {
		h, b := c.h, faqBrands[c.brand].brand(t)
		if len(h.FAQ) != 1 {
			t.Fatalf("%s: %d questions, want the one this test is about", h.Title.Raw, len(h.FAQ))
		}
		opt := Options{Paper: c.paper, LargePrint: true}
		name := fmt.Sprintf("%.20s…/%s/%s", h.Title.Raw, faqBrands[c.brand].name, c.paper.Name)
		doc, err := Compose(FAQ, h, b, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		if c.onePage != (len(doc.Pages) == 1) {
			t.Errorf("%s: %d pages, want one %v", name, len(doc.Pages), c.onePage)
			continue
		}
		th := NewTheme(b, labelsFor(h), opt, 0)
		var question, answer strings.Builder
		rules := 0
		for i, p := range doc.Pages {
			var part strings.Builder
			for _, op := range p.Ops {
				switch {
				case op.Kind == layout.TextOp && role(doc, op) == layout.Heading2 && op.Text != labelsFor(h).YourQuestions:
					question.WriteString(op.Text)
				case op.Kind == layout.TextOp && role(doc, op) == layout.Paragraph:
					part.WriteString(op.Text)
					if op.Size < th.Body-0.01 {
						t.Errorf("%s: the answer is set at %.2f pt, under the body's %.2f", name, op.Size, th.Body)
					}
				case op.Kind == layout.LineOp && op.Artifact == layout.Decoration && op.W > 100 && i == len(doc.Pages)-1:
					rules++
				}
			}
			if part.Len() == 0 {
				t.Errorf("%s: page %d of %d holds no part of the answer", name, i+1, len(doc.Pages))
			}
			answer.WriteString(part.String())
		}
		if nospace(question.String()) != nospace(h.FAQ[0].Q.Raw) {
			t.Errorf("%s: the question reads %q", name, question.String())
		}
		if nospace(answer.String()) != nospace(h.FAQ[0].A.Raw) {
			t.Errorf("%s: the answer reads %q, want it whole", name, answer.String())
		}
		if rules < 3 {
			t.Errorf("%s: %d lines to write on, want at least 3", name, rules)
		}
	}
}

// The slim band of a compact FAQ masthead is never taller than the band,
// and its logo never under the 0.45 in at which a wordmark stays readable:
// cedar-hollow's wordmark comes down to its two-line name's height, and the
// long name beside it, wrapped into five lines in large print, gains the
// width to take fewer.
func TestSlimBand(t *testing.T) {
	h := &content.Handout{Language: "en"}
	for _, mb := range faqBrands[3:] {
		b := mb.brand(t)
		for _, lp := range []bool{false, true} {
			th := NewTheme(b, labelsFor(h), Options{Paper: Letter, LargePrint: lp}, 0)
			th.Tagline = ""
			full := bandLayout(th, th.measurer())
			slim := *th
			slim.LogoH = slimLogoH(th)
			sl := bandLayout(&slim, slim.measurer())
			name := fmt.Sprintf("%s/lp=%v", mb.name, lp)
			if slim.LogoH < 0.45*72-0.01 || slim.LogoH > th.LogoH {
				t.Errorf("%s: a logo %.1f pt tall, want 32.4 to %.1f", name, slim.LogoH, th.LogoH)
			}
			if sl.h > full.h-1 {
				t.Errorf("%s: the slim band is %.1f pt, the band %.1f: want it lower", name, sl.h, full.h)
			}
			if mb.name == "long-name" && lp && len(sl.name) >= len(full.name) {
				t.Errorf("%s: the name takes %d lines beside the smaller logo, %d beside the full one", name, len(sl.name), len(full.name))
			}
		}
	}
}

// On a sheet set to fit one page, a footer line that would hold only the
// review date (a one-page sheet has no page number) is saved: the date is
// printed once, at the end of the brand's note at the foot of the write-in
// area, where it takes no line of its own when the note's last line has
// room for it.
func TestOneSheetFooter(t *testing.T) {
	cedar := brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")(t)
	h := &content.Handout{Language: "en"}
	th := NewTheme(cedar, labelsFor(h), Options{Paper: Letter}, 0)
	th.localize("en")
	furn := newFurniture(th, "Group therapy", "Reviewed November 2026", furnitureRunning)
	if furn.pageInline || !furn.reviewedFoot || furn.onceNote == "" {
		t.Fatalf("cedar-hollow's footer: page number inline %v, date in the footer %v, note once %q; want the page line below the contact line and the note once", furn.pageInline, furn.reviewedFoot, furn.onceNote)
	}
	one := newOneSheetFurniture(furn)
	if one == nil {
		t.Fatal("no one-page footer")
	}
	if d := one.spec().Bottom - furn.spec().Bottom; math.Abs(d-th.SmallLeading) > 0.01 {
		t.Errorf("the one-page footer gives %.2f pt more room, want a line (%.2f)", d, th.SmallLeading)
	}
	if one.onceReviewed != "Reviewed November 2026" || furn.onceReviewed != "" {
		t.Errorf("the date printed once: %q on one page, %q on the sheet", one.onceReviewed, furn.onceReviewed)
	}
	var ops []layout.Op
	for _, op := range one.draw(0, 1) {
		if op.Kind == layout.TextOp {
			ops = append(ops, op)
		}
	}
	for _, op := range ops {
		if strings.Contains(op.Text, "Reviewed") || strings.Contains(op.Text, "Page") {
			t.Errorf("the one-page footer prints %q", op.Text)
		}
	}
	b := newBuilder(th)
	b.once = []string{furn.onceNote, one.onceReviewed}
	lines := b.onceRunOn(th.Width)
	note := layout.Wrap(b.m, plain(furn.onceNote, 0), th.Small, th.Width)
	if len(lines) != 1 || len(lines[0]) != len(note) || !strings.HasSuffix(strings.TrimSpace(lines[0][len(note)-1].Text()), "Reviewed November 2026") {
		t.Errorf("the note and date at the foot of the write-in area: %v, want the date ending the note's %d lines", lines, len(note))
	}
	if newOneSheetFurniture(newFurniture(NewTheme(exampleBrand(t), labelsFor(h), Options{Paper: Letter}, 0), "Group therapy", "Reviewed November 2026", furnitureRunning)) != nil {
		t.Error("a footer with the page line beside the contact line has no line to save")
	}
}
