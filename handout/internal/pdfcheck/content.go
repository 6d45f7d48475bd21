package pdfcheck

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
)

// Content streams: every painting operator must be inside marked content
// that is an artifact or carries an MCID (PDF/UA 7.1-3), sequences must
// close on the page they open (a sequence may not span content streams),
// and each MCID's text is kept for comparing with the tree.

type pdfName string // a name operand, without its slash

type operator string

// lexer reads content-stream objects.
type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return strings.IndexByte("()<>[]{}/%", c) >= 0
}

// next returns the next object or operator; ok is false at the end.
func (l *lexer) next() (v any, ok bool) {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isSpace(c) {
			l.i++
			continue
		}
		if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
			continue
		}
		break
	}
	if l.i >= len(l.b) {
		return nil, false
	}
	c := l.b[l.i]
	switch {
	case c == '/':
		j := l.i + 1
		for j < len(l.b) && !isSpace(l.b[j]) && !isDelim(l.b[j]) {
			j++
		}
		v, l.i = pdfName(l.b[l.i+1:j]), j
		return v, true
	case c == '(':
		return l.literal(), true
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		d := map[string]any{}
		for {
			k, ok := l.next()
			if !ok || k == operator(">>") {
				return d, true
			}
			val, _ := l.next()
			if n, isName := k.(pdfName); isName {
				d[string(n)] = val
			}
		}
	case c == '<':
		j := l.i + 1
		var h []byte
		for j < len(l.b) && l.b[j] != '>' {
			if !isSpace(l.b[j]) {
				h = append(h, l.b[j])
			}
			j++
		}
		l.i = j + 1
		if len(h)%2 == 1 {
			h = append(h, '0')
		}
		out := make([]byte, len(h)/2)
		for k := range out {
			n, _ := strconv.ParseUint(string(h[2*k:2*k+2]), 16, 8)
			out[k] = byte(n)
		}
		return out, true
	case c == '>' && l.i+1 < len(l.b) && l.b[l.i+1] == '>':
		l.i += 2
		return operator(">>"), true
	case c == '[':
		l.i++
		var a []any
		for {
			v, ok := l.next()
			if !ok || v == operator("]") {
				return a, true
			}
			a = append(a, v)
		}
	case c == ']':
		l.i++
		return operator("]"), true
	}
	j := l.i
	for j < len(l.b) && !isSpace(l.b[j]) && !isDelim(l.b[j]) {
		j++
	}
	if j == l.i {
		j++ // a stray delimiter
	}
	tok := string(l.b[l.i:j])
	l.i = j
	if f, err := strconv.ParseFloat(tok, 64); err == nil {
		return f, true
	}
	return operator(tok), true
}

// literal reads a (string) with its escapes and balanced parentheses.
func (l *lexer) literal() []byte {
	var out []byte
	depth := 0
	l.i++
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
			out = append(out, c)
		case ')':
			if depth == 0 {
				return out
			}
			depth--
			out = append(out, c)
		case '\\':
			if l.i >= len(l.b) {
				return out
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r', '\n':
				if e == '\r' && l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
			default:
				if e >= '0' && e <= '7' {
					n := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						n = n*8 + int(l.b[l.i]-'0')
						l.i++
					}
					out = append(out, byte(n))
				} else {
					out = append(out, e)
				}
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

var painting = map[operator]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true,
	"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true,
	"Do": true, "sh": true, "BI": true,
}

type marked struct {
	tag      string
	mcid     int // -1 for none
	artifact bool
	actual   bool // a span with /ActualText
}

// textString decodes a PDF text string from a content stream: UTF-16BE
// after its byte order mark, else one byte a character.
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// resources returns a page's resources, inherited from the page tree.
func (c *checker) resources(page any) map[string]any {
	for i := 0; i < 32 && page != nil; i++ {
		d := c.dict(page)
		if r := c.dict(d["/Resources"]); r != nil {
			return r
		}
		page = d["/Parent"]
	}
	return nil
}

// contentVisitor is told each operator of a page's content, with its
// operands, in order.
type contentVisitor interface {
	visit(op operator, args []any)
}

// pageContent is page ref's content streams one after another, as a
// reader takes them: one stream.
func (c *checker) pageContent(ref string) []byte {
	var data []byte
	for _, s := range c.kids(c.dict(ref)["/Contents"]) {
		if st, ok := c.get(s).(*stream); ok {
			data = append(append(data, st.data...), '\n')
		}
	}
	return data
}

// walkContent lexes page ref's content once and gives each operator, with
// its operands, to every visitor in turn. An inline image's data is
// skipped up to its EI.
func (c *checker) walkContent(ref string, visitors ...contentVisitor) {
	l := &lexer{b: c.pageContent(ref)}
	var args []any
	for {
		v, ok := l.next()
		if !ok {
			return
		}
		op, isOp := v.(operator)
		if !isOp {
			args = append(args, v)
			continue
		}
		for _, vis := range visitors {
			vis.visit(op, args)
		}
		if op == "BI" {
			if end := bytes.Index(l.b[l.i:], []byte("EI")); end < 0 {
				l.i = len(l.b)
			} else {
				l.i += end + 2
			}
		}
		args = args[:0]
	}
}

// tagCheck checks one page's marked content and gathers its text: every
// painting operator inside tagged content or an Artifact, sequences closed
// on the page, each MCID used once, and each MCID's text kept for
// comparing with the tree.
type tagCheck struct {
	c            *checker
	ref          string
	page         int // from 0
	fonts, props map[string]any
	stack        []marked
	font         *fontInfo
	seen         map[int]bool // MCIDs
	// A text object's pieces (its glyphs' text, its spans' /ActualText)
	// wait for its end: a right-to-left run is drawn left to right, and
	// read, as a screen reader speaks it, in reverse (readsRTL).
	pieces []piece
	inText bool
	all    strings.Builder // all the page's text
}

// piece is some text and the marked content it belongs to, or nil.
type piece struct {
	text string
	to   *strings.Builder
}

func (c *checker) newTagCheck(i int, ref string) *tagCheck {
	res := c.resources(ref)
	return &tagCheck{c: c, ref: ref, page: i, fonts: c.dict(res["/Font"]), props: c.dict(res["/Properties"]), seen: map[int]bool{}}
}

func (t *tagCheck) where() string { return fmt.Sprintf("page %d", t.page+1) }

func (t *tagCheck) visit(op operator, args []any) {
	if painting[op] {
		t.checkTagged(op, args)
	}
	switch op {
	case "BT":
		t.inText = true
	case "ET":
		t.endText()
	case "BMC":
		tag := ""
		if len(args) > 0 {
			n, _ := args[0].(pdfName)
			tag = string(n)
		}
		t.stack = append(t.stack, marked{tag: tag, mcid: -1, artifact: tag == "Artifact"})
	case "BDC":
		t.stack = append(t.stack, t.beginMarked(args))
	case "EMC":
		if len(t.stack) == 0 {
			t.c.problem("%s: EMC with no marked content open", t.where())
		} else {
			t.stack = t.stack[:len(t.stack)-1]
		}
	case "Tf":
		t.selectFont(args)
	case "Tj", "'", "\"":
		if len(args) > 0 {
			if s, ok := args[len(args)-1].([]byte); ok {
				t.show(s)
			}
		}
	case "TJ":
		if len(args) > 0 {
			if a, ok := args[0].([]any); ok {
				for _, e := range a {
					if s, ok := e.([]byte); ok {
						t.show(s)
					}
				}
			}
		}
	}
}

// finish reports sequences left open and returns all the page's text.
func (t *tagCheck) finish() string {
	if len(t.stack) > 0 {
		t.c.problem("%s: %d marked-content sequences left open at the end of the page (a sequence must not span pages)", t.where(), len(t.stack))
	}
	return t.all.String()
}

// checkTagged reports a painting operator outside tagged content or an
// Artifact (7.1-3), with the text it shows.
func (t *tagCheck) checkTagged(op operator, args []any) {
	for _, m := range t.stack {
		if m.artifact || m.mcid >= 0 {
			return
		}
	}
	what := string(op)
	if len(args) > 0 {
		if s, ok := args[len(args)-1].([]byte); ok && t.font != nil {
			what += fmt.Sprintf(" %q", t.font.decode(s))
		}
	}
	t.c.problem("%s: %s outside tagged content or an Artifact (7.1-3)", t.where(), what)
}

// beginMarked reads a BDC's tag and properties: an MCID, counted once, or
// an /ActualText span, whose text is emitted in place of its glyphs'.
func (t *tagCheck) beginMarked(args []any) marked {
	m := marked{mcid: -1}
	if len(args) < 2 {
		return m
	}
	n, _ := args[0].(pdfName)
	m.tag = string(n)
	m.artifact = m.tag == "Artifact"
	var p map[string]any
	switch pv := args[1].(type) {
	case map[string]any:
		p = pv
	case pdfName:
		// A named property list from the resources, as qpdf gives it.
		if d := t.c.dict(t.props["/"+string(pv)]); d != nil {
			p = map[string]any{}
			if n, ok := t.c.num(d["/MCID"]); ok {
				p["MCID"] = float64(n)
			}
		}
	}
	// A span standing for a cluster of glyphs reads as its /ActualText
	// (shaped text: a conjunct, a base and its marks), nested in the
	// content's own marked sequence.
	if at, ok := p["ActualText"]; ok && m.tag == "Span" {
		m.actual = true
		b, _ := at.([]byte)
		t.emit(textString(b))
	}
	if f, ok := p["MCID"].(float64); ok && !m.artifact {
		m.mcid = int(f)
		if t.seen[m.mcid] {
			t.c.problem("%s: MCID %d is used twice", t.where(), m.mcid)
		}
		t.seen[m.mcid] = true
		k := mcKey{t.ref, m.mcid}
		t.c.order = append(t.c.order, k)
		t.c.mcText[k] = &strings.Builder{}
	}
	return m
}

// selectFont follows a Tf to the font it names in the page's resources.
func (t *tagCheck) selectFont(args []any) {
	if len(args) < 1 {
		return
	}
	n, ok := args[0].(pdfName)
	if !ok {
		return
	}
	fr := t.fonts["/"+string(n)]
	if fr == nil {
		t.c.problem("%s: font /%s is not in the resources", t.where(), n)
		t.font = nil
		return
	}
	t.font = t.c.font(fr)
}

// show emits a string's text through the current font, unless a span's
// /ActualText stands for its glyphs.
func (t *tagCheck) show(b []byte) {
	if t.font == nil {
		t.c.problem("%s: text shown with no font selected", t.where())
		return
	}
	for _, m := range t.stack {
		if m.actual {
			return
		}
	}
	t.emit(t.font.decode(b))
}

// emit gives text to the innermost marked content with an MCID (none in
// an Artifact), at once or, inside a text object, at its end.
func (t *tagCheck) emit(text string) {
	p := piece{text: text}
	for k := len(t.stack) - 1; k >= 0; k-- {
		if t.stack[k].artifact {
			break
		}
		if t.stack[k].mcid >= 0 {
			p.to = t.c.mcText[mcKey{t.ref, t.stack[k].mcid}]
			break
		}
	}
	if t.inText {
		t.pieces = append(t.pieces, p)
	} else {
		t.put(p)
	}
}

// endText puts a text object's pieces in reading order.
func (t *tagCheck) endText() {
	texts := make([]string, len(t.pieces))
	for k, p := range t.pieces {
		texts[k] = p.text
	}
	if readsRTL(texts, t.c.rtl) {
		slices.Reverse(t.pieces)
	}
	for _, p := range t.pieces {
		t.put(p)
	}
	t.pieces, t.inText = t.pieces[:0], false
}

// put adds a piece to the page's text and to its marked content's.
func (t *tagCheck) put(p piece) {
	// Direction marks (the writer's, for readers that reorder right-to-left
	// lines themselves) say nothing to a listener.
	p.text = strings.Map(func(r rune) rune {
		if r == '\u200e' || r == '\u200f' {
			return -1
		}
		return r
	}, p.text)
	t.all.WriteString(p.text)
	if p.to != nil {
		p.to.WriteString(p.text)
	}
}

// readsRTL reports whether a text object whose pieces read texts, in
// drawing order, is a right-to-left run: its first letter is of a
// right-to-left script, or it has no letter nor digit (a space, a stop, a
// bracket) and the document reads right to left (rtl). The writer draws
// each run, one direction and one face, as one text object.
func readsRTL(texts []string, rtl bool) bool {
	digits := false
	for _, t := range texts {
		for _, r := range t {
			switch {
			case unicode.IsLetter(r):
				return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
			case unicode.IsDigit(r):
				digits = true
			}
		}
	}
	return rtl && !digits
}

// rtlLanguage reports whether a document in lang (BCP 47) reads right to
// left.
func rtlLanguage(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch primary {
	case "ar", "fa", "ur", "ps", "he", "yi", "ckb", "sd", "ug", "dv", "syr":
		return true
	}
	return false
}
