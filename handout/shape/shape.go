// Package shape sets text that one glyph per character cannot print:
// Arabic letters joined to their neighbours, Indic vowel signs reordered
// and consonants fused into conjuncts, marks placed on their letters, and
// right-to-left text in right-to-left order with numbers and Latin words
// inside it kept in their own order (the Unicode bidirectional algorithm,
// UAX #9).
//
// It is a thin layer over github.com/go-text/typesetting, a pure-Go port
// of HarfBuzz with the Unicode bidi and line-breaking algorithms. Shaping
// costs a millisecond or two per thousand words, so what is shaped is kept
// per word, font and language (Cache): a handout repeats its words, its
// three formats and the summary's fitting set the same words again, and
// measuring a word and drawing it later use the same glyphs, so what is
// drawn is what was measured.
//
// Distances are in thousandths of an em, as a PDF font's widths are:
// multiply by the type size over 1000 for points. Shaping does not depend
// on the size.
package shape

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"weak"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"handouts/handout/fontset"
)

// parsed holds each face parsed by go-text, for as long as the face
// lives: parsing costs 0.4 to 2.2 ms a face, more than shaping a whole
// handout, and faces (fontset.Face) are immutable and shared by every
// document, so each is parsed once per process, not once per document. The
// key is a weak pointer, and the entry goes when its face does, so a
// server loading a clinic's fonts for each request does not keep them all.
var parsed sync.Map // weak.Pointer[fontset.Face] → *parsedFont

type parsedFont struct {
	once sync.Once
	font *font.Font // nil if go-text cannot read the face
	done atomic.Bool
}

// parse is face parsed by go-text (safe for concurrent use), or nil when
// go-text cannot read it: its text is then set unshaped.
func parse(face *fontset.Face) *font.Font {
	key := weak.Make(face)
	v, loaded := parsed.Load(key)
	if !loaded {
		v, loaded = parsed.LoadOrStore(key, &parsedFont{})
		if !loaded {
			runtime.AddCleanup(face, func(k weak.Pointer[fontset.Face]) { parsed.Delete(k) }, key)
		}
	}
	p := v.(*parsedFont)
	p.once.Do(func() {
		p.font = parseFont(face)
		p.done.Store(true)
	})
	return p.font
}

// prefetch starts parsing, each on a goroutine of its own, the CJK faces
// of fam and its fallbacks that go-text has not parsed yet, and with
// them the regular and bold faces of the rest of the chain: a document
// sets its first line in one of them, and soon after its first heading
// in another, and parsing each costs a Chinese build 5 to 8 ms, which a
// second core can spend while the first lays out; the Latin family
// before the CJK one (digits, Latin words) was parsed after them, on the
// first core. parse waits for a parse under way, so what is drawn does
// not change.
func prefetch(fam *fontset.Family) {
	cjk := false
	for f := fam; f != nil; f = f.Fallback {
		for _, face := range f.Faces {
			cjk = cjk || face != nil && face.IsCJK()
		}
	}
	if !cjk {
		return
	}
	for f := fam; f != nil; f = f.Fallback {
		for i, face := range f.Faces {
			if face == nil || slices.Contains(f.Faces[:i], face) {
				continue // the bold face serves bold italic too
			}
			if !face.IsCJK() && fontset.Style(i) != fontset.Regular && fontset.Style(i) != fontset.Bold {
				continue // a handout's italics are few, if any
			}
			if v, ok := parsed.Load(weak.Make(face)); ok && v.(*parsedFont).done.Load() {
				continue
			}
			go parse(face)
		}
	}
}

// parseFont is face parsed by go-text, or nil. Not font.ParseTTF: it
// wraps the font in a Face whose glyph-extents cache has a slot per
// glyph (1.3 MB for a CJK face's 65,535), and each Shaper makes its own
// Face of the font anyway.
//
// A CJK face whose substitutions and character map are another's, byte
// for byte (Noto Sans CJK's regular and bold faces share their 167 KB
// GSUB and their 46 KB BMP map), takes that face's, as go-text read them
// (sharedLayout): reading them is a third of what go-text does with a
// face, and a Chinese build reads two faces.
func parseFont(face *fontset.Face) *font.Font {
	if !face.IsCJK() {
		return loadFont(withoutOutlines(face.Data, false, false))
	}
	sh, first := claimLayout(face.Data)
	if sh == nil {
		return loadFont(withoutOutlines(face.Data, true, false))
	}
	if first {
		defer close(sh.ready) // even if go-text panics: the others wait for it
		sh.font = loadFont(withoutOutlines(face.Data, true, false))
		return sh.font
	}
	f := loadFont(withoutOutlines(face.Data, true, true))
	<-sh.ready
	if f == nil || sh.font == nil {
		// Neither read alone is the face read whole: read it so, as a
		// face of its own would be.
		return loadFont(withoutOutlines(face.Data, true, false))
	}
	f.GSUB, f.Cmap = sh.font.GSUB, sh.font.Cmap
	return f
}

// loadFont is a font file parsed by go-text, or nil.
func loadFont(m *maskedFile) *font.Font {
	ld, err := ot.NewLoader(m)
	if err != nil {
		return nil
	}
	f, err := font.NewFont(ld)
	if err != nil {
		return nil
	}
	return f
}

// A sharedLayout is a GSUB table and the parts of a character map that
// go-text reads (fontset.CmapParts) of CJK faces that have the same ones:
// the first face claiming it reads them, and the others take them from
// its font. go-text's font.Font holds them as exported fields (GSUB,
// Cmap) that shaping only reads, so two fonts may share them; the
// variation sequences (147 bytes in Noto Sans CJK) each face reads itself.
type sharedLayout struct {
	gsub, bmp, uvs []byte        // the tables compared
	ready          chan struct{} // closed once the first face is read
	font           *font.Font    // the first face read, or nil if go-text cannot read it
}

// layouts are the process's shared layouts, one per distinct GSUB and
// character map of the CJK faces read: a CJK face is read once per
// process (fontset keeps it), so there are few.
var layouts struct {
	sync.Mutex
	all []*sharedLayout
}

// claimLayout is the shared layout for a CJK font file's GSUB and
// character map, and whether the caller is the first to claim it (and
// must read them and close ready), or nil when the file has no GSUB or
// no BMP character map to share.
func claimLayout(data []byte) (*sharedLayout, bool) {
	gsub := fontset.Table(data, "GSUB")
	bmp, uvs := fontset.CmapParts(fontset.Table(data, "cmap"))
	if len(gsub) == 0 || bmp == nil {
		return nil, false
	}
	layouts.Lock()
	defer layouts.Unlock()
	for _, sh := range layouts.all {
		if bytes.Equal(sh.gsub, gsub) && bytes.Equal(sh.bmp, bmp) && bytes.Equal(sh.uvs, uvs) {
			return sh, false
		}
	}
	sh := &sharedLayout{gsub: gsub, bmp: bmp, uvs: uvs, ready: make(chan struct{})}
	layouts.all = append(layouts.all, sh)
	return sh, true
}

// withoutOutlines reads a font file with its outlines hidden when it has
// a GPOS table. go-text parses every glyph outline of a face it loads,
// half the cost of loading one; shaping needs the layout tables and the
// advances, and outlines only to place marks in fonts without GPOS
// positioning (HarfBuzz's fallback), which such fonts keep. Glyph extents
// are never asked for (ShapeNoExtents).
//
// shared hides a CJK face's GSUB table too, and gives it a character map
// of its variation sequences alone (fontset.VariationsCmap): the face
// takes those of another (sharedLayout).
//
// A CJK face's GSUB and GPOS lookups that only features off by default
// use are given with no subtables (idleLookups).
func withoutOutlines(data []byte, cjk, shared bool) *maskedFile {
	return maskFile(data, cjk, shared, true)
}

// maskFile is withoutOutlines, with the idle lookups kept whole unless
// prune.
func maskFile(data []byte, cjk, shared, prune bool) *maskedFile {
	m := &maskedFile{data: data}
	if len(data) < 12 {
		return m
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	loca, gpos := -1, false
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			break
		}
		switch string(data[rec : rec+4]) {
		case "cmap":
			if cjk {
				m.smallCmap(rec, shared)
			}
		case "GSUB":
			if shared {
				m.at = append(m.at, rec)
			} else if cjk && prune {
				m.idle(rec, false)
			}
		case "loca":
			// Without its index go-text leaves glyf alone (with an
			// index and no glyf it would panic).
			loca = rec
		case "GPOS":
			gpos = true
			if cjk && prune {
				m.idle(rec, true)
			}
		case "glyf", "post":
			// go-text copies glyf even when it cannot parse it (17 MB
			// for a CJK face), and reads every glyph's name from post
			// (50,000 in WenQuanYi Micro Hei), which shaping never asks.
			if cjk {
				m.at = append(m.at, rec)
			}
		case "CFF ", "vmtx", "vhea", "VORG":
			// Noto Sans CJK's 15 MB of charstrings (go-text would
			// index all 65,535 of them to shape text that has no
			// marks to place) and its vertical metrics (a handout is
			// set horizontally): 4 of the 9 ms go-text took per face.
			if cjk {
				m.at = append(m.at, rec)
			}
		case "EBLC":
			// A CJK face's embedded bitmaps (2.5 MB in AR PL UMing)
			// are for screens; without their index they are not read.
			if cjk {
				m.at = append(m.at, rec)
			}
		}
	}
	// Chinese, Japanese and Korean text has no marks to place, so a CJK
	// face's outlines (17 MB in AR PL UMing, which has no GPOS) are
	// never needed either.
	if (gpos || cjk) && loca >= 0 {
		m.at = append(m.at, loca)
	}
	return m
}

// maskedFile is a font file read as is, but for the four bytes at each
// offset in at (a table's tag in the table directory), which read as
// "hidn", and the table directory record at cmapAt, which names cmap
// instead of the file's: a table of its own, read after the file's end.
type maskedFile struct {
	data []byte
	at   []int
	zero []int // where a 16-bit number reads as 0: an idle lookup's subtable count
	pos  int64

	cmap   []byte   // the table the cmap record names, or nil
	cmapAt int      // where that record is
	record [16]byte // the record as read
}

// smallCmap gives go-text, in place of the cmap table whose directory
// record is at rec, one with the font's BMP Unicode map (format 4) and
// its variation sequences (format 14) alone. Noto Sans CJK's cmap also
// holds a 190 KB format 12 map of 44,000 characters, which go-text
// prefers and decodes whole (16,000 groups) on every load: a handout
// prints BMP characters only (fontset.Face.Has), which the format 4 map
// gives the same glyphs.
//
// variations gives it the variation sequences alone (fontset.VariationsCmap).
func (m *maskedFile) smallCmap(rec int, variations bool) {
	off, size := int(binary.BigEndian.Uint32(m.data[rec+8:])), int(binary.BigEndian.Uint32(m.data[rec+12:]))
	if off < 0 || size < 4 || off > len(m.data)-size {
		return
	}
	var cmap []byte
	if bmp, _ := fontset.CmapParts(m.data[off : off+size]); variations && bmp != nil {
		cmap = fontset.VariationsCmap(m.data[off : off+size])
	} else {
		cmap = fontset.SmallCmap(m.data[off : off+size])
	}
	if cmap == nil {
		return
	}
	m.cmap, m.cmapAt = cmap, rec
	copy(m.record[:], m.data[rec:rec+16])
	binary.BigEndian.PutUint32(m.record[4:], 0) // go-text does not check sums
	binary.BigEndian.PutUint32(m.record[8:], uint32(m.cmapOffset()))
	binary.BigEndian.PutUint32(m.record[12:], uint32(len(cmap)))
}

// idle empties, in the GSUB or GPOS table whose directory record is at
// rec, the lookups that only features off by default use
// (idleLookups).
func (m *maskedFile) idle(rec int, gpos bool) {
	off, size := int(binary.BigEndian.Uint32(m.data[rec+8:])), int(binary.BigEndian.Uint32(m.data[rec+12:]))
	if off < 0 || size < 0 || off > len(m.data)-size {
		return
	}
	for _, at := range idleLookups(m.data[off:off+size], gpos) {
		m.zero = append(m.zero, off+at)
	}
}

// cmapOffset is where the small cmap lies: after the file, aligned.
func (m *maskedFile) cmapOffset() int64 { return (int64(len(m.data)) + 3) &^ 3 }

// size is the file's length, with the small cmap.
func (m *maskedFile) size() int64 {
	if m.cmap == nil {
		return int64(len(m.data))
	}
	return m.cmapOffset() + int64(len(m.cmap))
}

func (m *maskedFile) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > m.size() {
		return 0, io.EOF
	}
	n := 0
	if off < int64(len(m.data)) {
		n = copy(p, m.data[off:])
	}
	if m.cmap != nil {
		// The padding before the small cmap reads as zeros, the
		// table itself from m.cmap, and its record from m.record.
		for n < len(p) && off+int64(n) < m.cmapOffset() {
			p[n] = 0
			n++
		}
		if at := off + int64(n) - m.cmapOffset(); at >= 0 && at < int64(len(m.cmap)) {
			n += copy(p[n:], m.cmap[at:])
		}
		for i, c := range m.record {
			if k := int64(m.cmapAt+i) - off; k >= 0 && k < int64(n) {
				p[k] = c
			}
		}
	}
	for _, at := range m.zero {
		for i := range 2 {
			if k := int64(at+i) - off; k >= 0 && k < int64(n) {
				p[k] = 0
			}
		}
	}
	for _, at := range m.at {
		for i, c := range []byte("hidn") {
			if k := int64(at+i) - off; k >= 0 && k < int64(n) {
				p[k] = c
			}
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

func (m *maskedFile) Read(p []byte) (int, error) {
	if m.pos >= m.size() {
		return 0, io.EOF
	}
	n, _ := m.ReadAt(p, m.pos)
	m.pos += int64(n)
	return n, nil
}

func (m *maskedFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += m.pos
	case io.SeekEnd:
		offset += m.size()
	}
	if offset < 0 {
		return 0, errors.New("shape: seek before the start of a font file")
	}
	m.pos = offset
	return offset, nil
}

// Run is a stretch of text shaped in one face and direction: the glyph
// run the PDF writer draws, and its width. A run whose Glyphs are nil was
// not shaped (go-text cannot read its face): it is drawn as text, one
// glyph per character, as it was measured.
type Run struct {
	fontset.GlyphRun
	// Advance is the run's width in 1/1000 em: its glyphs' advances.
	Advance float64
}

// Shaper shapes text and remembers what it shaped. It is for one
// goroutine at a time (one document); fonts are shared, faces are not.
type Shaper struct {
	lang  language.Language
	tag   string
	cache *Cache
	hb    shaping.HarfbuzzShaper
	seg   shaping.Segmenter
	faces map[*fontset.Face]*font.Face
	back  map[*font.Face]*fontset.Face
	words map[wordKey][]Run
	runes []rune

	// Scratch space of Line, kept from one line to the next.
	bidi           bidi.Paragraph
	lineRunes      []rune
	lineWhere      []charAt
	lineLevels     []int
	lineItems      []lineItem
	lineOrder      []int
	lineItemLevels []int

	// Shaped counts the texts actually shaped (cache misses), so tests
	// can check that the cache works without timing anything.
	Shaped int
}

type wordKey struct {
	text  string
	fam   *fontset.Family
	style fontset.Style
	rtl   bool
	lang  string
}

// Cache holds shaped words for every Shaper that uses it, safe for
// concurrent use. What it holds never changes once shaped (it depends on
// the word, the family, the style, the direction and the language only),
// so sharing it across documents and goroutines changes no output: a
// build's formats and the summary's fitting shape each word once. It is
// bounded: past maxCached words it starts again, so a server that sees
// many clinics' fonts does not grow without end.
type Cache struct {
	m sync.Map // wordKey → []Run
	n atomic.Int64
	// parent, for a private cache (Private), is read but never written.
	parent *Cache
}

// Private returns a cache that reads c and keeps what it shapes to itself:
// a patient's copy shapes the patient's name and note in one, so those
// words die with their render instead of staying in the process's cache.
func (c *Cache) Private() *Cache { return &Cache{parent: c} }

// Cached reports whether the process's shared cache holds a shaped text,
// or a text holding it, in any family, style or direction (for tests of
// what it must not keep).
func Cached(text string) bool {
	found := false
	shared.m.Range(func(k, _ any) bool {
		found = strings.Contains(k.(wordKey).text, text)
		return !found
	})
	return found
}

const maxCached = 200_000

func (c *Cache) load(k wordKey) ([]Run, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		if c.parent != nil {
			return c.parent.load(k)
		}
		return nil, false
	}
	return v.([]Run), true
}

func (c *Cache) store(k wordKey, runs []Run) {
	if c.n.Add(1) > maxCached {
		c.m.Clear()
		c.n.Store(0)
	}
	c.m.Store(k, runs)
}

// shared is the cache New's Shapers use: shaped words are pure values, the
// process's memo of them, like the parsed faces.
var shared Cache

// New returns a Shaper for text in a language (a BCP 47 tag, as a
// handout's `language:`; it picks language-specific forms, such as
// Persian and Urdu digits), sharing the process's cache of shaped words.
func New(lang string) *Shaper { return NewWithCache(lang, &shared) }

// NewWithCache is New with its own cache (tests count what it shapes).
func NewWithCache(lang string, c *Cache) *Shaper {
	return &Shaper{
		lang:  language.NewLanguage(lang),
		tag:   lang,
		cache: c,
		faces: map[*fontset.Face]*font.Face{},
		back:  map[*font.Face]*fontset.Face{},
		words: map[wordKey][]Run{},
	}
}

// face is this Shaper's go-text face of f, or nil if go-text cannot
// read f.
func (s *Shaper) face(f *fontset.Face) *font.Face {
	fc, ok := s.faces[f]
	if !ok {
		if pf := parse(f); pf != nil {
			fc = newFace(pf)
			s.back[fc] = f
		}
		s.faces[f] = fc
	}
	return fc
}

// newFace is a Shaper's face of f: font.NewFace's, without its cache of
// glyph extents, which has a slot for every glyph of the font (1.3 MB a
// CJK face, for each document) and which shaping never fills: it asks no
// extents (ShapeNoExtents). A face made for a font of no glyphs has the
// character-map caches NewFace initialises and an extents cache of no
// slots; it is then pointed at f.
func newFace(f *font.Font) *font.Face {
	fc := font.NewFace(&font.Font{})
	fc.Font = f
	return fc
}

// chainMap chooses the face for each character, for go-text's Segmenter:
// the first face of the family and its fallbacks that has it
// (fontset.Family.FaceFor).
type chainMap struct {
	s     *Shaper
	fam   *fontset.Family
	style fontset.Style
	only  *fontset.Face // the face for every character, when one has them all
}

func (m chainMap) ResolveFace(r rune) *font.Face {
	if m.only != nil {
		return m.s.face(m.only)
	}
	return m.s.face(m.fam.FaceFor(m.style, r))
}

// wholeFace is the first face of the family and its fallbacks that has
// every character of text, or nil. A word one face can print is set in it
// whole: a web address or "(555)" in an Arabic handout is all in the Latin
// face, not its dots and brackets in the Arabic one (which has them) and
// its letters in the Latin one.
//
// Not so for Chinese and Japanese, written without spaces: there a "word"
// is a phrase with digits in it ("7到9小时"), and the CJK font, which
// has Latin letters too, would take them all; each character is set in
// the first face that has it, so digits and Latin words are in the
// clinic's font, as a browser sets them.
func wholeFace(text string, fam *fontset.Family, style fontset.Style) *fontset.Face {
	if strings.IndexFunc(text, isCJK) >= 0 {
		return nil
	}
	for f := fam; f != nil; f = f.Fallback {
		face := f.Faces[style]
		all := true
		for _, r := range text {
			if !face.Has(r) && face.Printable(r) == r {
				all = false
				break
			}
		}
		if all {
			return face
		}
	}
	return nil
}

// Shape shapes text (typically one word) in a style of a family (and its
// fallbacks, for the characters the family lacks), in a paragraph whose
// base direction is right to left if rtl. The text is split where its
// direction, script or face changes; the runs come back in logical order,
// each with its glyphs in visual order. The result is cached and shared:
// callers must not change it.
func (s *Shaper) Shape(text string, fam *fontset.Family, style fontset.Style, rtl bool) []Run {
	k := wordKey{text, fam, style, rtl, s.tag}
	if runs, ok := s.words[k]; ok {
		return runs
	}
	runs, ok := s.cache.load(k)
	if !ok {
		runs = s.shape(text, fam, style, rtl)
		s.cache.store(k, runs)
	}
	s.words[k] = runs
	return runs
}

// Width is the advance of text shaped as Shape shapes it, in 1/1000 em.
func (s *Shaper) Width(text string, fam *fontset.Family, style fontset.Style, rtl bool) float64 {
	w := 0.0
	for _, r := range s.Shape(text, fam, style, rtl) {
		w += r.Advance
	}
	return w
}

func (s *Shaper) shape(text string, fam *fontset.Family, style fontset.Style, rtl bool) []Run {
	if text == "" {
		return nil
	}
	s.Shaped++
	s.runes = s.runes[:0]
	// offsets[i] is the byte offset of rune i; offsets[len] the end.
	offsets := make([]int, 0, len(text)+1)
	for i, r := range text {
		s.runes = append(s.runes, r)
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(text))
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	in := shaping.Input{
		Text:      s.runes,
		RunStart:  0,
		RunEnd:    len(s.runes),
		Direction: dir,
		Size:      fixed.I(1000),
		Language:  s.lang,
	}
	fm := chainMap{s, fam, style, wholeFace(text, fam, style)}
	parts := cover(s.seg.Split(in, fm), in, fm)
	// A character a face has only in its plain form (a curly quote in a
	// clinic's font without one) is shaped as that form, as
	// fontset.Face.Printable draws it; the text keeps the character.
	for _, p := range parts {
		if face := s.back[p.Face]; face != nil {
			for i := p.RunStart; i < p.RunEnd; i++ {
				s.runes[i] = face.Printable(s.runes[i])
			}
		}
	}
	runs := make([]Run, 0, len(parts))
	for _, p := range parts {
		run := Run{GlyphRun: fontset.GlyphRun{
			Text: text[offsets[p.RunStart]:offsets[p.RunEnd]],
			RTL:  p.Direction.Progression() == di.TowardTopLeft,
		}}
		base := offsets[p.RunStart]
		face := s.back[p.Face]
		if face == nil {
			// go-text cannot read this face: set the text unshaped,
			// measured by the face's own widths.
			face = fam.FaceFor(style, s.runes[p.RunStart])
			run.Face = face
			run.Advance = face.Width(run.Text, 1000)
			runs = append(runs, run)
			continue
		}
		run.Face = face
		p.Language = s.lang
		out := s.hb.ShapeNoExtents(p)
		run.Glyphs = make([]fontset.Glyph, len(out.Glyphs))
		for i, g := range out.Glyphs {
			start := min(max(g.TextIndex(), p.RunStart), p.RunEnd)
			run.Glyphs[i] = fontset.Glyph{
				ID:      uint16(g.GlyphID),
				Advance: fromFixed(g.Advance),
				XOffset: fromFixed(g.XOffset),
				YOffset: fromFixed(g.YOffset),
				Cluster: offsets[start] - base,
			}
			run.Advance += run.Glyphs[i].Advance
		}
		runs = append(runs, run)
	}
	return runs
}

// cover fills the gaps go-text's Segmenter leaves (it drops text after a
// paragraph separator such as U+001C) with runs of their own, so every
// character is shaped and none is lost.
func cover(parts []shaping.Input, in shaping.Input, fm chainMap) []shaping.Input {
	at := in.RunStart
	var out []shaping.Input
	gap := func(end int) {
		if end > at {
			g := in
			g.RunStart, g.RunEnd = at, end
			g.Face = fm.ResolveFace(in.Text[at])
			out = append(out, g)
		}
	}
	for _, p := range parts {
		if p.RunStart < at || p.RunEnd <= p.RunStart {
			continue
		}
		gap(p.RunStart)
		out = append(out, p)
		at = p.RunEnd
	}
	gap(in.RunEnd)
	return out
}

func fromFixed(v fixed.Int26_6) float64 { return float64(v) / 64 }

// Needs reports whether text needs the shaper: it holds a character
// outside Latin, Greek and Cyrillic, or a combining mark (which a simple
// font would draw beside its letter, not on it), or a right-to-left or
// joining control. Text that does not is set one glyph per character on
// the fast path.
func Needs(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if needs(r) {
			return true
		}
	}
	return false
}

func needs(r rune) bool {
	switch {
	case r < 0x0300:
		return false
	case r < 0x0370:
		return true // combining diacritical marks
	case r < 0x0590:
		return unicode.Is(unicode.Mn, r) // Greek, Cyrillic, Armenian: only their marks
	case r >= 0x1E00 && r < 0x2000:
		return unicode.Is(unicode.Mn, r) // Latin Extended Additional, Greek Extended
	case r >= 0x2000 && r < 0x2070:
		// General punctuation: only the joiners and direction controls.
		return r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066'
	case r >= 0x2070 && r < 0x2E00:
		return unicode.Is(unicode.Mn, r) // symbols, arrows, currency, letterlike
	}
	return true
}

// IsRTL reports whether a language (a BCP 47 tag) is written right to
// left: Arabic, Persian, Urdu, Hebrew, Pashto, Sindhi, Kurdish (Sorani),
// Uyghur, Yiddish, Dhivehi, or any tag naming the Arabic or Hebrew script.
func IsRTL(lang string) bool {
	tag := []byte(lang)
	for i, c := range tag {
		if c == '_' {
			tag[i] = '-'
		}
		tag[i] |= 0x20 // lower case, for letters and '-'
	}
	l := string(tag)
	primary, rest, _ := cutDash(l)
	switch primary {
	case "ar", "fa", "ur", "he", "iw", "ps", "sd", "ckb", "ug", "yi", "dv", "prs", "pes", "arb", "ks":
		// Kashmiri is written in Arabic script by default; a Devanagari
		// subtag below says otherwise.
		for _, sub := range splitDash(rest) {
			if len(sub) == 4 && sub != "arab" && sub != "hebr" && sub != "thaa" {
				return false
			}
		}
		return true
	}
	for _, sub := range splitDash(rest) {
		switch sub {
		case "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg":
			return true
		}
	}
	return false
}

func cutDash(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func splitDash(s string) []string {
	var out []string
	for s != "" {
		var part string
		part, s, _ = cutDash(s)
		out = append(out, part)
	}
	return out
}
