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
	u16 := func(p int) (int, bool) {
		if p < 0 || p+2 > len(t) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(t[p:])), true
	}
	if len(t) < 10 {
		return nil
	}
	if minor, _ := u16(2); minor >= 1 {
		if len(t) < 14 || binary.BigEndian.Uint32(t[10:]) != 0 {
			return nil
		}
	}
	scripts, _ := u16(4)
	features, _ := u16(6)
	lookups, _ := u16(8)
	nLookups, ok := u16(lookups)
	if !ok || lookups == 0 || features == 0 {
		return nil
	}
	const (
		unused = iota // named by no feature: perhaps by a contextual lookup
		idle          // named only by features off by default
		used
	)
	state := make([]uint8, nLookups)
	mark := func(feature int, on bool) bool {
		rec := features + 2 + 6*feature
		off, ok1 := u16(rec + 4)
		n, ok2 := u16(features + off + 2)
		if !ok1 || !ok2 || rec+6 > len(t) {
			return false
		}
		for i := range n {
			l, ok := u16(features + off + 4 + 2*i)
			if !ok || l >= nLookups {
				return false
			}
			if on {
				state[l] = used
			} else if state[l] == unused {
				state[l] = idle
			}
		}
		return true
	}
	nFeatures, ok := u16(features)
	if !ok {
		return nil
	}
	for f := range nFeatures {
		if features+2+6*f+6 > len(t) {
			return nil
		}
		tag := string(t[features+2+6*f : features+6+6*f])
		if !mark(f, !offByDefault[tag]) {
			return nil
		}
	}
	// A language system's required feature is applied whatever its tag.
	if scripts != 0 {
		nScripts, ok := u16(scripts)
		if !ok {
			return nil
		}
		for s := range nScripts {
			off, ok := u16(scripts + 2 + 6*s + 4)
			if !ok {
				return nil
			}
			script := scripts + off
			dflt, ok1 := u16(script)
			nLang, ok2 := u16(script + 2)
			if !ok1 || !ok2 {
				return nil
			}
			langs := []int{}
			if dflt != 0 {
				langs = append(langs, script+dflt)
			}
			for l := range nLang {
				lo, ok := u16(script + 4 + 6*l + 4)
				if !ok {
					return nil
				}
				langs = append(langs, script+lo)
			}
			for _, ls := range langs {
				req, ok := u16(ls + 2)
				if !ok {
					return nil
				}
				if req != 0xFFFF && req < nFeatures && !mark(req, true) {
					return nil
				}
			}
		}
	}
	// The lookups kept, and those a kept contextual lookup applies, each
	// read once; within a budget of numbers read (a font's rule sets can
	// name one rule thousands of times), past which every lookup is kept.
	budget := maxIdleReads
	var queue []int
	for l := range nLookups {
		if state[l] != idle {
			queue = append(queue, l)
		}
	}
	for len(queue) > 0 {
		l := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		nested, ok := nestedLookups(t, lookups, l, gpos, &budget)
		if !ok {
			return nil
		}
		for _, n := range nested {
			if n >= nLookups {
				return nil
			}
			if state[n] == idle {
				state[n] = used
				queue = append(queue, n)
			}
		}
	}
	var at []int
	for l := range nLookups {
		if state[l] != idle {
			continue
		}
		off, _ := u16(lookups + 2 + 2*l)
		flag, ok := u16(lookups + off + 2)
		if !ok || lookups+off+6 > len(t) {
			return nil
		}
		if flag&useMarkFilteringSet == 0 {
			at = append(at, lookups+off+4)
		}
	}
	return at
}

// nestedLookups are the lookups that lookup l of the LookupList at
// lookups applies from its contextual subtables, and false if a subtable
// cannot be read or the budget of numbers to read runs out.
func nestedLookups(t []byte, lookups, l int, gpos bool, budget *int) ([]int, bool) {
	u16 := func(p int) int {
		if *budget--; *budget < 0 || p < 0 || p+2 > len(t) {
			return -1
		}
		return int(binary.BigEndian.Uint16(t[p:]))
	}
	off := u16(lookups + 2 + 2*l)
	lookup := lookups + off
	kind, n := u16(lookup), u16(lookup+4)
	if off < 0 || kind < 0 || n < 0 {
		return nil, false
	}
	context, chained, extension := 5, 6, 7
	if gpos {
		context, chained, extension = 7, 8, 9
	}
	var out []int
	for i := range n {
		so := u16(lookup + 6 + 2*i)
		if so < 0 {
			return nil, false
		}
		sub, k := lookup+so, kind
		if kind == extension {
			k = u16(sub + 2)
			if sub+8 > len(t) || k < 0 {
				return nil, false
			}
			sub += int(binary.BigEndian.Uint32(t[sub+4:]))
		}
		if k != context && k != chained {
			continue
		}
		// records appends the lookups of count SequenceLookupRecords at p.
		records := func(p, count int) bool {
			for r := range count {
				li := u16(p + 4*r + 2)
				if li < 0 {
					return false
				}
				out = append(out, li)
			}
			return true
		}
		// rules reads the rule sets at sets (count of them, offsets
		// from base), each rule read by rule.
		rules := func(base, sets, count int, rule func(p int) bool) bool {
			for s := range count {
				so := u16(sets + 2*s)
				if so < 0 {
					return false
				}
				if so == 0 {
					continue
				}
				set := base + so
				nr := u16(set)
				if nr < 0 {
					return false
				}
				for r := range nr {
					ro := u16(set + 2 + 2*r)
					if ro < 0 || !rule(set+ro) {
						return false
					}
				}
			}
			return true
		}
		format := u16(sub)
		ok := true
		switch {
		case k == context && (format == 1 || format == 2):
			sets, count := sub+6, u16(sub+4)
			if format == 2 {
				sets, count = sub+8, u16(sub+6)
			}
			ok = count >= 0 && rules(sub, sets, count, func(p int) bool {
				glyphs, recs := u16(p), u16(p+2)
				return glyphs >= 1 && recs >= 0 && records(p+4+2*(glyphs-1), recs)
			})
		case k == context && format == 3:
			glyphs, recs := u16(sub+2), u16(sub+4)
			ok = glyphs >= 0 && recs >= 0 && records(sub+6+2*glyphs, recs)
		case k == chained && (format == 1 || format == 2):
			sets, count := sub+6, u16(sub+4)
			if format == 2 {
				sets, count = sub+12, u16(sub+10)
			}
			ok = count >= 0 && rules(sub, sets, count, func(p int) bool {
				back := u16(p)
				input := u16(p + 2 + 2*back)
				if back < 0 || input < 1 {
					return false
				}
				ahead := p + 4 + 2*back + 2*(input-1)
				nAhead := u16(ahead)
				if nAhead < 0 {
					return false
				}
				recs := u16(ahead + 2 + 2*nAhead)
				return recs >= 0 && records(ahead+4+2*nAhead, recs)
			})
		case k == chained && format == 3:
			back := u16(sub + 2)
			if back < 0 {
				return nil, false
			}
			input := u16(sub + 4 + 2*back)
			if input < 0 {
				return nil, false
			}
			ahead := sub + 6 + 2*back + 2*input
			nAhead := u16(ahead)
			if nAhead < 0 {
				return nil, false
			}
			recs := u16(ahead + 2 + 2*nAhead)
			ok = recs >= 0 && records(ahead+4+2*nAhead, recs)
		default:
			ok = false
		}
		if !ok {
			return nil, false
		}
	}
	return out, true
}
