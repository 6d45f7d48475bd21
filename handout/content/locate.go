package content

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
	"handouts/handout/yamldoc"
)

// locator maps an offset in a Text back to the node value it came from, so
// yamldoc can find where the character was typed.
type locator struct {
	doc    *yamldoc.Doc
	node   *yaml.Node
	off    int  // offset of the text's start within the node's value
	joined bool // lines were joined with spaces, so offsets after a break drift
}

func (l locator) shift(off int) locator {
	l.off += off
	return l
}

func (l locator) pos(t Text, i int) diag.Pos {
	if l.doc == nil || l.node == nil || i < 0 || i >= len(t.Raw) {
		return t.Pos
	}
	at := l.off + i
	if l.joined {
		// Joining replaced "\n   " by " "; the character's occurrence count
		// within the paragraph survives that, its offset does not.
		r, _ := utf8.DecodeRuneInString(t.Raw[i:])
		nth := strings.Count(t.Raw[:i], string(r))
		at = -1
		for j, c := range l.node.Value[l.off:] {
			if c == r {
				if nth == 0 {
					at = l.off + j
					break
				}
				nth--
			}
		}
	}
	if at < 0 || at >= len(l.node.Value) {
		return t.Pos
	}
	return l.doc.Locate(l.node, at)
}
