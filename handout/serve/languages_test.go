package serve

// The front desk in the handouts' own languages: a Russian or Arabic
// patient's name and note checked against, and printed in, the fonts the
// handout is set in; the page marked with each handout's language and
// direction; search that finds words in any script.

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/shape"
)

// languageFixture is the usual fixture with the Russian and Arabic
// handouts of testdata/languages beside the English and Spanish ones.
func languageFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, Config{})
	for _, lang := range []string{"ru", "ar", "fa", "hi"} {
		src, err := os.ReadFile(filepath.Join("../../testdata/languages", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		write(t, f.dir, "sleep-"+lang+".yaml", string(src))
	}
	return f
}

// readWords is text as pdftotext gives it back, split into words, with
// only the direction marks poppler and the writer add removed: every
// character of a word, vowel marks, zero-width non-joiners and stops
// included, must come back as written, right-to-left text too.
func readWords(s string) []string {
	return strings.Fields(strings.Map(func(r rune) rune {
		if r >= '\u202a' && r <= '\u202e' || r == '\u200e' || r == '\u200f' || r >= '\u2066' && r <= '\u2069' {
			return -1
		}
		return r
	}, s))
}

func hasWords(text, want string) bool {
	got := " " + strings.Join(readWords(text), " ") + " "
	return strings.Contains(got, " "+strings.Join(readWords(want), " ")+" ")
}

func renderJSON(t *testing.T, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPersonalFieldsInTheHandoutsScript: a Cyrillic name on a Russian
// handout and an Arabic name on an Arabic one print, in every format, in
// the family the handout is set in (its shipped Noto face, shaped for
// Arabic). The same Cyrillic name on an English handout, set in Atkinson
// Hyperlegible, is still refused, naming the letter.
func TestPersonalFieldsInTheHandoutsScript(t *testing.T) {
	f := languageFixture(t)
	cases := []struct {
		handout, patient, clinician, note string
	}{
		{"sleep-ru", "Иван Петрович Сидоров", "Доктор Ёлкина", "Пейте больше воды.\nПозвоните нам в пятницу."},
		{"sleep-ar", "محمد حسن علي", "الدكتورة فاطمة", "اشرب الماء كل يوم."},
		{"sleep-fa", "زهرا محمدی", "دکتر رضایی", "می‌خواهم هر روز آب بنوشید."},
	}
	for _, c := range cases {
		for _, kind := range []string{"summary", "guide", "faq"} {
			rec := f.api(renderJSON(t, map[string]any{"handouts": []string{c.handout}, "format": kind, "patient": c.patient, "clinician": c.clinician, "note": c.note}))
			wantStatus(t, rec, 200)
			text := pdfText(t, rec.Body.Bytes())
			for _, want := range append([]string{c.patient, c.clinician}, strings.Split(c.note, "\n")...) {
				if !hasWords(text, want) {
					t.Errorf("%s %s: %q not read back from the PDF:\n%s", c.handout, kind, want, text)
				}
			}
		}
	}
	rec := f.api(`{"handouts": ["group-therapy"], "patient": "Иван Петров"}`)
	wantStatus(t, rec, 400)
	if msg, _ := apiError(t, rec); !strings.Contains(msg, "Patient name has characters the handout's font cannot print: И") {
		t.Errorf("a Cyrillic name on an English handout: %s", msg)
	}
	// A packet of handouts in several scripts prints, each in its own
	// fonts, with a name all of them can print.
	rec = f.api(`{"handouts": ["sleep-ar", "group-therapy", "sleep-ru"], "patient": "` + patient + `"}`)
	wantStatus(t, rec, 200)
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"المريض", "For: " + patient, "Group therapy", "Для: " + patient, "Основы здорового сна"} {
		if !strings.Contains(text, want) {
			t.Errorf("the packet lacks %q:\n%s", want, text)
		}
	}
	// A packet checks the name against each handout's fonts: the English
	// one cannot print it.
	rec = f.api(`{"handouts": ["sleep-ru", "group-therapy"], "patient": "Иван Петров"}`)
	wantStatus(t, rec, 400)
	if msg, _ := apiError(t, rec); !strings.Contains(msg, "Patient name") || !strings.Contains(msg, "Group therapy") {
		t.Errorf("a Cyrillic name on a packet with an English handout: %s", msg)
	}
}

// TestPagesInTheHandoutsLanguage: each handout's title is marked with its
// language and, for Arabic and Persian, its direction, on the library and
// on its own page; the fields the front desk types a name and note in
// take the handout's language and direction (auto for left-to-right
// scripts, so an Arabic name typed on a Russian handout still reads
// right).
func TestPagesInTheHandoutsLanguage(t *testing.T) {
	f := languageFixture(t)
	lib := f.get("/").Body.String()
	for _, want := range []string{
		`<h2 lang="ar" dir="rtl" id="title-sleep-ar">أساسيات النوم الصحي</h2>`,
		`<p class="subtitle" lang="fa" dir="rtl">`,
		`<h2 lang="ru" id="title-sleep-ru">Основы здорового сна</h2>`,
		`<option value="ar">العربية (Arabic)</option>`,
		`<option value="ru">Русский (Russian)</option>`,
	} {
		if !strings.Contains(lib, want) {
			t.Errorf("the library lacks %s", want)
		}
	}
	ar := f.get("/handout/sleep-ar").Body.String()
	for _, want := range []string{
		`<h1 lang="ar" dir="rtl">أساسيات النوم الصحي</h1>`,
		`<p class="subtitle" lang="ar" dir="rtl">`,
		`aria-describedby="patient-hint" lang="ar" dir="rtl">`,
		`id="clinician" name="clinician" autocomplete="off" lang="ar" dir="rtl">`,
		`aria-describedby="note-count" lang="ar" dir="rtl"></textarea>`,
	} {
		if !strings.Contains(ar, want) {
			t.Errorf("the Arabic handout's page lacks %s", want)
		}
	}
	ru := f.get("/handout/sleep-ru").Body.String()
	for _, want := range []string{`<h1 lang="ru">Основы здорового сна</h1>`, `aria-describedby="patient-hint" lang="ru" dir="auto">`} {
		if !strings.Contains(ru, want) {
			t.Errorf("the Russian handout's page lacks %s", want)
		}
	}
	packet := f.get("/packet?h=sleep-ru&h=sleep-ar").Body.String()
	for _, want := range []string{`<li lang="ar" dir="rtl">أساسيات النوم الصحي`, `<li lang="ru">Основы здорового сна`, `aria-describedby="patient-hint" dir="auto">`} {
		if !strings.Contains(packet, want) {
			t.Errorf("the packet's page lacks %s", want)
		}
	}
}

// TestSearchInEveryScript: the library's search (here without JavaScript,
// the server's fold; the browser test runs the page's) finds words in
// Cyrillic in any case, Arabic typed with or without vowel marks, Persian
// typed with or without the non-joiner inside a word, Hindi words whole
// (a vowel sign does not end a word), and no more.
func TestSearchInEveryScript(t *testing.T) {
	f := languageFixture(t)
	cases := []struct {
		query string
		shown []string
	}{
		{"ОСНОВЫ", []string{"sleep-ru"}},
		{"здоров сна", []string{"sleep-ru"}},
		{"снотв", []string{"sleep-ru"}}, // "снотворное", an FAQ's word, from its start
		{"отворное", nil},
		{"النَّوم", []string{"sleep-ar"}},
		{"النوم", []string{"sleep-ar"}},
		{"عادت\u200cهای", []string{"sleep-fa"}},
		{"عادتهای", []string{"sleep-fa"}},
		{"बुनियादी", []string{"sleep-hi"}},
		{"बिल्ली", nil}, // "cat": no handout has it
		{"नींद", []string{"sleep-hi"}},
	}
	for _, c := range cases {
		rec := f.get("/?q=" + url.QueryEscape(c.query))
		wantStatus(t, rec, 200)
		for name, tag := range cards(rec.Body.String()) {
			shown := !strings.Contains(tag, "hidden")
			want := false
			for _, s := range c.shown {
				want = want || s == name
			}
			if shown != want {
				t.Errorf("%q: %s shown=%v, want %v", c.query, name, shown, want)
			}
		}
	}
}

// TestPatientWordsNotInTheShapingCache: the words of an Arabic patient's
// name and note are shaped for their render only; the process's cache of
// shaped words (shared by every render) never holds them, while the
// handout's own words are cached as before.
func TestPatientWordsNotInTheShapingCache(t *testing.T) {
	f := languageFixture(t)
	name, note := "زبولونقرطمين", "كوارترماينيات"
	for _, kind := range []string{"summary", "guide"} {
		rec := f.api(renderJSON(t, map[string]any{"handouts": []string{"sleep-ar"}, "format": kind, "patient": name, "note": note}))
		wantStatus(t, rec, 200)
	}
	for _, w := range []string{name, note} {
		if shape.Cached(w) {
			t.Errorf("the process's shaping cache holds the patient's word %q", w)
		}
	}
	if !shape.Cached("النوم") {
		t.Error("the handout's own words are no longer cached")
	}
}
