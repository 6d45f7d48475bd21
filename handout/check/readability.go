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
	var out diag.List
	var levels *FileLevel
	var sections []Level
	_, graded := readability.ForTag(h.Language)
	// Sentences are split for long sentences in every language, by its
	// own rules or, without them, by English's (readability.Splitter).
	lang := readability.Splitter(h.Language)
	unspaced := readability.Unspaced(h.Language)
	if !graded {
		var tags []string
		for _, l := range readability.Languages {
			tags = append(tags, l.Tag)
		}
		msg := fmt.Sprintf("no reading-level formula for language %q (there are formulas for %s); reading level is not checked", h.Language, strings.Join(tags, ", "))
		if unspaced {
			msg += ", nor sentence length: a language written without spaces between words has no word count"
		}
		out.Notef(h.LangPos, "%s", msg)
	}
	// Past a score of long sentences more messages help nobody, and locating
	// each costs a pass over its field.
	const maxReported = 20
	long := 0
	var fileStats readability.Stats
	var fileWords readability.Tally
	subject := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(h.Title.Raw), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		subject[w] = true
	}
	// A summary bullet over MaxBulletWords already has its warning, which
	// asks for the same cut; a second one for its sentence is noise.
	longBullet := map[diag.Pos]bool{}
	for _, b := range h.Summary {
		if len(strings.Fields(content.PlainText(b.Spans))) > MaxBulletWords {
			longBullet[b.Pos] = true
		}
	}
	read := func(st *readability.Stats, tally *readability.Tally, ts ...content.Text) {
		for _, t := range ts {
			text := content.PlainText(t.Spans)
			r := lang.Read(text)
			*st = st.Add(r.Stats)
			tally.Add(r.Long)
			var toRaw func(int) int
			for _, s := range r.Sentences {
				if unspaced || s.Words <= MaxSentenceWords || longBullet[t.Pos] {
					continue
				}
				if long++; long > maxReported {
					continue
				}
				if toRaw == nil {
					toRaw = t.RawOffsets()
				}
				out.Warnf(t.PosAt(toRaw(s.Offset)), "sentence of %d words (\"%s\"); split sentences longer than %d words", s.Words, excerpt(s.Text), MaxSentenceWords)
			}
		}
	}
	read(&fileStats, &fileWords, h.Summary...)
	for _, s := range h.Sections {
		var st readability.Stats
		var words readability.Tally
		// The brief is printed on the summary, not in the guide: its long
		// sentences matter, but it is not part of the section's grade.
		var briefStats readability.Stats
		var briefWords readability.Tally
		if !s.Brief.IsZero() {
			read(&briefStats, &briefWords, s.Brief)
		}
		texts := append([]content.Text(nil), s.Body...)
		for _, it := range s.Items {
			texts = append(texts, it.Text)
		}
		texts = append(texts, s.Bullets...)
		texts = append(texts, s.Steps...)
		read(&st, &words, texts...)
		fileStats = fileStats.Add(st)
		fileWords.Merge(&words)
		if graded {
			if msg := gradeProblem(lang, st, &words, subject); msg != "" {
				out.Warnf(s.Heading.Pos, "section %q reads at %s", s.Heading.Raw, msg)
			}
			if lv, ok := levelOf(lang, st, s.Heading.Pos, s.Heading.Raw); ok {
				sections = append(sections, lv)
			}
		}
	}
	var answers []content.Text
	for _, q := range h.FAQ {
		answers = append(answers, q.A)
	}
	read(&fileStats, &fileWords, answers...)
	if long > maxReported {
		out.Warnf(titlePos(h), "%d more sentences are longer than %d words (the first %d are listed)", long-maxReported, MaxSentenceWords, maxReported)
	}
	if graded {
		pos := titlePos(h)
		if msg := gradeProblem(lang, fileStats, &fileWords, subject); msg != "" {
			out.Warnf(pos, "the handout reads at %s", msg)
		}
		if lv, ok := levelOf(lang, fileStats, pos, ""); ok {
			levels = &FileLevel{File: h.File, Level: lv, Sections: sections}
			if levels.Sections == nil {
				levels.Sections = []Level{}
			}
			if !lv.TooHard {
				out.Notef(pos, "the handout reads at %s, within the target of %s", lv.Level, lv.Target)
			}
		}
	}
	return out, levels
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
