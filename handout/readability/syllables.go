package readability

import (
	"unicode"
	"unicode/utf8"
)

// syllableRules are one language's hooks into the one syllable scanner
// (of): it cuts a token into letter runs and digit groups, and sums count
// over the runs and one syllable per digit group.
type syllableRules struct {
	// letter appends r to the run in the one-byte form count reads and
	// reports whether r is part of a word (a letter or a combining mark);
	// anything else ends the run.
	letter func(r rune, run []byte) ([]byte, bool)
	// count counts one run's syllables.
	count func(run []byte) int
	// elision, for a language that drops an apostrophe between letters
	// rather than ending the run on it (English: don't, didn't), is the
	// syllables a run gains from the apostrophe dropped at aposAt; nil
	// where an apostrophe ends the run as any other mark does.
	elision func(run []byte, aposAt int) int
}

// of sums the syllables of tok's letter runs and digit groups, using *run
// as scratch space so that Read does not allocate per word. A word with no
// letter or digit has 0 syllables.
func (s *syllableRules) of(tok []byte, run *[]byte) int {
	total := 0
	r0 := (*run)[:0]
	aposAt := -1 // index in r0 of the letter that followed a dropped apostrophe
	inDigits := false
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRune(tok[i:])
		i += w
		if next, ok := s.letter(r, r0); ok {
			r0 = next
			inDigits = false
			continue
		}
		if s.elision != nil && isApostrophe(r) && len(r0) > 0 && i < len(tok) {
			if next, _ := utf8.DecodeRune(tok[i:]); isLetter(next) {
				aposAt = len(r0)
				continue
			}
		}
		total += s.runSyllables(r0, aposAt)
		r0, aposAt = r0[:0], -1
		if unicode.IsDigit(r) {
			if !inDigits {
				total++
			}
			inDigits = true
		} else {
			inDigits = false
		}
	}
	total += s.runSyllables(r0, aposAt)
	*run = r0
	return total
}

// runSyllables counts one run, 0 for an empty one.
func (s *syllableRules) runSyllables(w []byte, aposAt int) int {
	if len(w) == 0 {
		return 0
	}
	n := s.count(w)
	if aposAt >= 0 {
		n += s.elision(w, aposAt)
	}
	return n
}

// vowelGroups counts the runs of vowels ('a') in a folded run, at least one
// for a run with a letter: one syllable per group of written vowels, which
// is the written syllabification of French and German (hyphenation splits
// por-te, Mei-nung) up to hiatus (German Fa-mi-li-e counts three).
func vowelGroups(w []byte) int {
	n := 0
	prev := byte(0)
	for _, c := range w {
		if c == 'a' && prev != 'a' {
			n++
		}
		prev = c
	}
	return max(n, 1)
}

// vowelGroupSyllables counts French's, German's and Greek's syllables
// (vowelGroups).
var vowelGroupSyllables = &syllableRules{letter: latinVowelLetter, count: vowelGroups}

// vowelLetters counts every vowel ('a') of a folded run as a syllable, and
// each group of Latin vowels ('v', a Latin word inside the text) as one:
// Russian has one syllable per vowel letter (пе-ни-е, и-де-я).
func vowelLetters(w []byte) int {
	n := 0
	prev := byte(0)
	for _, c := range w {
		if c == 'a' || c == 'v' && prev != 'v' {
			n++
		}
		prev = c
	}
	return max(n, 1)
}

// latinVowelLetter folds a letter for vowelGroups: 'a' for a vowel of the
// Latin alphabet, accented or not (y included), 'x' for any other letter.
// Combining marks join the run unchanged.
func latinVowelLetter(r rune, run []byte) ([]byte, bool) {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		if !isASCIILetter(byte(r)) {
			return run, false
		}
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return append(run, 'a'), true
		}
		return append(run, 'x'), true
	}
	if unicode.Is(unicode.Mn, r) {
		return run, true
	}
	if !unicode.IsLetter(r) {
		return run, false
	}
	switch unicode.ToLower(r) {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï',
		'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'œ', 'ù', 'ú', 'û', 'ü', 'ý', 'ÿ':
		return append(run, 'a'), true
	}
	return append(run, 'x'), true
}

// russianLetter folds a letter for vowelLetters: 'a' for a Cyrillic vowel
// (а е ё и о у ы э ю я), 'v' for a Latin one, 'x' for any other letter.
func russianLetter(r rune, run []byte) ([]byte, bool) {
	switch unicode.ToLower(r) {
	case 'а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я':
		return append(run, 'a'), true
	}
	if next, ok := latinVowelLetter(r, run); ok {
		if len(next) > len(run) && next[len(next)-1] == 'a' && r < 0x400 {
			next[len(next)-1] = 'v'
		}
		return next, true
	}
	return run, false
}

// portugueseLetter folds a letter for portugueseRun: Spanish's classes
// (strong a e o and accented vowels, weak i u, 'W' for ü), with 'N' for the
// nasal ã and õ, which make a diphthong with the vowel after them (mão,
// põe, mãe).
func portugueseLetter(r rune, run []byte) ([]byte, bool) {
	switch unicode.ToLower(r) {
	case 'ã', 'õ':
		return append(run, 'N'), true
	case 'â', 'ê', 'ô':
		// Circumflex vowels are strong and stressed, as acute ones are.
		return append(run, 'a'), true
	case 'ç':
		return append(run, 'x'), true
	}
	return spanishLetter(r, run)
}

// portugueseRun counts nuclei as spanishRun does, with a vowel after a
// nasal ã or õ joining it (mão, põe: one syllable each).
func portugueseRun(w []byte) int {
	n := 0
	prev := consonant
	for i := range w {
		var k vowelKind
		switch {
		case w[i] == 'N':
			k = strongVowel
		case i > 0 && w[i-1] == 'N' && (w[i] == 'o' || w[i] == 'e' || w[i] == 'i' || w[i] == 'u'):
			k = weakVowel
		default:
			k = spanishVowel(w, i)
		}
		switch {
		case k == consonant:
		case prev == consonant:
			n++
		case k == strongVowel && prev == strongVowel:
			n++ // hiatus: po-e-ta, sa-ú-de
		}
		prev = k
	}
	return max(n, 1)
}
