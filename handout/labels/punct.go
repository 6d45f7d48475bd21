package labels

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fullWidthPunct reports whether the labels' language sets its
// punctuation full width: Chinese and Japanese, whose colon '：' and
// question mark '？' carry their own space, so no space follows them.
// Korean uses the Latin marks, with a space.
func (l *Labels) fullWidthPunct() bool {
	return l.Lang == "ja" || l.Lang == "zh" || strings.HasPrefix(l.Lang, "zh-")
}

// Colon is what a label is followed by before its value ("Patient: ",
// "患者："): a colon and a space, or the full-width colon alone.
func (l *Labels) Colon() string {
	if l.fullWidthPunct() {
		return "："
	}
	return ": "
}

// RunIn is a heading set before its text on the same line: a colon after
// it (Colon), unless it already ends in punctuation ("What is asthma?",
// "为什么？"), which then takes a space, or none when full width.
func (l *Labels) RunIn(heading string) string {
	if r, _ := utf8.DecodeLastRuneInString(heading); unicode.IsPunct(r) && r != ')' && r != '"' && r != '\u201d' && r != '）' {
		if l.fullWidthPunct() && r >= 0x3000 {
			return heading
		}
		return heading + " "
	}
	return heading + l.Colon()
}
