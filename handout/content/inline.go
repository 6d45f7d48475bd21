package content

import (
	"sort"
	"strings"
)

// ParseInline splits text into styled spans. The only markup is **bold**,
// *italic* and [words](https://link); anything else, including a marker with
// no partner, is literal text, so a stray asterisk never swallows a
// paragraph. It runs in time linear in the length of text.
func ParseInline(text string) []Span {
	var p inlineParser
	p.run(text, false, false)
	return p.finish()
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
}

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
func (p *inlineParser) run(text string, bold, italic bool) {
	p.styled(text, 0, findLinks(text), bold, italic, "")
}

type link struct {
	start, end         int // the whole [words](url)
	textStart, textEnd int
	url                string
}

// findLinks finds [words](url) where url has no spaces. Precomputed "next
// closing bracket" tables keep a text full of unmatched brackets linear.
func findLinks(text string) []link {
	if !strings.Contains(text, "](") {
		return nil
	}
	n := len(text)
	nextClose := make([]int32, n+1) // next ']' at or after i
	nextParen := make([]int32, n+1) // next ')' at or after i
	nextClose[n], nextParen[n] = -1, -1
	for i := n - 1; i >= 0; i-- {
		nextClose[i], nextParen[i] = nextClose[i+1], nextParen[i+1]
		switch text[i] {
		case ']':
			nextClose[i] = int32(i)
		case ')':
			nextParen[i] = int32(i)
		}
	}
	var out []link
	for i := 0; i < n; i++ {
		if text[i] != '[' {
			continue
		}
		c := int(nextClose[i+1])
		if c < 0 {
			break
		}
		if c+1 >= n || text[c+1] != '(' || c == i+1 {
			continue
		}
		e := int(nextParen[c+2])
		if e < 0 {
			break
		}
		url := text[c+2 : e]
		if url == "" || strings.ContainsAny(url, " \t\n[") {
			continue
		}
		out = append(out, link{start: i, end: e + 1, textStart: i + 1, textEnd: c, url: url})
		i = e
	}
	return out
}

type marker struct {
	at, size int
}

// scanMarkers appends the ** and * markers of text[from:to], in order.
func scanMarkers(text string, from, to int, doubles, singles []marker) ([]marker, []marker) {
	for i := from; i < to; i++ {
		if text[i] != '*' {
			continue
		}
		if i+1 < to && text[i+1] == '*' {
			doubles = append(doubles, marker{i, 2})
			i++
			continue
		}
		singles = append(singles, marker{i, 1})
	}
	return doubles, singles
}

// styled emits s, found at offset base of the text parsed, pairing **
// markers in order, then * markers among what is left; an odd marker out
// stays literal. links (in order, within s) are opaque to those markers;
// each link's words get their own pass.
func (p *inlineParser) styled(s string, base int, links []link, b, it bool, url string) {
	var doubles, singles []marker
	at := 0
	for _, l := range links {
		doubles, singles = scanMarkers(s, at, l.start, doubles, singles)
		at = l.end
	}
	doubles, singles = scanMarkers(s, at, len(s), doubles, singles)
	doubles = doubles[:len(doubles)&^1]
	singles = singles[:len(singles)&^1]
	at = 0
	di, si, li := 0, 0, 0
	for {
		const atEnd, atDouble, atSingle, atLink = 0, 1, 2, 3
		next, kind := len(s), atEnd
		if di < len(doubles) && doubles[di].at < next {
			next, kind = doubles[di].at, atDouble
		}
		if si < len(singles) && singles[si].at < next {
			next, kind = singles[si].at, atSingle
		}
		if li < len(links) && links[li].start < next {
			next, kind = links[li].start, atLink
		}
		p.emit(s[at:next], base+at, b, it, url)
		switch kind {
		case atEnd:
			return
		case atDouble:
			b, at = !b, next+2
			di++
		case atSingle:
			it, at = !it, next+1
			si++
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
