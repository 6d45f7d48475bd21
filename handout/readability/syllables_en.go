package readability

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// englishSyllables estimates the syllables of one English word
// (case-insensitive).
//
// Letters are counted with a vowel-group heuristic (see heuristicSyllables)
// backed by a small table of common words it gets wrong. Apostrophes inside
// a word are dropped ("don't" = 1, "didn't" = 2); any other non-letter
// splits the word into parts whose counts are added ("well-being" = 3), and
// each run of digits counts one syllable. A word with no letter or digit has
// 0 syllables; otherwise the result is at least 1.
var englishSyllables = &syllableRules{letter: englishLetter, count: wordSyllables, elision: ntSyllable}

// englishLetter folds r onto run (see foldLetter).
func englishLetter(r rune, run []byte) ([]byte, bool) {
	c, ok := foldLetter(r)
	if ok && c != 0 {
		run = append(run, c)
	}
	return run, ok
}

// foldLetter maps a letter to a lower-case ASCII byte for the heuristic.
// Accented Latin vowels fold to their base vowel so that "café" still has a
// vowel; other letters become 'x' (a consonant) so that a non-English word
// still counts at least one syllable. Combining marks return (0, true): they
// belong to the letter before and neither split nor extend the word.
func foldLetter(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		c := byte(r)
		if isASCIILetter(c) {
			return c | 0x20, true
		}
		return 0, false
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, true
	}
	if !unicode.IsLetter(r) {
		return 0, false
	}
	switch unicode.ToLower(r) {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'æ':
		return 'a', true
	case 'è', 'é', 'ê', 'ë':
		return 'e', true
	case 'ì', 'í', 'î', 'ï':
		return 'i', true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'œ':
		return 'o', true
	case 'ù', 'ú', 'û', 'ü':
		return 'u', true
	case 'ý', 'ÿ':
		return 'y', true
	case 'ç':
		return 'c', true
	case 'ñ':
		return 'n', true
	}
	return 'x', true
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// ntSyllable is the syllable "-n't" adds after a consonant (did-n't,
// could-n't), where the apostrophe was dropped at aposAt; after a vowel it
// merges (don't, can't, won't).
func ntSyllable(w []byte, aposAt int) int {
	n := len(w)
	if aposAt == n-1 && n >= 3 && w[n-1] == 't' && w[n-2] == 'n' && !isAEIOU(w[n-3]) {
		return 1
	}
	return 0
}

// exceptionWords lists common words that the heuristic miscounts, or that
// matter too much in health text to leave to it. Counts follow dictionary
// syllabification. Regular plurals are derived ("ideas", "therapies",
// "businesses").
var exceptionWords = sync.OnceValue(func() map[string]int {
	return map[string]int{
		"people": 2, "every": 2, "different": 3, "being": 2, "area": 3, "idea": 3,
		"create": 2, "business": 2, "therapy": 3, "anxiety": 4, "psychotherapy": 5,
		"ketamine": 3, "esketamine": 4, "evidence": 3, "suicide": 3, "suicidal": 4,
		"behavior": 3, "behaviour": 3, "behavioral": 4, "behavioural": 4,
		"diabetes": 4, "pneumonia": 3, "nuclear": 3, "linear": 3, "hundred": 2,
		"maybe": 2, "lawyer": 2, "element": 3, "recipe": 3, "acne": 2, "cafe": 2,
		"wherever": 3, "evening": 2, "naked": 2, "wicked": 2, "sacred": 2,
		"poem": 2, "poet": 2, "heroin": 3, "argue": 2, "argued": 2, "ambiguous": 4,
		"wednesday": 2,
	}
})

// compoundPrefixes split common compounds whose first part ends in a silent
// 'e' or is itself an exception ("some-one", "safe-ty", "every-thing"):
// the heuristic would otherwise hear the interior 'e'. vowelRest allows the
// second part to start with a vowel; it is off where that is usually a
// Greek root instead ("homeopathy").
var compoundPrefixes = []struct {
	prefix    string
	syl       int
	vowelRest bool
}{
	{"some", 1, true}, {"every", 2, true}, {"any", 2, true}, {"life", 1, true},
	{"home", 1, false}, {"care", 1, true}, {"there", 1, true}, {"where", 1, true},
	{"side", 1, true}, {"time", 1, true}, {"house", 1, true}, {"whole", 1, true},
	{"base", 1, true}, {"safe", 1, true}, {"like", 1, true}, {"love", 1, true},
	{"more", 1, true}, {"note", 1, true}, {"wide", 1, true}, {"hope", 1, true},
	{"use", 1, false},
}

func wordSyllables(w []byte) int {
	for _, cp := range compoundPrefixes {
		if len(w) < len(cp.prefix)+2 || w[0] != cp.prefix[0] || string(w[:len(cp.prefix)]) != cp.prefix {
			continue
		}
		if _, ok := exceptionWords()[string(w)]; ok {
			break // a listed word such as "wherever" is not split
		}
		rest := w[len(cp.prefix):]
		if !hasVowelLetter(rest) || (isAEIOU(rest[0]) && !cp.vowelRest) {
			continue
		}
		// One split only: recursing would make "somesomesome…" quadratic.
		return cp.syl + simpleSyllables(rest)
	}
	return simpleSyllables(w)
}

// simpleSyllables is wordSyllables without compound splitting.
func simpleSyllables(w []byte) int {
	if len(w) <= maxExceptionLen()+2 { // +2 for a plural ending
		if v, ok := exceptionWords()[string(w)]; ok {
			return v
		}
		if v, ok := pluralException(w); ok {
			return v
		}
	}
	return heuristicSyllables(w)
}

// maxExceptionLen is the length of the longest key of exceptionWords.
var maxExceptionLen = sync.OnceValue(func() int {
	n := 0
	for k := range exceptionWords() {
		n = max(n, len(k))
	}
	return n
})

// pluralException derives plurals of exceptionWords.
func pluralException(w []byte) (int, bool) {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return 0, false
	}
	if n <= 32 && w[n-3] == 'i' && w[n-2] == 'e' { // therapies -> therapy
		var k [32]byte
		m := copy(k[:], w[:n-3])
		k[m] = 'y'
		if v, ok := exceptionWords()[string(k[:m+1])]; ok {
			return v, true
		}
	}
	if w[n-2] == 'e' { // businesses -> business + 1
		stem := w[:n-2]
		if endsSibilant(stem) {
			if v, ok := exceptionWords()[string(stem)]; ok {
				return v + 1, true
			}
		}
	}
	stem := w[:n-1]
	if v, ok := exceptionWords()[string(stem)]; ok {
		// evidence-s is one more; idea-s and create-s are not.
		if len(stem) >= 2 && stem[len(stem)-1] == 'e' && endsSibilant(stem[:len(stem)-1]) {
			v++
		}
		return v, true
	}
	return 0, false
}

func endsSibilant(w []byte) bool {
	n := len(w)
	if n == 0 {
		return false
	}
	switch w[n-1] {
	case 's', 'x', 'z', 'c', 'g':
		return true
	case 'h':
		return n >= 2 && (w[n-2] == 'c' || w[n-2] == 's')
	}
	return false
}

// heuristicSyllables counts vowel groups, then corrects for the spelling
// patterns that make English vowel groups and syllables differ:
//
//   - 'y' is a vowel except word-initially or between vowels (yes, be-yond);
//     'u' is a consonant after 'q' and in "gu"+vowel (quite, guide).
//   - some vowel pairs are two syllables (di-et, tri-al, ra-di-o, flu-id,
//     cru-el, go-ing, ar-e-a) unless a known digraph context applies
//     (-tion, -cial, -cient, sur-geon).
//   - a final 'e' is silent (make) except in consonant+"le"/"re" (ta-ble,
//     cen-tre); "-ed" is silent except after t/d (asked vs need-ed);
//     "-es" is silent except after sibilants (makes vs chang-es).
//   - a silent 'e' before -ly, -ment, -ful, -ness, -less (safe-ly, state-ment).
//   - "-ism" and "-thm" add a syllable (au-tis-m, rhy-thm).
//
// The result is at least 1.
func heuristicSyllables(w []byte) int {
	n := len(w)
	count := 0
	for i := 0; i < n; i++ {
		if !vowelAt(w, i) {
			continue
		}
		if i == 0 || !vowelAt(w, i-1) || splitsPair(w, i) {
			count++
		}
	}
	count -= silentEndings(w)
	count -= silentBeforeSuffix(w)
	if hasSuffix(w, "sm") || hasSuffix(w, "sms") || hasSuffix(w, "thm") || hasSuffix(w, "thms") {
		count++
	}
	if count < 1 {
		count = 1
	}
	return count
}

func vowelAt(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u':
		if i > 0 && w[i-1] == 'q' {
			return false
		}
		if i > 0 && w[i-1] == 'g' && i+1 < len(w) && isAEIOU(w[i+1]) {
			return false
		}
		return true
	case 'y':
		if i == 0 {
			return false
		}
		return !(isAEIOU(w[i-1]) && i+1 < len(w) && isAEIOU(w[i+1]))
	}
	return false
}

// splitsPair reports whether the vowel at i starts a new syllable although
// the letter before it is a vowel too.
func splitsPair(w []byte, i int) bool {
	n := len(w)
	a, b := w[i-1], w[i]
	if a == 'y' { // dy-ing, em-bry-o; but dye, dyes
		return !(b == 'e' && (i == n-1 || (i == n-2 && (w[n-1] == 's' || w[n-1] == 'd'))))
	}
	if b == 'i' && i+3 <= n && w[i+1] == 'n' && w[i+2] == 'g' && (i+3 == n || (i+4 == n && w[n-1] == 's')) {
		return true // go-ing, see-ing, con-tin-u-ing
	}
	rest := w[i+1:]
	switch {
	case a == 'i' && b == 'a':
		if i >= 2 {
			switch w[i-2] {
			case 'c', 't', 's', 'g': // spe-cial, ini-tial, but ap-pre-ci-ate
				return hasPrefix(rest, "te") || hasPrefix(rest, "ti")
			}
		}
		return true
	case a == 'i' && b == 'o':
		if i >= 2 {
			switch w[i-2] {
			case 'c', 't', 's', 'g', 'x': // ac-tion, re-gion, anx-ious, but phys-i-ol-o-gy
				return hasPrefix(rest, "l")
			case 'n': // o-nion, se-nior
				return !(i >= 3 && isAEIOU(w[i-3]))
			case 'l': // mil-lion
				return !(i >= 3 && w[i-3] == 'l')
			}
		}
		return true
	case a == 'e' && b == 'o':
		return !(i >= 3 && (w[i-2] == 'g' || w[i-2] == 'c')) // sur-geon, but ge-ol-o-gy
	case a == 'u' && (b == 'a' || b == 'o'):
		return true // u-su-al, vir-tu-ous
	case a == 'u' && b == 'i':
		if len(rest) > 0 {
			switch rest[0] {
			case 'd', 'n': // flu-id, ru-in, gen-u-ine
				return true
			case 't': // in-tu-i-tive, but fruit, suit
				return hasPrefix(rest, "ti")
			}
		}
		return false
	case a == 'u' && b == 'e':
		return len(rest) > 0 && (rest[0] == 'l' || rest[0] == 'n' || rest[0] == 't') // cru-el, flu-ent
	case a == 'i' && b == 'e':
		if hasPrefix(rest, "t") { // di-et, qui-et, so-ci-e-ty
			return true
		}
		if n > 4 && (string(rest) == "r" || string(rest) == "rs" || string(rest) == "st") {
			return true // ear-li-er, eas-i-est
		}
		if len(rest) >= 2 && rest[0] == 'n' && (rest[1] == 'c' || rest[1] == 't') {
			if i >= 2 {
				switch w[i-2] {
				case 't', 'n': // pa-tient, con-ven-ient
					return false
				case 'c': // an-cient, ef-fi-cient, but sci-ence
					return i >= 3 && w[i-3] == 's'
				}
			}
			return true // cli-ent, ex-pe-ri-ence
		}
		return false
	case a == 'e' && b == 'a':
		switch {
		case i == n-1 && n >= 4, i == n-2 && n >= 5 && w[n-1] == 's': // ar-e-a, pan-cre-as
			return true
		case i >= 3 && w[i-3] == 'c' && w[i-2] == 'r' && hasPrefix(rest, "t") && !hasPrefix(rest, "tu"):
			return true // cre-ate, pan-cre-at-ic, but crea-ture
		case i == 2 && w[0] == 'r':
			for _, p := range [...]string{"react", "reali", "reass", "reapp", "readj", "rearr"} {
				if hasPrefix(w, p) {
					return true
				}
			}
		case i == 3 && hasPrefix(w, "idea"):
			return true
		}
		return false
	case a == 'i' && (b == 'u' || b == 'i'):
		return true // so-di-um, ski-ing
	case a == 'a' && b == 'o':
		return true // cha-os
	case a == 'o' && (b == 'o' || b == 'e'):
		// co-op-er-ate, co-or-di-nate, co-ex-ist
		return i == 2 && w[0] == 'c' && w[1] == 'o' && (b == 'e' || hasPrefix(rest, "p") || hasPrefix(rest, "r"))
	case a == 'e' && b == 'i': // re-im-burse, re-in-fec-tion, but reign
		return i == 2 && w[0] == 'r' && n > 5 && (rest[0] == 'm' || (rest[0] == 'n' && rest[1] != 'g'))
	case a == 'e' && b == 'u': // re-use, re-u-nite
		return i == 2 && w[0] == 'r'
	}
	return false
}

// silentEndings returns 1 when the word ends in a silent 'e', "-ed" or
// "-es" that the vowel-group count included.
func silentEndings(w []byte) int {
	n := len(w)
	switch {
	case n >= 3 && w[n-1] == 'e' && !vowelAt(w, n-2):
		c := w[n-2]
		if (c == 'l' || c == 'r') && !vowelAt(w, n-3) && w[n-3] != c {
			return 0 // ta-ble, cen-tre
		}
		return 1
	case n >= 4 && w[n-2] == 'e' && w[n-1] == 'd' && !vowelAt(w, n-3):
		switch c := w[n-3]; {
		case c == 't' || c == 'd': // need-ed, treat-ed
			return 0
		case c == 'l' && isStopOrF(w[n-4]): // han-dled, trou-bled
			return 0
		}
		return 1
	case n >= 4 && w[n-2] == 'e' && w[n-1] == 's' && !vowelAt(w, n-3):
		switch c := w[n-3]; {
		case c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g': // dos-es, chang-es
			return 0
		case c == 'h' && (w[n-4] == 'c' || w[n-4] == 's'): // teach-es, wish-es
			if hasSuffix(w, "aches") && (n == 5 || !isAEIOU(w[n-6])) {
				return 1 // head-aches is /eɪks/
			}
			return 0
		case (c == 'l' || c == 'r') && !vowelAt(w, n-4) && w[n-4] != c: // ta-bles
			return 0
		}
		return 1
	}
	return 0
}

// silentESuffixes are checked longest first so that "grace-ful-ly" finds
// the 'e' before "fully", not before "ly".
var silentESuffixes = [...]string{"lessness", "fulness", "fully", "ments", "ment", "ness", "less", "ful", "ly"}

// silentBeforeSuffix returns 1 for a silent 'e' left inside a word by a
// consonant-initial suffix: VCe+suffix (safe-ly, state-ment, aware-ness) or
// a soft c/g/s/v + e (ad-vance-ment, im-mense-ly, in-volve-ment).
func silentBeforeSuffix(w []byte) int {
	n := len(w)
	if n < 6 {
		return 0
	}
	switch w[n-1] { // every suffix ends in one of these
	case 's', 'y', 't', 'l':
	default:
		return 0
	}
	for _, suf := range silentESuffixes {
		if n < len(suf)+4 || !hasSuffix(w, suf) {
			continue
		}
		j := n - len(suf) - 1
		if w[j] == 'e' && !vowelAt(w, j-1) {
			switch w[j-1] {
			case 'c', 'g', 's', 'v':
				return 1
			}
			if vowelAt(w, j-2) {
				return 1
			}
		}
		return 0
	}
	return 0
}

func isStopOrF(c byte) bool {
	switch c {
	case 'b', 'c', 'd', 'f', 'g', 'k', 'p', 't', 'z':
		return true
	}
	return false
}

func isAEIOU(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func hasVowelLetter(w []byte) bool {
	for _, c := range w {
		if isAEIOU(c) || c == 'y' {
			return true
		}
	}
	return false
}

func hasPrefix(w []byte, p string) bool { return len(w) >= len(p) && string(w[:len(p)]) == p }

func hasSuffix(w []byte, s string) bool { return len(w) >= len(s) && string(w[len(w)-len(s):]) == s }
