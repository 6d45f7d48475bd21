package layout

import (
	"fmt"
	"strings"

	"handouts/handout/colour"
)

// Dump writes pages as stable text, one line per op: the page, the op kind,
// its position and size in points (one decimal), its structure role and, for
// text, the font, size and words. Golden tests compare dumps rather than PDF
// bytes, so they pin the layout decisions and survive library upgrades.
func Dump(pages []Page, tree *Tree) string {
	var b strings.Builder
	for i, p := range pages {
		fmt.Fprintf(&b, "page %d/%d\n", i+1, len(pages))
		modules := 0 // a QR code's squares are summarised, not listed
		for _, op := range p.Ops {
			role := Artifact
			if tree != nil && tree.Has(op.Struct) {
				role = tree.Structs[op.Struct].Role
			}
			if op.Kind == RectOp && role == Figure && op.Fill != nil && *op.Fill == (colour.Color{}) {
				modules++
				continue
			}
			if modules > 0 {
				fmt.Fprintf(&b, "  (%d dark module runs)\n", modules)
				modules = 0
			}
			switch op.Kind {
			case TextOp:
				fmt.Fprintf(&b, "  text  %6.1f %6.1f w=%.1f %-8s f%d %.2fpt %q\n", op.X, op.Y, op.W, role, op.Font, op.Size, strings.TrimRight(op.Text, " "))
			case RectOp:
				fill := "-"
				if op.Fill != nil {
					fill = op.Fill.String()
				}
				fmt.Fprintf(&b, "  rect  %6.1f %6.1f w=%.1f h=%.1f %-8s fill=%s\n", op.X, op.Y, op.W, op.H, role, fill)
			case LineOp:
				fmt.Fprintf(&b, "  line  %6.1f %6.1f w=%.1f h=%.1f %s\n", op.X, op.Y, op.W, op.H, role)
			case ImageOp:
				fmt.Fprintf(&b, "  image %6.1f %6.1f w=%.1f h=%.1f %s\n", op.X, op.Y, op.W, op.H, role)
			case LinkOp:
				fmt.Fprintf(&b, "  link  %6.1f %6.1f w=%.1f h=%.1f %s\n", op.X, op.Y, op.W, op.H, op.URL)
			case BookmarkOp:
				fmt.Fprintf(&b, "  mark  %6.1f level=%d %q\n", op.Y, op.Level, op.Text)
			}
		}
	}
	return b.String()
}
