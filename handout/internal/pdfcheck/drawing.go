package pdfcheck

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
)

// The drawing read back: what each page's content stream paints, in the
// coordinates layout places things in (origin at the top left, y growing
// down), so that a test can hold the written file to the layout that was
// meant. It reads what a viewer would: the font and size the last Tf set,
// the colour the last rg or g set, a path's outline, the image's matrix.

// Drawn is one painted thing.
type Drawn struct {
	Kind string // "text", "rect", "line" or "image"
	// X, Y is a text's baseline start, or a shape's top left; W is a
	// text's advance through the font's /Widths without its trailing
	// spaces (as layout measures a line), Advance with them.
	X, Y, W, H, Advance float64
	// Tag is the structure type of the marked content it is in, or
	// "Artifact".
	Tag  string
	Font string // the BaseFont without its subset tag
	Size float64
	Text string // through the font's ToUnicode map
	// Fill and Stroke are the colours painted with, "#RRGGBB", or "".
	Fill, Stroke string
	// Folded is set for a path that turns back on itself: a rounded
	// rectangle whose corner radius is more than half a side.
	Folded bool
	// Res is the font's resource name, which tells the runs of one
	// drawn line apart.
	Res string
	mc  int // the marked-content sequence it is in
}

// Link is a link annotation's rectangle, top-left origin, and its URI.
type Link struct {
	X, Y, W, H float64
	URI        string
}

// PageDrawing is one page read back.
type PageDrawing struct {
	Ops   []Drawn
	Links []Link
}

func (c *checker) fnum(v any) (float64, bool) {
	switch n := c.get(v).(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	}
	return 0, false
}

func (c *checker) fnums(v any) []float64 {
	var out []float64
	for _, e := range c.array(v) {
		f, _ := c.fnum(e)
		out = append(out, f)
	}
	return out
}

// widths returns a simple font's advance for each code, per 1000.
func (c *checker) widths(ref any) map[int]float64 {
	d := c.dict(ref)
	first, _ := c.num(d["/FirstChar"])
	m := map[int]float64{}
	for i, w := range c.fnums(d["/Widths"]) {
		m[first+i] = w
	}
	return m
}

func hexColour(comps []float64) string {
	v := func(f float64) int { return int(math.Round(f * 255)) }
	switch len(comps) {
	case 1:
		return fmt.Sprintf("#%02X%02X%02X", v(comps[0]), v(comps[0]), v(comps[0]))
	case 3:
		return fmt.Sprintf("#%02X%02X%02X", v(comps[0]), v(comps[1]), v(comps[2]))
	}
	return "?"
}

// drawing reads page ref (of height pageH) back.
func (c *checker) drawing(ref string) PageDrawing {
	pd := c.dict(ref)
	var box []float64
	for d, i := pd, 0; d != nil && len(box) == 0 && i < 32; d, i = c.dict(d["/Parent"]), i+1 {
		box = c.fnums(d["/MediaBox"]) // inherited from the page tree
	}
	pageH := 0.0
	if len(box) == 4 {
		pageH = box[3] - box[1]
	}
	var data []byte
	for _, s := range c.kids(pd["/Contents"]) {
		if st, ok := c.get(s).(*stream); ok {
			data = append(append(data, st.data...), '\n')
		}
	}
	res := c.resources(ref)
	fonts := c.dict(res["/Font"])
	xobjs := c.dict(res["/XObject"])
	var out PageDrawing
	type mark struct {
		tag string
		n   int
	}
	var stack []mark
	seq := 0
	tag := func() (string, int) {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].tag != "" && stack[k].tag != "Span" {
				return stack[k].tag, stack[k].n
			}
		}
		return "", 0
	}
	type gstate struct {
		fill, stroke string
		ctm          [6]float64
	}
	gs := gstate{fill: "#000000", stroke: "#000000", ctm: [6]float64{1, 0, 0, 1, 0, 0}}
	var saved []gstate
	var font *fontInfo
	var fontRes string
	var fontWidths map[int]float64
	var size, tx, ty float64
	var path [][2]float64 // points and control points
	var segs []string     // each point's operator
	var rects [][4]float64
	var args []any
	argf := func(i int) float64 {
		if i < len(args) {
			if f, ok := args[i].(float64); ok {
				return f
			}
		}
		return math.NaN()
	}
	comps := func() []float64 {
		var f []float64
		for i := range args {
			f = append(f, argf(i))
		}
		return f
	}
	paint := func(fill, stroke bool) {
		t, n := tag()
		d := Drawn{Tag: t, mc: n}
		if fill {
			d.Fill = gs.fill
		}
		if stroke {
			d.Stroke = gs.stroke
		}
		for _, r := range rects {
			e := d
			e.Kind, e.X, e.Y, e.W, e.H = "rect", r[0], pageH-r[1]-r[3], r[2], r[3]
			if r[3] < 0 {
				e.Y, e.H = pageH-r[1], -r[3]
			}
			out.Ops = append(out.Ops, e)
		}
		if len(path) > 0 {
			minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, p := range path {
				minX, maxX = min(minX, p[0]), max(maxX, p[0])
				minY, maxY = min(minY, p[1]), max(maxY, p[1])
			}
			e := d
			if len(path) == 2 && !fill {
				e.Kind = "line"
				e.X, e.Y = path[0][0], pageH-path[0][1]
				e.W, e.H = path[1][0]-path[0][0], path[0][1]-path[1][1]
			} else {
				e.Kind, e.X, e.Y, e.W, e.H = "rect", minX, pageH-maxY, maxX-minX, maxY-minY
				e.Folded = folds(path)
			}
			out.Ops = append(out.Ops, e)
		}
		path, segs, rects = path[:0], segs[:0], rects[:0]
	}
	l := &lexer{b: data}
	for {
		v, ok := l.next()
		if !ok {
			break
		}
		op, isOp := v.(operator)
		if !isOp {
			args = append(args, v)
			continue
		}
		switch op {
		case "BMC", "BDC":
			m := mark{}
			if len(args) > 0 {
				n, _ := args[0].(pdfName)
				m.tag = string(n)
			}
			seq++
			m.n = seq
			stack = append(stack, m)
		case "EMC":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case "q":
			saved = append(saved, gs)
		case "Q":
			if len(saved) > 0 {
				gs, saved = saved[len(saved)-1], saved[:len(saved)-1]
			}
		case "cm":
			if len(args) == 6 {
				m := [6]float64{argf(0), argf(1), argf(2), argf(3), argf(4), argf(5)}
				o := gs.ctm
				gs.ctm = [6]float64{
					m[0]*o[0] + m[1]*o[2], m[0]*o[1] + m[1]*o[3],
					m[2]*o[0] + m[3]*o[2], m[2]*o[1] + m[3]*o[3],
					m[4]*o[0] + m[5]*o[2] + o[4], m[4]*o[1] + m[5]*o[3] + o[5],
				}
			}
		case "g", "rg":
			gs.fill = hexColour(comps())
		case "G", "RG":
			gs.stroke = hexColour(comps())
		case "BT":
			tx, ty = 0, 0
		case "Tf":
			if len(args) >= 2 {
				n, _ := args[0].(pdfName)
				fontRes = string(n)
				fr := fonts["/"+fontRes]
				font, fontWidths = nil, nil
				if fr != nil {
					font = c.font(fr)
					fontWidths = c.widths(fr)
				}
				size = argf(1)
			}
		case "Td":
			tx, ty = tx+argf(0), ty+argf(1)
		case "Tj":
			if len(args) == 0 || font == nil {
				break
			}
			s, _ := args[0].([]byte)
			w, trail := 0.0, 0.0
			for _, b := range s {
				w += fontWidths[int(b)]
				if font.decode([]byte{b}) == " " {
					trail += fontWidths[int(b)]
				} else {
					trail = 0
				}
			}
			name := font.name
			if i := strings.IndexByte(name, '+'); i == 6 {
				name = name[i+1:]
			}
			t, n := tag()
			out.Ops = append(out.Ops, Drawn{Kind: "text", X: tx, Y: pageH - ty, W: (w - trail) * size / 1000, Advance: w * size / 1000, Tag: t, mc: n,
				Font: name, Size: size, Text: font.decode(s), Fill: gs.fill, Res: fontRes})
		case "Do":
			if len(args) == 0 {
				break
			}
			n, _ := args[0].(pdfName)
			bb := c.fnums(c.dict(xobjs["/"+string(n)])["/BBox"])
			if len(bb) != 4 {
				break
			}
			m := gs.ctm
			w, h := m[0]*(bb[2]-bb[0]), m[3]*(bb[3]-bb[1])
			x, y := m[4]+m[0]*bb[0], m[5]+m[3]*bb[1]
			t, k := tag()
			out.Ops = append(out.Ops, Drawn{Kind: "image", X: x, Y: pageH - y - h, W: w, H: h, Tag: t, mc: k})
		case "re":
			rects = append(rects, [4]float64{argf(0), argf(1), argf(2), argf(3)})
		case "m", "l":
			path = append(path, [2]float64{argf(0), argf(1)})
			segs = append(segs, string(op))
		case "c":
			for i := 0; i < 3; i++ {
				path = append(path, [2]float64{argf(2 * i), argf(2*i + 1)})
				segs = append(segs, "c")
			}
		case "f", "F", "f*":
			paint(true, false)
		case "S", "s":
			paint(false, true)
		case "B", "B*", "b", "b*":
			paint(true, true)
		case "n":
			path, segs, rects = path[:0], segs[:0], rects[:0]
		}
		args = args[:0]
	}
	out.Ops = mergeRuns(out.Ops)
	for _, a := range c.array(pd["/Annots"]) {
		ad := c.dict(a)
		if c.name(ad["/Subtype"]) != "Link" {
			continue
		}
		r := c.fnums(ad["/Rect"])
		if len(r) != 4 {
			continue
		}
		uri := c.text(c.dict(ad["/A"])["/URI"])
		if uri == "" { // a URI is a byte string, which qpdf may give as text
			uri, _ = c.get(c.dict(ad["/A"])["/URI"]).(string)
			uri = strings.TrimPrefix(uri, "u:")
		}
		out.Links = append(out.Links, Link{X: r[0], Y: pageH - r[3], W: r[2] - r[0], H: r[3] - r[1], URI: uri})
	}
	return out
}

// folds reports whether a closed outline turns back on itself: walking
// its points (control points included), the directions turn through more
// than one full circle. A rounded rectangle's outline turns through
// exactly one; one whose radius is past half a side reverses along that
// side.
func folds(path [][2]float64) bool {
	var dirs []float64
	for i := range path {
		a, b := path[i], path[(i+1)%len(path)]
		dx, dy := b[0]-a[0], b[1]-a[1]
		if math.Hypot(dx, dy) < 1e-6 {
			continue
		}
		dirs = append(dirs, math.Atan2(dy, dx))
	}
	turn := 0.0
	for i := range dirs {
		d := dirs[(i+1)%len(dirs)] - dirs[i]
		for d > math.Pi {
			d -= 2 * math.Pi
		}
		for d < -math.Pi {
			d += 2 * math.Pi
		}
		turn += math.Abs(d)
	}
	return turn > 2*math.Pi+0.01
}

// mergeRuns joins the pieces one line of text is written in: a line that
// needs characters beyond one simple font's 256 codes is shown as runs in
// several fonts of the same face, each starting where the last ends.
func mergeRuns(ops []Drawn) []Drawn {
	var out []Drawn
	for _, d := range ops {
		if n := len(out); n > 0 && d.Kind == "text" {
			p := &out[n-1]
			if p.Kind == "text" && p.mc == d.mc && p.Res != d.Res && p.Size == d.Size &&
				style(p.Font) == style(d.Font) && math.Abs(p.Y-d.Y) < 0.005 && math.Abs(p.X+p.Advance-d.X) < 0.02 {
				p.Text += d.Text
				p.W, p.Advance = d.X+d.W-p.X, d.X+d.Advance-p.X
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// style is the style suffix of a font name: "Regular", "Bold"….
func style(name string) string {
	if i := strings.LastIndexByte(name, '-'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// Style is the style a BaseFont names by its suffix, as a number in the
// order regular, bold, italic, bold italic; -1 for none of them.
func Style(name string) int {
	switch style(name) {
	case "Regular":
		return 0
	case "Bold":
		return 1
	case "Italic":
		return 2
	case "BoldItalic":
		return 3
	}
	return -1
}
