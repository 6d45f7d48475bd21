package shape

import "encoding/binary"

// A CJK face's GSUB and GPOS tables hold, besides what horizontal text
// needs, the lookups of features that go-text's HarfBuzz applies only
// when asked (this package never asks for a feature) or only to vertical
// text: in Noto Sans CJK, its alternates (aalt), its full-, half- and
// proportional-width forms and its vertical forms, and in GPOS the
// palt, halt and vertical adjustments: most of its GPOS, and 2,000 of
// its substitutions. go-text decodes every lookup of a face it reads;
// those idle ones it is given with no subtables (idleLookups), so that
// it decodes nothing of them. Shaping is the same: a lookup is applied
// only through a feature that is applied, or from another lookup
// applied, and such lookups are kept whole.

// offByDefault are the features of CJK fonts that go-text's HarfBuzz
// applies only when a caller asks for them (its horizontal, common and
// script shapers' features do not include them), or only to vertical
// text (vert, vkrn).
var offByDefault = map[string]bool{
	"aalt": true, "dlig": true, "hist": true, "ruby": true,
	"fwid": true, "hwid": true, "pwid": true, "qwid": true, "twid": true,
	"halt": true, "palt": true, "pkna": true, "hkna": true,
	"vert": true, "vrt2": true, "vkna": true, "vkrn": true, "vhal": true, "vpal": true,
	"jp78": true, "jp83": true, "jp90": true, "jp04": true, "nlck": true,
	"expt": true, "hojo": true, "trad": true, "smpl": true,
}

// maxIdleReads bounds the numbers idleLookups reads in contextual
// lookups: Noto Sans CJK's GSUB has about 3,000 of them.
const maxIdleReads = 1 << 20

// useMarkFilteringSet is the lookup flag after whose subtable offsets a
// lookup holds a mark filtering set.
const useMarkFilteringSet = 0x10

// idleLookups are where, in a GSUB or GPOS table (gpos says which), the
// subtable counts of the lookups that only features off by default use
// lie: lookups no feature applied by default names, directly or through
// a contextual lookup it keeps. It is nil when the table has feature
// variations (which may swap a feature's lookups) or cannot be read
// whole: then every lookup is kept.
func idleLookups(t []byte, gpos bool) []int {
	lt, ok := readLayoutTable(t)
	if !ok {
		return nil
	}
	state := make([]lookupState, lt.nLookups)
	if !lt.markFeatures(state) || !lt.markRequired(state) || !lt.keepNested(state, gpos) {
		return nil
	}
	var at []int
	for l := range lt.nLookups {
		if state[l] != lookupIdle {
			continue
		}
		off, _ := lt.u16(lt.lookups + 2 + 2*l)
		flag, ok := lt.u16(lt.lookups + off + 2)
		if !ok || lt.lookups+off+6 > len(t) {
			return nil
		}
		if flag&useMarkFilteringSet == 0 {
			at = append(at, lt.lookups+off+4)
		}
	}
	return at
}

// lookupState is what idleLookups knows of a lookup.
type lookupState uint8

const (
	lookupUnused lookupState = iota // named by no feature: perhaps by a contextual lookup
	lookupIdle                      // named only by features off by default
	lookupUsed
)

// layoutTable is a GSUB or GPOS table's header: where its script,
// feature and lookup lists start, and how many lookups and features it has.
type layoutTable struct {
	t                          []byte
	scripts, features, lookups int
	nLookups, nFeatures        int
}

// readLayoutTable reads a table's header; false when it has feature
// variations or no features or lookups.
func readLayoutTable(t []byte) (layoutTable, bool) {
	lt := layoutTable{t: t}
	if len(t) < 10 {
		return lt, false
	}
	if minor, _ := lt.u16(2); minor >= 1 {
		if len(t) < 14 || binary.BigEndian.Uint32(t[10:]) != 0 {
			return lt, false
		}
	}
	lt.scripts, _ = lt.u16(4)
	lt.features, _ = lt.u16(6)
	lt.lookups, _ = lt.u16(8)
	var ok bool
	lt.nLookups, ok = lt.u16(lt.lookups)
	if !ok || lt.lookups == 0 || lt.features == 0 {
		return lt, false
	}
	lt.nFeatures, ok = lt.u16(lt.features)
	return lt, ok
}

func (lt *layoutTable) u16(p int) (int, bool) {
	if p < 0 || p+2 > len(lt.t) {
		return 0, false
	}
	return int(binary.BigEndian.Uint16(lt.t[p:])), true
}

// mark marks the lookups of a feature used (on) or, when nothing else
// names them, idle.
func (lt *layoutTable) mark(state []lookupState, feature int, on bool) bool {
	rec := lt.features + 2 + 6*feature
	off, ok1 := lt.u16(rec + 4)
	n, ok2 := lt.u16(lt.features + off + 2)
	if !ok1 || !ok2 || rec+6 > len(lt.t) {
		return false
	}
	for i := range n {
		l, ok := lt.u16(lt.features + off + 4 + 2*i)
		if !ok || l >= lt.nLookups {
			return false
		}
		if on {
			state[l] = lookupUsed
		} else if state[l] == lookupUnused {
			state[l] = lookupIdle
		}
	}
	return true
}

// markFeatures marks every feature's lookups by its tag.
func (lt *layoutTable) markFeatures(state []lookupState) bool {
	for f := range lt.nFeatures {
		if lt.features+2+6*f+6 > len(lt.t) {
			return false
		}
		tag := string(lt.t[lt.features+2+6*f : lt.features+6+6*f])
		if !lt.mark(state, f, !offByDefault[tag]) {
			return false
		}
	}
	return true
}

// markRequired marks used the lookups of every language system's
// required feature, which is applied whatever its tag.
func (lt *layoutTable) markRequired(state []lookupState) bool {
	if lt.scripts == 0 {
		return true
	}
	nScripts, ok := lt.u16(lt.scripts)
	if !ok {
		return false
	}
	for s := range nScripts {
		off, ok := lt.u16(lt.scripts + 2 + 6*s + 4)
		if !ok {
			return false
		}
		script := lt.scripts + off
		dflt, ok1 := lt.u16(script)
		nLang, ok2 := lt.u16(script + 2)
		if !ok1 || !ok2 {
			return false
		}
		langs := []int{}
		if dflt != 0 {
			langs = append(langs, script+dflt)
		}
		for l := range nLang {
			lo, ok := lt.u16(script + 4 + 6*l + 4)
			if !ok {
				return false
			}
			langs = append(langs, script+lo)
		}
		for _, ls := range langs {
			req, ok := lt.u16(ls + 2)
			if !ok {
				return false
			}
			if req != 0xFFFF && req < lt.nFeatures && !lt.mark(state, req, true) {
				return false
			}
		}
	}
	return true
}

// keepNested marks used the lookups a kept contextual lookup applies,
// each read once; within a budget of numbers read (a font's rule sets
// can name one rule thousands of times), past which every lookup is kept.
func (lt *layoutTable) keepNested(state []lookupState, gpos bool) bool {
	budget := maxIdleReads
	var queue []int
	for l := range lt.nLookups {
		if state[l] != lookupIdle {
			queue = append(queue, l)
		}
	}
	for len(queue) > 0 {
		l := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		nested, ok := nestedLookups(lt.t, lt.lookups, l, gpos, &budget)
		if !ok {
			return false
		}
		for _, n := range nested {
			if n >= lt.nLookups {
				return false
			}
			if state[n] == lookupIdle {
				state[n] = lookupUsed
				queue = append(queue, n)
			}
		}
	}
	return true
}

// nestedLookups are the lookups that lookup l of the LookupList at
// lookups applies from its contextual subtables, and false if a subtable
// cannot be read or the budget of numbers to read runs out.
func nestedLookups(t []byte, lookups, l int, gpos bool, budget *int) ([]int, bool) {
	r := nestReader{t: t, budget: budget}
	off := r.u16(lookups + 2 + 2*l)
	lookup := lookups + off
	kind, n := r.u16(lookup), r.u16(lookup+4)
	if off < 0 || kind < 0 || n < 0 {
		return nil, false
	}
	context, chained, extension := 5, 6, 7
	if gpos {
		context, chained, extension = 7, 8, 9
	}
	for i := range n {
		so := r.u16(lookup + 6 + 2*i)
		if so < 0 {
			return nil, false
		}
		sub, k := lookup+so, kind
		if kind == extension {
			k = r.u16(sub + 2)
			if sub+8 > len(t) || k < 0 {
				return nil, false
			}
			sub += int(binary.BigEndian.Uint32(t[sub+4:]))
		}
		var ok bool
		switch k {
		case context:
			ok = r.context(sub)
		case chained:
			ok = r.chained(sub)
		default:
			continue
		}
		if !ok {
			return nil, false
		}
	}
	return r.out, true
}

// nestReader reads the lookups a contextual subtable applies, counting
// every number it reads against a shared budget.
type nestReader struct {
	t      []byte
	budget *int
	out    []int
}

// u16 is the number at p, or -1 past the table or the budget.
func (r *nestReader) u16(p int) int {
	if *r.budget--; *r.budget < 0 || p < 0 || p+2 > len(r.t) {
		return -1
	}
	return int(binary.BigEndian.Uint16(r.t[p:]))
}

// records appends the lookups of count SequenceLookupRecords at p.
func (r *nestReader) records(p, count int) bool {
	for i := range count {
		li := r.u16(p + 4*i + 2)
		if li < 0 {
			return false
		}
		r.out = append(r.out, li)
	}
	return true
}

// rules reads the rule sets at sets (count of them, offsets from base),
// each rule read by rule.
func (r *nestReader) rules(base, sets, count int, rule func(p int) bool) bool {
	for s := range count {
		so := r.u16(sets + 2*s)
		if so < 0 {
			return false
		}
		if so == 0 {
			continue
		}
		set := base + so
		nr := r.u16(set)
		if nr < 0 {
			return false
		}
		for i := range nr {
			ro := r.u16(set + 2 + 2*i)
			if ro < 0 || !rule(set+ro) {
				return false
			}
		}
	}
	return true
}

// context reads a (sequence) context subtable, formats 1 to 3.
func (r *nestReader) context(sub int) bool {
	switch format := r.u16(sub); format {
	case 1, 2:
		sets, count := sub+6, r.u16(sub+4)
		if format == 2 {
			sets, count = sub+8, r.u16(sub+6)
		}
		return count >= 0 && r.rules(sub, sets, count, func(p int) bool {
			glyphs, recs := r.u16(p), r.u16(p+2)
			return glyphs >= 1 && recs >= 0 && r.records(p+4+2*(glyphs-1), recs)
		})
	case 3:
		glyphs, recs := r.u16(sub+2), r.u16(sub+4)
		return glyphs >= 0 && recs >= 0 && r.records(sub+6+2*glyphs, recs)
	}
	return false
}

// chained reads a chained (sequence) context subtable, formats 1 to 3.
func (r *nestReader) chained(sub int) bool {
	switch format := r.u16(sub); format {
	case 1, 2:
		sets, count := sub+6, r.u16(sub+4)
		if format == 2 {
			sets, count = sub+12, r.u16(sub+10)
		}
		return count >= 0 && r.rules(sub, sets, count, func(p int) bool {
			back := r.u16(p)
			input := r.u16(p + 2 + 2*back)
			if back < 0 || input < 1 {
				return false
			}
			return r.lookahead(p + 4 + 2*back + 2*(input-1))
		})
	case 3:
		back := r.u16(sub + 2)
		if back < 0 {
			return false
		}
		input := r.u16(sub + 4 + 2*back)
		if input < 0 {
			return false
		}
		return r.lookahead(sub + 6 + 2*back + 2*input)
	}
	return false
}

// lookahead reads a chained rule's tail at ahead: its lookahead glyphs or
// coverages, then its SequenceLookupRecords.
func (r *nestReader) lookahead(ahead int) bool {
	nAhead := r.u16(ahead)
	if nAhead < 0 {
		return false
	}
	recs := r.u16(ahead + 2 + 2*nAhead)
	return recs >= 0 && r.records(ahead+4+2*nAhead, recs)
}
