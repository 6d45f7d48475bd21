package pdfwriter

import (
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
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
	sub          *glyphSubset // set by embed
}

// planGlyphs records what op's shaped run draws.
func (p *fontPlan) planGlyphs(op layout.Op) error {
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
	sub  *glyphSubset
	err  error
}

// glyphSubset cuts (once per build, for the same face and glyphs) and
// compresses a subset.
func (c *Subsets) glyphSubset(face *fontset.Face, gids []int) (*glyphSubset, error) {
	var kb strings.Builder
	for _, g := range gids {
		kb.WriteByte(byte(g >> 8))
		kb.WriteByte(byte(g))
	}
	key := glyphKey{face, kb.String()}
	c.mu.Lock()
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
	c.mu.Unlock()
	e.once.Do(func() {
		sub, err := fontset.Subset(face.Data, gids)
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

// embedGlyphs cuts each glyph font's subset.
func (p *fontPlan) embedGlyphs(cache *Subsets) error {
	for _, gf := range p.glyphOrder {
		slices.Sort(gf.gids)
		sub, err := cache.glyphSubset(gf.face, gf.gids)
		if err != nil {
			return fmt.Errorf("fonts: %w", err)
		}
		gf.sub = sub
	}
	return nil
}

// glyphText draws a shaped run: one text object whose TJ array places
// each glyph where the shaper put it, the numbers between glyphs being the
// difference between the shaped position and where the font's own advance
// left the pen, and Ts raising a glyph (a mark) off the baseline.
func (d *drawer) glyphText(op layout.Op) {
	run := op.Glyphs
	gf := d.fonts.glyphFonts[run.Face]
	sub := gf.sub
	c := &d.c
	c.op("BT ")
	if d.font != gf.key || d.size != op.Size {
		c.b = appendName(c.b, gf.key)
		c.b = append(c.b, ' ')
		c.num(op.Size, 2)
		c.op(" Tf ")
		d.font, d.size = gf.key, op.Size
	}
	c.point(op.X, op.Y, 2, "Td ")
	open := false
	openTJ := func() {
		if !open {
			c.b = append(c.b, '[')
			open = true
		}
	}
	closeTJ := func() {
		if open {
			c.op("] TJ ")
			open = false
		}
	}
	ends := clusterEnds(run)
	var pen, at, rise float64 // shaped pen, the PDF's pen, the text rise: 1/1000 em
	for i := 0; i < len(run.Glyphs); {
		j := i + 1
		for j < len(run.Glyphs) && run.Glyphs[j].Cluster == run.Glyphs[i].Cluster {
			j++
		}
		// A cluster of several glyphs reads as its text through a span;
		// so does one glyph whose Unicode map says something else (a
		// bracket mirrored in right-to-left text is drawn with its
		// partner's glyph; a zero-width non-joiner with the space glyph).
		cl := run.Glyphs[i].Cluster
		multi := j-i > 1 || gf.mapped(run.Glyphs[i].ID) != run.Text[cl:ends[cl]]
		end := pen // where the cluster's advance ends
		for k := i; k < j; k++ {
			end += run.Glyphs[k].Advance
		}
		if multi {
			closeTJ()
			c.op("/Span <</ActualText ")
			c.b = appendText(c.b, run.Text[cl:ends[cl]])
			c.op(">> BDC ")
		}
		for k := i; k < j; k++ {
			g := run.Glyphs[k]
			if g.YOffset != rise {
				closeTJ()
				c.num(g.YOffset*op.Size/1000, 2)
				c.op(" Ts ")
				rise = g.YOffset
			}
			n := sub.sub.NewID[g.ID]
			adj := pen + g.XOffset - at
			// A span's text is placed by poppler from its first glyph to
			// the end of its last: when the last is a mark drawn back
			// over its base, character spacing carries that glyph's
			// displacement on to the cluster's end, or a reader would
			// see a gap, and a space, after the span.
			spacing := 0.0
			if multi && k == j-1 {
				spacing = end - (pen + g.XOffset + float64(sub.widths[n]))
				if math.Abs(spacing) >= 0.05 {
					closeTJ()
					c.num(spacing*op.Size/1000, 3)
					c.op(" Tc ")
				} else {
					spacing = 0
				}
			}
			openTJ()
			if math.Abs(adj) >= 0.05 {
				c.num(-adj, 1)
				at += adj
			}
			c.b = hexString{byte(n >> 8), byte(n)}.appendPDF(c.b)
			at += float64(sub.widths[n]) + spacing
			pen += g.Advance
			if spacing != 0 {
				closeTJ()
				c.op("0 Tc ")
			}
		}
		if multi {
			closeTJ()
			c.op("EMC ")
		}
		i = j
	}
	closeTJ()
	if rise != 0 {
		c.op("0 Ts ") // the text rise outlives the text object
	}
	c.op("ET\n")
}

// embeddedGlyphFont is what finish writes for a glyph font.
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
// its CIDFontType2 descendant and descriptor into the object stream, its
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
	w.packedObj(k+1, pdfDict{
		{"Type", pdfName("Font")}, {"Subtype", pdfName("CIDFontType2")}, {"BaseFont", pdfName(ft.name)},
		{"CIDSystemInfo", pdfDict{{"Registry", textString("Adobe")}, {"Ordering", textString("Identity")}, {"Supplement", pdfInt(0)}}},
		{"FontDescriptor", pdfRef(k + 2)}, {"W", pdfArray{pdfInt(0), widths}}, {"CIDToGIDMap", pdfName("Identity")},
	})
	flags := flagSymbolic
	if face.ItalicAngle != 0 {
		flags |= flagItalic
	}
	w.packedObj(k+2, pdfDict{
		{"Type", pdfName("FontDescriptor")}, {"FontName", pdfName(ft.name)}, {"Flags", pdfInt(flags)},
		{"FontBBox", pdfArray{pdfInt(face.BBox[0]), pdfInt(face.BBox[1]), pdfInt(face.BBox[2]), pdfInt(face.BBox[3])}},
		{"ItalicAngle", pdfInt(int(face.ItalicAngle))}, {"Ascent", pdfInt(int(face.Ascent))}, {"Descent", pdfInt(int(face.Descent))},
		{"CapHeight", pdfInt(face.CapHeight)}, {"StemV", pdfInt(face.StemV)}, {"FontFile2", pdfRef(k + 3)},
	})
	w.streamObj(k+3, fmt.Sprintf(" /Length1 %d", len(sub.sub.Program)), sub.program)
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
