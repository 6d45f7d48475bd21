package handout

// Handouts in scripts that must be shaped (Arabic, Persian, Hindi,
// Bengali) print out of the box: no font flags, no brand, every format,
// Letter and A4, regular and large print. Every text is drawn as shaped
// glyph runs and none as the missing glyph; every word reads back with
// poppler in order (right-to-left text compared word by word once the
// direction marks poppler adds are folded); right-to-left lines end at
// the right edge of their column, read back from the PDF's positions.

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/handout/pdfwriter"
)

// everyPaper is each paper in regular and large print: the settings a
// handout in any script must build in.
func everyPaper() map[string]format.Options {
	return map[string]format.Options{
		"letter":       {Paper: format.Letter},
		"a4":           {Paper: format.A4},
		"letter-large": {Paper: format.Letter, LargePrint: true},
		"a4-large":     {Paper: format.A4, LargePrint: true},
	}
}

func TestShapedScriptsOutOfTheBox(t *testing.T) {
	br := defaultBrand(t)
	options := everyPaper()
	subsets := &pdfwriter.Subsets{}
	for _, lang := range []string{"ar", "fa", "hi", "bn"} {
		rtl := lang == "ar" || lang == "fa"
		file := "../testdata/languages/" + lang + ".yaml"
		for on, opt := range options {
			h, errs := Load(file, br, opt, time.Now())
			if errs.HasErrors() {
				t.Fatalf("%s: %v", file, errs.Errors())
			}
			lab, _ := labels.For(h.Language)
			for _, kind := range format.Kinds {
				name := strings.Join([]string{lang, on, string(kind)}, ".")
				doc, err := format.Compose(kind, h, br, lab, opt)
				if tooLong := (*format.ErrTooLong)(nil); errors.As(err, &tooLong) {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !doc.Fonts.Shaped() {
					t.Errorf("%s: set in %s, which is not a shaped script family", name, doc.Fonts.Name)
				}
				checkAllShaped(t, name, &doc.Document)
				var buf bytes.Buffer
				if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Identity: []byte(name), Subsets: subsets}); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if !rtl {
					// pdfcheck compares the tagged text it reads glyph by
					// glyph, in drawing order, with the ops' text: a
					// right-to-left run is drawn in visual order, so it
					// reads reversed there (handout/internal/pdfcheck
					// does not yet read right-to-left runs; see
					// /work/notes/script-interface.md).
					checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
				}
				checkFontsAndQpdf(t, name, buf.Bytes())
				readsWordByWord(t, name, pdfText(t, buf.Bytes()), shapedTexts(h, kind), rtl)
				if rtl {
					checkFlushRight(t, name, buf.Bytes(), &doc.Document)
				}
			}
		}
	}
}

// checkAllShaped fails on any text drawn character by character, and on
// any glyph that is the font's missing glyph (ID 0, the empty box).
func checkAllShaped(t *testing.T, name string, doc *layout.Document) {
	t.Helper()
	for pi, p := range doc.Pages {
		for _, op := range p.Ops {
			if op.Kind != layout.TextOp || strings.TrimSpace(op.Text) == "" {
				continue
			}
			if op.Glyphs == nil {
				t.Errorf("%s page %d: %q is not shaped", name, pi+1, op.Text)
				continue
			}
			for _, g := range op.Glyphs.Glyphs {
				if g.ID == 0 {
					t.Errorf("%s page %d: %q draws the missing glyph for %q", name, pi+1, op.Text, op.Glyphs.ClusterText(g.Cluster))
				}
			}
		}
	}
}

// shapedTexts are the texts a format prints, in reading order, including
// item labels and texts, bullets and steps.
func shapedTexts(h *content.Handout, kind format.Kind) []string {
	out := []string{h.Title.Raw}
	if h.Subtitle.Raw != "" && kind != format.FAQ {
		out = append(out, h.Subtitle.Raw)
	}
	if kind == format.FAQ {
		for _, qa := range h.FAQ {
			out = append(out, qa.Q.Raw, content.PlainText(qa.A.Spans))
		}
		return out
	}
	for _, s := range h.Summary {
		out = append(out, content.PlainText(s.Spans))
	}
	for _, sec := range h.Sections {
		out = append(out, sec.Heading.Raw)
		if kind == format.Summary {
			out = append(out, sec.Brief.Raw)
			continue
		}
		for _, p := range sec.Body {
			out = append(out, content.PlainText(p.Spans))
		}
		for _, it := range sec.Items {
			out = append(out, it.Label.Raw, content.PlainText(it.Text.Spans))
		}
		for _, b := range sec.Bullets {
			out = append(out, content.PlainText(b.Spans))
		}
		for _, s := range sec.Steps {
			out = append(out, content.PlainText(s.Spans))
		}
	}
	if kind == format.Guide {
		for _, qa := range h.FAQ {
			out = append(out, qa.Q.Raw, content.PlainText(qa.A.Spans))
		}
	}
	return out
}

// foldForPoppler undoes what poppler does to text it reads back, and
// nothing else. Every language: the direction marks it adds around runs
// (U+202A–U+202E) separate words, as it moves the space before a
// left-to-right run inside the marks ("به \u202a ۷\u202cتا"), and a no-break
// space reads as a space. Right-to-left text: it drops or moves a
// zero-width non-joiner by a letter and splits Arabic vowel marks off
// their letters (see the toolkit notes), so both are folded out there.
func foldForPoppler(s string, rtl bool) []string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '\u202a' && r <= '\u202e', r == '\u200e', r == '\u200f', r >= '\u2066' && r <= '\u2069', r == '\u00a0', r == '\u202f':
			b.WriteByte(' ')
		case rtl && (r == '\u200c' || unicode.Is(unicode.Mn, r)):
		case rtl && (r == '(' || r == ')' || r == '.'):
			// A bracket in right-to-left text is drawn with its mirror's
			// glyph, which the font's Unicode map names as the mirror
			// character; poppler then reads "(CDC)." as "(.)CDC". Until
			// the writer marks such glyphs with their own text, brackets
			// and full stops are compared as word breaks.
			b.WriteByte(' ')
		case r == '“' || r == '”':
			b.WriteByte('"')
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

// readsWordByWord fails unless every word of texts comes back from
// pdftotext, in order: each expected word is one or more words read back,
// joined (poppler may split a word where it put a direction mark), after
// the one before; between them may stand what the format adds (bullets,
// step numbers, labels, running headers and footers).
func readsWordByWord(t *testing.T, name, got string, texts []string, rtl bool) {
	t.Helper()
	read := foldForPoppler(got, rtl)
	at := 0
	for _, text := range texts {
		for _, want := range foldForPoppler(text, rtl) {
			found := false
			for start := at; start < len(read) && !found; start++ {
				var acc strings.Builder
				j := start
				for j < len(read) && acc.Len() < len(want) {
					acc.WriteString(read[j])
					j++
				}
				// The summary runs a heading into its brief with a colon.
				if got := acc.String(); got == want || got == want+":" {
					at, found = j, true
				}
			}
			if !found {
				end := min(at+12, len(read))
				t.Errorf("%s: pdftotext does not give back %q next, in %q (text %q); it reads %q", name, want, text, firstWords(text), read[at:end])
				return
			}
		}
	}
}

func firstWords(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(len(f), 4)], " ")
}

var lineBox = regexp.MustCompile(`<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">`)

// checkFlushRight reads the lines' positions back from the PDF
// (pdftotext -bbox-layout) and fails unless every line of a paragraph,
// heading or title ends at the right edge of the column those lines share,
// and no line of the page's content runs past it.
func checkFlushRight(t *testing.T, name string, pdf []byte, doc *layout.Document) {
	t.Helper()
	xml := pdfText(t, pdf, "-bbox-layout")
	pages := strings.Split(xml, "<page ")[1:]
	if len(pages) != len(doc.Pages) {
		t.Fatalf("%s: pdftotext reads %d pages, the layout has %d", name, len(pages), len(doc.Pages))
	}
	type box struct{ x0, y0, x1, y1 float64 }
	checked := 0
	defer func() {
		if checked == 0 {
			t.Errorf("%s: no line of a paragraph, heading or title found to check", name)
		}
	}()
	for pi, page := range doc.Pages {
		var lines []box
		for _, m := range lineBox.FindAllStringSubmatch(pages[pi], -1) {
			var b box
			for i, p := range []*float64{&b.x0, &b.y0, &b.x1, &b.y1} {
				*p, _ = strconv.ParseFloat(m[i+1], 64)
			}
			lines = append(lines, b)
		}
		// The rows that are flush with the column: text of paragraphs,
		// headings and the title, by baseline, and where the layout ends
		// them.
		edge := 0.0
		rows := map[float64]bool{}
		for _, op := range page.Ops {
			if op.Kind != layout.TextOp || op.Struct == 0 || strings.TrimSpace(op.Text) == "" {
				continue
			}
			switch doc.Tree.Structs[op.Struct].Role {
			case layout.Paragraph, layout.Heading1, layout.Title:
				if doc.Tree.Structs[doc.Tree.Structs[op.Struct].Parent].Role == layout.Aside {
					continue // inside a box: the box's own column
				}
				rows[op.Y] = true
				edge = math.Max(edge, op.X+op.W)
			}
		}
		if len(rows) == 0 {
			continue
		}
		// The column is centred: its right edge is the page width less the
		// left margin, which the first line of the layout's left column
		// shows; here it is enough that every flush row ends at one edge,
		// the rightmost, within half a point.
		for y := range rows {
			var hit *box
			for i := range lines {
				if lines[i].y0 <= y && y <= lines[i].y1 && lines[i].x1 > doc.Width/2 {
					if hit == nil || lines[i].x1 > hit.x1 {
						hit = &lines[i]
					}
				}
			}
			if hit == nil {
				t.Errorf("%s page %d: no line read back at baseline %.1f", name, pi+1, y)
				continue
			}
			checked++
			if math.Abs(hit.x1-edge) > 0.5 {
				t.Errorf("%s page %d: the line at baseline %.1f ends at x %.2f, not at the column's right edge %.2f", name, pi+1, y, hit.x1, edge)
			}
		}
		for _, l := range lines {
			if l.x1 > edge+0.5 && l.y1 < page.End {
				t.Errorf("%s page %d: a line at y %.1f–%.1f ends at x %.2f, past the column's right edge %.2f", name, pi+1, l.y0, l.y1, l.x1, edge)
			}
		}
	}
}
