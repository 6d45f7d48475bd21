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

// drawReader reads one page's painting back as a viewer would, one
// content-stream operator at a time.
type drawReader struct {
	c            *checker
	pageH        float64
	fonts, xobjs map[string]any
	out          PageDrawing
	stack        []mark // open marked content
	seq          int    // marked sequences opened so far
	gs           gstate
	saved        []gstate
	font         *fontInfo
	fontRes      string
	fontWidths   map[int]float64
	size, tx, ty float64
	path         [][2]float64 // points and control points
	rects        [][4]float64
	args         []any // the current operator's operands
}

// mark is an open marked-content sequence: its tag and its number.
type mark struct {
	tag string
	n   int
}

type gstate struct {
	fill, stroke string
	ctm          [6]float64
}

func (c *checker) newDrawReader(ref string) *drawReader {
	res := c.resources(ref)
	return &drawReader{
		c: c, pageH: c.pageHeight(ref), fonts: c.dict(res["/Font"]), xobjs: c.dict(res["/XObject"]),
		gs: gstate{fill: "#000000", stroke: "#000000", ctm: [6]float64{1, 0, 0, 1, 0, 0}},
	}
}

// pageHeight is the height of page ref's media box, inherited from the
// page tree.
func (c *checker) pageHeight(ref string) float64 {
	var box []float64
	for d, i := c.dict(ref), 0; d != nil && len(box) == 0 && i < 32; d, i = c.dict(d["/Parent"]), i+1 {
		box = c.fnums(d["/MediaBox"])
	}
	if len(box) == 4 {
		return box[3] - box[1]
	}
	return 0
}

func (d *drawReader) visit(op operator, args []any) {
	d.args = args
	switch op {
	case "BMC", "BDC":
		m := mark{}
		if len(args) > 0 {
			n, _ := args[0].(pdfName)
			m.tag = string(n)
		}
		d.seq++
		m.n = d.seq
		d.stack = append(d.stack, m)
	case "EMC":
		if len(d.stack) > 0 {
			d.stack = d.stack[:len(d.stack)-1]
		}
	case "q":
		d.saved = append(d.saved, d.gs)
	case "Q":
		if len(d.saved) > 0 {
			d.gs, d.saved = d.saved[len(d.saved)-1], d.saved[:len(d.saved)-1]
		}
	case "cm":
		d.transform()
	case "g", "rg":
		d.gs.fill = hexColour(d.comps())
	case "G", "RG":
		d.gs.stroke = hexColour(d.comps())
	case "BT":
		d.tx, d.ty = 0, 0
	case "Tf":
		d.setFont()
	case "Td":
		d.tx, d.ty = d.tx+d.argf(0), d.ty+d.argf(1)
	case "Tj":
		d.showText()
	case "Do":
		d.image()
	case "re":
		d.rects = append(d.rects, [4]float64{d.argf(0), d.argf(1), d.argf(2), d.argf(3)})
	case "m", "l":
		d.path = append(d.path, [2]float64{d.argf(0), d.argf(1)})
	case "c":
		for i := 0; i < 3; i++ {
			d.path = append(d.path, [2]float64{d.argf(2 * i), d.argf(2*i + 1)})
		}
	case "f", "F", "f*":
		d.paint(true, false)
	case "S", "s":
		d.paint(false, true)
	case "B", "B*", "b", "b*":
		d.paint(true, true)
	case "n":
		d.path, d.rects = d.path[:0], d.rects[:0]
	}
}

// argf is operand i as a number, or NaN.
func (d *drawReader) argf(i int) float64 {
	if i < len(d.args) {
		if f, ok := d.args[i].(float64); ok {
			return f
		}
	}
	return math.NaN()
}

// comps is the operands as a colour's components.
func (d *drawReader) comps() []float64 {
	var f []float64
	for i := range d.args {
		f = append(f, d.argf(i))
	}
	return f
}

// tag is the structure tag of the innermost marked content that is not a
// span, and its sequence's number.
func (d *drawReader) tag() (string, int) {
	for k := len(d.stack) - 1; k >= 0; k-- {
		if d.stack[k].tag != "" && d.stack[k].tag != "Span" {
			return d.stack[k].tag, d.stack[k].n
		}
	}
	return "", 0
}

// transform applies a cm to the current matrix.
func (d *drawReader) transform() {
	if len(d.args) != 6 {
		return
	}
	m := [6]float64{d.argf(0), d.argf(1), d.argf(2), d.argf(3), d.argf(4), d.argf(5)}
	o := d.gs.ctm
	d.gs.ctm = [6]float64{
		m[0]*o[0] + m[1]*o[2], m[0]*o[1] + m[1]*o[3],
		m[2]*o[0] + m[3]*o[2], m[2]*o[1] + m[3]*o[3],
		m[4]*o[0] + m[5]*o[2] + o[4], m[4]*o[1] + m[5]*o[3] + o[5],
	}
}

// setFont follows a Tf: the font, its widths and the size.
func (d *drawReader) setFont() {
	if len(d.args) < 2 {
		return
	}
	n, _ := d.args[0].(pdfName)
	d.fontRes = string(n)
	fr := d.fonts["/"+d.fontRes]
	d.font, d.fontWidths = nil, nil
	if fr != nil {
		d.font = d.c.font(fr)
		d.fontWidths = d.c.widths(fr)
	}
	d.size = d.argf(1)
}

// showText reads a Tj: its text, measured through the font's widths.
func (d *drawReader) showText() {
	if len(d.args) == 0 || d.font == nil {
		return
	}
	s, _ := d.args[0].([]byte)
	w, trail := 0.0, 0.0
	for _, b := range s {
		w += d.fontWidths[int(b)]
		if d.font.decode([]byte{b}) == " " {
			trail += d.fontWidths[int(b)]
		} else {
			trail = 0
		}
	}
	name := d.font.name
	if i := strings.IndexByte(name, '+'); i == 6 {
		name = name[i+1:]
	}
	t, n := d.tag()
	d.out.Ops = append(d.out.Ops, Drawn{Kind: "text", X: d.tx, Y: d.pageH - d.ty, W: (w - trail) * d.size / 1000, Advance: w * d.size / 1000, Tag: t, mc: n,
		Font: name, Size: d.size, Text: d.font.decode(s), Fill: d.gs.fill, Res: d.fontRes})
}

// image reads a Do: the form's box through the current matrix.
func (d *drawReader) image() {
	if len(d.args) == 0 {
		return
	}
	n, _ := d.args[0].(pdfName)
	bb := d.c.fnums(d.c.dict(d.xobjs["/"+string(n)])["/BBox"])
	if len(bb) != 4 {
		return
	}
	m := d.gs.ctm
	w, h := m[0]*(bb[2]-bb[0]), m[3]*(bb[3]-bb[1])
	x, y := m[4]+m[0]*bb[0], m[5]+m[3]*bb[1]
	t, k := d.tag()
	d.out.Ops = append(d.out.Ops, Drawn{Kind: "image", X: x, Y: d.pageH - y - h, W: w, H: h, Tag: t, mc: k})
}

// paint reads the current path's rectangles and outline as painted, then
// starts a new path.
func (d *drawReader) paint(fill, stroke bool) {
	t, n := d.tag()
	p := Drawn{Tag: t, mc: n}
	if fill {
		p.Fill = d.gs.fill
	}
	if stroke {
		p.Stroke = d.gs.stroke
	}
	for _, r := range d.rects {
		e := p
		e.Kind, e.X, e.Y, e.W, e.H = "rect", r[0], d.pageH-r[1]-r[3], r[2], r[3]
		if r[3] < 0 {
			e.Y, e.H = d.pageH-r[1], -r[3]
		}
		d.out.Ops = append(d.out.Ops, e)
	}
	if path := d.path; len(path) > 0 {
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range path {
			minX, maxX = min(minX, p[0]), max(maxX, p[0])
			minY, maxY = min(minY, p[1]), max(maxY, p[1])
		}
		e := p
		if len(path) == 2 && !fill {
			e.Kind = "line"
			e.X, e.Y = path[0][0], d.pageH-path[0][1]
			e.W, e.H = path[1][0]-path[0][0], path[0][1]-path[1][1]
		} else {
			e.Kind, e.X, e.Y, e.W, e.H = "rect", minX, d.pageH-maxY, maxX-minX, maxY-minY
			e.Folded = folds(path)
		}
		d.out.Ops = append(d.out.Ops, e)
	}
	d.path, d.rects = d.path[:0], d.rects[:0]
}

// finish joins a line's runs and adds page ref's links.
func (d *drawReader) finish(ref string) PageDrawing {
	d.out.Ops = mergeRuns(d.out.Ops)
	d.out.Links = d.c.links(ref, d.pageH)
	return d.out
}

// links reads page ref's link annotations, top-left origin.
func (c *checker) links(ref string, pageH float64) []Link {
	var out []Link
	for _, a := range c.array(c.dict(ref)["/Annots"]) {
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
		out = append(out, Link{X: r[0], Y: pageH - r[3], W: r[2] - r[0], H: r[3] - r[1], URI: uri})
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
