// Package fontset loads a TrueType family (regular, bold, italic, bold italic)
// once, checks that it can be embedded, and answers what layout, checking and
// the PDF writer ask of a font: how wide is this text, can it print this
// character at all, and what goes in the PDF's font descriptor.
//
// Widths are advance widths in thousandths of an em, rounded: the numbers
// the PDF writer puts in the fonts' width tables, so text measured here is
// text drawn there, without parsing the font again for every document.
package fontset

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"handouts/fonts"
	"handouts/handout/userfile"
)

// Style is one member of a family.
type Style int

// The four styles a handout uses.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// Styles lists every style, in file-name order.
var Styles = [4]Style{Regular, Bold, Italic, BoldItalic}

// With returns the style with bold and/or italic added.
func (s Style) With(bold, italic bool) Style {
	b := s == Bold || s == BoldItalic || bold
	i := s == Italic || s == BoldItalic || italic
	switch {
	case b && i:
		return BoldItalic
	case b:
		return Bold
	case i:
		return Italic
	}
	return Regular
}

// Suffix is the file-name suffix and fpdf style string of the style.
func (s Style) Suffix() (file, fpdf string) {
	switch s {
	case Bold:
		return "Bold", "B"
	case Italic:
		return "Italic", "I"
	case BoldItalic:
		return "BoldItalic", "BI"
	}
	return "Regular", ""
}

// Face is one parsed font file.
type Face struct {
	Data []byte // the TrueType file, shared read-only with every document
	Path string // where it came from ("" for the embedded default)
	// Name is the face's name in a PDF, letters and digits only
	// ("NotoSans-Bold"); empty for the default faces, named by family.
	Name string
	// Upem is the font's units per em, and NumGlyphs its glyph count: a
	// shaped run's glyph IDs are below it.
	Upem, NumGlyphs int
	shaped          bool // see NeedsShaping
	cjk             bool // see IsCJK
	// cff is the face's CFF table as read (readCFF) when it was loaded,
	// for its subsets (Face.Subset); nil for a TrueType face.
	cff *cffFont
	// widths holds the advance of each BMP rune in 1/1000 em; 0 means the
	// font has no glyph for it. A flat table makes measuring a megabyte of
	// text a simple loop.
	widths []uint16
	// lazy fills widths on first use, for a clinic's font: asking the
	// character map about every code point costs a millisecond per face,
	// and a handout without italics never needs its italic faces' tables.
	// nil for the default faces, whose tables are generated.
	lazy    *lazyWidths
	missing uint16  // advance of .notdef, which fpdf uses for missing runes
	Ascent  float64 // in 1/1000 em
	Descent float64 // in 1/1000 em, negative below the baseline

	// What a PDF font descriptor needs, in 1/1000 em, read once here so
	// the writer never parses the file per document.
	BBox        [4]int // xMin, yMin, xMax, yMax
	CapHeight   int
	XHeight     float64 // from OS/2 sxHeight, or the height of "x" where the table lacks it
	ItalicAngle float64 // degrees, negative for a right-leaning italic
	StemV       int     // estimated from the weight class, as fpdf does
	FixedPitch  bool
}

// Has reports whether the face has a glyph for r. Runes above the Basic
// Multilingual Plane never print: fpdf panics on them, so they count as
// missing.
func (f *Face) Has(r rune) bool {
	return r >= 0 && r < 0x10000 && f.table()[r] != 0
}

// Printable is r, or, when the face lacks r, the plain character that the
// typographic pass makes r from, if the face has that: a clinic's font
// without curly quotes, dashes or no-break spaces prints the straight
// forms the writer typed, measured as drawn. check refuses any character
// a writer typed that the face lacks, so only the pass's own characters
// reach this fallback.
func (f *Face) Printable(r rune) rune {
	if f.Has(r) {
		return r
	}
	if p := plainForm(r); p != 0 && f.Has(p) {
		return p
	}
	return r
}

// plainForm is the character the typographic pass replaced with r, or 0.
func plainForm(r rune) rune {
	switch r {
	case '’', '‘':
		return '\''
	case '“', '”':
		return '"'
	case '–', '—', '\u2011':
		return '-'
	}
	if IsNoBreakSpace(r) {
		return ' '
	}
	return 0
}

// IsNoBreakSpace is a space that a line may not break at: the plain,
// narrow and figure no-break spaces. A face without one prints a space.
func IsNoBreakSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2007' }

// Width returns the advance width of s at size (same unit as size).
func (f *Face) Width(s string, size float64) float64 {
	t := f.table()
	var w int
	for _, r := range s {
		w += int(f.advance(t, r))
	}
	return float64(w) * size / 1000
}

// Advance is the advance of r in 1/1000 em: the value a PDF's width table
// must hold for r, so that text drawn is exactly as wide as text measured.
// A rune the face lacks has the advance of .notdef.
func (f *Face) Advance(r rune) int { return int(f.advance(f.table(), r)) }

// table is the face's width table, filled on first use.
func (f *Face) table() []uint16 {
	if f.lazy != nil {
		f.lazy.once.Do(func() { f.widths = f.lazy.fill() })
	}
	return f.widths
}

type lazyWidths struct {
	once sync.Once
	fill func() []uint16
}

func (f *Face) advance(t []uint16, r rune) uint16 {
	if r >= 0 && r < 0x10000 {
		// fpdf stores zero-advance glyphs (combining marks) with a
		// sentinel and skips them when measuring; mirror that.
		if w := t[r]; w != 0 {
			if w == zeroAdvance {
				return 0
			}
			return w
		}
		if p := plainForm(r); p != 0 && t[p] != 0 && t[p] != zeroAdvance {
			return t[p] // drawn as its plain form (Printable)
		}
		if IsJoiner(r) {
			return 0 // not drawn (IsJoiner)
		}
	}
	return f.missing
}

const zeroAdvance = math.MaxUint16

// Family is the four faces a handout draws with.
type Family struct {
	Name  string // the name fonts are registered under in the PDF
	Faces [4]*Face
	// Fallback prints the characters this family's faces lack: the face
	// a Latin word, a digit or an address inside a script font's text is
	// set in (see ForLanguage). nil for none.
	Fallback *Family
	shaped   bool // see Shaped
	// Digest identifies the four files (FilesDigest), for document IDs:
	// computed once when a clinic's family is loaded, and generated for
	// the default one, so that no build hashes 200 KB of font data.
	Digest [32]byte
}

// FilesDigest is the SHA-256 of the faces' files, in style order, each
// preceded by its length.
func FilesDigest(data [4][]byte) [32]byte {
	h := sha256.New()
	for _, d := range data {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(d)))
		h.Write(n[:])
		h.Write(d)
	}
	return [32]byte(h.Sum(nil))
}

// Face returns the face for a style.
func (fam *Family) Face(s Style) *Face { return fam.Faces[s] }

// Missing returns the runes of s that the face for style cannot print, in
// order of first appearance, without repeats. A no-break space the face
// lacks is not missing: it prints as a space (Printable) and still holds
// its words together. Pasted text is full of them, unseen (macOS puts
// U+202F in times: "10:00 AM"), so refusing one would help nobody.
func (fam *Family) Missing(s string, style Style) []rune {
	var out []rune
	var seen map[rune]bool // a map, not a scan of out: a text in another script misses thousands
	for _, r := range s {
		if r == '\n' || r == '\t' || seen[r] || fam.Has(style, r) || IsNoBreakSpace(r) && fam.Has(style, ' ') || IsJoiner(r) {
			continue
		}
		if seen == nil {
			seen = map[rune]bool{}
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}

// IsJoiner is the zero-width non-joiner (U+200C) or joiner (U+200D): a
// control for how letters join, not a character to print. Persian writes
// the non-joiner inside words (می‌خواهم, "I want"), and Indic scripts use both
// to choose a conjunct's form. A face needs no glyph for them: the shaper
// reads them, and a writer without one draws nothing for them. So they
// are never missing.
func IsJoiner(r rune) bool { return r == '\u200c' || r == '\u200d' }

// Has reports whether a face of the family or of its fallbacks prints r in
// style.
func (fam *Family) Has(style Style, r rune) bool {
	for f := fam; f != nil; f = f.Fallback {
		if f.Faces[style].Has(r) {
			return true
		}
	}
	return false
}

// FaceFor is the face that prints r in style: the family's own when it has
// r, else the first fallback's that does, else the family's own (which
// draws its missing glyph; check refuses such text first). A character
// that only its plain form can print (Printable) stays in the first face
// that has that form.
func (fam *Family) FaceFor(style Style, r rune) *Face {
	for f := fam; f != nil; f = f.Fallback {
		if f.Faces[style].Has(r) {
			return f.Faces[style]
		}
	}
	for f := fam; f != nil; f = f.Fallback {
		if p := plainForm(r); p != 0 && f.Faces[style].Has(p) {
			return f.Faces[style]
		}
	}
	return fam.Faces[style]
}

// Default returns the embedded Atkinson Hyperlegible family, built on first
// use from what parsing it gives (generated into default_gen.go) and then
// shared: a family is immutable, so every document and
// goroutine may use it.
func Default() *Family {
	defaultOnce.Do(func() {
		fam := &Family{Name: fonts.FamilyName, Digest: defaultDigest}
		for i, data := range [4][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic} {
			face := defaultFaces[i]
			face.Data, face.widths = data, unpackWidths(defaultWidths[i])
			suffix, _ := Style(i).Suffix()
			face.Name = fonts.FamilyName + "-" + suffix
			fam.Faces[i] = &face
		}
		defaultFamily = fam
	})
	return defaultFamily
}

var (
	defaultOnce   sync.Once
	defaultFamily *Family
)

// Cache parses each font family once per process, keyed by its files, so a
// batch build of hundreds of handouts with a clinic font reads and checks
// the files once.
type Cache struct {
	mu  sync.Mutex
	fam map[string]*cacheEntry
}

type cacheEntry struct {
	once sync.Once
	fam  *Family
	err  error
}

// Load returns the family made of the four files, parsing them at most once
// for the life of the cache.
func (c *Cache) Load(paths [4]string) (*Family, error) {
	key := strings.Join(paths[:], "\x00")
	c.mu.Lock()
	if c.fam == nil {
		c.fam = map[string]*cacheEntry{}
	}
	e := c.fam[key]
	if e == nil {
		e = &cacheEntry{}
		c.fam[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.fam, e.err = LoadFiles(paths) })
	return e.fam, e.err
}

// MaxFontBytes is the largest font file read. Text fonts for Latin scripts
// are well under 1 MB; families covering Chinese, Japanese or Korean reach
// 20 MB.
const MaxFontBytes = 32 << 20

// LoadFiles parses a family from four TrueType files, in the order regular,
// bold, italic, bold italic. Every problem is reported, one per file.
func LoadFiles(paths [4]string) (*Family, error) {
	fam := &Family{}
	var errs []error
	for i, p := range paths {
		data, err := userfile.Read(p, MaxFontBytes)
		var big *userfile.TooLargeError
		switch {
		case errors.As(err, &big):
			errs = append(errs, fmt.Errorf("%s font %s: is larger than %s, more than any text font needs", Style(i), p, userfile.Size(MaxFontBytes)))
			continue
		case err != nil:
			errs = append(errs, fmt.Errorf("%s font: %s: %w", Style(i), p, err))
			continue
		}
		face, err := parseFace(data, p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s font %s: %w", Style(i), p, err))
			continue
		}
		fam.Faces[i] = face
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	fam.Name = familyName(paths[0])
	fam.Digest = FilesDigest([4][]byte{fam.Faces[0].Data, fam.Faces[1].Data, fam.Faces[2].Data, fam.Faces[3].Data})
	return fam, nil
}

// FindInDir locates a family in dir by its file names: *-Regular.ttf,
// *-Bold.ttf, *-Italic.ttf and *-BoldItalic.ttf.
func FindInDir(dir string) ([4]string, error) {
	var paths [4]string
	entries, err := os.ReadDir(dir)
	if err != nil {
		return paths, fmt.Errorf("font folder: %w", unwrapPathErr(err, dir))
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".ttf") {
			names = append(names, e.Name())
		}
	}
	var missing []string
	for _, s := range Styles {
		suffix, _ := s.Suffix()
		for _, n := range names {
			base := strings.TrimSuffix(n, filepath.Ext(n))
			if strings.HasSuffix(base, "-"+suffix) {
				paths[s] = filepath.Join(dir, n)
				break
			}
		}
		if paths[s] == "" {
			missing = append(missing, "*-"+suffix+".ttf")
		}
	}
	if len(missing) > 0 {
		return paths, fmt.Errorf("font folder %s has no %s (a family needs *-Regular.ttf, *-Bold.ttf, *-Italic.ttf and *-BoldItalic.ttf)", dir, strings.Join(missing, ", "))
	}
	return paths, nil
}

// String is the style's name in messages: "regular", "bold italic".
func (s Style) String() string {
	return [...]string{"regular", "bold", "italic", "bold italic"}[s]
}

func unwrapPathErr(err error, path string) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", path, pe.Err)
	}
	return err
}

// familyName derives a PDF-safe family name from the regular file's name.
func familyName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	base = strings.TrimSuffix(base, "-Regular")
	var b strings.Builder
	for _, r := range base {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "BrandFont"
	}
	return b.String()
}

// parseFace checks what fpdf cannot: it only embeds glyf-based TrueType with a
// Unicode BMP cmap, fails silently on anything else, and prints to stdout
// instead of returning an error. Refusing such files here keeps a bad clinic
// font from becoming an empty or broken PDF.
func parseFace(data []byte, path string) (*Face, error) {
	return parseFaceGlyphs(data, path, true)
}

// parseFaceGlyphs is parseFace, with every composite glyph of the face
// walked (ComponentClosure's limits) if allGlyphs. Without, the glyph
// data's layout is still checked, and the glyphs a document uses are
// walked with the same limits when its subset is cut (SubsetGlyphs,
// Subset), where a hostile glyph is an error as here: a CJK face has
// 27,000 to 50,000 glyphs, and walking them all cost 30 ms a build.
func parseFaceGlyphs(data []byte, path string, allGlyphs bool) (*Face, error) {
	return parseFaceOutlines(data, path, allGlyphs, false)
}

// parseCJKFace parses a CJK face found on the system: TrueType, or
// OpenType with CID-keyed CFF outlines (Noto Sans CJK), which the PDF
// writer embeds through subsetCFF. Its glyphs are walked when a subset is
// cut, not here (parseFaceGlyphs).
func parseCJKFace(data []byte, path string) (*Face, error) {
	return parseFaceOutlines(data, path, false, true)
}

// parseFaceOutlines is parseFaceGlyphs, taking CFF outlines too if cff.
func parseFaceOutlines(data []byte, path string, allGlyphs, cff bool) (*Face, error) {
	if cff && bytes.HasPrefix(data, []byte("OTTO")) {
		if face := parseCFFFace(data, path); face != nil {
			return face, nil
		}
	}
	return parseFaceSfnt(data, path, allGlyphs, cff)
}

// parseFaceSfnt is parseFaceOutlines for any face, read with sfnt.
func parseFaceSfnt(data []byte, path string, allGlyphs, cff bool) (*Face, error) {
	isCFF, err := fontKind(data, cff)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("not a readable TrueType font: %w", err)
	}
	var buf sfnt.Buffer
	if err := checkTables(data, func(gi int) rune { return runeOf(f, &buf, gi) }); err != nil {
		return nil, fmt.Errorf("is damaged: %w", err)
	}
	upem := f.UnitsPerEm()
	ppem := fixed.Int26_6(upem) << 6 // advances come back in font units × 64
	scale := 1000 / float64(upem)
	unit := func(v fixed.Int26_6) float64 { return float64(v) / 64 * scale }

	face := &Face{Data: data, Path: path, Name: faceName(path), Upem: int(upem), NumGlyphs: f.NumGlyphs()}
	if adv, err := f.GlyphAdvance(&buf, 0, ppem, 0); err == nil {
		face.missing = uint16(math.Round(unit(adv)))
	}
	width := func(buf *sfnt.Buffer, r rune) uint16 {
		gi, err := f.GlyphIndex(buf, r)
		if err != nil || gi == 0 {
			return 0
		}
		adv, err := f.GlyphAdvance(buf, gi, ppem, 0)
		if err != nil {
			return 0
		}
		if w := uint16(math.Round(unit(adv))); w != 0 {
			return w
		}
		return zeroAdvance
	}
	if err := checkLetters(func(r rune) uint16 { return width(&buf, r) }); err != nil {
		return nil, err
	}
	face.lazy = &lazyWidths{fill: func() []uint16 {
		if cff {
			if t, ok := cmapWidths(data); ok {
				return t
			}
		}
		var buf sfnt.Buffer
		t := make([]uint16, 0x10000)
		// Skipping the surrogate range and private-use area would save
		// little; the whole BMP is about a millisecond per face.
		for r := rune(0x20); r < 0x10000; r++ {
			t[r] = width(&buf, r)
		}
		return t
	}}
	if err := checkOutlines(data, isCFF, allGlyphs, func(gi int) rune { return runeOf(f, &buf, gi) }); err != nil {
		return nil, fmt.Errorf("is damaged: %w", err)
	}
	m, err := f.Metrics(&buf, ppem, 0)
	if err != nil {
		return nil, fmt.Errorf("not a readable TrueType font: %w", err)
	}
	face.Ascent = unit(m.Ascent)
	face.Descent = -unit(m.Descent)
	face.CapHeight = int(math.Round(unit(m.CapHeight)))
	face.XHeight = unit(m.XHeight)
	if face.CapHeight == 0 {
		face.CapHeight = int(math.Round(face.Ascent))
	}
	readDescriptor(face, data, 1000/float64(upem))
	return face, nil
}

// fontKind refuses a file that is not a TrueType font, or, unless cff,
// an OpenType one with CFF outlines; isCFF is a CFF one taken.
func fontKind(data []byte, cff bool) (isCFF bool, err error) {
	if len(data) < 12 {
		return false, errors.New("not a TrueType font (file too short)")
	}
	isCFF = cff && bytes.HasPrefix(data, []byte("OTTO"))
	switch {
	case isCFF:
	case bytes.HasPrefix(data, []byte("OTTO")):
		return false, errors.New("is an OpenType CFF font; only TrueType (glyf) fonts can be embedded: convert it to .ttf")
	case bytes.HasPrefix(data, []byte("ttcf")):
		return false, errors.New("is a font collection (.ttc); give one TrueType file per style")
	case !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(data, []byte("true")):
		return false, errors.New("not a TrueType font")
	}
	return isCFF, nil
}

// checkLetters refuses a face whose widths (width: 0 for a character it
// does not map, zeroAdvance for one without width) cannot set text.
func checkLetters(width func(rune) uint16) error {
	// A font for one script (Noto Naskh Arabic) has no Latin letters; a
	// family is paired with another for what it lacks (Family.Fallback).
	// A font that maps none of these letters maps no text at all.
	mapsText := false
	for _, r := range "aA" + scriptLetters {
		if width(r) != 0 {
			mapsText = true
			break
		}
	}
	if !mapsText {
		return errors.New("has no Unicode character map for text")
	}
	// A letter that takes no room would set every character on its own
	// line, or all of them on top of each other.
	for _, r := range "AaBbEeOo" + scriptLetters {
		if width(r) == zeroAdvance {
			return fmt.Errorf("is damaged: the letter %q has an advance width of zero", string(r))
		}
	}
	return nil
}

// checkOutlines checks the face's outlines as far as a build needs
// before it cuts a subset: a CFF's structure (its INDEXes, font dicts and
// private dicts; each glyph's charstring is walked when a subset is cut),
// or the glyf table's layout, with every composite glyph walked if
// allGlyphs (name says which character a glyph draws, for messages).
func checkOutlines(data []byte, isCFF, allGlyphs bool, name func(gi int) rune) error {
	switch {
	case isCFF:
		_, err := readCFF(table(data, "CFF "))
		return err
	case allGlyphs:
		return checkGlyphs(data, name)
	}
	_, err := readGlyphData(data)
	return err
}

// scriptLetters are a letter of each script a handout may be written in
// (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Bengali, Gurmukhi,
// Ethiopic, Han, Hangul, kana, Thai): a font mapping any of them maps
// text.
const scriptLetters = "аαاאकকਕአ一가あก"

// readDescriptor fills the descriptor facts sfnt does not expose from the
// head, post and OS/2 tables. A table that is missing or short leaves its
// fields at zero: they are hints to PDF viewers, not needed to draw.
func readDescriptor(face *Face, data []byte, scale float64) {
	i16 := func(b []byte, off int) int { return int(int16(uint16(b[off])<<8 | uint16(b[off+1]))) }
	em := func(v int) int { return int(math.Round(float64(v) * scale)) }
	if head := table(data, "head"); len(head) >= 44 {
		face.BBox = [4]int{em(i16(head, 36)), em(i16(head, 38)), em(i16(head, 40)), em(i16(head, 42))}
	}
	if post := table(data, "post"); len(post) >= 16 {
		// italicAngle is a 16.16 fixed-point number.
		fx := int32(uint32(post[4])<<24 | uint32(post[5])<<16 | uint32(post[6])<<8 | uint32(post[7]))
		face.ItalicAngle = float64(fx) / 65536
		face.FixedPitch = post[12]|post[13]|post[14]|post[15] != 0
	}
	weight := 400
	if os2 := table(data, "OS/2"); len(os2) >= 6 {
		weight = i16(os2, 4)
	}
	face.StemV = 50 + int(math.Pow(float64(weight)/65, 2))
}

// table returns the bytes of the TrueType table tag, or nil.
func table(data []byte, tag string) []byte {
	if len(data) < 12 {
		return nil
	}
	n := int(data[4])<<8 | int(data[5])
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) != tag {
			continue
		}
		off := int(uint32(data[rec+8])<<24 | uint32(data[rec+9])<<16 | uint32(data[rec+10])<<8 | uint32(data[rec+11]))
		size := int(uint32(data[rec+12])<<24 | uint32(data[rec+13])<<16 | uint32(data[rec+14])<<8 | uint32(data[rec+15]))
		if off < 0 || size < 0 || off > len(data) || size > len(data)-off {
			return nil
		}
		return data[off : off+size]
	}
	return nil
}

// Width measures s in style at size; it makes a Family a layout measurer.
func (fam *Family) Width(s string, style Style, size float64) float64 {
	if fam.Fallback == nil {
		return fam.Faces[style].Width(s, size)
	}
	var w int
	for _, r := range s {
		w += fam.FaceFor(style, r).Advance(r)
	}
	return float64(w) * size / 1000
}

// faceName is a face's name in a PDF, from its file's name: letters,
// digits and hyphens ("NotoSans-Bold").
func faceName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range base {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
