package layout

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"handouts/handout/colour"
	"handouts/handout/fontset"
)

// fakeMeasurer gives every rune an advance of half the size, so tests can
// count characters instead of reading font metrics.
type fakeMeasurer struct{}

func (fakeMeasurer) Width(s string, _ fontset.Style, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size / 2
}

// The test page: content from y=20 on page one and y=40 on later pages (a
// running header), down to y=280, so page one holds 26 ten-point lines and
// later pages 24.
const (
	testLeft   = 10.0
	testTop0   = 20.0
	testTopN   = 40.0
	testBottom = 280.0
	lineH      = 10.0
	eps        = 0.011 // Flow's own tolerance is 0.01
)

func testSpec() PageSpec {
	return PageSpec{
		Width: 300, Height: 320, Left: testLeft, Bottom: testBottom,
		Top: func(i int) float64 {
			if i == 0 {
				return testTop0
			}
			return testTopN
		},
	}
}

// mark makes a row carrying one marker op that names it, so a test can find
// where the row was placed.
func mark(id string, h float64) Row {
	return Row{H: h, Ops: []Op{{Kind: TextOp, Text: "#" + id}}, Where: id}
}

func keep(r Row) Row {
	r.KeepWithPrev = true
	return r
}

func gapRow(id string, h float64) Row {
	r := mark(id, h)
	r.Gap = true
	return r
}

// lines is n single-line paragraphs (each a chunk of its own): filler.
func lines(prefix string, n int) []Row {
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = mark(fmt.Sprintf("%s%d", prefix, i+1), lineH)
	}
	return rows
}

// paragraph is the rows of an n-line paragraph marked as format's builder
// marks them: line 2 and the last line keep with the line before, so a
// paragraph breaks only after its second line and before its last two.
// afterHeading keeps line 1 too, as a heading's keepWithNext does.
func paragraph(id string, n int, afterHeading bool) []Row {
	rows := make([]Row, n)
	for i := range rows {
		rows[i] = mark(fmt.Sprintf("%s%d", id, i+1), lineH)
		rows[i].KeepWithPrev = i == 1 || i > 0 && i == n-1 || i == 0 && afterHeading
	}
	return rows
}

// wrapped wraps text with the fake measurer (size 10, so 5 pt a character)
// into a paragraph's rows.
func wrapped(t *testing.T, id, text string, width float64, afterHeading bool, wantLines int) []Row {
	t.Helper()
	ls := Wrap(fakeMeasurer{}, []Run{{Text: text}}, 10, width)
	if len(ls) != wantLines {
		t.Fatalf("test text wraps to %d lines, want %d", len(ls), wantLines)
	}
	rows := paragraph(id, len(ls), afterHeading)
	for i, ln := range ls {
		rows[i].Ops = append(rows[i].Ops, Op{Kind: TextOp, Text: ln.Text(), W: ln.W})
	}
	return rows
}

func cat[T any](parts ...[]T) []T {
	var out []T
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// at is where a row went: its page (from 1) and y; page 0 means dropped.
type at struct {
	page int
	y    float64
}

func (a at) String() string {
	if a.page == 0 {
		return "dropped"
	}
	return fmt.Sprintf("page %d y=%.2f", a.page, a.y)
}

// run is the places of n consecutive ten-point lines from y on page.
func run(page int, y float64, n int) []at {
	out := make([]at, n)
	for i := range out {
		out[i] = at{page, y + float64(i)*lineH}
	}
	return out
}

func one(page int, y float64) []at { return []at{{page, y}} }

var dropped = []at{{}}

// locate finds every marker op on the pages.
func locate(t *testing.T, pages []Page) map[string]at {
	t.Helper()
	got := map[string]at{}
	for pi, p := range pages {
		for _, op := range p.Ops {
			if op.Kind != TextOp || !strings.HasPrefix(op.Text, "#") {
				continue
			}
			id := op.Text[1:]
			if prev, ok := got[id]; ok {
				t.Errorf("row %s placed twice: %v and page %d y=%.2f", id, prev, pi+1, op.Y)
			}
			if op.X != testLeft {
				t.Errorf("row %s at x=%.2f, want the content's left edge %.2f", id, op.X, testLeft)
			}
			got[id] = at{pi + 1, op.Y}
		}
	}
	return got
}

func rowID(r Row) string {
	for _, op := range r.Ops {
		if op.Kind == TextOp && strings.HasPrefix(op.Text, "#") {
			return op.Text[1:]
		}
	}
	return ""
}

func checkPlaces(t *testing.T, rows []Row, pages []Page, want []at) {
	t.Helper()
	if len(want) != len(rows) {
		t.Fatalf("test has %d expected places for %d rows", len(want), len(rows))
	}
	got := locate(t, pages)
	for i, r := range rows {
		id := rowID(r)
		g := got[id]
		if g.page != want[i].page || math.Abs(g.y-want[i].y) > 1e-9 {
			t.Errorf("row %d (%s): got %v, want %v", i, id, g, want[i])
		}
	}
	if t.Failed() {
		t.Logf("layout:\n%s", Dump(pages, nil))
	}
}

// rects returns page p's rectangles filled with fill (by pointer, as Flow
// passes the frame's colour through).
func rects(pages []Page, p int, fill *colour.Color) []Op {
	var out []Op
	for _, op := range pages[p].Ops {
		if op.Kind == RectOp && op.Fill == fill {
			out = append(out, op)
		}
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

type flowCase struct {
	name  string
	rows  []Row
	want  []at // one per row
	pages int
	check func(t *testing.T, pages []Page)
}

func TestFlow(t *testing.T) {
	var cases []flowCase

	// (a) A heading near the foot moves on with the first two lines of its
	// paragraph, although the heading alone would fit.
	{
		text := "Groups meet weekly and follow ground rules that protect privacy and keep the work safe for all."
		head := func() []Row { return []Row{mark("h", 16), keep(gapRow("hg", 4))} }
		cases = append(cases, flowCase{
			name:  "heading moves with two lines",
			rows:  cat(lines("f", 23), head(), wrapped(t, "p", text, 100, true, 5)),
			want:  cat(run(1, 20, 23), one(2, 40), one(2, 56), run(2, 60, 5)),
			pages: 2,
		}, flowCase{
			name: "heading and two lines fit exactly",
			rows: cat(lines("f", 22), head(), wrapped(t, "p", text, 100, true, 5)),
			// heading 240..256, gap to 260, two lines to 280; line 3 alone
			// then the last two.
			want:  cat(run(1, 20, 22), one(1, 240), one(1, 256), run(1, 260, 2), run(2, 40, 3)),
			pages: 2,
		})
	}

	// (b) A five-line paragraph at the foot with room for r lines: it breaks
	// only after its second line and before its last two.
	for r, first := range map[int]int{1: 0, 2: 2, 3: 3, 4: 3, 5: 5} {
		n := 26 - r
		want := run(1, 20, n)
		if first > 0 {
			want = append(want, run(1, 20+float64(n)*lineH, first)...)
		}
		if first < 5 {
			want = append(want, run(2, 40, 5-first)...)
		}
		pages := 1
		if first < 5 {
			pages = 2
		}
		cases = append(cases, flowCase{
			name:  fmt.Sprintf("5-line paragraph, room for %d", r),
			rows:  cat(lines("f", n), paragraph("p", 5, false)),
			want:  want,
			pages: pages,
			check: func(t *testing.T, pages []Page) {
				counts := map[int]int{}
				for id, a := range locate(t, pages) {
					if strings.HasPrefix(id, "p") {
						counts[a.page]++
					}
				}
				for p, c := range counts {
					if c == 1 {
						t.Errorf("page %d holds a single line of the paragraph", p)
					}
				}
			},
		})
	}

	// (c) A three-line paragraph never splits.
	for r := 1; r <= 3; r++ {
		n := 26 - r
		want := run(1, 20, n)
		pages := 1
		if r < 3 {
			want = append(want, run(2, 40, 3)...)
			pages = 2
		} else {
			want = append(want, run(1, 20+float64(n)*lineH, 3)...)
		}
		cases = append(cases, flowCase{
			name:  fmt.Sprintf("3-line paragraph, room for %d", r),
			rows:  cat(lines("f", n), paragraph("p", 3, false)),
			want:  want,
			pages: pages,
		})
	}

	// (d) Framed boxes.
	{
		fill := colour.Color{R: 0xFD, G: 0xF1, B: 0xDC}
		f := &Frame{Fill: &fill, Pad: 6, X: 0, W: 200}
		box := []Row{mark("top", 6), keep(mark("b1", 10)), keep(mark("b2", 10)), keep(mark("b3", 10)), keep(mark("bot", 6))}
		for i := range box {
			box[i].Frame = f
		}
		cases = append(cases, flowCase{
			name:  "small box moves whole",
			rows:  cat(lines("f", 23), box),
			want:  cat(run(1, 20, 23), one(2, 40), run(2, 46, 3), one(2, 76)),
			pages: 2,
			check: func(t *testing.T, pages []Page) {
				if r := rects(pages, 0, f.Fill); len(r) != 0 {
					t.Errorf("page 1 has %d frame rects, want none", len(r))
				}
				r := rects(pages, 1, f.Fill)
				if len(r) != 1 || !near(r[0].X, testLeft) || !near(r[0].Y, 40) || !near(r[0].H, 42) || !near(r[0].W, 200) {
					t.Errorf("page 2 frame rects %+v, want one at (10, 40) 200×42", r)
				}
			},
		})
	}
	{
		fill := colour.Color{R: 0xFD, G: 0xF1, B: 0xDC}
		rule := colour.Color{R: 0xE8, G: 0xA3, B: 0x3D}
		f := &Frame{Fill: &fill, Rule: &rule, RuleW: 4, Pad: 6, X: 5, W: 190}
		// Marked as endBox marks a long box: its first three lines keep
		// with the top padding, the bottom padding with the last line.
		box := []Row{mark("top", 6)}
		for i := 1; i <= 30; i++ {
			r := mark(fmt.Sprintf("b%d", i), lineH)
			r.KeepWithPrev = i <= 3
			box = append(box, r)
		}
		box = append(box, keep(mark("bot", 6)))
		for i := range box {
			box[i].Frame = f
		}
		cases = append(cases, flowCase{
			name: "box taller than a page splits",
			rows: box,
			// Page 1: padding at 20, lines from 26 while a line and the
			// closing padding fit (y+10+6 <= 280): 24 lines. Page 2: the
			// repeated padding at 40, lines from 46.
			want:  cat(one(1, 20), run(1, 26, 24), run(2, 46, 6), one(2, 106)),
			pages: 2,
			check: func(t *testing.T, pages []Page) {
				for p, w := range []struct{ y, h float64 }{{20, 252}, {40, 72}} {
					r := rects(pages, p, f.Fill)
					if len(r) != 1 || !near(r[0].X, testLeft+5) || !near(r[0].W, 190) || !near(r[0].Y, w.y) || !near(r[0].H, w.h) {
						t.Errorf("page %d frame fill rects %+v, want one at y=%v h=%v", p+1, r, w.y, w.h)
						continue
					}
					ru := rects(pages, p, f.Rule)
					if len(ru) != 1 || !near(ru[0].Y, w.y) || !near(ru[0].H, w.h) || !near(ru[0].W, 4) {
						t.Errorf("page %d rule rects %+v, want one matching the frame", p+1, ru)
					}
				}
				got := locate(t, pages)
				// Padding is reserved: 6 pt between the last line and the
				// piece's foot on page 1, and before the first line on page 2.
				if foot := 20 + 252.0; !near(foot-(got["b24"].y+lineH), 6) {
					t.Errorf("page 1: last line ends at %.1f, frame at %.1f: want 6 pt padding", got["b24"].y+lineH, foot)
				}
				if !near(got["b25"].y-40, 6) {
					t.Errorf("page 2: first line at %.1f, want 6 pt below the frame top 40", got["b25"].y)
				}
				// The frame lies under its text: rects come before the rows.
				for p := range pages {
					seenText := false
					for _, op := range pages[p].Ops {
						if op.Kind == TextOp {
							seenText = true
						}
						if op.Kind == RectOp && seenText {
							t.Errorf("page %d: a frame rect is drawn over text", p+1)
						}
					}
				}
			},
		})
	}

	// (e) Gaps vanish at the top of a page (and at its foot), but not in
	// between.
	cases = append(cases, flowCase{
		name: "gaps at page top dropped",
		rows: cat([]Row{gapRow("g0", 8), mark("a", 10), gapRow("g1", 10), mark("b", 10)}, lines("f", 23),
			[]Row{gapRow("g2", 8), mark("c", 10)}),
		want:  cat(dropped, one(1, 20), one(1, 30), one(1, 40), run(1, 50, 23), dropped, one(2, 40)),
		pages: 2,
	}, flowCase{
		name:  "gap at page foot dropped",
		rows:  cat(lines("f", 25), []Row{gapRow("g", 5), mark("d", 10)}),
		want:  cat(run(1, 20, 25), dropped, one(2, 40)),
		pages: 2,
		check: func(t *testing.T, pages []Page) {
			if pages[0].End != 270 {
				t.Errorf("page 1 End = %v, want 270 (the trailing gap takes no room)", pages[0].End)
			}
		},
	}, flowCase{
		name: "gap kept with the next row stays a gap",
		// A heading keeps with the gap and the line after it: on a new page
		// the heading comes first, so the gap is inside, not at the top.
		rows:  cat(lines("f", 25), []Row{mark("h", 10), keep(gapRow("g", 4)), keep(mark("l", 10))}),
		want:  cat(run(1, 20, 25), one(2, 40), one(2, 50), one(2, 54)),
		pages: 2,
	})

	// (f) Springs take the rest of their page and push what follows down.
	{
		var expanded []float64
		s := mark("s", 20)
		s.Spring = true
		s.Expand = func(h float64) []Op {
			expanded = append(expanded, h)
			return []Op{{Kind: LineOp, Y: h, W: 50}}
		}
		cases = append(cases, flowCase{
			name: "spring fills the page",
			rows: []Row{mark("a", 10), s, mark("b", 10), mark("c", 10)},
			// Content ends at 70; 210 pt spare go to the spring.
			want:  cat(one(1, 20), one(1, 30), one(1, 260), one(1, 270)),
			pages: 1,
			check: func(t *testing.T, pages []Page) {
				if len(expanded) != 1 || expanded[0] != 230 {
					t.Errorf("Expand called with %v, want once with 230", expanded)
				}
				if pages[0].End != 70 {
					t.Errorf("End = %v, want 70 (before expanding)", pages[0].End)
				}
				var lineOps []Op
				for _, op := range pages[0].Ops {
					if op.Kind == LineOp {
						lineOps = append(lineOps, op)
					}
				}
				if len(lineOps) != 1 || lineOps[0].Y != 260 || lineOps[0].X != testLeft {
					t.Errorf("Expand's ops %+v, want one line at (10, 260): shifted to the row", lineOps)
				}
			},
		})
	}
	{
		var expanded []float64
		s := Row{Spring: true, Ops: []Op{{Kind: TextOp, Text: "#s"}}, Expand: func(h float64) []Op {
			expanded = append(expanded, h)
			return nil
		}}
		fill := colour.Color{R: 1, G: 2, B: 3}
		f := &Frame{Border: &fill, Pad: 5, W: 100}
		card := []Row{mark("c0", 5), keep(mark("c1", 10)), keep(mark("c2", 10)), keep(mark("c3", 5))}
		for i := range card {
			card[i].Frame = f
		}
		cases = append(cases, flowCase{
			name: "zero-height spring on page 2 pushes a card to the foot",
			rows: cat(lines("f", 27), []Row{s}, card),
			// Page 2: a line at 40, the spring at 50, a card of 30 pt;
			// 200 pt spare.
			want:  cat(run(1, 20, 26), one(2, 40), one(2, 50), one(2, 250), one(2, 255), one(2, 265), one(2, 275)),
			pages: 2,
			check: func(t *testing.T, pages []Page) {
				if len(expanded) != 1 || expanded[0] != 200 {
					t.Errorf("Expand called with %v, want once with 200", expanded)
				}
				var r []Op
				for _, op := range pages[1].Ops {
					if op.Kind == RectOp && op.Stroke == f.Border {
						r = append(r, op)
					}
				}
				if len(r) != 1 || r[0].Y != 250 || r[0].H != 30 {
					t.Errorf("card frame %+v, want one at y=250 h=30 (moved with the spring)", r)
				}
			},
		})
	}

	{
		// A spring inside a box that goes on to the next page must leave
		// room for the padding that closes the box's piece on its page.
		var expanded []float64
		fill := colour.Color{R: 0xEE, G: 0xEE, B: 0xEE}
		f := &Frame{Fill: &fill, Pad: 6, W: 100}
		s := keep(mark("s", 10))
		s.Spring = true
		s.Expand = func(h float64) []Op {
			expanded = append(expanded, h)
			return nil
		}
		rows := cat([]Row{mark("top", 6), s}, lines("m", 30), []Row{keep(mark("bot", 6))})
		for i := range rows {
			rows[i].Frame = f
		}
		cases = append(cases, flowCase{
			name: "spring in a box continued on the next page",
			rows: rows,
			// Page 1 ends at 266 after m23, with 14 pt spare of which the
			// box's closing padding needs 6: the spring grows by 8.
			want:  cat(one(1, 20), one(1, 26), run(1, 44, 23), run(2, 46, 7), one(2, 116)),
			pages: 2,
			check: func(t *testing.T, pages []Page) {
				if len(expanded) != 1 || expanded[0] != 18 {
					t.Errorf("Expand called with %v, want once with 18", expanded)
				}
				for p, w := range []struct{ y, h float64 }{{20, 260}, {40, 82}} {
					r := rects(pages, p, f.Fill)
					if len(r) != 1 || !near(r[0].Y, w.y) || !near(r[0].H, w.h) {
						t.Errorf("page %d frame rects %+v, want one at y=%v h=%v", p+1, r, w.y, w.h)
					}
				}
			},
		})
	}

	// (h) A chunk taller than a page of small rows breaks row by row.
	{
		rows := lines("k", 30)
		for i := 1; i < len(rows); i++ {
			rows[i].KeepWithPrev = true
		}
		cases = append(cases, flowCase{
			name:  "unbreakable chunk taller than a page",
			rows:  rows,
			want:  cat(run(1, 20, 26), run(2, 40, 4)),
			pages: 2,
		})
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := Flow(c.rows, testSpec())
			if err != nil {
				t.Fatalf("Flow: %v", err)
			}
			if len(pages) != c.pages {
				t.Errorf("%d pages, want %d", len(pages), c.pages)
			}
			checkPlaces(t, c.rows, pages, c.want)
			if c.check != nil {
				c.check(t, pages)
			}
			if err := flowInvariants(c.rows, testSpec(), pages, nil); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestFlowEmpty(t *testing.T) {
	pages, err := Flow(nil, testSpec())
	if err != nil || len(pages) != 1 || len(pages[0].Ops) != 0 {
		t.Fatalf("Flow(nil) = %d pages, %v; want one empty page", len(pages), err)
	}
}

// (g) A row that cannot fit an empty page is an error naming it.
func TestFlowTooTall(t *testing.T) {
	fill := colour.Color{R: 9, G: 9, B: 9}
	framed := func(rows ...Row) []Row {
		f := &Frame{Fill: &fill, Pad: 6, W: 100}
		for i := range rows {
			rows[i].Frame = f
		}
		return rows
	}
	cases := []struct {
		name   string
		rows   []Row
		where  string
		height float64
		room   float64
	}{
		{"alone", []Row{mark("the picture", 300)}, "the picture", 300, 260},
		{"unnamed", []Row{{H: 261}}, "a block", 261, 260},
		{"after other rows, on a later page", cat(lines("f", 2), []Row{mark("the table", 250)}), "the table", 250, 240},
		// The chunk is taller than page 1, so it is placed row by row: the
		// 250 pt row would fit page 1's 260 pt but must go to page 2, which
		// has only 240 pt.
		{"kept row that fits only page 1", []Row{mark("a", 200), keep(mark("b", 250))}, "b", 250, 240},
		// Inside a box the padding above and below must fit too: x does not
		// fit below the box's top padding on page 1, and goes to page 2
		// (240 pt), where the repeated padding above and the closing
		// padding below leave 228.
		{"framed row with its padding", framed(mark("top", 6), keep(mark("x", 252)), mark("y", 2), keep(mark("bot", 6))), "x", 252, 228},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, err := Flow(c.rows, testSpec())
			var tt *ErrTooTall
			if !errors.As(err, &tt) {
				t.Fatalf("Flow = %d pages, err %v; want *ErrTooTall\n%s", len(pages), err, Dump(pages, nil))
			}
			if tt.Where != c.where || tt.Height != c.height || tt.Room != c.room {
				t.Errorf("ErrTooTall{%q, %v, %v}, want {%q, %v, %v}", tt.Where, tt.Height, tt.Room, c.where, c.height, c.room)
			}
			want := fmt.Sprintf("%s is %.0f pt tall but a page has room for %.0f pt", c.where, c.height, c.room)
			if err.Error() != want {
				t.Errorf("message %q, want %q", err.Error(), want)
			}
		})
	}
}

// flowInvariants checks what must hold for any rows: every row placed once
// (a gap may vanish, but only at a page's top or foot), in order, without
// overlap, inside the page's content area; springs expanded once, to the
// page foot; frames drawn once per page around their rows; and a chunk split
// across pages only when it is taller than a page. expanded, when not nil,
// holds the heights Expand was called with, by row.
func flowInvariants(rows []Row, spec PageSpec, pages []Page, expanded map[int][]float64) error {
	type place struct {
		page int // from 0; -1 when dropped
		y, h float64
	}
	ids := map[string]int{}
	for i, r := range rows {
		ids[rowID(r)] = i
	}
	places := make([]place, len(rows))
	for i := range places {
		places[i].page = -1
	}
	for pi, p := range pages {
		for _, op := range p.Ops {
			if op.Kind != TextOp || !strings.HasPrefix(op.Text, "#") {
				continue
			}
			i, ok := ids[op.Text[1:]]
			if !ok {
				return fmt.Errorf("unknown marker %q", op.Text)
			}
			if places[i].page >= 0 {
				return fmt.Errorf("row %d placed twice", i)
			}
			places[i] = place{pi, op.Y, rows[i].H}
		}
	}
	minRoom := math.Inf(1)
	for i := range max(len(pages), 2) {
		minRoom = min(minRoom, spec.Bottom-spec.Top(i))
	}
	maxPad := 0.0
	for _, r := range rows {
		if r.Frame != nil {
			maxPad = max(maxPad, r.Frame.Pad)
		}
	}
	prev := -1
	for i, r := range rows {
		pl := places[i]
		if pl.page < 0 {
			if !r.Gap {
				return fmt.Errorf("row %d (h=%.1f) was not placed", i, r.H)
			}
			continue
		}
		if r.Spring && expanded != nil {
			hs := expanded[i]
			if len(hs) != 1 || hs[0] < r.H-1e-9 {
				return fmt.Errorf("spring row %d: Expand called with %v, want once with at least %.1f", i, hs, r.H)
			}
			places[i].h = hs[0]
			pl.h = hs[0]
		}
		top := spec.Top(pl.page)
		if pl.y < top-eps || pl.y+pl.h > spec.Bottom+eps {
			return fmt.Errorf("row %d (h=%.1f) at y=%.2f on page %d, outside %.2f..%.2f", i, pl.h, pl.y, pl.page+1, top, spec.Bottom)
		}
		if prev >= 0 {
			pp := places[prev]
			if pl.page < pp.page || pl.page == pp.page && pl.y < pp.y+pp.h-eps {
				return fmt.Errorf("row %d at page %d y=%.2f is not after row %d (page %d y=%.2f h=%.2f)", i, pl.page+1, pl.y, prev, pp.page+1, pp.y, pp.h)
			}
			if pl.page > pp.page+1 {
				return fmt.Errorf("row %d skips a page (row %d on page %d, row %d on page %d)", i, prev, pp.page+1, i, pl.page+1)
			}
		}
		prev = i
	}
	// A dropped gap had no placed rows on its own page on both sides.
	for i, r := range rows {
		if !r.Gap || places[i].page >= 0 {
			continue
		}
		before, after := -1, -1
		for k := i - 1; k >= 0; k-- {
			if places[k].page >= 0 {
				before = places[k].page
				break
			}
		}
		for k := i + 1; k < len(rows); k++ {
			if places[k].page >= 0 {
				after = places[k].page
				break
			}
		}
		if before >= 0 && before == after {
			return fmt.Errorf("gap row %d vanished in the middle of page %d", i, before+1)
		}
	}
	// A chunk that fits a page is never split.
	for i := 0; i < len(rows); {
		j := i + 1
		for j < len(rows) && rows[j].KeepWithPrev {
			j++
		}
		h := 0.0
		for k := i; k < j; k++ {
			h += rows[k].H
		}
		if h+2*maxPad <= minRoom-eps {
			pg := -1
			for k := i; k < j; k++ {
				if places[k].page < 0 {
					continue
				}
				if pg >= 0 && places[k].page != pg {
					return fmt.Errorf("rows %d..%d (%.1f pt, a page holds %.1f) are split across pages %d and %d", i, j-1, h, minRoom, pg+1, places[k].page+1)
				}
				pg = places[k].page
			}
		}
		i = j
	}
	// Frames: on each page, one piece per frame run, around its rows and
	// inside the content area.
	for pi, p := range pages {
		pieces := map[*colour.Color][]Op{}
		for _, op := range p.Ops {
			if op.Kind == RectOp && op.Fill != nil {
				pieces[op.Fill] = append(pieces[op.Fill], op)
			}
		}
		for i, r := range rows {
			if r.Frame == nil || places[i].page != pi || r.Frame.Fill == nil {
				continue
			}
			ps := pieces[r.Frame.Fill]
			if len(ps) != 1 {
				return fmt.Errorf("page %d: frame of row %d drawn %d times", pi+1, i, len(ps))
			}
			pc := ps[0]
			pl := places[i]
			if pl.y < pc.Y-eps || pl.y+pl.h > pc.Y+pc.H+eps {
				return fmt.Errorf("page %d: row %d (y=%.2f h=%.2f) is outside its frame (y=%.2f h=%.2f)", pi+1, i, pl.y, pl.h, pc.Y, pc.H)
			}
			if pc.Y < spec.Top(pi)-eps || pc.Y+pc.H > spec.Bottom+eps {
				return fmt.Errorf("page %d: frame piece y=%.2f..%.2f is outside %.2f..%.2f", pi+1, pc.Y, pc.Y+pc.H, spec.Top(pi), spec.Bottom)
			}
		}
	}
	return nil
}

// randomFlow makes a random but plausible set of rows and page: lines,
// gaps, keeps, springs and frames, no row taller than a page can hold with
// frame padding, so Flow must succeed.
type randomFlow struct {
	rows     []Row
	spec     PageSpec
	expanded map[int][]float64
}

func newRandomFlow(rng *rand.Rand) *randomFlow {
	rf := &randomFlow{expanded: map[int][]float64{}}
	top0 := 10 + rng.Float64()*50
	topN := 10 + rng.Float64()*60
	bottom := max(top0, topN) + 120 + rng.Float64()*280
	rf.spec = PageSpec{Width: 600, Height: bottom + 40, Left: 7, Bottom: bottom, Top: func(i int) float64 {
		if i == 0 {
			return top0
		}
		return topN
	}}
	minRoom := bottom - max(top0, topN)
	const maxPad = 8.0
	n := 1 + rng.IntN(90)
	var frame *Frame
	frameLeft := 0
	for i := range n {
		if frameLeft == 0 {
			frame = nil
			if rng.IntN(10) == 0 {
				fill := colour.Color{R: uint8(i)}
				frame = &Frame{Fill: &fill, Pad: float64(rng.IntN(int(maxPad) + 1)), W: 100}
				frameLeft = 1 + rng.IntN(30)
			}
		}
		if frameLeft > 0 {
			frameLeft--
		}
		r := mark(fmt.Sprint(i), 0)
		switch x := rng.Float64(); {
		case x < 0.15:
			r.Gap = true
			r.H = 1 + rng.Float64()*20
		case x < 0.18:
			r.Spring = true
			r.H = float64(rng.IntN(3)) * 10
			idx := i
			r.Expand = func(h float64) []Op {
				rf.expanded[idx] = append(rf.expanded[idx], h)
				return []Op{{Kind: LineOp, Y: h}}
			}
		case x < 0.26:
			r.H = 0
		case x < 0.80:
			r.H = 8 + rng.Float64()*12
		case x < 0.97:
			r.H = 20 + rng.Float64()*40
		default:
			r.H = rng.Float64() * (minRoom - 2*maxPad - 1)
		}
		r.KeepWithPrev = rng.Float64() < 0.45
		r.Frame = frame
		rf.rows = append(rf.rows, r)
	}
	return rf
}

func (rf *randomFlow) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "top0=%.2f topN=%.2f bottom=%.2f\n", rf.spec.Top(0), rf.spec.Top(1), rf.spec.Bottom)
	for i, r := range rf.rows {
		fmt.Fprintf(&b, "  %d h=%.2f gap=%v keep=%v spring=%v", i, r.H, r.Gap, r.KeepWithPrev, r.Spring)
		if r.Frame != nil {
			fmt.Fprintf(&b, " frame=%p pad=%.0f", r.Frame, r.Frame.Pad)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// (i) Every row placed exactly once, in order, nothing outside the content
// area, over random row sets.
func TestFlowProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(20261101, 7))
	for c := range 200 {
		rf := newRandomFlow(rng)
		pages, err := Flow(rf.rows, rf.spec)
		if err != nil {
			t.Fatalf("case %d: Flow: %v\n%s", c, err, rf)
		}
		if err := flowInvariants(rf.rows, rf.spec, pages, rf.expanded); err != nil {
			t.Fatalf("case %d: %v\n%s\n%s", c, err, rf, Dump(pages, nil))
		}
	}
}

// FuzzFlow turns bytes into rows: a page spec from the first three bytes,
// then a height byte and a flags byte per row.
func FuzzFlow(f *testing.F) {
	f.Add([]byte{10, 20, 150, 10, 0, 10, 2, 0, 1, 10, 0})
	f.Add([]byte{0, 0, 0, 99, 2, 99, 2, 99, 2, 99, 2})
	f.Add([]byte{5, 30, 60, 10, 0x10, 10, 0x12, 10, 0x52, 3, 0x0c, 10, 0x22, 10, 0x92, 10, 0x32})
	f.Add([]byte{40, 1, 200, 0, 0x0c, 0, 1, 20, 3, 0, 0, 60, 0xf2, 60, 0xf2, 60, 0xf2, 60, 0xf2})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 3 {
			return
		}
		top0 := 10 + float64(data[0]%50)
		topN := 10 + float64(data[1]%50)
		bottom := max(top0, topN) + 100 + float64(data[2])
		spec := PageSpec{Width: 600, Height: bottom + 40, Left: 3, Bottom: bottom, Top: func(i int) float64 {
			if i == 0 {
				return top0
			}
			return topN
		}}
		expanded := map[int][]float64{}
		var rows []Row
		var frame *Frame
		data = data[3:]
		for i := 0; i+1 < len(data) && len(rows) < 400; i += 2 {
			h, fl := data[i], data[i+1]
			r := mark(fmt.Sprint(len(rows)), float64(h%128))
			r.Gap = fl&1 != 0
			r.KeepWithPrev = fl&2 != 0
			if fl&0x0c == 0x0c {
				idx := len(rows)
				r.Spring = true
				r.Expand = func(h float64) []Op {
					expanded[idx] = append(expanded[idx], h)
					return nil
				}
			}
			switch (fl >> 4) & 3 {
			case 0:
				frame = nil
			case 2:
				fill := colour.Color{R: uint8(len(rows))}
				frame = &Frame{Fill: &fill, Pad: float64(fl>>6) * 3, W: 50}
			default:
				if frame == nil {
					fill := colour.Color{G: uint8(len(rows))}
					frame = &Frame{Fill: &fill, Pad: float64(fl>>6) * 3, W: 50}
				}
			}
			r.Frame = frame
			rows = append(rows, r)
		}
		pages, err := Flow(rows, spec)
		if err != nil {
			var tt *ErrTooTall
			if !errors.As(err, &tt) {
				t.Fatalf("Flow: unexpected error %v", err)
			}
			if tt.Height <= tt.Room {
				t.Fatalf("ErrTooTall for %.1f pt with room for %.1f", tt.Height, tt.Room)
			}
			return
		}
		if err := flowInvariants(rows, spec, pages, expanded); err != nil {
			rf := &randomFlow{rows: rows, spec: spec}
			t.Fatalf("%v\n%s\n%s", err, rf, Dump(pages, nil))
		}
	})
}
