package readability

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is one full sentence found by Read.
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

// Reading is what one pass over a text finds.
type Reading struct {
	Stats
	// Sentences are the full sentences, in order; nil when there is none.
	Sentences []Sentence
	// Long are the words inside full sentences with at least the
	// language's LongWord syllables, in order: the words that weigh most
	// on a grade.
	Long []Word
}

// Word is one word as written in a text.
type Word struct {
	Text      string // the word without the punctuation around it
	Offset    int    // byte offset of Text in the text
	Syllables int
}

// Read counts the full sentences of text and collects them and its long
// words, in one pass that is linear in len(text).
//
// Read counts only full sentences in text: runs of words ending in '.',
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
// It runs in time linear in len(text) and accepts any input, including
// invalid UTF-8.
func (l *Language) Read(text string) Reading {
	var r Reading
	sc := scanner{text: text, lang: l}
	var long []Word // of the pending sentence, kept only if it completes
	sc.onWord = func(start, end, syl int) {
		if syl >= l.LongWord {
			long = append(long, trimWord(text, start, end, syl))
		}
	}
	sc.onDrop = func() { long = long[:0] }
	sc.emit = func(start, end int, p *pending) {
		r.Sentences = append(r.Sentences, Sentence{Text: text[start:end], Words: p.words, Offset: start})
		r.Stats.Sentences++
		r.Words += p.words
		r.Syllables += p.syllables
		r.Polysyllables += p.polysyllables
		r.Letters += p.letters
		r.Long = append(r.Long, long...)
		long = long[:0]
	}
	sc.run()
	return r
}

// trimWord strips the punctuation around a token.
func trimWord(text string, start, end, syl int) Word {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		end -= w
	}
	return Word{Text: text[start:end], Offset: start, Syllables: syl}
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
	letters       int
	last          term
}

type scanner struct {
	text string
	lang *Language
	emit func(start, end int, p *pending)
	// onWord sees each word of the pending sentence; onDrop says that the
	// words seen since the last emit were a fragment and do not count.
	onWord func(start, end, syllables int)
	onDrop func()
	cur    pending

	buf     []byte // the current token with markup removed
	letters []byte // scratch for one lowercased letter run

}

func (s *scanner) run() {
	t := s.text
	i := 0
	newlines := 0
	for i < len(t) {
		r, w := decodeRune(t, i)
		switch {
		case r == '\n' || r == '\u2028':
			newlines++
			i += w
			continue
		case r == '\u2029': // paragraph separator: a blank line by definition
			newlines += 2
			i += w
			continue
		case isSpace(r):
			i += w
			continue
		}
		if newlines >= 2 {
			s.boundary()
		}
		newlines = 0
		if n := separatorLen(t, i); n > 0 {
			i += n
			continue
		}
		i = s.token(i)
	}
	s.boundary()
}

func (s *scanner) boundary() {
	if s.cur.words > 0 && (s.cur.last == termCond || s.cur.last == termNever) {
		s.flush()
	}
	if s.onDrop != nil {
		s.onDrop()
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
		if !url && separatorLen(t, i) > 0 {
			break
		}
		switch r {
		case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u00AD':
			// Invisible: a zero-width space or a soft hyphen does not split
			// a word the reader sees as one.
		default:
			buf = append(buf, t[i:i+w]...)
		}
		i += w
		if isIdeographicStop(r) {
			// Chinese and Japanese put no space after a full stop: the
			// next sentence starts right after it and its closing quotes.
			for i < len(t) {
				r, w := decodeRune(t, i)
				if !isCloser(r) {
					break
				}
				buf = append(buf, t[i:i+w]...)
				i += w
			}
			break
		}
	}
	s.buf = buf
	if len(buf) > 0 {
		s.add(start, i, buf)
	}
	return i
}

// add feeds one token to the pending sentence.
func (s *scanner) add(start, end int, tok []byte) {
	if s.cur.words == 0 && listNumber(tok) {
		// "1." or "2)" typed before a step: a reader does not read it as a
		// one-word sentence, and counting it so would make steps look easy.
		return
	}
	isWord, upper := wordInfo(tok)
	if s.cur.last == termCond && s.cur.words > 0 && upper {
		s.flush()
	}
	s.cur.last = termNone
	if isWord {
		syl, url := 1, isURLLike(tok)
		if !url {
			syl = s.lang.syllables(tok, &s.letters)
		}
		if s.lang.countLetters {
			if url {
				s.cur.letters += 2 // a bare address counts as short as a one-syllable word
			} else {
				s.cur.letters += letterCount(tok)
			}
		}
		if s.cur.words == 0 {
			s.cur.start = start
		}
		s.cur.words++
		s.cur.syllables += syl
		if s.onWord != nil {
			s.onWord(start, end, syl)
		}
		if syl >= 3 {
			s.cur.polysyllables++
		}
	}
	if s.cur.words == 0 {
		return
	}
	s.cur.end = end
	switch k := terminal(tok, s.lang); k {
	case termHard:
		s.flush()
	case termCond, termNever:
		s.cur.last = k
	}
}

// letterCount counts the letters of tok.
func letterCount(tok []byte) int {
	n := 0
	for i := 0; i < len(tok); {
		r, w := utf8.DecodeRune(tok[i:])
		i += w
		if r < utf8.RuneSelf && isASCIILetter(byte(r)) || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// listNumber matches a list number typed by hand: one to three digits and
// a '.' or ')'.
func listNumber(tok []byte) bool {
	n := len(tok)
	if n < 2 || n > 4 || (tok[n-1] != '.' && tok[n-1] != ')') {
		return false
	}
	for _, c := range tok[:n-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
