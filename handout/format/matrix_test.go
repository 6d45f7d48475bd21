package format

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/layout"
)

// brandFrom loads a brand file as the build does.
func brandFrom(path string) func(*testing.T) *brand.Brand {
	return func(t *testing.T) *brand.Brand {
		t.Helper()
		settings, errs := brand.LoadFile(path)
		if errs.HasErrors() {
			t.Fatalf("%s: %v", path, errs)
		}
		b, errs := brand.Resolve(nil, settings)
		if errs.HasErrors() {
			t.Fatalf("%s: %v", path, errs)
		}
		return b
	}
}

// matrixBrands are the brands every handout must build with: none, a name
// only, the example, and one that stretches every part of the furniture (a
// 45-character name, a 60-character tagline, a 4:1 wordmark as a 16-bit
// RGBA PNG, a serif font, text per language).
var matrixBrands = []struct {
	name  string
	brand func(*testing.T) *brand.Brand
}{
	{"none", noBrand},
	{"name-only", brandFrom("../../testdata/brand/name-only.yaml")},
	{"example", exampleBrand},
	{"cedar-hollow", brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")},
}

// TestMatrix builds every handout in data/ and testdata/ in every format
// with each brand, on Letter and A4, in regular and large print, and holds
// what a clinic would see at once: nothing cut with "…", a logo tall enough
// to read, summary type at 12 pt or more (18 pt in large print), and no box
// split that would fit on one page.
func TestMatrix(t *testing.T) {
	files, _ := filepath.Glob("../../data/*.yaml")
	more, _ := filepath.Glob("../../testdata/*.yaml")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, mb := range matrixBrands {
		b := mb.brand(t)
		for _, file := range files {
			h := loadHandout(t, file)
			papers := []Paper{Letter, A4}
			if raceDetector {
				papers = papers[:1]
			}
			for _, paper := range papers {
				for _, lp := range []bool{false, true} {
					opt := Options{Paper: paper, LargePrint: lp}
					for _, kind := range Kinds {
						if kind == FAQ && len(h.FAQ) == 0 {
							continue
						}
						name := fmt.Sprintf("%s/%s/%s/%s/lp=%v", mb.name, filepath.Base(file), paper.Name, kind, lp)
						doc, err := Compose(kind, h, b, labelsFor(h), opt)
						if err != nil {
							t.Errorf("%s: %v", name, err)
							continue
						}
						checkMatrixDoc(t, name, h, b, opt, doc)
					}
				}
			}
		}
	}
}

func checkMatrixDoc(t *testing.T, name string, h *content.Handout, b *brand.Brand, opt Options, doc *Composed) {
	t.Helper()
	th := NewTheme(b, labelsFor(h), opt, 0)
	for i, p := range doc.Pages {
		// The running header is the one text that shortens, to keep to
		// its lines (TestRunningHeaderLongTitle).
		head := map[layout.Op]bool{}
		for _, op := range headerOps(p, th) {
			head[op] = i > 0
		}
		for _, op := range p.Ops {
			if op.Kind == layout.TextOp && strings.Contains(op.Text, "…") && !head[op] {
				t.Errorf("%s page %d: text %q is cut", name, i+1, op.Text)
			}
			// Page furniture (running header, footer, page numbers, the
			// contact line) at 10 pt or more, 16 pt in large print.
			if min := map[bool]float64{false: 10, true: 16}[opt.LargePrint]; op.Kind == layout.TextOp && op.Artifact == layout.Pagination && op.Size < min-1e-9 {
				t.Errorf("%s page %d: furniture %q at %.1f pt, want at least %.0f", name, i+1, op.Text, op.Size, min)
			}
			if op.Kind == layout.ImageOp && op.H < 0.45*inch {
				t.Errorf("%s page %d: logo prints %.2f in tall, want at least 0.45 in", name, i+1, op.H/inch)
			}
		}
	}
	if doc.Kind == Summary {
		want := 12.0
		if opt.LargePrint {
			want = LargePrintSize
		}
		if doc.Body < want-1e-9 {
			t.Errorf("%s: summary body %.2f pt, want at least %.0f", name, doc.Body, want)
		}
	}
	if doc.Kind != Summary {
		for _, s := range splitBoxes(doc, th) {
			t.Errorf("%s: %s", name, s)
		}
	}
}

// splitBoxes finds tinted boxes (the short version, callouts) broken across
// a page (a piece that ends a page and a piece of the same colour that
// starts the next) without a continued label on the second part, or
// although, whole, they would fit on one, leaving little of them behind.
func splitBoxes(doc *Composed, th *Theme) []string {
	tints := []colour.Color{th.KeyFill, th.CallFill}
	room := th.Paper.H - 2*th.Margin - 6*th.SmallLeading // header and the tallest footer
	pieces := func(p layout.Page) []layout.Op {
		var out []layout.Op
		for _, op := range p.Ops {
			if op.Kind == layout.RectOp && op.Fill != nil && op.Artifact == layout.Decoration {
				for _, c := range tints {
					if *op.Fill == c && op.W > 20 {
						out = append(out, op)
					}
				}
			}
		}
		return out
	}
	var found []string
	for i := 0; i+1 < len(doc.Pages); i++ {
		this, next := pieces(doc.Pages[i]), pieces(doc.Pages[i+1])
		if len(this) == 0 || len(next) == 0 {
			continue
		}
		last, first := this[len(this)-1], next[0]
		// The last piece on this page must be the page's last content, and
		// the first on the next its first, for the box to continue.
		if !lastContentIn(doc.Pages[i], last) || !firstContentIn(doc.Pages[i+1], first) || *last.Fill != *first.Fill {
			continue
		}
		// Its second part says it is continued.
		labelled := false
		for _, op := range doc.Pages[i+1].Ops {
			if op.Kind == layout.TextOp && op.Artifact == layout.Pagination && inRect(op, first) && strings.HasSuffix(op.Text, "("+th.Labels.Continued()+")") {
				labelled = true
			}
		}
		if !labelled {
			found = append(found, fmt.Sprintf("a box splits across pages %d and %d without a continued label", i+1, i+2))
		}
		// A box that would fit a page splits only where what it leaves
		// behind is a good part of it, not its heading and a line.
		if h := last.H + first.H; h < room && last.H < h*0.4 {
			found = append(found, fmt.Sprintf("a box %.0f pt tall splits across pages %d and %d, though a page has room for %.0f pt, leaving only %.0f pt behind", h, i+1, i+2, room, last.H))
		}
	}
	return found
}

func inRect(op, r layout.Op) bool {
	return op.Y >= r.Y-1 && op.Y <= r.Y+r.H+1 && op.X >= r.X-1 && op.X <= r.X+r.W+1
}

func contentText(p layout.Page) []layout.Op {
	var out []layout.Op
	for _, op := range p.Ops {
		if op.Kind == layout.TextOp && op.Artifact != layout.Pagination {
			out = append(out, op)
		}
	}
	return out
}

func lastContentIn(p layout.Page, r layout.Op) bool {
	low := math.Inf(-1)
	var last layout.Op
	for _, op := range contentText(p) {
		if op.Y > low {
			low, last = op.Y, op
		}
	}
	return !math.IsInf(low, -1) && inRect(last, r)
}

func firstContentIn(p layout.Page, r layout.Op) bool {
	high := math.Inf(1)
	var first layout.Op
	for _, op := range contentText(p) {
		if op.Y < high {
			high, first = op.Y, op
		}
	}
	return !math.IsInf(high, 1) && inRect(first, r)
}
