package format

import (
	"handouts/handout/layout"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The typographic pass: the few substitutions a typesetter would make, done
// in this one place, on the words of every text the formats print, so the
// PDF's text is predictable (see the README's "Writing content"):
//
//   - straight quotes become curly: I'm → I’m, "x" → “x”;
//   - a hyphen between two numbers of a range becomes an en dash: 5-12 →
//     5–12 (not in dates such as 2026-11-01, phone numbers such as 555-0199
//     or 1-800-273-8255, or a descending pair);
//   - a hyphen or double hyphen with a space on each side becomes a spaced
//     en dash: "symptoms - re-experiencing" → "symptoms – re-experiencing";
//   - no-break spaces where a line break would mislead: a number keeps with
//     the word after it ("988 Suicide", "4 hours") and with a word that
//     introduces it ("call 911", "text 988", "PMID 12345", "page 2"; see
//     numberWords), and a lone "/" or "&" keeps with the words beside it
//     ("call / 911"), and a spaced dash keeps with the word before it, so a
//     line never starts with one ("anxiety —" then "including").
//
// Words that look like addresses (with "://", "www.", "@" or a path) are
// left exactly as written, and link targets are never touched.

const nbsp = '\u00a0'

// typeset returns s with the substitutions above. prev and next are the
// characters printed just before and after s (' ' for none), so that a
// quote at the edge of a styled span is curled the right way.
func typeset(s string, prev, next rune) string {
	if !typesetBytes.in(s) {
		return s // nothing the pass changes: most of a handout's texts
	}
	return typesetWords(s, prev, next)
}

// typesetBytes are the bytes a text must hold for the pass to change it: a
// quote, a hyphen, a digit (a range, a number kept with its word), "/" or
// "&" (kept with the words beside them), and 0xE2, which starts "—" and "–"
// (a spaced dash kept with the word before it).
var typesetBytes = newByteSet("'\"-0123456789/&\xe2")

// typesetWords is typeset for a text that may change.
func typesetWords(s string, prev, next rune) string {
	if s == "" {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	// Each word is set knowing the words either side of it, so the text is
	// read with a window of three rather than cut into a slice of words
	// first, which took more memory than the text.
	var before word // words[i-1]; empty for the first word
	w, rest := nextWord(s)
	for w.text != "" {
		after, afterRest := nextWord(rest) // words[i+1]; empty for the last
		switch {
		case w.space:
			b.WriteString(joinSpace(w.text, before.text, after.text))
		case isAddress(w.text):
			b.WriteString(w.text)
		case (w.text == "-" || w.text == "--") && before.text != "" && after.text != "":
			// A hyphen with a space on each side is a dash.
			b.WriteString("–")
		default:
			l, r := prev, next
			if before.text != "" {
				l = lastRune(before.text)
			}
			if after.text != "" {
				r, _ = utf8.DecodeRuneInString(after.text)
			}
			b.WriteString(typesetWord(w.text, l, r))
		}
		before, w, rest = w, after, afterRest
	}
	return b.String()
}

// word is a run of non-space characters, or of spaces (space set).
type word struct {
	text  string
	space bool
}

// nextWord cuts the first word off s: its longest start that is all break
// spaces or holds none. At the end of s the word is empty.
func nextWord(s string) (word, string) {
	sp, end := false, 0
	for end < len(s) {
		// ASCII, nearly all of a handout, without decoding.
		isSp, n := false, 1
		if c := s[end]; c < utf8.RuneSelf {
			isSp = c == ' ' || c >= '\t' && c <= '\r'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[end:])
			isSp = layout.IsBreakSpace(r)
		}
		if end == 0 {
			sp = isSp
		} else if isSp != sp {
			break
		}
		end += n
	}
	return word{text: s[:end], space: sp}, s[end:]
}

// byteSet is a set of bytes, to scan a word for any of them in one pass
// (strings.IndexAny looks each character of a short s up in its set).
type byteSet [256]bool

func newByteSet(chars string) *byteSet {
	var set byteSet
	for i := 0; i < len(chars); i++ {
		set[chars[i]] = true
	}
	return &set
}

// in reports whether s holds any byte of set.
func (set *byteSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if set[s[i]] {
			return true
		}
	}
	return false
}

var (
	addressBytes = newByteSet(":/@")
	quoteBytes   = newByteSet("'\"-")
)

// joinSpace is what the spaces sp, between the words l and r, print as:
// one no-break space when the words must not part, else the spaces as
// written. At either end of a text (l or r empty) they are left alone.
func joinSpace(sp, l, r string) string {
	if l == "" || r == "" || sp != " " {
		return sp
	}
	switch {
	case isNumber(l) && isWord(r),
		isDigit(rune(r[0])) && isNumber(strings.TrimRight(r, ".,;:!?)")) && numberWords[strings.ToLower(l)],
		r == "/" || r == "&" || l == "/",
		// A spaced dash is bound to the word before it, so that a line
		// never opens with one: "anxiety —|including", not "anxiety|— including".
		isSpacedDash(r):
		return string(nbsp)
	}
	return sp
}

// isSpacedDash is a word that prints as a spaced dash: an em or en dash,
// or the hyphens the pass turns into one.
func isSpacedDash(w string) bool {
	return w == "—" || w == "–" || w == "-" || w == "--"
}

// numberWords are words that introduce the number after them, which a
// line break would leave dangling.
var numberWords = map[string]bool{"call": true, "text": true, "dial": true, "phone": true, "pmid": true, "pmid:": true,
	"page": true, "ext.": true, "ext": true, "no.": true, "room": true, "suite": true, "step": true, "línea": true, "llame": true, "al": true}

// isNumber is a bare number: digits, perhaps with separators inside
// ("1,000", "2.5", "5–12", "24/7").
func isNumber(s string) bool {
	if s == "" || !isDigit(rune(s[0])) || !isDigit(lastRune(s)) {
		return false
	}
	for _, r := range s {
		if !isDigit(r) && !strings.ContainsRune(".,-–/:", r) {
			return false
		}
	}
	return true
}

// isWord is a word of letters (an abbreviation such as "PMID" included),
// perhaps ending in punctuation.
func isWord(s string) bool {
	s = strings.TrimRightFunc(s, unicode.IsPunct)
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// isAddress reports a word that is, or holds, a web or email address.
func isAddress(w string) bool {
	// Nearly every word has none of ":/@" and does not start "www.": one
	// scan settles it.
	if !addressBytes.in(w) && !strings.Contains(w, "www.") {
		return false
	}
	if strings.Contains(w, "://") || strings.Contains(w, "@") || strings.HasPrefix(strings.TrimLeft(w, "(\"'“‘"), "www.") {
		return true
	}
	if !strings.Contains(w, "/") {
		return false
	}
	// A host name: a dot between letters, as in youtube.com/watch.
	for i := 1; i+1 < len(w); i++ {
		if w[i] == '.' && unicode.IsLetter(rune(w[i-1])) && unicode.IsLetter(rune(w[i+1])) {
			return true
		}
	}
	return false
}

func typesetWord(w string, before, after rune) string {
	if !quoteBytes.in(w) {
		return w
	}
	rs := []rune(w)
	out := make([]rune, 0, len(rs))
	for k, r := range rs {
		prev, next := before, after
		if k > 0 {
			prev = rs[k-1]
		}
		if k+1 < len(rs) {
			next = rs[k+1]
		}
		switch r {
		case '\'':
			if opens(prev) && !isDigit(next) {
				r = '‘'
			} else {
				r = '’' // an apostrophe, or a closing quote
			}
		case '"':
			if opens(prev) {
				r = '“'
			} else {
				r = '”'
			}
		case '-':
			if isRange(rs, k) {
				r = '–'
			}
		}
		out = append(out, r)
	}
	return string(out)
}

// opens reports whether a quote after r opens a quotation: after a space,
// the start of the text, an opening bracket or a dash.
func opens(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{“‘–—/-", r)
}

// isRange reports whether the hyphen at rs[k] joins the two numbers of a
// range: one hyphen between two whole numbers, the second larger and with no
// leading zero, and not the shape of a phone number (555-0199, 3 then 4
// digits) or a date or code with more hyphens.
func isRange(rs []rune, k int) bool {
	i := k
	for i > 0 && isDigit(rs[i-1]) {
		i--
	}
	j := k + 1
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	a, b := string(rs[i:k]), string(rs[k+1:j])
	if a == "" || b == "" || b[0] == '0' || len(b) > 4 || len(a) > 4 {
		return false
	}
	// Nothing number-like may touch the pair: 1-800-273, 2026-11-01, 2.5-3.
	if i > 0 && strings.ContainsRune("0123456789-.,/:", rs[i-1]) ||
		j < len(rs) && strings.ContainsRune("0123456789-.,/:", rs[j]) && !(rs[j] == '.' || rs[j] == ',') {
		return false
	}
	if j+1 < len(rs) && (rs[j] == '.' || rs[j] == ',') && isDigit(rs[j+1]) {
		return false
	}
	if len(a) == 3 && len(b) == 4 {
		return false // a local phone number
	}
	return atoi(a) < atoi(b)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
