// Package plainwords suggests everyday words for hard ones: "utilize" →
// "use", "physician" → "doctor", "hypertension" → "high blood pressure".
// The English list comes from public-domain US federal plain-language lists
// (plainlanguage.gov and CDC); en.txt and es.txt say which entries come
// from where. The lists are embedded in the binary and parsed once.
package plainwords

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed en.txt es.txt
var files embed.FS

// List is one language's hard words and their everyday alternatives.
type List struct {
	// byFirst maps the first word of each hard form to its entries,
	// longest first, so that "in order to" wins over a shorter entry.
	// Inflected forms of one-word entries ("medications", "utilized") are
	// keys too, made once when the list is parsed, so that matching is one
	// lookup per word.
	byFirst map[string][]entry
}

type entry struct {
	words []string // the hard form, in lower case, word by word
	plain []string
	// plainWords are the alternatives in lower case, word by word, for
	// finding a definition beside the hard form.
	plainWords [][]string
}

// Match is one hard word or phrase found in a text.
type Match struct {
	Offset, End int      // byte offsets of the hard form in the text
	Plain       []string // everyday alternatives, best first
	// Defined is true when the sentence gives an everyday alternative
	// right beside the hard form, as in "high blood pressure, or
	// hypertension" or "hypertension (high blood pressure)": the writer
	// teaches the term, which is good practice, not jargon.
	Defined bool
}

var lists = sync.OnceValue(func() map[string]*List {
	return map[string]*List{
		"en": parse("en.txt", englishForms),
		"es": parse("es.txt", spanishForms),
	}
})

// For returns the list for a BCP 47 tag ("en-US", "es-MX"), or false when
// there is none.
func For(tag string) (*List, bool) {
	primary, _, _ := strings.Cut(tag, "-")
	l, ok := lists()[strings.ToLower(primary)]
	return l, ok
}

func parse(name string, inflect func(string) []string) *List {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err) // embedded: a missing file is a build defect
	}
	l := &List{byFirst: map[string][]entry{}}
	var single []entry
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		hard, plain, ok := strings.Cut(line, "|")
		words := strings.Fields(strings.ToLower(hard))
		if !ok || len(words) == 0 {
			panic(fmt.Sprintf("plainwords/%s:%d: want `hard | plain; plain`", name, n))
		}
		e := entry{words: words}
		for _, p := range strings.Split(plain, ";") {
			if p = strings.TrimSpace(p); p != "" {
				e.plain = append(e.plain, p)
				var ws []string
				for _, t := range tokens(p) {
					ws = append(ws, t.lower)
				}
				if len(ws) > 0 {
					e.plainWords = append(e.plainWords, ws)
				}
			}
		}
		if len(words) == 1 {
			single = append(single, e)
		}
		list := append(l.byFirst[words[0]], e)
		for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		l.byFirst[words[0]] = list
	}
	// Listed forms win over made ones: "orally" is listed, not "oral"+"ly".
	for _, e := range single {
		for _, form := range inflect(e.words[0]) {
			if _, listed := l.byFirst[form]; !listed {
				l.byFirst[form] = []entry{e}
			}
		}
	}
	return l
}

// token is one word of a text: its offsets and lower-case form.
type token struct {
	start, end int
	lower      string
}

// Find returns the hard words and phrases of text, in order, none
// overlapping. It runs in time linear in len(text): each word is looked up
// once, and each lookup tries a handful of entries of at most a few words.
//
// A match whose everyday alternative stands within a few words of it, in
// the same sentence, is Defined.
func (l *List) Find(text string) []Match {
	toks := tokens(text)
	var out []Match
	for i := 0; i < len(toks); {
		e, n := l.match(toks[i:])
		if n == 0 {
			i++
			continue
		}
		out = append(out, Match{Offset: toks[i].start, End: toks[i+n-1].end, Plain: e.plain, Defined: defined(text, toks, i, i+n, e)})
		i += n
	}
	return out
}

// definitionReach is how many words either side of a hard form are
// searched for its everyday alternative: "high blood pressure, also
// called hypertension" needs five.
const definitionReach = 8

// defined reports whether one of e's everyday alternatives stands within
// definitionReach words of toks[from:to], with no sentence end between.
// The work per match is bounded, so Find stays linear.
func defined(text string, toks []token, from, to int, e entry) bool {
	lo := from
	for lo > 0 && from-lo < definitionReach && !sentenceEnd(text[toks[lo-1].end:toks[lo].start]) {
		lo--
	}
	hi := to
	for hi < len(toks) && hi-to < definitionReach && !sentenceEnd(text[toks[hi-1].end:toks[hi].start]) {
		hi++
	}
	for _, ws := range e.plainWords {
		for k := lo; k+len(ws) <= hi; k++ {
			if k+len(ws) > from && k < to {
				continue // overlaps the hard form itself
			}
			ok := true
			for j, w := range ws {
				if !sameWord(toks[k+j].lower, w) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// sentenceEnd reports whether the text between two words ends a sentence
// or a clause that stands alone.
func sentenceEnd(between string) bool { return strings.ContainsAny(between, ".!?;\n") }

// sameWord matches a word of the text to a word of an alternative,
// allowing a plural or other short ending: "medicines" for "medicine".
func sameWord(tok, w string) bool {
	return tok == w || strings.HasPrefix(tok, w) && len(tok)-len(w) <= 2
}

// match finds the longest entry starting at toks[0] and the number of
// words it covers.
func (l *List) match(toks []token) (entry, int) {
	for _, e := range l.byFirst[toks[0].lower] {
		if len(e.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(e.words); k++ {
			if toks[k].lower != e.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return e, len(e.words)
		}
	}
	return entry{}, 0
}

// tokens splits text into words: runs of letters, with an apostrophe or a
// hyphen inside a word kept ("children's", "short-term").
func tokens(text string) []token {
	var out []token
	start := -1
	for i := 0; i <= len(text); {
		r, w := rune(0), 1
		if i < len(text) {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		inWord := unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’' || r == '-') && i+w < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+w:])
			inWord = unicode.IsLetter(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, token{start, i, strings.ToLower(text[start:i])})
			start = -1
		}
		i += w
	}
	return out
}

// englishForms are the inflected forms of a word: medication-s,
// approach-es, modif-ies/-ied, utilize-d/-s, assist-ed/-ing, utiliz-ing.
func englishForms(w string) []string {
	forms := []string{w + "s", w + "es", w + "ed", w + "ing"}
	switch {
	case strings.HasSuffix(w, "e"):
		forms = append(forms, w+"d", w[:len(w)-1]+"ing")
	case strings.HasSuffix(w, "y"):
		forms = append(forms, w[:len(w)-1]+"ies", w[:len(w)-1]+"ied")
	}
	return forms
}

// spanishForms are the plurals of a word: fármaco-s, hipertensión-es.
func spanishForms(w string) []string {
	forms := []string{w + "s", w + "es"}
	// An accent on the last syllable goes in the plural: hipertensiones.
	if r := []rune(w); len(r) > 2 {
		switch r[len(r)-2] {
		case 'á', 'é', 'í', 'ó', 'ú':
			plain := map[rune]rune{'á': 'a', 'é': 'e', 'í': 'i', 'ó': 'o', 'ú': 'u'}[r[len(r)-2]]
			forms = append(forms, string(r[:len(r)-2])+string(plain)+string(r[len(r)-1])+"es")
		}
	}
	return forms
}
