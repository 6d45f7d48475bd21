package pdfwriter

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf16"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// Shaped text (layout.Op.Glyphs) is drawn by glyph, not by character: a
// joined Arabic form or a Hindi conjunct has no character of its own. Each
// face drawn that way is a Type0 font over a CIDFontType2 font (ISO
// 32000-1, 9.7): two-byte codes (Identity-H) that are glyph numbers of a
// compact subset (fontset.Subset, renumbered, so CIDToGIDMap is the
// identity), a /W array of the subset's advances, and a ToUnicode map from
// each glyph to its cluster's text. A cluster of several glyphs is wrapped
// in a span with /ActualText, so copying, searching and screen readers
// get its characters in order whatever the glyphs are.

// glyphFont is one face's glyphs drawn from shaped runs.
type glyphFont struct {
	face *fontset.Face
	key  string // resource name
	gids []int  // original glyph numbers drawn, sorted once planned
	seen map[uint16]bool
	// text maps a glyph to the text it reads as: from a cluster it draws
	// alone, else the cluster it starts.
	text, starts map[uint16]string
	// blank is the face's glyph for U+200B, the zero-width space, which
	// draws nothing (Noto's glyphs for the direction marks draw a dotted
	// box): on right-to-left pages it starts the spans a cluster is read
	// through character by character (readerOrder), and its Unicode map
	// says a right-to-left mark. hasBlank says the face has one, looked
	// says it was looked for.
	blank            uint16
	hasBlank, looked bool
	sub              *glyphSubset // set by embed
}

// planGlyphs records what op's shaped run draws, on a page that reads
// right to left if rtl.
func (p *fontPlan) planGlyphs(op layout.Op, rtl bool) error {
	run := op.Glyphs
	if run.Face == nil {
		return fmt.Errorf("a shaped run of %q names no face", run.Text)
	}
	gf := p.glyphFonts[run.Face]
	if gf == nil {
		if p.glyphFonts == nil {
			p.glyphFonts = map[*fontset.Face]*glyphFont{}
		}
		gf = &glyphFont{face: run.Face, key: fmt.Sprintf("g%d", len(p.glyphOrder)), seen: map[uint16]bool{}, text: map[uint16]string{}, starts: map[uint16]string{}}
		p.glyphFonts[run.Face] = gf
		p.glyphOrder = append(p.glyphOrder, gf)
	}
	if rtl && !gf.looked {
		gf.looked = true
		gf.blank, gf.hasBlank = run.Face.GlyphID(0x200B)
		if gf.hasBlank {
			if !gf.seen[gf.blank] {
				gf.seen[gf.blank] = true
				gf.gids = append(gf.gids, int(gf.blank))
			}
			if _, ok := gf.text[gf.blank]; !ok {
				gf.text[gf.blank] = rlm
			}
		}
	}
	ends := clusterEnds(run)
	for i := 0; i < len(run.Glyphs); {
		g := run.Glyphs[i]
		j := i + 1
		for j < len(run.Glyphs) && run.Glyphs[j].Cluster == g.Cluster {
			j++
		}
		if g.Cluster < 0 || g.Cluster > len(run.Text) {
			return fmt.Errorf("a shaped run of %q has a cluster at byte %d", run.Text, g.Cluster)
		}
		text := run.Text[g.Cluster:ends[g.Cluster]]
		for k := i; k < j; k++ {
			id := run.Glyphs[k].ID
			if int(id) >= run.Face.NumGlyphs {
				return fmt.Errorf("a shaped run of %q draws glyph %d, but %s has %d glyphs", run.Text, id, run.Face.Name, run.Face.NumGlyphs)
			}
			if !gf.seen[id] {
				gf.seen[id] = true
				gf.gids = append(gf.gids, int(id))
			}
		}
		if _, ok := gf.text[g.ID]; !ok && j-i == 1 {
			gf.text[g.ID] = text
		}
		if _, ok := gf.starts[g.ID]; !ok {
			gf.starts[g.ID] = text
		}
		i = j
	}
	return nil
}

// clusterEnds maps each cluster start of run to where its text ends: the
// next greater start, or the end of the text.
func clusterEnds(run *fontset.GlyphRun) map[int]int {
	starts := make([]int, 0, len(run.Glyphs))
	for _, g := range run.Glyphs {
		starts = append(starts, g.Cluster)
	}
	slices.Sort(starts)
	starts = slices.Compact(starts)
	ends := make(map[int]int, len(starts))
	for i, s := range starts {
		ends[s] = len(run.Text)
		if i+1 < len(starts) {
			ends[s] = starts[i+1]
		}
	}
	return ends
}

// glyphSubset is a face's subset as a PDF embeds it.
type glyphSubset struct {
	sub     *fontset.GlyphSubset
	program []byte // compressed
	widths  []int  // by new glyph number, 1/1000 em
}

type glyphKey struct {
	face *fontset.Face
	gids string
}

type glyphEntry struct {
	once sync.Once
	done atomic.Bool // once has run
	sub  *glyphSubset
	err  error
}

// glyphEntry is the cache's entry for a face's subset of gids, made if
// the cache has none (and kept if it has room).
func (c *Subsets) glyphEntry(face *fontset.Face, gids []int) *glyphEntry {
	var kb strings.Builder
	for _, g := range gids {
		kb.WriteByte(byte(g >> 8))
		kb.WriteByte(byte(g))
	}
	key := glyphKey{face, kb.String()}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.glyphs == nil {
		c.glyphs = map[glyphKey]*glyphEntry{}
	}
	e := c.glyphs[key]
	if e == nil {
		e = &glyphEntry{}
		if len(c.glyphs) < maxSubsets {
			c.glyphs[key] = e
		}
	}
	return e
}

// finishGlyphSubset fills e, if nothing has, with the subset cut (or
// cutErr), or else cut here, and compressed: once per build for the same
// face and glyphs.
func (c *Subsets) finishGlyphSubset(e *glyphEntry, face *fontset.Face, gids []int, cut *fontset.GlyphSubset, cutErr error) (*glyphSubset, error) {
	e.once.Do(func() {
		defer e.done.Store(true)
		sub, err := cut, cutErr
		if sub == nil && err == nil {
			sub, err = face.Subset(gids)
		}
		if err != nil {
			e.err = fmt.Errorf("cannot make a subset of the font %s: %w", face.Name, err)
			return
		}
		gs := &glyphSubset{sub: sub, program: c.deflate(sub.Program)}
		for _, a := range sub.Advances {
			gs.widths = append(gs.widths, int(math.Round(float64(a)*1000/float64(sub.Upem))))
		}
		e.sub = gs
	})
	return e.sub, e.err
}

// embedGlyphs cuts each glyph font's subset. Those the cache does not
// hold are cut side by side, each on a goroutine of its own (a Chinese
// handout's regular and bold faces: cutting one is 3 to 5 ms of a build,
// which a second core spends while the first cuts the other), and
// compressed one after the other, in order, with the build's one
// compressor (a second would allocate a megabyte). The subsets are the
// same whatever cuts them.
func (p *fontPlan) embedGlyphs(cache *Subsets) error {
	entries := make([]*glyphEntry, len(p.glyphOrder))
	var todo []int
	for i, gf := range p.glyphOrder {
		slices.Sort(gf.gids)
		entries[i] = cache.glyphEntry(gf.face, gf.gids)
		if !entries[i].done.Load() {
			todo = append(todo, i)
		}
	}
	cuts := make([]*fontset.GlyphSubset, len(p.glyphOrder))
	errs := make([]error, len(p.glyphOrder))
	if len(todo) > 1 {
		var wg sync.WaitGroup
		for _, i := range todo[1:] {
			gf := p.glyphOrder[i]
			wg.Go(func() { cuts[i], errs[i] = cutGlyphs(gf.face, gf.gids) })
		}
		gf := p.glyphOrder[todo[0]]
		cuts[todo[0]], errs[todo[0]] = cutGlyphs(gf.face, gf.gids)
		wg.Wait()
	}
	for i, gf := range p.glyphOrder {
		sub, err := cache.finishGlyphSubset(entries[i], gf.face, gf.gids, cuts[i], errs[i])
		if err != nil {
			return fmt.Errorf("fonts: %w", err)
		}
		gf.sub = sub
	}
	return nil
}

// cutGlyphs is face.Subset, with a panic (a bug: Subset refuses a
// damaged font with an error) an error, as Bytes makes one of a panic on
// its own goroutine.
func cutGlyphs(face *fontset.Face, gids []int) (sub *fontset.GlyphSubset, err error) {
	defer func() {
		if r := recover(); r != nil {
			sub, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return face.Subset(gids)
}

// glyphText draws a shaped run: one text object whose TJ array places
// each glyph where the shaper put it, the numbers between glyphs being the
// difference between the shaped position and where the font's own advance
// left the pen, and Ts raising a glyph (a mark) off the baseline.
//
// On a page that reads right to left (d.rtl), a cluster may also read
// with a right-to-left mark first, or character by character
// (readerOrder); island says op is a left-to-right run that begins a
// stretch of them in a right-to-left line (islandStarts), and so begins
// with a mark.
func (d *drawer) glyphText(op layout.Op, island bool) {
	gf := d.fonts.glyphFonts[op.Glyphs.Face]
	w := &glyphWriter{
		d: d, c: &d.c, size: op.Size, run: op.Glyphs, gf: gf, sub: gf.sub, island: island,
		// The marks of a right-to-left page (readerOrder). A cluster read
		// character by character needs a blank glyph: the run's face's, or
		// one of the page's right-to-left faces' (a Latin face may have none).
		split: d.rtl && d.fonts.blankFont() != nil,
		ends:  clusterEnds(op.Glyphs),
	}
	w.c.op("BT ")
	d.setGlyphFont(gf, op.Size)
	w.c.point(op.X, op.Y, 2, "Td ")
	glyphs := op.Glyphs.Glyphs
	for i := 0; i < len(glyphs); {
		j := i + 1
		for j < len(glyphs) && glyphs[j].Cluster == glyphs[i].Cluster {
			j++
		}
		w.cluster(i, j)
		i = j
	}
	w.closeTJ()
	if w.rise != 0 {
		w.c.op("0 Ts ") // the text rise outlives the text object
	}
	w.c.op("ET\n")
}

// glyphWriter draws one shaped run (glyphText) cluster by cluster.
type glyphWriter struct {
	d      *drawer
	c      *pageStream
	size   float64
	run    *fontset.GlyphRun
	gf     *glyphFont
	sub    *glyphSubset
	island bool
	split  bool        // a right-to-left cluster may read character by character
	ends   map[int]int // each cluster's end in the text
	open   bool        // a TJ array is open
	pen    float64     // the shaped pen, 1/1000 em
	at     float64     // the PDF's pen
	rise   float64     // the text rise
}

func (w *glyphWriter) openTJ() {
	if !w.open {
		w.c.b = append(w.c.b, '[')
		w.open = true
	}
}

func (w *glyphWriter) closeTJ() {
	if w.open {
		w.c.op("] TJ ")
		w.open = false
	}
}

// beginSpan opens a span that reads as text.
func (w *glyphWriter) beginSpan(text string) {
	w.c.op("/Span <</ActualText ")
	w.c.b = appendText(w.c.b, text)
	w.c.op(">> BDC ")
}

// cluster draws glyphs i to j, one cluster. A cluster of several glyphs
// reads as its text through a span; so does one glyph whose Unicode map
// says something else (a bracket mirrored in right-to-left text is drawn
// with its partner's glyph; a zero-width non-joiner with the space glyph).
func (w *glyphWriter) cluster(i, j int) {
	glyphs := w.run.Glyphs
	cl := glyphs[i].Cluster
	text := w.run.Text[cl:w.ends[cl]]
	multi := j-i > 1 || w.gf.mapped(glyphs[i].ID) != text
	end := w.pen // where the cluster's advance ends
	for k := i; k < j; k++ {
		end += glyphs[k].Advance
	}
	var units []string
	if w.d.rtl {
		text, multi, units = w.readerSpans(i == 0, text, multi, end)
	}
	if multi {
		w.closeTJ()
		w.beginSpan(text)
		if len(units) > 0 {
			w.at = w.d.blank(w.gf, w.size, end-(end-w.pen)/float64(len(units)), w.at, 0)
		}
	}
	for k := i; k < j; k++ {
		w.glyph(glyphs[k], multi && k == j-1, end)
	}
	if multi {
		w.closeTJ()
		w.c.op("EMC ")
	}
}

// readerSpans gives a cluster on a right-to-left page its marks for a
// reader (readerOrder): a right-to-left mark first, or a span for each of
// its characters but the last, each over its share of the cluster's
// advance. It returns the text of the cluster's own span, whether it needs
// one, and the characters read one by one (none when the cluster is read
// whole).
func (w *glyphWriter) readerSpans(first bool, text string, multi bool, end float64) (string, bool, []string) {
	var units []string
	lead := w.island && first
	if w.run.RTL {
		lead, units = readerOrder(w.run, text)
	}
	if !w.split {
		units = nil
	}
	switch {
	case len(units) > 0:
		if lead {
			units[0] = rlm + units[0]
		}
		// Each character is read from its own share of the cluster's
		// advance, from the left, as a span starting with a blank glyph
		// there; the last span draws the cluster's glyphs too. (Shares
		// that overlapped or took no room would make a reader sort them as
		// it pleases.)
		share := (end - w.pen) / float64(len(units))
		for u, t := range units[:len(units)-1] {
			w.closeTJ()
			w.beginSpan(t)
			w.at = w.d.blank(w.gf, w.size, w.pen+float64(u)*share, w.at, share)
			w.c.op("EMC ")
		}
		return units[len(units)-1], true, units
	case lead:
		return rlm + text, true, units
	}
	return text, multi, units
}

// glyph draws one glyph where the shaper put it: raised by Ts, moved by
// the TJ array's numbers. last is the last glyph of a cluster read through
// a span, which ends at end.
func (w *glyphWriter) glyph(g fontset.Glyph, last bool, end float64) {
	c, sub := w.c, w.sub
	if g.YOffset != w.rise {
		w.closeTJ()
		c.num(g.YOffset*w.size/1000, 2)
		c.op(" Ts ")
		w.rise = g.YOffset
	}
	n := sub.sub.NewID[g.ID]
	adj := w.pen + g.XOffset - w.at
	// A span's text is placed by poppler from its first glyph to the end
	// of its last: when the last is a mark drawn back over its base,
	// character spacing carries that glyph's displacement on to the
	// cluster's end, or a reader would see a gap, and a space, after the
	// span.
	spacing := 0.0
	if last {
		spacing = end - (w.pen + g.XOffset + float64(sub.widths[n]))
		if math.Abs(spacing) >= 0.05 {
			w.closeTJ()
			c.num(spacing*w.size/1000, 3)
			c.op(" Tc ")
		} else {
			spacing = 0
		}
	}
	w.openTJ()
	if math.Abs(adj) >= 0.05 {
		c.num(-adj, 1)
		w.at += adj
	}
	c.b = hexString{byte(n >> 8), byte(n)}.appendPDF(c.b)
	w.at += float64(sub.widths[n]) + spacing
	w.pen += g.Advance
	if spacing != 0 {
		w.closeTJ()
		c.op("0 Tc ")
	}
}

// blank draws a blank glyph at the shaped position x of a run in gf whose
// TJ array is closed and whose pen is at, taking dx (1/1000 em) of room
// for a reader (character spacing makes up the glyph's own advance), and
// returns where the pen is then. The glyph is gf's blank, or where gf has
// none the first face's that has one.
func (d *drawer) blank(gf *glyphFont, size, x, at, dx float64) float64 {
	c := &d.c
	b := gf
	if !gf.hasBlank {
		b = d.fonts.blankFont()
		d.setGlyphFont(b, size)
	}
	n := b.sub.sub.NewID[b.blank]
	spacing := dx - float64(b.sub.widths[n])
	if spacing != 0 {
		c.num(spacing*size/1000, 3)
		c.op(" Tc ")
	}
	c.b = append(c.b, '[')
	if adj := x - at; math.Abs(adj) >= 0.05 {
		c.num(-adj, 1)
	}
	c.b = hexString{byte(n >> 8), byte(n)}.appendPDF(c.b)
	c.op("] TJ ")
	if spacing != 0 {
		c.op("0 Tc ")
	}
	d.setGlyphFont(gf, size)
	return x + dx
}

// setGlyphFont selects gf at size in the text object being drawn.
func (d *drawer) setGlyphFont(gf *glyphFont, size float64) {
	if d.font != gf.key || d.size != size {
		c := &d.c
		c.b = appendName(c.b, gf.key)
		c.b = append(c.b, ' ')
		c.num(size, 2)
		c.op(" Tf ")
		d.font, d.size = gf.key, size
	}
}

// Right-to-left pages and text extraction. A reader extracting text
// (poppler's pdftotext) meets the glyphs of a right-to-left line in
// drawing order, left to right, and turns them back into reading order
// with a simpler rule than Unicode's: it reverses each stretch of
// characters that are neither left-to-right letters nor digits, and keeps
// in drawing order each stretch of characters that are not right-to-left
// letters, where a full stop or an Arabic comma counts as a digit. Two
// things then come out wrong, and the page makes both right with spans
// of /ActualText, which add nothing to the text but right-to-left marks:
//   - A text of several characters given as one (a ligature's Unicode
//     map, a cluster's /ActualText: الله drawn as ا and one glyph for
//     لله, a letter and its vowel mark) is laid out left to right across
//     its glyph, so read reversed (اهلل). In a right-to-left run each
//     character of such a cluster is its own span, in drawing order like
//     the glyphs (the last character first), each over its share of the
//     cluster's advance: a blank glyph (U+200B, which draws nothing)
//     starts each share.
//   - The space or bracket to the left of a number, a Latin word or a full
//     stop joins it ("به ۷ تا" read as "به ۷تا", "(CDC)." as "(.)CDC"). A
//     right-to-left mark (U+200F) is read first in every such character
//     of a right-to-left run and in the first of every stretch of
//     left-to-right runs (a number, a Latin word) in a right-to-left
//     line, where the stretch kept must end.
const rlm = "\u200f"

// rtlPage reports whether page has a right-to-left shaped run.
func rtlPage(page layout.Page) bool {
	for _, op := range page.Ops {
		if op.Kind == layout.TextOp && op.Glyphs != nil && op.Glyphs.RTL {
			return true
		}
	}
	return false
}

// islandStarts marks, by op of page (reusing buf), each left-to-right
// shaped run that begins a stretch of them in a line holding a
// right-to-left run (a line: the ops of one element on one baseline,
// which come in reading order; a link's words belong to the element the
// link is in). The stretch's left end is there.
func islandStarts(page layout.Page, tree *layout.Tree, buf []bool) []bool {
	type line struct {
		y    float64
		elem int
	}
	lineOf := func(op layout.Op) line {
		e := op.Struct
		if tree.Has(e) && tree.Structs[e].Role == layout.Link {
			e = tree.Structs[e].Parent
		}
		return line{op.Y, e}
	}
	rtl := map[line]bool{}
	for _, op := range page.Ops {
		if op.Kind == layout.TextOp && op.Glyphs != nil && op.Glyphs.RTL {
			rtl[lineOf(op)] = true
		}
	}
	out := slices.Grow(buf[:0], len(page.Ops))[:len(page.Ops)]
	ltr := map[line]bool{} // the line's previous run was left to right
	for k, op := range page.Ops {
		out[k] = false
		if op.Kind != layout.TextOp || op.Glyphs == nil {
			continue
		}
		l := lineOf(op)
		out[k] = !op.Glyphs.RTL && rtl[l] && !ltr[l]
		ltr[l] = !op.Glyphs.RTL
	}
	return out
}

// blankFont is the first face drawn from shaped runs that has a blank
// glyph, or nil.
func (p *fontPlan) blankFont() *glyphFont {
	for _, gf := range p.glyphOrder {
		if gf.hasBlank {
			return gf
		}
	}
	return nil
}

// readerOrder is how a cluster of run whose text is text is read on a
// right-to-left page: lead, with a right-to-left mark at its left edge;
// units, when a right-to-left cluster has several characters, its
// characters in drawing order.
func readerOrder(run *fontset.GlyphRun, text string) (lead bool, units []string) {
	if !run.RTL {
		return false, nil
	}
	n := 0
	for _, r := range text {
		n++
		lead = lead || keptByReaders(r)
	}
	if n > 1 {
		units = make([]string, 0, n)
		for _, r := range text {
			units = append(units, string(r))
		}
		slices.Reverse(units)
	}
	return lead, units
}

// keptByReaders is a character that an extracting reader keeps in
// drawing order in a right-to-left line: anything but a right-to-left
// letter, a mark, a space or an invisible format character.
func keptByReaders(r rune) bool {
	switch {
	case unicode.IsSpace(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Cf, r):
		return false
	case unicode.IsLetter(r) && unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
		return false
	}
	return true
}

// embeddedGlyphFont is what assemble writes for a glyph font.
type embeddedGlyphFont struct {
	key, name string
	gf        *glyphFont
}

// glyphFontsToEmbed names each glyph font's subset.
func (p *fontPlan) glyphFontsToEmbed() []embeddedGlyphFont {
	var out []embeddedGlyphFont
	for _, gf := range p.glyphOrder {
		var b strings.Builder
		b.WriteString(gf.face.Name)
		for _, g := range gf.gids {
			fmt.Fprintf(&b, ",%d", g)
		}
		sum := sha256.Sum256([]byte(b.String()))
		var tag [6]byte
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		name := gf.face.Name
		if name == "" {
			name = "Font"
		}
		out = append(out, embeddedGlyphFont{key: gf.key, name: string(tag[:]) + "+" + name, gf: gf})
	}
	return out
}

// writeGlyphFont writes a glyph font as objects k to k+4: the Type0 font,
// its CIDFontType2 or CIDFontType0 descendant and descriptor into the object stream, its
// program and Unicode map as streams.
func writeGlyphFont(w *pdfWriter, k int, ft embeddedGlyphFont, subsets *Subsets) {
	gf, sub := ft.gf, ft.gf.sub
	face := gf.face
	w.packedObj(k, pdfDict{
		{"Type", pdfName("Font")}, {"Subtype", pdfName("Type0")}, {"BaseFont", pdfName(ft.name)},
		{"Encoding", pdfName("Identity-H")}, {"DescendantFonts", pdfArray{pdfRef(k + 1)}},
		{"ToUnicode", pdfRef(k + 4)},
	})
	// /W: one run of consecutive glyph numbers with all their widths.
	widths := make(pdfArray, len(sub.widths))
	for i, wd := range sub.widths {
		widths[i] = pdfInt(wd)
	}
	// A TrueType subset is a CIDFontType2 whose CIDs are its glyph
	// numbers; a CFF subset (Noto Sans CJK) a CIDFontType0, whose CFF
	// charset makes each glyph number its CID (ISO 32000-1, 9.7.4).
	subtype, file, fileKey := pdfName("CIDFontType2"), "", pdfName("FontFile2")
	cid := pdfDict{
		{"Type", pdfName("Font")}, {"Subtype", subtype}, {"BaseFont", pdfName(ft.name)},
		{"CIDSystemInfo", pdfDict{{"Registry", textString("Adobe")}, {"Ordering", textString("Identity")}, {"Supplement", pdfInt(0)}}},
		{"FontDescriptor", pdfRef(k + 2)}, {"W", pdfArray{pdfInt(0), widths}}, {"CIDToGIDMap", pdfName("Identity")},
	}
	if sub.sub.CFF {
		subtype, fileKey = pdfName("CIDFontType0"), pdfName("FontFile3")
		cid[1].val = subtype
		cid = cid[:len(cid)-1] // a CIDFontType0 has no CIDToGIDMap
		file = " /Subtype /CIDFontType0C"
	} else {
		file = fmt.Sprintf(" /Length1 %d", len(sub.sub.Program))
	}
	w.packedObj(k+1, cid)
	flags := flagSymbolic
	if face.ItalicAngle != 0 {
		flags |= flagItalic
	}
	w.packedObj(k+2, pdfDict{
		{"Type", pdfName("FontDescriptor")}, {"FontName", pdfName(ft.name)}, {"Flags", pdfInt(flags)},
		{"FontBBox", pdfArray{pdfInt(face.BBox[0]), pdfInt(face.BBox[1]), pdfInt(face.BBox[2]), pdfInt(face.BBox[3])}},
		{"ItalicAngle", pdfInt(int(face.ItalicAngle))}, {"Ascent", pdfInt(int(face.Ascent))}, {"Descent", pdfInt(int(face.Descent))},
		{"CapHeight", pdfInt(face.CapHeight)}, {"StemV", pdfInt(face.StemV)}, {fileKey, pdfRef(k + 3)},
	})
	w.streamObj(k+3, file, sub.program)
	w.streamObj(k+4, "", subsets.deflate(glyphCMap(gf)))
}

const flagSymbolic = 1 << 2

// mapped is the text glyph id reads as through the font's Unicode map.
func (gf *glyphFont) mapped(id uint16) string {
	if t, ok := gf.text[id]; ok {
		return t
	}
	return gf.starts[id]
}

// glyphCMap is a glyph font's ToUnicode map: each glyph, by its two-byte
// code, to the text of a cluster it draws alone, else of a cluster it
// starts. A glyph that only ever follows another in a cluster (a mark, the
// second half of a conjunct) maps to nothing here: its cluster's
// /ActualText gives its text.
func glyphCMap(gf *glyphFont) []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var entries []string
	for _, g := range gf.gids {
		t := gf.mapped(uint16(g))
		if t == "" {
			continue
		}
		var hex strings.Builder
		for _, u := range utf16.Encode([]rune(t)) {
			fmt.Fprintf(&hex, "%04X", u)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>", gf.sub.sub.NewID[uint16(g)], hex.String()))
	}
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", n, strings.Join(entries[:n], "\n"))
		entries = entries[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMapName get exch /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}
