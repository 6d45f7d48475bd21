package readability

import (
	"fmt"
	"strings"
)

// Language is what scoring text in one language needs: its abbreviations,
// its syllable rules and its reading-level formulas.
type Language struct {
	// Tag is the primary language subtag: "en", "es".
	Tag string
	// LongWord is the syllable count from which a word is long enough to
	// weigh on the grade: 3 in English, the SMOG polysyllable; 4 in
	// Spanish, whose everyday words run longer ("comida", "médico").
	LongWord int

	syllables     func(tok []byte, run *[]byte) int
	abbreviations map[string]term
	capitals      map[string]bool
	level         func(Stats) Level
}

// English is scored by SMOG, with Flesch–Kincaid shown beside it.
var English = &Language{
	Tag: "en", LongWord: 3,
	syllables:     syllablesOf,
	abbreviations: englishAbbreviations,
	capitals:      englishCapitals,
	level:         englishLevel,
}

// Spanish is scored by the INFLESZ scale (Szigriszt-Pazos's perspicuity
// index read on Barrio-Cantalejo's bands).
var Spanish = &Language{
	Tag: "es", LongWord: 4,
	syllables:     spanishSyllablesOf,
	abbreviations: spanishAbbreviations,
	capitals:      spanishCapitals,
	level:         spanishLevel,
}

// Languages lists the languages with a formula, by tag.
var Languages = []*Language{English, Spanish}

// ForTag returns the language of a BCP 47 tag ("es", "es-MX", "EN-us"), or
// false when no formula is known for it: such text gets no grade rather
// than an English one.
func ForTag(tag string) (*Language, bool) {
	primary, _, _ := strings.Cut(tag, "-")
	for _, l := range Languages {
		if strings.EqualFold(primary, l.Tag) {
			return l, true
		}
	}
	return nil, false
}

// Syllables counts the syllables of one word in l.
func (l *Language) Syllables(word string) int {
	var run []byte
	return l.syllables([]byte(word), &run)
}

// A text needs at least MinSentences full sentences and MinWords words in
// them to be graded on its own. Below that one long word or one short
// sentence swings the score by several grades (a 4-sentence section was
// rated 8.8 by SMOG and 3.0 by Flesch–Kincaid), so a short section counts
// only toward its handout's grade. SMOG was normed on 30 sentences and Fry
// asks for 100 words; 5 and 100 keep most real sections gradable.
const (
	MinSentences = 5
	MinWords     = 100
)

// Gradable reports whether s is long enough to grade on its own.
func (s Stats) Gradable() bool { return s.Sentences >= MinSentences && s.Words >= MinWords }

// Level is a text's reading level by its language's formulas.
type Level struct {
	// Formula names the formula that decides, and Score is its value.
	Formula string
	Score   float64
	// TooHard is true when Score is past the language's target.
	TooHard bool
	// Text says the level in words, for messages: "US grade 9.4 by SMOG
	// (Flesch–Kincaid 7.2)".
	Text string
	// Target says what to aim for: "grade 8 or below".
	Target string
}

// Level grades s. ok is false when s has no full sentence.
func (l *Language) Level(s Stats) (lv Level, ok bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return Level{}, false
	}
	return l.level(s), true
}

// MaxGrade is the highest US school grade English text should read at, by
// SMOG: plain-language guidance for patient materials (CDC Clear
// Communication Index, CMS Toolkit for Making Written Material Clear and
// Effective) asks for grade 8 or below.
const MaxGrade = 8.0

// englishLevel judges by SMOG alone. SMOG is what health-literacy practice
// recommends for patient materials: it was validated against 100%
// comprehension, where Flesch–Kincaid predicts 50–75% and reads about two
// grades lower on the same health text. Flagging when either formula is
// over would double the flags for no better advice; flagging only when
// both are would let text that SMOG finds hard through. Flesch–Kincaid is
// shown beside SMOG because many reviewers and word processors quote it.
func englishLevel(s Stats) Level {
	smog, _ := s.SMOG()
	fk, _ := s.FleschKincaid()
	return Level{
		Formula: "SMOG", Score: smog, TooHard: smog > MaxGrade,
		Text:   fmt.Sprintf("US grade %.1f by SMOG (Flesch–Kincaid %.1f)", smog, fk),
		Target: fmt.Sprintf("grade %.0f or below", MaxGrade),
	}
}

// MinINFLESZ is the lowest INFLESZ score Spanish text for patients should
// have: 55 is where Barrio-Cantalejo et al. (2008) put "normal", the band
// of popular newspapers and magazines; below it is "algo difícil".
const MinINFLESZ = 55.0

func spanishLevel(s Stats) Level {
	score, _ := s.INFLESZ()
	return Level{
		Formula: "INFLESZ", Score: score, TooHard: score < MinINFLESZ,
		Text:   fmt.Sprintf("INFLESZ %.1f, %q", score, INFLESZBand(score)),
		Target: fmt.Sprintf("%.0f (\"normal\") or above", MinINFLESZ),
	}
}
