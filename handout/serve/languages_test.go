package serve

// The front desk in the handouts' own languages: a Russian or Arabic
// patient's name and note checked against, and printed in, the fonts the
// handout is set in; the page marked with each handout's language and
// direction; search that finds words in any script.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// languageFixture is the usual fixture with the Russian and Arabic
// handouts of testdata/languages beside the English and Spanish ones.
func languageFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t, Config{})
	for _, lang := range []string{"ru", "ar", "fa"} {
		src, err := os.ReadFile(filepath.Join("../../testdata/languages", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		write(t, f.dir, "sleep-"+lang+".yaml", string(src))
	}
	return f
}

// readWords is text as pdftotext gives back right-to-left text, compared
// word by word: the direction marks poppler adds separate words, and
// punctuation is left out.
func readWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.M, r)
	})
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
			for _, want := range []string{c.patient, c.clinician, strings.ReplaceAll(c.note, "\u200c", "")} {
				if !hasWords(strings.ReplaceAll(text, "\u200c", ""), want) {
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
	// A packet checks the name against each handout's fonts: the English
	// one cannot print it.
	rec = f.api(`{"handouts": ["sleep-ru", "group-therapy"], "patient": "Иван Петров"}`)
	wantStatus(t, rec, 400)
	if msg, _ := apiError(t, rec); !strings.Contains(msg, "Patient name") || !strings.Contains(msg, "Group therapy") {
		t.Errorf("a Cyrillic name on a packet with an English handout: %s", msg)
	}
}
