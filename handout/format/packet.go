package format

import (
	"errors"
	"strings"

	"handouts/handout/layout"
)

// Packet joins laid-out documents into one, for printing a visit's stack of
// handouts as one job. Each keeps its own pages, furniture and "Page n of
// N" numbering, so every handout still starts on a new page and reads as a
// whole when the stack is separated. Their structure trees are joined under
// one root and each gets a top-level bookmark with its sections under it.
// Every document must be set on the same paper with the same fonts.
func Packet(docs []*Document) (*Document, error) {
	if len(docs) == 0 {
		return nil, errors.New("a packet needs at least one handout")
	}
	if len(docs) == 1 {
		return docs[0], nil
	}
	first := docs[0]
	out := &Document{Kind: first.Kind, Paper: first.Paper, Fonts: first.Fonts, Body: first.Body, Tree: layout.NewTree()}
	var titles []string
	for _, d := range docs {
		if d.Paper != first.Paper || d.Fonts != first.Fonts {
			return nil, errors.New("the handouts of a packet must share paper and fonts")
		}
		// Element i of d's tree becomes element i+offset; its root (0)
		// becomes the packet's root, and 0 on an op (an artifact) stays 0.
		offset := len(out.Tree.Structs) - 1
		remap := func(i int) int {
			if i == 0 {
				return 0
			}
			return i + offset
		}
		for _, s := range d.Tree.Structs[1:] {
			s.Parent = remap(s.Parent)
			out.Tree.Structs = append(out.Tree.Structs, s)
		}
		for i, p := range d.Pages {
			ops := make([]layout.Op, 0, len(p.Ops)+1)
			if i == 0 {
				ops = append(ops, layout.Op{Kind: layout.BookmarkOp, Text: d.Meta.Title, Level: 0})
			}
			for _, op := range p.Ops {
				op.Struct = remap(op.Struct)
				if op.Kind == layout.BookmarkOp {
					op.Level++
				}
				ops = append(ops, op)
			}
			p.Ops = ops
			out.Pages = append(out.Pages, p)
		}
		out.Notes = append(out.Notes, d.Notes...)
		titles = append(titles, d.Meta.Title)
	}
	out.Meta = first.Meta
	out.Meta.Title = strings.Join(titles, "; ")
	out.Meta.Subject = first.Meta.Subject
	out.Meta.Keywords = ""
	return out, nil
}
