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
	abbreviations func() map[string]term // made on first use (sync.OnceValue)
	capitals      func() map[string]bool
	level         func(Stats) Level
	// countLetters asks for Stats.Letters (GULPEASE reads letters).
	countLetters bool
	// terminals end a sentence in this language beside the punctuation
	// every language shares (see terminal).
	terminals string
}

// English is scored by SMOG, with Flesch–Kincaid shown beside it.
var English = &Language{
	Tag: "en", LongWord: 3,
	syllables:     englishSyllables.of,
	abbreviations: englishAbbreviations,
	capitals:      englishCapitals,
	level:         englishLevel,
}

// Spanish is scored by the INFLESZ scale (Szigriszt-Pazos's perspicuity
// index read on Barrio-Cantalejo's bands).
var Spanish = &Language{
	Tag: "es", LongWord: 4,
	syllables:     spanishSyllables.of,
	abbreviations: spanishAbbreviations,
	capitals:      spanishCapitals,
	level:         spanishLevel,
}

// French is scored by Kandel and Moles's adaptation of Flesch's reading
// ease.
var French = &Language{
	Tag: "fr", LongWord: 4,
	syllables:     vowelGroupSyllables.of,
	abbreviations: frenchAbbreviations,
	capitals:      frenchCapitals,
	level:         flesch("Kandel–Moles", (Stats).KandelMoles, MinReadingEase, fleschBand),
}

// German is scored by Amstad's adaptation of Flesch's reading ease.
var German = &Language{
	Tag: "de", LongWord: 4,
	syllables:     vowelGroupSyllables.of,
	abbreviations: germanAbbreviations,
	capitals:      germanCapitals,
	level:         flesch("Amstad", (Stats).Amstad, MinReadingEase, fleschBand),
}

// Italian is scored by GULPEASE, which reads word length in letters.
var Italian = &Language{
	Tag: "it", LongWord: 4,
	syllables:     spanishSyllables.of, // Italian's vowels pair as Spanish's do (più, quan-do, gio-co)
	abbreviations: italianAbbreviations,
	capitals:      italianCapitals,
	level:         flesch("GULPEASE", (Stats).GULPEASE, MinGULPEASE, gulpeaseBand),
	countLetters:  true,
}

// Portuguese is scored by Martins et al.'s adaptation of Flesch's reading
// ease for Brazilian Portuguese.
var Portuguese = &Language{
	Tag: "pt", LongWord: 4,
	syllables:     (&syllableRules{letter: portugueseLetter, count: portugueseRun}).of,
	abbreviations: portugueseAbbreviations,
	capitals:      portugueseCapitals,
	level:         flesch("Flesch (Martins)", (Stats).Martins, MinMartins, martinsBand),
}

// Russian is scored by Oborneva's adaptation of Flesch's reading ease.
var Russian = &Language{
	Tag: "ru", LongWord: 4,
	syllables:     (&syllableRules{letter: russianLetter, count: vowelLetters}).of,
	abbreviations: russianAbbreviations,
	capitals:      noCapitals,
	level:         flesch("Oborneva", (Stats).Oborneva, MinReadingEase, fleschBand),
}

// Languages lists the languages with a formula, by tag. Each formula is
// one published and validated for the language; a language without one
// gets none (see ForTag).
var Languages = []*Language{English, Spanish, French, German, Italian, Portuguese, Russian}

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

// greek splits Greek sentences, which has no formula here: its question
// mark is U+037E, which Unicode normalisation (and so every content file)
// makes ';'.
var greek = &Language{
	Tag: "el", LongWord: 4,
	syllables:     vowelGroupSyllables.of,
	abbreviations: noAbbreviations,
	capitals:      noCapitals,
	terminals:     ";",
}

// Splitter returns the rules that split text in tag into sentences: its
// language's when it has a formula, Greek's for Greek, else English's,
// which hold for most languages written with spaces (and, with the
// ideographic full stop, for Chinese and Japanese). The language returned
// for a tag without a formula must not be graded (ForTag says which are).
func Splitter(tag string) *Language {
	if l, ok := ForTag(tag); ok {
		return l
	}
	if primary, _, _ := strings.Cut(tag, "-"); strings.EqualFold(primary, "el") {
		return greek
	}
	return English
}

// Unspaced reports languages written without spaces between words
// (Chinese, Japanese, Thai, Lao, Khmer, Burmese): their sentences are
// found, but not their words, so sentence length in words says nothing.
func Unspaced(tag string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "zh", "ja", "th", "lo", "km", "my", "yue", "cmn", "zho", "jpn":
		return true
	}
	return false
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

// MinReadingEase is the lowest score on a Flesch reading-ease scale
// (Kandel–Moles, Amstad, Oborneva) that patient text should have: 60 is
// where Flesch's "standard" band begins, the plain-English reading of US
// grades 8–9, and where Amstad puts "mittel".
const MinReadingEase = 60.0

// MinGULPEASE is the lowest GULPEASE score Italian text for patients
// should have: Lucisano and Piemontese found text under 60 hard for
// readers with a middle-school education (licenza media).
const MinGULPEASE = 60.0

// MinMartins is the lowest score on Martins et al.'s scale Portuguese text
// for patients should have: 50 is the top of their "difícil" band and the
// start of "fácil", text for the 5th to 8th grades.
const MinMartins = 50.0

// flesch grades by a reading-ease score, where higher is easier.
func flesch(name string, score func(Stats) (float64, bool), minimum float64, band func(float64) string) func(Stats) Level {
	return func(s Stats) Level {
		v, _ := score(s)
		return Level{
			Formula: name, Score: v, TooHard: v < minimum,
			Text:   fmt.Sprintf("%s %.1f (%s)", name, v, band(v)),
			Target: fmt.Sprintf("%.0f or above", minimum),
		}
	}
}

// fleschBand names Flesch's bands (Flesch 1948, as the adaptations keep
// them).
func fleschBand(v float64) string {
	switch {
	case v < 30:
		return "very difficult"
	case v < 50:
		return "difficult"
	case v < 60:
		return "fairly difficult"
	case v < 70:
		return "standard"
	case v < 80:
		return "fairly easy"
	case v < 90:
		return "easy"
	}
	return "very easy"
}

// gulpeaseBand says for whom a GULPEASE score is easy (Lucisano and
// Piemontese 1988): under 80 is hard for readers with an elementary
// education, under 60 for a middle-school one, under 40 for a high-school
// one.
func gulpeaseBand(v float64) string {
	switch {
	case v < 40:
		return "hard even after high school"
	case v < 60:
		return "hard after middle school"
	case v < 80:
		return "easy after middle school"
	}
	return "easy after elementary school"
}

// martinsBand names Martins et al.'s bands: 75–100 "muito fácil" (grades
// 1–4), 50–75 "fácil" (5–8), 25–50 "difícil" (high school), under 25 "muito
// difícil" (university).
func martinsBand(v float64) string {
	switch {
	case v < 25:
		return "muito difícil"
	case v < 50:
		return "difícil"
	case v < 75:
		return "fácil"
	}
	return "muito fácil"
}
