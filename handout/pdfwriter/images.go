package pdfwriter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"handouts/handout/picture"
	"regexp"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Images keeps the parsed logos of a build, so that each is parsed once and
// every document embeds the same bytes. fpdf parses an image for every
// document that registers it, and for a PNG with transparency that means
// inflating it, splitting colour from alpha and compressing both again:
// 80 ms per PDF for a wordmark at print resolution, against well under a
// millisecond to copy the result. It is safe for concurrent use.
type Images struct {
	mu sync.Mutex
	m  map[*picture.Image]*imageEntry
}

// maxImages bounds what a long-running server keeps should it ever be
// handed new logos; a build has one.
const maxImages = 16

type imageEntry struct {
	once sync.Once
	img  parsedImage
	err  error
}

type parsedImage struct {
	gob  []byte // fpdf's parsed image, which each document decodes afresh
	name string // its name in content streams
	w, h float64
}

// parsed returns the logo as fpdf parses it, encoded with its GobEncode:
// a document gets its own copy (fpdf numbers the image's objects in it),
// made without parsing again.
func (c *Images) parsed(l *picture.Image) (parsedImage, error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[*picture.Image]*imageEntry{}
	}
	e := c.m[l]
	if e == nil && len(c.m) < maxImages {
		e = &imageEntry{}
		c.m[l] = e
	}
	c.mu.Unlock()
	if e == nil {
		return parseImage(l)
	}
	e.once.Do(func() { e.img, e.err = parseImage(l) })
	return e.img, e.err
}

func parseImage(l *picture.Image) (p parsedImage, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = parsedImage{}, fmt.Errorf("logo: %v", r)
		}
	}()
	// A template drawn once in a scratch document yields both the parsed
	// image and the name fpdf gives it in content streams, "/I" and a hash
	// of the image that only fpdf can compute.
	var info *fpdf.ImageInfoType
	tpl := fpdf.CreateTpl(fpdf.PointType{}, fpdf.SizeType{Wd: 1, Ht: 1}, "P", "pt", "", func(t *fpdf.Tpl) {
		info = t.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: fpdfImageType(l.Format)}, bytes.NewReader(l.Data))
		if t.Error() == nil {
			t.ImageOptions("logo", 0, 0, 1, 1, false, fpdf.ImageOptions{ImageType: fpdfImageType(l.Format)}, 0, "")
		}
		err = t.Error()
	})
	if err != nil {
		return p, fmt.Errorf("logo: %w", err)
	}
	m := imageName.FindSubmatch(tpl.Bytes())
	if info == nil || m == nil {
		return p, fmt.Errorf("logo: not parsed")
	}
	p.name = string(m[1])
	p.gob, err = info.GobEncode()
	p.w, p.h = info.Extent()
	return p, err
}

var imageName = regexp.MustCompile(`/(I[0-9a-f]+) Do`)

// imageTemplate hands a parsed image to a document. fpdf takes images
// already parsed only through templates: UseTemplate adds the template's
// images to the document as they are. The template is a form holding just
// the image, drawn at its own size, so placing it scaled is placing the
// image.
type imageTemplate struct {
	id   string
	img  parsedImage
	info *fpdf.ImageInfoType
}

func newImageTemplate(l *picture.Image, img parsedImage) (*imageTemplate, error) {
	info := new(fpdf.ImageInfoType)
	if err := info.GobDecode(img.gob); err != nil {
		return nil, fmt.Errorf("logo: %w", err)
	}
	sum := sha256.Sum256(l.Data)
	return &imageTemplate{id: "logo" + hex.EncodeToString(sum[:8]), img: img, info: info}, nil
}

func (t *imageTemplate) ID() string { return t.id }

func (t *imageTemplate) Size() (fpdf.PointType, fpdf.SizeType) {
	return fpdf.PointType{}, fpdf.SizeType{Wd: t.img.w, Ht: t.img.h}
}

// Bytes is the form's content: the image over the whole form.
func (t *imageTemplate) Bytes() []byte {
	return fmt.Appendf(nil, "q %.5f 0 0 %.5f 0 0 cm /%s Do Q", t.img.w, t.img.h, t.img.name)
}

func (t *imageTemplate) Images() map[string]*fpdf.ImageInfoType {
	return map[string]*fpdf.ImageInfoType{"logo": t.info}
}

func (t *imageTemplate) Templates() []fpdf.Template { return nil }
func (t *imageTemplate) NumPages() int              { return 1 }
func (t *imageTemplate) FromPage(int) (fpdf.Template, error) {
	return t, nil
}
func (t *imageTemplate) FromPages() []fpdf.Template { return []fpdf.Template{t} }

var errNotSerialisable = errors.New("pdfwriter: an image template is not serialised")

func (t *imageTemplate) Serialize() ([]byte, error) { return nil, errNotSerialisable }
func (t *imageTemplate) GobEncode() ([]byte, error) { return nil, errNotSerialisable }
func (t *imageTemplate) GobDecode([]byte) error     { return errNotSerialisable }
