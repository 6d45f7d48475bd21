package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/plainwords"
)

// maxPerWord is how many places of one hard word get a note; the rest are
// counted in one note, so a handout that says "medication" forty times is
// not buried.
const maxPerWord = 3

// PlainWords notes an everyday word for each hard one (a plain-language
// list's "utilize → use"), at the place it was typed. References are left
// alone: they cite titles as published. Languages without a list get
// nothing.
func PlainWords(h *content.Handout) diag.List {
	list, ok := plainwords.For(h.Language)
	if !ok {
		return nil
	}
	var out diag.List
	seen := map[string]int{}
	taught := terms{}
	more := 0
	h.Texts(func(field string, t *content.Text) {
		if field == "reference" {
			return
		}
		text := content.PlainText(t.Spans)
		var toRaw func(int) int
		for _, m := range list.Find(text) {
			if taught.saw(m) {
				continue
			}
			hard := text[m.Offset:m.End]
			key := strings.ToLower(hard)
			if seen[key]++; seen[key] > maxPerWord {
				more++
				continue
			}
			if toRaw == nil {
				toRaw = t.RawOffsets()
			}
			out.Notef(t.PosAt(toRaw(m.Offset)), "plain language: %q → %s", hard, alternatives(hard, m.Plain))
		}
	})
	if more > 0 {
		out.Notef(diag.Pos{File: h.File}, "%d more uses of the hard words noted above (each is noted at its first %d places)", more, maxPerWord)
	}
	return out
}

// terms are the hard terms a handout has defined so far, in reading
// order: PEMAT-P asks that a medical term be used only to teach it, and
// once it is taught, the reader knows it.
type terms map[string]bool

// saw records m and reports whether it needs no note: the sentence
// defines it, or an earlier one did.
func (t terms) saw(m plainwords.Match) bool {
	key := strings.Join(m.Plain, ";")
	if m.Defined {
		t[key] = true
	}
	return t[key]
}

// alternatives quotes the everyday words, capitalised like the hard word
// so that a sentence's first word is suggested as one.
func alternatives(hard string, plain []string) string {
	first, _ := utf8.DecodeRuneInString(hard)
	var q []string
	for _, p := range plain {
		if unicode.IsUpper(first) {
			r, w := utf8.DecodeRuneInString(p)
			p = string(unicode.ToUpper(r)) + p[w:]
		}
		q = append(q, `"`+p+`"`)
	}
	return strings.Join(q, " or ")
}
