package pdfwriter

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"handouts/handout/fontset"
	"handouts/handout/internal/pdfcheck"
	"handouts/handout/layout"
	"handouts/internal/tooltest"
)

// hostileStrings are what the writer's escaping must survive: the bytes
// that end or escape a string, line ends, NUL, unbalanced parentheses,
// non-ASCII of every plane.
var hostileStrings = []string{
	"", `\`, `\\`, "(", ")", ")(", "(()", `a\)b`, `\(`, "\r", "\r\n", "\n", "\t", "\x00", "\x7f",
	"tab\there", "%comment", "<>[]{}/#", "end)", `c:\new\file`, "Ünïcødé", "Привет (мир)", "‌ZWNJ\u200c",
	"ملف (CDC)", "emoji 😀 ok", "\u00a0no-break", `\ddd \053`,
}

// decodeString reads one PDF string (literal or hex) at the start of b,
// as ISO 32000-1 7.3.4 says, and returns its bytes and what follows.
func decodeString(t *testing.T, b []byte) ([]byte, []byte) {
	t.Helper()
	switch {
	case len(b) > 0 && b[0] == '<':
		end := bytes.IndexByte(b, '>')
		var out []byte
		for i := 1; i+1 < end; i += 2 {
			v, err := strconv.ParseUint(string(b[i:i+2]), 16, 8)
			if err != nil {
				t.Fatalf("hex string %q", b[:end+1])
			}
			out = append(out, byte(v))
		}
		return out, b[end+1:]
	case len(b) > 0 && b[0] == '(':
		var out []byte
		depth := 1
		for i := 1; i < len(b); i++ {
			c := b[i]
			switch c {
			case '\\':
				i++
				switch e := b[i]; e {
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
					// a line continuation
				default:
					if e >= '0' && e <= '7' {
						n := 0
						for k := 0; k < 3 && b[i] >= '0' && b[i] <= '7'; k++ {
							n = n*8 + int(b[i]-'0')
							i++
						}
						i--
						out = append(out, byte(n))
					} else {
						out = append(out, e)
					}
				}
			case '\r':
				// An unescaped end of line reads as \n (7.3.4.2).
				out = append(out, '\n')
				if i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
			case '(':
				depth++
				out = append(out, c)
			case ')':
				depth--
				if depth == 0 {
					return out, b[i+1:]
				}
				out = append(out, c)
			default:
				out = append(out, c)
			}
		}
	}
	t.Fatalf("not a string: %q", b)
	return nil, nil
}

// textOf is a text string's bytes as text: UTF-16BE after a byte order
// mark, else PDFDocEncoding (which is ASCII where the writer uses it).
func textOf(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}

// Every string the writer escapes reads back as itself: text strings
// (/Alt, /Contents, /ActualText, /Title), the bytes a content stream
// shows, and a literal inside a dictionary does not end early.
func TestStringsRoundTrip(t *testing.T) {
	for _, s := range hostileStrings {
		enc := appendText(nil, s)
		got, rest := decodeString(t, enc)
		if textOf(got) != s || len(rest) != 0 {
			t.Errorf("text %q written %q reads %q (rest %q)", s, enc, textOf(got), rest)
		}
		// A literal text string is read in PDFDocEncoding, whose control
		// codes and 0x7F are undefined: anything but printable ASCII
		// goes as UTF-16.
		if enc[0] == '(' && bytes.ContainsFunc(enc, func(r rune) bool { return r < 0x20 || r > 0x7E }) {
			t.Errorf("text %q written as the literal %q: only printable ASCII may be", s, enc)
		}
		if pdfText(s) != string(enc) {
			t.Errorf("pdfText and appendText differ for %q", s)
		}
		lit := appendLiteral(nil, s)
		got, rest = decodeString(t, lit)
		if string(got) != s || len(rest) != 0 {
			t.Errorf("literal %q written %q reads %q", s, lit, got)
		}
		if bytes.ContainsRune(lit, '\r') {
			t.Errorf("literal %q holds a raw carriage return", lit)
		}
		d := pdfDict{{"ActualText", textString(s)}, {"Next", pdfInt(1)}}.appendPDF(nil)
		if !bytes.HasSuffix(d, []byte(" /Next 1>>")) {
			t.Errorf("dictionary %q", d)
		}
	}
}

// A name reads back as itself, and never holds a delimiter, whitespace or
// '#' that would end or change it.
func TestNamesRoundTrip(t *testing.T) {
	names := []string{"Span", "g0", "ABCDEF+NotoSans-Bold", "a b", "x/y", "(p)", "#23", "%", "<>", "[]{}", "Ünï", "\x00\x01", "tab\t"}
	for c := 0; c < 256; c++ {
		names = append(names, "n"+string([]byte{byte(c)}))
	}
	for _, n := range names {
		enc := appendName(nil, n)
		if enc[0] != '/' {
			t.Fatalf("%q", enc)
		}
		var got []byte
		for i := 1; i < len(enc); i++ {
			c := enc[i]
			if c < 0x21 || c > 0x7E || strings.IndexByte("()<>[]{}/%", c) >= 0 {
				t.Errorf("name %q written %q holds %q raw", n, enc, c)
			}
			if c == '#' {
				v, err := strconv.ParseUint(string(enc[i+1:i+3]), 16, 8)
				if err != nil {
					t.Fatalf("name %q: bad escape in %q", n, enc)
				}
				got = append(got, byte(v))
				i += 2
				continue
			}
			got = append(got, c)
		}
		if string(got) != n {
			t.Errorf("name %q written %q reads %q", n, enc, got)
		}
	}
}

// FuzzTextString: whatever the text, its text string reads back as it
// (invalid UTF-8 as U+FFFD, as Go reads it).
func FuzzTextString(f *testing.F) {
	for _, s := range hostileStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ToValidUTF8(s, "\uFFFD")
		got, rest := decodeString(t, appendText(nil, s))
		if textOf(got) != want && textOf(got) != string([]rune(s)) || len(rest) != 0 {
			t.Fatalf("%q reads %q", s, textOf(got))
		}
		lit, rest := decodeString(t, appendLiteral(nil, s))
		if string(lit) != s || len(rest) != 0 {
			t.Fatalf("literal %q reads %q", s, lit)
		}
	})
}

// The strings of a whole document — a figure's /Alt, a link's /Contents,
// a shaped cluster's /ActualText, the title — read back exactly through an
// independent reader (qpdf, via pdfcheck), however hostile.
func TestDocumentStringsReadBack(t *testing.T) {
	tooltest.Require(t, "qpdf")
	hostile := `Alt \ ( ) (( \r c:\dir ` + "\r" + ` Привет`
	tree := layout.NewTree()
	para := tree.Add(layout.Paragraph, 0)
	link := tree.Add(layout.Link, para)
	fig := tree.AddFigure(hostile, 0)
	face := fontset.ForLanguage(fontset.Default(), "ru").Faces[fontset.Regular]
	run := cmapRun(t, face, "ab")
	run.Text = `a\)(b`
	run.Glyphs[1].Cluster = 1 // one glyph for `\)(b`: read through ActualText
	d := doc()
	d.Tree = tree
	d.Meta.Title = hostile
	d.Pages = []layout.Page{{Ops: []layout.Op{
		{Kind: layout.TextOp, X: 72, Y: 100, Text: `see c:\new (draft)`, Font: fontset.Regular, Size: 12, Struct: link},
		{Kind: layout.LinkOp, X: 72, Y: 90, W: 100, H: 12, URL: `https://example.org/a\b(c)`, Struct: link},
		{Kind: layout.TextOp, X: 72, Y: 130, Text: run.Text, Size: 12, Struct: para, Glyphs: run},
		{Kind: layout.RectOp, X: 300, Y: 300, W: 40, H: 40, Fill: &black, Struct: fig},
	}}}
	pdf, err := Bytes(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Problems {
		t.Error(p)
	}
	if r.Title != hostile {
		t.Errorf("title %q", r.Title)
	}
	if want := `see c:\new (draft)` + run.Text; r.PageText[0] != want {
		t.Errorf("page reads %q, want %q", r.PageText[0], want)
	}
	if len(r.Links) != 1 || r.Links[0] != `see c:\new (draft) (https://example.org/a%5Cb(c))` && r.Links[0] != `see c:\new (draft) (https://example.org/a\b(c))` {
		t.Errorf("link contents %q", r.Links)
	}
	var alt string
	var find func(n *pdfcheck.Node)
	find = func(n *pdfcheck.Node) {
		if n.Type == "Figure" {
			alt = n.Alt
		}
		for _, k := range n.Kids {
			find(k)
		}
	}
	find(r.Root)
	if alt != hostile {
		t.Errorf("figure /Alt %q, want %q", alt, hostile)
	}
}
