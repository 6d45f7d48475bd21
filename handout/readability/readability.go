// Package readability computes readability grades for patient-education
// text, the way health-literacy practice uses them: SMOG is the preferred
// measure (it predicts 100% comprehension rather than 50–75%), and the
// Flesch–Kincaid grade is reported alongside because many reviewers and
// word processors quote it.
//
// Both formulas only make sense over full sentences, so this package counts
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
// sentences.go finds sentences and words, abbreviations.go decides which
// full stops end a sentence, syllables_en.go counts English syllables,
// formulas.go holds the grade formulas, chars.go the character classes
// they share.
package readability

// Stats counts a text's full sentences, words, syllables and polysyllabic
// (3+ syllable) words.
type Stats struct {
	Sentences     int
	Words         int
	Syllables     int
	Polysyllables int
}

// Add returns the sum of two Stats (so a file's stats are the sum of its
// sections').
func (s Stats) Add(o Stats) Stats {
	return Stats{
		Sentences:     s.Sentences + o.Sentences,
		Words:         s.Words + o.Words,
		Syllables:     s.Syllables + o.Syllables,
		Polysyllables: s.Polysyllables + o.Polysyllables,
	}
}
