// Package picture is the encoded image a handout carries (the clinic's
// logo): its bytes, encoding and size, checked once by the brand and drawn
// by the writer. It is a package of its own so that the brand, the layout
// and the writer can share the type without importing one another.
package picture

// Format is how an image's bytes are encoded.
type Format int

// The image encodings a writer embeds.
const (
	PNG Format = iota + 1
	JPEG
)

func (f Format) String() string {
	switch f {
	case PNG:
		return "PNG"
	case JPEG:
		return "JPEG"
	}
	return "image?"
}

// MIMEType is the media type a browser is told for the bytes.
func (f Format) MIMEType() string {
	if f == JPEG {
		return "image/jpeg"
	}
	return "image/png"
}

// Image is an encoded image, checked and ready to embed. Ops share one
// *Image so a writer embeds its bytes once however often it is drawn.
type Image struct {
	Data          []byte
	Format        Format
	Width, Height int // pixels
}
