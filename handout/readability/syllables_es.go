package readability

import (
	"unicode"
	"unicode/utf8"
)

// Spanish syllables follow from its spelling, so a rule does what English
// needs a table for. Every syllable has one vowel nucleus; a word's count
// is its number of nuclei:
//
//   - a, e, o (and á, é, ó) are strong vowels; i, u, ü are weak. Two strong
//     vowels side by side are two syllables (le-er, po-e-ta, a-é-re-o).
//   - A weak vowel next to another vowel forms one syllable with it, a
//     diphthong or triphthong (dia-be-tes, ciu-dad, a-gua, buey), unless
//     the weak vowel is accented: í and ú count as strong, which makes a
//     hiatus (dí-a, pa-ís, ba-úl, con-ti-nú-a).
//   - u is silent in qu and in gu before e or i (que, guerra, guí-a); ü is
//     heard (pin-güi-no).
//   - y is a vowel only where no vowel follows it (hoy, muy, the word y);
//     before a vowel it is a consonant (ya, ma-yo).
//   - h never joins vowels here (pro-hi-bir, a-hí, bú-ho), as the
//     written syllabification has it.
//
// Digits count one syllable per group, as in English, and a word has at
// least one syllable when it has a letter.

// spanishSyllables sums the syllables of the letter runs and digit groups
// of a token.
var spanishSyllables = &syllableRules{letter: spanishLetter, count: spanishRun}

// spanishLetter folds r onto run (see foldSpanish); a combining acute
// accent after i or u makes it strong, as í and ú are.
func spanishLetter(r rune, run []byte) ([]byte, bool) {
	if r == '\u0301' && len(run) > 0 {
		switch run[len(run)-1] {
		case 'i':
			run[len(run)-1] = 'I'
		case 'u':
			run[len(run)-1] = 'U'
		}
		return run, true
	}
	c, ok := foldSpanish(r)
	if ok && c != 0 {
		run = append(run, c)
	}
	return run, ok
}

// foldSpanish maps a letter to one byte: ASCII letters in lower case,
// accented strong vowels to their base, 'I' and 'U' for í and ú (strong),
// 'W' for ü (weak but heard), and any other letter to 'x', a consonant.
// Combining marks return (0, true).
func foldSpanish(r rune) (byte, bool) {
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
	case 'á', 'à', 'â', 'ä':
		return 'a', true
	case 'é', 'è', 'ê', 'ë':
		return 'e', true
	case 'ó', 'ò', 'ô', 'ö':
		return 'o', true
	case 'í', 'ì':
		return 'I', true
	case 'ú', 'ù':
		return 'U', true
	case 'ï', 'î':
		return 'i', true
	case 'ü', 'û':
		return 'W', true
	case 'ñ':
		return 'n', true
	}
	return 'x', true
}

type vowelKind uint8

const (
	consonant vowelKind = iota
	weakVowel
	strongVowel
)

// spanishRun counts the nuclei of one folded letter run.
func spanishRun(w []byte) int {
	n := 0
	prev := consonant
	for i := range w {
		k := spanishVowel(w, i)
		switch {
		case k == consonant:
		case prev == consonant:
			n++
		case k == strongVowel && prev == strongVowel:
			n++ // hiatus
		}
		prev = k
	}
	return max(n, 1)
}

func spanishVowel(w []byte, i int) vowelKind {
	switch w[i] {
	case 'a', 'e', 'o', 'I', 'U':
		return strongVowel
	case 'i', 'W':
		return weakVowel
	case 'u':
		if i > 0 && w[i-1] == 'q' {
			return consonant
		}
		if i > 0 && w[i-1] == 'g' && i+1 < len(w) && (w[i+1] == 'e' || w[i+1] == 'i' || w[i+1] == 'I') {
			return consonant
		}
		return weakVowel
	case 'y':
		if i+1 < len(w) && spanishVowelLetter(w[i+1]) {
			return consonant
		}
		return weakVowel
	}
	return consonant
}

func spanishVowelLetter(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'I', 'U', 'W':
		return true
	}
	return false
}
