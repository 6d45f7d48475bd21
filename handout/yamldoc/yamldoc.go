// Package yamldoc reads hand-written YAML files strictly and with positions:
// every problem becomes a finding at the line and column of the node at
// fault, unknown keys are refused with a suggestion, and characters can be
// traced back to where they were typed. Content and brand files share it.
package yamldoc

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
	"handouts/handout/suggest"
)

// Doc is one file being decoded, with the findings so far.
type Doc struct {
	File string
	Src  []byte
	Errs diag.List
	// lineStarts holds the byte offset of each line, built on first use
	// for locating characters.
	lineStarts []int
	// cursor remembers the last character Locate found, so that a run of
	// look-ups moving forward through one value (paragraph after
	// paragraph of a long body) costs one pass, not one pass each. A Doc
	// is used by one goroutine at a time.
	cursor struct {
		node     *yaml.Node
		off, src int
	}
	// counts are the findings of each capped kind so far (see over), in
	// the order the kinds were first met.
	counts map[string]*count
	kinds  []string
	// adopted maps a mapping to the keys below it that may have lost
	// their indent; explained holds those reported as mis-indented.
	adopted   map[*yaml.Node][]stray
	explained map[*yaml.Node]bool
	// blanked is true when forbidden characters were replaced by the
	// placeholder before parsing.
	blanked bool
}

// Parse parses src. It returns the document's root mapping node, or nil with
// a finding when the file is empty, not UTF-8 or not YAML.
func Parse(file string, src []byte, what string) (*Doc, *yaml.Node) {
	d := &Doc{File: file, Src: src}
	if len(bytes.TrimSpace(src)) == 0 {
		d.Errs.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "file is empty: %s", what)
		return d, nil
	}
	if !utf8.Valid(src) {
		d.Errs.Errorf(d.offsetPos(firstInvalid(src)), "file is not valid UTF-8 text; save it as UTF-8")
		return d, nil
	}
	// Text pasted from macOS often holds decomposed accents (e plus a
	// combining acute), which print with the mark over the wrong letter in
	// fonts without mark positioning. Everything is read as NFC, before
	// positions are counted, so columns match the text checked.
	if !norm.NFC.IsNormal(src) {
		src = norm.NFC.Bytes(src)
		d.Src = src
	}
	if d.forbiddenChars() {
		// The characters are reported; YAML would refuse the file at the
		// first one, so read on with each as a placeholder (columns stay
		// as typed), and the rest of the file is checked in the same run.
		// A value holding one is refused by Scalar without a second message.
		src = blankForbidden(src)
		d.Src, d.blanked = src, true
	}
	if d.tooManyKeys() {
		return d, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if err != nil && strings.Contains(err.Error(), "found unknown escape character") {
		// `"2\*3"`: the markup's escape written in YAML's double quotes,
		// where a backslash starts YAML's own escapes and \* is none. The
		// writer meant the markup's, so the backslash is kept for it.
		if fixed := markupEscapesInQuotes(src); fixed != nil {
			src, d.Src, d.lineStarts = fixed, fixed, nil
			dec = yaml.NewDecoder(bytes.NewReader(src))
			doc = yaml.Node{}
			err = dec.Decode(&doc)
		}
	}
	if err != nil && err != io.EOF {
		d.syntaxError(err)
		return d, nil
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		d.Errs.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "file has no content: %s", what)
		return d, nil
	}
	// A second document after a `---` line would be silently ignored.
	var extra yaml.Node
	if err := dec.Decode(&extra); err != nil && err != io.EOF {
		d.syntaxError(err)
	} else if err == nil && len(extra.Content) > 0 && !isNull(extra.Content[0]) {
		d.Errs.Errorf(d.Pos(extra.Content[0]), "the file holds a second YAML document after a `---` line; put everything in one document")
	}
	if !d.tagsAndAnchors(doc.Content[0]) {
		d.Finish()
		return d, nil
	}
	d.commentedValues(doc.Content[0])
	return d, doc.Content[0]
}

// MaxText is how much text a file may hold once its aliases are expanded:
// the same as the largest file read, so that a small file of aliases
// cannot stand for gigabytes of text.
const MaxText = 8 << 20

// tagsAndAnchors refuses what YAML would silently take out of the text. A
// plain value that starts with `!` or `&` loses its first word to a tag or
// an anchor: `title: !Important changes` is the text "changes". Standard
// tags (`!!str`) and anchors that an alias uses are meant; anything else is
// refused with a hint to quote the value. Aliases are followed, and the text
// they repeat counts against MaxText. It reports false when the file must
// not be read further.
func (d *Doc) tagsAndAnchors(root *yaml.Node) bool {
	// The tagged, anchored and alias nodes as written, in file order; an alias's target is not
	// walked again through it.
	var nodes []*yaml.Node
	used := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Tag != "" && n.Style&yaml.TaggedStyle != 0 || n.Anchor != "" || n.Kind == yaml.AliasNode {
			nodes = append(nodes, n)
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			used[n.Alias] = true
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	// These are errors, but the value is still read (without its first
	// word), so that the rest of the file is checked in the same run.
	for _, n := range nodes {
		if n.Tag != "" && !strings.HasPrefix(n.Tag, "!!") && n.Style&yaml.TaggedStyle != 0 {
			if !d.over("YAML tags", d.Pos(n)) {
				d.Errs.Errorf(d.Pos(n), "`%s` here is a YAML tag, so it would not print; put the whole value in quotes (\"%s ...\")", n.Tag, n.Tag)
			}
		}
		if n.Anchor != "" && !used[n] {
			if !d.over("YAML anchors", d.Pos(n)) {
				d.Errs.Errorf(d.Pos(n), "`&%s` here is a YAML anchor that nothing uses, so it would not print; put the whole value in quotes (\"&%s ...\")", n.Anchor, n.Anchor)
			}
		}
	}
	if len(used) == 0 {
		return true // without aliases the text is no larger than the file
	}
	// Sizes are memoised per node, so nested aliases (a "billion laughs")
	// cost one pass over the nodes, however much text they stand for.
	sizes := map[*yaml.Node]int{}
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if s, ok := sizes[n]; ok {
			return s
		}
		sizes[n] = 0 // a cycle adds nothing
		s := len(n.Value)
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			s = size(n.Alias)
		}
		for _, c := range n.Content {
			s = min(s+size(c), MaxText+1)
		}
		sizes[n] = s
		return s
	}
	if size(root) > MaxText {
		// Name the first alias in the file, the usual place to start.
		pos := diag.Pos{File: d.File, Line: 1, Col: 1}
		for _, n := range nodes {
			if n.Kind == yaml.AliasNode {
				pos = d.Pos(n)
				break
			}
		}
		d.Errs.Errorf(pos, "the file's aliases (`*name`) repeat text to more than %d MB, the most a file may hold; write the text out once", MaxText>>20)
		return false
	}
	return true
}

// isNull reports whether n is an empty value (nothing, `~` or `null`), as a
// document holding only `---` or comments is.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// maxFindings is how many problems of one kind a file reports before the
// rest are summed up in one line: a pasted binary can hold millions.
const maxFindings = 20

// forbiddenChars reports, at its exact place, each character YAML refuses
// (control characters) or counts as a line break where editors do not
// (U+0085, U+2028, U+2029, which would shift every line number after it).
// The YAML library itself names no position for these. It counts lines and
// columns as it scans, so a long line of them costs one pass.
func (d *Doc) forbiddenChars() bool {
	if !mayHoldForbidden(d.Src) {
		return false // most files: one pass over the bytes, no decoding
	}
	type kind struct {
		n      int
		more   diag.Pos
		what   string
		remedy string
	}
	control := kind{what: "control characters", remedy: "remove them"}
	separator := kind{what: "line separators", remedy: "use ordinary line breaks"}
	line, col := 1, 0
	prevCR := false
	for _, r := range string(d.Src) {
		col++
		if prevCR && r != '\n' {
			line, col = line+1, 1 // a lone CR ended the line
		}
		prevCR = r == '\r'
		var k *kind
		switch {
		case r == '\n':
			line, col = line+1, 0
			continue
		case r == '\t' || r == '\r':
			continue
		case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfffe || r == 0xffff:
			k = &control
		case r == 0x2028 || r == 0x2029:
			k = &separator
		default:
			continue
		}
		k.n++
		pos := diag.Pos{File: d.File, Line: line, Col: col}
		switch {
		case k.n > maxFindings:
		case k == &control:
			d.Errs.Errorf(pos, "file contains the control character U+%04X; remove it", r)
		default:
			d.Errs.Errorf(pos, "file contains the line separator U+%04X; use an ordinary line break", r)
		}
		if k.n == maxFindings+1 {
			k.more = pos
		}
	}
	for _, k := range []kind{control, separator} {
		if k.n > maxFindings {
			d.Errs.Errorf(k.more, "and %d more %s from here on; %s", k.n-maxFindings, k.what, k.remedy)
		}
	}
	return control.n+separator.n > 0
}

// mayHoldForbidden reports whether src holds the bytes of a character
// forbiddenChars reports: an ASCII control but tab, line feed and carriage
// return, or the UTF-8 of U+0080–U+009F (C2 80–9F), U+2028 and U+2029
// (E2 80 A8/A9), U+FFFE and U+FFFF (EF BF BE/BF). The lead bytes C2, E2 and
// EF never continue another character, so a decoder reading the runes
// starts one at each of them: no such character is missed.
func mayHoldForbidden(src []byte) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c-0x20 < 0x7f-0x20 {
			continue // printable ASCII, most of any file
		}
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		case c == 0x7f:
			return true
		case c == 0xc2:
			if i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] <= 0x9f {
				return true
			}
		case c == 0xe2:
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9) {
				return true
			}
		case c == 0xef:
			if i+2 < len(src) && src[i+1] == 0xbf && (src[i+2] == 0xbe || src[i+2] == 0xbf) {
				return true
			}
		}
	}
	return false
}

// placeholder stands in the source for each character forbiddenChars
// reported: one character, so columns are unchanged, and one no file has
// a reason to hold.
const placeholder = '\uFFFC'

// MaxKeys is the most lines holding a key or a list entry a file may have.
// A long handout has a few thousand; a file of 720,000 unknown keys (under
// the size limit) took YAML seconds to read before a line was reported,
// so a file past this is refused from a count of its lines, in one pass.
const MaxKeys = 50_000

// tooManyKeys reports, and returns true, when the source has more than
// MaxKeys lines that start a list entry ("- ") or hold a key ("key: ",
// "key:" at the end). Lines of block text that look so count too; the
// limit leaves room for them.
func (d *Doc) tooManyKeys() bool {
	n, at := 0, -1
	src := d.Src
	for i := 0; i < len(src); {
		end := bytes.IndexByte(src[i:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += i
		}
		line := bytes.TrimLeft(src[i:end], " ")
		if k := bytes.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		line = bytes.TrimRight(line, " \r")
		if bytes.HasPrefix(line, []byte("- ")) || bytes.Equal(line, []byte("-")) || bytes.HasSuffix(line, []byte(":")) || bytes.Contains(line, []byte(": ")) {
			if n++; n == MaxKeys+1 {
				at = i
			}
		}
		i = end + 1
	}
	if n <= MaxKeys {
		return false
	}
	d.Errs.Errorf(d.offsetPos(at), "the file has %d lines of keys and list entries, more than the %d a file may have (a long handout has a few thousand), so it is not read: is it generated, or the same text pasted many times?", n, MaxKeys)
	return true
}

// markupEscapes are the characters after a backslash that the markup
// reads as an escape and YAML's double quotes refuse.
const markupEscapes = "*_[]()"

// markupEscapesInQuotes returns src with each backslash that escapes a
// markup character (\* \_ \[ \] \( \)) inside a double-quoted value
// doubled, so that YAML reads it as a backslash and the markup as the
// escape the writer meant; nil when there is none. It reads the lines as
// the indent hints do: a value that starts with a quote, quotes inside a
// flow list, and no block text (| or >), where backslashes are literal.
// Columns after a doubled backslash on its line move one to the right.
func markupEscapesInQuotes(src []byte) []byte {
	var out bytes.Buffer
	changed := false
	inQuote, inBlock, blockIndent := false, false, 0
	lines := bytes.SplitAfter(src, []byte("\n"))
	for _, raw := range lines {
		line := string(raw)
		text := strings.TrimRight(line, "\r\n")
		if inBlock {
			if strings.TrimSpace(text) == "" || len(text)-len(strings.TrimLeft(text, " ")) > blockIndent {
				out.WriteString(line)
				continue
			}
			inBlock = false
		}
		from := 0
		flow := false
		if !inQuote {
			p := splitLine(text)
			switch {
			case strings.HasPrefix(strings.TrimSpace(text), "#"):
				out.WriteString(line)
				continue
			case p.hasValue() && isBlockHeader(p.value):
				inBlock, blockIndent = true, p.indent
				out.WriteString(line)
				continue
			case strings.HasPrefix(p.value, "\""):
				from = p.valAt
			case strings.HasPrefix(p.value, "[") || strings.HasPrefix(p.value, "{"):
				from, flow = p.valAt, true
			default:
				out.WriteString(line)
				continue
			}
		}
		out.WriteString(line[:from])
		for i := from; i < len(line); i++ {
			c := line[i]
			switch {
			case inQuote && c == '\\' && i+1 < len(line) && strings.IndexByte(markupEscapes, line[i+1]) >= 0:
				out.WriteString(`\\`)
				changed = true
				continue
			case inQuote && c == '\\' && i+1 < len(line):
				out.WriteByte(c)
				i++
				c = line[i]
			case inQuote && c == '"':
				inQuote = false
			case !inQuote && c == '"' && (i == from || flow):
				inQuote = true
			case !inQuote && c == '#' && i > 0 && line[i-1] == ' ':
				out.WriteString(line[i:])
				i = len(line)
				continue
			}
			out.WriteByte(c)
		}
	}
	if !changed {
		return nil
	}
	return out.Bytes()
}

// blankForbidden returns src with each character forbiddenChars reports
// replaced by the placeholder.
func blankForbidden(src []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(src))
	for _, r := range string(src) {
		if r != '\t' && r != '\r' && r != '\n' && (r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfffe || r == 0xffff || r == 0x2028 || r == 0x2029) {
			r = placeholder
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

// Pos is the position of a node.
func (d *Doc) Pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.File, Line: n.Line, Col: n.Column}
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)
})

// syntaxError turns yaml.v3's message into a positioned finding. The library
// gives a line but no column, so the column is the line's first non-blank
// character, where an editor would put the cursor anyway.
func (d *Doc) syntaxError(err error) {
	msg := err.Error()
	line := 0
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	// yaml.v3 numbers the lines of scanner errors from 1 but those of
	// parser errors ("did not find expected key", an unclosed [ or {) from
	// 0, so the latter name the line before the construct at fault.
	if parserError(msg) {
		line++
	}
	if line == 0 {
		line = 1
	}
	// At the end of a file without a final newline the library counts
	// one line more than there is.
	if d.index(); line > len(d.lineStarts) {
		line = len(d.lineStarts)
	}
	text := d.line(line)
	col := len(text) - len(strings.TrimLeft(text, " \t")) + 1
	if pos, hint, ok := d.hint(line, msg); ok {
		d.Errs.Errorf(pos, "%s", hint)
		return
	}
	if m := unknownAnchor().FindStringSubmatch(msg); m != nil {
		// The library names no line for these; the alias is where it
		// was typed, usually an asterisk meant as text.
		if p, ok := d.findAlias(m[1]); ok {
			line, col = p.Line, p.Col
		}
		d.Errs.Errorf(diag.Pos{File: d.File, Line: line, Col: col},
			"YAML syntax: `*%s` is a YAML alias to an anchor `&%s` that does not exist; if the `*` is part of the text, put the whole value in quotes", m[1], m[1])
		return
	}
	if strings.Contains(msg, "found unknown escape character") {
		// The library names the line where the quoted value starts.
		d.index()
		for l := line; l <= len(d.lineStarts); l++ {
			t := d.line(l)
			for i := 0; i+1 < len(t); i++ {
				if t[i] != '\\' {
					continue
				}
				if _, ok := simpleEscapes[t[i+1]]; ok || strings.IndexByte("xuU", t[i+1]) >= 0 {
					i++
					continue
				}
				d.Errs.Errorf(diag.Pos{File: d.File, Line: l, Col: utf8.RuneCountInString(t[:i]) + 1},
					"YAML syntax: in double quotes a backslash starts one of YAML's escapes (\\\" \\\\ \\n …), and `\\%c` is none; write `\\\\` for a backslash, or put the value in single quotes or none", t[i+1])
				return
			}
		}
	}
	if pos, hint, ok := d.tabHint(line, msg); ok {
		d.Errs.Errorf(pos, "%s", hint)
		return
	}
	if pos, hint, ok := d.colonHint(line, text, msg); ok {
		d.Errs.Errorf(pos, "%s", hint)
		return
	}
	switch {
	case msg == "found unexpected end of stream" && strings.ContainsAny(text, `"'`):
		// The library names the line where the unclosed quote opens.
		msg += " (a quoted value is not closed)"
		col = utf8.RuneCountInString(text[:strings.IndexAny(text, `"'`)]) + 1
	case strings.HasSuffix(msg, "',' or ']'") && strings.Contains(text, "["):
		col = utf8.RuneCountInString(text[:strings.IndexByte(text, '[')]) + 1
	case strings.HasSuffix(msg, "',' or '}'") && strings.Contains(text, "{"):
		col = utf8.RuneCountInString(text[:strings.IndexByte(text, '{')]) + 1
	}
	d.Errs.Errorf(diag.Pos{File: d.File, Line: line, Col: col}, "YAML syntax: %s", msg)
}

// tabHint explains a tab where YAML wants spaces, in a writer's words and
// at the tab: the library speaks of "a tab character that violates
// indentation" or of a character "that cannot start any token", at the
// line where the value around it starts.
func (d *Doc) tabHint(line int, msg string) (diag.Pos, string, bool) {
	if !strings.Contains(msg, "tab character") && !strings.Contains(msg, "cannot start any token") {
		return diag.Pos{}, "", false
	}
	d.index()
	for l := line; l <= len(d.lineStarts); l++ {
		t := d.line(l)
		indent := t[:len(t)-len(strings.TrimLeft(t, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			return diag.Pos{File: d.File, Line: l, Col: utf8.RuneCountInString(indent[:i]) + 1},
				"YAML syntax: this line is indented with a tab, and YAML allows only spaces for indentation; use spaces (set your editor to insert spaces for the Tab key)", true
		}
		if l > line && !strings.Contains(msg, "tab character") {
			break // "cannot start any token" is about its own line
		}
	}
	if t := d.line(line); strings.Contains(msg, "cannot start any token") && strings.Contains(t, "\t") {
		i := strings.IndexByte(t, '\t')
		return diag.Pos{File: d.File, Line: line, Col: utf8.RuneCountInString(t[:i]) + 1},
			"YAML syntax: a tab here is read as part of the layout, and YAML allows only spaces there; use spaces, or put the value in quotes", true
	}
	return diag.Pos{}, "", false
}

// colonHint explains YAML's "mapping values are not allowed in this
// context" where it almost always comes from: a plain value that itself
// holds ": ", as in `title: Asthma: the basics`, which YAML reads as a
// second key. It points at the second colon and shows the line quoted.
func (d *Doc) colonHint(line int, text, msg string) (diag.Pos, string, bool) {
	if msg != "mapping values are not allowed in this context" || mappingColons(text) < 2 {
		return diag.Pos{}, "", false
	}
	p := splitLine(text)
	if p.key == "" || !p.hasValue() || strings.ContainsAny(p.value[:1], `"'[{|>&*!`) {
		return diag.Pos{}, "", false
	}
	j := strings.Index(p.value, ":")
	if j < 0 {
		return diag.Pos{}, "", false
	}
	value := strings.TrimSpace(p.value)
	if k := strings.Index(value, " #"); k >= 0 {
		value = strings.TrimSpace(value[:k])
	}
	quoted := `"` + strings.ReplaceAll(strings.ReplaceAll(value, `\`, `\\`), `"`, `\"`) + `"`
	before := strings.TrimSpace(p.value[:j])
	what := `holds ": "`
	if j+1 == len(strings.TrimRight(p.value, " ")) {
		what = `ends in ":"`
	}
	return d.colPos(line, text, p.valAt+j),
		fmt.Sprintf("YAML syntax: the value of `%s` %s after %q, which YAML reads as the start of another key; put the whole value in quotes: %s: %s", p.key, what, before, p.key, quoted), true
}

// hint tries, in order, the explanations that point at where a syntax
// error was made rather than where the library noticed it.
func (d *Doc) hint(line int, msg string) (diag.Pos, string, bool) {
	if unknownAnchor().MatchString(msg) || strings.Contains(msg, "tab character") {
		return diag.Pos{}, "", false
	}
	if pos, h, ok := d.curlyQuoteHint(line); ok {
		return pos, h, true
	}
	if pos, h, ok := d.unclosedQuoteHint(line); ok {
		return pos, h, true
	}
	return d.indentHint()
}

var unknownAnchor = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
})

// findAlias returns where `*name` was typed as an alias: after a space, a
// line's start or a flow indicator, and ending the value or a flow entry.
func (d *Doc) findAlias(name string) (diag.Pos, bool) {
	re, err := regexp.Compile(`(?m)(?:^|[\s\[{,])(\*` + regexp.QuoteMeta(name) + `)(?:$|[\s,\]}])`)
	if err != nil {
		return diag.Pos{}, false
	}
	m := re.FindSubmatchIndex(d.Src)
	if m == nil {
		return diag.Pos{}, false
	}
	return d.offsetPos(m[2]), true
}

// mappingColons counts the colons in line that YAML reads as "key: value":
// those followed by a space or ending the line.
func mappingColons(line string) int {
	n := strings.Count(line, ": ")
	if strings.HasSuffix(line, ":") {
		n++
	}
	return n
}

// parserError reports whether msg comes from yaml.v3's parser rather than
// its scanner (see syntaxError).
func parserError(msg string) bool {
	for _, p := range []string{
		"did not find expected key",
		"did not find expected node content",
		"did not find expected '-' indicator",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"found undefined tag handle",
		"found duplicate %YAML directive",
		"found duplicate %TAG directive",
		"found incompatible YAML document",
	} {
		if msg == p {
			return true
		}
	}
	return false
}

func (d *Doc) line(n int) string {
	d.index()
	if n < 1 || n > len(d.lineStarts) {
		return ""
	}
	start := d.lineStarts[n-1]
	end := len(d.Src)
	if n < len(d.lineStarts) {
		end = d.lineStarts[n] - 1
	}
	return string(d.Src[start:end])
}

func (d *Doc) index() {
	if d.lineStarts != nil {
		return
	}
	d.lineStarts = []int{0}
	for i, c := range d.Src {
		// Like YAML and editors, count a lone CR (old Mac files) as a
		// line break too.
		if c == '\n' || c == '\r' && (i+1 == len(d.Src) || d.Src[i+1] != '\n') {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
}

// Fields walks a mapping: known keys go to set in file order; unknown keys
// (with a suggestion for near-misses) and repeated keys are errors, and so
// is each required key that is absent, unless a misspelling of it was
// already reported. It returns false when n is not a mapping.
//
// A key that is unknown here but known to the list entry (or mapping) just
// above it was almost always meant for that entry and lost its indent:
// it is reported once, at the key, as mis-indented, and read as the
// entry's, rather than as an unknown key here and a missing key there.
func (d *Doc) Fields(n *yaml.Node, what string, known, required []string, set func(key string, v *yaml.Node)) bool {
	n = Deref(n)
	if n.Kind != yaml.MappingNode {
		d.Errs.Errorf(d.Pos(n), "%s must be a mapping of keys (like `%s: ...`), not %s", what, known[0], KindName(n))
		return false
	}
	d.adoptStrays(n, what, known)
	seen := map[string]bool{}
	suggested := map[string]bool{}
	for _, a := range d.adopted[n] {
		key := a.key.Value
		if !contains(known, key) || seen[key] || hasKey(n, key) {
			continue
		}
		seen[key] = true
		d.explained[a.key] = true
		d.Errs.Errorf(d.Pos(a.key), "`%s:` looks mis-indented: at %s it is read as a key of %s, which has no `%s`; it belongs to %s above: line it up with `%s:` (%s)",
			key, spaces(a.key.Column-1), a.parent, key, what, n.Content[0].Value, spaces(n.Content[0].Column-1))
		set(key, a.val)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if d.explained[k] {
			continue
		}
		if !contains(known, key) {
			if d.over("unknown keys", d.Pos(k)) {
				continue
			}
			msg := fmt.Sprintf("unknown key `%s` in %s", key, what)
			if s := suggest.Closest(key, known); s != "" {
				msg += fmt.Sprintf("; did you mean `%s`?", s)
				suggested[s] = true
			} else {
				msg += fmt.Sprintf(" (known keys: %s)", strings.Join(known, ", "))
			}
			d.Errs.Errorf(d.Pos(k), "%s", msg)
			continue
		}
		if seen[key] {
			if !d.over("repeated keys", d.Pos(k)) {
				d.Errs.Errorf(d.Pos(k), "key `%s` appears twice in %s", key, what)
			}
			continue
		}
		seen[key] = true
		set(key, v)
	}
	for _, r := range required {
		if !seen[r] && !suggested[r] && !d.over("missing keys", d.Pos(n)) {
			d.Errs.Errorf(d.Pos(n), "%s is missing required key `%s`", what, r)
		}
	}
	return true
}

// stray is a key that may have lost its indent: it sits in parent's
// mapping after a list entry (or mapping) that may be where it belongs.
type stray struct {
	key, val *yaml.Node
	parent   string
}

// adoptStrays records, for each unknown key of mapping n, the mapping just
// above it that it may belong to: the value of the last known key before
// it, or that list's last entry. Fields decides, when it reads that
// mapping, whether the key is one of its own.
func (d *Doc) adoptStrays(n *yaml.Node, what string, known []string) {
	var above *yaml.Node
	// An entry has a few keys; a run of more unknown keys than any entry
	// has is not a lost indent, and is not worth holding on to.
	const most = 10
	run := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if contains(known, k.Value) {
			above, run = nil, 0
			switch c := Deref(v); {
			case c.Kind == yaml.MappingNode:
				above = c
			case c.Kind == yaml.SequenceNode && len(c.Content) > 0 && Deref(c.Content[len(c.Content)-1]).Kind == yaml.MappingNode:
				above = Deref(c.Content[len(c.Content)-1])
			}
			continue
		}
		if run++; above == nil || run > most || len(above.Content) == 0 || k.Column >= above.Content[0].Column {
			continue
		}
		if d.adopted == nil {
			d.adopted, d.explained = map[*yaml.Node][]stray{}, map[*yaml.Node]bool{}
		}
		d.adopted[above] = append(d.adopted[above], stray{key: k, val: v, parent: what})
	}
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// over counts a finding of a kind and reports whether it is past the
// most a file reports one by one (maxFindings); Finish sums up the rest,
// so that a file of 700,000 unknown keys gets 21 lines, in linear time.
func (d *Doc) over(kind string, pos diag.Pos) bool {
	if d.counts == nil {
		d.counts = map[string]*count{}
	}
	c := d.counts[kind]
	if c == nil {
		c = &count{}
		d.counts[kind] = c
		d.kinds = append(d.kinds, kind)
	}
	if c.n++; c.n == maxFindings+1 {
		c.from = pos
	}
	return c.n > maxFindings
}

type count struct {
	n    int
	from diag.Pos
}

// Finish adds a line for each kind of finding that was past the limit,
// with how many more there are. Call it once, after the last Fields.
func (d *Doc) Finish() {
	for _, k := range d.kinds {
		if c := d.counts[k]; c.n > maxFindings {
			d.Errs.Errorf(c.from, "and %d more %s from here on (the first %d are listed)", c.n-maxFindings, k, maxFindings)
		}
	}
	d.counts, d.kinds = nil, nil
}

// Deref follows YAML aliases so that `*anchor` works like the value it names.
func Deref(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// Scalar reads a non-empty scalar as the characters written, trimmed: a
// title "2026" is text, not a number. Lists, mappings, empty values and
// control characters are errors. trim is how many bytes were cut from the
// front of the node's value, for Locate.
func (d *Doc) Scalar(n *yaml.Node, what string) (s string, trim int, ok bool) {
	n = Deref(n)
	if n.Kind != yaml.ScalarNode {
		d.Errs.Errorf(d.Pos(n), "%s must be text, not %s%s", what, KindName(n), colonHint(n))
		return "", 0, false
	}
	s = strings.TrimSpace(n.Value)
	if n.Tag == "!!null" || s == "" {
		d.Errs.Errorf(d.Pos(n), "%s is empty", what)
		return "", 0, false
	}
	trim = strings.Index(n.Value, s)
	if d.blanked && strings.ContainsRune(s, placeholder) {
		return "", trim, false // reported where the file was read
	}
	// Escapes such as "e\u0301" decompose after the source was normalised.
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	// Control characters print as nothing or as boxes; they usually come
	// from pasting out of another program.
	for i, r := range s {
		if r == '\n' || r == '\t' {
			continue
		}
		if r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfeff || r == utf8.RuneError {
			d.Errs.Errorf(d.Locate(n, trim+i), "%s contains the control character U+%04X; remove it", what, r)
			return s, trim, false
		}
	}
	d.curlyWrapped(n, s, trim, what)
	return s, trim, true
}

// OneLine is a scalar that must fit on one line, such as a title.
func (d *Doc) OneLine(n *yaml.Node, what string) (string, bool) {
	s, _, ok := d.Scalar(n, what)
	if ok && strings.ContainsRune(s, '\n') {
		d.Errs.Errorf(d.Pos(n), "%s must be one line", what)
		return s, false
	}
	return s, ok
}

// List reads a sequence.
func (d *Doc) List(n *yaml.Node, what string) ([]*yaml.Node, bool) {
	n = Deref(n)
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			d.Errs.Errorf(d.Pos(n), "%s is empty: give a list of entries, each starting with `- `", what)
		} else {
			d.Errs.Errorf(d.Pos(n), "%s must be a list (entries starting with `- `), not %s", what, KindName(n))
		}
		return nil, false
	}
	return n.Content, true
}

// Locate returns where byte off of a scalar node's value was typed. YAML
// quoting, folding and indentation mean a value's offsets are not the
// file's, so it searches the source from the node's start for the same
// occurrence of the same character: exact for everything written literally,
// and the node's own position for characters written as escapes.
func (d *Doc) Locate(n *yaml.Node, off int) diag.Pos {
	value := n.Value
	if off < 0 || off >= len(value) {
		return d.Pos(n)
	}
	r, _ := utf8.DecodeRuneInString(value[off:])
	d.index()
	if n.Line < 1 || n.Line > len(d.lineStarts) {
		return d.Pos(n)
	}
	var start, nth int
	if c := d.cursor; c.node == n && off >= c.off && n.Style&yaml.DoubleQuotedStyle == 0 {
		// value[c.off] was typed at c.src: count on from there.
		start, nth = c.src, strings.Count(value[c.off:off], string(r))
	} else {
		nth = strings.Count(value[:off], string(r))
		start = d.lineStarts[n.Line-1]
		for c := 1; c < n.Column && start < len(d.Src); c++ {
			_, size := utf8.DecodeRune(d.Src[start:])
			start += size
		}
		switch {
		case n.Style&yaml.DoubleQuotedStyle != 0:
			return d.locateQuoted(n, start, r, nth)
		case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			// The text starts on the line after the `|` or `>` header,
			// which may end in a comment.
			if i := bytes.IndexAny(d.Src[start:], "|>"); i >= 0 {
				if j := bytes.IndexByte(d.Src[start+i:], '\n'); j >= 0 {
					start += i + j + 1
				}
			}
		}
	}
	for j := start; j < len(d.Src); {
		c, size := utf8.DecodeRune(d.Src[j:])
		if c == r {
			if nth == 0 {
				d.cursor.node, d.cursor.off, d.cursor.src = n, off, j
				return d.offsetPos(j)
			}
			nth--
		}
		j += size
	}
	return d.Pos(n)
}

// locateQuoted finds the nth occurrence of r in a double-quoted scalar whose
// node starts at byte start, reading escapes as the runes they stand for so
// that an escaped character is located at its backslash and the search
// stops at the closing quote.
func (d *Doc) locateQuoted(n *yaml.Node, start int, r rune, nth int) diag.Pos {
	src := d.Src
	q := bytes.IndexByte(src[start:], '"')
	if q < 0 {
		return d.Pos(n)
	}
	for j := start + q + 1; j < len(src); {
		c, size := utf8.DecodeRune(src[j:])
		at := j
		switch c {
		case '"':
			return d.Pos(n)
		case '\\':
			c, size = quotedEscape(src[j:])
		}
		j += size
		if c == r {
			if nth == 0 {
				return d.offsetPos(at)
			}
			nth--
		}
	}
	return d.Pos(n)
}

// simpleEscapes are YAML's one-letter escapes in double-quoted text.
var simpleEscapes = map[byte]rune{'0': 0, 'a': 7, 'b': 8, 't': 9, '\t': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13,
	'e': 0x1b, ' ': ' ', '"': '"', '/': '/', '\\': '\\', 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029}

// quotedEscape decodes the escape at the start of b (which begins with a
// backslash), returning the rune it stands for (-1 for an escaped line
// break, which stands for nothing) and its length in bytes.
func quotedEscape(b []byte) (rune, int) {
	if len(b) < 2 {
		return -1, len(b)
	}
	if c, ok := simpleEscapes[b[1]]; ok {
		return c, 2
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[1]]
	if digits == 0 || len(b) < 2+digits {
		return -1, 2 // an escaped line break, or one YAML would refuse
	}
	v, err := strconv.ParseUint(string(b[2:2+digits]), 16, 32)
	if err != nil {
		return -1, 2
	}
	return rune(v), 2 + digits
}

// offsetPos converts a byte offset of the source to a position.
func (d *Doc) offsetPos(off int) diag.Pos {
	d.index()
	// Binary search for the line holding off.
	lo, hi := 0, len(d.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.lineStarts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	col := utf8.RuneCount(d.Src[d.lineStarts[lo]:min(off, len(d.Src))]) + 1
	return diag.Pos{File: d.File, Line: lo + 1, Col: col}
}

// KindName describes a node for messages.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "something else"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(src)
}

// Line returns line n (1-based) of the source, without its line break, for
// checks that read what was typed rather than what YAML made of it.
func (d *Doc) Line(n int) string { return d.line(n) }

// ByteCol converts a 1-based column in runes, as YAML counts them, to a
// byte offset of line.
func ByteCol(line string, col int) int {
	i := 0
	for c := 1; c < col && i < len(line); c++ {
		_, size := utf8.DecodeRuneInString(line[i:])
		i += size
	}
	return i
}
