package readability

import (
	"fmt"
	"handouts/internal/growth"
	"math"
	"strings"
	"testing"
)

// syllableList is a hand-checked list of 100 words common in patient
// education, with dictionary syllable counts (Merriam-Webster
// syllabification). Words whose pronunciation varies between 2 and 3
// syllables ("nausea", "usually", "temperature", "tired") are left out on
// purpose: no single count would be right.
var syllableList = []struct {
	word string
	want int
}{
	{"take", 1}, {"medicine", 3}, {"doctor", 2}, {"nurse", 1}, {"pain", 1},
	{"health", 1}, {"treatment", 2}, {"patient", 2}, {"symptoms", 2}, {"depression", 3},
	{"anxiety", 4}, {"therapy", 3}, {"dose", 1}, {"daily", 2}, {"effects", 2},
	{"headache", 2}, {"blood", 1}, {"pressure", 2}, {"heart", 1}, {"appointment", 3},
	{"hospital", 3}, {"emergency", 4}, {"information", 4}, {"medication", 4}, {"prescription", 3},
	{"pharmacy", 3}, {"insurance", 3}, {"children", 2}, {"people", 2}, {"every", 2},
	{"being", 2}, {"area", 3}, {"idea", 3}, {"create", 2}, {"business", 2},
	{"psychotherapy", 5}, {"ketamine", 3}, {"evidence", 3}, {"questions", 2}, {"about", 2},
	{"your", 1}, {"body", 2}, {"sleep", 1}, {"needed", 2}, {"used", 1},
	{"asked", 1}, {"changes", 2}, {"makes", 1}, {"infection", 3}, {"surgery", 3},
	{"recovery", 4}, {"breathing", 2}, {"stomach", 2}, {"diabetes", 4}, {"cholesterol", 4},
	{"vaccine", 2}, {"allergic", 3}, {"reaction", 3}, {"serious", 3}, {"simple", 2},
	{"little", 2}, {"possible", 3}, {"exercise", 3}, {"because", 2}, {"before", 2},
	{"should", 1}, {"water", 2}, {"alcohol", 3}, {"avoid", 2}, {"pregnant", 2},
	{"weight", 1}, {"problems", 2}, {"difficult", 3}, {"feeling", 2}, {"thoughts", 1},
	{"suicide", 3}, {"support", 2}, {"family", 3}, {"friends", 1}, {"trial", 2},
	{"diet", 2}, {"quiet", 2}, {"science", 2}, {"experience", 4}, {"increase", 2},
	{"fever", 2}, {"chronic", 2}, {"condition", 3}, {"mental", 2}, {"provider", 3},
	{"carefully", 3}, {"likely", 2}, {"safety", 2}, {"someone", 2}, {"something", 2},
	{"sometimes", 2}, {"behavior", 3}, {"video", 3}, {"walked", 1}, {"continue", 3},
}

func TestSyllablesAccuracy(t *testing.T) {
	if len(syllableList) != 100 {
		t.Fatalf("word list has %d entries, want 100", len(syllableList))
	}
	seen := map[string]bool{}
	hits := 0
	for _, tc := range syllableList {
		if seen[tc.word] {
			t.Errorf("duplicate word %q", tc.word)
		}
		seen[tc.word] = true
		if got := Syllables(tc.word); got == tc.want {
			hits++
		} else {
			t.Logf("miss: Syllables(%q) = %d, dictionary %d", tc.word, got, tc.want)
		}
	}
	inTable := 0
	for _, tc := range syllableList {
		if _, ok := exceptionWords()[tc.word]; ok {
			inTable++
		}
	}
	t.Logf("accuracy %d/100 (%d of the words are in the exceptions table)", hits, inTable)
	if hits < 90 {
		t.Errorf("accuracy %d%%, want >= 90%%", hits)
	}
}

// TestSyllablesRules pins the individual rules, each with the reason in
// the name.
func TestSyllablesRules(t *testing.T) {
	tests := []struct {
		name, word string
		want       int
	}{
		{"empty", "", 0},
		{"no letters or digits", "--", 0},
		{"case-insensitive", "PEOPLE", 2},
		{"minimum one", "hmm", 1},
		{"initial y is a consonant", "yes", 1},
		{"y between vowels is a consonant", "beyond", 2},
		{"final y is a vowel", "body", 2},
		{"silent final e", "make", 1},
		{"consonant+le is a syllable", "table", 2},
		{"vowel+le is silent", "whale", 1},
		{"silent -ed", "asked", 1},
		{"-ed after t is heard", "treated", 2},
		{"-ed after d is heard", "needed", 2},
		{"consonant+led", "handled", 2},
		{"silent -es", "makes", 1},
		{"-es after sibilant", "changes", 2},
		{"-es after ch", "teaches", 2},
		{"headaches ends in /eɪks/", "headaches", 2},
		{"consonant+les", "tables", 2},
		{"-tion is one", "information", 4},
		{"-cial is one", "special", 2},
		{"ci-ate splits", "appreciate", 4},
		{"io splits", "radio", 3},
		{"ie+t splits", "diet", 2},
		{"-tient is one", "patient", 2},
		{"-ing after a vowel", "going", 2},
		{"y+ing", "dying", 2},
		{"final ea splits", "area", 3},
		{"ea inside is one", "health", 1},
		{"cre-ate", "created", 3},
		{"qu is a consonant", "quite", 1},
		{"gu+vowel is a consonant", "guide", 1},
		{"silent e before -ly", "completely", 3},
		{"silent e before -ment", "statement", 2},
		{"soft c before -ment", "advancement", 3},
		{"-ism", "autism", 3},
		{"-thm", "rhythm", 2},
		{"compound some-", "someone", 2},
		{"compound every-", "everything", 3},
		{"compound not taken for Greek root", "homework", 2},
		{"exception plural -s", "ideas", 3},
		{"exception plural -ies", "therapies", 3},
		{"exception plural -es", "businesses", 3},
		{"contraction merges after vowel", "don't", 1},
		{"curly apostrophe", "don’t", 1},
		{"n't after consonant", "didn't", 2},
		{"possessive", "patient's", 2},
		{"hyphenated sums parts", "well-being", 3},
		{"accented vowel", "café", 2},
		{"digit group", "2025", 1},
		{"decimal is two groups", "2.5", 2},
		{"thousands separator is two groups", "1,000", 2},
		{"letters and digits", "COVID-19", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Syllables(tc.word); got != tc.want {
				t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
			}
		})
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// TestMeasureHandComputed checks whole passages against counts and grades
// worked out by hand (shown in the comments).
func TestMeasureHandComputed(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		want     Stats
		smog, fk float64
	}{
		{
			// Sentence 1: Ketamine 3, can 1, help 1, with 1, depression 3
			//   = 5 words, 9 syllables, 2 polysyllables.
			// Sentence 2: Take 1, it 1, with 1, your 1, doctor 2
			//   = 5 words, 6 syllables, 0 polysyllables.
			// Totals: 2 sentences, 10 words, 15 syllables, 2 polysyllables.
			// SMOG = 1.0430*sqrt(2*30/2) + 3.1291 = 1.0430*5.4772 + 3.1291 = 8.84
			// FK   = 0.39*(10/2) + 11.8*(15/10) - 15.59 = 1.95 + 17.70 - 15.59 = 4.06
			name: "two sentences",
			text: "Ketamine can help with depression. Take it with your doctor.",
			want: Stats{Sentences: 2, Words: 10, Syllables: 15, Polysyllables: 2},
			smog: 8.84, fk: 4.06,
		},
		{
			// Sentence 1: Ketamine 3, can 1, ease 1, severe 2 (se-vere),
			//   depression 3 = 5 words, 10 syllables, 2 polysyllables.
			// Sentence 2: Talk 1, to 1, your 1, doctor 2, first 1 = 5 words,
			//   6 syllables.
			// "trouble sleeping": a fragment, not counted.
			// Sentence 3: Take 1, it 1, with 1, food 1 = 4 words, 4 syllables.
			// Totals: 3 sentences, 14 words, 20 syllables, 2 polysyllables.
			// SMOG = 1.0430*sqrt(2*30/3) + 3.1291 = 1.0430*4.4721 + 3.1291 = 7.79
			// FK   = 0.39*(14/3) + 11.8*(20/14) - 15.59
			//      = 1.82 + 16.857 - 15.59 = 3.09
			name: "paragraphs and a fragment",
			text: "Ketamine can ease severe depression. Talk to your doctor first!\n\n" +
				"trouble sleeping\n\n" +
				"Take it with food.",
			want: Stats{Sentences: 3, Words: 14, Syllables: 20, Polysyllables: 2},
			smog: 7.79, fk: 3.09,
		},
		{
			// Dr. 1 (d-r, no vowel: minimum 1), Lee 1, gave 1, 2.5 2 (two
			// digit groups), mg 1, of 1, medication 4 (med-i-ca-tion)
			// = 1 sentence, 7 words, 11 syllables, 1 polysyllable.
			// SMOG = 1.0430*sqrt(1*30/1) + 3.1291 = 1.0430*5.4772 + 3.1291 = 8.84
			// FK   = 0.39*7 + 11.8*(11/7) - 15.59 = 2.73 + 18.543 - 15.59 = 5.68
			name: "abbreviation and decimal stay in one sentence",
			text: "Dr. Lee gave 2.5 mg of medication.",
			want: Stats{Sentences: 1, Words: 7, Syllables: 11, Polysyllables: 1},
			smog: 8.84, fk: 5.68,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Measure(tc.text)
			if got != tc.want {
				t.Fatalf("Measure = %+v, want %+v", got, tc.want)
			}
			smog, ok := got.SMOG()
			if !ok || round2(smog) != tc.smog {
				t.Errorf("SMOG = %.4f, %v; want %.2f", smog, ok, tc.smog)
			}
			fk, ok := got.FleschKincaid()
			if !ok || round2(fk) != tc.fk {
				t.Errorf("FleschKincaid = %.4f, %v; want %.2f", fk, ok, tc.fk)
			}
		})
	}
}

// TestMeasureSentenceRules checks what is and is not a full sentence, and
// which tokens are words. Word counts are listed in the comments.
func TestMeasureSentenceRules(t *testing.T) {
	tests := []struct {
		name             string
		text             string
		sentences, words int
	}{
		{"empty", "", 0, 0},
		{"blank", " \n\t\n ", 0, 0},
		{"heading without punctuation", "What it helps with", 0, 0},
		// It helps. = 2 words; the heading is dropped.
		{"heading then paragraph", "What it helps with\n\nIt helps.", 1, 2},
		// A marker typed at the start of a line is not a word.
		{"typed bullet and fragment", "- trouble sleeping", 0, 0},
		{"typed bullets", "* Low mood\n* Poor sleep\n", 0, 0},
		{"unicode bullet fragment", "• trouble sleeping", 0, 0},
		// Take it with food. = 4 words; "1." and "2." number a typed
		// list and are not one-word sentences; "nausea" is a fragment.
		{"typed numbered list", "1. Take it with food.\n2. nausea", 1, 4},
		{"typed numbered list with parenthesis", "1) Take it. 2) Rest.", 2, 3},
		{"typed numbered list past 99", "100. Take it with food.\n101. Rest now.", 2, 6},
		// The dose is 5 = 4 words: a number ending a sentence still counts.
		{"number at the end of a sentence", "The dose is 5. Then rest.", 2, 6},
		{"lead-in and bullets", "Side effects include:\n- nausea\n- dizziness\n", 0, 0},
		{"trailing fragment", "It helps. It may", 1, 2},
		{"table rows", "| Dose | Time |\n| 5 mg | daily |", 0, 0},
		// Dr Lee said to take 2.5 mg twice a day = 10 words.
		{"title and decimal", "Dr. Lee said to take 2.5 mg twice a day.", 1, 10},
		// Eat fruit e.g apples i.e fresh ones vs juice = 9 words.
		{"e.g. i.e. vs.", "Eat fruit, e.g. apples, i.e. fresh ones, vs. juice.", 1, 9},
		{"e.g. before a capital", "Use a pain reliever, e.g. Tylenol, if needed.", 1, 8},
		// Studies by Smith et al show it helps = 8 words.
		{"et al.", "Studies by Smith et al. show it helps.", 1, 8},
		// Bring pills inhalers etc to each visit = 7 words.
		{"etc. mid-sentence", "Bring pills, inhalers, etc. to each visit.", 1, 7},
		// Bring pills inhalers etc | Then rest = 4 + 2 words.
		{"etc. closing a sentence", "Bring pills, inhalers, etc. Then rest.", 2, 6},
		{"etc. at end of text", "Bring pills, inhalers, etc.", 1, 4},
		// Take it at 8 a.m with water = 7 words.
		{"a.m. mid-sentence", "Take it at 8 a.m. with water.", 1, 7},
		{"a.m. closing a sentence", "Take it at 8 a.m. Do not skip it.", 2, 9},
		{"number before period ends sentence", "Take 2.5 mg. Then rest.", 2, 5},
		{"decimals", "The dose rose from 0.5 to 1.25 mg per day.", 1, 10},
		{"question and exclamation", "Why? Because it works!", 2, 4},
		{"repeated punctuation", "Really?! Yes.", 2, 2},
		{"closing quote", `She said, "Stop." Then she left.`, 2, 6},
		{"closing parenthesis", "(See the label.) Then call us.", 2, 6},
		{"curly quotes", "He said “rest.” Then he slept.", 2, 6},
		{"ellipsis before lower case", "Wait... then go.", 1, 3},
		{"ellipsis before capital", "Wait... Then go.", 2, 3},
		{"ellipsis at end", "Wait…", 1, 1},
		{"single newline is a space", "It can\nhelp you.", 1, 4},
		{"bare URL is one word", "Visit https://988lifeline.org/help today.", 1, 3},
		{"em dash separates", "Rest—then walk.", 1, 3},
		{"slash separates", "Call and/or text.", 1, 4},
		{"hyphen joins", "It is well-known.", 1, 3},
		{"lone punctuation", "... !!! ???", 0, 0},
		{"space before period", "Take it .", 1, 2},
		{"paragraph ends abbreviation", "See Dr.\n\nThen rest.", 2, 4},
		// Take St John's wort with care = 6 words.
		{"St. before a name", "Take St. John's wort with care.", 1, 6},
		// The U.S Food and Drug Administration approved it = 8 words.
		{"U.S. before a name", "The U.S. Food and Drug Administration approved it.", 1, 8},
		// Call us Mon Fri 9 a.m to 5 p.m | Or visit us = 9 + 3 words.
		{"clinic hours", "Call us Mon.–Fri. 9 a.m. to 5 p.m. Or visit us.", 2, 12},
		{"lower-case sun is a word", "Stay out of the sun. Wear a hat.", 2, 8},
		{"single initial is not recognised", "Ask J. Smith.", 2, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Measure(tc.text)
			if got.Sentences != tc.sentences || got.Words != tc.words {
				t.Errorf("Measure(%q) = %d sentences, %d words; want %d, %d\nsentences: %+v",
					tc.text, got.Sentences, got.Words, tc.sentences, tc.words, Sentences(tc.text))
			}
		})
	}
}

func TestMeasureSyllablesOfURL(t *testing.T) {
	// Visit 2 (vis-it), URL 1, today 2 (to-day) = 5 syllables.
	got := Measure("Visit https://988lifeline.org/help today.")
	want := Stats{Sentences: 1, Words: 3, Syllables: 5}
	if got != want {
		t.Errorf("Measure = %+v, want %+v", got, want)
	}
}

func TestSentences(t *testing.T) {
	// Byte offsets by hand: "Title\n\n" is 7 bytes, so "First" is at 7;
	// "First one. " is 11 bytes, so "Second" is at 18. "Second  one!" keeps
	// its double space because Text is verbatim. "Dr. Lee helps." starts
	// after "Second  one! " (13 bytes) at 31. "Not a sentence" is dropped.
	text := "Title\n\nFirst one. Second  one! Dr. Lee helps. Not a sentence"
	want := []Sentence{
		{Text: "First one.", Words: 2, Offset: 7},
		{Text: "Second  one!", Words: 2, Offset: 18},
		{Text: "Dr. Lee helps.", Words: 3, Offset: 31},
	}
	got := Sentences(text)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Sentences =\n%+v\nwant\n%+v", got, want)
	}
	for _, s := range got {
		if text[s.Offset:s.Offset+len(s.Text)] != s.Text {
			t.Errorf("Offset %d does not locate %q", s.Offset, s.Text)
		}
	}
	if got := Sentences("What it helps with"); got != nil {
		t.Errorf("Sentences(heading) = %+v, want nil", got)
	}
}

func TestGrades(t *testing.T) {
	tests := []struct {
		name   string
		s      Stats
		smog   float64
		smogOK bool
		fk     float64
		fkOK   bool
	}{
		// SMOG = 1.0430*sqrt(0) + 3.1291 = 3.13; FK = 0.39*1 + 11.8*1 - 15.59 = -3.40,
		// the published floor of the Flesch–Kincaid grade, reached by one-word
		// sentences of one-syllable words (formula: Kincaid et al. 1975,
		// Navy RBR 8-75; the floor as the Wikipedia article "Flesch–Kincaid
		// readability tests" states it). SMOG's floor, 3.13, is the "+3" of
		// McLaughlin's procedure in the regression form.
		{name: "one-syllable sentence", s: Stats{Sentences: 1, Words: 1, Syllables: 1}, smog: 3.13, smogOK: true, fk: -3.40, fkOK: true},
		// SMOG = 1.0430*sqrt(30*30/30) + 3.1291 = 1.0430*5.4772 + 3.1291 = 8.84
		// FK = 0.39*(600/30) + 11.8*(900/600) - 15.59 = 7.80 + 17.70 - 15.59 = 9.91
		{name: "thirty sentences", s: Stats{Sentences: 30, Words: 600, Syllables: 900, Polysyllables: 30}, smog: 8.84, smogOK: true, fk: 9.91, fkOK: true},
		// SMOG = 1.0430*sqrt(10*30/5) + 3.1291 = 1.0430*7.7460 + 3.1291 = 11.21
		// FK = 0.39*(100/5) + 11.8*(160/100) - 15.59 = 7.80 + 18.88 - 15.59 = 11.09
		{name: "dense", s: Stats{Sentences: 5, Words: 100, Syllables: 160, Polysyllables: 10}, smog: 11.21, smogOK: true, fk: 11.09, fkOK: true},
		{name: "no sentences", s: Stats{Words: 3, Syllables: 3}},
		{name: "zero", s: Stats{}},
		// Only reachable by adding Stats by hand: sentences but no words.
		{name: "no words", s: Stats{Sentences: 1}, smog: 3.13, smogOK: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			smog, ok := tc.s.SMOG()
			if ok != tc.smogOK || round2(smog) != tc.smog {
				t.Errorf("SMOG = %.4f, %v; want %.2f, %v", smog, ok, tc.smog, tc.smogOK)
			}
			fk, ok := tc.s.FleschKincaid()
			if ok != tc.fkOK || round2(fk) != tc.fk {
				t.Errorf("FleschKincaid = %.4f, %v; want %.2f, %v", fk, ok, tc.fk, tc.fkOK)
			}
		})
	}
}

func TestAdd(t *testing.T) {
	a := Stats{Sentences: 1, Words: 2, Syllables: 3, Polysyllables: 4, Letters: 5}
	b := Stats{Sentences: 10, Words: 20, Syllables: 30, Polysyllables: 40, Letters: 50}
	if got, want := a.Add(b), (Stats{11, 22, 33, 44, 55}); got != want {
		t.Errorf("Add = %+v, want %+v", got, want)
	}
	// Sections separated by a blank line measure the same apart and together.
	s1 := "Dosing\n\nTake one tablet daily. Do not double up, etc."
	s2 := "Call Dr. Lee if you feel worse. Bring your list of medicines."
	if got, want := Measure(s1+"\n\n"+s2), Measure(s1).Add(Measure(s2)); got != want {
		t.Errorf("Measure(whole) = %+v, sum of sections = %+v", got, want)
	}
}

// bigText returns about n bytes of realistic handout text.
func bigText(n int) string {
	const para = "What it helps with\n\n" +
		"Ketamine can ease severe depression, e.g. when other medicines have not worked. " +
		"Dr. Lee gives 0.5 mg/kg over 40 minutes, i.e. in the clinic, etc. " +
		"Talk to your care team (https://example.org/ketamine?x=1) about side effects!\n\n" +
		"trouble sleeping\n\n1. Take it with food.\n\n"
	var b strings.Builder
	b.Grow(n + len(para))
	for b.Len() < n {
		b.WriteString(para)
	}
	return b.String()
}

// TestMeasureLinear measures each input at two sizes in the same run and
// compares them (internal/growth): no absolute time is compared, so a busy
// machine or the race detector does not decide the result.
func TestMeasureLinear(t *testing.T) {
	inputs := map[string]func(n int) string{
		"handout":        bigText,
		"no spaces":      func(n int) string { return strings.Repeat("a", n) },
		"image openers":  func(n int) string { return strings.Repeat("![", n/2) },
		"link closers":   func(n int) string { return strings.Repeat("](", n/2) },
		"angle openers":  func(n int) string { return strings.Repeat("<a", n/2) },
		"dots":           func(n int) string { return strings.Repeat(".", n) },
		"markup":         func(n int) string { return strings.Repeat("*_`#", n/4) },
		"lines":          func(n int) string { return strings.Repeat("-\n", n/2) },
		"invalid utf-8":  func(n int) string { return strings.Repeat("\xff\xe2\x80", n/3) },
		"compounds":      func(n int) string { return strings.Repeat("some", n/4) },
		"closers":        func(n int) string { return strings.Repeat(")", n-1) + "." },
		"openers":        func(n int) string { return strings.Repeat("(", n) },
		"list numbers":   func(n int) string { return strings.Repeat("1. ", n/3) },
		"hyphens":        func(n int) string { return strings.Repeat("a-", n/2) },
		"spanish vowels": func(n int) string { return strings.Repeat("aíuéoüy", n/10) },
		"accents":        func(n int) string { return strings.Repeat("i\u0301", n/3) },
	}
	for name, gen := range inputs {
		t.Run(name, func(t *testing.T) {
			growth.Linear(t, 32<<10, func(n int) { Measure(gen(n)) })
			growth.Linear(t, 32<<10, func(n int) { Spanish.Read(gen(n)) })
		})
	}
}

func BenchmarkMeasure(b *testing.B) {
	text := bigText(1 << 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Measure(text)
	}
}

func FuzzMeasure(f *testing.F) {
	for _, s := range []string{
		"", "Ketamine can help with depression. Take it with your doctor.",
		bigText(600), "Dr. Lee gave 2.5 mg, e.g. daily, etc. Then rest...",
		"- trouble sleeping\n1. Take it.\n| a | b |\n---\n> quote!",
		"[x](y(z)) ![a](b) <https://x.org> www.x.org a@b.org “q.” (r.) '",
		"\xff\xe2\x80. don’t didn't well-being COVID-19 1,000 café",
		"](  ![  <a  \n\n#  ##### x.\u2029y.\u2028z?",
		"¿Qué es? Dí\u0301a, guía, pingüino, buey. Dra. Pérez, p. ej. EE. UU.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		st := Measure(text)
		if st.Sentences < 0 || st.Words < 0 || st.Syllables < 0 || st.Polysyllables < 0 {
			t.Fatalf("negative count: %+v", st)
		}
		if st.Polysyllables > st.Words {
			t.Fatalf("more polysyllables than words: %+v", st)
		}
		if st.Syllables < st.Words {
			t.Fatalf("a word with no syllable: %+v", st)
		}
		if st.Sentences > st.Words || (st.Words > 0 && st.Sentences == 0) {
			t.Fatalf("words outside sentences or empty sentences: %+v", st)
		}
		if g, ok := st.SMOG(); ok != (st.Sentences > 0) || math.IsNaN(g) || math.IsInf(g, 0) {
			t.Fatalf("SMOG = %v, %v for %+v", g, ok, st)
		}
		if g, ok := st.FleschKincaid(); ok != (st.Sentences > 0) || math.IsNaN(g) || math.IsInf(g, 0) {
			t.Fatalf("FleschKincaid = %v, %v for %+v", g, ok, st)
		}

		sents := Sentences(text)
		if len(sents) != st.Sentences {
			t.Fatalf("Sentences found %d, Measure %d", len(sents), st.Sentences)
		}
		words, prevEnd := 0, 0
		for _, s := range sents {
			if s.Words <= 0 || s.Text == "" || s.Offset < prevEnd || s.Offset+len(s.Text) > len(text) ||
				text[s.Offset:s.Offset+len(s.Text)] != s.Text {
				t.Fatalf("bad sentence %+v after offset %d", s, prevEnd)
			}
			words += s.Words
			prevEnd = s.Offset + len(s.Text)
		}
		if words != st.Words {
			t.Fatalf("Sentences count %d words, Measure %d", words, st.Words)
		}

		for _, l := range Languages {
			r := l.Read(text)
			if len(r.Sentences) != r.Stats.Sentences || r.Polysyllables > r.Words || r.Syllables < r.Words {
				t.Fatalf("%s: Read = %+v", l.Tag, r.Stats)
			}
			for _, w := range r.Long {
				if w.Offset < 0 || w.Offset+len(w.Text) > len(text) || text[w.Offset:w.Offset+len(w.Text)] != w.Text || w.Syllables < l.LongWord {
					t.Fatalf("%s: bad long word %+v", l.Tag, w)
				}
			}
		}

		// A blank line isolates sections, so stats must add up.
		if whole, sum := Measure(text+"\n\n"+text), st.Add(st); whole != sum {
			t.Fatalf("Measure(text+blank line+text) = %+v, want %+v", whole, sum)
		}

		for _, w := range strings.Fields(text) {
			if n := Syllables(w); n < 0 || (n == 0 && hasLetterOrDigit(w)) {
				t.Fatalf("Syllables(%q) = %d", w, n)
			}
		}
	})
}

func hasLetterOrDigit(s string) bool {
	ok, _ := wordInfo([]byte(s))
	return ok
}
