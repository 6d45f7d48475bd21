package check

import (
	"strings"
	"testing"

	"handouts/handout/diag"
)

// Hard and plain text in each language with a formula: the hard section
// and the handout are graded by the language's own formula; the plain one
// gets no grade warning. (Each body has 5 or more sentences and 100 or
// more words, enough to grade.)
func TestReadabilityByLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang, formula, hard, plain string
	}{
		{"fr", "Kandel–Moles",
			strings.Repeat("L'administration concomitante de médicaments anti-inflammatoires non stéroïdiens nécessite impérativement une surveillance particulièrement attentive de la fonction rénale, notamment chez les patients présentant une insuffisance cardiaque. ", 6),
			strings.Repeat("Prenez un comprimé le matin. Buvez un grand verre d'eau. Mangez un peu avant. Si vous avez mal au ventre, appelez-nous. Ne prenez pas deux comprimés le même jour. ", 5)},
		{"de", "Amstad",
			strings.Repeat("Die gleichzeitige Verabreichung nichtsteroidaler entzündungshemmender Arzneimittel erfordert eine außerordentlich sorgfältige Überwachung der Nierenfunktion, insbesondere bei Patientinnen und Patienten mit Herzinsuffizienz. ", 6),
			strings.Repeat("Nehmen Sie am Morgen eine Tablette. Trinken Sie ein Glas Wasser. Essen Sie vorher etwas. Wenn Ihr Bauch weh tut, rufen Sie uns an. Nehmen Sie nie zwei Tabletten an einem Tag. ", 5)},
		{"it", "GULPEASE",
			strings.Repeat("La somministrazione concomitante di farmaci antinfiammatori non steroidei necessita imprescindibilmente di un'attenta sorveglianza della funzionalità renale, specialmente nei pazienti caratterizzati da insufficienza cardiaca. ", 6),
			strings.Repeat("Prenda una pillola al mattino. Beva un bel bicchiere d'acqua. Mangi un po' prima. Se ha mal di pancia, ci chiami. Non prenda mai due pillole in un giorno. ", 5)},
		{"pt-BR", "Flesch (Martins)",
			strings.Repeat("A administração concomitante de medicamentos anti-inflamatórios não esteroidais necessita obrigatoriamente de monitorização particularmente cuidadosa da função renal, especialmente em pacientes apresentando insuficiência cardíaca. ", 6),
			strings.Repeat("Tome um comprimido de manhã. Beba um copo de água. Coma um pouco antes. Se a barriga doer, ligue para nós. Não tome dois comprimidos no mesmo dia. ", 5)},
		{"ru", "Oborneva",
			strings.Repeat("Одновременное применение нестероидных противовоспалительных препаратов обязательно требует особенно внимательного контроля функционального состояния почек, преимущественно у пациентов с сердечной недостаточностью. ", 6),
			strings.Repeat("Пейте одну таблетку утром. Пейте стакан воды. Сначала поешьте. Если болит живот, звоните нам. Не пейте две таблетки в один день. ", 6)},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			src := func(body string) string {
				return "title: T\nlanguage: " + tc.lang + "\nsummary: [a, b]\nsections:\n  - heading: H\n    body: \"" + strings.TrimSpace(body) + "\"\n"
			}
			var grades []string
			for _, f := range Readability(decode(t, src(tc.hard))) {
				if strings.Contains(f.Message, "reads at") {
					grades = append(grades, f.String())
					if f.Severity != diag.Warning || !strings.Contains(f.Message, tc.formula+" ") || !strings.Contains(f.Message, "or above") {
						t.Errorf("hard: %s", f)
					}
				}
			}
			if len(grades) != 2 { // the section and the handout
				t.Errorf("hard text: %d grade warnings, want 2:\n%s", len(grades), strings.Join(grades, "\n"))
			}
			// Plain text gets only the note of its level (issue 21, item 15b).
			for _, f := range Readability(decode(t, src(tc.plain))) {
				if f.Severity != diag.Note || !strings.Contains(f.Message, "the handout reads at "+tc.formula+" ") || !strings.Contains(f.Message, "within the target") {
					t.Errorf("plain text: %s", f)
				}
			}
		})
	}
}

// Chinese and Japanese: one note, and no sentence-length warning (there
// are no words to count).
func TestUnspacedLanguageNote(t *testing.T) {
	h := decode(t, "title: T\nlanguage: zh-Hans\nsummary: [a, b]\nsections:\n  - heading: H\n    body: \""+strings.Repeat("请在饭后服用这种药物并且每天喝足够的水如果您感到不舒服请立即联系您的医护团队。", 8)+"\"\n")
	expect(t, Readability(h), []want{{"t.yaml:2:11", diag.Note, []string{`no reading-level formula for language "zh-Hans"`, "nor sentence length"}}})
}

// Everyday words and the PEMAT items that need word lists are checked only
// where there are lists (en, es): a French handout gets no plain-language
// note, and PEMAT names those items as not checked.
func TestNoWordListsNoWordNotes(t *testing.T) {
	for _, lang := range []string{"fr", "ru", "ar", "vi"} {
		h := decode(t, "title: T\nlanguage: "+lang+"\nsummary: [a, b]\nsections:\n  - heading: H\n    bullets: [Utilize it.]\n")
		if got := PlainWords(h); len(got) != 0 {
			t.Errorf("%s: %s", lang, list(got))
		}
		if got := PEMAT(h); len(got) != 1 || !strings.Contains(got[0].Message, `Not checked in language "`+lang+`": everyday words`) {
			t.Errorf("%s: %s", lang, list(got))
		}
	}
}
