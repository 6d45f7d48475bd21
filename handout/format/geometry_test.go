package format

import (
	"fmt"
	"math"
	"testing"

	"handouts/handout/layout"
)

// Where things sit is held by rules rather than by coordinates in golden
// files (structure_test.go): a spacing change that keeps the rules needs
// no golden rewritten, and one that breaks them names the page and the
// text. The rules hold for every golden case:
//
//   - margins: everything drawn lies inside the page's margins (the
//     smallest, the summary's 0.65 in), text from its capitals' tops to
//     its baseline;
//   - the column: body text lies inside the theme's text column;
//   - boxes: text in a tinted box or the header band lies inside it;
//   - no overlaps: no two pieces of text, and no text and an image, share
//     the same place;
//   - reading order: an element's lines go down the page, each at least
//     its type size below the one before, pieces of a line left to right;
//     a column's top is the one place where the next line sits higher.
func TestGeometryRules(t *testing.T) {
	for _, d := range composeAll(t) {
		var th *Theme
		if d.kind == Summary {
			th = summaryTheme(d.h, d.c.brand(t), labelsFor(d.h), d.c.opt, d.doc.Body)
		} else {
			th = NewTheme(d.c.brand(t), labelsFor(d.h), d.c.opt, d.doc.Body)
		}
		for pi, p := range d.doc.Pages {
			for _, problem := range geometryProblems(d, th, p) {
				t.Errorf("%s page %d: %s", d.name, pi+1, problem)
			}
		}
	}
}

// textBox is where a text op's letters can reach: from its ascender to its
// descender, across its width.
func textBox(d composed, op layout.Op) (x0, y0, x1, y1 float64) {
	face := d.doc.Fonts.Face(op.Font)
	return op.X, op.Y - face.Ascent*op.Size/1000, op.X + op.W, op.Y - face.Descent*op.Size/1000
}

// geometryProblems breaks the rules down for one page; th is the theme the
// document was set with.
func geometryProblems(d composed, th *Theme, p layout.Page) []string {
	var out []string
	add := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	W, H := d.doc.Paper.W, d.doc.Paper.H
	const m = summaryMargin // the smallest margin of any format
	const eps = 0.01

	var texts []layout.Op
	var boxes, images []layout.Op
	for _, op := range p.Ops {
		switch op.Kind {
		case layout.TextOp:
			if op.Text == "" {
				continue
			}
			texts = append(texts, op)
			// Type is set on the margins by its capitals and baseline: an
			// accent or a descender may reach a point or two past them.
			capTop := op.Y - float64(d.doc.Fonts.Face(op.Font).CapHeight)*op.Size/1000
			if op.X < m-eps || op.X+op.W > W-m+eps || capTop < m-eps || op.Y > H-m+eps {
				add("%q (x %.1f–%.1f, capitals to baseline y %.1f–%.1f) is outside the %.0f×%.0f page's margins", op.Text, op.X, op.X+op.W, capTop, op.Y, W, H)
			}
			if role(d.doc, op) == layout.Paragraph && (op.X < th.Left-eps || op.X+op.W > th.Left+th.Width+eps) {
				add("body text %q (x %.1f–%.1f) is outside the text column (%.1f–%.1f)", op.Text, op.X, op.X+op.W, th.Left, th.Left+th.Width)
			}
		case layout.RectOp, layout.ImageOp, layout.LineOp:
			x0, x1 := math.Min(op.X, op.X+op.W), math.Max(op.X, op.X+op.W)
			y0, y1 := math.Min(op.Y, op.Y+op.H), math.Max(op.Y, op.Y+op.H)
			if x0 < m-eps || x1 > W-m+eps || y0 < m-eps || y1 > H-m+eps {
				add("a %s (x %.1f–%.1f, y %.1f–%.1f) is outside the page's margins", kindName(op.Kind), x0, x1, y0, y1)
			}
			if op.Kind == layout.ImageOp {
				images = append(images, op)
			}
			if op.Kind == layout.RectOp && op.Fill != nil && op.W > 20 && op.H > 20 && role(d.doc, op) != layout.Figure {
				boxes = append(boxes, op)
			}
		}
	}

	// Boxes hold the text that starts in them.
	for _, b := range boxes {
		for _, op := range texts {
			if op.Y <= b.Y || op.Y >= b.Y+b.H || op.X < b.X || op.X >= b.X+b.W {
				continue
			}
			x0, y0, x1, y1 := textBox(d, op)
			if x1 > b.X+b.W+eps || y0 < b.Y-eps || y1 > b.Y+b.H+eps {
				add("%q (x %.1f–%.1f, y %.1f–%.1f) runs out of its box (x %.1f–%.1f, y %.1f–%.1f)", op.Text, x0, x1, y0, y1, b.X, b.X+b.W, b.Y, b.Y+b.H)
			}
		}
	}

	// No two pieces of text overlap: where they share some width, their
	// baselines are at least most of a line apart.
	for i, a := range texts {
		for _, b := range texts[i+1:] {
			shared := math.Min(a.X+a.W, b.X+b.W) - math.Max(a.X, b.X)
			if shared > 0.5 && math.Abs(a.Y-b.Y) < 0.75*math.Max(a.Size, b.Size) {
				add("%q and %q overlap (x %.1f and %.1f, baselines %.1f and %.1f)", a.Text, b.Text, a.X, b.X, a.Y, b.Y)
			}
		}
		for _, img := range images {
			x0, y0, x1, y1 := textBox(d, a)
			if math.Min(x1, img.X+img.W)-math.Max(x0, img.X) > 0.5 && math.Min(y1, img.Y+img.H)-math.Max(y0, img.Y) > 0.5 {
				add("%q overlaps an image (x %.1f–%.1f, y %.1f–%.1f)", a.Text, img.X, img.X+img.W, img.Y, img.Y+img.H)
			}
		}
	}

	// Reading order: an element's text goes down its column.
	last := map[int]layout.Op{}
	for _, op := range texts {
		if op.Struct <= 0 {
			continue
		}
		prev, ok := last[op.Struct]
		last[op.Struct] = op
		switch {
		case !ok:
		case math.Abs(op.Y-prev.Y) < eps: // the next piece of the same line
			if op.X < prev.X+prev.W-0.5 {
				add("%q is set before %q on their line (x %.1f < %.1f)", op.Text, prev.Text, op.X, prev.X+prev.W)
			}
		case op.Y > prev.Y:
			if op.Y-prev.Y < math.Min(op.Size, prev.Size)-eps {
				add("%q is %.1f pt below %q, closer than its %.1f pt type", op.Text, op.Y-prev.Y, prev.Text, op.Size)
			}
		case op.X > prev.X+prev.W: // up to the top of the next column
		default:
			add("%q (baseline %.1f) comes after %q (baseline %.1f) but sits above it in the same column", op.Text, op.Y, prev.Text, prev.Y)
		}
	}
	return out
}

func kindName(k layout.Kind) string {
	switch k {
	case layout.RectOp:
		return "rectangle"
	case layout.ImageOp:
		return "image"
	case layout.LineOp:
		return "rule"
	}
	return "shape"
}
