package pdfwriter

import (
	"bytes"
	"compress/zlib"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf16"
)

// ToUnicode maps. PDF/UA wants one on every font (ISO 14289-1, 7.21.7),
// even a simple font with WinAnsiEncoding whose codes a reader could map
// by itself, so that what a screen reader speaks never depends on guessing
// from glyph names.

// cmap is the ToUnicode CMap of a simple font: each code to its character,
// consecutive runs as ranges. The WinAnsi font's map is mostly two ranges.
func cmap(fm fontMap) []byte {
	type pair struct {
		code byte
		r    rune
	}
	var pairs []pair
	for i, r := range fm.runes {
		if fm.n == 0 {
			c, _ := winAnsi(r)
			pairs = append(pairs, pair{c, r})
		} else {
			pairs = append(pairs, pair{byte(32 + i), r})
		}
	}
	// The WinAnsi font's runes come in code order already; extra fonts'
	// codes follow their runes' order.
	var ranges, chars []string
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].code == pairs[j-1].code+1 && pairs[j].r == pairs[j-1].r+1 && pairs[j].r <= 0xFFFF {
			j++
		}
		if j-i > 1 {
			ranges = append(ranges, fmt.Sprintf("<%02X> <%02X> <%s>", pairs[i].code, pairs[j-1].code, utf16Hex(pairs[i].r)))
		} else {
			chars = append(chars, fmt.Sprintf("<%02X> <%s>", pairs[i].code, utf16Hex(pairs[i].r)))
		}
		i = j
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
	block := func(entries []string, kind string) {
		for len(entries) > 0 {
			n := min(len(entries), 100) // at most 100 to a block
			fmt.Fprintf(&b, "%d begin%s\n%s\nend%s\n", n, kind, strings.Join(entries[:n], "\n"), kind)
			entries = entries[n:]
		}
	}
	block(ranges, "bfrange")
	block(chars, "bfchar")
	b.WriteString("endcmap\nCMapName currentdict /CMapName get exch /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}

func utf16Hex(r rune) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune{r}) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// winAnsiCMap is the ToUnicode map of every WinAnsi font: all of
// WinAnsiEncoding, whatever the subset holds (a code a font does not use
// maps harmlessly), so it is one constant, compressed by go generate with
// the default subsets (compressing it at run time cost a process writing
// one guide 5 % of its time) and checked by TestDefaultSubsetsGenerated.
//
//go:embed defaultsubsets/winansi-cmap.z
var winAnsiCMapZ []byte

func winAnsiCMap() []byte { return winAnsiCMapZ }

// toUnicode returns the compressed map of a font. A build makes each
// distinct map of the extra fonts once, as it does each subset, within the
// same bound.
func (c *Subsets) toUnicode(fm fontMap) []byte {
	if fm.n == 0 {
		return winAnsiCMap()
	}
	key := fmt.Sprintf("%d:%s", fm.n, string(fm.runes))
	c.mu.Lock()
	z, ok := c.cmaps[key]
	c.mu.Unlock()
	if ok {
		return z
	}
	z = c.deflate(cmap(fm))
	c.mu.Lock()
	if c.cmaps == nil {
		c.cmaps = map[string][]byte{}
	}
	if len(c.cmaps) < maxSubsets {
		c.cmaps[key] = z
	}
	c.mu.Unlock()
	return z
}

// deflate compresses b with a reused compressor.
func (c *Subsets) deflate(b []byte) []byte {
	var z bytes.Buffer
	c.deflateTo(&z, b)
	return z.Bytes()
}

// deflateTo appends the parts, compressed together with a reused
// compressor, to dst.
func (c *Subsets) deflateTo(dst *bytes.Buffer, parts ...[]byte) {
	zw := c.compressor(dst)
	for _, b := range parts {
		zw.Write(b)
	}
	zw.Close()
	c.release(zw)
}

// maxCompressors bounds the compressors kept: one per concurrent writer.
const maxCompressors = 8

// spareCompressors backs the Subsets' own lists for a PDF written with
// fresh Subsets (a single PDF, a test): a compressor carries nothing from
// one use to the next, so sharing them process-wide changes no output, and
// spares each such PDF the 1 MB a new one allocates and clears, which was
// most of what tagging cost a one-page PDF.
var spareCompressors sync.Pool

// compressor returns a compressor writing to w, reused when one is free.
func (c *Subsets) compressor(w io.Writer) *zlib.Writer {
	c.mu.Lock()
	var zw *zlib.Writer
	if n := len(c.zw); n > 0 {
		zw, c.zw = c.zw[n-1], c.zw[:n-1]
	}
	c.mu.Unlock()
	if zw == nil {
		zw, _ = spareCompressors.Get().(*zlib.Writer)
	}
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(w, zlib.BestSpeed)
		return zw
	}
	zw.Reset(w)
	return zw
}

func (c *Subsets) release(zw *zlib.Writer) {
	c.mu.Lock()
	kept := len(c.zw) < maxCompressors
	if kept {
		c.zw = append(c.zw, zw)
	}
	c.mu.Unlock()
	if !kept {
		spareCompressors.Put(zw)
	}
}

// spill hands the compressors of Subsets that are done with to the spare
// pool.
func (c *Subsets) spill() {
	c.mu.Lock()
	zw := c.zw
	c.zw = nil
	c.mu.Unlock()
	for _, z := range zw {
		spareCompressors.Put(z)
	}
}
