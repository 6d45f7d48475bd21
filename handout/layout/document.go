package layout

import "handouts/handout/fontset"

// Document is a laid-out handout, everything a writer needs and nothing of
// how it was composed: pages of placed ops, the structure tree they belong
// to, the fonts they are set in and the metadata to carry.
type Document struct {
	Width, Height float64 // the page size in points
	Pages         []Page
	Tree          *Tree
	Fonts         *fontset.Family
	Meta          Meta
}

// Meta is the document information a PDF carries.
type Meta struct {
	Title, Author, Subject, Keywords, Lang string
}
