package format

import (
	"fmt"
	"math"
	"testing"

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
