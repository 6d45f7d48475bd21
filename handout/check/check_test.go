package check

import (
	"fmt"
	"handouts/internal/growth"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/diag"
)

// now is the fixed "today" of these tests.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func defaultBrand(t *testing.T) *brand.Brand {
	t.Helper()
	b, errs := brand.Resolve(nil, brand.Settings{})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	return b
}

// decode reads a fixture from testdata (or, when name has a newline, takes
// it as the source) and fails on decode errors.
func decode(t *testing.T, name string) *content.Handout {
	t.Helper()
	var src []byte
	file := "t.yaml"
	if strings.Contains(name, "\n") {
		src = []byte(name)
	} else {
		var err error
		if src, err = os.ReadFile(filepath.Join("testdata", name)); err != nil {
			t.Fatal(err)
		}
		file = name
	}
	h, errs := content.Decode(file, src)
	if len(errs) != 0 {
		t.Fatalf("decode findings:\n%s", list(errs))
	}
	return h
}

func list(l diag.List) string {
	var b strings.Builder
	for _, f := range l {
		fmt.Fprintln(&b, f)
	}
	return b.String()
}

func run(t *testing.T, h *content.Handout) diag.List {
	t.Helper()
	return Handout(h, defaultBrand(t), now)
}

// want is one expected finding: its exact place and severity, and words of
// its message (readability numbers come from package readability and are
// not pinned here).
type want struct {
	pos      string // file:line:col
	severity diag.Severity
	contains []string
}

func expect(t *testing.T, got diag.List, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Errorf("got %d findings, want %d:\n%s", len(got), len(wants), list(got))
	}
	for i := range min(len(got), len(wants)) {
		g, w := got[i], wants[i]
		if g.Pos.String() != w.pos || g.Severity != w.severity {
			t.Errorf("finding %d = %v, want a %v at %s", i, g, w.severity, w.pos)
		}
		for _, c := range w.contains {
			if !strings.Contains(g.Message, c) {
				t.Errorf("finding %d = %v, want it to mention %q", i, g, c)
			}
		}
	}
}

func TestHandoutWarnings(t *testing.T) {
	h := decode(t, "warnings.yaml")
	got := run(t, h)
	got.Sort()
	expect(t, got, []want{
		{"warnings.yaml:2:11", diag.Warning, []string{`language "nl" has no printed labels`, "en, es, zh-Hans", "brand file's `labels:`"}},
		{"warnings.yaml:2:11", diag.Note, []string{`no reading-level formula for language "nl"`}},
		{"warnings.yaml:3:11", diag.Warning, []string{"reviewed 2024-11-24", "more than two years ago"}},
		{"warnings.yaml:5:3", diag.Warning, []string{"summary has 9 bullets", "8 or fewer"}},
		// The 37-word bullet: one warning, as a key point; its sentence is
		// not warned about again.
		{"warnings.yaml:6:5", diag.Warning, []string{"summary bullet has 37 words", "30 or fewer"}},
		// The long sentence starts mid-line in a | block's second paragraph.
		{"warnings.yaml:19:27", diag.Warning, []string{"sentence of 36 words", `"When you do not get enough sleep for …"`}},
	})
}

// TestLongSentencePosition: a long sentence is reported where it starts,
// also when it starts on a wrapped line of a paragraph and after markup.
func TestLongSentencePosition(t *testing.T) {
	got := Readability(decode(t, "long-sentence.yaml"))
	expect(t, got, []want{
		{"long-sentence.yaml:9:7", diag.Warning, []string{"sentence of 31 words", `"When you`}},
		// At the D of "**Do not**", the first letter a reader sees.
		{"long-sentence.yaml:12:9", diag.Warning, []string{"sentence of 33 words", `"Do not drive`}},
	})
}

func TestReadingLevel(t *testing.T) {
	got := Readability(decode(t, "grade.yaml"))
	expect(t, got, []want{
		// At the section's heading; the plain section has no warning, and
		// "Short and hard" (4 sentences, 20 words) is too short to grade on
		// its own. The words were counted by hand in the fixture:
		// "medication" (4 times) is left out as it is in the title; then
		// therapeutic 3 times, and individualized (6 syllables),
		// administration and utilization (5 each, administration met
		// first) twice each.
		{"grade.yaml:15:14", diag.Warning, []string{
			`section "Pharmacological considerations" reads at US grade`, "by SMOG (Flesch–Kincaid", "aim for grade 8 or below",
			`the long words that weigh most: "therapeutic" (3×), "individualized" (2×), "administration" (2×)`}},
		// The file as a whole, at its title, counts the short section too:
		// individualized, administration and therapeutic 3 times each, the
		// longer first.
		{"grade.yaml:1:8", diag.Warning, []string{"the handout reads at US grade", "by SMOG",
			`the long words that weigh most: "individualized" (3×), "administration" (3×), "therapeutic" (3×)`}},
	})
}

// smogHardText has short sentences full of three-syllable words: by hand,
// 13 sentences, 100 words, 15 polysyllables; SMOG = 1.0430*sqrt(15*30/13)
// + 3.1291 = 9.27, Flesch–Kincaid (150 syllables) = 0.39*100/13 +
// 11.8*1.5 - 15.59 = 5.11.
const smogHardText = `Your family doctor can give you medicine. Ask about the side effects of your medicine. Tell your family about your visit. Bring a list of every medicine you take. Your doctor may change the amount you take. Call the office if you feel dizzy or confused. Do not stop your medicine on your own. Keep a calendar of each dose you take. Ask a family member to help you remember. Your pharmacist can answer questions about your medicine. Take your medicine with water, not with alcohol. Keep it away from children and animals. Tell us about any allergies you have.`

// fkHardText has long sentences of short words: 5 sentences, 134 words,
// 151 syllables, no polysyllable; SMOG = 3.13, Flesch–Kincaid =
// 0.39*134/5 + 11.8*151/134 - 15.59 = 10.45 + 13.30 - 15.59 = 8.16.
const fkHardText = `When you wake up in the morning and your chest feels tight or your breath comes short, sit up straight and take slow, deep breaths through your nose. Then open the window, drink a glass of water, and wait a few minutes before you stand up or walk to the kitchen for breakfast. If the tight feeling stays with you for more than ten minutes, or if it gets worse while you rest, call the clinic and tell the nurse what you feel. Keep the phone number of the clinic next to your bed, and write it on a card that you carry in your purse or wallet. Ask the person who lives with you to learn these steps too, so that they know what to do if you cannot speak or move well.`

// TestGradeBySMOG: a section SMOG finds too hard is flagged although
// Flesch–Kincaid finds it easy, and a section only Flesch–Kincaid finds
// too hard is not. This kills the mutants "SMOG or FK" and "SMOG and FK".
func TestGradeBySMOG(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		flagged    bool
	}{
		{"SMOG 9.3, FK 5.1", smogHardText, true},
		{"SMOG 3.1, FK 8.2", fkHardText, false},
	} {
		h := decode(t, "title: T\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: \""+tc.text+"\"\n")
		var grades diag.List
		for _, f := range Readability(h) {
			if strings.Contains(f.Message, "reads at") {
				grades = append(grades, f)
			}
		}
		// The section and the file (the section is all of it).
		if flagged := len(grades) == 2; flagged != tc.flagged {
			t.Errorf("%s: flagged %v, want %v:\n%s", tc.name, flagged, tc.flagged, list(grades))
		}
	}
}

// TestShortSectionNotGraded: the case, a 4-sentence section that
// one formula put at 8.8 and the other at 3.0, is not graded on its own,
// nor is a handout that short.
func TestShortSectionNotGraded(t *testing.T) {
	// 4 sentences, hard words: SMOG far over 8.
	h := decode(t, `title: T
summary: [Rest, Sleep]
sections:
  - heading: H
    body: Ketamine can help with depression. Medication is individualized. Psychotherapy is complementary. Consult your physician.
`)
	if got := Readability(h); len(got) != 0 {
		t.Errorf("findings for a short section:\n%s", list(got))
	}
}

// TestSentenceLengthBoundary: 25 words is fine, 26 is a warning.
func TestSentenceLengthBoundary(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("rest ", n)) + "." }
	for n, warn := range map[int]bool{24: false, 25: false, 26: true} {
		h := decode(t, "title: T\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: "+words(n)+"\n")
		got := Readability(h)
		if !warn {
			if len(got) != 0 {
				t.Errorf("%d words: %s", n, list(got))
			}
			continue
		}
		expect(t, got, []want{{"t.yaml:5:11", diag.Warning, []string{fmt.Sprintf("sentence of %d words", n), "longer than 25 words"}}})
	}
}

// TestSpanishReadingLevel: a plain Spanish handout passes, as it did not
// when it was scored with English formulas, and a hard one is flagged by
// INFLESZ.
func TestSpanishReadingLevel(t *testing.T) {
	plain := decode(t, "spanish-plain.yaml")
	// Its level is reported as a note, and nothing else is said.
	expect(t, run(t, plain), []want{{"spanish-plain.yaml:1:8", diag.Note, []string{`the handout reads at INFLESZ`, `within the target of 55 ("normal") or above`}}})
	got := Readability(decode(t, "spanish-hard.yaml"))
	expect(t, got, []want{
		{"spanish-hard.yaml:7:14", diag.Warning, []string{`section "Información farmacológica" reads at INFLESZ`, `"muy difícil"`, `aim for 55 ("normal") or above`, "the long words that weigh most:"}},
		{"spanish-hard.yaml:1:8", diag.Warning, []string{"the handout reads at INFLESZ"}},
	})
}

// TestNoFormulaNote: a language without a formula gets one note and no
// grade, however hard its text.
func TestNoFormulaNote(t *testing.T) {
	h := decode(t, "title: T\nlanguage: nl\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: \""+smogHardText+"\"\n")
	expect(t, Readability(h), []want{{"t.yaml:2:11", diag.Note, []string{`no reading-level formula for language "nl"`, "en, es, fr, de, it, pt, ru", "not checked"}}})
}

// TestPlainHandoutHasNoWarnings: short sentences in common words give no
// readability warning (and no other finding): the warning can be absent.
func TestPlainHandoutHasNoWarnings(t *testing.T) {
	h := decode(t, "plain.yaml")
	if got := run(t, h); len(got) != 0 {
		t.Errorf("findings for a plain handout:\n%s", list(got))
	}
	if got := Readability(h); len(got) != 0 {
		t.Errorf("readability findings for a plain handout:\n%s", list(got))
	}
}

// TestPlainWords: each hard word gets a note at the place it was typed
// (after markup, on a wrapped line), capitalised like the word; a word's
// fourth and later places are counted in one note; references are left
// alone.
func TestPlainWords(t *testing.T) {
	got := PlainWords(decode(t, "plain-words.yaml"))
	got.Sort()
	expect(t, got, []want{
		{"plain-words.yaml", diag.Note, []string{"3 more uses of the hard words noted above"}},
		{"plain-words.yaml:1:8", diag.Note, []string{`"Hypertension" → "High blood pressure"`}},
		{"plain-words.yaml:4:5", diag.Note, []string{`"Utilize" → "Use"`}},
		{"plain-words.yaml:4:19", diag.Note, []string{`"physician" → "doctor"`}},
		{"plain-words.yaml:8:15", diag.Note, []string{`"orally" → "by mouth"`}},
		{"plain-words.yaml:8:28", diag.Note, []string{`"physician" → "doctor"`}},
		{"plain-words.yaml:9:9", diag.Note, []string{`"physician" → "doctor"`}},
	})
	// Spanish has its own list; a language without one gets nothing.
	es := decode(t, "title: T\nlanguage: es\nsummary: [Descanse., Duerma.]\nsections:\n  - heading: H\n    body: Si tiene hipertensión, realice ejercicio.\n")
	expect(t, PlainWords(es), []want{
		{"t.yaml:6:20", diag.Note, []string{`"hipertensión" → "presión alta"`}},
		{"t.yaml:6:34", diag.Note, []string{`"realice" → "haga"`}},
	})
	fr := decode(t, "title: T\nlanguage: fr\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Utilize it.\n")
	if got := PlainWords(fr); len(got) != 0 {
		t.Errorf("French: %s", list(got))
	}
}

// TestPEMAT: every file gets one note saying which of the PEMAT-P items a
// program can check are met, naming the unmet ones with the reason, and
// saying it is not a PEMAT score.
func TestPEMAT(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"pemat-all.yaml", []string{"PEMAT-P items a program can check: 8 of 8 met."}},
		// Only the summary is there: one section of 166 words (wc -w) with a
		// generic heading, a hard word ("chronic"), no instruction, no
		// "you", no steps, no list, callout or bold.
		{"pemat-none.yaml", []string{
			"PEMAT-P items a program can check: 1 of 8 met.",
			`short sections ("Introduction" has 166 words; split sections over 150 words)`,
			`informative headings ("Introduction" says what kind of text follows, not what it says)`,
			"everyday words (1 word has an everyday alternative in the notes)",
			"an action for the reader (no sentence, bullet or step starts with an instruction",
			`the reader addressed as "you" (the text never speaks to the reader as "you")`,
			"explicit steps (no section has `steps:`)",
			"visual cues for key points (beyond the summary box, no callout, bold text, bullets, items or steps)",
		}},
		// Spanish: "Tome su medicina" is an instruction, "su" addresses
		// the reader as usted.
		{"pemat-es.yaml", []string{"PEMAT-P items a program can check: 8 of 8 met."}},
	} {
		got := PEMAT(decode(t, tc.file))
		if len(got) != 1 || got[0].Severity != diag.Note || got[0].Pos.String() != tc.file+":1:8" {
			t.Fatalf("%s: want one note at the title, got\n%s", tc.file, list(got))
		}
		for _, w := range append(tc.want, "This is not a PEMAT score: the other PEMAT-P items need a reviewer.") {
			if !strings.Contains(got[0].Message, w) {
				t.Errorf("%s: %s\nwant it to say: %s", tc.file, got[0].Message, w)
			}
		}
	}
	// A language without word lists: the items that need them are named
	// as not checked, and left out of the count.
	fr := decode(t, "title: T\nlanguage: fr\nsummary: [a, b]\nsections:\n  - heading: Dormir\n    bullets: [Dormez bien.]\n")
	got := PEMAT(fr)
	if len(got) != 1 || !strings.Contains(got[0].Message, "4 of 5 met") ||
		!strings.Contains(got[0].Message, `Not checked in language "fr": everyday words, an action for the reader, the reader addressed directly.`) {
		t.Errorf("French: %s", list(got))
	}
	// The seed, for the record.
	src, err := os.ReadFile("../../data/group-therapy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h, _ := content.Decode("group-therapy.yaml", src)
	t.Logf("seed: %s", PEMAT(h)[0].Message)
}

// TestActionScan: instructions start a sentence (after "Please", "Do not"
// and the like), and direct address is counted word by word.
func TestActionScan(t *testing.T) {
	en := actionWords()["en"]
	for text, want := range map[string][2]int{
		"Call us. Please take it. Do not drive. Don't stop.": {4, 0},
		"You can call us. The doctor will call.":             {0, 1},
		"Your dose: take one tablet. Then rest!":             {2, 1},
		"It helps to rest. A call helps.":                    {0, 0},
	} {
		a, y := en.scan(text)
		if a != want[0] || y != want[1] {
			t.Errorf("scan(%q) = %d actions, %d you; want %d, %d", text, a, y, want[0], want[1])
		}
	}
	es := actionWords()["es"]
	for text, want := range map[string][2]int{
		"Llame hoy. Por favor, tome su pastilla. No deje de comer.": {3, 1},
		"¿Tiene dudas? Pregunte a su médico.":                       {1, 1},
		"Usted puede caminar. Camina cada día.":                     {1, 1},
	} {
		a, y := es.scan(text)
		if a != want[0] || y != want[1] {
			t.Errorf("scan(%q) = %d actions, %d you; want %d, %d", text, a, y, want[0], want[1])
		}
	}
}

func TestGlyphs(t *testing.T) {
	h := decode(t, "glyphs.yaml")
	wantLines := []string{
		"glyphs.yaml:6:19: heading contains U+4E2D (中), which the font AtkinsonHyperlegible cannot print; remove it or replace it with words",
		"glyphs.yaml:10:13: body contains U+1F600 (😀), which the font AtkinsonHyperlegible cannot print; remove it or replace it with words",
	}
	// Each is reported once, though the emoji appears twice and headings
	// are checked in two styles.
	if got := list(Glyphs(h, defaultBrand(t).Fonts)); got != strings.Join(wantLines, "\n")+"\n" {
		t.Errorf("Glyphs:\n%swant:\n%s", got, strings.Join(wantLines, "\n"))
	}
	all := run(t, h)
	if errs := list(all.Errors()); errs != strings.Join(wantLines, "\n")+"\n" {
		t.Errorf("Handout errors:\n%s", errs)
	}
}

// TestGlyphsNoBreakSpaces: the no-break spaces pasted text brings (macOS
// writes times as "10:00\u202fAM") are printed as spaces where the font
// lacks them, so they are no error, though other characters it lacks are.
func TestGlyphsNoBreakSpaces(t *testing.T) {
	h := decode(t, `title: Sleep
summary:
  - "Meet at 10:00\u202fAM, in room\u00a04."
  - "Aim for 7\u2007hours \u2603."
sections:
  - heading: Why
    body: "Sleep\u202fwell."
`)
	got := list(Glyphs(h, defaultBrand(t).Fonts))
	want := "t.yaml:4:27: summary contains U+2603 (☃), which the font AtkinsonHyperlegible cannot print; remove it or replace it with words\n"
	if got != want {
		t.Errorf("Glyphs:\n%swant:\n%s", got, want)
	}
}

// TestGlyphsInvisible: a character an editor shows as nothing is named,
// so that the writer knows what to look for at the position given.
func TestGlyphsInvisible(t *testing.T) {
	h := decode(t, `title: "Sleep\u200bwell"
summary:
  - "Rest now."
  - "Word\u2060joiner."
sections:
  - heading: Why
    body: Sleep.
`)
	want := "t.yaml:1:14: title contains U+200B (a zero-width space, invisible in most editors), which the font AtkinsonHyperlegible cannot print; delete it\n" +
		"t.yaml:4:10: summary contains U+2060 (a word joiner, invisible in most editors), which the font AtkinsonHyperlegible cannot print; delete it\n"
	if got := list(Glyphs(h, defaultBrand(t).Fonts)); got != want {
		t.Errorf("Glyphs:\n%swant:\n%s", got, want)
	}
}

func TestGlyphsEverywhere(t *testing.T) {
	// One unprintable character in each kind of field, at its place.
	h := decode(t, `title: Sleep ☃
subtitle: Rest ☄
summary:
  - Sleep ☀ helps.
  - Rest.
sections:
  - heading: Why
    brief: Short ☁.
    items:
      - label: Dark ☂
        text: Keep it **dark ☃**.
    bullets:
      - Cool ☎.
faq:
  - q: Why ☏?
    a: "Because \u2603."
references:
  - text: Lee ☑ 2020.
`)
	got := list(Glyphs(h, defaultBrand(t).Fonts))
	for _, w := range []string{
		"t.yaml:1:14: title contains U+2603",
		"t.yaml:2:16: subtitle contains U+2604",
		"t.yaml:4:11: summary contains U+2600",
		"t.yaml:8:18: brief contains U+2601",
		"t.yaml:10:21: label contains U+2602",
		"t.yaml:11:30: text contains U+2603",
		"t.yaml:13:14: bullet contains U+260E",
		"t.yaml:15:12: q contains U+260F",
		"t.yaml:16:17: a contains U+2603", // written as an escape: at its backslash
		"t.yaml:18:15: reference contains U+2611",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in\n%s", w, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 10 {
		t.Errorf("%d findings, want 10:\n%s", n, got)
	}
}

// TestGlyphsManyMissing: a text in a script the font lacks gets a few
// findings and a count, not one finding per character, and the work grows
// linearly with the text (internal/growth).
func TestGlyphsManyMissing(t *testing.T) {
	handout := func(n int) *content.Handout {
		// Han letters, round again after U+9FFF: growth.Linear may ask for
		// more characters than the block has, and past it lie the
		// surrogates, which would print as U+FFFD and fail the decode.
		var body strings.Builder
		for i := range n {
			body.WriteRune(0x4e00 + rune(i%0x5200))
		}
		return decode(t, "title: T\nsummary: [a, b]\nsections:\n  - heading: H\n    body: "+body.String()+"\n")
	}
	fonts := defaultBrand(t).Fonts
	h := handout(20000)
	got := Glyphs(h, fonts)
	// Ten characters one by one, then one finding for the other 19,990:
	// written out, not derived from the constant under test.
	if len(got) != 11 {
		t.Fatalf("%d findings, want 11", len(got))
	}
	for i, f := range got[:10] {
		if want := fmt.Sprintf("t.yaml:5:%d: body contains U+%04X", 11+i, 0x4e00+i); !strings.HasPrefix(f.String(), want) {
			t.Errorf("finding %d: %s\nwant: %s…", i, f, want)
		}
	}
	if want := "t.yaml:5:21: body contains 19990 more characters the font AtkinsonHyperlegible cannot print, starting with U+4E0A"; !strings.HasPrefix(got[10].String(), want) {
		t.Errorf("last: %s\nwant: %s…", got[10], want)
	}
	growth.Linear(t, 2500, func(n int) { Glyphs(handout(n), fonts) })
}

func TestStaleReviewed(t *testing.T) {
	// StaleAfter is 730 days; now is 2026-11-25 12:00 UTC.
	for _, tc := range []struct {
		reviewed string
		stale    bool
	}{
		{"2026-11-01", false},
		{"2024-11-26", false},
		{"2024-11-25", true}, // 730 days and 12 hours
		{"2024-11-24", true},
		{"2019-01-01", true},
	} {
		h := decode(t, "title: T\nreviewed: "+tc.reviewed+"\nsummary: [Rest., Sleep.]\nsections:\n  - heading: H\n    body: Rest.\n")
		got := run(t, h)
		if !tc.stale {
			if len(got) != 0 {
				t.Errorf("%s: %s", tc.reviewed, list(got))
			}
			continue
		}
		expect(t, got, []want{{"t.yaml:2:11", diag.Warning, []string{"last reviewed " + tc.reviewed}}})
	}
}

func TestSummaryLimits(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("rest ", n)) }
	bullets := func(n int) string { return strings.Repeat("  - Rest\n", n) }
	src := func(summary string) string {
		return "title: T\nsummary:\n" + summary + "sections:\n  - heading: H\n    body: Rest.\n"
	}
	// At the limits: nothing. (Bullets without a full stop are fragments,
	// not sentences, so readability leaves them alone.)
	if got := run(t, decode(t, src("  - "+words(30)+"\n"+bullets(7)))); len(got) != 0 {
		t.Errorf("30 words, 8 bullets:\n%s", list(got))
	}
	got := run(t, decode(t, src(bullets(2)+"  - "+words(31)+"\n")))
	expect(t, got, []want{{"t.yaml:5:5", diag.Warning, []string{"summary bullet has 31 words"}}})
	got = run(t, decode(t, src(bullets(9))))
	expect(t, got, []want{{"t.yaml:3:3", diag.Warning, []string{"summary has 9 bullets"}}})
	// A bullet within 30 words can still hold a sentence over 25.
	got = run(t, decode(t, src(bullets(1)+"  - "+words(28)+".\n")))
	expect(t, got, []want{{"t.yaml:4:5", diag.Warning, []string{"sentence of 28 words"}}})
	// Markup is not counted as words.
	got = run(t, decode(t, src(bullets(1)+"  - \""+strings.Repeat("**rest** ", 30)+"[link](https://example.org)\"\n")))
	expect(t, got, []want{{"t.yaml:4:5", diag.Warning, []string{"summary bullet has 31 words"}}})
}

func TestLanguage(t *testing.T) {
	for lang, warn := range map[string]bool{"en": false, "en-US": false, "es": false, "es-MX": false, "sw": true, "pa-Arab": true, "fr": false, "zh-Hant-TW": false, "fa-IR": false} {
		h := decode(t, "title: T\nlanguage: "+lang+"\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Rest.\n")
		var got diag.List
		for _, f := range run(t, h) {
			if f.Severity == diag.Warning {
				got = append(got, f)
			}
		}
		if !warn {
			if len(got) != 0 {
				t.Errorf("%s: %s", lang, list(got))
			}
			continue
		}
		expect(t, got, []want{
			{"t.yaml:2:11", diag.Warning, []string{fmt.Sprintf("language %q has no printed labels", lang), "brand file's `labels:`"}},
		})
	}
}

func TestSeedHandout(t *testing.T) {
	src, err := os.ReadFile("../../data/group-therapy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h, errs := content.Decode("group-therapy.yaml", src)
	if len(errs) != 0 {
		t.Fatal(list(errs))
	}
	got := run(t, h)
	if got.HasErrors() {
		t.Errorf("errors for the seed:\n%s", list(got.Errors()))
	}
	for _, f := range got {
		if f.Pos.File != "group-therapy.yaml" || f.Pos.Line < 1 || f.Pos.Col < 1 {
			t.Errorf("finding without a position: %v", f)
		}
	}
}

func TestBrandContrast(t *testing.T) {
	pos := diag.Pos{File: "brand.yaml", Line: 9, Col: 12}
	for _, tc := range []struct {
		field brand.Field
		color string
		warn  string // "" for none
	}{
		{brand.Primary, "#1F5A7A", ""},
		{brand.Primary, "#F5C518", "primary-color #F5C518 has a contrast ratio of 1.6:1 on white"},
		// The accent prints only tints and a rule, never text a reader
		// must read (format/theme.go): no ordinary accent is warned
		// about, the example brand's included (issue 21, item 18).
		{brand.Accent, "#E8A33D", ""},
		{brand.Accent, "#FFFF00", ""},
		{brand.Accent, "#1F5A7A", ""},
	} {
		s := brand.Settings{tc.field: {Text: tc.color, Pos: pos}}
		b, errs := brand.Resolve(nil, s)
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		got := Brand(b, s)
		if tc.warn == "" {
			if len(got) != 0 {
				t.Errorf("%s %s: %s", tc.field, tc.color, list(got))
			}
			continue
		}
		c, _ := colour.Parse(tc.color)
		darker := c.Readable(colour.White)
		if colour.Contrast(darker, colour.White) < colour.MinTextContrast {
			t.Fatalf("Readable(%s) = %s is not readable", c, darker)
		}
		if len(got) != 1 || got[0].Pos != pos || got[0].Severity != diag.Warning ||
			!strings.Contains(got[0].Message, tc.warn) || !strings.Contains(got[0].Message, "the darker "+darker.String()+" instead") {
			t.Errorf("%s %s: got\n%swant a warning at %v: %s … the darker %s instead", tc.field, tc.color, list(got), pos, tc.warn, darker)
		}
	}
	// The suggestion for the yellow, worked out once: F5C518 mixed with
	// black until it reaches 4.5:1.
	c, _ := colour.Parse("#F5C518")
	if got := c.Readable(colour.White).String(); got != "#90730E" {
		t.Errorf("readable yellow %s, want #90730E", got)
	}
	// Defaults and unset fields give no warning.
	b := defaultBrand(t)
	if got := Brand(b, brand.Settings{}); len(got) != 0 {
		t.Errorf("default brand: %s", list(got))
	}
}

func TestBrandText(t *testing.T) {
	s := brand.Settings{
		brand.Clinic: {Text: "Riverbend 😀 Clinic", Pos: diag.Pos{File: "brand.yaml", Line: 1, Col: 7}},
		brand.Footer: {Text: "Plain footer.", Pos: diag.Pos{File: "brand.yaml", Line: 5, Col: 9}},
	}
	b, errs := brand.Resolve(nil, s)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	got := Brand(b, s)
	if len(got) != 1 || got[0].String() != "brand.yaml:1:7: clinic contains U+1F600 (😀), which the font AtkinsonHyperlegible cannot print" {
		t.Errorf("got\n%s", list(got))
	}
}

// TestStrayStars: a star that looks like emphasis but has no partner prints
// as written and gets a warning where it was typed, in every text field
// with markup, body paragraphs included; doses get none.
func TestStrayStars(t *testing.T) {
	h := decode(t, `title: Pain relief
summary:
  - Take 2*3 tablets a day, or 1*5 if you are over 65.
  - Ratings 5 * 4 * 3, and *italic* is fine.
sections:
  - heading: Ibuprofen
    body: |
      First paragraph.

      Ibuprofen* can upset your stomach. *Take it with food.
`)
	got := list(StrayStars(h))
	want := "t.yaml:10:16: warning: body: this `*` prints as written: it has no partner to make *italic* or **bold** text (the stars must touch the words they mark)\n" +
		"t.yaml:10:42: warning: body: this `*` prints as written: it has no partner to make *italic* or **bold** text (the stars must touch the words they mark)\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestBrandLanguageFallback(t *testing.T) {
	src, errs := brand.DecodeFile("brand.yaml", []byte("name: Clinic\ntagline:\n  en: Care for all\n  es: Atención para todos\nfooter:\n  en: General education.\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, errs := brand.Resolve(nil, src)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	es := decode(t, "title: T\nlanguage: es\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Texto.\n")
	got := BrandLanguage(es, b)
	// The tagline has Spanish; the footer has only English, which prints.
	if len(got) != 1 {
		t.Fatalf("got %v, want one warning about the footer", got)
	}
	w := got[0]
	if w.Severity != diag.Warning || w.Pos.Line != 2 || !strings.Contains(w.Message, `footer has no text for language "es"`) || !strings.Contains(w.Message, `the "en" text will be printed`) || !strings.Contains(w.Message, "brand.yaml:6:3") {
		t.Errorf("warning %v", w)
	}
	en := decode(t, "title: T\nlanguage: en-US\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Text.\n")
	if got := BrandLanguage(en, b); len(got) != 0 {
		t.Errorf("en-US handout: %v, want no warning", got)
	}
}

// TestAdviceLinear: reading level, plain words and the PEMAT-P items grow
// linearly with the handout (internal/growth), also when every sentence is
// long and every word hard.
func TestAdviceLinear(t *testing.T) {
	handout := func(n int) *content.Handout {
		var b strings.Builder
		b.WriteString("title: T\nsummary: [Rest, Sleep]\nsections:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - heading: Section %d\n    body: \"%s\"\n    bullets: [Utilize the physician line in order to facilitate care.]\n", i, smogHardText+" "+strings.Repeat("medication ", 40)+"done.")
		}
		return decode(t, b.String())
	}
	growth.Linear(t, 25, func(n int) {
		h := handout(n)
		Readability(h)
		PlainWords(h)
		PEMAT(h)
	})
}

// TestBrandLanguageOneText: a tagline or footer given as one text is in
// the brand's first language (English for a brand with no per-language
// text), and a handout in another language is warned about it, with the
// per-language form to use (issue 21, item 17).
func TestBrandLanguageOneText(t *testing.T) {
	src, errs := brand.DecodeFile("brand.yaml", []byte("name: Clinic\ntagline: Care for all\nfooter: In a crisis, call or text 988.\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, errs := brand.Resolve(nil, src)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	es := decode(t, "title: T\nlanguage: es\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Texto.\n")
	got := BrandLanguage(es, b)
	if len(got) != 2 {
		t.Fatalf("got %v, want a warning each for the tagline and the footer", got)
	}
	for i, name := range []string{"tagline", "footer"} {
		w := got[i]
		want := "the brand's " + name + ` is one text, taken to be in "en" (the brand's first language), so this "es" handout prints it in "en"; give it per language in the brand file, with ` + "`en:` and `es:` lines under `" + name + ":`"
		if w.Severity != diag.Warning || w.Pos.Line != 2 || !strings.HasPrefix(w.Message, want) {
			t.Errorf("warning %v\nwant %s", w, want)
		}
	}
	if !strings.Contains(got[1].Message, "(brand.yaml:3:9)") {
		t.Errorf("the footer's warning does not say where it is set: %v", got[1])
	}
	// An English handout, and one with no language (English), are fine.
	for _, src := range []string{"title: T\nlanguage: en-GB\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Text.\n", "title: T\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Text.\n"} {
		if got := BrandLanguage(decode(t, src), b); len(got) != 0 {
			t.Errorf("English handout: %v, want no warning", got)
		}
	}
	// A brand whose per-language text starts with Spanish has its one
	// text taken as Spanish: a Spanish handout is fine, an English one not.
	src, _ = brand.DecodeFile("brand.yaml", []byte("name: Clinica\ntagline:\n  es: Atención para todos\n  en: Care for all\nfooter: Solo educación general.\n"))
	b, _ = brand.Resolve(nil, src)
	if got := BrandLanguage(es, b); len(got) != 0 {
		t.Errorf("Spanish brand, Spanish handout: %v", got)
	}
	en := decode(t, "title: T\nsummary: [a, b]\nsections:\n  - heading: H\n    body: Text.\n")
	if got := BrandLanguage(en, b); len(got) != 1 || !strings.Contains(got[0].Message, `footer is one text, taken to be in "es"`) || got[0].Pos.File == "" {
		t.Errorf("Spanish brand, English handout: %v", got)
	}
}

// TestDefinedTermNotFlagged: a term the sentence defines gets no plain-
// language note and does not count against PEMAT's everyday words, nor do
// its later uses; a hard word never defined still does (issue 21, item 15).
func TestDefinedTermNotFlagged(t *testing.T) {
	h := decode(t, "title: Blood pressure\nsummary:\n  - High blood pressure, or hypertension, can be treated.\n  - Take your pills every day.\n"+
		"sections:\n  - heading: Treatment\n    body: Hypertension is common. Your physician checks it.\n")
	notes := PlainWords(h)
	if len(notes) != 1 || !strings.Contains(notes[0].Message, `"physician" → "doctor"`) {
		t.Errorf("plain-language notes:\n%s\nwant only the one for physician", list(notes))
	}
	pemat := PEMAT(h)
	if len(pemat) != 1 || !strings.Contains(pemat[0].Message, "everyday words (1 word has an everyday alternative in the notes)") {
		t.Errorf("PEMAT:\n%s\nwant everyday words not met for one word", list(pemat))
	}
}

// TestReadingLevelReported: every graded file's reading level is reported,
// as a note when it is within the target (a warning says it otherwise),
// and Grade returns the file's and each graded section's level for
// `check --json` (issue 21, item 15b).
func TestReadingLevelReported(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "grade.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The plain section alone reads well within the target.
	plain := string(src[:strings.Index(string(src), "  - heading: Pharmacological")])
	out, lv := Grade(decode(t, plain))
	var notes []string
	for _, f := range out {
		if f.Severity == diag.Note {
			notes = append(notes, f.String())
		}
		if f.Severity == diag.Warning && strings.Contains(f.Message, "reads at") {
			t.Errorf("a plain file is warned about: %v", f)
		}
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "t.yaml:1:8: note: the handout reads at US grade ") || !strings.HasSuffix(notes[0], "within the target of grade 8 or below") {
		t.Errorf("notes %q, want one saying the file's level is within the target", notes)
	}
	if lv == nil || lv.TooHard || lv.Formula != "SMOG" || lv.Score <= 0 || lv.Score > 8 || len(lv.Sections) != 1 || lv.Sections[0].Heading != "Simple words" {
		t.Errorf("levels %+v", lv)
	}
	// A hard file: the warning names the level, no note repeats it, and
	// each section long enough to grade has its level, hard or not.
	out, lv = Grade(decode(t, "grade.yaml"))
	for _, f := range out {
		if f.Severity == diag.Note && strings.Contains(f.Message, "reads at") {
			t.Errorf("a hard file gets a note besides its warning: %v", f)
		}
	}
	if lv == nil || !lv.TooHard || len(lv.Sections) != 2 || lv.Sections[0].TooHard || !lv.Sections[1].TooHard || lv.Sections[1].Pos.Line != 15 {
		t.Errorf("levels %+v", lv)
	}
	// A file too short to grade has no level.
	if _, lv = Grade(decode(t, "title: T\nsummary: [Rest, Sleep]\nsections:\n  - heading: H\n    body: Sleep well. Rest a lot.\n")); lv != nil {
		t.Errorf("short file: %+v", lv)
	}
}

// A section of exactly MaxSectionWords words is short enough; one word
// more is not.
func TestPEMATSectionOfTheMostWords(t *testing.T) {
	for _, n := range []int{MaxSectionWords, MaxSectionWords + 1} {
		src := "title: Asthma\nsummary: [Use your inhaler., Call us.]\nsections:\n  - heading: How your inhaler works\n    body: " +
			strings.TrimSpace(strings.Repeat("word ", n)) + "\n"
		long := strings.Contains(list(PEMAT(decode(t, src))), "short sections (")
		if long != (n > MaxSectionWords) {
			t.Errorf("a section of %d words flagged as long: %v", n, long)
		}
	}
}
