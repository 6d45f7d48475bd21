package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// A CID-keyed CFF subsetter, for Noto Sans CJK (OpenType with a 'CFF '
// table of 65,535 glyphs in 19 font dicts). go-text's and x/image's CFF
// parsers keep the subroutines, private dicts and font dicts to
// themselves, so the few structures a writer needs (INDEX and DICT) are
// read here, and the charstrings are walked only as far as finding which
// subroutines a glyph calls.
//
// The subset renumbers the glyphs kept compactly from 0 (.notdef stays 0),
// as the TrueType subsetter does, and its charset makes each new glyph
// number its CID: a PDF's Identity-H codes are the new glyph numbers, with
// no CIDToGIDMap (a CIDFontType0 has none). Keeping the original glyph
// numbers with empty charstrings for the rest would cost an offset per
// glyph of the font, 65,535 of them, for any document.
//
// Subroutines keep their numbers: those no kept glyph calls, directly or
// through another subroutine, are emptied to a lone return. Renumbering
// them would mean rewriting every call's operand, whose encoded length
// then changes; an emptied subroutine costs its INDEX offset, a few bytes
// that compress to almost nothing.

// Limits on the work a hostile font can ask for. Type 2 charstrings nest
// subroutines at most 10 deep and hold at most 48 operands (Adobe TN5177,
// appendix B); a real CJK glyph runs a few hundred operators with its
// subroutines.
const (
	cffMaxDepth    = 10
	cffMaxStack    = 48
	cffMaxGlyphOps = 1 << 15 // operators and operands per glyph, subroutines included
	cffMaxFDs      = 256     // FDSelect indexes a font dict with one byte
)

// cffIndex is a CFF INDEX: count items, read through item.
type cffIndex struct {
	data    []byte // the whole CFF
	count   int
	offSize int
	offsets int // where the offset array starts
	base    int // offsets count from base+1
	end     int // where the INDEX ends
}

// readIndex reads the INDEX at off of cff.
func readIndex(cff []byte, off int) (cffIndex, error) {
	ix := cffIndex{data: cff}
	if off < 0 || off+2 > len(cff) {
		return ix, errors.New("an INDEX lies outside the CFF table")
	}
	ix.count = int(binary.BigEndian.Uint16(cff[off:]))
	if ix.count == 0 {
		ix.end = off + 2
		return ix, nil
	}
	if off+3 > len(cff) {
		return ix, errors.New("an INDEX lies outside the CFF table")
	}
	ix.offSize = int(cff[off+2])
	if ix.offSize < 1 || ix.offSize > 4 {
		return ix, fmt.Errorf("an INDEX has offsets of %d bytes", ix.offSize)
	}
	ix.offsets = off + 3
	ix.base = ix.offsets + (ix.count+1)*ix.offSize - 1
	if ix.base+1 > len(cff) {
		return ix, errors.New("an INDEX's offsets lie outside the CFF table")
	}
	last := ix.offset(ix.count)
	if ix.offset(0) != 1 || last < 1 || last > len(cff)-ix.base {
		return ix, errors.New("an INDEX's data lies outside the CFF table")
	}
	ix.end = ix.base + last
	return ix, nil
}

func (ix cffIndex) offset(i int) int {
	p := ix.offsets + i*ix.offSize
	v := 0
	for k := range ix.offSize {
		v = v<<8 | int(ix.data[p+k])
	}
	return v
}

// item is item i, or an error when its offsets are out of order or out
// of the INDEX.
func (ix cffIndex) item(i int) ([]byte, error) {
	if i < 0 || i >= ix.count {
		return nil, fmt.Errorf("an INDEX of %d items has no item %d", ix.count, i)
	}
	a, b := ix.offset(i), ix.offset(i+1)
	if a < 1 || b < a || ix.base+b > ix.end {
		return nil, fmt.Errorf("item %d of an INDEX lies outside it", i)
	}
	return ix.data[ix.base+a : ix.base+b], nil
}

// dictEntry is one operator of a CFF DICT with its operands, as read.
type dictEntry struct {
	op   int    // 0-21, or 1200+n for the escaped operator 12 n
	raw  []byte // the operands' bytes, to copy
	args []float64
}

// readDict reads a DICT.
func readDict(b []byte) ([]dictEntry, error) {
	var out []dictEntry
	start := 0
	var args []float64
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 21:
			op := int(c)
			i++
			if c == 12 {
				if i >= len(b) {
					return nil, errors.New("a DICT ends inside an operator")
				}
				op = 1200 + int(b[i])
				i++
			}
			end := i - 1
			if op >= 1200 {
				end--
			}
			out = append(out, dictEntry{op: op, raw: b[start:end], args: args})
			args, start = nil, i
		case c == 28:
			if i+3 > len(b) {
				return nil, errors.New("a DICT ends inside a number")
			}
			args = append(args, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case c == 29:
			if i+5 > len(b) {
				return nil, errors.New("a DICT ends inside a number")
			}
			args = append(args, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case c == 30:
			// A real: nibbles up to an end nibble 0xf. Its value is
			// never needed (offsets and counts are integers).
			i++
			for ; i < len(b); i++ {
				if b[i]&0xf == 0xf || b[i]>>4 == 0xf {
					break
				}
			}
			if i >= len(b) {
				return nil, errors.New("a DICT ends inside a number")
			}
			i++
			args = append(args, 0)
		case c >= 32 && c <= 246:
			args = append(args, float64(int(c)-139))
			i++
		case c >= 247 && c <= 254:
			if i+2 > len(b) {
				return nil, errors.New("a DICT ends inside a number")
			}
			if c <= 250 {
				args = append(args, float64((int(c)-247)*256+int(b[i+1])+108))
			} else {
				args = append(args, float64(-(int(c)-251)*256-int(b[i+1])-108))
			}
			i += 2
		default:
			return nil, fmt.Errorf("a DICT holds the reserved byte %d", c)
		}
		if len(args) > cffMaxStack {
			return nil, errors.New("a DICT operator has too many operands")
		}
	}
	return out, nil
}

// DICT operators the subsetter reads or rewrites.
const (
	opCharset     = 15
	opEncoding    = 16
	opCharStrings = 17
	opPrivate     = 18
	opSubrs       = 19
	opUniqueID    = 13
	opXUID        = 14
	opCharstrType = 1206
	opROS         = 1230
	opCIDCount    = 1234
	opUIDBase     = 1235
	opFDArray     = 1236
	opFDSelect    = 1237
)

// find is the arguments of op in d, or nil.
func find(d []dictEntry, op int) []float64 {
	for _, e := range d {
		if e.op == op {
			return e.args
		}
	}
	return nil
}

// intArg is args[i] as an offset or count within limit, or an error.
func intArg(args []float64, i, limit int, what string) (int, error) {
	if i >= len(args) {
		return 0, fmt.Errorf("its %s is missing", what)
	}
	v := args[i]
	if v < 0 || v > float64(limit) || v != math.Trunc(v) {
		return 0, fmt.Errorf("its %s (%g) is out of range", what, v)
	}
	return int(v), nil
}

// cffFD is one font dict of a CID-keyed font, with its private dict and
// local subroutines.
type cffFD struct {
	dict    []dictEntry
	private []dictEntry
	subrs   cffIndex
}

// cffFont is what the subsetter reads of a CID-keyed CFF.
type cffFont struct {
	cff         []byte
	name        []byte // the font's name, from the Name INDEX
	top         []dictEntry
	strings     cffIndex
	gsubrs      cffIndex
	charstrings cffIndex
	fds         []cffFD
	fdOf        func(gid int) (int, error)
}

// readCFF reads a CID-keyed CFF table.
func readCFF(cff []byte) (*cffFont, error) {
	if len(cff) < 4 || cff[0] != 1 {
		return nil, errors.New("its CFF table is not CFF version 1")
	}
	f := &cffFont{cff: cff}
	names, err := readIndex(cff, int(cff[2]))
	if err != nil {
		return nil, err
	}
	if names.count != 1 {
		return nil, fmt.Errorf("its CFF table holds %d fonts, not 1", names.count)
	}
	if f.name, err = names.item(0); err != nil {
		return nil, err
	}
	tops, err := readIndex(cff, names.end)
	if err != nil {
		return nil, err
	}
	topBytes, err := tops.item(0)
	if err != nil {
		return nil, err
	}
	if f.top, err = readDict(topBytes); err != nil {
		return nil, err
	}
	if f.strings, err = readIndex(cff, tops.end); err != nil {
		return nil, err
	}
	if f.gsubrs, err = readIndex(cff, f.strings.end); err != nil {
		return nil, err
	}
	if find(f.top, opROS) == nil {
		return nil, errors.New("its CFF font is not CID-keyed (Noto Sans CJK and Source Han Sans are)")
	}
	if t := find(f.top, opCharstrType); t != nil && (len(t) != 1 || t[0] != 2) {
		return nil, errors.New("its charstrings are not Type 2")
	}
	off, err := intArg(find(f.top, opCharStrings), 0, len(cff), "CharStrings offset")
	if err != nil {
		return nil, err
	}
	if f.charstrings, err = readIndex(cff, off); err != nil {
		return nil, err
	}
	if f.charstrings.count == 0 {
		return nil, errors.New("its CFF font has no glyphs")
	}
	if off, err = intArg(find(f.top, opFDArray), 0, len(cff), "FDArray offset"); err != nil {
		return nil, err
	}
	fdIndex, err := readIndex(cff, off)
	if err != nil {
		return nil, err
	}
	if fdIndex.count == 0 || fdIndex.count > cffMaxFDs {
		return nil, fmt.Errorf("its CFF font has %d font dicts", fdIndex.count)
	}
	for i := range fdIndex.count {
		b, err := fdIndex.item(i)
		if err != nil {
			return nil, err
		}
		fd := cffFD{}
		if fd.dict, err = readDict(b); err != nil {
			return nil, err
		}
		priv := find(fd.dict, opPrivate)
		size, err := intArg(priv, 0, len(cff), "Private size")
		if err != nil {
			return nil, fmt.Errorf("font dict %d: %w", i, err)
		}
		at, err := intArg(priv, 1, len(cff)-size, "Private offset")
		if err != nil {
			return nil, fmt.Errorf("font dict %d: %w", i, err)
		}
		if fd.private, err = readDict(cff[at : at+size]); err != nil {
			return nil, fmt.Errorf("font dict %d: %w", i, err)
		}
		if s := find(fd.private, opSubrs); s != nil {
			rel, err := intArg(s, 0, len(cff)-at, "Subrs offset")
			if err != nil {
				return nil, fmt.Errorf("font dict %d: %w", i, err)
			}
			if fd.subrs, err = readIndex(cff, at+rel); err != nil {
				return nil, fmt.Errorf("font dict %d: %w", i, err)
			}
		}
		f.fds = append(f.fds, fd)
	}
	if off, err = intArg(find(f.top, opFDSelect), 0, len(cff), "FDSelect offset"); err != nil {
		return nil, err
	}
	if f.fdOf, err = readFDSelect(cff, off, f.charstrings.count, len(f.fds)); err != nil {
		return nil, err
	}
	return f, nil
}

// readFDSelect reads an FDSelect of format 0 or 3 into a lookup.
func readFDSelect(cff []byte, off, glyphs, fds int) (func(int) (int, error), error) {
	if off >= len(cff) {
		return nil, errors.New("its FDSelect lies outside the CFF table")
	}
	bad := func(gid int) (int, error) { return 0, fmt.Errorf("glyph %d has no font dict", gid) }
	switch cff[off] {
	case 0:
		sel := cff[off+1:]
		if len(sel) < glyphs {
			return nil, errors.New("its FDSelect is short")
		}
		return func(gid int) (int, error) {
			if gid < 0 || gid >= glyphs || int(sel[gid]) >= fds {
				return bad(gid)
			}
			return int(sel[gid]), nil
		}, nil
	case 3:
		if off+3 > len(cff) {
			return nil, errors.New("its FDSelect is short")
		}
		n := int(binary.BigEndian.Uint16(cff[off+1:]))
		r := cff[off+3:]
		if n == 0 || len(r) < 3*n+2 {
			return nil, errors.New("its FDSelect is short")
		}
		return func(gid int) (int, error) {
			// Ranges are in order: the last whose first glyph is at
			// most gid, below the sentinel.
			lo, hi := 0, n-1
			if gid < int(binary.BigEndian.Uint16(r)) || gid >= int(binary.BigEndian.Uint16(r[3*n:])) {
				return bad(gid)
			}
			for lo < hi {
				mid := (lo + hi + 1) / 2
				if int(binary.BigEndian.Uint16(r[3*mid:])) <= gid {
					lo = mid
				} else {
					hi = mid - 1
				}
			}
			if fd := int(r[3*lo+2]); fd < fds {
				return fd, nil
			}
			return bad(gid)
		}, nil
	}
	return nil, fmt.Errorf("its FDSelect has format %d", cff[off])
}

// subrBias is the number added to a subroutine call's operand (TN5177,
// 4.7).
func subrBias(count int) int {
	switch {
	case count < 1240:
		return 107
	case count < 33900:
		return 1131
	}
	return 32768
}

// errCFFArithmetic is a charstring that computes with the arithmetic
// operators, so which subroutine it calls cannot be known by reading: the
// subset then keeps every subroutine. No CJK font seen uses them.
var errCFFArithmetic = errors.New("arithmetic operator")

// A charstring of the subset: a kept glyph's (space glyphSpace, by its
// new number), a global subroutine's (globalSpace) or a local one's
// (space the font dict's number in the font).
type csRef struct{ space, index int }

const (
	glyphSpace  = -1
	globalSpace = -2
)

// operandAt is where a subroutine call's operand is written: a number in
// a charstring of the subset, offset bytes in, size bytes long.
type operandAt struct {
	csRef
	offset, size int
}

// callee is the subroutine an operand names: its space and number.
type callee struct{ space, index int }

// A callKey is an operandAt packed in 64 bits, and a callValue a callee
// in 32: the map of a CJK subset's calls holds about a thousand, and
// packed its slots are a fifth as large. A space is a font dict's number
// (below cffMaxFDs) or globalSpace or glyphSpace; an index and an INDEX's
// count are below 65,536; an offset lies in the CFF table (under 4 GB)
// and an operand is at most 5 bytes.
type (
	callKey   uint64
	callValue uint32
)

func (at operandAt) key() callKey {
	return callKey(uint64(at.space+2)<<52 | uint64(at.index)<<35 | uint64(at.offset)<<3 | uint64(at.size))
}

func (k callKey) operandAt() operandAt {
	return operandAt{csRef{int(k>>52) - 2, int(k >> 35 & 0xFFFF)}, int(k >> 3 & 0xFFFFFFFF), int(k & 7)}
}

func (c callee) value() callValue { return callValue(uint32(c.space+2)<<16 | uint32(c.index)) }

func (v callValue) callee() callee { return callee{int(v>>16) - 2, int(v & 0xFFFF)} }

// csWalk follows one glyph's charstring through its subroutine calls,
// marking the subroutines it calls and where each call's operand is.
type csWalk struct {
	gsubrs, lsubrs cffIndex
	usedG, usedL   []bool
	fd             int // the glyph's font dict: its local subroutines' space
	st             [cffMaxStack]int
	at             [cffMaxStack]operandAt
	n              int
	stems          int
	ops            int
	// calls maps each call's operand to the subroutine it names. An
	// operand naming two (a global subroutine pushing the number of a
	// local one, for glyphs of two font dicts) sets conflict: the
	// subroutines then keep their numbers.
	calls    map[callKey]callValue
	conflict bool
}

// unknown is an operand that cannot be a subroutine's number.
const unknown = math.MinInt32

// run interprets cs, the charstring ref; ended is true once endchar is
// met.
func (w *csWalk) run(cs []byte, ref csRef, depth int) (ended bool, err error) {
	if depth > cffMaxDepth {
		return false, fmt.Errorf("subroutines nest more than %d deep", cffMaxDepth)
	}
	for i := 0; i < len(cs); {
		if w.ops++; w.ops > cffMaxGlyphOps {
			return false, fmt.Errorf("a glyph runs more than %d charstring operations", cffMaxGlyphOps)
		}
		c := cs[i]
		size, v := 0, 0 // an operand's length in bytes, and its value
		switch {
		case c == 28:
			if size = 3; i+3 <= len(cs) {
				v = int(int16(binary.BigEndian.Uint16(cs[i+1:])))
			}
		case c >= 32 && c <= 246:
			size, v = 1, int(c)-139
		case c >= 247 && c <= 250:
			if size = 2; i+2 <= len(cs) {
				v = (int(c)-247)*256 + int(cs[i+1]) + 108
			}
		case c >= 251 && c <= 254:
			if size = 2; i+2 <= len(cs) {
				v = -(int(c)-251)*256 - int(cs[i+1]) - 108
			}
		case c == 255:
			size, v = 5, unknown // 16.16 fixed
		}
		if size > 0 {
			if i+size > len(cs) {
				return false, errors.New("a charstring ends inside a number")
			}
			if w.n == cffMaxStack {
				return false, errors.New("a charstring's stack overflows")
			}
			w.st[w.n], w.at[w.n] = v, operandAt{ref, i, size}
			w.n, i = w.n+1, i+size
			continue
		}
		i++
		switch c {
		case 1, 3, 18, 23: // hstem, vstem, hstemhm, vstemhm
			w.stems += w.n / 2
			w.n = 0
		case 19, 20: // hintmask, cntrmask: a vstem may come first
			w.stems += w.n / 2
			w.n = 0
			if i += (w.stems + 7) / 8; i > len(cs) {
				return false, errors.New("a charstring ends inside a hint mask")
			}
		case 10, 29: // callsubr, callgsubr
			if w.n == 0 {
				return false, errors.New("a subroutine call has no operand")
			}
			w.n--
			subrs, used, space := w.lsubrs, w.usedL, w.fd
			if c == 29 {
				subrs, used, space = w.gsubrs, w.usedG, globalSpace
			}
			if w.st[w.n] == unknown {
				return false, errCFFArithmetic
			}
			k := w.st[w.n] + subrBias(subrs.count)
			if k < 0 || k >= subrs.count {
				return false, fmt.Errorf("a charstring calls subroutine %d of %d", k, subrs.count)
			}
			used[k] = true
			key, to := w.at[w.n].key(), callee{space, k}.value()
			if prev, ok := w.calls[key]; ok && prev != to {
				w.conflict = true
			}
			w.calls[key] = to
			sub, err := subrs.item(k)
			if err != nil {
				return false, err
			}
			if ended, err := w.run(sub, csRef{space, k}, depth+1); ended || err != nil {
				return ended, err
			}
		case 11: // return
			return false, nil
		case 14: // endchar
			return true, nil
		case 12:
			if i >= len(cs) {
				return false, errors.New("a charstring ends inside an operator")
			}
			e := cs[i]
			i++
			if e < 34 || e > 37 { // not a flex: and, add, put, get, roll...
				return false, errCFFArithmetic
			}
			w.n = 0
		default: // path operators clear the stack
			w.n = 0
		}
	}
	return false, nil
}

// subsetCFF cuts the glyphs kept (sorted, .notdef first) out of a
// CID-keyed CFF table. The subroutines the kept glyphs call are kept and
// renumbered in order, and every call's operand rewritten; when a call's
// number is computed (the arithmetic operators) or one operand serves
// two subroutines, every subroutine keeps its number, and those not
// called are emptied.
func subsetCFF(cff []byte, kept []int) ([]byte, error) {
	f, err := readCFF(cff)
	if err != nil {
		return nil, err
	}
	return subsetReadCFF(f, kept)
}

// subsetReadCFF is subsetCFF of a CFF table read (readCFF), which it
// only reads: a CJK face's is read once, when it is loaded, and serves
// every subset of it.
func subsetReadCFF(f *cffFont, kept []int) ([]byte, error) {
	c, err := walkKept(f, kept)
	if err != nil {
		return nil, err
	}
	renumber := !c.keepAll && !c.conflict
	fds, newFD := c.fontDicts(len(f.fds))
	spaces, err := c.subrSpaces(f, fds, renumber)
	if err != nil {
		return nil, err
	}
	if renumber {
		c.rewriteCalls(spaces)
	}
	w := cffWriter{f: f, glyphs: c.glyphs, gsubrs: spaces[globalSpace].items}
	for _, fd := range fds {
		w.fds = append(w.fds, f.fds[fd])
		w.lsubrs = append(w.lsubrs, spaces[fd].items)
	}
	for _, fd := range c.fdOf {
		w.fdSelect = append(w.fdSelect, newFD[fd])
	}
	return w.write()
}

// cffCut is what walking the kept glyphs found: their charstrings and
// font dicts, the subroutines they call, and where.
type cffCut struct {
	glyphs [][]byte // each kept glyph's charstring, by its new number
	fdOf   []int    // each kept glyph's font dict
	usedG  []bool   // global subroutines called
	usedL  [][]bool // each font dict's local subroutines called
	calls  map[callKey]callValue
	// keepAll: a charstring computes (errCFFArithmetic), so every
	// subroutine is kept; conflict: one operand names two subroutines.
	keepAll, conflict bool
}

// walkKept reads the kept glyphs' charstrings and walks each through
// the subroutines it calls (csWalk), marking them.
func walkKept(f *cffFont, kept []int) (*cffCut, error) {
	c := &cffCut{
		glyphs: make([][]byte, len(kept)),
		fdOf:   make([]int, len(kept)),
		usedG:  make([]bool, f.gsubrs.count),
		usedL:  make([][]bool, len(f.fds)),
		calls:  map[callKey]callValue{},
	}
	var err error
	for i, gid := range kept {
		if gid < 0 || gid >= f.charstrings.count {
			return nil, fmt.Errorf("it has no glyph %d", gid)
		}
		if c.glyphs[i], err = f.charstrings.item(gid); err != nil {
			return nil, err
		}
		if c.fdOf[i], err = f.fdOf(gid); err != nil {
			return nil, err
		}
		fd := c.fdOf[i]
		if c.usedL[fd] == nil {
			// Only the font dicts of kept glyphs: Noto Sans CJK
			// has 19, with 42,654 local subroutines.
			c.usedL[fd] = make([]bool, f.fds[fd].subrs.count)
		}
		if c.keepAll {
			continue
		}
		w := csWalk{gsubrs: f.gsubrs, lsubrs: f.fds[fd].subrs, usedG: c.usedG, usedL: c.usedL[fd], fd: fd, calls: c.calls}
		if _, err := w.run(c.glyphs[i], csRef{glyphSpace, i}, 0); errors.Is(err, errCFFArithmetic) {
			c.keepAll = true
		} else if err != nil {
			return nil, fmt.Errorf("glyph %d: %w", gid, err)
		}
		c.conflict = c.conflict || w.conflict
	}
	if c.keepAll {
		for i := range c.usedG {
			c.usedG[i] = true
		}
		for _, u := range c.usedL {
			for i := range u {
				u[i] = true
			}
		}
	}
	return c, nil
}

// fontDicts is the font dicts the kept glyphs use, in the order first
// used, and each font dict's new number (-1 for those dropped), of n.
func (c *cffCut) fontDicts(n int) (fds, newFD []int) {
	newFD = make([]int, n)
	for i := range newFD {
		newFD[i] = -1
	}
	for _, fd := range c.fdOf {
		if newFD[fd] < 0 {
			newFD[fd] = len(fds)
			fds = append(fds, fd)
		}
	}
	return fds, newFD
}

// subrSpace is a subroutine space of the subset: its kept subroutines,
// and their old numbers.
type subrSpace struct {
	ix    cffIndex
	used  []bool
	kept  []int // the old numbers of the subroutines called, in order
	items [][]byte
}

// newID is the new number of subroutine i, which a kept charstring
// calls, when the subroutines called are renumbered: its place among
// them. (A table of new numbers, one per subroutine of the font, was 60
// KB for a CJK subset of 200 called.)
func (sp *subrSpace) newID(i int) int {
	n, _ := slices.BinarySearch(sp.kept, i)
	return n
}

// subrSpaces is the global subroutines and those of each font dict kept
// (fds): the subroutines called, renumbered in order if renumber, or
// every subroutine in its place, those not called emptied.
func (c *cffCut) subrSpaces(f *cffFont, fds []int, renumber bool) (map[int]*subrSpace, error) {
	spaces := map[int]*subrSpace{globalSpace: {ix: f.gsubrs, used: c.usedG}}
	for _, fd := range fds {
		spaces[fd] = &subrSpace{ix: f.fds[fd].subrs, used: c.usedL[fd]}
	}
	for _, sp := range spaces {
		for i, used := range sp.used {
			switch {
			case used:
				b, err := sp.ix.item(i)
				if err != nil {
					return nil, err
				}
				sp.kept = append(sp.kept, i)
				sp.items = append(sp.items, b)
			case !renumber:
				sp.items = append(sp.items, emptySubr)
			}
		}
	}
	return spaces, nil
}

// rewriteCalls gives every subroutine call of the kept charstrings the
// new number of the subroutine it names.
func (c *cffCut) rewriteCalls(spaces map[int]*subrSpace) {
	// The operands to rewrite, by charstring, in order.
	edits := map[csRef][]operandAt{}
	for k := range c.calls {
		at := k.operandAt()
		edits[at.csRef] = append(edits[at.csRef], at)
	}
	// The rewritten charstrings are cut from one buffer, as long as the
	// old ones (a number rewritten is at most as long as the longest
	// form, three bytes, and usually as long as it was) plus room to
	// spare: one allocation where a slice per charstring grew several
	// times (a CJK subset rewrites a few hundred).
	old := func(ref csRef) []byte {
		if ref.space == glyphSpace {
			return c.glyphs[ref.index]
		}
		return spaces[ref.space].items[spaces[ref.space].newID(ref.index)]
	}
	size := 0
	for ref, ats := range edits {
		size += len(old(ref)) + 3*len(ats)
	}
	arena := make([]byte, 0, size)
	for ref, ats := range edits {
		slices.SortFunc(ats, func(a, b operandAt) int { return a.offset - b.offset })
		old := old(ref)
		b := arena[len(arena):len(arena):cap(arena)]
		last := 0
		for _, at := range ats {
			to := c.calls[at.key()].callee()
			sp := spaces[to.space]
			b = append(b, old[last:at.offset]...)
			b = appendCharstringInt(b, sp.newID(to.index)-subrBias(len(sp.items)))
			last = at.offset + at.size
		}
		b = append(b, old[last:]...)
		if len(arena)+len(b) <= cap(arena) {
			arena = arena[:len(arena)+len(b)]
			b = b[:len(b):len(b)]
		}
		if ref.space == glyphSpace {
			c.glyphs[ref.index] = b
		} else {
			spaces[ref.space].items[spaces[ref.space].newID(ref.index)] = b
		}
	}
}

// appendCharstringInt appends an integer operand of a Type 2 charstring
// in its shortest form (its encodings are a DICT's but for 29).
func appendCharstringInt(b []byte, v int) []byte {
	if v < -32768 || v > 32767 {
		panic("fontset: a subroutine number out of a charstring's range") // counts are below 65,536
	}
	return appendDictInt(b, v)
}

// emptySubr is an unused subroutine: return.
var emptySubr = []byte{11}

// cffWriter writes a CID-keyed CFF of the kept glyphs, numbered from 0,
// each glyph's CID its number.
type cffWriter struct {
	f        *cffFont
	glyphs   [][]byte
	gsubrs   [][]byte
	fds      []cffFD
	lsubrs   [][][]byte
	fdSelect []int // new font dict of each new glyph
}

func (w *cffWriter) write() ([]byte, error) {
	f := w.f
	strs, adobe, identity, err := w.strings()
	if err != nil {
		return nil, err
	}
	privates := w.privates()
	charset, fdSelect := w.charset(), w.fdSelectData()

	header := []byte{1, 0, 4, 4}
	names := appendIndex(nil, [][]byte{f.name})
	strIndex := appendIndex(nil, strs)
	// The layout: header, names, top, strings, global subrs, charset,
	// FDSelect, charstrings, FDArray, then the private dicts and local
	// subrs. Only the FDArray's length depends on an offset it holds,
	// and it writes them as 5-byte integers too. The subroutines and
	// charstrings, most of the font, are measured (indexLen) and written
	// once, straight into the font.
	topLen := len(appendIndex(nil, [][]byte{w.top(adobe, identity, 0, 0, 0, 0)}))
	at := len(header) + len(names) + topLen + len(strIndex) + indexLen(w.gsubrs)
	charsetAt := at
	fdSelectAt := charsetAt + len(charset)
	charstringsAt := fdSelectAt + len(fdSelect)
	fdArrayAt := charstringsAt + indexLen(w.glyphs)
	privAt := make([]int, len(w.fds))
	fdArrayLen := len(appendIndex(nil, w.fdDicts(privates, privAt)))
	p := fdArrayAt + fdArrayLen
	tailLen := 0
	for i, priv := range privates {
		privAt[i] = p + tailLen
		tailLen += len(priv)
		if len(w.lsubrs[i]) > 0 {
			tailLen += indexLen(w.lsubrs[i])
		}
	}
	out := make([]byte, 0, p+tailLen)
	out = append(out, header...)
	out = append(out, names...)
	out = appendIndex(out, [][]byte{w.top(adobe, identity, charsetAt, charstringsAt, fdArrayAt, fdSelectAt)})
	out = append(out, strIndex...)
	out = appendIndex(out, w.gsubrs)
	out = append(out, charset...)
	out = append(out, fdSelect...)
	out = appendIndex(out, w.glyphs)
	out = appendIndex(out, w.fdDicts(privates, privAt))
	for i, priv := range privates {
		out = append(out, priv...)
		if len(w.lsubrs[i]) > 0 {
			out = appendIndex(out, w.lsubrs[i])
		}
	}
	if len(out) != p+tailLen {
		return nil, errors.New("CFF layout mismatch") // a bug here, not in the font
	}
	return out, nil
}

// strings is the subset's strings: the font's own, then the registry and
// ordering of the subset's ROS, whose string IDs are adobe and identity.
// Its CIDs are glyph numbers, so it is Adobe-Identity-0 whatever the
// font's ordering was.
func (w *cffWriter) strings() (strs [][]byte, adobe, identity int, err error) {
	f := w.f
	for i := range f.strings.count {
		s, err := f.strings.item(i)
		if err != nil {
			return nil, 0, 0, err
		}
		strs = append(strs, s)
	}
	const standardStrings = 391
	adobe, identity = standardStrings+len(strs), standardStrings+len(strs)+1
	strs = append(strs, []byte("Adobe"), []byte("Identity"))
	return strs, adobe, identity, nil
}

// top is the top DICT, with the offsets written as 5-byte integers so
// that its length does not depend on them.
func (w *cffWriter) top(adobe, identity, charset, charstrings, fdArray, fdSelect int) []byte {
	var b []byte
	b = appendDictInt(b, adobe)
	b = appendDictInt(b, identity)
	b = appendDictInt(b, 0)
	b = append(b, 12, 30) // ROS first, as a CIDFont's top DICT must
	for _, e := range w.f.top {
		switch e.op {
		case opROS, opCharset, opEncoding, opCharStrings, opPrivate, opFDArray, opFDSelect,
			opCIDCount, opUniqueID, opXUID, opUIDBase:
			continue
		}
		b = appendOp(append(b, e.raw...), e.op)
	}
	b = appendOp(appendDictInt(b, len(w.glyphs)), opCIDCount)
	b = appendOp(appendDictInt32(b, charset), opCharset)
	b = appendOp(appendDictInt32(b, charstrings), opCharStrings)
	b = appendOp(appendDictInt32(b, fdArray), opFDArray)
	return appendOp(appendDictInt32(b, fdSelect), opFDSelect)
}

// appendDictExcept appends a DICT's entries as they were read, but for
// the one whose offset changes in the subset (written anew by the caller).
func appendDictExcept(b []byte, entries []dictEntry, except int) []byte {
	for _, e := range entries {
		if e.op != except {
			b = appendOp(append(b, e.raw...), e.op)
		}
	}
	return b
}

// privates is each font dict's private DICT, its Subrs (if any) to be
// written right after it.
func (w *cffWriter) privates() [][]byte {
	var privates [][]byte
	for i, fd := range w.fds {
		b := appendDictExcept(nil, fd.private, opSubrs)
		if len(w.lsubrs[i]) > 0 {
			b = appendOp(appendDictInt32(b, len(b)+6), opSubrs)
		}
		privates = append(privates, b)
	}
	return privates
}

// fdDicts is the font dicts of the FDArray, each naming its private
// DICT (privates) at privAt.
func (w *cffWriter) fdDicts(privates [][]byte, privAt []int) [][]byte {
	var out [][]byte
	for i, fd := range w.fds {
		b := appendDictExcept(nil, fd.dict, opPrivate)
		b = appendDictInt32(b, len(privates[i]))
		out = append(out, appendOp(appendDictInt32(b, privAt[i]), opPrivate))
	}
	return out
}

// charset is the subset's charset: each glyph's CID is its number.
func (w *cffWriter) charset() []byte {
	if n := len(w.glyphs); n > 1 {
		return []byte{2, 0, 1, byte((n - 2) >> 8), byte(n - 2)} // format 2: CIDs 1 to n-1 in one range
	}
	return []byte{0} // format 0: only .notdef
}

// fdSelectData is the subset's FDSelect, in format 3: a range for each
// run of glyphs of one font dict.
func (w *cffWriter) fdSelectData() []byte {
	var fdSelect []byte
	var ranges int
	for i, fd := range w.fdSelect {
		if i == 0 || fd != w.fdSelect[i-1] {
			fdSelect = append(fdSelect, byte(i>>8), byte(i), byte(fd))
			ranges++
		}
	}
	fdSelect = append([]byte{3, byte(ranges >> 8), byte(ranges)}, fdSelect...)
	return append(fdSelect, byte(len(w.glyphs)>>8), byte(len(w.glyphs)))
}

// indexLen is the length of an INDEX of items.
func indexLen(items [][]byte) int {
	if len(items) == 0 {
		return 2
	}
	total, offSize := indexSizes(items)
	return 3 + (len(items)+1)*offSize + total - 1
}

// indexSizes is the length of an INDEX's data plus one (its last offset)
// and the size of its offsets.
func indexSizes(items [][]byte) (total, offSize int) {
	total = 1
	for _, it := range items {
		total += len(it)
	}
	offSize = 1
	for total >= 1<<(8*offSize) {
		offSize++
	}
	return total, offSize
}

// appendIndex appends an INDEX of items.
func appendIndex(b []byte, items [][]byte) []byte {
	b = binary.BigEndian.AppendUint16(b, uint16(len(items)))
	if len(items) == 0 {
		return b
	}
	total, offSize := indexSizes(items)
	b = slices.Grow(b, 1+(len(items)+1)*offSize+total-1)
	b = append(b, byte(offSize))
	off := 1
	put := func(v int) {
		for k := offSize - 1; k >= 0; k-- {
			b = append(b, byte(v>>(8*k)))
		}
	}
	put(off)
	for _, it := range items {
		off += len(it)
		put(off)
	}
	for _, it := range items {
		b = append(b, it...)
	}
	return b
}

// appendDictInt appends an integer operand in its shortest form.
func appendDictInt(b []byte, v int) []byte {
	switch {
	case v >= -107 && v <= 107:
		return append(b, byte(v+139))
	case v >= 108 && v <= 1131:
		v -= 108
		return append(b, byte(v>>8+247), byte(v))
	case v >= -1131 && v <= -108:
		v = -v - 108
		return append(b, byte(v>>8+251), byte(v))
	case v >= -32768 && v <= 32767:
		return append(b, 28, byte(v>>8), byte(v))
	}
	return appendDictInt32(b, v)
}

// appendDictInt32 appends an integer operand in five bytes, whatever its
// value: offsets, so that a DICT's length is known before they are.
func appendDictInt32(b []byte, v int) []byte {
	return append(b, 29, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func appendOp(b []byte, op int) []byte {
	if op >= 1200 {
		return append(b, 12, byte(op-1200))
	}
	return append(b, byte(op))
}
