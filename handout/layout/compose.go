package layout

import "math"

// The page composer. Flow decides the breaks of the whole document at once,
// as TeX's page builder and Typst's flow do, rather than filling each page
// greedily and patching the result: a dynamic programme over the places a
// page may break, each page priced by
//
//   - the pages themselves, first: a composed document never takes a page
//     more than the greedy fill would (costPage);
//   - the blank it leaves above its foot, in points, on every page but the
//     last (what a greedy fill minimises, so with nothing else to weigh
//     the composer fills pages exactly as a greedy fill does);
//   - the Penalty of the row it breaks before: a box split that could have
//     moved whole;
//   - a list item left alone at a page's top or foot (a Lone row): costRule,
//     so it happens only when no layout of as few pages avoids it, and then
//     at the break that costs least otherwise;
//   - a first page under MinFirst of its room (a title alone above a box
//     that moved on), and a last page under MinLast (three lines on a
//     sheet of their own): costRule each, so the composer pulls lines
//     forward from earlier pages (which may end a little shorter) or
//     splits the box instead, whenever a layout that avoids them exists;
//   - a break inside a chunk too tall for any page (costForced), which is
//     then broken where it must be.
//
// Type is never squeezed: only where pages break changes. Among layouts of
// equal cost the one whose earlier pages are fuller wins, so the result is
// deterministic. The time is linear in the rows times the rows on a page.
const (
	costPage   = 1e7
	costRule   = 1e5
	costForced = 1e4
)

// Flow places rows on pages, choosing every page break of the document
// together (see above). Between two rows a break is allowed unless the
// second is KeepWithPrev; a chunk of kept rows taller than a whole page is
// broken at any row rather than overflow. A row too tall for any page is
// an *ErrTooTall naming where it came from.
func Flow(rows []Row, spec PageSpec) ([]Page, error) {
	n := len(rows)
	if n == 0 {
		return greedy(rows, spec)
	}
	c := newComposer(rows, spec)
	breaks, ok := c.solve()
	if !ok {
		return greedy(rows, spec) // it names the row that fits no page
	}
	fl := &flow{rows: rows, spec: spec, y: spec.Top(0)}
	start := 0
	for k, end := range breaks {
		fl.place(start, end)
		if k == len(breaks)-1 && spec.LastBottom > 0 {
			fl.spec.Bottom = spec.LastBottom // springs stretch to the last page's own foot
		}
		fl.closePage()
		start = end
	}
	return fl.pages, nil
}

// composer holds what pricing a page needs in constant time.
type composer struct {
	rows []Row
	spec PageSpec
	cand []int      // positions a page may start at, ascending; 0 first, len(rows) last
	pen  []float64  // the cost of a break at cand[k]
	sum  []float64  // sum[i] is the height of rows[:i]
	next []int      // next[i]: the first non-gap row at or after i (n if none)
	end  []int      // end[j]: one past the last non-gap row before j (0 if none)
	room [2]float64 // the room on the first page and on later ones
	best []float64  // best[k]: the cost of setting rows[cand[k]:] from a later page on
	to   []int      // to[k]: where that page ends, as an index into cand
	fl   *flow      // for continues
}

func newComposer(rows []Row, spec PageSpec) *composer {
	n := len(rows)
	c := &composer{rows: rows, spec: spec, fl: &flow{rows: rows, spec: spec}}
	c.room = [2]float64{spec.Bottom - spec.Top(0), spec.Bottom - spec.Top(1)}
	c.sum = make([]float64, n+1)
	c.end = make([]int, n+1)
	c.next = make([]int, n+1)
	for i, r := range rows {
		c.sum[i+1] = c.sum[i] + r.H
		c.end[i+1] = c.end[i]
		if !r.Gap {
			c.end[i+1] = i + 1
		}
	}
	c.next[n] = n
	for i := n - 1; i >= 0; i-- {
		c.next[i] = c.next[i+1]
		if !rows[i].Gap {
			c.next[i] = i
		}
	}
	// Break candidates: every allowed break, and every row boundary inside
	// a chunk of kept rows taller than a page, at a price.
	minRoom := min(c.room[0], c.room[1])
	c.cand = append(c.cand, 0)
	c.pen = append(c.pen, 0)
	for i := 0; i < n; {
		j := i + 1
		for j < n && rows[j].KeepWithPrev {
			j++
		}
		if c.height(i, j) > minRoom+0.01 {
			for k := i + 1; k < j; k++ {
				c.cand = append(c.cand, k)
				c.pen = append(c.pen, costForced)
			}
		}
		c.cand = append(c.cand, j)
		if j < n {
			pen := rows[j].Penalty
			if rows[j].Lone {
				pen += costRule
			}
			c.pen = append(c.pen, pen)
		} else {
			c.pen = append(c.pen, 0)
		}
		i = j
	}
	return c
}

// height is what rows[i:j] take on a page they start: gaps at either end
// vanish, a box continued from the page before repeats its padding and
// label, and a box that goes on after row j-1 closes with its padding.
func (c *composer) height(i, j int) float64 {
	a, b := c.next[i], c.end[j]
	if a >= b {
		return 0
	}
	h := c.sum[b] - c.sum[a]
	if fr := c.fl.continues(a); fr != nil {
		h += fr.Pad + fr.ContinuedH
	}
	if j < len(c.rows) && c.fl.continues(j) != nil {
		h += c.rows[j].Frame.Pad
	}
	return h
}

// solve returns where each page ends (indexes into rows), or false when
// some row fits no page.
func (c *composer) solve() ([]int, bool) {
	m := len(c.cand)
	c.best = make([]float64, m)
	c.to = make([]int, m)
	c.best[m-1] = 0
	for k := m - 2; k >= 0; k-- {
		c.best[k], c.to[k] = c.page(k, 1)
	}
	// Page one starts at row 0 with its own room.
	cost, to := c.page(0, 0)
	if math.IsInf(cost, 1) {
		return nil, false
	}
	var breaks []int
	for {
		breaks = append(breaks, c.cand[to])
		if to == m-1 {
			return breaks, true
		}
		to = c.to[to]
	}
}

// page prices the best page starting at cand[k] (first: 0 for page one, 1
// for a later page) followed by the best setting of the rest, and returns
// that cost and where the page ends.
func (c *composer) page(k, first int) (float64, int) {
	m := len(c.cand)
	room := c.room[first]
	best, to := math.Inf(1), -1
	i := c.cand[k]
	for e := k + 1; e < m; e++ {
		j := c.cand[e]
		h := c.height(i, j)
		if h > room+0.01 {
			// Rows only add height; the closing pad of a box that goes
			// on may make one candidate taller than the next.
			if c.height(i, j)-c.closing(j) > room+0.01 {
				break
			}
			continue
		}
		var rest float64
		if e == m-1 {
			if c.spec.LastBottom > 0 && h > room-(c.spec.Bottom-c.spec.LastBottom)+0.01 {
				continue // the last page's taller footer leaves no room for these
			}
			rest = 0
			// The last page: blank here costs nothing, but a page of
			// almost nothing does, unless it is the only one.
			if first == 1 && c.spec.MinLast > 0 && h < c.spec.MinLast*room {
				rest += costRule
			}
		} else {
			if math.IsInf(c.best[e], 1) {
				continue
			}
			rest = c.best[e] + (room - h) + c.pen[e]
			if first == 0 && c.spec.MinFirst > 0 && h < c.spec.MinFirst*room {
				rest += costRule
			}
		}
		cost := costPage + rest
		// Equal costs: the fuller page wins, as a greedy fill would.
		if cost <= best+1e-6 {
			best, to = cost, e
		}
	}
	return best, to
}

// closing is the padding a box going on after row j-1 adds to a page.
func (c *composer) closing(j int) float64 {
	if j < len(c.rows) && c.fl.continues(j) != nil {
		return c.rows[j].Frame.Pad
	}
	return 0
}
