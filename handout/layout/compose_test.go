package layout

import (
	"fmt"
	"strings"
	"testing"

	"handouts/handout/colour"
)

// pageOf returns the page (from 0) each marked row landed on.
func pageOf(t *testing.T, pages []Page) map[string]int {
	t.Helper()
	out := map[string]int{}
	for i, p := range pages {
		for _, op := range p.Ops {
			if op.Kind == TextOp && strings.HasPrefix(op.Text, "#") {
				out[op.Text[1:]] = i
			}
		}
	}
	return out
}

// box is n one-line rows in a frame that would rather not split: each break
// inside it costs penalty, as format's short-version box and callouts are
// marked; its continued pieces carry a label.
func box(id string, n int, penalty float64) []Row {
	fill := colour.Color{R: 200, G: 200, B: 200}
	f := &Frame{Fill: &fill, Pad: 5, W: 100, ContinuedH: 10, Continued: []Op{{Kind: TextOp, Text: "(continued)", Artifact: Pagination}}}
	rows := []Row{{H: 5, Frame: f}}
	for i := range n {
		r := mark(fmt.Sprintf("%s%d", id, i+1), lineH)
		r.Frame = f
		r.KeepWithPrev = i == 0
		if i > 0 {
			r.Penalty = penalty
		}
		rows = append(rows, r)
	}
	return append(rows, Row{H: 5, Frame: f, KeepWithPrev: true})
}

func composedSpec() PageSpec {
	s := testSpec()
	s.MinFirst, s.MinLast = 0.5, 0.2
	return s
}

// The box after the title splits, with a continued label, rather than
// leave page one holding the title alone.
func TestComposeNoTitleOnlyFirstPage(t *testing.T) {
	title := []Row{mark("title", 40)}
	rows := cat(title, box("k", 22, 300), lines("f", 1)) // 230 pt: too tall for what page one leaves, not for page two
	pages, err := Flow(rows, composedSpec())
	if err != nil {
		t.Fatal(err)
	}
	at := pageOf(t, pages)
	if at["k1"] != 0 || at["k10"] != 0 {
		t.Fatalf("the box moved off page one, leaving the title alone:\n%s", Dump(pages, nil))
	}
	if at["k22"] != 1 {
		t.Fatalf("the box did not split:\n%s", Dump(pages, nil))
	}
	labelled := false
	for _, op := range pages[1].Ops {
		labelled = labelled || op.Text == "(continued)"
	}
	if !labelled {
		t.Error("the box's second part has no continued label")
	}
	// Without the rule (as the greedy fill did) it moves whole.
	pages, _ = Flow(rows, testSpec())
	if at := pageOf(t, pages); at["k1"] != 1 {
		t.Errorf("without MinFirst the box should move whole, at page %d", at["k1"]+1)
	}
}

// A callout that leaves only a little blank behind moves whole: splitting
// costs more than the blank.
func TestComposeCalloutMovesWhole(t *testing.T) {
	rows := cat(lines("f", 20), box("c", 6, 80)) // 60 pt left on page one; the box is 70
	pages, err := Flow(rows, composedSpec())
	if err != nil {
		t.Fatal(err)
	}
	at := pageOf(t, pages)
	if at["c1"] != 1 || at["c6"] != 1 {
		t.Errorf("the callout split (c1 on page %d, c6 on page %d):\n%s", at["c1"]+1, at["c6"]+1, Dump(pages, nil))
	}
}

// A last page with two lines is not printed: lines are pulled forward
// from earlier pages, which end a little shorter; type is not squeezed and
// no page is added.
func TestComposeLastPageAFifthFull(t *testing.T) {
	rows := lines("f", 26+24+2) // greedy: 26, 24, then 2 lines alone
	greedyPages, _ := greedy(rows, testSpec())
	pages, err := Flow(rows, composedSpec())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(greedyPages) {
		t.Fatalf("%d pages, the greedy fill took %d", len(pages), len(greedyPages))
	}
	at := pageOf(t, pages)
	last := 0
	for _, p := range at {
		if p == len(pages)-1 {
			last++
		}
	}
	if room := testBottom - testTopN; float64(last)*lineH < 0.2*room {
		t.Errorf("the last page holds %d lines (%.0f pt of %.0f)", last, float64(last)*lineH, room)
	}
	for i := range rows {
		if h := rows[i].H; h != lineH {
			t.Fatalf("row %d changed height", i)
		}
	}
}

// With no rule to weigh, the composer fills pages exactly as the greedy
// fill does.
func TestComposeIsGreedyWithoutRules(t *testing.T) {
	rows := cat(lines("a", 20), paragraph("p", 9, false), lines("b", 30))
	g, _ := greedy(rows, testSpec())
	c, _ := Flow(rows, testSpec())
	if Dump(g, nil) != Dump(c, nil) {
		t.Errorf("composed:\n%s\ngreedy:\n%s", Dump(c, nil), Dump(g, nil))
	}
	// Settings that cost the same: page two ends 2 lines short before a
	// block that cannot split, so page one could give it a line or two
	// for free. The fuller page one wins, as in the greedy fill.
	block := func(id string, n int) []Row {
		rows := lines(id, n)
		for i := 1; i < n; i++ {
			rows[i].KeepWithPrev = true
		}
		return rows
	}
	rows = cat(lines("a", 26+2), block("k", 20), block("m", 20))
	g, _ = greedy(rows, testSpec())
	c, _ = Flow(rows, testSpec())
	if at := pageOf(t, c); at["a26"] != 0 || at["a27"] != 1 || at["k20"] != 1 || at["m1"] != 2 {
		t.Errorf("equal costs: a26 on page %d, a27 on %d, k20 on %d, m1 on %d; want 1, 2, 2, 3:\n%s", at["a26"]+1, at["a27"]+1, at["k20"]+1, at["m1"]+1, Dump(c, nil))
	}
	if Dump(g, nil) != Dump(c, nil) {
		t.Errorf("equal costs: composed:\n%s\ngreedy:\n%s", Dump(c, nil), Dump(g, nil))
	}
}

// list is a list of one-line items marked as format's builder marks them:
// a gap between items, and a Lone break before the second item and before
// the last (a page breaking there leaves the first item alone at its foot
// or the last alone at its top).
func list(id string, n int) []Row {
	var rows []Row
	for i := range n {
		if i > 0 {
			g := gapRow(fmt.Sprintf("%sgap%d", id, i), 3)
			lone := i == 1 || i == n-1
			g.Lone = lone
			r := mark(fmt.Sprintf("%s%d", id, i+1), lineH)
			r.Lone = lone
			rows = append(rows, g, r)
			continue
		}
		rows = append(rows, mark(fmt.Sprintf("%s%d", id, i+1), lineH))
	}
	return rows
}

// No list item stands alone at a page's top or foot, whatever blank it
// costs: the list is broken elsewhere, or moves on whole.
func TestComposeNoLoneItem(t *testing.T) {
	for _, tc := range []struct {
		name    string
		filler  int
		items   int
		greedy  map[string]int // where a greedy fill puts the items (pages from 0)
		want    map[string]int
		wantEnd string // the row page one ends with
	}{
		// The last item alone at the top of page two: the list breaks
		// between its second and third items instead.
		{"last alone at the top", 22, 4, map[string]int{"l3": 0, "l4": 1}, map[string]int{"l1": 0, "l2": 0, "l3": 1, "l4": 1}, "l2"},
		// The first item alone at the foot of page one: it goes on with
		// the rest.
		{"first alone at the foot", 25, 4, map[string]int{"l1": 0, "l2": 1}, map[string]int{"l1": 1, "l2": 1, "l3": 1, "l4": 1}, "f25"},
		// A two-item list cannot break between its items at all: it moves
		// on whole, though that leaves five lines (a fifth of the page)
		// blank, which a price on the lone item would not pay.
		{"two items move whole", 21, 2, map[string]int{"l1": 0, "l2": 1}, map[string]int{"l1": 1, "l2": 1}, "f21"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := cat(lines("f", tc.filler), list("l", tc.items), lines("g", 10))
			// In the two-item case each item is one unbreakable row three
			// lines tall, so page one holds the first and not the second.
			if tc.items == 2 {
				rows = cat(lines("f", tc.filler), list("l", 2), lines("g", 10))
				rows[tc.filler].H = 3 * lineH
				rows[len(rows)-11].H = 3 * lineH
			}
			g := pageOf(t, mustGreedy(t, rows))
			for id, p := range tc.greedy {
				if g[id] != p {
					t.Fatalf("the case is not the one meant: greedy puts %s on page %d\n%s", id, g[id]+1, Dump(mustGreedy(t, rows), nil))
				}
			}
			pages, err := Flow(rows, composedSpec())
			if err != nil {
				t.Fatal(err)
			}
			at := pageOf(t, pages)
			for id, p := range tc.want {
				if at[id] != p {
					t.Errorf("%s on page %d, want %d:\n%s", id, at[id]+1, p+1, Dump(pages, nil))
				}
			}
			if last := lastMark(pages[0]); last != tc.wantEnd {
				t.Errorf("page one ends with %s, want %s", last, tc.wantEnd)
			}
		})
	}
}

// Where keeping the rule would take a page more, the page count wins: the
// composer never adds a page for it. It then breaks where a greedy fill
// would (the break that costs least otherwise), so the last item stands
// alone at the top of page two. Here the document fills its two pages
// exactly, so every other break overflows page two.
func TestComposeLoneItemWhenUnavoidable(t *testing.T) {
	rows := cat(lines("f", 23), list("l", 3), lines("g", 22))
	// 23 + 2 items (plus one gap, which fits) fill page one; the third
	// item and 22 lines fill page two's 24 lines less its gap.
	pages, err := Flow(rows, composedSpec())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2: the rule must not cost a page\n%s", len(pages), Dump(pages, nil))
	}
	at := pageOf(t, pages)
	if at["l1"] != 0 || at["l2"] != 0 || at["l3"] != 1 {
		t.Errorf("the unavoidable lone item is not where the greedy fill puts it:\n%s", Dump(pages, nil))
	}
	// One line fewer after the list and the rule can be kept: the whole
	// list goes on.
	rows = cat(lines("f", 23), list("l", 3), lines("g", 19))
	pages, _ = Flow(rows, composedSpec())
	if at := pageOf(t, pages); len(pages) != 2 || at["l1"] != 1 {
		t.Errorf("with room on page two the list should move whole:\n%s", Dump(pages, nil))
	}
}

// lastMark is the name of the last marked row on a page.
func lastMark(p Page) string {
	last := ""
	for _, op := range p.Ops {
		if op.Kind == TextOp && strings.HasPrefix(op.Text, "#") {
			last = op.Text[1:]
		}
	}
	return last
}

func mustGreedy(t *testing.T, rows []Row) []Page {
	t.Helper()
	p, err := greedy(rows, testSpec())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A last page whose footer is taller (LastBottom: it carries what a handout
// prints once) holds less: what fits above Bottom but not above LastBottom
// does not end there, and a spring on it stretches to LastBottom only.
func TestComposeLastBottom(t *testing.T) {
	spec := testSpec()
	rows := lines("f", 25) // 250 pt: page one's 260 holds them all
	spring := mark("s", lineH)
	var stretched float64
	spring.Spring, spring.Expand = true, func(h float64) []Op { stretched = h; return nil }
	rows = append(rows, spring)
	pages, err := Flow(rows, spec)
	if err != nil || len(pages) != 1 {
		t.Fatalf("%d pages (%v), want 1", len(pages), err)
	}
	spec.LastBottom = spec.Bottom - 30 // 230 pt left: 23 lines
	pages, err = Flow(rows, spec)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2: the last page's taller footer leaves no room for 26 rows:\n%s", len(pages), Dump(pages, nil))
	}
	// The spring stretches to the last page's own foot, not to Bottom.
	var y float64
	for _, p := range pages[1:] {
		for _, op := range p.Ops {
			if op.Text == "#s" {
				y = op.Y
			}
		}
	}
	if foot := y + stretched; foot > spec.LastBottom+eps || foot < spec.LastBottom-eps {
		t.Errorf("the spring stretches to %.1f, want the last page's foot %.1f", foot, spec.LastBottom)
	}
}
