// Package pdfwriter is the one place that draws: it turns a laid-out
// document into PDF bytes. It writes each page's content stream and the
// fonts itself (content.go, fonts.go); fpdf makes the rest of the file
// (the pages, the logo, the outline, the metadata), and assemble.go puts the
// two together. Nothing else imports fpdf, so fpdf's own wrapping and page
// breaking never run. Every PDF it writes is a Tagged PDF meant to meet
// PDF/UA-1 (see tag.go and assemble.go).
package pdfwriter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"handouts/handout/colour"
	"handouts/handout/layout"
	"handouts/handout/picture"
)

// Options are the document-level settings that do not come from layout.
type Options struct {
	// Date is written as the creation and modification date. Callers pass
	// a fixed date (SOURCE_DATE_EPOCH, the review date) so that the same
	// inputs give the same bytes; zero means FixedDate.
	Date    time.Time
	Creator string // the tool and version
	// Identity is hashed into the document ID: the inputs that determine
	// the document, so the ID changes exactly when the content does.
	Identity []byte
	// Subsets shares font subsets between the documents of a build; when
	// nil, the document makes its own.
	Subsets *Subsets
	// Images shares parsed logos between the documents of a build; when
	// nil, the document parses its own.
	Images *Images
}

// FixedDate dates a document written without a date.
var FixedDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Write renders doc as PDF to w.
func Write(w io.Writer, doc *layout.Document, opt Options) error {
	out, err := Bytes(doc, opt)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// Bytes renders doc as PDF, for a caller that keeps the whole file (a build
// writes it once every format is made) and need not copy it. fpdf can
// panic on input it does not expect (a rune outside its tables, a damaged
// image); a panic becomes an error here rather than a crash of a batch
// build.
func Bytes(doc *layout.Document, opt Options) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("pdf writer: %v", r)
		}
	}()
	pdf := newSkeleton(doc)
	if opt.Subsets == nil {
		opt.Subsets = &Subsets{}
		defer opt.Subsets.spill() // its compressors outlive it
	}
	fonts := planFonts(doc)
	embedded, err := fonts.embed(opt.Subsets)
	if err != nil {
		return nil, fmt.Errorf("pdf writer: %w", err)
	}
	if err := fonts.embedGlyphs(opt.Subsets); err != nil {
		return nil, fmt.Errorf("pdf writer: %w", err)
	}

	setMetadata(pdf, doc.Meta, opt)
	if opt.Images == nil {
		opt.Images = &Images{}
	}
	tree := doc.Tree
	if tree == nil {
		tree = layout.NewTree()
	}
	d, pages := drawPages(pdf, doc, fonts, tree, opt.Images)
	if d.tags.err != nil {
		return nil, fmt.Errorf("pdf writer: %w", d.tags.err)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf writer: %w", err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf writer: %w", err)
	}
	out, err = assemble(buf.Bytes(), assembly{
		tags:     d.tags,
		linkText: d.linkText,
		fonts:    embedded,
		glyphs:   fonts.glyphFontsToEmbed(),
		content:  pages,
		pageH:    doc.Height,
		subsets:  opt.Subsets,
		structAlt: func(st int) string {
			if s := tree.Structs[st]; s.Role == layout.Figure {
				return s.Alt
			}
			return ""
		},
	})
	if err != nil {
		return nil, fmt.Errorf("pdf writer: %w", err)
	}
	return out, nil
}

// newSkeleton starts the fpdf document that holds the pages, fonts and
// metadata, set to place nothing itself.
func newSkeleton(doc *layout.Document) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: doc.Width, Ht: doc.Height},
	})
	// Layout has already placed every line; fpdf must not move anything.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	// fpdf's pages hold only its set-up, which assemble replaces with the
	// drawer's streams, compressed with the build's reused compressors:
	// fpdf makes a new one for every page, which allocates and clears
	// about 1 MB.
	pdf.SetCompression(false)
	return pdf
}

// setMetadata sets the document's dates, information and XMP metadata.
func setMetadata(pdf *fpdf.Fpdf, meta layout.Meta, opt Options) {
	// fpdf writes the clock for a zero date; a fixed one keeps every
	// document reproducible, whoever calls.
	date := opt.Date.UTC()
	if opt.Date.IsZero() {
		date = FixedDate
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetCatalogSort(true)
	pdf.SetProducer("handouts", false)
	pdf.SetCreator(opt.Creator, true)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetLang(meta.Lang)
	pdf.SetDisplayMode("fullpage", "single")
	pdf.SetXmpMetadata(xmp(meta, opt, date))
}

// drawPages draws each page of doc into its content stream, adding the
// page to fpdf's skeleton, and returns the drawer (its tags, links' words
// and any error) with the streams.
func drawPages(pdf *fpdf.Fpdf, doc *layout.Document, fonts *fontPlan, tree *layout.Tree, images *Images) (*drawer, [][]byte) {
	d := &drawer{pdf: pdf, fonts: fonts, tags: newTagger(tree), linkText: map[int]string{}, words: map[int]*strings.Builder{}, cache: images}
	pages := make([][]byte, len(doc.Pages))
	for i, page := range doc.Pages {
		// fpdf makes the page object; its content is replaced by ours.
		pdf.AddPage()
		d.startPage(doc.Height)
		d.rtl = rtlPage(page)
		d.islands = islandStarts(page, tree, d.islands[:0])
		d.fonts.use(page.Fonts)
		for k, op := range page.Ops {
			d.at = k
			d.draw(op)
		}
		if end := d.tags.endPage(); end != "" {
			d.c.op(end)
			d.c.op("\n")
		}
		pages[i] = d.c.b
	}
	return d, pages
}

// drawer writes each page's content stream, remembering the graphics
// state it set so that a page of text does not repeat the same font and
// colour for every line.
type drawer struct {
	pdf   *fpdf.Fpdf // for images and bookmarks
	fonts *fontPlan
	c     pageStream
	rtl   bool // the page reads right to left (rtlPage)
	// islands marks, by op, the left-to-right runs that begin a stretch
	// of them in a right-to-left line (islandStarts); at is the op drawn.
	islands []bool
	at      int
	// The state set on this page: every page starts from PDF's defaults.
	font   string // the font last selected, by its resource name
	size   float64
	fill   *colour.Color // text is painted with the fill colour
	stroke *colour.Color
	lineW  float64
	images map[*picture.Image]*imageTemplate
	cache  *Images
	tags   *tagger
	// words is the text drawn so far for each element, and last the
	// text op drawn last: a link annotation's words come from them.
	// (Builders: a paragraph of thousands of pieces once made this
	// quadratic.)
	words    map[int]*strings.Builder
	last     string
	linkText map[int]string // by annotation
}

func (d *drawer) startPage(height float64) {
	d.tags.startPage()
	// About what a page of a guide takes, so the stream is rarely copied
	// as it grows.
	d.c = pageStream{b: make([]byte, 0, 8<<10), pageH: height}
	d.font, d.size, d.fill, d.stroke, d.lineW = "", 0, nil, nil, -1
}

func same(a *colour.Color, b colour.Color) bool { return a != nil && *a == b }

func (d *drawer) setFill(c colour.Color) {
	if !same(d.fill, c) {
		d.c.colour(c, false)
		d.fill = &c
	}
}

func (d *drawer) draw(op layout.Op) {
	if paints(op) {
		if m := d.tags.mark(op); m != "" {
			d.c.op(m)
			d.c.op("\n")
		}
	}
	switch op.Kind {
	case layout.TextOp:
		d.last = op.Text
		if op.InTree() {
			w := d.words[op.Struct]
			if w == nil {
				w = &strings.Builder{}
				d.words[op.Struct] = w
			}
			w.WriteString(op.Text)
		}
		d.setFill(op.Color)
		if op.Glyphs != nil {
			d.glyphText(op, d.islands[d.at])
			break
		}
		d.fonts.runs(op.Text, op.Font, op.Size, func(key string, encoded []byte, shift float64) {
			font := key
			if d.font == key && d.size == op.Size {
				font = ""
			}
			d.font, d.size = key, op.Size
			d.c.text(op.X+shift, op.Y, font, op.Size, encoded)
		})
	case layout.RectOp:
		if op.Fill == nil && op.Stroke == nil {
			return
		}
		if op.Fill != nil {
			d.setFill(*op.Fill)
		}
		if op.Stroke != nil {
			d.setStroke(*op.Stroke, op.LineWidth)
		}
		paint := paintOp(op.Fill != nil, op.Stroke != nil)
		if op.Radius > 0 {
			d.c.roundedRect(op.X, op.Y, op.W, op.H, op.Radius, paint)
		} else {
			d.c.rect(op.X, op.Y, op.W, op.H, paint)
		}
	case layout.LineOp:
		if op.Stroke == nil {
			return
		}
		d.setStroke(*op.Stroke, op.LineWidth)
		d.c.line(op.X, op.Y, op.X+op.W, op.Y+op.H)
	case layout.ImageOp:
		tpl, err := d.image(op.Image)
		if err != nil {
			d.pdf.SetError(err)
			return
		}
		// fpdf adds the form and its image to the document's resources;
		// what it writes to its own page content is not kept.
		d.pdf.UseTemplateScaled(tpl, fpdf.PointType{X: op.X, Y: op.Y}, fpdf.SizeType{Wd: op.W, Ht: op.H})
		d.c.image("TPL"+tpl.ID(), tpl.img.w, tpl.img.h, op.X, op.Y, op.W, op.H)
	case layout.LinkOp:
		// Written by assemble, as objects the structure tree can point at.
		words := d.last
		if w := d.words[op.Struct]; op.InTree() && w != nil {
			words = w.String()
		} else if op.InTree() {
			words = ""
		}
		d.linkText[len(d.tags.annots)] = words
		d.tags.link(op)
	case layout.BookmarkOp:
		// fpdf writes the title as given when no UTF-8 font is selected,
		// so it gets the text-string form that holds any character.
		d.pdf.Bookmark(utf16Text(op.Text), op.Level, op.Y)
	}
}

// paints reports whether op puts marks on the page, and so must be tagged.
func paints(op layout.Op) bool {
	switch op.Kind {
	case layout.TextOp:
		return op.Text != ""
	case layout.RectOp:
		return op.Fill != nil || op.Stroke != nil
	case layout.LineOp:
		return op.Stroke != nil
	case layout.ImageOp:
		return true
	}
	return false
}

func (d *drawer) setStroke(c colour.Color, w float64) {
	if !same(d.stroke, c) {
		d.c.colour(c, true)
		d.stroke = &c
	}
	if w != d.lineW {
		d.c.lineWidth(w)
		d.lineW = w
	}
}

// utf16Text is s as a PDF text string in UTF-16BE with its byte order
// mark (ISO 32000-1, 7.9.2.2).
func utf16Text(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// fpdfImageType names an image encoding as fpdf does.
func fpdfImageType(f picture.Format) string {
	if f == picture.JPEG {
		return "JPG"
	}
	return "PNG"
}

// image gives the document its own copy of a parsed logo, once per
// document however many pages draw it.
func (d *drawer) image(l *picture.Image) (*imageTemplate, error) {
	if t, ok := d.images[l]; ok {
		return t, nil
	}
	img, err := d.cache.parsed(l)
	if err != nil {
		return nil, err
	}
	t, err := newImageTemplate(l, img)
	if err != nil {
		return nil, err
	}
	if d.images == nil {
		d.images = map[*picture.Image]*imageTemplate{}
	}
	d.images[l] = t
	return t, nil
}

// xmp is the XMP metadata packet: the document information again, for
// readers and archives that look only there, and the document ID derived
// from the inputs rather than a clock or random source.
func xmp(m layout.Meta, opt Options, date time.Time) []byte {
	sum := sha256.Sum256(append(append([]byte{}, opt.Identity...), m.Title...))
	id := hex.EncodeToString(sum[:16])
	uuid := fmt.Sprintf("uuid:%s-%s-%s-%s-%s", id[0:8], id[8:12], id[12:16], id[16:20], id[20:32])
	esc := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			switch r {
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '&':
				b.WriteString("&amp;")
			case '"':
				b.WriteString("&quot;")
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	ts := date.Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">` + "\n")
	b.WriteString(`<dc:format>application/pdf</dc:format>` + "\n")
	// PDF/UA-1 identification (ISO 14289-1, 5).
	b.WriteString(`<pdfuaid:part>1</pdfuaid:part>` + "\n")
	fmt.Fprintf(&b, `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>`+"\n", esc(m.Title))
	if m.Author != "" {
		fmt.Fprintf(&b, `<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>`+"\n", esc(m.Author))
	}
	if m.Subject != "" {
		fmt.Fprintf(&b, `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>`+"\n", esc(m.Subject))
	}
	fmt.Fprintf(&b, `<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>`+"\n", esc(m.Lang))
	fmt.Fprintf(&b, `<xmp:CreateDate>%s</xmp:CreateDate><xmp:ModifyDate>%s</xmp:ModifyDate><xmp:MetadataDate>%s</xmp:MetadataDate>`+"\n", ts, ts, ts)
	fmt.Fprintf(&b, `<xmp:CreatorTool>%s</xmp:CreatorTool><pdf:Producer>handouts</pdf:Producer>`+"\n", esc(opt.Creator))
	if m.Keywords != "" {
		fmt.Fprintf(&b, `<pdf:Keywords>%s</pdf:Keywords>`+"\n", esc(m.Keywords))
	}
	fmt.Fprintf(&b, `<xmpMM:DocumentID>%s</xmpMM:DocumentID><xmpMM:InstanceID>%s</xmpMM:InstanceID>`+"\n", uuid, uuid)
	b.WriteString(`</rdf:Description></rdf:RDF></x:xmpmeta>` + "\n" + `<?xpacket end="w"?>`)
	return []byte(b.String())
}
