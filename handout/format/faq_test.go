package format

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/content"
	"handouts/handout/layout"
)

// The FAQ sheet, on every handout with questions, with every brand, on both
// papers, in regular and large print: every page holds a question or an
// answer (never only the write-in lines), the last page has at least three
// lines to write on, the last of them a whole line above the footer's rule,
// and the contact details print once per page. (A brand may still cost a
// long sheet a page: the header band and a three-line footer take about
// 1.8 in.)
func TestFAQSheet(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.yaml")
	more, _ := filepath.Glob("../../data/*.yaml")
	for _, file := range append(files, more...) {
		h := loadHandout(t, file)
		if len(h.FAQ) == 0 {
			continue
		}
		for _, paper := range []Paper{Letter, A4} {
			for _, lp := range []bool{false, true} {
				opt := Options{Paper: paper, LargePrint: lp}
				for _, mb := range matrixBrands {
					b := mb.brand(t)
					name := fmt.Sprintf("%s/%s/%s/lp=%v", filepath.Base(file), mb.name, paper.Name, lp)
					doc, err := Compose(FAQ, h, b, labelsFor(h), opt)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					th := NewTheme(b, labelsFor(h), opt, 0)
					for i, p := range doc.Pages {
						holds := false
						phones := 0
						for _, op := range p.Ops {
							if op.Kind != layout.TextOp {
								continue
							}
							r := role(doc, op)
							holds = holds || r == layout.Paragraph || r == layout.Heading2 && op.Text != labelsFor(h).YourQuestions
							if b.Phone != "" && strings.Contains(op.Text, b.Phone) {
								phones++
							}
						}
						if !holds {
							t.Errorf("%s page %d holds no question or answer", name, i+1)
						}
						if phones > 1 {
							t.Errorf("%s page %d prints the phone number %d times", name, i+1, phones)
						}
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
// (the subtitle on the title's line, then the band without its tagline), but
// only then: a sheet that fits keeps its masthead. And the write-in lines
// are as far apart in a brand's serif as in the default face: handwriting
// does not grow with a font's x-height.
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
