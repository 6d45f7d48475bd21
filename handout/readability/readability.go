// Package readability computes reading levels for patient-education text
// in its own language, the way health-literacy practice uses them. English
// is judged by SMOG, the preferred measure (it predicts 100% comprehension
// rather than 50–75%), with the Flesch–Kincaid grade reported alongside
// because many reviewers and word processors quote it. Spanish is judged by
// the INFLESZ scale (Szigriszt-Pazos's perspicuity index on Barrio-
// Cantalejo's bands), with Spanish syllable rules. Other languages have no
// formula: ForTag says so rather than lending them an English one.
//
// The formulas only make sense over full sentences, so this package counts
// words and syllables only inside sentences that end in '.', '!' or '?'.
// Headings, labels and fragment bullets are dropped entirely: counting their
// words without a sentence would inflate words-per-sentence, and counting
// them as sentences would make a handout look easier than its prose is.
//
// # Text model
//
// The input is plain text as a reader sees it: the words of one text field
// with its inline markup already removed (content.PlainText). A blank line
// (or U+2029) ends a block, and a sentence never spans two blocks; a single
// newline is a space. Words left over at the end of a block without
// terminal punctuation are a fragment (a heading, a fragment bullet) and are
// not counted.
//
// A bare URL or e-mail address counts as one one-syllable word. Em/en
// dashes, "--", '/' and '|' separate words.
//
// A word is any run containing a letter or a digit; hyphenated words are one
// word whose syllables are the sum of their parts ("well-being" = 3).
// Numbers are counted with one syllable per digit group ("7" = 1, "2025" =
// 1, "2.5" = 2, "1,000" = 2): reading "1,000" aloud is longer than "7", but
// the formulas were never calibrated on digits, and a simple, predictable
// rule matters more than precision here.
//
// # Files
//
// language.go ties each language to its rules and says whether a text is
// too hard; sentences.go finds sentences, words and long words in one pass;
// abbreviations.go decides which full stops end a sentence;
// syllables_en.go and syllables_es.go count syllables; formulas.go holds
// SMOG, Flesch–Kincaid and INFLESZ; tally.go names the words that weigh
// most; chars.go holds the character classes they share.
package readability

// Stats counts a text's full sentences, words, syllables and polysyllabic
// (3+ syllable) words.
type Stats struct {
	Sentences     int
	Words         int
	Syllables     int
	Polysyllables int
	// Letters counts the letters of the words, for languages whose formula
	// reads word length in letters (Italian's GULPEASE); 0 for the others.
	Letters int
}

// Add returns the sum of two Stats (so a file's stats are the sum of its
// sections').
func (s Stats) Add(o Stats) Stats {
	return Stats{
		Sentences:     s.Sentences + o.Sentences,
		Words:         s.Words + o.Words,
		Syllables:     s.Syllables + o.Syllables,
		Polysyllables: s.Polysyllables + o.Polysyllables,
		Letters:       s.Letters + o.Letters,
	}
}
