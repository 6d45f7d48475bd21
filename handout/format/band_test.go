package format

import (
	"fmt"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/layout"
)

// bandRect is page one's header band: its filled rectangle.
func bandRect(t *testing.T, p layout.Page, th *Theme) layout.Op {
	t.Helper()
	for _, op := range p.Ops {
		if op.Kind == layout.RectOp && op.Fill != nil && *op.Fill == th.Band && op.Y < th.Paper.H/4 {
			return op
		}
	}
	t.Fatal("no header band on page one")
	return layout.Op{}
}

// The header band has the text column's edges in every format, on both
// papers, in regular and large print: its left edge is the title's, its
// right edge the column's.
func TestBandAlignedWithColumn(t *testing.T) {
	h := loadHandout(t, seedFile)
	lab := labelsFor(h)
	for _, mb := range matrixBrands[1:] {
		b := mb.brand(t)
		for _, opt := range []Options{{Paper: Letter}, {Paper: A4}, {Paper: Letter, LargePrint: true}, {Paper: A4, LargePrint: true}} {
			for _, kind := range Kinds {
				name := fmt.Sprintf("%s/%s/large=%v/%s", mb.name, opt.Paper.Name, opt.LargePrint, kind)
				doc, err := Compose(kind, h, b, lab, opt)
				if err != nil {
					t.Fatal(name, err)
				}
				th := NewTheme(b, lab, opt, 0)
				if kind == Summary {
					th = summaryTheme(h, b, lab, opt, doc.Body)
				}
				band := bandRect(t, doc.Pages[0], th)
				if d := band.X - th.Left; d < -0.01 || d > 0.01 {
					t.Errorf("%s: band's left edge %.1f, the text column's %.1f", name, band.X, th.Left)
				}
				if d := band.X + band.W - (th.Left + th.Width); d < -0.01 || d > 0.01 {
					t.Errorf("%s: band's right edge %.1f, the text column's %.1f", name, band.X+band.W, th.Left+th.Width)
				}
				for _, op := range texts(doc.Pages[0]) {
					if role(doc, op) == layout.Title && op.X < band.X-0.01 {
						t.Errorf("%s: the title starts at %.1f, left of the band's %.1f", name, op.X, band.X)
					}
				}
			}
		}
	}
}

// A clinic name or tagline that wraps in the band takes as few lines as it
// needs and no word alone on its last line while the line above is full:
// "Cedar Hollow Behavioural / Health & Family Care", not "... Family / Care".
func TestBandLinesBalanced(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, name := range []string{
		"Cedar Hollow Behavioural Health & Family Care",
		"Riverbend Community Mental Health and Wellness Center",
		"North Valley Integrated Behavioral Health and Family Wellness Center",
	} {
		b := brandWith(t, map[brand.Field]string{brand.Clinic: name, brand.Tagline: "Counseling, psychiatry and recovery care for the whole family, close to home"})
		for _, opt := range []Options{{Paper: Letter}, {Paper: A4}, {Paper: Letter, LargePrint: true}} {
			th := NewTheme(b, labelsFor(h), opt, 0)
			th.BandLabel = bandLabel(Guide, th)
			bl := bandLayout(th, th.measurer())
			for _, part := range []struct {
				what  string
				lines []layout.Line
			}{{"name", bl.name}, {"tagline", bl.tagline}} {
				n := len(part.lines)
				if n < 2 {
					continue
				}
				last := strings.Fields(part.lines[n-1].Text())
				if len(last) < 2 {
					t.Errorf("%q %s/large=%v: the %s's last line is one word, %q", name, opt.Paper.Name, opt.LargePrint, part.what, last)
				}
			}
			// Balancing never costs a line.
			room := th.BandW - bl.textX - bl.padX
			if bl.label != "" {
				room -= bl.labelW + bl.padX
			}
			if want := len(layout.Wrap(th.measurer(), plain(name, 1), th.BandName, room)); len(bl.name) != want {
				t.Errorf("%q: %d lines, greedy wrapping takes %d", name, len(bl.name), want)
			}
		}
	}
}

// Each format's band names what it is, in the handout's labels (which a
// brand's labels: override): "Patient guide", "One-page summary". The FAQ
// sheet's subtitle already says it, and a large-print summary may take two
// pages, so neither has one.
func TestBandNamesFormat(t *testing.T) {
	h := loadHandout(t, seedFile)
	b := exampleBrand(t)
	lab := *labelsFor(h)
	lab.PatientGuide = "Guide for you"
	for _, c := range []struct {
		kind  Kind
		large bool
		want  string
	}{{Guide, false, "Guide for you"}, {Guide, true, "Guide for you"}, {Summary, false, lab.Summary}, {Summary, true, ""}, {FAQ, false, ""}} {
		doc, err := Compose(c.kind, h, b, &lab, Options{Paper: Letter, LargePrint: c.large})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, op := range texts(doc.Pages[0]) {
			if op.Artifact == layout.Pagination && op.Y < 150 {
				got = append(got, op.Text)
			}
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s large=%v: band label %q, want %q", c.kind, c.large, g, c.want)
		}
	}
}
