// Package layout turns measured rows into pages. It knows nothing of YAML,
// brands or PDF: formats build rows (measured with a Measurer), Flow places
// them on pages by rules carried in the rows themselves, and a writer draws
// the resulting ops.
//
// Units are PDF points (1/72 in) throughout; y grows down the page.
//
// Every op belongs to a structure element (title, heading, paragraph, list,
// list item, link, figure, artifact), so the document can later be written
// as a tagged PDF without changing any format.
package layout

import (
	"handouts/handout/colour"
	"handouts/handout/fontset"
	"handouts/handout/picture"
)

// Role is the structure role of a laid-out element, following the PDF
// standard structure types that PDF/UA uses.
type Role int

// Structure roles.
const (
	Artifact     Role = iota // page furniture: headers, footers, rules, page numbers
	DocumentRoot             // the root: a PDF Document element
	Title                    // the handout title
	Subtitle                 // the line under the title
	Heading1                 // section headings
	Heading2                 // headings inside a section or box
	Paragraph
	List
	ListItem
	Label     // a list item's bullet or number
	ListBody  // a list item's text
	Link      // a link annotation's text
	Figure    // an image or QR code; carries alt text
	Aside     // a tinted box: key points, callouts, contact block
	Reference // a bibliography entry
	// SmallPrint is a paragraph in the footer's small type that is
	// content, not furniture: the summary's contact card.
	SmallPrint
	// Letterhead is the clinic's name or tagline in the header band, in
	// the band's own type: read out, as it says who gave the handout.
	Letterhead
)

var roleNames = [...]string{"artifact", "document", "title", "subtitle", "h1", "h2", "p", "list", "li", "lbl", "lbody", "link", "figure", "aside", "ref", "small", "band"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "role?"
}

// Struct is one node of the document's structure tree.
type Struct struct {
	Role   Role
	Parent int    // index into Doc.Structs; 0 is the document
	Alt    string // alternative text, for figures
	// Lang is the element's language (BCP 47) where it differs from the
	// document's: a packet's later handouts in another language.
	Lang string
	// Numbering is how a List's labels count (PDF's ListNumbering);
	// NoNumbering for an element that is not a list.
	Numbering Numbering
}

// Numbering is how a list's labels count. A writer names each value as
// PDF's ListNumbering attribute does; there is no other value to splice
// into the file.
type Numbering int

// The numberings a list has.
const (
	NoNumbering      Numbering = iota // not a list: no attribute
	DiscNumbering                     // bullets
	DecimalNumbering                  // numbered steps
	WordLabels                        // labels that are words ("None")
)

// String is the value's name in PDF's ListNumbering attribute, "" for
// NoNumbering.
func (n Numbering) String() string {
	switch n {
	case DiscNumbering:
		return "Disc"
	case DecimalNumbering:
		return "Decimal"
	case WordLabels:
		return "None"
	}
	return ""
}

// Tree builds the structure tree as formats compose. Index 0 is the document.
type Tree struct{ Structs []Struct }

// NewTree starts a tree with its document root.
func NewTree() *Tree { return &Tree{Structs: []Struct{{Role: DocumentRoot}}} }

// Add appends an element under parent and returns its index.
func (t *Tree) Add(role Role, parent int) int {
	t.Structs = append(t.Structs, Struct{Role: role, Parent: parent})
	return len(t.Structs) - 1
}

// Has reports whether i is an element of the tree an op can belong to: not
// the document root, and not past the last element.
func (t *Tree) Has(i int) bool { return i > NoStruct && i < len(t.Structs) }

// AddFigure appends a figure with its alternative text.
func (t *Tree) AddFigure(alt string, parent int) int {
	t.Structs = append(t.Structs, Struct{Role: Figure, Parent: parent, Alt: alt})
	return len(t.Structs) - 1
}

// Kind is what an op draws.
type Kind int

// Op kinds.
const (
	TextOp     Kind = iota // Text at baseline (X, Y) in Font/Size/Color; W is its measured width
	RectOp                 // a rectangle, filled and/or stroked, optionally rounded
	LineOp                 // a straight line from (X, Y) to (X+W, Y+H)
	ImageOp                // Image fitted into (X, Y, W, H)
	LinkOp                 // a clickable area (X, Y, W, H) to URL
	BookmarkOp             // an outline entry at Y with Text and Level
)

// Op is one drawing operation. Coordinates are relative to the row while a
// row is built and absolute on the page once placed.
type Op struct {
	Kind      Kind
	X, Y      float64
	W, H      float64
	Text      string
	Font      fontset.Style
	Size      float64
	Color     colour.Color
	Fill      *colour.Color // RectOp fill; nil for none
	Stroke    *colour.Color // RectOp/LineOp stroke; nil for none
	LineWidth float64
	Radius    float64
	URL       string
	Image     *picture.Image
	Level     int
	// Struct is the op's element in the structure tree. An op outside the
	// tree (Struct NoStruct, the zero value) must say which kind of
	// artifact it is: a writer refuses an op that is neither, so new
	// drawing can never slip out of the tagged PDF unnoticed.
	Struct   int
	Artifact ArtifactKind
	// Glyphs, on a TextOp, is Text shaped: the writer draws these glyphs
	// of Glyphs.Face, from X (the run's left end, for right-to-left text
	// too) on the baseline Y, instead of Text's characters in Font.
	// Text stays the run's text, for the structure tree and links. nil
	// for text drawn by character (see /work/notes/script-interface.md).
	Glyphs *fontset.GlyphRun
	// Rigid ops are drawn as one figure (a QR code's modules): a
	// right-to-left page moves them as one piece instead of mirroring
	// each (Mirror), so the figure still reads.
	Rigid bool
}

// NoStruct is Op.Struct for an op outside the structure tree: an artifact
// (its Artifact says which kind) or a bookmark. It is the index of the
// tree's root, the document, which no drawn op belongs to, and the zero
// value, so an op built without a Struct is outside the tree.
const NoStruct = 0

// InTree reports whether the op belongs to an element of the structure
// tree rather than being an artifact or a bookmark.
func (o Op) InTree() bool { return o.Struct != NoStruct }

// ArtifactKind is why an op is not content: decoration, or furniture
// repeated on every page.
type ArtifactKind int

// Artifact kinds, following Tagged PDF's artifact types.
const (
	NotArtifact ArtifactKind = iota // content: the op belongs to Struct
	Decoration                      // bands, rules, box fills and frames, writing lines
	Pagination                      // running header, footer, page numbers
)

// Shift moves an op by (dx, dy).
func (o Op) Shift(dx, dy float64) Op {
	o.X += dx
	o.Y += dy
	return o
}

// Measurer measures text. The real one reads font metrics; tests use a fake
// with fixed advances so layout rules can be checked exactly.
type Measurer interface {
	Width(s string, style fontset.Style, size float64) float64
}
