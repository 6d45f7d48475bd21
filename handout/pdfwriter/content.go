package pdfwriter

import (
	"math"
	"strconv"

	"handouts/handout/colour"
)

// pageStream is one page's content stream, written here rather than through
// fpdf: fpdf formats every operator with Sprintf, copies the stream into
// its output, and needs fonts registered through JSON definitions it
// parses again. assemble puts these streams in place of fpdf's own, which
// hold only fpdf's page set-up.
//
// The page's origin is its top left, y growing down, as layout places
// things; PDF's is the bottom left.
type pageStream struct {
	b     []byte
	pageH float64
}

// num appends v with at most prec decimals and no trailing zeros: the
// stream is compressed, and shorter numbers compress faster.
func (c *pageStream) num(v float64, prec int) {
	start := len(c.b)
	c.b = strconv.AppendFloat(c.b, v, 'f', prec, 64)
	if prec > 0 {
		end := len(c.b)
		for c.b[end-1] == '0' {
			end--
		}
		if c.b[end-1] == '.' {
			end--
		}
		c.b = c.b[:end]
	}
	if string(c.b[start:]) == "-0" {
		c.b = append(c.b[:start], '0')
	}
}

// point appends x and y in PDF coordinates, then op.
func (c *pageStream) point(x, y float64, prec int, op string) {
	c.num(x, prec)
	c.b = append(c.b, ' ')
	c.num(c.pageH-y, prec)
	c.b = append(c.b, ' ')
	c.b = append(c.b, op...)
}

func (c *pageStream) op(s string) { c.b = append(c.b, s...) }

// colour sets the fill colour (which text is painted with too) or, with
// stroke, the stroking colour, each component to three decimals.
func (c *pageStream) colour(col colour.Color, stroke bool) {
	v := [3]uint8{col.R, col.G, col.B}
	n := 3
	if col.R == col.G && col.G == col.B {
		n = 1 // a grey
	}
	for _, x := range v[:n] {
		c.b = strconv.AppendFloat(c.b, float64(x)/255, 'f', 3, 64)
		c.b = append(c.b, ' ')
	}
	switch {
	case n == 1 && stroke:
		c.op("G\n")
	case n == 1:
		c.op("g\n")
	case stroke:
		c.op("RG\n")
	default:
		c.op("rg\n")
	}
}

// text shows encoded (one byte a character) at x, y on the baseline, in
// font at size; font is empty when it is the one already selected.
func (c *pageStream) text(x, y float64, font string, size float64, encoded []byte) {
	c.op("BT ")
	if font != "" {
		c.b = append(c.b, '/')
		c.op(font)
		c.b = append(c.b, ' ')
		c.num(size, 2)
		c.op(" Tf ")
	}
	c.point(x, y, 2, "Td ")
	c.b = appendLiteral(c.b, encoded)
	c.op(" Tj ET\n")
}

// paintOp is the operator that fills, strokes or does both.
func paintOp(fill, stroke bool) string {
	switch {
	case fill && stroke:
		return "B\n"
	case fill:
		return "f\n"
	}
	return "S\n"
}

func (c *pageStream) rect(x, y, w, h float64, paint string) {
	c.point(x, y, 2, "")
	c.num(w, 2)
	c.b = append(c.b, ' ')
	c.num(-h, 2)
	c.op(" re ")
	c.op(paint)
}

// roundedRect is a rectangle whose corners are quarter circles of radius
// r, each drawn as one Bézier curve.
func (c *pageStream) roundedRect(x, y, w, h, r float64, paint string) {
	r = min(r, w/2, h/2)
	k := r * 4 / 3 * (math.Sqrt2 - 1) // the control points' distance
	curve := func(x1, y1, x2, y2, x3, y3 float64) {
		c.point(x1, y1, 3, "")
		c.point(x2, y2, 3, "")
		c.point(x3, y3, 3, "c\n")
	}
	c.point(x+r, y, 3, "m\n")
	c.point(x+w-r, y, 3, "l\n")
	curve(x+w-r+k, y, x+w, y+r-k, x+w, y+r)
	c.point(x+w, y+h-r, 3, "l\n")
	curve(x+w, y+h-r+k, x+w-r+k, y+h, x+w-r, y+h)
	c.point(x+r, y+h, 3, "l\n")
	curve(x+r-k, y+h, x, y+h-r+k, x, y+h-r)
	c.point(x, y+r, 3, "l\n")
	curve(x, y+r-k, x+r-k, y, x+r, y)
	c.op("h ")
	c.op(paint)
}

func (c *pageStream) line(x1, y1, x2, y2 float64) {
	c.point(x1, y1, 2, "m ")
	c.point(x2, y2, 2, "l S\n")
}

func (c *pageStream) lineWidth(w float64) {
	c.num(w, 2)
	c.op(" w\n")
}

// image draws the form named name, whose own size is fw by fh, scaled to
// w by h with its top left at x, y.
func (c *pageStream) image(name string, fw, fh, x, y, w, h float64) {
	c.op("q ")
	c.num(w/fw, 5)
	c.op(" 0 0 ")
	c.num(h/fh, 5)
	c.b = append(c.b, ' ')
	c.point(x, y+h, 4, "cm /")
	c.op(name)
	c.op(" Do Q\n")
}
