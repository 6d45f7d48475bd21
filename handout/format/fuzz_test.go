package format

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"handouts/handout/brand"
	"handouts/handout/check"
	"handouts/handout/content"
	"handouts/handout/labels"
	"handouts/handout/layout"
)

// FuzzTextOutIsTextIn: for any body text that check accepts, the words the
// guide draws are the words written, in order. Allowed differences are the
// deliberate ones: NFC, whitespace, the markup itself, and the typographic
// pass (curly quotes, en dashes, no-break spaces). Soft hyphens (a "-" at a
// line's end) and links (their short address) are covered by their own
// tests, so they are taken out of the input here.
func FuzzTextOutIsTextIn(f *testing.F) {
	for _, s := range []string{
		"Take 2*3 tablets a day, or 1*5 if you are over 65.",
		"Ibuprofen* can upset your stomach. *Take it with food.",
		"Ratings 5 * 4 * 3 and **bold *and italic***",
		"I'm \"fine\" - ages 5-12, 2026-11-01, call 555-0199 or call / 911.",
		"nai\u0308ve Cafe\u0301, 4\u00a0hours",
		"PMID 12345 and 988 Suicide & Crisis Lifeline -- now",
		"first\n\nsecond paragraph\twith a tab",
		"'quoted' \"x\"y\" '90s don't",
	} {
		f.Add(s)
	}
	b, errs := brand.Resolve(nil, brand.Settings{})
	if len(errs) != 0 {
		f.Fatal(errs)
	}
	lab, _ := labels.For("en")
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body string) {
		body = strings.ReplaceAll(body, "\u00ad", "")
		if strings.Contains(body, "](") {
			return
		}
		src := "title: T\nsummary:\n  - One.\n  - Two.\nsections:\n  - heading: H\n    body: " + strconv.Quote(body) + "\n"
		h, errs := content.Decode("f.yaml", []byte(src))
		if errs.HasErrors() || check.Handout(h, b, now).HasErrors() || len(h.Sections) != 1 {
			return
		}
		for _, p := range h.Sections[0].Body {
			if strings.ContainsRune(p.Raw, '\u00ad') || strings.Contains(p.Raw, "](") {
				return // from an escape such as \xad: see above
			}
		}
		doc, err := Compose(Guide, h, b, lab, Options{Paper: Letter})
		if err != nil {
			t.Fatalf("Compose: %v", err)
		}
		// Pieces of a line carry their own spaces, and a line broken at a
		// space keeps it at its end; paragraphs are apart.
		var drawn strings.Builder
		last := -1
		for _, p := range doc.Pages {
			for _, op := range p.Ops {
				if op.Kind == layout.TextOp && op.Struct > 0 && doc.Tree.Structs[op.Struct].Role == layout.Paragraph {
					if op.Struct != last {
						drawn.WriteByte(' ')
						last = op.Struct
					}
					drawn.WriteString(op.Text)
				}
			}
		}
		var written strings.Builder
		for _, p := range h.Sections[0].Body {
			written.WriteString(content.PlainText(p.Spans))
			written.WriteByte(' ')
		}
		if got, want := comparable(drawn.String()), comparable(norm.NFC.String(written.String())); got != want {
			t.Fatalf("drawn text differs from the text written:\n got %q\nwant %q\nbody %q", got, want, body)
		}
	})
}

// comparable undoes the typographic pass and whitespace differences.
func comparable(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "–", "-").Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) })
	for i, w := range words {
		if w == "--" {
			words[i] = "-" // a spaced double hyphen prints as one dash
		}
	}
	return strings.Join(words, " ")
}
