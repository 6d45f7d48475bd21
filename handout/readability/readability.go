// Package readability computes readability grades for patient-education
// text, the way health-literacy practice uses them: SMOG is the preferred
// measure (it predicts 100% comprehension rather than 50–75%), and the
// Flesch–Kincaid grade is reported alongside because many reviewers and
// word processors quote it.
//
// Both formulas only make sense over full sentences, so this package counts
// words and syllables only inside sentences that end in '.', '!' or '?'.
// Headings, labels and fragment bullets are dropped entirely: counting their
// words without a sentence would inflate words-per-sentence, and counting
// them as sentences would make a handout look easier than its prose is.
//
// # Text model
//
// The input is plain text or light Markdown. Blocks are separated by blank
// lines, Markdown headings ("# ..."), list items ("- ", "* ", "+ ", "• ",
// "1. ", "1) "), table rows ("| ...") and thematic breaks ("---", "==="); a
// sentence never spans two blocks, and words left over at the end of a block
// without terminal punctuation are a fragment and are not counted. Markdown
// heading lines are skipped whole, even "## What is ketamine?". A single
// newline inside a paragraph is just a space, because wrapped prose is far
// more common than a heading glued to its paragraph; a plain-text heading
// therefore needs a blank line after it (or terminal punctuation in the
// line before) to stay out of the next sentence.
//
// Emphasis characters (* _ ` ~), link brackets and the "(url)" part of
// "[text](url)" are ignored; the link text is counted. Images "![alt](src)"
// and autolinks/tags "<...>" are skipped whole, since a reader does not read
// them as prose. A bare URL or e-mail address counts as one one-syllable
// word. Em/en dashes, "--", '/' and '|' separate words.
//
// A word is any run containing a letter or a digit; hyphenated words are one
// word whose syllables are the sum of their parts ("well-being" = 3).
// Numbers are counted with one syllable per digit group ("7" = 1, "2025" =
// 1, "2.5" = 2, "1,000" = 2): reading "1,000" aloud is longer than "7", but
// the formulas were never calibrated on digits, and a simple, predictable
// rule matters more than precision here.
package readability

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Stats counts a text's full sentences, words, syllables and polysyllabic
// (3+ syllable) words.
type Stats struct {
	Sentences     int
	Words         int
	Syllables     int
	Polysyllables int
}

// Add returns the sum of two Stats (so a file's stats are the sum of its
// sections').
func (s Stats) Add(o Stats) Stats {
	return Stats{
		Sentences:     s.Sentences + o.Sentences,
		Words:         s.Words + o.Words,
		Syllables:     s.Syllables + o.Syllables,
		Polysyllables: s.Polysyllables + o.Polysyllables,
	}
}

// SMOG returns the SMOG grade:
//
//	1.0430*sqrt(polysyllables*30/sentences) + 3.1291
//
// ok is false when there are no sentences. (McLaughlin 1969; the normalised
// formula is valid for fewer than 30 sentences as used by health-literacy
// tools.)
func (s Stats) SMOG() (grade float64, ok bool) {
	if s.Sentences <= 0 {
		return 0, false
	}
	return 1.0430*math.Sqrt(float64(s.Polysyllables)*30/float64(s.Sentences)) + 3.1291, true
}

// FleschKincaid returns the Flesch–Kincaid grade:
//
//	0.39*(words/sentences) + 11.8*(syllables/words) - 15.59
//
// ok is false when there are no sentences or words.
func (s Stats) FleschKincaid() (grade float64, ok bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return 0, false
	}
	w, n := float64(s.Words), float64(s.Sentences)
	return 0.39*(w/n) + 11.8*(float64(s.Syllables)/w) - 15.59, true
}

// Sentence is one full sentence found by Sentences.
type Sentence struct {
	// Text is the verbatim source of the sentence, markup and line breaks
	// included, so that text[Offset:Offset+len(Text)] == Text and an editor
	// can highlight it in place.
	Text string
	// Words is the number of words counted in the sentence.
	Words int
	// Offset is the byte offset of the sentence start in text.
	Offset int
}

// Measure counts only full sentences in text: runs of words ending in '.',
// '!' or '?' (optionally followed by closing quotes/brackets). A trailing
// fragment without terminal punctuation (a heading, a fragment bullet) is
// not counted at all. Abbreviations such as "e.g.", "i.e.", "etc.", "Dr.",
// "vs.", "et al." and decimals like "2.5" do not end sentences; see the
// package documentation for how words, numbers and markup are counted.
//
// Abbreviations fall into two groups. Titles, Latin connectives and the
// like ("Dr.", "St.", "e.g.", "vs.", "et al.", "U.S.", and capitalised days
// and months such as "Mon." and "Jan.") never end a sentence inside a block,
// because the next word is routinely capitalised ("Dr. Lee", "e.g.
// Tylenol", "St. John's wort", "Mon.–Fri."). "etc.", "a.m.", "p.m.", other
// dotted initials and units such as "min." often do close a sentence, so
// they end one only when the next word starts with a capital letter ("…,
// nuts, etc. Drink water." is two sentences; "…, nuts, etc. every day." is
// one); an ellipsis behaves the same way. An abbreviation or ellipsis at the
// very end of a block always ends its sentence, as otherwise the whole
// sentence would be silently dropped. A single initial ("J. Smith") is not
// recognised and ends a sentence.
//
// Measure runs in time linear in len(text) and accepts any input, including
// invalid UTF-8.
func Measure(text string) Stats {
	var st Stats
	sc := scanner{text: text}
	sc.emit = func(_, _ int, p *pending) {
		st.Sentences++
		st.Words += p.words
		st.Syllables += p.syllables
		st.Polysyllables += p.polysyllables
	}
	sc.run()
	return st
}

// Sentences splits text into its full sentences (same rules as Measure), for
// reporting long sentences. It returns nil when text has no full sentence.
func Sentences(text string) []Sentence {
	var out []Sentence
	sc := scanner{text: text}
	sc.emit = func(start, end int, p *pending) {
		out = append(out, Sentence{Text: text[start:end], Words: p.words, Offset: start})
	}
	sc.run()
	return out
}

// term says how a token's trailing punctuation bears on the sentence.
type term uint8

const (
	termNone  term = iota
	termHard       // '.', '!' or '?': the sentence ends here
	termCond       // "etc.", "a.m.", "...": ends only before a capital or at block end
	termNever      // "Dr.", "e.g.": ends only at block end
)

// pending is the sentence being accumulated.
type pending struct {
	start, end    int
	words         int
	syllables     int
	polysyllables int
	last          term
}

type scanner struct {
	text string
	emit func(start, end int, p *pending)
	cur  pending

	buf     []byte // the current token with markup removed
	letters []byte // scratch for one lowercased letter run

	// Failed forward searches are remembered so that a pathological input
	// such as "![![![…" or "<a<a<a…" stays linear: a search for the same
	// closer that starts before a known failure point must fail too.
	noBracketBefore int
	noAngleBefore   int
}

func (s *scanner) run() {
	t := s.text
	i := 0
	newlines := 0
	lineStart := true
	lineIsBlock := false // the current line is a table row
	for i < len(t) {
		r, w := decodeRune(t, i)
		switch {
		case r == '\n' || r == '\u2028':
			newlines++
			lineStart = true
			i += w
			continue
		case r == '\u2029': // paragraph separator: a blank line by definition
			newlines += 2
			lineStart = true
			i += w
			continue
		case isSpace(r):
			i += w
			continue
		}
		if lineStart {
			lineStart = false
			if lineIsBlock || newlines >= 2 {
				s.boundary()
			}
			newlines = 0
			var brk bool
			i, brk, lineIsBlock = s.lineMarker(i)
			if brk {
				s.boundary()
			}
			continue
		}
		if n := separatorLen(t, i); n > 0 {
			i += n
			continue
		}
		i = s.token(i)
	}
	s.boundary()
}

// lineMarker inspects the first non-blank character of a line. It skips
// block markers (quote '>', list bullets and numbers) and whole heading and
// thematic-break lines, and reports whether a block boundary starts here
// and whether the whole line is its own block (a table row).
func (s *scanner) lineMarker(i int) (next int, boundary, lineBlock bool) {
	t := s.text
	// Block quotes are transparent: the quoted text is still prose.
	for i < len(t) && t[i] == '>' {
		i++
		for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
			i++
		}
	}
	if i >= len(t) {
		return i, false, false
	}
	if j, ok := ruleLine(t, i); ok {
		return j, true, false
	}
	switch c := t[i]; {
	case c == '#':
		j := i
		for j < len(t) && t[j] == '#' {
			j++
		}
		if j-i <= 6 && (j == len(t) || isBlankByte(t[j])) {
			// A heading is a label, not prose, even when it is phrased as a
			// question ("## What is ketamine?"): skip the whole line.
			for j < len(t) && t[j] != '\n' {
				j++
			}
			return j, true, false
		}
	case c == '|':
		return i + 1, true, true
	case c == '-' || c == '*' || c == '+':
		if i+1 == len(t) || isBlankByte(t[i+1]) {
			return i + 1, true, false
		}
	case c >= '0' && c <= '9':
		j := i
		for j < len(t) && j-i < 10 && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if j < len(t) && (t[j] == '.' || t[j] == ')') && (j+1 == len(t) || isBlankByte(t[j+1])) {
			return j + 1, true, false
		}
	default:
		r, w := decodeRune(t, i)
		if isBullet(r) && (i+w == len(t) || isBlankByte(t[i+w])) {
			return i + w, true, false
		}
	}
	return i, false, false
}

// ruleLine recognises a line made only of '-', '=', '*' or '_' (a thematic
// break or a setext heading underline) and returns the offset of its end.
// It scans at most one line, which the caller would scan anyway.
func ruleLine(t string, i int) (int, bool) {
	c := t[i]
	if c != '-' && c != '=' && c != '*' && c != '_' {
		return i, false
	}
	n := 0
	j := i
	for ; j < len(t) && t[j] != '\n'; j++ {
		switch t[j] {
		case c:
			n++
		case ' ', '\t', '\r':
		default:
			return i, false
		}
	}
	if n >= 3 || (c == '=' && n >= 1) {
		return j, true
	}
	return i, false
}

func (s *scanner) boundary() {
	if s.cur.words > 0 && (s.cur.last == termCond || s.cur.last == termNever) {
		s.flush()
	}
	s.cur = pending{}
}

func (s *scanner) flush() {
	s.emit(s.cur.start, s.cur.end, &s.cur)
	s.cur = pending{}
}

// token consumes one whitespace-delimited token starting at i, feeds it to
// the pending sentence and returns the offset after it.
func (s *scanner) token(i int) int {
	t := s.text
	start := i
	buf := s.buf[:0]
	url := hasURLPrefix(t, i)
	for i < len(t) {
		if c := t[i]; isASCIIAlnum(c) || c == '.' || c == ',' || c == '\'' {
			buf = append(buf, c) // the common case, kept cheap
			i++
			continue
		}
		r, w := decodeRune(t, i)
		if isSpace(r) {
			break
		}
		if url {
			buf = append(buf, t[i:i+w]...)
			i += w
			continue
		}
		if separatorLen(t, i) > 0 {
			break
		}
		switch r {
		case '*', '_', '`', '~', '\\', '#', '[', '\uFEFF', '\u200B', '\u200C', '\u200D', '\u00AD':
			i += w
			continue
		case ']':
			i += w
			if i < len(t) && t[i] == '(' {
				i = skipURL(t, i)
			}
			continue
		case '!':
			if i+1 < len(t) && t[i+1] == '[' {
				if j, ok := s.findInLine(t, i+2, ']', &s.noBracketBefore, false); ok {
					i = j + 1
					if i < len(t) && t[i] == '(' {
						i = skipURL(t, i)
					}
					continue
				}
			}
		case '<':
			if i+1 < len(t) && (isASCIILetter(t[i+1]) || t[i+1] == '/' || t[i+1] == '!') {
				if j, ok := s.findInLine(t, i+1, '>', &s.noAngleBefore, true); ok {
					i = j + 1
					continue
				}
			}
		}
		buf = append(buf, t[i:i+w]...)
		i += w
	}
	s.buf = buf
	if len(buf) > 0 {
		s.add(start, i, buf)
	}
	return i
}

// findInLine looks for c from offset from, giving up at a newline (or any
// blank when stopAtBlank). Failures are cached in *noBefore.
func (s *scanner) findInLine(t string, from int, c byte, noBefore *int, stopAtBlank bool) (int, bool) {
	if from < *noBefore {
		return 0, false
	}
	for j := from; j < len(t); j++ {
		switch b := t[j]; {
		case b == c:
			return j, true
		case b == '\n' || (stopAtBlank && isBlankByte(b)):
			*noBefore = j
			return 0, false
		}
	}
	*noBefore = len(t)
	return 0, false
}

// skipURL skips a Markdown link target "(…)" starting at the '(' at i,
// allowing balanced parentheses inside it. A target is never read as words,
// even when unterminated, which also keeps this linear: everything scanned
// is consumed.
func skipURL(t string, i int) int {
	depth := 0
	for ; i < len(t); i++ {
		switch t[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case ' ', '\t', '\n', '\r':
			return i
		}
	}
	return i
}

// add feeds one token (with markup removed) to the pending sentence.
func (s *scanner) add(start, end int, tok []byte) {
	isWord, upper := wordInfo(tok)
	if s.cur.last == termCond && s.cur.words > 0 && upper {
		s.flush()
	}
	s.cur.last = termNone
	if isWord {
		syl := 1
		if !isURLLike(tok) {
			syl = s.syllables(tok)
		}
		if s.cur.words == 0 {
			s.cur.start = start
		}
		s.cur.words++
		s.cur.syllables += syl
		if syl >= 3 {
			s.cur.polysyllables++
		}
	}
	if s.cur.words == 0 {
		return
	}
	s.cur.end = end
	switch k := terminal(tok); k {
	case termHard:
		s.flush()
	case termCond, termNever:
		s.cur.last = k
	}
}

// wordInfo reports whether tok contains a letter or digit, and whether its
// first letter or digit is an upper-case letter.
func wordInfo(tok []byte) (isWord, upper bool) {
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRune(tok[i:])
		i += w
		if r < utf8.RuneSelf {
			switch {
			case r >= 'A' && r <= 'Z':
				return true, true
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				return true, false
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true, unicode.IsUpper(r)
		}
	}
	return false, false
}

// terminal classifies the trailing punctuation of tok.
func terminal(tok []byte) term {
	j := len(tok)
	for j > 0 {
		r, w := utf8.DecodeLastRune(tok[:j])
		if !isCloser(r) {
			break
		}
		j -= w
	}
	if j == 0 {
		return termNone
	}
	r, _ := utf8.DecodeLastRune(tok[:j])
	switch r {
	case '!', '?', '‽', '！', '？':
		return termHard
	case '…':
		return termCond
	case '.':
	default:
		return termNone
	}
	k := j
	for k > 0 && tok[k-1] == '.' {
		k--
	}
	if j-k >= 2 { // "..." is an ellipsis, which may or may not end a sentence
		return termCond
	}
	core := tok[:k]
	for len(core) > 0 {
		r, w := utf8.DecodeRune(core)
		if !isOpener(r) {
			break
		}
		core = core[w:]
	}
	if len(core) == 0 || len(core) > maxAbbrevLen {
		return termHard
	}
	if capitalAbbreviations[string(core)] {
		return termNever
	}
	var low [maxAbbrevLen]byte
	for i, c := range core {
		if c >= utf8.RuneSelf {
			return termHard
		}
		low[i] = toLowerASCII(c)
	}
	key := low[:len(core)]
	if k, ok := abbreviations[string(key)]; ok {
		return k
	}
	if dottedInitials(key) {
		return termCond
	}
	return termHard
}

const maxAbbrevLen = 8

// abbreviations maps an abbreviation (lower case, final '.' removed) to how
// it behaves before the next word; see Measure.
var abbreviations = map[string]term{
	// Titles and Latin connectives: the next word is often capitalised.
	"dr": termNever, "mr": termNever, "mrs": termNever, "ms": termNever,
	"prof": termNever, "rev": termNever, "e.g": termNever, "i.e": termNever,
	"eg": termNever, "vs": termNever, "v": termNever, "al": termNever,
	"cf": termNever, "viz": termNever, "fig": termNever, "figs": termNever,
	"approx": termNever, "ca": termNever, "incl": termNever, "esp": termNever,
	"nb": termNever, "n.b": termNever, "st": termNever, "mt": termNever,
	"u.s": termNever, "u.k": termNever, // "St. John's wort", "the U.S. Food and Drug Administration"
	// Often sentence-final as well.
	"etc": termCond, "jr": termCond, "sr": termCond,
	"no": termCond, "nos": termCond, "inc": termCond, "ltd": termCond,
	"co": termCond, "corp": termCond, "dept": termCond, "tel": termCond,
	"ext": termCond, "vol": termCond, "min": termCond, "max": termCond,
	"hr": termCond, "hrs": termCond, "wk": termCond, "wks": termCond,
	"mo": termCond, "mos": termCond, "yr": termCond, "yrs": termCond,
	"oz": termCond, "lb": termCond, "lbs": termCond, "tsp": termCond,
	"tbsp": termCond, "ft": termCond, "misc": termCond,
}

// capitalAbbreviations are days and months, matched case-sensitively so
// that "Stay out of the sun." still ends a sentence. They never end one
// inside a block because clinic hours read "Mon.–Fri. 9 a.m. to 5 p.m.".
var capitalAbbreviations = map[string]bool{
	"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true,
	"Thurs": true, "Fri": true, "Sat": true, "Sun": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

// dottedInitials matches "a.m", "u.s", "b.i.d": single letters joined by
// dots, which are abbreviations rather than words.
func dottedInitials(b []byte) bool {
	if len(b) < 3 || len(b)%2 == 0 {
		return false
	}
	for i, c := range b {
		if i%2 == 0 {
			if !isASCIILetter(c) {
				return false
			}
		} else if c != '.' {
			return false
		}
	}
	return true
}

// isURLLike reports tokens a reader does not sound out: URLs, e-mail
// addresses and bare domains such as "988lifeline.org".
func isURLLike(tok []byte) bool {
	dot := -1
	for i, c := range tok {
		switch c {
		case '@':
			return i > 0 && i < len(tok)-1
		case ':':
			if i+2 < len(tok) && tok[i+1] == '/' && tok[i+2] == '/' {
				return true
			}
		case '.':
			if i > 0 && isASCIIAlnum(tok[i-1]) && i+1 < len(tok) && isASCIILetter(tok[i+1]) {
				dot = i
			}
		}
	}
	if dot < 0 {
		return false
	}
	if hasPrefixFold(tok, "www.") {
		return true
	}
	j := dot + 1
	for j < len(tok) && isASCIILetter(tok[j]) {
		j++
	}
	var tld [4]byte
	n := j - dot - 1
	if n < 2 || n > len(tld) {
		return false
	}
	for k := 0; k < n; k++ {
		tld[k] = toLowerASCII(tok[dot+1+k])
	}
	switch string(tld[:n]) {
	case "com", "org", "net", "gov", "edu", "io", "us", "uk", "ca", "au", "nz", "info", "mil", "int":
		return true
	}
	return false
}

func hasURLPrefix(t string, i int) bool {
	for i < len(t) && (t[i] == '(' || t[i] == '"' || t[i] == '\'' || t[i] == '[') {
		i++
	}
	rest := t[i:]
	return hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")
}

// hasPrefixFold reports whether b starts with the lower-case ASCII p,
// ignoring ASCII case.
func hasPrefixFold[T string | []byte](b T, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if toLowerASCII(b[i]) != p[i] {
			return false
		}
	}
	return true
}

// separatorLen returns the byte length of a word separator at t[i:], or 0.
func separatorLen(t string, i int) int {
	switch c := t[i]; c {
	case '/', '|':
		return 1
	case '-':
		if i+1 < len(t) && t[i+1] == '-' {
			j := i + 2
			for j < len(t) && t[j] == '-' {
				j++
			}
			return j - i
		}
		return 0
	case 0xE2: // U+2013 en dash, U+2014 em dash, U+2015 horizontal bar
		if i+2 < len(t) && t[i+1] == 0x80 && t[i+2] >= 0x93 && t[i+2] <= 0x95 {
			return 3
		}
	}
	return 0
}

func decodeRune(t string, i int) (rune, int) {
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r)
}

func isBlankByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func isBullet(r rune) bool {
	switch r {
	case '•', '◦', '‣', '▪', '▫', '●', '○', '■', '□', '–', '—', '·', '∙', '➢', '►', '✓', '✔':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '*', '_':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡':
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || (c >= '0' && c <= '9') }

func toLowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Syllables estimates the syllables of one English word (case-insensitive).
//
// Letters are counted with a vowel-group heuristic (see heuristicSyllables)
// backed by a small table of common words it gets wrong. Apostrophes inside
// a word are dropped ("don't" = 1, "didn't" = 2); any other non-letter
// splits the word into parts whose counts are added ("well-being" = 3), and
// each run of digits counts one syllable. A word with no letter or digit has
// 0 syllables; otherwise the result is at least 1.
func Syllables(word string) int {
	var run []byte
	return syllablesOf([]byte(word), &run)
}

func (s *scanner) syllables(tok []byte) int { return syllablesOf(tok, &s.letters) }

// syllablesOf sums the syllables of the letter runs and digit groups of
// tok, using *run as scratch space so that Measure does not allocate per
// word.
func syllablesOf(tok []byte, run *[]byte) int {
	total := 0
	r0 := (*run)[:0]
	aposAt := -1 // index in r0 of the letter that followed a dropped apostrophe
	inDigits := false
	flush := func() {
		if len(r0) > 0 {
			total += runSyllables(r0, aposAt)
		}
		r0 = r0[:0]
		aposAt = -1
	}
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRune(tok[i:])
		i += w
		if c, ok := foldLetter(r); ok {
			if c != 0 {
				r0 = append(r0, c)
			}
			inDigits = false
			continue
		}
		if isApostrophe(r) && len(r0) > 0 && i < len(tok) {
			if next, _ := utf8.DecodeRune(tok[i:]); isLetter(next) {
				aposAt = len(r0)
				continue
			}
		}
		flush()
		if unicode.IsDigit(r) {
			if !inDigits {
				total++
			}
			inDigits = true
		} else {
			inDigits = false
		}
	}
	flush()
	*run = r0
	return total
}

// foldLetter maps a letter to a lower-case ASCII byte for the heuristic.
// Accented Latin vowels fold to their base vowel so that "café" still has a
// vowel; other letters become 'x' (a consonant) so that a non-English word
// still counts at least one syllable. Combining marks return (0, true): they
// belong to the letter before and neither split nor extend the word.
func foldLetter(r rune) (byte, bool) {
	if r < utf8.RuneSelf {
		c := byte(r)
		if isASCIILetter(c) {
			return c | 0x20, true
		}
		return 0, false
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, true
	}
	if !unicode.IsLetter(r) {
		return 0, false
	}
	switch unicode.ToLower(r) {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'æ':
		return 'a', true
	case 'è', 'é', 'ê', 'ë':
		return 'e', true
	case 'ì', 'í', 'î', 'ï':
		return 'i', true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'œ':
		return 'o', true
	case 'ù', 'ú', 'û', 'ü':
		return 'u', true
	case 'ý', 'ÿ':
		return 'y', true
	case 'ç':
		return 'c', true
	case 'ñ':
		return 'n', true
	}
	return 'x', true
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// runSyllables counts one lower-case letter run. aposAt is where an
// apostrophe was dropped, or -1.
func runSyllables(w []byte, aposAt int) int {
	n := len(w)
	c := wordSyllables(w)
	// "-n't" is its own syllable after a consonant (did-n't, could-n't) but
	// merges after a vowel (don't, can't, won't).
	if aposAt == n-1 && n >= 3 && w[n-1] == 't' && w[n-2] == 'n' && !isAEIOU(w[n-3]) {
		c++
	}
	return c
}

// exceptionWords lists common words that the heuristic miscounts, or that
// matter too much in health text to leave to it. Counts follow dictionary
// syllabification. Regular plurals are derived ("ideas", "therapies",
// "businesses").
var exceptionWords = map[string]int{
	"people": 2, "every": 2, "different": 3, "being": 2, "area": 3, "idea": 3,
	"create": 2, "business": 2, "therapy": 3, "anxiety": 4, "psychotherapy": 5,
	"ketamine": 3, "esketamine": 4, "evidence": 3, "suicide": 3, "suicidal": 4,
	"behavior": 3, "behaviour": 3, "behavioral": 4, "behavioural": 4,
	"diabetes": 4, "pneumonia": 3, "nuclear": 3, "linear": 3, "hundred": 2,
	"maybe": 2, "lawyer": 2, "element": 3, "recipe": 3, "acne": 2, "cafe": 2,
	"wherever": 3, "evening": 2, "naked": 2, "wicked": 2, "sacred": 2,
	"poem": 2, "poet": 2, "heroin": 3, "argue": 2, "argued": 2, "ambiguous": 4,
	"wednesday": 2,
}

// compoundPrefixes split common compounds whose first part ends in a silent
// 'e' or is itself an exception ("some-one", "safe-ty", "every-thing"):
// the heuristic would otherwise hear the interior 'e'. vowelRest allows the
// second part to start with a vowel; it is off where that is usually a
// Greek root instead ("homeopathy").
var compoundPrefixes = []struct {
	prefix    string
	syl       int
	vowelRest bool
}{
	{"some", 1, true}, {"every", 2, true}, {"any", 2, true}, {"life", 1, true},
	{"home", 1, false}, {"care", 1, true}, {"there", 1, true}, {"where", 1, true},
	{"side", 1, true}, {"time", 1, true}, {"house", 1, true}, {"whole", 1, true},
	{"base", 1, true}, {"safe", 1, true}, {"like", 1, true}, {"love", 1, true},
	{"more", 1, true}, {"note", 1, true}, {"wide", 1, true}, {"hope", 1, true},
	{"use", 1, false},
}

func wordSyllables(w []byte) int {
	for _, cp := range compoundPrefixes {
		if len(w) < len(cp.prefix)+2 || w[0] != cp.prefix[0] || string(w[:len(cp.prefix)]) != cp.prefix {
			continue
		}
		if _, ok := exceptionWords[string(w)]; ok {
			break // a listed word such as "wherever" is not split
		}
		rest := w[len(cp.prefix):]
		if !hasVowelLetter(rest) || (isAEIOU(rest[0]) && !cp.vowelRest) {
			continue
		}
		// One split only: recursing would make "somesomesome…" quadratic.
		return cp.syl + simpleSyllables(rest)
	}
	return simpleSyllables(w)
}

// simpleSyllables is wordSyllables without compound splitting.
func simpleSyllables(w []byte) int {
	if len(w) <= maxExceptionLen+2 { // +2 for a plural ending
		if v, ok := exceptionWords[string(w)]; ok {
			return v
		}
		if v, ok := pluralException(w); ok {
			return v
		}
	}
	return heuristicSyllables(w)
}

// maxExceptionLen is the length of the longest key of exceptionWords.
var maxExceptionLen = func() int {
	n := 0
	for k := range exceptionWords {
		n = max(n, len(k))
	}
	return n
}()

// pluralException derives plurals of exceptionWords.
func pluralException(w []byte) (int, bool) {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return 0, false
	}
	if n <= 32 && w[n-3] == 'i' && w[n-2] == 'e' { // therapies -> therapy
		var k [32]byte
		m := copy(k[:], w[:n-3])
		k[m] = 'y'
		if v, ok := exceptionWords[string(k[:m+1])]; ok {
			return v, true
		}
	}
	if w[n-2] == 'e' { // businesses -> business + 1
		stem := w[:n-2]
		if endsSibilant(stem) {
			if v, ok := exceptionWords[string(stem)]; ok {
				return v + 1, true
			}
		}
	}
	stem := w[:n-1]
	if v, ok := exceptionWords[string(stem)]; ok {
		// evidence-s is one more; idea-s and create-s are not.
		if len(stem) >= 2 && stem[len(stem)-1] == 'e' && endsSibilant(stem[:len(stem)-1]) {
			v++
		}
		return v, true
	}
	return 0, false
}

func endsSibilant(w []byte) bool {
	n := len(w)
	if n == 0 {
		return false
	}
	switch w[n-1] {
	case 's', 'x', 'z', 'c', 'g':
		return true
	case 'h':
		return n >= 2 && (w[n-2] == 'c' || w[n-2] == 's')
	}
	return false
}

// heuristicSyllables counts vowel groups, then corrects for the spelling
// patterns that make English vowel groups and syllables differ:
//
//   - 'y' is a vowel except word-initially or between vowels (yes, be-yond);
//     'u' is a consonant after 'q' and in "gu"+vowel (quite, guide).
//   - some vowel pairs are two syllables (di-et, tri-al, ra-di-o, flu-id,
//     cru-el, go-ing, ar-e-a) unless a known digraph context applies
//     (-tion, -cial, -cient, sur-geon).
//   - a final 'e' is silent (make) except in consonant+"le"/"re" (ta-ble,
//     cen-tre); "-ed" is silent except after t/d (asked vs need-ed);
//     "-es" is silent except after sibilants (makes vs chang-es).
//   - a silent 'e' before -ly, -ment, -ful, -ness, -less (safe-ly, state-ment).
//   - "-ism" and "-thm" add a syllable (au-tis-m, rhy-thm).
//
// The result is at least 1.
func heuristicSyllables(w []byte) int {
	n := len(w)
	count := 0
	for i := 0; i < n; i++ {
		if !vowelAt(w, i) {
			continue
		}
		if i == 0 || !vowelAt(w, i-1) || splitsPair(w, i) {
			count++
		}
	}
	count -= silentEndings(w)
	count -= silentBeforeSuffix(w)
	if hasSuffix(w, "sm") || hasSuffix(w, "sms") || hasSuffix(w, "thm") || hasSuffix(w, "thms") {
		count++
	}
	if count < 1 {
		count = 1
	}
	return count
}

func vowelAt(w []byte, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u':
		if i > 0 && w[i-1] == 'q' {
			return false
		}
		if i > 0 && w[i-1] == 'g' && i+1 < len(w) && isAEIOU(w[i+1]) {
			return false
		}
		return true
	case 'y':
		if i == 0 {
			return false
		}
		return !(isAEIOU(w[i-1]) && i+1 < len(w) && isAEIOU(w[i+1]))
	}
	return false
}

// splitsPair reports whether the vowel at i starts a new syllable although
// the letter before it is a vowel too.
func splitsPair(w []byte, i int) bool {
	n := len(w)
	a, b := w[i-1], w[i]
	if a == 'y' { // dy-ing, em-bry-o; but dye, dyes
		return !(b == 'e' && (i == n-1 || (i == n-2 && (w[n-1] == 's' || w[n-1] == 'd'))))
	}
	if b == 'i' && i+3 <= n && w[i+1] == 'n' && w[i+2] == 'g' && (i+3 == n || (i+4 == n && w[n-1] == 's')) {
		return true // go-ing, see-ing, con-tin-u-ing
	}
	rest := w[i+1:]
	switch {
	case a == 'i' && b == 'a':
		if i >= 2 {
			switch w[i-2] {
			case 'c', 't', 's', 'g': // spe-cial, ini-tial, but ap-pre-ci-ate
				return hasPrefix(rest, "te") || hasPrefix(rest, "ti")
			}
		}
		return true
	case a == 'i' && b == 'o':
		if i >= 2 {
			switch w[i-2] {
			case 'c', 't', 's', 'g', 'x': // ac-tion, re-gion, anx-ious, but phys-i-ol-o-gy
				return hasPrefix(rest, "l")
			case 'n': // o-nion, se-nior
				return !(i >= 3 && isAEIOU(w[i-3]))
			case 'l': // mil-lion
				return !(i >= 3 && w[i-3] == 'l')
			}
		}
		return true
	case a == 'e' && b == 'o':
		return !(i >= 3 && (w[i-2] == 'g' || w[i-2] == 'c')) // sur-geon, but ge-ol-o-gy
	case a == 'u' && (b == 'a' || b == 'o'):
		return true // u-su-al, vir-tu-ous
	case a == 'u' && b == 'i':
		if len(rest) > 0 {
			switch rest[0] {
			case 'd', 'n': // flu-id, ru-in, gen-u-ine
				return true
			case 't': // in-tu-i-tive, but fruit, suit
				return hasPrefix(rest, "ti")
			}
		}
		return false
	case a == 'u' && b == 'e':
		return len(rest) > 0 && (rest[0] == 'l' || rest[0] == 'n' || rest[0] == 't') // cru-el, flu-ent
	case a == 'i' && b == 'e':
		if hasPrefix(rest, "t") { // di-et, qui-et, so-ci-e-ty
			return true
		}
		if n > 4 && (string(rest) == "r" || string(rest) == "rs" || string(rest) == "st") {
			return true // ear-li-er, eas-i-est
		}
		if len(rest) >= 2 && rest[0] == 'n' && (rest[1] == 'c' || rest[1] == 't') {
			if i >= 2 {
				switch w[i-2] {
				case 't', 'n': // pa-tient, con-ven-ient
					return false
				case 'c': // an-cient, ef-fi-cient, but sci-ence
					return i >= 3 && w[i-3] == 's'
				}
			}
			return true // cli-ent, ex-pe-ri-ence
		}
		return false
	case a == 'e' && b == 'a':
		switch {
		case i == n-1 && n >= 4, i == n-2 && n >= 5 && w[n-1] == 's': // ar-e-a, pan-cre-as
			return true
		case i >= 3 && w[i-3] == 'c' && w[i-2] == 'r' && hasPrefix(rest, "t") && !hasPrefix(rest, "tu"):
			return true // cre-ate, pan-cre-at-ic, but crea-ture
		case i == 2 && w[0] == 'r':
			for _, p := range [...]string{"react", "reali", "reass", "reapp", "readj", "rearr"} {
				if hasPrefix(w, p) {
					return true
				}
			}
		case i == 3 && hasPrefix(w, "idea"):
			return true
		}
		return false
	case a == 'i' && (b == 'u' || b == 'i'):
		return true // so-di-um, ski-ing
	case a == 'a' && b == 'o':
		return true // cha-os
	case a == 'o' && (b == 'o' || b == 'e'):
		// co-op-er-ate, co-or-di-nate, co-ex-ist
		return i == 2 && w[0] == 'c' && w[1] == 'o' && (b == 'e' || hasPrefix(rest, "p") || hasPrefix(rest, "r"))
	case a == 'e' && b == 'i': // re-im-burse, re-in-fec-tion, but reign
		return i == 2 && w[0] == 'r' && n > 5 && (rest[0] == 'm' || (rest[0] == 'n' && rest[1] != 'g'))
	case a == 'e' && b == 'u': // re-use, re-u-nite
		return i == 2 && w[0] == 'r'
	}
	return false
}

// silentEndings returns 1 when the word ends in a silent 'e', "-ed" or
// "-es" that the vowel-group count included.
func silentEndings(w []byte) int {
	n := len(w)
	switch {
	case n >= 3 && w[n-1] == 'e' && !vowelAt(w, n-2):
		c := w[n-2]
		if (c == 'l' || c == 'r') && !vowelAt(w, n-3) && w[n-3] != c {
			return 0 // ta-ble, cen-tre
		}
		return 1
	case n >= 4 && w[n-2] == 'e' && w[n-1] == 'd' && !vowelAt(w, n-3):
		switch c := w[n-3]; {
		case c == 't' || c == 'd': // need-ed, treat-ed
			return 0
		case c == 'l' && isStopOrF(w[n-4]): // han-dled, trou-bled
			return 0
		}
		return 1
	case n >= 4 && w[n-2] == 'e' && w[n-1] == 's' && !vowelAt(w, n-3):
		switch c := w[n-3]; {
		case c == 's' || c == 'x' || c == 'z' || c == 'c' || c == 'g': // dos-es, chang-es
			return 0
		case c == 'h' && (w[n-4] == 'c' || w[n-4] == 's'): // teach-es, wish-es
			if hasSuffix(w, "aches") && (n == 5 || !isAEIOU(w[n-6])) {
				return 1 // head-aches is /eɪks/
			}
			return 0
		case (c == 'l' || c == 'r') && !vowelAt(w, n-4) && w[n-4] != c: // ta-bles
			return 0
		}
		return 1
	}
	return 0
}

// silentESuffixes are checked longest first so that "grace-ful-ly" finds
// the 'e' before "fully", not before "ly".
var silentESuffixes = [...]string{"lessness", "fulness", "fully", "ments", "ment", "ness", "less", "ful", "ly"}

// silentBeforeSuffix returns 1 for a silent 'e' left inside a word by a
// consonant-initial suffix: VCe+suffix (safe-ly, state-ment, aware-ness) or
// a soft c/g/s/v + e (ad-vance-ment, im-mense-ly, in-volve-ment).
func silentBeforeSuffix(w []byte) int {
	n := len(w)
	if n < 6 {
		return 0
	}
	switch w[n-1] { // every suffix ends in one of these
	case 's', 'y', 't', 'l':
	default:
		return 0
	}
	for _, suf := range silentESuffixes {
		if n < len(suf)+4 || !hasSuffix(w, suf) {
			continue
		}
		j := n - len(suf) - 1
		if w[j] == 'e' && !vowelAt(w, j-1) {
			switch w[j-1] {
			case 'c', 'g', 's', 'v':
				return 1
			}
			if vowelAt(w, j-2) {
				return 1
			}
		}
		return 0
	}
	return 0
}

func isStopOrF(c byte) bool {
	switch c {
	case 'b', 'c', 'd', 'f', 'g', 'k', 'p', 't', 'z':
		return true
	}
	return false
}

func isAEIOU(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func hasVowelLetter(w []byte) bool {
	for _, c := range w {
		if isAEIOU(c) || c == 'y' {
			return true
		}
	}
	return false
}

func hasPrefix(w []byte, p string) bool { return len(w) >= len(p) && string(w[:len(p)]) == p }

func hasSuffix(w []byte, s string) bool { return len(w) >= len(s) && string(w[len(w)-len(s):]) == s }
