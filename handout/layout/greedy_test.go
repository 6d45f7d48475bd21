package layout

import (
	"errors"
	"testing"
)

func greedySpec() PageSpec {
	return PageSpec{Width: 400, Height: 400, Top: func(int) float64 { return 0 }, Bottom: 100}
}

// greedyPageOf is the page (from 1) each named row was put on.
func greedyPageOf(pages []Page) map[string]int {
	out := map[string]int{}
	for i, p := range pages {
		for _, op := range p.Ops {
			if op.Kind == TextOp {
				out[op.Text] = i + 1
			}
		}
	}
	return out
}

func named(h float64, name string, keep bool) Row {
	return Row{H: h, KeepWithPrev: keep, Where: name, Ops: []Op{{Kind: TextOp, Text: name}}}
}

// The greedy flow, which names the row that fits no page when the
// composer finds none, keeps a row with the one before it: a heading and
// its first line move to the next page together.
func TestGreedyKeepsRowsTogether(t *testing.T) {
	pages, err := greedy([]Row{named(60, "text", false), named(30, "heading", false), named(30, "its line", true)}, greedySpec())
	if err != nil {
		t.Fatal(err)
	}
	if got := greedyPageOf(pages); got["heading"] != 2 || got["its line"] != 2 {
		t.Errorf("pages %v: the heading and its line want page 2 together", got)
	}
}

// A box continued on a new page repeats its padding and its "continued"
// label there: a row that fits the page only without them is too tall.
func TestGreedyContinuedBoxNeedsItsLabel(t *testing.T) {
	box := &Frame{Pad: 5, ContinuedH: 10, W: 100}
	rows := []Row{named(90, "before", false), named(5, "box line 1", false), named(88, "box line 2", false)}
	rows[1].Frame, rows[2].Frame = box, box
	_, err := greedy(rows, greedySpec())
	var tall *ErrTooTall
	if !errors.As(err, &tall) || tall.Where != "box line 2" {
		t.Errorf("got %v, want box line 2 too tall: 88 pt and the label's 15 pt on a 100 pt page", err)
	}
}
