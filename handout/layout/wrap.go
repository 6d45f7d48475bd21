package layout

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/handout/fontset"
)

// Run is a stretch of input text in one style; URL is set for link text.
type Run struct {
	Text  string
	Style fontset.Style
	URL   string
}

// Piece is a stretch of a wrapped line in one style, at X from the line start.
type Piece struct {
	X     float64
	W     float64
	Text  string
	Style fontset.Style
	URL   string
	// Glyphs is the piece shaped, once a LineSetter has set the line
	// (SetLine); nil for text drawn character by character.
	Glyphs *fontset.GlyphRun
}

// Line is one wrapped line.
type Line struct {
	Pieces []Piece
	W      float64
}

// Text returns the line's characters.
func (l Line) Text() string {
	var b strings.Builder
	for _, p := range l.Pieces {
		b.WriteString(p.Text)
	}
	return b.String()
}

// token is a word (or part of one, when a style changes inside it), with
// whether a space precedes it.
type token struct {
	text   string
	style  fontset.Style
	url    string
	w      float64
	space  bool    // whitespace before this token
	spaceW float64 // width of that space
	join   bool    // continues the previous token's word (no break allowed before)
	soft   bool    // follows a soft hyphen: a break is allowed before it, shown as "-"
	brk    bool    // joined, but a line may break before it (WordBreaker): nothing is shown there
}

// A WordBreaker is a Measurer for text whose lines may break inside a
// run of text without spaces: Chinese and Japanese, which break between
// characters, except where punctuation forbids it. Breaks returns the
// byte offsets in word (which has no break spaces) before which a line
// may break, in increasing order, without 0 and len(word).
type WordBreaker interface {
	Measurer
	Breaks(word string) []int
}

// A LongWordBreaker is a Measurer that knows where a word of its script
// longer than a line may be cut: the line-break opportunities of UAX #14
// inside it (after a hyphen or a slash: "मधुमेह-उच्चरक्तचाप-…" breaks after
// each hyphen, so no line starts with one), as byte offsets in increasing
// order, without 0 and len(word). splitLong asks it about words with
// letters of a script other than Latin; addresses keep the Chicago rule.
type LongWordBreaker interface {
	Measurer
	LongBreaks(word string) []int
}

// softHyphen (U+00AD) marks where a word may break. It is never drawn: a
// line that breaks there ends in a visible hyphen instead.
const softHyphen = '\u00ad'

// IsBreakSpace is a space a line may break at. No-break spaces
// (fontset.IsNoBreakSpace) hold their words together and are printed as
// spaces.
func IsBreakSpace(r rune) bool {
	return unicode.IsSpace(r) && !fontset.IsNoBreakSpace(r)
}

// Wrap breaks runs into lines no wider than width: left-aligned, ragged
// right, hyphenated only where the writer put a soft hyphen (U+00AD), and
// never at a no-break space. Words longer than a line (URLs, pasted
// strings) are broken between characters, preferably after a slash or
// before a dot, never at a hyphen (a reader would type it), so nothing
// runs off the page. Each word is measured once, so the time is linear in
// the length of the text.
func Wrap(m Measurer, runs []Run, size, width float64) []Line {
	var w Wrapper
	return w.Wrap(m, runs, size, width)
}

// A Wrapper wraps as Wrap does, keeping its working memory from one text
// to the next: a document wraps hundreds of texts, and the words of each
// took more memory than its lines. The zero value is ready to use; a
// Wrapper is for one goroutine at a time.
type Wrapper struct {
	toks []token
	// measured holds the words of every text Measure measured, one after
	// another; it is only appended to, so each Measured's words stay put.
	measured []token
}

// Wrap is Wrap, reusing w's memory.
func (w *Wrapper) Wrap(m Measurer, runs []Run, size, width float64) []Line {
	toks := tokenize(w.toks[:0], m, runs, size)
	lines, _ := breakLines(m, toks, size, width, textLen(runs), false)
	w.toks = toks[:0]
	return lines
}

// Measured is a text's words measured at one size, to be wrapped at
// several widths: the summary's key points try up to three column widths
// at each type size, and measuring each word once for all of them is what
// keeps that search cheap.
type Measured struct {
	m     Measurer
	toks  []token
	size  float64
	bytes int // the text's length, what its lines' text may take
}

// Measure measures runs' words at size, for Lines and Count at any width.
// The result has its own memory: it stays valid across w's later calls.
func (w *Wrapper) Measure(m Measurer, runs []Run, size float64) Measured {
	from := len(w.measured)
	w.measured = tokenize(w.measured, m, runs, size)
	toks := w.measured[from:len(w.measured):len(w.measured)]
	return Measured{m: m, toks: toks, size: size, bytes: textLen(runs)}
}

// Lines is Wrap at width of the runs and size t was measured from, the
// same lines.
func (t Measured) Lines(width float64) []Line {
	lines, _ := breakLines(t.m, t.toks, t.size, width, t.bytes, false)
	return lines
}

// Count is how many lines Lines(width) has, without making them.
func (t Measured) Count(width float64) int {
	_, n := breakLines(t.m, t.toks, t.size, width, 0, true)
	return n
}

// textLen is the length in bytes of runs' text, which their lines' text
// never exceeds: a line's text is its words, a single space for the
// whitespace between them, and a hyphen (one byte) for a soft hyphen (two).
func textLen(runs []Run) int {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	return n
}

// breakLines breaks measured words into lines no wider than width and
// returns them, or with count set only their number (the lines are not
// made: no text is copied). textBytes sizes the lines' text.
func breakLines(m Measurer, toks []token, size, width float64, textBytes int, count bool) ([]Line, int) {
	// lines is breakLines' own, appended to here alone, not the builder's:
	// so its first backing array can live on the stack.
	var lines []Line
	b := lineBuilder{count: count}
	if !count {
		b.text.Grow(textBytes)
	}
	for i := 0; i < len(toks); {
		j, wordW, hyphenW := nextWord(m, toks, i, size, width)
		fitW := wordW + hyphenW
		space := 0.0
		if b.some && toks[i].space {
			space = toks[i].spaceW
		}
		if b.some && b.curW+space+fitW > width {
			if toks[i].soft {
				b.hyphen(m, size)
			}
			lines = b.endLine(lines, toks[i].space)
			space = 0
		}
		if wordW > width {
			lines = b.placeLong(lines, m, toks[i:j], size, width, space)
		} else {
			b.place(toks[i:j], b.curW+space)
		}
		i = j
	}
	if b.some {
		lines = b.endLine(lines, false)
	}
	return lines, b.n
}

// nextWord finds the word that starts at toks[i]: a token plus the tokens
// joined to it, up to a soft hyphen, where the next part of the word
// starts. It returns the index past the word, its width, and the width of
// the hyphen a break after it would print.
func nextWord(m Measurer, toks []token, i int, size, width float64) (j int, wordW, hyphenW float64) {
	j = i + 1
	wordW = toks[i].w
	// If the word goes on after a soft hyphen, leave room for the hyphen a
	// break there would print. A part that with its hyphen is wider than a
	// line could never end one: that break is passed over and the word
	// goes on, so a line never runs past its width by a hyphen.
	for {
		for j < len(toks) && toks[j].join && !toks[j].soft && !toks[j].brk {
			wordW += toks[j].w
			j++
		}
		if j == len(toks) || !toks[j].soft {
			return j, wordW, 0
		}
		if hw := m.Width("-", toks[j-1].style, size); wordW+hw <= width {
			return j, wordW, hw
		}
		wordW += toks[j].w
		j++
	}
}

// lineBuilder makes a text's lines, piece by piece, or only counts them.
// Where lines break depends on curW and some alone, which it keeps the same
// way whether it counts or makes lines.
type lineBuilder struct {
	cur  Line
	curW float64 // where the last token on cur ended, exactly
	some bool    // cur has a token
	// last is the style of the last token on cur: a hyphen ending the
	// line is set in it.
	last fontset.Style
	// count: only count the lines (n), making no pieces.
	count bool
	n     int
	// text holds every piece's text, one after another: a piece is a
	// slice of it (from is where the growing one starts), so a text's
	// lines take one allocation for their characters, not a few for each
	// piece. Strings already taken stay as they are when it grows.
	text strings.Builder
	from int
}

// take ends the growing piece's text and returns it.
func (b *lineBuilder) take() string {
	s := b.text.String()[b.from:]
	b.from = b.text.Len()
	return s
}

// endLine ends the line, which has a piece, and appends it to lines; the
// break space is kept at the end of the line's text (not its width) so text
// copied from the PDF keeps its spaces.
func (b *lineBuilder) endLine(lines []Line, breakSpace bool) []Line {
	b.n++
	w := b.curW
	b.curW, b.some = 0, false
	if b.count {
		return lines
	}
	if breakSpace {
		b.text.WriteByte(' ')
	}
	b.cur.Pieces[len(b.cur.Pieces)-1].Text = b.take()
	l := b.cur
	l.W = w
	b.cur = Line{}
	return append(lines, l)
}

// add puts a token at x on the current line, in the last piece when its
// style and link are the same.
func (b *lineBuilder) add(t token, x float64) {
	b.some, b.last = true, t.style
	if b.count {
		b.curW = x + t.w
		return
	}
	if n := len(b.cur.Pieces); n > 0 {
		last := &b.cur.Pieces[n-1]
		// curW is where the last token ended, exactly; last.X+last.W is
		// not (float rounding), and would read a joined word as two.
		if last.Style == t.style && last.URL == t.url {
			if x > b.curW {
				b.text.WriteByte(' ')
			}
			b.text.WriteString(t.text)
			last.W = x + t.w - last.X
			b.curW = x + t.w
			return
		}
		if x > b.curW {
			b.text.WriteByte(' ') // the space between words belongs to the word before
		}
		last.Text = b.take()
	}
	b.text.WriteString(t.text)
	b.cur.Pieces = append(b.cur.Pieces, Piece{X: x, W: t.w, Style: t.style, URL: t.url})
	b.curW = x + t.w
}

// hyphen ends a line broken at a soft hyphen.
func (b *lineBuilder) hyphen(m Measurer, size float64) {
	hw := m.Width("-", b.last, size)
	b.curW += hw
	if b.count {
		return
	}
	b.text.WriteByte('-')
	b.cur.Pieces[len(b.cur.Pieces)-1].W += hw
}

// placeLong places a word too long for any line character by character,
// after space, ending lines on lines as they fill.
func (b *lineBuilder) placeLong(lines []Line, m Measurer, word []token, size, width, space float64) []Line {
	for k, t := range word {
		if k == 0 {
			t.space = false
		}
		for _, part := range splitLong(m, t, size, width, b.curW+space) {
			if b.curW+space+part.w > width && b.some {
				lines = b.endLine(lines, false)
				space = 0
			}
			b.add(part, b.curW+space)
			space = 0
		}
	}
	return lines
}

// place puts a word's tokens one after another from x.
func (b *lineBuilder) place(word []token, x float64) {
	for _, t := range word {
		b.add(t, x)
		x += t.w
	}
}

// tokenize splits runs at whitespace into tokens. A style change inside a
// word ("**bold**,") makes a joined token, so the comma is never wrapped away
// from its word; a soft hyphen makes a joined token that may start a line.
func tokenize(toks []token, m Measurer, runs []Run, size float64) []token {
	n := 0
	for _, r := range runs {
		n += len(r.Text)
	}
	toks = slices.Grow(toks, n/5+1) // about a word in six bytes, plus soft hyphens
	pendingSpace := false
	var spaceStyle fontset.Style
	// The width of a space, measured once per style rather than once a
	// word: spaceWOf is the style it was measured in, if any.
	spaceW, spaceWOf := 0.0, fontset.Style(-1)
	wb, _ := m.(WordBreaker)
	for _, r := range runs {
		s := r.Text
		for len(s) > 0 {
			c, n := utf8.DecodeRuneInString(s)
			if IsBreakSpace(c) {
				pendingSpace = true
				spaceStyle = r.Style
				s = s[n:]
				continue
			}
			end := breakSpaceIn(s)
			soft := false
			for rest, more := s[:end], true; more; {
				var word string
				word, rest, more = strings.Cut(rest, string(softHyphen))
				if word == "" {
					soft = soft || len(toks) > 0
					continue
				}
				var breaks []int
				if wb != nil && r.URL == "" {
					breaks = wb.Breaks(word)
				}
				for k := 0; k <= len(breaks); k++ {
					from, to := 0, len(word)
					if k > 0 {
						from = breaks[k-1]
					}
					if k < len(breaks) {
						to = breaks[k]
					}
					part := word[from:to]
					t := token{text: part, style: r.Style, url: r.URL, w: m.Width(part, r.Style, size)}
					if pendingSpace {
						t.space = true
						if spaceWOf != spaceStyle {
							spaceW, spaceWOf = m.Width(" ", spaceStyle, size), spaceStyle
						}
						t.spaceW = spaceW
					} else if len(toks) > 0 {
						t.join = true
						t.soft = soft && k == 0
						t.brk = k > 0
					}
					pendingSpace = false
					toks = append(toks, t)
				}
				soft = true
			}
			s = s[end:]
		}
	}
	return toks
}

// breakSpaceIn is the index of the first break space in s, or len(s):
// strings.IndexFunc(s, IsBreakSpace), without decoding ASCII, nearly all
// of a handout.
func breakSpaceIn(s string) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsBreakSpace(r) {
			return i
		}
		i += n
	}
	return len(s)
}

// splitLong cuts a token into parts that fit, the first fitting in the room
// left on the current line. An address is cut only where the Chicago Manual
// of Style allows: after a slash ("//" as one), or before a dot, hyphen,
// question mark, number sign, underscore, tilde, percent, ampersand or
// equals sign, at the last such place that fits; never inside a word and
// never after a hyphen, which a reader would take for part of the address.
// When no such place fits in what is left of the line the part starts on
// the next; only a stretch with no such place wider than a whole line is
// cut between characters, so nothing runs off the page.
//
// A word in another script (letters not Latin, in a document whose
// Measurer is a LongWordBreaker) is cut where UAX #14 allows instead.
func splitLong(m Measurer, t token, size, width, used float64) []token {
	var parts []token
	room := width - used
	if room <= 0 {
		room = width
	}
	allowed := breaksBefore
	if lb, ok := m.(LongWordBreaker); ok && t.url == "" && otherScript(t.text) {
		at := map[int]bool{}
		for _, b := range lb.LongBreaks(t.text) {
			at[b] = true
		}
		allowed = func(_, _ rune, rest string) bool { return at[len(t.text)-len(rest)] }
	}
	start := 0
	w := 0.0             // width of t.text[start:i]
	cut, cutW := -1, 0.0 // the last allowed cut after start, and the width before it
	prev := rune(0)
	for i, c := range t.text {
		if i > start && allowed(prev, c, t.text[i:]) {
			cut, cutW = i, w
		}
		cw := m.Width(string(c), t.style, size)
		if w+cw > room && i > start {
			at, atW := i, w
			switch {
			case cut > start:
				at, atW = cut, cutW
			case room < width:
				// Nowhere to cut in what is left of the line: the
				// address starts on the next one, with a whole line.
				room = width
				if w+cw <= room {
					prev = c
					w += cw
					continue
				}
			}
			parts = append(parts, token{text: t.text[start:at], style: t.style, url: t.url, w: atW})
			w = m.Width(t.text[at:i], t.style, size)
			start = at
			room = width
			cut = -1
			if i > start && allowed(lastRuneOf(t.text[:i]), c, t.text[i:]) {
				cut, cutW = i, w
			}
		}
		w += cw
		prev = c
	}
	if start < len(t.text) {
		parts = append(parts, token{text: t.text[start:], style: t.style, url: t.url, w: w})
	}
	return parts
}

// breaksBefore reports whether an address may break before c, which follows
// prev and starts rest: after a slash that is not the first of "//", or
// before punctuation that a reader sees as the start of the next piece.
func breaksBefore(prev, c rune, rest string) bool {
	if prev == '/' && c != '/' {
		return true
	}
	if prev == '/' || prev == '-' {
		return false
	}
	switch c {
	case '.', '-', '?', '#', '_', '~', '%', '&', '=':
		return len(rest) > 1 // not before a final mark, which would sit alone
	}
	return false
}

// otherScript reports whether s has a letter of a script other than
// Latin: a word, not an address.
func otherScript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
