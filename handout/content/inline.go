package content

import "strings"

// ParseInline splits text into styled spans. The only markup is **bold**,
// *italic* and [words](https://link); anything else, including a marker with
// no partner, is literal text, so a stray asterisk never swallows a
// paragraph. It runs in time linear in the length of text.
func ParseInline(text string) []Span {
	var p inlineParser
	p.run(text, false, false)
	return p.out
}

type inlineParser struct{ out []Span }

func (p *inlineParser) emit(s string, bold, italic bool, url string) {
	if s == "" {
		return
	}
	if n := len(p.out); n > 0 {
		last := &p.out[n-1]
		if last.Bold == bold && last.Italic == italic && last.URL == url {
			last.Text += s
			return
		}
	}
	p.out = append(p.out, Span{Text: s, Bold: bold, Italic: italic, URL: url})
}

// run parses text in two passes: links first (they may contain emphasis),
// then emphasis in the stretches between them.
func (p *inlineParser) run(text string, bold, italic bool) {
	links := findLinks(text)
	at := 0
	for _, l := range links {
		p.emphasis(text[at:l.start], bold, italic, "")
		p.emphasis(text[l.textStart:l.textEnd], bold, italic, l.url)
		at = l.end
	}
	p.emphasis(text[at:], bold, italic, "")
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

// emphasis pairs ** markers in order, then * markers among what is left; an
// odd marker out stays literal.
func (p *inlineParser) emphasis(s string, bold, italic bool, url string) {
	if !strings.Contains(s, "*") {
		p.emit(s, bold, italic, url)
		return
	}
	type marker struct {
		at, size int
	}
	var doubles, singles []marker
	for i := 0; i < len(s); i++ {
		if s[i] != '*' {
			continue
		}
		if i+1 < len(s) && s[i+1] == '*' {
			doubles = append(doubles, marker{i, 2})
			i++
			continue
		}
		singles = append(singles, marker{i, 1})
	}
	if len(doubles)%2 == 1 {
		doubles = doubles[:len(doubles)-1]
	}
	if len(singles)%2 == 1 {
		singles = singles[:len(singles)-1]
	}
	// Merge the two ordered lists and toggle styles at each marker.
	at, di, si := 0, 0, 0
	b, it := bold, italic
	for di < len(doubles) || si < len(singles) {
		var m marker
		if si >= len(singles) || di < len(doubles) && doubles[di].at < singles[si].at {
			m = doubles[di]
			di++
		} else {
			m = singles[si]
			si++
		}
		p.emit(s[at:m.at], b, it, url)
		if m.size == 2 {
			b = !b
		} else {
			it = !it
		}
		at = m.at + m.size
	}
	p.emit(s[at:], b, it, url)
}

// PlainText returns the text of spans without markup, as a reader sees it.
func PlainText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
