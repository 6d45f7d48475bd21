package pdfwriter

import (
	"strconv"
	"unicode/utf16"
)

// The typed PDF objects the writer makes (ISO 32000-1, 7.3). New objects
// are built as values and written once by appendPDF, so no string is ever
// spliced into a PDF without its escaping: a name goes through
// appendName, a string through appendLiteral or as hex, whatever it holds.

// object is a PDF object that writes itself.
type object interface {
	appendPDF(b []byte) []byte
}

type (
	pdfName  string // a name, /Type
	pdfInt   int    // an integer
	pdfBool  bool   // true or false
	pdfRef   int    // an indirect reference to object n, generation 0
	pdfArray []object
	// textString is a text string (7.9.2.2): a literal when it is
	// printable ASCII, else UTF-16BE with a byte order mark, in hex.
	textString string
	// hexString is a byte string written in hex: glyph codes.
	hexString []byte
	// rawObject is bytes the writer has already made in PDF syntax (a
	// content stream's operators are not objects).
	rawObject string
)

// pdfDict is a dictionary, its entries in the order given: the bytes of a
// document never depend on map order.
type pdfDict []entry

type entry struct {
	key pdfName
	val object
}

func (n pdfName) appendPDF(b []byte) []byte { return appendName(b, string(n)) }
func (i pdfInt) appendPDF(b []byte) []byte  { return strconv.AppendInt(b, int64(i), 10) }
func (v pdfBool) appendPDF(b []byte) []byte { return strconv.AppendBool(b, bool(v)) }
func (r pdfRef) appendPDF(b []byte) []byte {
	return append(strconv.AppendInt(b, int64(r), 10), " 0 R"...)
}
func (r rawObject) appendPDF(b []byte) []byte  { return append(b, r...) }
func (s textString) appendPDF(b []byte) []byte { return appendText(b, string(s)) }
func (s hexString) appendPDF(b []byte) []byte {
	const digits = "0123456789ABCDEF"
	b = append(b, '<')
	for _, c := range s {
		b = append(b, digits[c>>4], digits[c&15])
	}
	return append(b, '>')
}

func (a pdfArray) appendPDF(b []byte) []byte {
	b = append(b, '[')
	for i, v := range a {
		if i > 0 {
			b = append(b, ' ')
		}
		b = v.appendPDF(b)
	}
	return append(b, ']')
}

func (d pdfDict) appendPDF(b []byte) []byte {
	b = append(b, "<<"...)
	for i, e := range d {
		if i > 0 {
			b = append(b, ' ')
		}
		b = e.val.appendPDF(append(e.key.appendPDF(b), ' '))
	}
	return append(b, ">>"...)
}

// appendLiteral appends s as a literal string, between parentheses: the
// one place a string's bytes are escaped. A backslash or parenthesis would
// end or escape the string, and a raw carriage return would be read as an
// end of line (7.3.4.2).
func appendLiteral[S string | []byte](b []byte, s S) []byte {
	b = append(b, '(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, `\r`...)
		default:
			b = append(b, c)
		}
	}
	return append(b, ')')
}

// appendText appends s as a text string: literal when every byte is
// printable ASCII, else UTF-16BE with its byte order mark, in hex.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			const digits = "0123456789ABCDEF"
			b = append(b, "<FEFF"...)
			for _, u := range utf16.Encode([]rune(s)) {
				b = append(b, digits[u>>12], digits[u>>8&15], digits[u>>4&15], digits[u&15])
			}
			return append(b, '>')
		}
	}
	return appendLiteral(b, s)
}

// appendName appends a name: a slash, then its bytes, each byte outside
// the regular printable characters (a delimiter, whitespace, '#', or
// beyond ASCII) written as #XX (7.3.5).
func appendName(b []byte, s string) []byte {
	const digits = "0123456789ABCDEF"
	b = append(b, '/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x21 || c > 0x7E || c == '#' || c == '/' || c == '%' || c == '(' || c == ')' ||
			c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}':
			b = append(b, '#', digits[c>>4], digits[c&15])
		default:
			b = append(b, c)
		}
	}
	return b
}
