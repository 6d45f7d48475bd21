package layout

import (
	"errors"
	"strings"
)

// Concat joins laid-out documents into one, for printing a visit's stack
// of handouts as one job. Each keeps its own pages, furniture and "Page n of
// N" numbering, so every handout starts on a new page and still reads as a
// whole when the stack is separated. Their structure trees join under one
// root, and each document gets a top-level bookmark with its own bookmarks
// nested under it. The documents must share a page size; each keeps its
// own fonts (a Russian or Arabic handout's pages in its script's family,
// an English one's in the brand's): a page set in another family than the
// first document's carries it (Page.Fonts). The documents are not changed.
func Concat(docs []*Document) (*Document, error) {
	if len(docs) == 0 {
		return nil, errors.New("nothing to join")
	}
	if len(docs) == 1 {
		return docs[0], nil
	}
	first := docs[0]
	out := &Document{Width: first.Width, Height: first.Height, Fonts: first.Fonts, Tree: NewTree(), Meta: first.Meta}
	var titles []string
	for _, d := range docs {
		if d.Width != first.Width || d.Height != first.Height {
			return nil, errors.New("the documents of a packet must share a page size")
		}
		// Element i of d's tree becomes element i+offset; its root (0)
		// becomes the packet's root, and NoStruct on an op (an artifact) stays so.
		offset := len(out.Tree.Structs) - 1
		remap := func(i int) int {
			if i == NoStruct {
				return NoStruct
			}
			return i + offset
		}
		for _, s := range d.Tree.Structs[1:] {
			if s.Parent == 0 && d.Meta.Lang != out.Meta.Lang && s.Lang == "" {
				s.Lang = d.Meta.Lang // a screen reader switches voice here
			}
			s.Parent = remap(s.Parent)
			out.Tree.Structs = append(out.Tree.Structs, s)
		}
		for i, p := range d.Pages {
			ops := make([]Op, 0, len(p.Ops)+1)
			if i == 0 {
				ops = append(ops, Op{Kind: BookmarkOp, Text: d.Meta.Title, Level: 0})
			}
			for _, op := range p.Ops {
				op.Struct = remap(op.Struct)
				if op.Kind == BookmarkOp {
					op.Level++
				}
				ops = append(ops, op)
			}
			p.Ops = ops
			if p.Fonts == nil && d.Fonts != first.Fonts {
				p.Fonts = d.Fonts
			}
			out.Pages = append(out.Pages, p)
		}
		titles = append(titles, d.Meta.Title)
	}
	out.Meta.Title = strings.Join(titles, "; ")
	out.Meta.Keywords = ""
	return out, nil
}
