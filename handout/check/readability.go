package check

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/readability"
)

// Readability reports reading level in the handout's own language, and each
// sentence over MaxSentenceWords words.
//
//   - A section is graded on its own only when it is long enough to grade
//     (readability.Gradable: 5 sentences and 100 words); a shorter one
//     still counts toward the handout's grade. The handout as a whole is
//     graded the same way.
//   - English is judged by SMOG, with Flesch–Kincaid shown beside it;
//     Spanish by INFLESZ, French by Kandel–Moles, German by Amstad,
//     Italian by GULPEASE, Portuguese by Martins's Flesch, Russian by
//     Oborneva's (see readability.Language.Level).
//   - A grade warning names the three words that weigh most on it.
//   - A language without a formula gets one note saying so, and no score:
//     an English formula would misjudge it.
//
// Only full sentences count: headings and fragment bullets are not prose.
func Readability(h *content.Handout) diag.List {
	out, _ := Grade(h)
	return out
}

// Level is a graded text's reading level, for CI to track (`check
// --json`): the file's, or a section's.
type Level struct {
	Pos     diag.Pos `json:"pos"`
	Heading string   `json:"heading,omitempty"` // a section's; "" for the file
	Formula string   `json:"formula"`           // the formula that decides: SMOG, INFLESZ
	Score   float64  `json:"score"`             // its value, to 0.1
	TooHard bool     `json:"too_hard"`          // past the language's target
	Level   string   `json:"level"`             // in words, with the formulas shown beside
	Target  string   `json:"target"`            // what to aim for
}

// FileLevel is a file's reading level and those of its sections long
// enough to grade on their own.
type FileLevel struct {
	File string `json:"file"`
	Level
	Sections []Level `json:"sections"`
}

func levelOf(lang *readability.Language, st readability.Stats, pos diag.Pos, heading string) (Level, bool) {
	if !st.Gradable() {
		return Level{}, false
	}
	lv, ok := lang.Level(st)
	if !ok {
		return Level{}, false
	}
	return Level{Pos: pos, Heading: heading, Formula: lv.Formula, Score: math.Round(lv.Score*10) / 10, TooHard: lv.TooHard, Level: lv.Text, Target: lv.Target}, true
}

// Grade is Readability that also returns the file's reading level and
// its sections', or nil when the language has no formula or the file is
// too short to grade. A file within the target gets a note saying its
// level, so that a writer sees how much room there is; one past it gets
// the warning instead.
func Grade(h *content.Handout) (diag.List, *FileLevel) {
	g := newGrader(h)
	if !g.graded {
		g.noFormula(h)
	}
	g.read(&g.fileStats, &g.fileWords, h.Summary...)
	for _, s := range h.Sections {
		g.section(s)
	}
	var answers []content.Text
	for _, q := range h.FAQ {
		answers = append(answers, q.A)
	}
	g.read(&g.fileStats, &g.fileWords, answers...)
	if g.long > maxReported {
		g.out.Warnf(titlePos(h), "%d more sentences are longer than %d words (the first %d are listed)", g.long-maxReported, MaxSentenceWords, maxReported)
	}
	var levels *FileLevel
	if g.graded {
		levels = g.file(h)
	}
	return g.out, levels
}

// Past a score of long sentences more messages help nobody, and locating
// each costs a pass over its field.
const maxReported = 20

// grader reads one handout's texts in order, gathering its findings, the
// file's statistics and its sections' levels.
type grader struct {
	out diag.List
	// Sentences are split for long sentences in every language, by its
	// own rules or, without them, by English's (readability.Splitter).
	lang     *readability.Language
	graded   bool // the language has a reading-level formula
	unspaced bool // written without spaces between words
	subject  map[string]bool
	// A summary bullet over MaxBulletWords already has its warning, which
	// asks for the same cut; a second one for its sentence is noise.
	longBullet map[diag.Pos]bool
	long       int // sentences over MaxSentenceWords
	fileStats  readability.Stats
	fileWords  readability.Tally
	sections   []Level
}

func newGrader(h *content.Handout) *grader {
	_, graded := readability.ForTag(h.Language)
	g := &grader{
		lang: readability.Splitter(h.Language), graded: graded, unspaced: readability.Unspaced(h.Language),
		subject: map[string]bool{}, longBullet: map[diag.Pos]bool{},
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(h.Title.Raw), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		g.subject[w] = true
	}
	for _, b := range h.Summary {
		if len(strings.Fields(content.PlainText(b.Spans))) > MaxBulletWords {
			g.longBullet[b.Pos] = true
		}
	}
	return g
}

// noFormula notes that the handout's language has no reading-level
// formula (and, written without spaces, no sentence length either).
func (g *grader) noFormula(h *content.Handout) {
	var tags []string
	for _, l := range readability.Languages {
		tags = append(tags, l.Tag)
	}
	msg := fmt.Sprintf("no reading-level formula for language %q (there are formulas for %s); reading level is not checked", h.Language, strings.Join(tags, ", "))
	if g.unspaced {
		msg += ", nor sentence length: a language written without spaces between words has no word count"
	}
	g.out.Notef(h.LangPos, "%s", msg)
}

// read adds texts to st and tally and warns about their long sentences.
func (g *grader) read(st *readability.Stats, tally *readability.Tally, ts ...content.Text) {
	for _, t := range ts {
		text := content.PlainText(t.Spans)
		r := g.lang.Read(text)
		*st = st.Add(r.Stats)
		tally.Add(r.Long)
		var toRaw func(int) int
		for _, s := range r.Sentences {
			if g.unspaced || s.Words <= MaxSentenceWords || g.longBullet[t.Pos] {
				continue
			}
			if g.long++; g.long > maxReported {
				continue
			}
			if toRaw == nil {
				toRaw = t.RawOffsets()
			}
			g.out.Warnf(t.PosAt(toRaw(s.Offset)), "sentence of %d words (\"%s\"); split sentences longer than %d words", s.Words, excerpt(s.Text), MaxSentenceWords)
		}
	}
}

// section reads a section into the file's statistics and grades it on
// its own.
func (g *grader) section(s content.Section) {
	var st readability.Stats
	var words readability.Tally
	// The brief is printed on the summary, not in the guide: its long
	// sentences matter, but it is not part of the section's grade.
	var briefStats readability.Stats
	var briefWords readability.Tally
	if !s.Brief.IsZero() {
		g.read(&briefStats, &briefWords, s.Brief)
	}
	texts := append([]content.Text(nil), s.Body...)
	for _, it := range s.Items {
		texts = append(texts, it.Text)
	}
	texts = append(texts, s.Bullets...)
	texts = append(texts, s.Steps...)
	g.read(&st, &words, texts...)
	g.fileStats = g.fileStats.Add(st)
	g.fileWords.Merge(&words)
	if !g.graded {
		return
	}
	if msg := gradeProblem(g.lang, st, &words, g.subject); msg != "" {
		g.out.Warnf(s.Heading.Pos, "section %q reads at %s", s.Heading.Raw, msg)
	}
	if lv, ok := levelOf(g.lang, st, s.Heading.Pos, s.Heading.Raw); ok {
		g.sections = append(g.sections, lv)
	}
}

// file grades the whole handout: a warning past the target, a note
// within it, and the levels, or nil when it is too short to grade.
func (g *grader) file(h *content.Handout) *FileLevel {
	pos := titlePos(h)
	if msg := gradeProblem(g.lang, g.fileStats, &g.fileWords, g.subject); msg != "" {
		g.out.Warnf(pos, "the handout reads at %s", msg)
	}
	lv, ok := levelOf(g.lang, g.fileStats, pos, "")
	if !ok {
		return nil
	}
	levels := &FileLevel{File: h.File, Level: lv, Sections: g.sections}
	if levels.Sections == nil {
		levels.Sections = []Level{}
	}
	if !lv.TooHard {
		g.out.Notef(pos, "the handout reads at %s, within the target of %s", lv.Level, lv.Target)
	}
	return levels
}

// gradeProblem says why text with these stats is too hard, or "" when it is
// not, or too short to grade.
//
// The words named are the long words that weigh most, except the words of
// the handout's title: the subject ("therapy" in a handout on group
// therapy) cannot be written around, so naming it would not say what to
// change.
func gradeProblem(lang *readability.Language, st readability.Stats, words *readability.Tally, subject map[string]bool) string {
	if !st.Gradable() {
		return ""
	}
	lv, ok := lang.Level(st)
	if !ok || !lv.TooHard {
		return ""
	}
	msg := fmt.Sprintf("%s; aim for %s: shorter sentences, fewer long words", lv.Text, lv.Target)
	var top []readability.WordCount
	for _, w := range words.Top(3 + len(subject)) {
		if !subject[w.Word] && len(top) < 3 {
			top = append(top, w)
		}
	}
	if len(top) > 0 {
		var names []string
		for _, w := range top {
			n := fmt.Sprintf("%q", w.Word)
			if w.Count > 1 {
				n += fmt.Sprintf(" (%d×)", w.Count)
			}
			names = append(names, n)
		}
		msg += "; the long words that weigh most: " + strings.Join(names, ", ")
	}
	return msg
}

func excerpt(s string) string {
	words := strings.Fields(s)
	if len(words) <= 8 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:8], " ") + " …"
}
