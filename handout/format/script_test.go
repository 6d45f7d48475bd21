package format

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/layout"
)

// scriptBrand is no brand: a handout in a script Atkinson Hyperlegible
// lacks gets the shipped family for it (fontset.ForLanguage).
func scriptBrand(t *testing.T, _ string) *brand.Brand { return noBrand(t) }

// Every text of a shaped handout is drawn as glyph runs, none of them the
// missing glyph, and a right-to-left handout is the mirror image of a
// left-to-right one: paragraphs end at the column's right edge, bullets
// and step numbers stand at the right of their text, item labels too.
func TestRightToLeftLayout(t *testing.T) {
	for _, tc := range []struct {
		file, font string
		rtl        bool
	}{
		{"ar.yaml", "NotoNaskhArabic", true},
		{"fa.yaml", "NotoNaskhArabic", true},
		{"hi.yaml", "NotoSansDevanagari", false},
		{"bn.yaml", "NotoSansBengali", false},
	} {
		h := loadHandout(t, filepath.Join("../../testdata/languages", tc.file))
		b := scriptBrand(t, tc.font)
		for _, opt := range []Options{{Paper: Letter}, {Paper: A4, LargePrint: true}} {
			for _, kind := range []Kind{Guide, Summary, FAQ} {
				doc, err := Compose(kind, h, b, labelsFor(h), opt)
				if err != nil {
					t.Fatalf("%s %s: %v", tc.file, kind, err)
				}
				name := fmt.Sprintf("%s %v %s", tc.file, kind, opt.Paper.Name)
				if opt.LargePrint {
					name += " large"
				}
				checkScriptDoc(t, name, doc, NewTheme(b, labelsFor(h), opt, 0), tc.rtl)
			}
		}
	}
}

func checkScriptDoc(t *testing.T, name string, doc *Composed, th *Theme, rtl bool) {
	t.Helper()
	right := doc.Width - th.Left // the mirrored column's right edge
	if !rtl {
		right = th.Left + th.Width
	}
	role := func(op layout.Op) layout.Role { return doc.Tree.Structs[op.Struct].Role }
	paragraphs := 0
	for pi, page := range doc.Pages {
		// Lines of paragraphs: their ops by baseline and element.
		type key struct {
			st int
			y  float64
		}
		lineRight := map[key]float64{}
		lineLeft := map[key]float64{}
		for _, op := range page.Ops {
			if op.Kind != layout.TextOp || strings.TrimSpace(op.Text) == "" {
				continue
			}
			if op.Glyphs == nil {
				t.Errorf("%s page %d: %q drawn unshaped", name, pi+1, op.Text)
				continue
			}
			for _, g := range op.Glyphs.Glyphs {
				if g.ID == 0 {
					t.Errorf("%s page %d: %q draws the missing glyph for %q", name, pi+1, op.Text, op.Glyphs.ClusterText(g.Cluster))
				}
			}
			if op.X < -0.01 || op.X+op.W > doc.Width+0.01 {
				t.Errorf("%s page %d: %q at x %.1f–%.1f, off the page", name, pi+1, op.Text, op.X, op.X+op.W)
			}
			if op.Struct != 0 && role(op) == layout.Paragraph {
				k := key{op.Struct, op.Y}
				if r, ok := lineRight[k]; !ok || op.X+op.W > r {
					lineRight[k] = op.X + op.W
				}
				if l, ok := lineLeft[k]; !ok || op.X < l {
					lineLeft[k] = op.X
				}
			}
		}
		// Every line of a paragraph starts at the same edge: the column's
		// left, or in a right-to-left handout its right, where the guide
		// and the FAQ sheet set paragraphs across the whole column (the
		// summary sets its briefs in a grid of columns).
		byStruct := map[int][]float64{}
		for k := range lineRight {
			byStruct[k.st] = append(byStruct[k.st], k.y)
		}
		for st, ys := range byStruct {
			sort.Float64s(ys)
			for _, y := range ys {
				k := key{st, y}
				edge, want := lineLeft[k], th.Left
				if rtl {
					edge, want = lineRight[k], right
				}
				if doc.Kind == Summary {
					want = lineLeft[key{st, ys[0]}]
					if rtl {
						want = lineRight[key{st, ys[0]}]
					}
				}
				if math.Abs(edge-want) > 0.05 {
					t.Errorf("%s page %d: a paragraph line at y %.1f starts at %.2f, want the column's edge %.2f", name, pi+1, y, edge, want)
				}
				paragraphs++
			}
		}
		// A list item's label (bullet, number) stands on the side its
		// text starts from.
		for _, op := range page.Ops {
			if op.Kind != layout.TextOp || op.Struct == 0 || role(op) != layout.Label {
				continue
			}
			li := doc.Tree.Structs[op.Struct].Parent
			for _, body := range page.Ops {
				if body.Kind != layout.TextOp || body.Struct == 0 || role(body) != layout.ListBody || doc.Tree.Structs[body.Struct].Parent != li || body.Y != op.Y {
					continue
				}
				if rtl && op.X < body.X+body.W-0.01 || !rtl && op.X+op.W > body.X+0.01 {
					t.Errorf("%s page %d: label %q at %.1f–%.1f is on the wrong side of its text %q at %.1f–%.1f", name, pi+1, op.Text, op.X, op.X+op.W, body.Text, body.X, body.X+body.W)
				}
			}
		}
	}
	if paragraphs == 0 && strings.Contains(name, "guide") {
		t.Errorf("%s: no paragraph lines found", name)
	}
}

// A right-to-left page is a mirror image, but not its QR code: mirrored
// module by module it would not scan. Its modules keep their pattern.
func TestRightToLeftQRCodeReads(t *testing.T) {
	h := loadHandout(t, "../../testdata/languages/ar.yaml")
	b, errs := brand.Resolve(nil, brand.Settings{brand.Clinic: {Text: "Riverbend"}, brand.Website: {Text: "https://riverbend.example/sleep"}})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	pattern := func(doc *Composed) (string, float64) {
		var ops []layout.Op
		for _, op := range doc.Pages[0].Ops {
			if op.Rigid && op.Kind == layout.RectOp {
				ops = append(ops, op)
			}
		}
		if len(ops) < 10 {
			t.Fatalf("%d QR ops", len(ops))
		}
		x0 := ops[0].X // the code's white square
		var s strings.Builder
		for _, op := range ops {
			fmt.Fprintf(&s, "%.2f,%.2f,%.2f;", op.X-x0, op.Y, op.W)
		}
		return s.String(), x0
	}
	rtl, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	h.Language = "en" // the same page, left to right
	ltr, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	pr, xr := pattern(rtl)
	pl, xl := pattern(ltr)
	if pr != pl {
		t.Errorf("the right-to-left QR code's modules differ from the left-to-right one's")
	}
	if xr > rtl.Width/2 || xl < ltr.Width/2 {
		t.Errorf("QR code at x %.1f right to left and %.1f left to right; want it moved to the other side", xr, xl)
	}
}

// In a right-to-left handout, a clinic's English footer and street
// address read left to right (a browser's dir=auto), and so does a phone
// number: their words and groups run from the left.
func TestRightToLeftLatinFurniture(t *testing.T) {
	h := loadHandout(t, "../../testdata/languages/ar.yaml")
	b, errs := brand.Resolve(nil, brand.Settings{
		brand.Clinic: {Text: "Riverbend"}, brand.Phone: {Text: "(555) 010-0199"},
		brand.Address: {Text: "200 River Road, Springfield"},
		brand.Footer:  {Text: "This handout does not replace advice from your care team."},
	})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	seen := map[string]bool{}
	defer func() {
		if len(seen) != 3 {
			t.Errorf("found only %v of the footer, the phone number and the address", seen)
		}
	}()
	for _, kind := range []Kind{Guide, Summary, FAQ} {
		doc, err := Compose(kind, h, b, labelsFor(h), Options{Paper: Letter})
		if err != nil {
			t.Fatal(err)
		}
		x := map[string]float64{}
		for _, op := range doc.Pages[0].Ops {
			if op.Kind != layout.TextOp || op.Glyphs == nil {
				continue
			}
			for _, w := range []string{"200", "Springfield", "This", "team.", "(555)", "010-0199"} {
				if strings.TrimSpace(op.Text) == w || strings.HasPrefix(op.Text, w+" ") || strings.HasSuffix(op.Text, " "+w) {
					if op.Glyphs.RTL {
						t.Errorf("%v: %q is set right to left", kind, op.Text)
					}
					x[w] = op.X
					if strings.HasSuffix(op.Text, " "+w) {
						x[w] = op.X + op.W // the word ends the run
					}
				}
			}
		}
		for _, pair := range [][2]string{{"This", "team."}, {"(555)", "010-0199"}, {"200", "Springfield"}} {
			a, okA := x[pair[0]]
			c, okC := x[pair[1]]
			if !okA && !okC {
				continue // not on this format
			}
			seen[pair[0]] = true
			if !okA || !okC || a >= c {
				t.Errorf("%v: %q at %.1f (found %v), %q at %.1f (found %v): want the first on the left", kind, pair[0], a, okA, pair[1], c, okC)
			}
		}
	}
}
