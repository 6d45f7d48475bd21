package content

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseInlineStray splits text into styled spans. The only markup is **bold**,
// *italic* and [words](https://link); anything else is literal text. Stars
// pair as CommonMark's emphasis does: an opening star sits against the
// start of a word and a closing one against its end, so "2*3 tablets",
// "5 * 4 * 3" and a footnote mark ("Ibuprofen*") print as written, and a
// star with a digit on both sides is never emphasis. It runs in time linear
// in the length of text.
//
// It also returns the byte offsets of stray markers: stars that look like
// the start or end of emphasis but have no partner, and so print as
// written. The writer may have meant italics.
func ParseInlineStray(text string) ([]Span, []int) {
	var p inlineParser
	p.run(text, false, false)
	return p.finish(), p.stray
}

type inlineParser struct {
	out []Span
	// text is the text of the last span of out, still growing: adding to
	// a string instead would copy it at each piece, which is quadratic
	// for text like "**a****b****c**".
	text strings.Builder
	// pieces, when track is set, records where each piece of plain text
	// came from in the raw text.
	track  bool
	pieces []piece
	plain  int // length of the plain text so far
	// stray holds the offsets of unpaired markers that could have opened
	// or closed emphasis.
	stray []int
	// flags marks, byte by byte of the text parsed, backslashes that
	// escape the next character, the characters they escape, and the
	// bytes of bare web addresses; nil when the text has none of these.
	flags []uint8
}

// What a byte of the text is, besides itself (inlineParser.flags).
const (
	escaper uint8 = 1 << iota // a backslash that makes the next character literal; not printed
	escaped                   // a character made literal by a backslash
	address                   // part of a bare web address: never markup
)

func (p *inlineParser) flag(i int) uint8 {
	if p.flags == nil {
		return 0
	}
	return p.flags[i]
}

// literal reports whether byte i of the text is text whatever it is:
// escaped, or inside a bare web address.
func (p *inlineParser) literal(i int) bool { return p.flag(i)&(escaped|address) != 0 }

// piece is a run of plain text copied from raw text: plain text from
// offset plain on is raw text from offset raw on.
type piece struct{ plain, raw int }

// emit adds raw text s, found at offset raw of the text parsed, in a style.
func (p *inlineParser) emit(s string, raw int, bold, italic bool, url string) {
	if s == "" {
		return
	}
	if p.track {
		p.pieces = append(p.pieces, piece{plain: p.plain, raw: raw})
		p.plain += len(s)
	}
	if n := len(p.out); n > 0 {
		last := &p.out[n-1]
		if last.Bold == bold && last.Italic == italic && last.URL == url {
			p.text.WriteString(s)
			return
		}
		last.Text = p.text.String()
		p.text.Reset()
	}
	p.out = append(p.out, Span{Bold: bold, Italic: italic, URL: url})
	p.text.WriteString(s)
}

// emitText emits raw text s, found at offset raw, without the backslashes
// that escape a character.
func (p *inlineParser) emitText(s string, raw int, bold, italic bool, url string) {
	if p.flags == nil {
		p.emit(s, raw, bold, italic, url)
		return
	}
	from := 0
	for i := range len(s) {
		if p.flags[raw+i] == escaper {
			p.emit(s[from:i], raw+from, bold, italic, url)
			from = i + 1
		}
	}
	p.emit(s[from:], raw+from, bold, italic, url)
}

func (p *inlineParser) finish() []Span {
	if n := len(p.out); n > 0 {
		p.out[n-1].Text = p.text.String()
	}
	return p.out
}

// RawOffsets returns a function that maps a byte offset of t's plain text
// (PlainText(t.Spans), what a reader sees) to the offset of the same
// character in t.Raw, which may hold markup before it. It parses t once;
// call it once per text when mapping many offsets.
func (t Text) RawOffsets() func(off int) int {
	if len(t.Spans) <= 1 && PlainText(t.Spans) == t.Raw {
		return func(off int) int { return off }
	}
	p := inlineParser{track: true}
	p.run(t.Raw, false, false)
	pieces := p.pieces
	return func(off int) int {
		i := sort.Search(len(pieces), func(i int) bool { return pieces[i].plain > off }) - 1
		if i < 0 {
			return off
		}
		return pieces[i].raw + off - pieces[i].plain
	}
}

// run parses text in two passes: links first (they may contain emphasis),
// then emphasis. Markers outside links pair across them, so that
// "**Call [911](tel:911) now**" is bold throughout; markers inside a link's
// words pair among themselves.
//
// Before either, a backslash before one of *_[]()\ makes that character
// literal (CommonMark's escapes, for the characters that are or look like
// markup here), and a bare web address (https://…, http://…, www.…) is
// left as typed, stars and backslashes included.
func (p *inlineParser) run(text string, bold, italic bool) {
	p.flags = escapes(text)
	links := p.findLinks(text)
	p.addresses(text, links)
	p.styled(text, 0, links, bold, italic, "")
}

// escapable are the characters a backslash makes literal.
const escapable = `*_[]()\`

// escapes marks the escapes of text, or returns nil when it has none (and
// no web address, which addresses marks in the same slice).
func escapes(text string) []uint8 {
	if !strings.ContainsRune(text, '\\') && !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return nil
	}
	flags := make([]uint8, len(text))
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\\' && strings.IndexByte(escapable, text[i+1]) >= 0 {
			flags[i], flags[i+1] = escaper, escaped
			i++
		}
	}
	return flags
}

// addresses marks the bare web addresses of text, outside the links'
// destinations (which are addresses already), as literal: a star or
// backslash in one is part of it. An address runs to the next space and
// leaves out the punctuation that ends a sentence or closes a bracket
// around it, as GitHub's autolinks do. Escapes inside an address are
// undone: its backslashes print.
func (p *inlineParser) addresses(text string, links []link) {
	if p.flags == nil {
		return
	}
	mark := func(from, to int) {
		for i := from; i < to; {
			start := nextAddress(text, i, to)
			if start < 0 {
				return
			}
			end := start
			for end < to && strings.IndexByte(" \t\n\r<", text[end]) < 0 {
				end++
			}
			// Stars at its end close emphasis only if some opened it.
			end = trimAddress(text[start:end], strings.Contains(text[from:start], "*")) + start
			for k := start; k < end; k++ {
				p.flags[k] = address
			}
			i = max(end, start+1)
		}
	}
	at := 0
	for _, l := range links {
		mark(at, l.start)
		mark(l.textStart, l.textEnd)
		at = l.end
	}
	mark(at, len(text))
}

// nextAddress returns where the next web address in text[from:to] starts,
// or -1: "http://", "https://" or "www." at the start of a word.
func nextAddress(text string, from, to int) int {
	for i := from; i < to; i++ {
		c := text[i] | 0x20
		if c != 'h' && c != 'w' {
			continue
		}
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue
			}
		}
		rest := strings.ToLower(text[i:min(to, i+8)])
		if strings.HasPrefix(rest, "https://") || strings.HasPrefix(rest, "http://") || strings.HasPrefix(rest, "www.") && len(rest) > 4 {
			return i
		}
	}
	return -1
}

// trimAddress returns the length of the address at the start of s once
// the trailing characters that end a sentence or markup around it are
// left out: ?!.,:;_~'" and a ) that closes nothing in the address, and
// stars when stars stands open before it.
func trimAddress(s string, stars bool) int {
	for len(s) > 0 {
		c := s[len(s)-1]
		switch {
		case strings.IndexByte("?!.,:;_~'\"", c) >= 0, c == '*' && stars:
			s = s[:len(s)-1]
		case c == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return len(s)
		}
	}
	return 0
}

type link struct {
	start, end         int // the whole [words](url)
	textStart, textEnd int
	url                string
}

// findLinks finds [words](url) where url has no spaces. Parentheses inside
// the url must balance, as in CommonMark, so that
// https://en.wikipedia.org/wiki/Sleep_(disambiguation) keeps its ")".
// A "next closing bracket" table and one destination scan per closing
// bracket keep a text full of unmatched brackets linear.
func (p *inlineParser) findLinks(text string) []link {
	if !strings.Contains(text, "](") {
		return nil
	}
	n := len(text)
	nextClose := make([]int32, n+1) // next ']' at or after i
	nextClose[n] = -1
	for i := n - 1; i >= 0; i-- {
		nextClose[i] = nextClose[i+1]
		if text[i] == ']' && !p.literal(i) {
			nextClose[i] = int32(i)
		}
	}
	// dest[c] is the end of the destination after "](" at c, once scanned;
	// every '[' before c whose words end at c shares it.
	dest := map[int]int{}
	var out []link
	for i := 0; i < n; i++ {
		if text[i] != '[' || p.literal(i) {
			continue
		}
		c := int(nextClose[i+1])
		if c < 0 {
			break
		}
		if c+1 >= n || text[c+1] != '(' || c == i+1 {
			continue
		}
		e, ok := dest[c]
		if !ok {
			e = p.destinationEnd(text, c+2)
			dest[c] = e
		}
		if e < 0 {
			continue
		}
		out = append(out, link{start: i, end: e + 1, textStart: i + 1, textEnd: c, url: p.unescape(text, c+2, e)})
		i = e
	}
	return out
}

// destinationEnd returns the index of the ')' that closes a link
// destination starting at from, or -1: a destination holds no spaces or
// '[', and its parentheses balance.
func (p *inlineParser) destinationEnd(text string, from int) int {
	depth := 0
	for j := from; j < len(text); j++ {
		if p.flag(j) != 0 {
			if text[j] == '[' {
				// An escaped '[' is still one: a destination never holds
				// it, or the printed address would carry a bracket.
				return -1
			}
			continue // an escaped parenthesis is part of the address
		}
		switch text[j] {
		case ' ', '\t', '\n', '\r', '[':
			return -1
		case '(':
			depth++
		case ')':
			if depth == 0 {
				if j == from {
					return -1
				}
				return j
			}
			depth--
		}
	}
	return -1
}

// unescape returns text[from:to] without its escaping backslashes.
func (p *inlineParser) unescape(text string, from, to int) string {
	if p.flags == nil {
		return text[from:to]
	}
	var b strings.Builder
	for i := from; i < to; i++ {
		if p.flags[i] != escaper {
			b.WriteByte(text[i])
		}
	}
	return b.String()
}

// delim is a run of stars. Pairing takes stars from the inner ends of the
// runs: an opener's from its right, a closer's from its left.
type delim struct {
	at, n             int // the run is s[at:at+n]
	left, right       int // stars still unused at each end
	canOpen, canClose bool
}

// scanDelims appends the star runs of text[from:to], in order, with what
// each can do. A run opens emphasis when it sits against the start of a
// word (left-flanking, as CommonMark says) and closes it when it sits
// against the end of one. A star between two digits ("2*3") does neither.
func (p *inlineParser) scanDelims(text string, base, from, to int, out []delim) []delim {
	for i := from; i < to; i++ {
		if text[i] != '*' || p.literal(base+i) {
			continue
		}
		j := i
		for j < to && text[j] == '*' && !p.literal(base+j) {
			j++
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if i == 0 {
			before = ' '
		}
		if j == len(text) {
			after = ' '
		}
		d := delim{at: i, n: j - i}
		sb, sa := unicode.IsSpace(before), unicode.IsSpace(after)
		pb, pa := isPunct(before), isPunct(after)
		d.canOpen = !sa && (!pa || sb || pb)
		d.canClose = !sb && (!pb || sa || pa)
		if isDigit(before) && isDigit(after) {
			d.canOpen, d.canClose = false, false
		}
		out = append(out, d)
		i = j - 1
	}
	return out
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// toggle is a stretch of stars that turns bold or italic on or off.
type toggle struct {
	at, size int
}

// pair matches closers with the nearest open opener before them, as
// CommonMark's emphasis rule does (without its "multiple of 3" rule): two
// stars each make bold, one italic. It returns the toggles in text order;
// the stars of a run that no pair uses are literal.
func pair(ds []delim) []toggle {
	var open []int // indices into ds of openers with stars left
	var out []toggle
	for k := range ds {
		d := &ds[k]
		d.left, d.right = 0, d.n // right: stars not yet used as a closer
		if d.canClose {
			for d.right > 0 && len(open) > 0 {
				o := &ds[open[len(open)-1]]
				use := 1
				if o.left >= 2 && d.right >= 2 {
					use = 2
				}
				used := d.n - d.right
				out = append(out, toggle{at: o.at + o.left - use, size: use}, toggle{at: d.at + used, size: use})
				o.left -= use
				d.right -= use
				if o.left == 0 {
					open = open[:len(open)-1]
				}
			}
		}
		if d.canOpen && d.right > 0 {
			// Stars left over after closing can open again, counted
			// from the run's right end.
			d.left = d.right
			d.at += d.n - d.right
			d.n = d.right
			d.right = 0
			open = append(open, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at < out[j].at })
	return out
}

// styled emits s, found at offset base of the text parsed, with its star
// runs paired into bold and italic; a star without a partner stays literal.
// links (in order, within s) are opaque to those markers; each link's words
// get their own pass.
func (p *inlineParser) styled(s string, base int, links []link, b, it bool, url string) {
	var ds []delim
	at := 0
	for _, l := range links {
		ds = p.scanDelims(s, base, at, l.start, ds)
		at = l.end
	}
	ds = p.scanDelims(s, base, at, len(s), ds)
	orig := make([]delim, len(ds))
	copy(orig, ds)
	toggles := pair(ds)
	// A run with stars left that could open or close is stray.
	used := map[int]int{}
	for _, t := range toggles {
		used[t.at] += t.size
	}
	for _, d := range orig {
		if !d.canOpen && !d.canClose {
			continue
		}
		n := 0
		for k := d.at; k < d.at+d.n; k++ {
			n += used[k]
		}
		if n < d.n {
			p.stray = append(p.stray, base+d.at)
		}
	}
	at = 0
	ti, li := 0, 0
	for {
		const atEnd, atToggle, atLink = 0, 1, 2
		next, kind := len(s), atEnd
		if ti < len(toggles) && toggles[ti].at < next {
			next, kind = toggles[ti].at, atToggle
		}
		if li < len(links) && links[li].start < next {
			next, kind = links[li].start, atLink
		}
		p.emitText(s[at:next], base+at, b, it, url)
		switch kind {
		case atEnd:
			return
		case atToggle:
			t := toggles[ti]
			if t.size == 2 {
				b = !b
			} else {
				it = !it
			}
			at = next + t.size
			ti++
		case atLink:
			l := links[li]
			li++
			p.styled(s[l.textStart:l.textEnd], base+l.textStart, nil, b, it, l.url)
			at = l.end
		}
	}
}

// PlainText returns the text of spans without markup, as a reader sees it.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
