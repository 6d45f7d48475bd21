package format

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/layout"
)

// structure is what a golden file holds of a laid-out document: its
// structure, in reading order, with each element's text and fonts, the
// furniture of its pages and its outline, and no coordinates. A change of
// spacing or fitting moves text on the page but rewrites at most the few
// lines that name a size, a page count or a page's furniture; where things
// sit is held by rules (geometry_test.go), and that the PDF draws them
// where the layout put them by pdfwriter's read-back test.
//
// The lines are:
//
//	guide: 4 pages                      the format and its page count
//	sizes: h2 14.04; p 13.00 …          each role's type sizes, in first use
//	h1 **"Who it helps"**               an element: its role, then its text,
//	  p "Text with *italic* words"      bold as **…**, italic as *…*; the
//	  link <https://…> "words"          children indented under it
//	figure alt="…" image                a figure: its alt text and drawing
//	furniture, page 1:                  the page's artifacts: text, rules,
//	  text **"Clinic name"**            boxes (by colour) and images, in
//	  rect fill=#FBF0E0                 drawing order; a page number's
//	  text "Page # of #"                digits as #; later pages that are
//	furniture, pages 2-4:               alike are listed once
//	outline:                            the bookmarks, by level
//	  Group therapy
func structure(doc *Composed, lab *labels.Labels) string {
	tree := doc.Tree
	if tree == nil {
		tree = layout.NewTree()
	}
	n := len(tree.Structs)
	// Each element's text ops and link targets, in page order.
	texts := make([][]layout.Op, n)
	links := make([][]string, n)
	drawn := make([][]string, n) // a figure's image or QR code
	var sizeOrder []string
	sizes := map[string][]float64{}
	noteSize := func(role string, size float64) {
		if _, ok := sizes[role]; !ok {
			sizeOrder = append(sizeOrder, role)
		}
		if !slices.Contains(sizes[role], size) {
			sizes[role] = append(sizes[role], size)
		}
	}
	var furniture []string // per page
	var outline []string
	for pi, p := range doc.Pages {
		pageNumber := lab.Page(pi+1, len(doc.Pages))
		var f strings.Builder
		var line []layout.Op   // the artifact text on one baseline
		var lineLinks []string // and the links over it
		flush := func() {
			if len(line) == 0 {
				return
			}
			// Pieces apart on the line (a footer's date and page number)
			// are set apart by " | ".
			var parts []string
			from := 0
			for k := 1; k <= len(line); k++ {
				if k == len(line) || math.Abs(line[k].X-(line[k-1].X+line[k-1].W)) > 1 {
					parts = append(parts, styled(line[from:k]))
					from = k
				}
			}
			f.WriteString("  text " + strings.Join(parts, " | "))
			for _, u := range lineLinks {
				f.WriteString(" <" + u + ">")
			}
			f.WriteByte('\n')
			line, lineLinks = nil, nil
		}
		modules := 0
		for _, op := range p.Ops {
			st := op.Struct
			if st < 0 || st >= n {
				st = 0
			}
			role := tree.Structs[st].Role
			if op.Kind == layout.RectOp && role == layout.Figure && op.Fill != nil && *op.Fill == (colour.Color{}) {
				modules++
				continue
			}
			if modules > 0 {
				drawn[st] = append(drawn[st], fmt.Sprintf("QR code (%d dark module runs)", modules))
				modules = 0
			}
			if op.Kind == layout.BookmarkOp {
				outline = append(outline, strings.Repeat("  ", op.Level+1)+op.Text)
				continue
			}
			if op.Kind == layout.TextOp {
				name := role.String()
				if st == 0 {
					name = "furniture"
				}
				noteSize(name, op.Size)
			}
			if st != 0 {
				switch op.Kind {
				case layout.TextOp:
					texts[st] = append(texts[st], op)
				case layout.LinkOp:
					if !slices.Contains(links[st], op.URL) {
						links[st] = append(links[st], op.URL)
					}
				case layout.ImageOp:
					drawn[st] = append(drawn[st], "image")
				}
				continue
			}
			if op.Kind == layout.TextOp {
				if op.Text == pageNumber {
					op.Text = numberMask.Replace(op.Text)
				}
				if len(line) > 0 && (op.Y != line[0].Y || op.Artifact != line[0].Artifact) {
					flush()
				}
				line = append(line, op)
				continue
			}
			if op.Kind == layout.LinkOp && len(line) > 0 {
				lineLinks = append(lineLinks, op.URL)
				continue
			}
			flush()
			switch op.Kind {
			case layout.RectOp:
				fmt.Fprintf(&f, "  rect%s\n", paint(op))
			case layout.LineOp:
				fmt.Fprintf(&f, "  line%s\n", paint(op))
			case layout.ImageOp:
				fmt.Fprintf(&f, "  image\n")
			case layout.LinkOp:
				fmt.Fprintf(&f, "  link <%s>\n", op.URL)
			}
		}
		flush()
		if modules > 0 {
			drawn[0] = append(drawn[0], fmt.Sprintf("QR code (%d dark module runs)", modules))
		}
		furniture = append(furniture, f.String())
	}

	var b strings.Builder
	pages := "pages"
	if len(doc.Pages) == 1 {
		pages = "page"
	}
	fmt.Fprintf(&b, "%s: %d %s\n", doc.Kind, len(doc.Pages), pages)
	b.WriteString("sizes:")
	for i, role := range sizeOrder {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(" " + role)
		for _, s := range sizes[role] {
			fmt.Fprintf(&b, " %.2f", s)
		}
	}
	b.WriteByte('\n')

	// The elements, depth first in the order they were made (the reading
	// order the writer tags).
	kids := make([][]int, n)
	for i := 1; i < n; i++ {
		if p := tree.Structs[i].Parent; p >= 0 && p < i {
			kids[p] = append(kids[p], i)
		}
	}
	var walk func(i, depth int)
	walk = func(i, depth int) {
		s := tree.Structs[i]
		b.WriteString(strings.Repeat("  ", depth) + s.Role.String())
		if s.Lang != "" {
			fmt.Fprintf(&b, " lang=%s", s.Lang)
		}
		if s.Numbering != layout.NoNumbering {
			fmt.Fprintf(&b, " numbering=%s", s.Numbering)
		}
		if s.Role == layout.Figure {
			fmt.Fprintf(&b, " alt=%q", s.Alt)
		}
		for _, u := range links[i] {
			fmt.Fprintf(&b, " <%s>", u)
		}
		for _, d := range drawn[i] {
			b.WriteString(" " + d)
		}
		if len(texts[i]) > 0 {
			b.WriteString(" " + styled(texts[i]))
		}
		b.WriteByte('\n')
		for _, k := range kids[i] {
			walk(k, depth+1)
		}
	}
	for _, k := range kids[0] {
		walk(k, 0)
	}
	for _, d := range drawn[0] {
		b.WriteString(d + "\n")
	}

	for i := 0; i < len(furniture); {
		j := i + 1
		for j < len(furniture) && furniture[j] == furniture[i] {
			j++
		}
		if j-i == 1 {
			fmt.Fprintf(&b, "furniture, page %d:\n", i+1)
		} else {
			fmt.Fprintf(&b, "furniture, pages %d-%d:\n", i+1, j)
		}
		b.WriteString(furniture[i])
		i = j
	}
	if len(outline) > 0 {
		b.WriteString("outline:\n")
		for _, o := range outline {
			b.WriteString(o + "\n")
		}
	}
	return b.String()
}

// styled is the text of ops run together, quoted, with bold marked **…**
// and italic *…*.
func styled(ops []layout.Op) string {
	var b strings.Builder
	var run strings.Builder
	cur := fontset.Style(-1)
	end := func() {
		if run.Len() == 0 {
			return
		}
		s := run.String()
		core := strings.TrimRight(s, " ")
		mark := map[fontset.Style]string{fontset.Bold: "**", fontset.Italic: "*", fontset.BoldItalic: "***"}[cur]
		if core != "" {
			b.WriteString(mark + core + mark)
		}
		b.WriteString(s[len(core):])
		run.Reset()
	}
	for _, op := range ops {
		if op.Font != cur {
			end()
			cur = op.Font
		}
		run.WriteString(op.Text)
	}
	end()
	return fmt.Sprintf("%q", strings.TrimSpace(b.String()))
}

// numberMask writes a page number's digits as #, so that the furniture of
// page 2 of 3 reads as that of page 3 of 4.
var numberMask = strings.NewReplacer("0", "#", "1", "#", "2", "#", "3", "#", "4", "#", "5", "#", "6", "#", "7", "#", "8", "#", "9", "#")

func paint(op layout.Op) string {
	var s string
	if op.Fill != nil {
		s += " fill=" + op.Fill.String()
	}
	if op.Stroke != nil {
		s += " stroke=" + op.Stroke.String()
	}
	return s
}
