package format

import (
	"math/rand/v2"
	"strings"
	"testing"

	"handouts/handout/content"
	"handouts/handout/layout"
)

func TestTypeset(t *testing.T) {
	const nb = "\u00a0"
	for in, want := range map[string]string{
		"I'm fine":                             "I’m fine",
		`She said "rest" and 'sleep'.`:         "She said “rest” and ‘sleep’.",
		`("I'm not alone")`:                    "(“I’m not alone”)",
		"the '90s":                             "the ’90s",
		"patients' notes":                      "patients’ notes",
		"Take 5-12 mg":                         "Take 5–12" + nb + "mg",
		"ages 12-18, or 2019-2020.":            "ages 12–18, or 2019–2020.",
		"reviewed 2026-11-01":                  "reviewed 2026-11-01",
		"call 555-0199 or 1-800-273-8255":      "call" + nb + "555-0199" + nb + "or 1-800-273-8255",
		"a score of 12-5":                      "a score of 12-5",
		"a score of 5-5":                       "a score of 5-5",
		"call 555-1234 today":                  "call" + nb + "555-1234" + nb + "today",
		"COVID-19 and re-experiencing":         "COVID-19 and re-experiencing",
		"2.5-3 hours":                          "2.5-3" + nb + "hours",
		"symptoms - re-experiencing":           "symptoms" + nb + "– re-experiencing",
		"wait -- then rest":                    "wait" + nb + "– then rest",
		"anxiety — including":                  "anxiety" + nb + "— including",
		"a format – not":                       "a format" + nb + "– not",
		"PMID 12345":                           "PMID" + nb + "12345",
		"call 911.":                            "call" + nb + "911.",
		"call / 911.":                          "call" + nb + "/" + nb + "911.",
		"988 Suicide & Crisis Lifeline":        "988" + nb + "Suicide" + nb + "& Crisis Lifeline",
		"for 4 hours":                          "for 4" + nb + "hours",
		"see https://x.org/a-b?'q'=\"1\" 5-12": "see https://x.org/a-b?'q'=\"1\" 5–12",
		"PMID: 12345, page 2":                  "PMID:" + nb + "12345, page" + nb + "2",
		"Text 988 or Llame al 911":             "Text" + nb + "988" + nb + "or Llame al" + nb + "911",
		"youtube.com/watch-it 'x'":             "youtube.com/watch-it ‘x’",
		"mail care@x.org's desk":               "mail care@x.org's desk",
		"plain words":                          "plain words",
		"  two  spaces ":                       "  two  spaces ",
	} {
		if got := typeset(in, ' ', ' '); got != want {
			t.Errorf("typeset(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	// Quotes at a span's edge curl by the neighbouring span.
	if got := typeset("\"", 'd', ' '); got != "”" {
		t.Errorf("closing quote after a word in another span: %q", got)
	}
}

func TestRunsShortAddress(t *testing.T) {
	for in, want := range map[string]string{
		"Watch [this video](https://www.youtube.com/watch?v=abc).":                  "Watch this video (youtube.com/watch?v=abc).",
		"See [example.org](https://example.org/).":                                  "See example.org.",
		"See [the guide](https://example.org/).":                                    "See the guide (example.org).",
		"Call [911](tel:911) or [our desk](tel:+15550100199).":                      "Call 911 or our desk (+15550100199).",
		"Call [(555) 010-0199](tel:+15550100199).":                                  "Call (555) 010-0199.",
		"Write to [us](mailto:care@x.org?subject=Hi).":                              "Write to us (care@x.org).",
		"[wiki](https://en.wikipedia.org/wiki/Sleep_(disambiguation))":              "wiki (en.wikipedia.org/wiki/Sleep_(disambiguation))",
		"[**Bold** words](https://x.org/a-b-c)":                                     "Bold words (x.org/a-b-c)",
		"[https://www.x.org/p](https://www.x.org/p) and [x.org/p](https://x.org/p)": "https://www.x.org/p and x.org/p",
	} {
		var b strings.Builder
		for _, r := range runs(inline(in), 0) {
			b.WriteString(r.Text)
		}
		if got := strings.ReplaceAll(b.String(), "\u00a0", " "); got != want {
			t.Errorf("%q\n got %q\nwant %q", in, got, want)
		}
	}
}

// nextWord cuts text into runs that are all break spaces or hold none,
// alternating, which together are the text: on ASCII, on the Unicode
// spaces (break and no-break) and on invalid UTF-8.
func TestNextWord(t *testing.T) {
	splitWords := func(s string) []word {
		var out []word
		for w, rest := nextWord(s); w.text != ""; w, rest = nextWord(rest) {
			out = append(out, w)
		}
		return out
	}
	rng := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "Ω", "1", " ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2003", "\u202f", "\u2007", "\u3000", "\xff", "é"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		words := splitWords(s)
		var back strings.Builder
		for i, w := range words {
			back.WriteString(w.text)
			if w.text == "" {
				t.Fatalf("%q: empty word %d", s, i)
			}
			if i > 0 && w.space == words[i-1].space {
				t.Fatalf("%q: words %d and %d are both space=%v", s, i-1, i, w.space)
			}
			for _, r := range w.text {
				if layout.IsBreakSpace(r) != w.space {
					t.Fatalf("%q: word %q (space=%v) holds %U", s, w.text, w.space, r)
				}
			}
		}
		if back.String() != s {
			t.Fatalf("%q: words make %q", s, back.String())
		}
	}
}

// inline is the spans of text's inline markup.
func inline(text string) []content.Span {
	spans, _ := content.ParseInlineStray(text)
	return spans
}

// typeset returns a text holding none of typesetBytes as it is, without
// reading its words: the same text the whole pass makes of it.
func TestTypesetUnchangedText(t *testing.T) {
	words := []string{"take", "it", "I'm", "5-12", "call", "988", "a", "/", "&", "—", "–", "-", "--", "“quoted”", "naïve",
		"www.example.org", "youtube.com/watch", "x@y.org", "PMID:", "1,000", "page", "room", "anxiety", "(CBT,", "DBT)", "\"x\"", "2026-11-01"}
	rng := rand.New(rand.NewPCG(7, 8))
	seps := []string{" ", "  ", "\n", "\u00a0", " \t"}
	for range 5000 {
		var b strings.Builder
		for i := range rng.IntN(12) {
			if i > 0 {
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		s := b.String()
		for _, edge := range []rune{' ', '(', 'x', '"'} {
			if got, want := typeset(s, edge, edge), typesetWords(s, edge, edge); got != want {
				t.Fatalf("typeset(%q) = %q, the whole pass makes %q", s, got, want)
			}
		}
		if !typesetBytes.in(s) && typeset(s, ' ', ' ') != s {
			t.Fatalf("typeset(%q) changed a text with nothing to set", s)
		}
	}
}
