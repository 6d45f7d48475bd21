package plainwords

import (
	"strings"
	"testing"
)

func TestFindEnglish(t *testing.T) {
	en, ok := For("en-US")
	if !ok {
		t.Fatal("no English list")
	}
	text := "Please utilize the Medications as your physician advised, in order to lower hypertension. Don't discontinue them."
	type m struct{ hard, plain string }
	want := []m{
		{"utilize", "use"},
		{"Medications", "medicine"}, // a plural of "medication", case folded
		{"physician", "doctor"},
		{"in order to", "to"}, // a phrase, longest first
		{"hypertension", "high blood pressure"},
		{"discontinue", "stop"},
	}
	got := en.Find(text)
	if len(got) != len(want) {
		t.Fatalf("Find = %+v, want %d matches", got, len(want))
	}
	for i, g := range got {
		if text[g.Offset:g.End] != want[i].hard || g.Plain[0] != want[i].plain {
			t.Errorf("match %d = %q → %q, want %q → %q", i, text[g.Offset:g.End], g.Plain, want[i].hard, want[i].plain)
		}
	}
	// Words inside other words, and everyday words, are not matched:
	// "oral" is not in "moral", "order" alone is fine.
	if got := en.Find("A moral order, in a renal sentence about orchards and oral-like words."); len(got) != 1 || got[0].Plain[0] != "kidney" {
		t.Errorf("Find = %+v, want only renal", got)
	}
	// Inflections: utilized, utilizing, assisted, modifies.
	for _, w := range []string{"utilized", "utilizing", "assisted", "modifies", "modified", "facilitates", "approximately"} {
		if got := en.Find(w); len(got) != 1 {
			t.Errorf("Find(%q) = %+v", w, got)
		}
	}
}

func TestFindSpanish(t *testing.T) {
	es, ok := For("es-MX")
	if !ok {
		t.Fatal("no Spanish list")
	}
	text := "Si tiene Hipertensión, no utilice fármacos sin consultar. Con el fin de mejorar, realice ejercicio."
	var got []string
	for _, m := range es.Find(text) {
		got = append(got, text[m.Offset:m.End]+"→"+m.Plain[0])
	}
	// "consultar" is an everyday word; "utilice" and "realice" are listed
	// as the imperatives instructions use.
	want := "Hipertensión→presión alta|utilice→use|fármacos→medicina|Con el fin de→para|realice→haga"
	if strings.Join(got, "|") != want {
		t.Errorf("Find = %q, want %q", strings.Join(got, "|"), want)
	}
	// A plural whose accent moves: hipertensión, hipertensiones.
	if got := es.Find("Las hipertensiones y los fármacos."); len(got) != 2 {
		t.Errorf("plurals: %+v", got)
	}
	if _, ok := For("fr"); ok {
		t.Error("a French list exists")
	}
}

// TestLists: every entry has an alternative, and no hard form is listed
// twice.
func TestLists(t *testing.T) {
	for tag, l := range lists() {
		seen := map[string]bool{}
		n := 0
		for first, es := range l.byFirst {
			for _, e := range es {
				if e.words[0] != first {
					continue // an inflected form's key
				}
				key := strings.Join(e.words, " ")
				if seen[key] {
					t.Errorf("%s: %q listed twice", tag, key)
				}
				seen[key] = true
				if len(e.plain) == 0 {
					t.Errorf("%s: %q has no everyday word", tag, key)
				}
				n++
			}
		}
		t.Logf("%s: %d entries", tag, n)
		if n < 40 {
			t.Errorf("%s: only %d entries", tag, n)
		}
	}
}

// FuzzFind: any text gives matches in order, inside the text, not
// overlapping, each with an alternative.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "Utilize the physician's Medications in order to", "in order", "hipertensiones, fármacos; con el fin de", "\xff\xfe in  order\u00a0to", "a-b-c'd ’ -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tag := range []string{"en", "es"} {
			l, _ := For(tag)
			prev := 0
			for _, m := range l.Find(text) {
				if m.Offset < prev || m.End <= m.Offset || m.End > len(text) || len(m.Plain) == 0 {
					t.Fatalf("%s: bad match %+v after %d in %q", tag, m, prev, text)
				}
				prev = m.End
			}
		}
	})
}

// TestDefinedTerms: a hard term with its everyday words beside it in the
// same sentence is a definition, not jargon (issue 21, item 15); the same
// term elsewhere, or with the words in another sentence, is not.
func TestDefinedTerms(t *testing.T) {
	en, _ := For("en")
	for _, tc := range []struct {
		text    string
		defined []bool
	}{
		{"High blood pressure, or hypertension, can be treated.", []bool{true}},
		{"Hypertension (high blood pressure) strains the heart.", []bool{true}},
		{"High blood pressure, also called hypertension, is common.", []bool{true}},
		{"Medications, or medicines, help.", []bool{true}},
		{"Hypertension is common. High blood pressure can be treated.", []bool{false}},
		{"Hypertension is common and your physician checks it.", []bool{false, false}},
		{"Ask your doctor, a physician you trust, and take your medication.", []bool{true, false}},
	} {
		got := en.Find(tc.text)
		if len(got) != len(tc.defined) {
			t.Errorf("Find(%q) = %+v, want %d matches", tc.text, got, len(tc.defined))
			continue
		}
		for i, m := range got {
			if m.Defined != tc.defined[i] {
				t.Errorf("%q: %q Defined = %v, want %v", tc.text, tc.text[m.Offset:m.End], m.Defined, tc.defined[i])
			}
		}
	}
	es, _ := For("es")
	if got := es.Find("La presión alta, o hipertensión, se puede tratar."); len(got) != 1 || !got[0].Defined {
		t.Errorf("Spanish definition: %+v", got)
	}
}
