package readability

// Shortcuts the tests read with: one measure of a text, its sentences, one
// word's syllables. The checks call Read, which finds all of them in one
// pass.

func Measure(text string) Stats { return English.Measure(text) }

func Sentences(text string) []Sentence { return English.Sentences(text) }

func (l *Language) Measure(text string) Stats { return l.Read(text).Stats }

func (l *Language) Sentences(text string) []Sentence { return l.Read(text).Sentences }

func Syllables(word string) int {
	var run []byte
	return englishSyllables.of([]byte(word), &run)
}

func (l *Language) Syllables(word string) int {
	var run []byte
	return l.syllables([]byte(word), &run)
}
