package content

import (
	"handouts/internal/growth"
	"reflect"
	"strings"
	"testing"
)

func TestParseInline(t *testing.T) {
	const u = "https://example.org"
	plain := func(s string) Span { return Span{Text: s} }
	bold := func(s string) Span { return Span{Text: s, Bold: true} }
	ital := func(s string) Span { return Span{Text: s, Italic: true} }
	both := func(s string) Span { return Span{Text: s, Bold: true, Italic: true} }
	link := func(s Span, url string) Span { s.URL = url; return s }
	for _, tc := range []struct {
		in   string
		want []Span
	}{
		{"", nil},
		{"plain words", []Span{plain("plain words")}},
		{"a **bold** word", []Span{plain("a "), bold("bold"), plain(" word")}},
		{"an *italic* word", []Span{plain("an "), ital("italic"), plain(" word")}},
		{"***both***", []Span{both("both")}},
		{"**bold *and italic***", []Span{bold("bold "), both("and italic")}},
		{"*italic **and bold** too*", []Span{ital("italic "), both("and bold"), ital(" too")}},
		{"**a** and **b**", []Span{bold("a"), plain(" and "), bold("b")}},
		{"see [the **guide**](" + u + ") now", []Span{plain("see "), link(plain("the "), u), link(bold("guide"), u), plain(" now")}},
		{"[*all*](" + u + ")", []Span{link(ital("all"), u)}},
		{"[a](" + u + ")[b](tel:911)", []Span{link(plain("a"), u), link(plain("b"), "tel:911")}},
		// Emphasis around a link covers it.
		{"**Call [911](tel:911) now**", []Span{bold("Call "), link(bold("911"), "tel:911"), bold(" now")}},
		{"*a [b](" + u + ")*", []Span{ital("a "), link(ital("b"), u)}},
		// A marker inside the link's words does not pair with one outside.
		{"*a [b*](" + u + ")", []Span{plain("*a "), link(plain("b*"), u)}},
		// Unmatched markers stay literal.
		{"a * b", []Span{plain("a * b")}},
		{"5 * 3 = 15", []Span{plain("5 * 3 = 15")}},
		// Stars pair as CommonMark's emphasis: an opener against the start
		// of a word, a closer against the end of one. Doses and footnote
		// marks print as written.
		{"5 * 3 * 2", []Span{plain("5 * 3 * 2")}},
		{"Ratings 5 * 4 * 3", []Span{plain("Ratings 5 * 4 * 3")}},
		{"Take 2*3 tablets a day, or 1*5 if you are over 65.", []Span{plain("Take 2*3 tablets a day, or 1*5 if you are over 65.")}},
		{"Ibuprofen* can upset your stomach. *Take it with food.", []Span{plain("Ibuprofen* can upset your stomach. *Take it with food.")}},
		{"take *2*3* doses", []Span{plain("take "), ital("2*3"), plain(" doses")}},
		{"*not italic *", []Span{plain("*not italic *")}},
		{"a word*, then *another", []Span{plain("a word*, then *another")}},
		{"**", []Span{plain("**")}},
		{"**open", []Span{plain("**open")}},
		{"*a**b*", []Span{ital("ab")}},
		{"**a*", []Span{plain("*"), ital("a")}},
		{"*(see below)*", []Span{ital("(see below)")}},
		{"un*frigging*believable", []Span{plain("un"), ital("frigging"), plain("believable")}},
		// Parentheses in a destination balance.
		{"[wiki](https://en.wikipedia.org/wiki/Sleep_(disambiguation))", []Span{link(plain("wiki"), "https://en.wikipedia.org/wiki/Sleep_(disambiguation)")}},
		{"([wiki](https://x.org/a_(b)))", []Span{plain("("), link(plain("wiki"), "https://x.org/a_(b)"), plain(")")}},
		{"[a](https://x.org/(b) c)", []Span{plain("[a](https://x.org/(b) c)")}},
		{"[a](https://x.org/(b)", []Span{plain("[a](https://x.org/(b)")}},
		// Not links.
		{"[a](b c)", []Span{plain("[a](b c)")}},
		{"[a] (" + u + ")", []Span{plain("[a] (" + u + ")")}},
		{"[brackets] only", []Span{plain("[brackets] only")}},
		{"[](" + u + ")", []Span{plain("[](" + u + ")")}},
		{"[a]()", []Span{plain("[a]()")}},
		{"[a](" + u, []Span{plain("[a](" + u)}},
		{"a ] b ( c ) [", []Span{plain("a ] b ( c ) [")}},
		// Not checked here: a link with a bad URL is still a link (Decode
		// reports it).
		{"[x](example)", []Span{link(plain("x"), "example")}},
	} {
		got := ParseInline(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseInline(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
		}
	}
}

// TestStrayMarkers: a star that could open or close emphasis but has no
// partner is reported, so the writer can be told it prints as written;
// stars between digits or with spaces on both sides are not.
func TestStrayMarkers(t *testing.T) {
	for in, want := range map[string][]int{
		"plain":                           nil,
		"*a* and **b**":                   nil,
		"5 * 4 * 3":                       nil,
		"2*3 tablets":                     nil,
		"Ibuprofen* can upset. *Take it.": {9, 22},
		"**a*":                            {0},
		"*a [b*](https://x.org)":          {0, 5},
	} {
		_, got := ParseInlineStray(in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseInlineStray(%q) stray at %v, want %v", in, got, want)
		}
	}
}

func TestPlainText(t *testing.T) {
	in := "**Call** [*911*](tel:911) or *see* the [guide](https://example.org)."
	if got, want := PlainText(ParseInline(in)), "Call 911 or see the guide."; got != want {
		t.Errorf("PlainText = %q, want %q", got, want)
	}
}

// TestParseInlineLinear: pathological inputs parse in linear time. A
// quadratic parser takes minutes on a megabyte of these.
func TestParseInlineLinear(t *testing.T) {
	for _, unit := range []string{"[[[[", "****", "[a](", "](x)", "*[a](b c)", "[*](u)**", "**a**", "*a*", "[a](u)", "[a](b(", "](((", "[a](((b)", "2*3*"} {
		t.Run(unit, func(t *testing.T) {
			in := func(n int) string { return strings.Repeat(unit, n/len(unit)) }
			if n := len(PlainText(ParseInline(in(1 << 20)))); n > 1<<20 {
				t.Errorf("%q: plain text longer than input", unit)
			}
			growth.Linear(t, 16<<10, func(n int) { ParseInline(in(n)) })
		})
	}
}

func FuzzParseInline(f *testing.F) {
	for _, s := range []string{
		"", "plain", "**bold**", "*it*", "***x***", "[a](https://x.org)", "[**a**](u) *b*",
		"**Call [911](tel:911) now**", "[[[[", "****", "a * b", "[a](b c)", "*a [b*](u)",
		"\xff*\xfe", "é *ü* [ñ](https://ñ.org)",
		`2\*3`, `\*not italic\*`, `a\\*b*`, "see https://x.org/a_*b*_c now", "*see https://x.org/a*b*",
		`[a\]b](https://x.org/c\)d)`, "www.a.org/*a* and *c*", `\`, `*\`, "https://", "\\[x](y)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		spans, stray := ParseInlineStray(in)
		plain := PlainText(spans)
		// Stray stars are stars, and every character a reader sees maps
		// back to the same character where it was typed (escapes and
		// web addresses included).
		for _, o := range stray {
			if o < 0 || o >= len(in) || in[o] != '*' {
				t.Fatalf("%q: stray %d is not a star", in, o)
			}
		}
		toRaw := Text{Raw: in, Spans: spans}.RawOffsets()
		for i := 0; i < len(plain); i++ {
			if j := toRaw(i); j < 0 || j >= len(in) || in[j] != plain[i] {
				t.Fatalf("%q: plain %d (%q) maps to %d", in, i, plain[i], j)
			}
		}
		if len(plain) > len(in) {
			t.Fatalf("plain text %q longer than input %q", plain, in)
		}
		for i, s := range spans {
			if s.Text == "" {
				t.Fatalf("empty span %d in %+v", i, spans)
			}
			if i > 0 {
				p := spans[i-1]
				if p.Bold == s.Bold && p.Italic == s.Italic && p.URL == s.URL {
					t.Fatalf("adjacent spans %d and %d have the same style: %+v", i-1, i, spans)
				}
			}
			if s.URL != "" && strings.ContainsAny(s.URL, " \t\n[") {
				t.Fatalf("link URL %q has spaces or [", s.URL)
			}
		}
		if !strings.ContainsAny(in, "*[\\") {
			if in == "" {
				if spans != nil {
					t.Fatalf("spans for empty input: %+v", spans)
				}
			} else if len(spans) != 1 || spans[0] != (Span{Text: in}) {
				t.Fatalf("input without markup gave %+v", spans)
			}
		}
		// Without a '*', a "](" or a backslash there is no markup at all.
		if in != "" && !strings.ContainsAny(in, "*\\") && !strings.Contains(in, "](") {
			if len(spans) != 1 || spans[0] != (Span{Text: in}) {
				t.Fatalf("input without markup gave %+v", spans)
			}
		}
	})
}

func TestRawOffsets(t *testing.T) {
	raw := "**Do not** stop. See [the *guide*](https://example.org) now. 5 * 3 **x****y**z"
	tx := Text{Raw: raw, Spans: ParseInline(raw)}
	plain := PlainText(tx.Spans)
	toRaw := tx.RawOffsets()
	for _, word := range []string{"Do", "not", "stop", "See", "the", "guide", "now", "5 * 3", "xy", "y", "z"} {
		off := strings.Index(plain, word)
		got := toRaw(off)
		if got < 0 || got >= len(raw) || raw[got] != plain[off] {
			t.Errorf("%q: plain offset %d maps to raw %d (%q)", word, off, got, raw[min(max(got, 0), len(raw)-1):])
			continue
		}
		// The mapped character starts the same word in the raw text,
		// unless markup splits the word.
		if word != "xy" && !strings.HasPrefix(raw[got:], word) {
			t.Errorf("%q maps to %q", word, raw[got:])
		}
	}
	if got, want := toRaw(strings.Index(plain, "y")), strings.Index(raw, "y"); got != want {
		t.Errorf("y at %d, want %d", got, want)
	}
	// Plain text without markup maps to itself.
	tx = Text{Raw: "a b", Spans: ParseInline("a b")}
	if tx.RawOffsets()(2) != 2 {
		t.Error("identity mapping")
	}
}

// TestEscapesAndAddresses: a backslash before * _ [ ] ( ) or \ prints that
// character as itself, and a bare web address is never markup (issue 21,
// item 16; the content format's contract). Stars in a bare address are
// part of it, and an escaped star is no stray.
func TestEscapesAndAddresses(t *testing.T) {
	plain := func(s string) Span { return Span{Text: s} }
	ital := func(s string) Span { return Span{Text: s, Italic: true} }
	bold := func(s string) Span { return Span{Text: s, Bold: true} }
	for _, tc := range []struct {
		in   string
		want []Span
	}{
		{`2\*3`, []Span{plain("2*3")}},
		{`\*not italic\*`, []Span{plain("*not italic*")}},
		{`\*\*not bold\*\*`, []Span{plain("**not bold**")}},
		{`*a \* b*`, []Span{ital("a * b")}},
		{`a\\*b*`, []Span{plain(`a\`), ital("b")}},
		{`\_under\_ and \\`, []Span{plain(`_under_ and \`)}},
		{`\[not a link\](https://x.org)`, []Span{plain("[not a link](https://x.org)")}},
		{`[a\]b](https://x.org/c\)d)`, []Span{{Text: "a]b", URL: "https://x.org/c)d"}}},
		// A backslash before anything else prints.
		{`C:\Users\me and 5\3`, []Span{plain(`C:\Users\me and 5\3`)}},
		// Bare addresses keep their stars, underscores and backslashes.
		{"see https://example.org/path_with_*stars*_x now", []Span{plain("see https://example.org/path_with_*stars*_x now")}},
		{`https://x.org/a\*b`, []Span{plain(`https://x.org/a\*b`)}},
		{"www.example.org/*a* and *c*", []Span{plain("www.example.org/*a* and "), ital("c")}},
		// Markup around an address still works: the address ends before
		// the punctuation and stars that close it.
		{"*see https://x.org/a*b*", []Span{ital("see https://x.org/a*b")}},
		{"**https://x.org/a_b**, then", []Span{bold("https://x.org/a_b"), plain(", then")}},
		// A link's destination is not a bare address, nor are its words.
		{"[https://x.org/*a*](https://x.org)", []Span{{Text: "https://x.org/*a*", URL: "https://x.org"}}},
	} {
		got, stray := ParseInlineStray(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseInline(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if len(stray) > 0 {
			t.Errorf("ParseInline(%q): stray stars at %v", tc.in, stray)
		}
		// Offsets of what a reader sees map back to where it was typed.
		txt := Text{Raw: tc.in, Spans: got}
		plainText, toRaw := PlainText(got), txt.RawOffsets()
		for i := 0; i < len(plainText); i++ {
			if j := toRaw(i); j < 0 || j >= len(tc.in) || tc.in[j] != plainText[i] {
				t.Errorf("%q: plain offset %d (%q) maps to raw %d", tc.in, i, plainText[i], j)
				break
			}
		}
	}
}

// ParseInline is ParseInlineStray's spans, as most tests read them.
func ParseInline(text string) []Span {
	spans, _ := ParseInlineStray(text)
	return spans
}
