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

// ImageFormat is how an image's bytes are encoded.
type ImageFormat int

// The image encodings a writer embeds.
const (
	PNG ImageFormat = iota + 1
	JPEG
)

func (f ImageFormat) String() string {
	switch f {
	case PNG:
		return "PNG"
	case JPEG:
		return "JPEG"
	}
	return "image?"
}

// Image is an encoded image, checked and ready to embed. Ops share one
// *Image so a writer embeds its bytes once however often it is drawn.
type Image struct {
	Data          []byte
	Format        ImageFormat
	Width, Height int // pixels
}
