package readability

import (
	"unicode"
	"unicode/utf8"
)

// isURLLike reports tokens a reader does not sound out: URLs, e-mail
// addresses and bare domains such as "988lifeline.org".
func isURLLike(tok []byte) bool {
	dot := -1
	for i, c := range tok {
		switch c {
		case '@':
			return i > 0 && i < len(tok)-1
		case ':':
			if i+2 < len(tok) && tok[i+1] == '/' && tok[i+2] == '/' {
				return true
			}
		case '.':
			if i > 0 && isASCIIAlnum(tok[i-1]) && i+1 < len(tok) && isASCIILetter(tok[i+1]) {
				dot = i
			}
		}
	}
	if dot < 0 {
		return false
	}
	if hasPrefixFold(tok, "www.") {
		return true
	}
	j := dot + 1
	for j < len(tok) && isASCIILetter(tok[j]) {
		j++
	}
	var tld [4]byte
	n := j - dot - 1
	if n < 2 || n > len(tld) {
		return false
	}
	for k := 0; k < n; k++ {
		tld[k] = toLowerASCII(tok[dot+1+k])
	}
	switch string(tld[:n]) {
	case "com", "org", "net", "gov", "edu", "io", "us", "uk", "ca", "au", "nz", "info", "mil", "int":
		return true
	}
	return false
}

func hasURLPrefix(t string, i int) bool {
	for i < len(t) && (t[i] == '(' || t[i] == '"' || t[i] == '\'' || t[i] == '[') {
		i++
	}
	rest := t[i:]
	return hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")
}

// hasPrefixFold reports whether b starts with the lower-case ASCII p,
// ignoring ASCII case.
func hasPrefixFold[T string | []byte](b T, p string) bool {
	if len(b) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if toLowerASCII(b[i]) != p[i] {
			return false
		}
	}
	return true
}

// separatorLen returns the byte length of a word separator at t[i:], or 0.
func separatorLen(t string, i int) int {
	switch c := t[i]; c {
	case '/', '|':
		return 1
	case '-':
		if i+1 < len(t) && t[i+1] == '-' {
			j := i + 2
			for j < len(t) && t[j] == '-' {
				j++
			}
			return j - i
		}
		return 0
	case 0xE2: // U+2013 en dash, U+2014 em dash, U+2015 horizontal bar
		if i+2 < len(t) && t[i+1] == 0x80 && t[i+2] >= 0x93 && t[i+2] <= 0x95 {
			return 3
		}
	}
	return 0
}

func decodeRune(t string, i int) (rune, int) {
	if c := t[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || ('\t' <= r && r <= '\r')
	}
	return unicode.IsSpace(r)
}

// isIdeographicStop is sentence-final punctuation of scripts written
// without spaces: the ideographic, fullwidth and halfwidth full stops and
// the fullwidth ! and ?.
func isIdeographicStop(r rune) bool {
	switch r {
	case '。', '．', '｡', '！', '？':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』', '）', '】', '〕', '〉', '》':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡', '「', '『', '（', '【', '〔', '〈', '《':
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || (c >= '0' && c <= '9') }

func toLowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
