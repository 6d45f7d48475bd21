package layout

import (
	"fmt"

	"handouts/handout/colour"
	"handouts/handout/fontset"
)

// Row is the unit of placement: a line of text, a gap, a rule, an image. Its
// ops are relative to the row's top-left corner at the content's left edge.
//
// Keep rules live in the rows, not in the flow: a format marks a row
// KeepWithPrev when no page break may fall before it (the second line of a
// paragraph, the first lines after a heading, the inside of a small box), and
// Flow only ever breaks where a row allows it.
type Row struct {
	H            float64
	Ops          []Op
	Gap          bool   // spacing: dropped when it would start a page
	KeepWithPrev bool   // no page break between this row and the one before
	Frame        *Frame // the box this row sits in, if any
	// Spring rows take the space left at the bottom of their page (at
	// least H), pushing the rows after them down; Expand draws into the
	// final height, e.g. writing lines.
	Spring bool
	Expand func(h float64) []Op
	// Penalty is what a page break before this row costs the composer,
	// in points of blank page it is worth (see Compose): a break inside a
	// box that could move whole. KeepWithPrev forbids the break outright;
	// Penalty only discourages it.
	Penalty float64
	// Lone marks a break before this row that would leave a list item
	// alone: the first item at a page's foot (a break inside it or before
	// the second), or the last at a page's top (a break just before it).
	// It is a rule, not a price: the composer breaks here only when every
	// layout that keeps the rule takes more pages (see Flow).
	Lone bool
	// Where names the content a row came from, for messages.
	Where string
}

// Frame is a tinted box around a run of rows. A box that breaks across pages
// is drawn as a piece on each page, with its padding repeated, so it reads
// as continued rather than cut.
type Frame struct {
	Fill   *colour.Color
	Rule   *colour.Color // a bar down the left side
	RuleW  float64
	Border *colour.Color
	Pad    float64 // above the first and below the last row on each page
	Radius float64
	X, W   float64 // horizontal extent, relative to the content's left edge
	Struct int
	// Continued is drawn at the top of every piece of the box after its
	// first (a "continued" label), relative to the piece's top-left corner
	// inside its padding; ContinuedH is the room it takes there.
	Continued  []Op
	ContinuedH float64
}

// PageSpec is the space rows may use on each page.
type PageSpec struct {
	Width, Height float64
	Left          float64             // the content's left edge
	Top           func(i int) float64 // where content starts on page i (from 0); the same for every page after the first
	Bottom        float64             // content may not extend below this
	// MinFirst and MinLast are the shares of its room below which the
	// first page (of several) and the last page are too empty: a title
	// alone on page one, three lines on a last page. Zero for no rule.
	MinFirst, MinLast float64
	// LastBottom, when above zero, is where content ends on the last page
	// (above Bottom): that page's footer is taller, carrying what a
	// handout prints once.
	LastBottom float64
}

// Page is one laid-out page.
type Page struct {
	Ops []Op
	// Fonts is the family the page's text is set in when it is not the
	// document's: a packet's page from a handout in another script.
	Fonts *fontset.Family
	// End is where the content ended, before springs expanded.
	End float64
}

// ErrTooTall reports a row that cannot fit even on an empty page.
type ErrTooTall struct {
	Where  string
	Height float64
	Room   float64
}

func (e *ErrTooTall) Error() string {
	return fmt.Sprintf("%s is %.0f pt tall but a page has room for %.0f pt", e.Where, e.Height, e.Room)
}

type placed struct {
	row   int
	y     float64
	h     float64 // may exceed the row's H for springs
	frame *Frame
	pad   float64 // a repeated frame pad at the top (>0) of this piece, with its continued label
}

// greedy places rows on pages one chunk at a time, as full as each page
// allows. Between two rows a break is allowed unless the second is
// KeepWithPrev; the rows between two allowed breaks form a chunk that moves
// as a whole. A chunk that is taller than a whole page is the only
// exception: it is broken at any row rather than overflow, since keeping
// it whole is impossible. Flow uses it to name a row that fits no page.
func greedy(rows []Row, spec PageSpec) ([]Page, error) {
	fl := &flow{rows: rows, spec: spec, y: spec.Top(0)}
	for i := 0; i < len(rows); {
		j := fl.chunkEnd(i)
		switch {
		case fl.fits(i, j):
			fl.place(i, j)
		case !fl.empty():
			fl.closePage()
			continue // the chunk is tried again on the new page
		default:
			if err := fl.placeRowByRow(i, j); err != nil {
				return nil, err
			}
		}
		i = j
	}
	if !fl.empty() || len(fl.pages) == 0 {
		fl.closePage()
	}
	return fl.pages, nil
}

// flow is the state of one Flow: the pages made so far and the page being
// filled, with y the height used on it.
type flow struct {
	rows  []Row
	spec  PageSpec
	pages []Page
	cur   []placed // the current page's rows
	page  int      // the current page's index
	y     float64
}

// vanishesAtEdge is the one rule for spacing at a page's edges: a gap row
// takes no room at the top of a page (it is dropped there) nor at its foot
// (trailing gaps are dropped when the page is finished), so spacing never
// pushes content onto the next page or leaves a page starting with air.
func vanishesAtEdge(r Row) bool { return r.Gap }

func (fl *flow) empty() bool { return len(fl.cur) == 0 }

// continues returns the frame that row k continues from the row before,
// if any: such a row starting a page opens a new piece of the frame.
func (fl *flow) continues(k int) *Frame {
	if k > 0 && fl.rows[k].Frame != nil && fl.rows[k-1].Frame == fl.rows[k].Frame {
		return fl.rows[k].Frame
	}
	return nil
}

// chunkEnd returns the end of the chunk starting at i: the rows up to the
// next one that allows a break before it.
func (fl *flow) chunkEnd(i int) int {
	j := i + 1
	for j < len(fl.rows) && fl.rows[j].KeepWithPrev {
		j++
	}
	return j
}

// need is the height rows[i:j] take on the current page: gaps that would
// start the page vanish, a frame continued from the page before repeats
// its top padding, and a frame that goes on after row j-1 needs room for
// its closing padding.
func (fl *flow) need(i, j int) float64 {
	h := 0.0
	lead := fl.empty()
	for k := i; k < j; k++ {
		if lead && vanishesAtEdge(fl.rows[k]) {
			continue
		}
		if lead {
			if fr := fl.continues(k); fr != nil {
				h += fr.Pad + fr.ContinuedH
			}
		}
		lead = false
		h += fl.rows[k].H
	}
	if j < len(fl.rows) && fl.continues(j) != nil {
		h += fl.rows[j].Frame.Pad
	}
	return h
}

func (fl *flow) fits(i, j int) bool { return fl.y+fl.need(i, j) <= fl.spec.Bottom+0.01 }

// place puts rows[i:j] on the current page, as need measured them.
func (fl *flow) place(i, j int) {
	for k := i; k < j; k++ {
		if fl.empty() {
			if vanishesAtEdge(fl.rows[k]) {
				continue
			}
			if fr := fl.continues(k); fr != nil {
				fl.cur = append(fl.cur, placed{row: -1, y: fl.y, h: fr.Pad + fr.ContinuedH, frame: fr, pad: fr.Pad})
				fl.y += fr.Pad + fr.ContinuedH
			}
		}
		fl.cur = append(fl.cur, placed{row: k, y: fl.y, h: fl.rows[k].H, frame: fl.rows[k].Frame})
		fl.y += fl.rows[k].H
	}
}

func (fl *flow) closePage() {
	fl.pages = append(fl.pages, finishPage(fl.rows, fl.cur, fl.spec, fl.y))
	fl.cur = nil
	fl.page++
	fl.y = fl.spec.Top(fl.page)
}

// placeRowByRow breaks a chunk that cannot fit even on an empty page at
// any row, rather than let it overflow; a single row too tall for a page
// is an error naming where it came from.
func (fl *flow) placeRowByRow(i, j int) error {
	for k := i; k < j; k++ {
		if !fl.fits(k, k+1) && !fl.empty() {
			fl.closePage()
		}
		// Checked on the page the row goes to (a later page may have less
		// room than the first), with the frame padding it needs.
		if !vanishesAtEdge(fl.rows[k]) && !fl.fits(k, k+1) {
			h := fl.need(k, k+1)
			where := fl.rows[k].Where
			if where == "" {
				where = "a block"
			}
			room := fl.spec.Bottom - fl.spec.Top(fl.page) - (h - fl.rows[k].H)
			return &ErrTooTall{Where: where, Height: fl.rows[k].H, Room: room}
		}
		fl.place(k, k+1)
	}
	return nil
}

// finishPage expands springs, draws frame pieces behind their rows and
// turns row-relative ops into page coordinates.
func finishPage(rows []Row, cur []placed, spec PageSpec, end float64) Page {
	// The frame that goes on to the next page, if any: its piece here
	// closes with its padding, which the flow reserved (see need).
	var cont *Frame
	if n := len(cur); n > 0 && cur[n-1].row >= 0 {
		if next := cur[n-1].row + 1; next < len(rows) && rows[next].Frame != nil && rows[next].Frame == rows[next-1].Frame {
			cont = rows[next].Frame
		}
	}
	// A chunk boundary may leave trailing gaps; they take no room at a foot.
	for len(cur) > 0 && cur[len(cur)-1].row >= 0 && vanishesAtEdge(rows[cur[len(cur)-1].row]) {
		end = cur[len(cur)-1].y
		cur = cur[:len(cur)-1]
	}
	if len(cur) == 0 || cur[len(cur)-1].frame != cont {
		cont = nil // only trailing gaps were in it: no piece here
	}
	extra := spec.Bottom - end
	if cont != nil {
		extra -= cont.Pad // springs leave room for the closing padding
	}
	shift := 0.0
	for k := range cur {
		cur[k].y += shift
		if cur[k].row >= 0 && rows[cur[k].row].Spring && shift == 0 && extra > 0 {
			cur[k].h += extra
			shift = extra
		}
	}
	// The ops are counted first (two a frame at most, an expanding row's
	// few added as they come): a page holds hundreds, and growing the
	// slice by doubling copied them all several times.
	n := 0
	for _, p := range cur {
		if p.row >= 0 {
			n += len(rows[p.row].Ops)
		}
		if p.frame != nil {
			n += 2
		}
	}
	page := Page{End: end, Ops: make([]Op, 0, n)}
	// Frames first, so their tint lies under the text.
	for k := 0; k < len(cur); {
		fr := cur[k].frame
		if fr == nil {
			k++
			continue
		}
		top := cur[k].y
		m := k
		for m < len(cur) && cur[m].frame == fr {
			m++
		}
		bottom := cur[m-1].y + cur[m-1].h
		if m == len(cur) && fr == cont {
			bottom += fr.Pad // continued on the next page: close this piece
		}
		page.Ops = append(page.Ops, frameOps(fr, spec.Left, top, bottom)...)
		k = m
	}
	for _, p := range cur {
		if p.row < 0 {
			for _, op := range p.frame.Continued {
				page.Ops = append(page.Ops, op.Shift(spec.Left, p.y+p.pad))
			}
			continue
		}
		r := rows[p.row]
		for _, op := range r.Ops {
			page.Ops = append(page.Ops, op.Shift(spec.Left, p.y))
		}
		if r.Spring && r.Expand != nil {
			for _, op := range r.Expand(p.h) {
				page.Ops = append(page.Ops, op.Shift(spec.Left, p.y))
			}
		}
	}
	return page
}

func frameOps(fr *Frame, left, top, bottom float64) []Op {
	var ops []Op
	x := left + fr.X
	if fr.Fill != nil || fr.Border != nil {
		ops = append(ops, Op{Kind: RectOp, X: x, Y: top, W: fr.W, H: bottom - top, Fill: fr.Fill, Stroke: fr.Border, LineWidth: 0.75, Radius: fr.Radius, Artifact: Decoration})
	}
	if fr.Rule != nil {
		ops = append(ops, Op{Kind: RectOp, X: x, Y: top, W: fr.RuleW, H: bottom - top, Fill: fr.Rule, Artifact: Decoration})
	}
	return ops
}
