package format

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// A bullet of the summary's key points is read whole in one column: the
// columns are balanced by whole items, never by lines, so no bullet ends
// at the foot of the first column and goes on at the top of the second.
// The fixture's second bullet is where a balance by lines would cut it.
func TestKeyPointsBulletInOneColumn(t *testing.T) {
	h := loadHandout(t, "testdata/bullet-columns.yaml")
	for _, paper := range []Paper{Letter, A4} {
		for _, mb := range matrixBrands {
			name := fmt.Sprintf("%s %s", mb.name, paper.Name)
			doc, err := Compose(Summary, h, mb.brand(t), labelsFor(h), Options{Paper: paper})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			// Each list body's lines, by where they start: one item's
			// lines share one left edge unless it crosses columns.
			starts := map[int]map[float64]float64{} // body → line's y → its left edge
			var items []int
			for _, op := range doc.Pages[0].Ops {
				if op.Kind != layout.TextOp || !op.InTree() {
					continue
				}
				body := op.Struct
				for body != 0 && doc.Tree.Structs[body].Role != layout.ListBody {
					body = doc.Tree.Structs[body].Parent
				}
				if body == 0 {
					continue
				}
				if starts[body] == nil {
					starts[body] = map[float64]float64{}
					items = append(items, body)
				}
				if x, ok := starts[body][op.Y]; !ok || op.X < x {
					starts[body][op.Y] = op.X
				}
			}
			if len(items) != 3 {
				t.Fatalf("%s: %d bullets read, want 3", name, len(items))
			}
			cols := map[float64]bool{}
			for i, it := range items {
				edges := map[float64]bool{}
				for _, x := range starts[it] {
					edges[math.Round(x)] = true
					cols[math.Round(x)] = true
				}
				if len(edges) != 1 {
					t.Errorf("%s: bullet %d is split across the key-points box's columns", name, i+1)
				}
			}
			if len(cols) != 2 {
				t.Errorf("%s: the bullets are set in %d column(s), want 2", name, len(cols))
			}
		}
	}
}

// countingMeasurer counts how often each text is measured.
type countingMeasurer struct {
	layout.Measurer
	calls map[string]int
}

func (m countingMeasurer) Width(s string, st fontset.Style, size float64) float64 {
	m.calls[s]++
	return m.Measurer.Width(s, st, size)
}

// The key points' columns try up to three widths (columnShares), but each
// bullet's words are measured once per layout: the widths tried count the
// measured words' lines, and only the chosen columns make theirs. The
// second bullet is five lines of the six here, so the even split is far
// from even columns and the other shares are tried.
func TestColumnSplitMeasuresOnce(t *testing.T) {
	b := newBuilder(NewTheme(noBrand(t), labelsFor(&content.Handout{}), Options{Paper: Letter}, 0))
	m := countingMeasurer{Measurer: b.m, calls: map[string]int{}}
	b.m = m
	ts := b.body()
	word := "mmmmmm"
	total := (b.m.Width(word, fontset.Regular, ts.size)+b.listIndent(5, ts, false))/0.42 + 0.5
	var items [][]layout.Run
	for i, words := range []int{1, 5, 1, 1, 1} {
		text := fmt.Sprintf("marker%c", 'a'+i) + strings.Repeat(" "+word, words-1)
		items = append(items, []layout.Run{{Text: text}})
	}
	c := b.columnSplit(items, ts, total)
	for i := range items {
		if n := m.calls[fmt.Sprintf("marker%c", 'a'+i)]; n != 1 {
			t.Errorf("bullet %d measured %d times, want once", i+1, n)
		}
	}
	if c.split != 2 || len(c.left) != 2 || len(c.right) != 3 {
		t.Errorf("split at item %d with %d and %d items wrapped, want 3, 2 and 3", c.split+1, len(c.left), len(c.right))
	}
}
