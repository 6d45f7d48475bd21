package pdfwriter

import (
	"fmt"
	"strings"

	"handouts/handout/layout"
)

// Tagged PDF. Every painting op is drawn inside a marked-content sequence:
// either an artifact, or a sequence with an MCID that the structure tree
// claims for the op's element. Consecutive ops of one element on one page
// share a sequence; a sequence never spans pages, so an element that goes
// on to the next page gets a second MCID there.
//
// The tree written is the layout's tree, pruned to the elements that hold
// content, with each element's kids (its own marked content, its child
// elements, its link annotations) in the order they are drawn. Formats draw
// in reading order, so that is the reading order; the structural tests
// check that the two agree.

// structType is the standard structure type of a role, or "" for a role
// it does not know, which the writer refuses rather than guess. Headings
// are resolved separately (see headingLevels).
func structType(r layout.Role) string {
	switch r {
	case layout.DocumentRoot:
		return "Document"
	case layout.Title:
		return "H1"
	case layout.Heading1:
		return "H2"
	case layout.Heading2:
		return "H3"
	case layout.Subtitle, layout.Paragraph, layout.SmallPrint, layout.Letterhead:
		return "P"
	case layout.List:
		return "L"
	case layout.ListItem:
		return "LI"
	case layout.Label:
		return "Lbl"
	case layout.ListBody, layout.Reference:
		return "LBody"
	case layout.Link:
		return "Link"
	case layout.Figure:
		return "Figure"
	case layout.Aside:
		return "Sect"
	}
	return "" // a role with no type: assemble refuses it
}

// mcKey says what a marked-content sequence belongs to: an element of
// the tree, or an artifact kind.
type mcKey struct {
	st  int
	art layout.ArtifactKind
}

// kid is one child of a structure element: a marked-content sequence
// (page, mcid), a child element (elem >= 0), or a link annotation (annot
// >= 0).
type kid struct {
	page, mcid int
	elem       int
	annot      int
}

type elem struct {
	used   bool // has content, or a descendant has
	parent int
	kids   []kid
}

// annot is a link annotation, written as an indirect object so that its
// OBJR can point at it.
type annot struct {
	page       int
	x, y, w, h float64 // in layout coordinates, y down
	url        string
	st         int // its Link element
}

// tagger follows the drawing and records the structure it implies.
type tagger struct {
	tree   *layout.Tree
	types  []string // each element's structure type
	elems  []elem
	pages  [][]int // per page, the element of each MCID
	annots []annot
	page   int
	open   bool
	cur    mcKey
	// footLinks are the footer's link annotations: their text is
	// pagination, but a link must still be in the tree, so each gets a
	// Link element of its own at the end of the document.
	footLinks []int
	err       error
}

func newTagger(tree *layout.Tree) *tagger {
	t := &tagger{tree: tree, types: headingLevels(tree), elems: make([]elem, len(tree.Structs)), page: -1}
	t.elems[0].used = true
	return t
}

// startPage begins page i's marks.
func (t *tagger) startPage() {
	t.page++
	t.pages = append(t.pages, nil)
	t.open = false
}

// mark returns the operators that must precede op on the page: closing
// the sequence open before it and opening its own. It is called only for
// ops that paint.
func (t *tagger) mark(op layout.Op) string {
	k := mcKey{st: op.Struct}
	if !t.tree.Has(op.Struct) {
		if op.InTree() || op.Artifact == layout.NotArtifact {
			t.fail(op)
			k = mcKey{art: layout.Decoration}
		} else {
			k = mcKey{art: op.Artifact}
		}
	}
	if t.open && k == t.cur {
		return ""
	}
	var b strings.Builder
	if t.open {
		b.WriteString("EMC\n")
	}
	t.open, t.cur = true, k
	switch {
	case k.art == layout.Pagination:
		b.WriteString("/Artifact <</Type /Pagination>> BDC")
	case k.art != layout.NotArtifact:
		b.WriteString("/Artifact BMC")
	default:
		mcid := len(t.pages[t.page])
		t.pages[t.page] = append(t.pages[t.page], k.st)
		t.add(k.st, kid{page: t.page, mcid: mcid, elem: -1, annot: -1})
		fmt.Fprintf(&b, "/%s <</MCID %d>> BDC", t.types[k.st], mcid)
	}
	return b.String()
}

// endPage returns what closes the page's last sequence.
func (t *tagger) endPage() string {
	if !t.open {
		return ""
	}
	t.open = false
	return "EMC"
}

func (t *tagger) fail(op layout.Op) {
	if t.err == nil {
		t.err = fmt.Errorf("a %s op on page %d has no structure role (neither an element of the tree nor an artifact): every drawn op must be one, or a screen reader misses it", opKind(op.Kind), t.page+1)
	}
}

func opKind(k layout.Kind) string {
	return [...]string{"text", "rectangle", "line", "image", "link", "bookmark"}[k]
}

// link records a link annotation on the current page.
func (t *tagger) link(op layout.Op) {
	st := op.Struct
	if !t.tree.Has(st) {
		if op.InTree() || op.Artifact == layout.NotArtifact {
			t.fail(op)
			return
		}
		st = -1 // a footer link: its element is made at the end
	}
	a := len(t.annots)
	t.annots = append(t.annots, annot{page: t.page, x: op.X, y: op.Y, w: op.W, h: op.H, url: op.URL, st: st})
	if st < 0 {
		t.footLinks = append(t.footLinks, a)
		return
	}
	t.add(st, kid{elem: -1, annot: a})
}

// add appends k to element st and makes st, and every ancestor not yet
// seen, a kid of its parent: an element takes its place in its parent at
// its first content.
func (t *tagger) add(st int, k kid) {
	t.elems[st].kids = append(t.elems[st].kids, k)
	for n := st; n != 0 && !t.elems[n].used; {
		t.elems[n].used = true
		p := t.tree.Structs[n].Parent
		if p < 0 || p >= len(t.elems) || p == n {
			p = 0
		}
		t.elems[n].parent = p
		t.elems[p].kids = append(t.elems[p].kids, kid{elem: n, annot: -1})
		n = p
	}
}

// headingLevels resolves the layout's two heading roles to PDF levels in
// the order the formats made them, which is reading order, so that levels
// never skip: section headings (Heading1) are H2 under the title's H1; a
// Heading2 is H3 beneath a section heading (the FAQ's questions in a
// guide) and H2 where it stands at the top level (a box title, the
// summary's brief headings, an FAQ sheet's questions).
func headingLevels(tree *layout.Tree) []string {
	const (
		title = iota
		section
		sub // an H3
		top // a Heading2 set as H2
	)
	types := make([]string, len(tree.Structs))
	last := title
	for n, s := range tree.Structs {
		types[n] = structType(s.Role)
		switch s.Role {
		case layout.Title:
			last = title
		case layout.Heading1:
			last = section
		case layout.Heading2:
			if last == section || last == sub {
				last, types[n] = sub, "H3"
			} else {
				last, types[n] = top, "H2"
			}
		}
	}
	return types
}
