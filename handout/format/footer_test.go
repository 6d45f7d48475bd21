package format

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/layout"
)

// footerOps returns a page's footer text: the furniture below its content.
func footerOps(p layout.Page, th *Theme) []layout.Op {
	var out []layout.Op
	for _, op := range texts(p) {
		if op.Artifact == layout.Pagination && op.Y > th.Paper.H/2 {
			out = append(out, op)
		}
	}
	return out
}

// squash joins texts with single spaces, for finding a phrase however it
// was broken into ops.
func squash(ops []layout.Op) string {
	var b strings.Builder
	for _, op := range ops {
		b.WriteString(op.Text + " ")
	}
	// The typographic pass curls quotes and binds dashes.
	s := strings.NewReplacer("\u2019", "'", "\u00a0", " ").Replace(b.String())
	return strings.Join(strings.Fields(s), " ")
}

// The guide's and FAQ's footer is at most two lines in regular print, with
// every brand: the contact details once on every page, and the brand's note
// and the review date either on every page or printed once in the handout
// (never lost, never twice on a page). Nothing in it overlaps.
func TestFooterTwoLines(t *testing.T) {
	brands := []struct {
		name  string
		brand func(*testing.T) *brand.Brand
	}{
		{"none", noBrand},
		{"name-only", brandFrom("../../testdata/brand/name-only.yaml")},
		{"example", exampleBrand},
		{"cedar-hollow", brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")},
		{"wide", func(t *testing.T) *brand.Brand {
			return brandWith(t, map[brand.Field]string{
				brand.Clinic:  "Northern Valley Community Clinic",
				brand.Phone:   "+1 (555) 014-2280 extension 305",
				brand.Email:   "front-desk.appointments@northern-valley-community-clinic.example",
				brand.Website: "https://www.northern-valley-community-clinic.example/patients",
				brand.Footer:  strings.Repeat("This handout is general education and does not replace advice from your care team. ", 3),
			})
		}},
		{"note-only", func(t *testing.T) *brand.Brand {
			return brandWith(t, map[brand.Field]string{brand.Footer: "General education only; ask your care team."})
		}},
	}
	for _, file := range []string{seedFile, "../../testdata/ptsd.yaml", "../../testdata/minimal.yaml"} {
		h := loadHandout(t, file)
		lab := labelsFor(h)
		reviewed := lab.Reviewed(h.Reviewed)
		for _, mb := range brands {
			b := mb.brand(t)
			note, _ := b.Footer.For(h.Language)
			for _, paper := range []Paper{Letter, A4} {
				opt := Options{Paper: paper}
				th := NewTheme(b, lab, opt, 0)
				for _, kind := range []Kind{Guide, FAQ} {
					name := fmt.Sprintf("%s/%s/%s/%s", filepath.Base(file), mb.name, paper.Name, kind)
					doc, err := Compose(kind, h, b, lab, opt)
					if err != nil {
						t.Fatal(name, err)
					}
					noteEvery, dateEvery := note != "", true
					var content []layout.Op
					for i, p := range doc.Pages {
						foot := footerOps(p, th)
						lines := map[float64][]layout.Op{}
						for _, op := range foot {
							lines[op.Y] = append(lines[op.Y], op)
						}
						if len(lines) > 2 {
							t.Errorf("%s page %d: footer of %d lines, want at most 2: %q", name, i+1, len(lines), squash(foot))
						}
						for y, l := range lines {
							for a := range l {
								for c := a + 1; c < len(l); c++ {
									if l[a].X < l[c].X+l[c].W-0.01 && l[c].X < l[a].X+l[a].W-0.01 {
										t.Errorf("%s page %d: %q and %q overlap at y=%.1f", name, i+1, l[a].Text, l[c].Text, y)
									}
								}
							}
						}
						text := squash(foot)
						if b.Phone != "" && strings.Count(text, b.Phone) != 1 {
							t.Errorf("%s page %d: the phone number is printed %d times in the footer, want once", name, i+1, strings.Count(text, b.Phone))
						}
						noteEvery = noteEvery && strings.Contains(text, note)
						dateEvery = dateEvery && strings.Contains(text, reviewed)
						for _, op := range texts(p) {
							if op.Artifact == layout.NotArtifact {
								content = append(content, op)
							}
						}
					}
					body := squash(content)
					if note != "" && !noteEvery && strings.Count(body, note) != 1 {
						t.Errorf("%s: the note is not on every page, and printed %d times in the handout, want once", name, strings.Count(body, note))
					}
					if !dateEvery && strings.Count(body, reviewed) != 1 {
						t.Errorf("%s: the review date is not on every page, and printed %d times in the handout, want once", name, strings.Count(body, reviewed))
					}
				}
			}
		}
	}
}

// A brand's FAQ sheet takes no more pages than the unbranded one on the
// same paper in regular print: the footer's two lines and the band are all
// the brand adds, and the write-in lines take the room that is left. The
// name-only and example brands hold this; the cedar-hollow test brand (a
// serif set at 14 pt to match Atkinson's x-height, a two-line name, a
// tagline, a two-line note) still costs group-therapy and diabetes-es a
// second sheet, and is not asserted here.
func TestBrandedFAQNoLonger(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.yaml")
	more, _ := filepath.Glob("../../data/*.yaml")
	for _, file := range append(files, more...) {
		h := loadHandout(t, file)
		if len(h.FAQ) == 0 {
			continue
		}
		for _, paper := range []Paper{Letter, A4} {
			opt := Options{Paper: paper}
			bare, err := Compose(FAQ, h, noBrand(t), labelsFor(h), opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, mb := range matrixBrands[1:3] {
				doc, err := Compose(FAQ, h, mb.brand(t), labelsFor(h), opt)
				if err != nil {
					t.Fatal(err)
				}
				if len(doc.Pages) > len(bare.Pages) {
					t.Errorf("%s/%s/%s: the FAQ takes %d pages, %d without a brand", filepath.Base(file), mb.name, paper.Name, len(doc.Pages), len(bare.Pages))
				}
			}
		}
	}
}

// Large print's footer is one line (the review date and page number) at
// 16 pt: the contact details and note print once, on the contact strip
// that closes the guide and opens the FAQ sheet, and nowhere else.
func TestLargePrintFooterOneLine(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, mb := range matrixBrands {
		b := mb.brand(t)
		for _, paper := range []Paper{Letter, A4} {
			opt := Options{Paper: paper, LargePrint: true}
			th := NewTheme(b, labelsFor(h), opt, 0)
			for _, kind := range []Kind{Guide, FAQ} {
				name := fmt.Sprintf("%s/%s/%s", mb.name, paper.Name, kind)
				doc, err := Compose(kind, h, b, labelsFor(h), opt)
				if err != nil {
					t.Fatal(name, err)
				}
				phones := 0
				for i, p := range doc.Pages {
					lines := map[float64]bool{}
					for _, op := range footerOps(p, th) {
						lines[op.Y] = true
						if op.Size < 16 {
							t.Errorf("%s page %d: footer %q at %.1f pt", name, i+1, op.Text, op.Size)
						}
					}
					if len(lines) > 1 {
						t.Errorf("%s page %d: footer of %d lines, want 1: %q", name, i+1, len(lines), squash(footerOps(p, th)))
					}
					if b.Phone != "" {
						phones += strings.Count(squash(texts(p)), b.Phone)
					}
				}
				if b.Phone != "" && phones != 1 {
					t.Errorf("%s: the phone number printed %d times, want once (on the contact strip)", name, phones)
				}
			}
		}
	}
}

// The summary is one page: it prints no "Page 1 of 1", and the brand's
// note (the disclaimer) prints once, with the contact details at the foot
// of the page, below their first line.
func TestSummaryFootNoPageNumber(t *testing.T) {
	h := loadHandout(t, seedFile)
	lab := labelsFor(h)
	for _, mb := range matrixBrands {
		b := mb.brand(t)
		note, _ := b.Footer.For(h.Language)
		for _, paper := range []Paper{Letter, A4} {
			name := mb.name + " " + paper.Name
			doc, err := Compose(Summary, h, b, lab, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			phoneY, noteY := -1.0, -1.0
			for _, op := range doc.Pages[0].Ops {
				if op.Kind != layout.TextOp {
					continue
				}
				text.WriteString(op.Text + "\n")
				if b.Phone != "" && op.Text == b.Phone && phoneY < 0 {
					phoneY = op.Y
				}
				// The note's first words (the typography sets its
				// apostrophes curly).
				if note != "" && strings.HasPrefix(op.Text, strings.Join(strings.Fields(note)[:3], " ")) && noteY < 0 {
					noteY = op.Y
				}
			}
			if strings.Contains(text.String(), lab.Page(1, 1)) {
				t.Errorf("%s: the summary prints %q", name, lab.Page(1, 1))
			}
			if note == "" {
				continue
			}
			if noteY < 0 || phoneY < 0 || noteY <= phoneY || noteY < doc.Height*0.8 {
				t.Errorf("%s: the note at y=%.0f, the contact details at y=%.0f: want the note with them at the foot", name, noteY, phoneY)
			}
		}
	}
}
