package yamldoc

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
)

// The YAML library names where it noticed a mistake, which is often far
// from where it was made: an unclosed quote runs on to the next quote in the
// file, and a dedented key ends the list above it. Before falling back on
// the library's message, syntaxError asks these hints, which read the lines
// as a writer typed them, for the place and the fix.

// lineParts splits a source line the way a writer reads it: its indent,
// the columns (0-based bytes) of any "- " list markers, a key if the line
// has one, and where the value starts.
type lineParts struct {
	indent int
	dashes []int
	key    string
	keyAt  int // byte offset of the key, or of the first token
	value  string
	valAt  int // byte offset of the value
}

var plainKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([^\s"'#\-?:\[\]{},&*!|>%@` + "`" + `][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)`)
})

func splitLine(line string) lineParts {
	var p lineParts
	i := len(line) - len(strings.TrimLeft(line, " "))
	p.indent = i
	for {
		rest := line[i:]
		if rest == "-" || strings.HasPrefix(rest, "- ") {
			p.dashes = append(p.dashes, i)
			i++
			for i < len(line) && line[i] == ' ' {
				i++
			}
			continue
		}
		break
	}
	p.keyAt, p.valAt = i, i
	if m := plainKey().FindStringSubmatch(line[i:]); m != nil {
		p.key = m[1]
		p.valAt = i + len(m[1]) + 1
		for p.valAt < len(line) && line[p.valAt] == ' ' {
			p.valAt++
		}
	}
	p.value = line[p.valAt:]
	return p
}

// hasValue reports whether the line's value holds something other than a
// comment.
func (p lineParts) hasValue() bool { return p.value != "" && !strings.HasPrefix(p.value, "#") }

// curly are the typographic quotes word processors put in place of
// straight ones; YAML reads them as ordinary text.
const curly = "“”‘’„‚«»"

// curlyQuoteHint finds a value on line that starts with a curly quote,
// the usual reason a quoted-looking value still breaks YAML.
func (d *Doc) curlyQuoteHint(line int) (diag.Pos, string, bool) {
	text := d.line(line)
	p := splitLine(text)
	r, _ := utf8.DecodeRuneInString(p.value)
	if p.value == "" || !strings.ContainsRune(curly, r) {
		return diag.Pos{}, "", false
	}
	return d.colPos(line, text, p.valAt), fmt.Sprintf("YAML syntax: the value starts with the curly quote %c, which YAML does not read as quoting, so what is inside is read as YAML; use straight quotes \" or ' around the whole value", r), true
}

// unclosedQuoteHint finds the first value, up to line last, that opens a
// quote and does not close it on its line. YAML lets a quoted value run on
// over several lines, so the library reads on to the next quote in the
// file and reports the confusion there.
func (d *Doc) unclosedQuoteHint(last int) (diag.Pos, string, bool) {
	d.index()
	inBlock, blockIndent := false, 0
	for ln := 1; ln <= last && ln <= len(d.lineStarts); ln++ {
		text := d.line(ln)
		trimmed := strings.TrimSpace(text)
		p := splitLine(text)
		if inBlock {
			if trimmed == "" || p.indent > blockIndent {
				continue
			}
			inBlock = false
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if isBlockHeader(p.value) {
			inBlock, blockIndent = true, p.indent
			continue
		}
		if p.value == "" || p.value[0] != '"' && p.value[0] != '\'' {
			continue
		}
		if !closesQuote(p.value) {
			q := p.value[:1]
			return d.colPos(ln, text, p.valAt), fmt.Sprintf("YAML syntax: this quote %s is not closed on its line, so YAML reads on to the next %s in the file; end the value with %s", q, q, q), true
		}
	}
	return diag.Pos{}, "", false
}

// closesQuote reports whether a value starting with a quote closes it.
func closesQuote(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++ // '' is a quote inside single quotes
		case v[i] == q:
			return true
		}
	}
	return false
}

var blockHeader = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[|>][-+0-9]*\s*(#.*)?$`)
})

func isBlockHeader(v string) bool { return blockHeader().MatchString(v) }

// indentHint finds the first line whose indent does not fit the lines
// above: deeper than a line that opens nothing, or between two levels, or
// level with a list's dashes without being an entry. It gives up (false)
// on what it cannot follow, such as flow lists spanning lines.
func (d *Doc) indentHint() (diag.Pos, string, bool) {
	w := indentWalk{levels: []indentLevel{{indent: 0}}}
	d.index()
	inBlock, blockIndent := false, 0
	for ln := 1; ln <= len(d.lineStarts); ln++ {
		text := d.line(ln)
		trimmed := strings.TrimSpace(text)
		p := splitLine(text)
		if inBlock {
			if trimmed == "" || p.indent > blockIndent {
				continue
			}
			inBlock = false
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") || trimmed == "---" {
			continue
		}
		if cannotFollow(text, p) {
			return diag.Pos{}, "", false
		}
		name := p.key
		if name == "" && len(p.dashes) > 0 {
			name = "-"
		}
		skip, msg := w.place(p, name)
		if skip {
			continue
		}
		if msg != "" {
			return d.colPos(ln, text, p.indent), msg, true
		}
		w.nest(p, text, name)
		if p.hasValue() && isBlockHeader(p.value) {
			inBlock, blockIndent, w.opens = true, w.levels[len(w.levels)-1].indent, false
		}
	}
	return diag.Pos{}, "", false
}

// indentLevel is one level of nesting open at a line.
type indentLevel struct {
	indent int
	seq    bool   // "- " entries sit at this indent
	key    string // the first key at this indent, for messages
}

// indentWalk is indentHint's state between lines: the levels open, and
// what the line before left.
type indentWalk struct {
	levels     []indentLevel
	opens      bool   // the line before opens a level ("key:" or "-" with no value)
	plainValue bool   // the line before ends in a plain value, which may wrap
	prevKey    string // the line before's key, for messages
}

// cannotFollow reports a line indentHint gives up on: a tab in its indent
// (tabs have their own message) or a flow list, mapping or quoted value
// that goes on past the line.
func cannotFollow(text string, p lineParts) bool {
	if strings.HasPrefix(strings.TrimLeft(text, " "), "\t") {
		return true
	}
	if strings.HasPrefix(p.value, "[") || strings.HasPrefix(p.value, "{") || strings.HasPrefix(p.value, "\"") && !closesQuote(p.value) || strings.HasPrefix(p.value, "'") && !closesQuote(p.value) {
		return !closesFlow(p.value)
	}
	return false
}

// place fits a line (its key or "-", name) among the open levels, closing
// those it leaves. It returns skip for a plain value wrapped onto the
// line, and a message when the line's indent fits no level.
func (w *indentWalk) place(p lineParts, name string) (skip bool, msg string) {
	i := p.indent
	entry := len(p.dashes) > 0
	top := w.levels[len(w.levels)-1]
	switch {
	case w.opens && i > top.indent:
		w.levels = append(w.levels, indentLevel{indent: i, seq: entry})
	case w.opens && i == top.indent && entry:
		// "key:" with its list's dashes at the key's own indent.
	case i > top.indent:
		if w.plainValue && p.key == "" && !entry {
			return true, "" // a plain value wrapped onto the next line
		}
		return false, fmt.Sprintf("YAML syntax: %s is indented more than the line above (%s where %s has %d), so YAML reads it as part of the value above; line it up with %s",
			describeKey(name), spaces(i), describeKey(w.prevKey), top.indent, describeKey(w.prevKey))
	default:
		var popped *indentLevel
		for len(w.levels) > 1 && w.levels[len(w.levels)-1].indent > i {
			l := w.levels[len(w.levels)-1]
			popped = &l
			w.levels = w.levels[:len(w.levels)-1]
		}
		top = w.levels[len(w.levels)-1]
		if top.indent != i || top.seq && !entry {
			want := "the line above"
			if popped != nil && popped.key != "" {
				want = fmt.Sprintf("%s (%s)", describeKey(popped.key), spaces(popped.indent))
			}
			return false, fmt.Sprintf("YAML syntax: %s is indented less than the line above (%s), so YAML cannot tell what it belongs to; line it up with %s",
				describeKey(name), spaces(i), want)
		}
	}
	return false, ""
}

// nest opens the levels of a placed line's own nesting, each "- " an
// entry whose content sits after the dash, and records what the next
// line needs to know of it.
func (w *indentWalk) nest(p lineParts, text, name string) {
	for k, at := range p.dashes {
		if k > 0 || at != w.levels[len(w.levels)-1].indent {
			w.levels = append(w.levels, indentLevel{indent: at, seq: true})
		}
		w.levels[len(w.levels)-1].seq = true
		if w.levels[len(w.levels)-1].key == "" {
			w.levels[len(w.levels)-1].key = "--"
		}
		next := p.keyAt
		if k+1 < len(p.dashes) {
			next = p.dashes[k+1]
		}
		if next < len(text) && (p.key != "" || k+1 < len(p.dashes)) {
			w.levels = append(w.levels, indentLevel{indent: next})
		}
	}
	if p.key != "" && w.levels[len(w.levels)-1].key == "" {
		w.levels[len(w.levels)-1].key = p.key
	}
	w.prevKey = p.key
	if w.prevKey == "" {
		w.prevKey = name
	}
	entry := len(p.dashes) > 0
	w.opens = p.key != "" && !p.hasValue() || p.key == "" && entry && !p.hasValue()
	w.plainValue = p.hasValue() && !strings.ContainsAny(p.value[:1], `"'[{|>`)
}

// describeKey names a line in a message by its key, "-" for an entry,
// "--" for the entries of a list, "" for a line with neither.
func describeKey(s string) string {
	if s == "-" {
		return "the `-` entry"
	}
	if s == "--" {
		return "the `-` entries above"
	}
	if s == "" {
		return "this line"
	}
	return "`" + s + ":`"
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return fmt.Sprintf("%d spaces", n)
}

// closesFlow reports whether a flow value ([…] or {…}) or quoted value
// ends on its line, roughly: brackets balance.
func closesFlow(v string) bool {
	if v[0] == '"' || v[0] == '\'' {
		return closesQuote(v)
	}
	depth := 0
	for _, c := range v {
		switch c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		}
	}
	return depth <= 0
}

// colPos is the position of byte offset i of line ln, whose text is text.
func (d *Doc) colPos(ln int, text string, i int) diag.Pos {
	return diag.Pos{File: d.File, Line: ln, Col: utf8.RuneCountInString(text[:min(i, len(text))]) + 1}
}

// commentedValues warns at each plain value that lost its end to a
// comment: YAML reads " #" as the start of a comment, so
// `address: Suite #210` is "Suite" and `primary: #2E7D32` is empty. Real
// comments start "# " after the value; a # followed directly by a letter or
// digit is almost always meant as text.
func (d *Doc) commentedValues(root *yaml.Node) {
	var walk func(n *yaml.Node)
	reported, more := 0, 0
	check := func(key, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || v.Style != 0 && v.Tag != "!!null" {
			return
		}
		c := v.LineComment
		if c == "" && key != nil && key.Line == v.Line {
			c = key.LineComment
		}
		if len(c) < 2 || c[0] != '#' || c[1] == ' ' || c[1] == '#' || c[1] == '\t' {
			return
		}
		text := d.line(v.Line)
		from := ByteCol(text, v.Column)
		at := strings.Index(text[from:], c)
		if at < 0 {
			return
		}
		pos := d.colPos(v.Line, text, from+at)
		if reported++; reported > maxFindings {
			more++
			return
		}
		whole := strings.TrimSpace(text[from:])
		if v.Tag == "!!null" {
			d.Errs.Warnf(pos, "%q was read as a YAML comment, so this value is empty; put it in quotes: \"%s\"", c, whole)
			return
		}
		d.Errs.Warnf(pos, "everything from %q on was read as a YAML comment, so the value is only %q; to keep it, put the whole value in quotes: \"%s\"", c, v.Value, whole)
	}
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				check(n.Content[i], n.Content[i+1])
				walk(n.Content[i+1])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				check(nil, c)
				walk(c)
			}
		}
	}
	walk(root)
	if more > 0 {
		d.Errs.Warnf(d.Pos(root), "and %d more values lose their end to a ` #` that YAML reads as a comment; put such values in quotes", more)
	}
}

// colonHint explains a mapping where text was meant: `- Pets: dander …`
// is a key and a value to YAML, because of the ": ".
func colonHint(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode || len(n.Content) != 2 {
		return ""
	}
	k, v := n.Content[0], n.Content[1]
	if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || k.Line != v.Line || k.Style != 0 {
		return ""
	}
	return fmt.Sprintf(" (the \": \" after %q makes it a key and a value; put the whole text in quotes: \"%s: %s\")", k.Value, k.Value, v.Value)
}

// curlyWrapped warns about a value wrapped in curly quotes: YAML reads
// only straight quotes as quoting, so “these” would print.
func (d *Doc) curlyWrapped(n *yaml.Node, s string, trim int, what string) {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if len(s) < 2 || !strings.ContainsRune("“‘„«", first) || !strings.ContainsRune("”’“»", last) || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		return
	}
	d.Errs.Warnf(d.Locate(n, trim), "%s is wrapped in curly quotes %c…%c, which YAML does not read as quoting, so they will print; remove them, or use straight quotes \" or '", what, first, last)
}
