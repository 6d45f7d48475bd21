package pdfwriter

import (
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// Fonts are embedded as simple TrueType fonts (one byte per character), not
// through fpdf's UTF-8 path. That path costs 3–4 ms per face in every PDF,
// whatever the document holds: it parses the font again, JSON-encodes a
// 65,536-entry width table to name the font, and builds and compresses a
// 128 KB CID map. In a batch of hundreds of PDFs that was most of the time.
// A simple font costs only its subset: the widths, names and
// descriptor come from fontset, parsed once per process.
//
// Text stays Unicode to every reader. Characters in Windows-1252, which is
// all of English and Spanish and the usual typographic marks, use the
// standard WinAnsiEncoding. Any other character goes into further fonts of
// up to 224 characters, whose /Differences name each glyph uniXXXX, the
// Adobe Glyph List form that readers map back to Unicode.
//
// Each font program is a subset holding only the glyphs that font draws.

// perExtraFont is how many characters one extra font holds: codes 32–255,
// the range fpdf writes widths for.
const perExtraFont = 224

// fontPlan is decided before anything is drawn: which fonts the document
// needs and how each character is encoded.
type fontPlan struct {
	// fam is the family of the page being planned or drawn: the
	// document's, or a page's own in a packet mixing languages.
	fam *fontset.Family
	// fams are the families met, the document's fallback chain first
	// (so a family's index is its level in that chain), then those of
	// pages set in other families; index is the reverse.
	fams  []*fontset.Family
	index map[*fontset.Family]int
	// faces are the fonts of each face used, by family index and style.
	faces [][4]*faceFonts
	// glyphFonts are the faces drawn from shaped runs, by face and in
	// the order first drawn.
	glyphFonts map[*fontset.Face]*glyphFont
	glyphOrder []*glyphFont
	// missing is the first character drawn that its face cannot print. A
	// reader would show an empty box in its place, so the document is
	// refused rather than silently wrong.
	missing error
}

// faceFonts are the simple fonts standing in for one face.
type faceFonts struct {
	style fontset.Style
	level int             // the family's index in fontPlan.fams
	fam   *fontset.Family // that family
	// base marks the WinAnsi codes drawn, for the font that needs no
	// Differences.
	base [256]bool
	// extra are the characters outside WinAnsi, sorted, so the encoding
	// depends only on which characters the document draws.
	extra []rune
	index map[rune]int
	keys  []string // each font's resource name, by number
}

// face resolves r in style to the index of the family (in p.fams) whose
// face in the page's family chain prints it, that face, and the character
// drawn (Printable). A family without fallbacks takes the first branch
// only, as before there were any.
func (p *fontPlan) face(style fontset.Style, r rune) (int, *fontset.Face, rune) {
	if p.fam.Fallback == nil {
		f := p.fam.Faces[style]
		return p.index[p.fam], f, f.Printable(r)
	}
	for fam := p.fam; fam != nil; fam = fam.Fallback {
		if f := fam.Faces[style]; f.Has(r) {
			return p.index[fam], f, r
		}
	}
	for fam := p.fam; fam != nil; fam = fam.Fallback {
		if f := fam.Faces[style]; f.Has(f.Printable(r)) {
			return p.index[fam], f, f.Printable(r)
		}
	}
	f := p.fam.Faces[style]
	return p.index[p.fam], f, f.Printable(r)
}

// use makes fam (nil: the document's) the family the following text is
// set in, numbering the families of its chain not met before.
func (p *fontPlan) use(fam *fontset.Family) {
	if fam == nil {
		fam = p.fams[0]
	}
	p.fam = fam
	for f := fam; f != nil; f = f.Fallback {
		if _, ok := p.index[f]; !ok {
			p.index[f] = len(p.fams)
			p.fams = append(p.fams, f)
		}
	}
}

// fonts returns the faceFonts of a family (by index) and style, made on
// first use.
func (p *fontPlan) fonts(level int, style fontset.Style) *faceFonts {
	for len(p.faces) <= level {
		p.faces = append(p.faces, [4]*faceFonts{})
	}
	ff := p.faces[level][style]
	if ff == nil {
		ff = &faceFonts{style: style, level: level, fam: p.fams[level]}
		p.faces[level][style] = ff
	}
	return ff
}

func planFonts(doc *layout.Document) *fontPlan {
	p := &fontPlan{index: map[*fontset.Family]int{}}
	p.fams = append(p.fams, doc.Fonts) // use's default
	p.index[doc.Fonts] = 0
	p.use(doc.Fonts)
	extra := map[*faceFonts]map[rune]bool{}
	for _, page := range doc.Pages {
		p.use(page.Fonts)
		rtl := rtlPage(page)
		for _, op := range page.Ops {
			if op.Kind != layout.TextOp {
				continue
			}
			if op.Glyphs != nil {
				if err := p.planGlyphs(op, rtl); err != nil && p.missing == nil {
					p.missing = err
				}
				continue
			}
			for _, r := range op.Text {
				level, face, r := p.face(op.Font, r)
				if fontset.IsJoiner(r) && !face.Has(r) {
					continue // a joining control the face lacks draws nothing
				}
				ff := p.fonts(level, op.Font)
				if !face.Has(r) && p.missing == nil {
					p.missing = fmt.Errorf("the %s face of %s has no glyph for U+%04X (%q); checking should have refused it", op.Font, p.fam.Name, r, r)
				}
				// Arabic or Indic letters drawn one by one would print
				// unjoined and out of order: only shaped runs draw them.
				if face.NeedsShaping() && r > 0x7F && p.missing == nil {
					p.missing = fmt.Errorf("%q (U+%04X) is in a script that must be shaped before it is drawn, and this text was not", r, r)
				}
				if c, ok := winAnsi(r); ok {
					ff.base[c] = true
					continue
				}
				if extra[ff] == nil {
					extra[ff] = map[rune]bool{}
				}
				extra[ff][r] = true
			}
		}
	}
	for ff, set := range extra {
		for r := range set {
			ff.extra = append(ff.extra, r)
		}
		slices.Sort(ff.extra)
		ff.index = make(map[rune]int, len(ff.extra))
		for i, r := range ff.extra {
			ff.index[r] = i
		}
	}
	return p
}

// key is font n's resource name in content streams; 0 is the WinAnsi font.
// A face of another family than the document's own (a fallback, or the
// family of a packet's page in another script) carries its index.
func (ff *faceFonts) key(n int) string {
	for len(ff.keys) <= n {
		if ff.level == 0 {
			ff.keys = append(ff.keys, fmt.Sprintf("h%d%c", ff.style, 'a'+len(ff.keys)))
		} else {
			ff.keys = append(ff.keys, fmt.Sprintf("h%d%c%d", ff.style, 'a'+len(ff.keys), ff.level))
		}
	}
	return ff.keys[n]
}

func (ff *faceFonts) encode(r rune) (font int, code byte) {
	if c, ok := winAnsi(r); ok {
		return 0, c
	}
	i := ff.index[r]
	return 1 + i/perExtraFont, byte(32 + i%perExtraFont)
}

// embeddedFont is one simple TrueType font as assemble writes it: the font
// dictionary, its descriptor and its program.
type embeddedFont struct {
	key     string // its resource name
	name    string // the BaseFont: a subset tag and the face's name
	face    *fontset.Face
	widths  [256 - 32]int // codes 32 to 255, in font units per 1000
	diff    string        // the Differences array's body; "" for WinAnsi
	flags   int
	program []byte // zlib-compressed TrueType
	size    int    // the program's uncompressed length
	fontMap        // for its ToUnicode map
}

// embed makes every planned font, each with its subset.
func (p *fontPlan) embed(cache *Subsets) ([]embeddedFont, error) {
	if p.missing != nil {
		return nil, p.missing
	}
	var out []embeddedFont
	for _, level := range p.faces {
		for _, ff := range level {
			if ff == nil {
				continue
			}
			face := ff.fam.Face(ff.style)
			var fonts [][]rune // the characters of each font, by code
			var runes []rune
			if slices.Contains(ff.base[:], true) {
				// The WinAnsi font always holds all of ASCII and what English
				// and Spanish text adds to it, 3 KB more than the characters
				// drawn: nearly every handout then needs the same subset, and
				// a build makes it once instead of once per PDF.
				for c := 32; c < 256; c++ {
					if ff.base[c] || c < 0x7F || commonWinAnsi[c] && face.Has(winAnsiRunes[c]) {
						runes = append(runes, winAnsiRunes[c])
					}
				}
			}
			fonts = append(fonts, runes)
			for start := 0; start < len(ff.extra); start += perExtraFont {
				fonts = append(fonts, ff.extra[start:min(start+perExtraFont, len(ff.extra))])
			}
			for n, runes := range fonts {
				if n == 0 && len(runes) == 0 {
					continue
				}
				f, err := p.simpleFont(ff, n, runes, face, cache)
				if err != nil {
					return nil, err
				}
				// A PDF whose font has no program passes qpdf but prints
				// nothing; no path may write one.
				if len(f.program) == 0 {
					return nil, fmt.Errorf("fonts: the %s face: empty font program", ff.style)
				}
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// PDF font descriptor flags.
const (
	flagFixedPitch  = 1 << 0
	flagNonsymbolic = 1 << 5
	flagItalic      = 1 << 6
)

// simpleFont makes font n of a face, with its compressed subset program.
func (p *fontPlan) simpleFont(ff *faceFonts, n int, runes []rune, face *fontset.Face, cache *Subsets) (embeddedFont, error) {
	f := embeddedFont{key: ff.key(n), face: face, fontMap: fontMap{n: n, runes: runes}}
	var diff strings.Builder
	for i, r := range runes {
		if n == 0 {
			c, _ := winAnsi(r)
			f.widths[c-32] = face.Advance(r)
			continue
		}
		f.widths[i] = face.Advance(r)
		if i == 0 {
			diff.WriteString("32")
		}
		diff.WriteString(" /" + glyphName(r))
	}
	f.diff = diff.String()

	sub, err := cache.subset(face, runes)
	if err != nil {
		return f, fmt.Errorf("fonts: the %s face: %w", ff.style, err)
	}
	f.program, f.size = sub.program, sub.size

	// A subset's name carries a tag of six capitals that differs with the
	// glyphs it holds (ISO 32000-1, 9.6.4); deriving it from them keeps
	// builds reproducible.
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s-%d-%d-%s", ff.fam.Name, ff.style, n, string(runes))))
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	suffix, _ := ff.style.Suffix()
	f.flags = flagNonsymbolic
	if face.ItalicAngle != 0 {
		f.flags |= flagItalic
	}
	if face.FixedPitch {
		f.flags |= flagFixedPitch
	}
	f.name = fmt.Sprintf("%s+%s-%s", tag, ff.fam.Name, suffix)
	f.fontMap.name = f.name
	return f, nil
}

// Subsets keeps the compressed font subsets of a build, so that documents
// drawing the same characters in a face share one subsetting. It is safe
// for concurrent use.
type Subsets struct {
	mu sync.Mutex
	m  map[subsetKey]*subsetEntry
	// zw are compressors to reuse: a new one allocates and clears about
	// 1 MB, more than compressing a subset costs. A plain list, not a
	// sync.Pool, which every collection empties: a PDF compresses its
	// subsets and then its structure and Unicode maps after fpdf's output
	// has run the collector, and each would otherwise make its own.
	zw []*zlib.Writer
	// cmaps are the fonts' compressed ToUnicode maps (see tounicode.go).
	cmaps map[string][]byte
	// glyphs are the subsets of faces drawn from shaped runs.
	glyphs map[glyphKey]*glyphEntry
}

// maxSubsets bounds the memory a batch of very varied documents can hold
// (about 12 KB an entry); past it, subsets are made and not kept.
const maxSubsets = 512

type subsetKey struct {
	face  *fontset.Face
	runes string
}

type subsetEntry struct {
	once sync.Once
	sub  subset
	err  error
}

type subset struct {
	program []byte // zlib-compressed TrueType
	size    int    // uncompressed length, which the PDF records
}

func (c *Subsets) subset(face *fontset.Face, runes []rune) (subset, error) {
	if sub, ok := defaultSubset(face, runes); ok {
		return sub, nil
	}
	key := subsetKey{face, string(runes)}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[subsetKey]*subsetEntry{}
	}
	e := c.m[key]
	if e == nil && len(c.m) < maxSubsets {
		e = &subsetEntry{}
		c.m[key] = e
	}
	c.mu.Unlock()
	if e == nil {
		return c.make(face, runes)
	}
	e.once.Do(func() { e.sub, e.err = c.make(face, runes) })
	return e.sub, e.err
}

// make cuts and compresses a subset. A panic in fpdf's subsetter (glyph
// data it does not expect) becomes an error here, inside the cache entry's
// once: were it to escape, the entry would stay done with an empty subset,
// and every later document drawing those characters would embed an empty
// font program.
func (c *Subsets) make(face *fontset.Face, runes []rune) (s subset, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = subset{}, fmt.Errorf("cannot make a subset of the font %s: %v", face.Path, r)
		}
	}()
	// The subset keeps the space and hyphen even when unused: WinAnsi names
	// the no-break space "space" and the soft hyphen "hyphen", so a reader
	// looks those glyphs up instead.
	cut := " -" + string(runes)
	// fpdf's subsetter walks every component of a composite glyph again
	// each time it meets it: a face that did not come through fontset's
	// checks could make it walk billions. The closure refuses such a
	// glyph after reading each glyph once.
	if _, err := face.SubsetGlyphs(cut); err != nil {
		return subset{}, fmt.Errorf("cannot make a subset of the font %s: %w", face.Path, err)
	}
	sub := fpdf.UTF8CutFont(face.Data, cut)
	if len(sub) == 0 {
		return subset{}, errors.New("cannot make a subset of the font")
	}
	return subset{program: c.deflate(sub), size: len(sub)}, nil
}

// glyphName is the Adobe Glyph List name readers turn back into r.
func glyphName(r rune) string {
	if r > 0xFFFF {
		return fmt.Sprintf("u%06X", r)
	}
	return fmt.Sprintf("uni%04X", r)
}

// runs encodes a line of text in style and hands it to draw in stretches
// of one simple font each: the font's resource name, the encoded bytes
// (valid only during the call), and where the stretch starts, measured with the widths the fonts were
// given.
func (p *fontPlan) runs(text string, style fontset.Style, size float64, draw func(key string, encoded []byte, shift float64)) {
	var arr [128]byte
	buf := arr[:0]
	var cur *faceFonts
	n, adv, start := -1, 0, 0
	for _, r := range text {
		level, face, r := p.face(style, r)
		if fontset.IsJoiner(r) && !face.Has(r) {
			continue
		}
		ff := p.faces[level][style]
		f, c := ff.encode(r)
		if (f != n || ff != cur) && len(buf) > 0 {
			draw(cur.key(n), buf, float64(start)*size/1000)
			buf, start = buf[:0], adv
		}
		cur, n = ff, f
		buf = append(buf, c)
		adv += face.Advance(r)
	}
	if len(buf) > 0 {
		draw(cur.key(n), buf, float64(start)*size/1000)
	}
}

// winAnsi returns the WinAnsiEncoding code for r.
func winAnsi(r rune) (byte, bool) {
	if r >= 0x20 && r <= 0x7E || r >= 0xA0 && r <= 0xFF {
		return byte(r), true
	}
	if r < 0x152 {
		return 0, false
	}
	for c := 0x80; c < 0xA0; c++ {
		if winAnsiRunes[c] == r {
			return byte(c), true
		}
	}
	return 0, false
}

// commonWinAnsi marks the codes beyond ASCII that English and Spanish
// handouts commonly draw: typographic quotes, dashes, the bullet and
// ellipsis, the no-break space, the degree sign, and the Spanish letters
// and marks.
var commonWinAnsi = func() (t [256]bool) {
	for _, r := range "\u00A0–—‘’“”•…·°áéíóúñüÁÉÍÓÚÑÜ¿¡" {
		c, _ := winAnsi(r)
		t[c] = true
	}
	return t
}()

// winAnsiRunes maps each WinAnsiEncoding code to its character; 0 marks
// codes the encoding leaves undefined.
var winAnsiRunes = func() (t [256]rune) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = rune(c)
	}
	for c := 0xA0; c < 0x100; c++ {
		t[c] = rune(c)
	}
	copy(t[0x80:0xA0], []rune{
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
	})
	return t
}()

// CommonText reports whether every character of s is one that each WinAnsi
// font subset holds anyway (ASCII, the common typographic marks and the
// Spanish letters), so that drawing s changes no subset. `handouts serve`
// shares a Subsets between personalised renders only for such text: the
// subsets it keeps then say nothing about what a patient's name holds.
func CommonText(s string) bool {
	for _, r := range s {
		c, ok := winAnsi(r)
		if r == '\n' {
			continue
		}
		if !ok || !(c >= 0x20 && c < 0x7F || commonWinAnsi[c]) {
			return false
		}
	}
	return true
}
