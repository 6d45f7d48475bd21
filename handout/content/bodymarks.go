package content

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
	"handouts/handout/yamldoc"
)

// bodyMarkers warns at each line of a body that starts the way a list item
// or a heading does in a word processor or Markdown: "- ", "* ", "1. " or
// "#". A body is running text, so such lines print inside one paragraph (in
// the asthma draft, the emergency signs ran together as "…blue or gray. -
// You are so short of breath…"); the warning names the field that prints
// them as the writer meant. It reads the source lines the value spans,
// because YAML folds most line breaks away before the text reaches us.
func (d *decoder) bodyMarkers(n *yaml.Node, what string) {
	if n.Kind != yaml.ScalarNode || n.Value == "" {
		return
	}
	first, col0 := n.Line, n.Column
	block := n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	if block {
		first, col0 = n.Line+1, 1 // the text starts under the `|` or `>`
	}
	last := d.Locate(n, len(strings.TrimRight(n.Value, "\n"))-1).Line
	for ln := first; ln <= last; ln++ {
		line := d.Line(ln)
		start := 0
		if ln == n.Line && !block {
			// The value's own first line: skip the key, and an opening quote.
			start = yamldoc.ByteCol(line, col0)
			if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && start < len(line) {
				start++
			}
		}
		trimmed := strings.TrimLeft(line[start:], " ")
		at := len(line) - len(trimmed)
		mark, msg := listMarker(trimmed)
		if mark == "" {
			continue
		}
		pos := d.Pos(n)
		pos.Line, pos.Col = ln, utf8.RuneCountInString(line[:at])+1
		// One message per line is right for a handout; a pasted document
		// of thousands of such lines gets the first few and a count.
		if d.markers++; d.markers > maxMarkers {
			continue
		}
		d.Errs.Warnf(pos, "%s: a line starting with %q prints as part of the paragraph, not as %s", what, mark, msg)
	}
}

const maxMarkers = 20

// moreMarkers reports how many lines went unreported past maxMarkers.
func (d *decoder) moreMarkers(pos diag.Pos) {
	if n := d.markers - maxMarkers; n > 0 {
		d.Errs.Warnf(pos, "and %d more lines in bodies start like a list or a heading; use `bullets:` or `steps:`", n)
	}
}

// listMarker returns the marker a line starts with and what to use instead.
func listMarker(s string) (string, string) {
	switch {
	case strings.HasPrefix(s, "- "), strings.HasPrefix(s, "* "), strings.HasPrefix(s, "• "):
		return s[:strings.IndexByte(s, ' ')+1], "a bullet; put the points in a `bullets:` list (or `steps:` if their order matters)"
	case strings.HasPrefix(s, "#"):
		j := 0
		for j < len(s) && s[j] == '#' {
			j++
		}
		if j < len(s) && s[j] != ' ' {
			return "", "" // "#1 reason", a hashtag: not a heading
		}
		return s[:j], "a heading; start a new section with its own `heading:` (sections also take `bullets:` and `steps:` lists)"
	}
	// "1. " or "1) ", up to two digits: "2020. That year" is a sentence.
	j := 0
	for j < len(s) && j < 3 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j > 0 && j < 3 && j+1 < len(s) && (s[j] == '.' || s[j] == ')') && s[j+1] == ' ' {
		return s[:j+2], "a numbered step; put the steps in a `steps:` list, which numbers them"
	}
	return "", ""
}
