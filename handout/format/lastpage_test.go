package format

import (
	"math"
	"testing"

	"handouts/handout/layout"
)

// lastPageRows is a guide in miniature: blocks of blockH with a gap of gapH
// after each, then a closing piece of tail rows of tailH kept together
// (a heading and its lines, like the references).
func lastPageRows(blocks int, blockH, gapH float64, tail int, tailH float64) []layout.Row {
	var rows []layout.Row
	for range blocks {
		rows = append(rows, layout.Row{H: blockH, Ops: []layout.Op{{Kind: layout.TextOp, Text: "block"}}}, layout.Row{H: gapH, Gap: true})
	}
	for i := range tail {
		rows = append(rows, layout.Row{H: tailH, KeepWithPrev: i > 0, Ops: []layout.Op{{Kind: layout.TextOp, Text: "tail"}}})
	}
	return rows
}

func TestSaveLastPage(t *testing.T) {
	// 800 pt of room on every page.
	spec := layout.PageSpec{Width: 600, Height: 900, Top: func(int) float64 { return 50 }, Bottom: 850}
	tests := []struct {
		name           string
		blocks         int
		blockH, gapH   float64
		tail           int
		tailH          float64
		wantPages      int
		wantGapsScaled float64 // 0: the first layout, untouched
	}{
		// Ten 60 pt blocks and their gaps fill the first page exactly.
		// At 0.85 the gaps give back 30 pt, at 0.7 60 pt.
		{"one line, saved by the milder step", 10, 60, 20, 1, 15, 1, 0.85},
		{"three lines, saved by the second step", 10, 60, 20, 3, 15, 1, 0.7},
		{"five lines, more than the gaps give back", 10, 60, 20, 5, 15, 2, 0},
		// 600 pt used, and a 250 pt piece: 31 % of the last page. The
		// composer keeps a last page a fifth full by pulling lines
		// forward, so one up to half full is still worth saving: at 0.7
		// it fits (90 pt freed).
		{"a last page 31 % full", 10, 30, 30, 10, 25, 1, 0.7},
		// 450 pt: 56 % of the last page, left alone.
		{"a last page 56 % full", 10, 30, 30, 18, 25, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := lastPageRows(tt.blocks, tt.blockH, tt.gapH, tt.tail, tt.tailH)
			plain, err := layout.Flow(rows, spec)
			if err != nil {
				t.Fatal(err)
			}
			if len(plain) != 2 {
				t.Fatalf("the plain flow has %d pages; the test wants its tail alone on a second page", len(plain))
			}
			got := saveLastPage(rows, spec, plain)
			if len(got) != tt.wantPages {
				t.Fatalf("%d pages, want %d", len(got), tt.wantPages)
			}
			if tt.wantGapsScaled == 0 {
				if &got[0] != &plain[0] {
					t.Error("a guide that saves nothing must keep its first layout")
				}
			} else {
				// The tail starts after the blocks and their gaps, closed up
				// by the step that saved the page.
				want := 50 + float64(tt.blocks)*(tt.blockH+tt.gapH*tt.wantGapsScaled)
				if y := firstOp(got[0], "tail"); math.Abs(y-want) > 0.01 {
					t.Errorf("the tail starts at %.2f, want %.2f (gaps at %v)", y, want, tt.wantGapsScaled)
				}
			}
			for _, r := range rows {
				if r.Gap && r.H != tt.gapH {
					t.Fatal("the rows given were changed")
				}
			}
		})
	}
}

func firstOp(p layout.Page, text string) float64 {
	for _, op := range p.Ops {
		if op.Text == text {
			return op.Y
		}
	}
	return math.NaN()
}
