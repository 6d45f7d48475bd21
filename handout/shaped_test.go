package handout

// Handouts in scripts that must be shaped (Arabic, Persian, Urdu, Hindi,
// Bengali) print out of the box: no font flags, no brand, every format,
// Letter and A4, regular and large print. Every text is drawn as shaped
// glyph runs and none as the missing glyph; every word reads back with
// poppler in order, exactly (right-to-left text too, once the direction
// marks are removed); the PDF/UA checks hold as for English;
// right-to-left lines end at the right edge of their column, read back
// from the PDF's positions.

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

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
	for _, lang := range []string{"ar", "fa", "ur", "hi", "bn"} {
		rtl := lang == "ar" || lang == "fa" || lang == "ur"
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
				checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
				checkFontsAndQpdf(t, name, buf.Bytes())
				readsWordByWord(t, name, pdfText(t, buf.Bytes()), shapedTexts(h, kind))
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

// foldForPoppler removes the direction marks poppler adds around runs
// (U+202A–U+202E) and those the writer draws (U+200E, U+200F, U+2066–
// U+2069) and splits the text into words. Nothing else is folded but the
// typographic quotes the layout sets for straight ones: a word read back
// must be the word written, character for character, vowel marks,
// zero-width non-joiners, brackets and stops included.
func foldForPoppler(s string) []string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '\u202a' && r <= '\u202e', r == '\u200e', r == '\u200f', r >= '\u2066' && r <= '\u2069':
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
// pdftotext, in order and whole: each expected word is one word read
// back. Between texts may stand what the format adds (bullets, step
// numbers, labels, running headers and footers); within a text the words
// follow each other, but for a page's furniture where a paragraph runs on
// to the next page (pdftotext ends each page with a form feed).
func readsWordByWord(t *testing.T, name, got string, texts []string) {
	t.Helper()
	type word struct {
		text string
		page int
	}
	var read []word
	for pi, page := range strings.Split(got, "\f") {
		for _, w := range foldForPoppler(page) {
			read = append(read, word{w, pi})
		}
	}
	// The summary runs a heading into its brief with a colon.
	is := func(i int, want string) bool { return read[i].text == want || read[i].text == want+":" }
	at := 0
	for _, text := range texts {
		for wi, want := range foldForPoppler(text) {
			start := at
			switch {
			case wi == 0:
				for at < len(read) && !is(at, want) {
					at++
				}
			case at < len(read) && !is(at, want):
				// Only a page break may come inside a text: the rest of
				// the page, then the next page's header.
				prev := read[at-1].page
				for at < len(read) && read[at].page == prev {
					at++
				}
				for at < len(read) && read[at].page == prev+1 && !is(at, want) {
					at++
				}
				if at < len(read) && !is(at, want) {
					at = len(read)
				}
			}
			if at >= len(read) {
				var near []string
				for _, w := range read[start:min(start+8, len(read))] {
					near = append(near, w.text)
				}
				t.Errorf("%s: pdftotext does not give back %q next, in %q (text %q); it reads %q", name, want, text, firstWords(text), near)
				return
			}
			at++
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

// What a reader that turns drawing order back into reading order by
// itself (poppler) used to get wrong in right-to-left text, each read back
// word for word: a ligature (الله, one glyph for لله), vowel marks on
// their letters (tanwin, shadda), the hamza above in Persian (صفحهٔ),
// brackets and guillemets drawn mirrored, a stop, an Arabic comma and a
// question mark after a Latin word or a number, a per cent sign, and
// Latin, a web address and digits inside the line.
func TestRightToLeftReadsBackExactly(t *testing.T) {
	const src = `title: بسم الله الرحمن الرحيم
language: ar
reviewed: 2026-01-15
summary:
  - مراكز السيطرة على الأمراض (CDC). لمعرفة المزيد
  - تناول عشاءً خفيفًا في المساء، ثم نم.
  - يحتاج معظم البالغين من 7 إلى 9 ساعات.
sections:
  - heading: لماذا النوم مهم؟
    brief: النوم الجيد يسهّل الحياة.
    body: زوروا www.cdc.gov/sleep أو اتصلوا بالرقم 800-100-2030. هل تعرف صفحهٔ الله؟
faq:
  - q: هل أنام 8 ساعات؟
    a: «نعم» قال (مرة) 3 مرات، 20٪ من الوقت – حسنًا!
`
	file := filepath.Join(t.TempDir(), "rtl.yaml")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	br := defaultBrand(t)
	opt := format.Options{Paper: format.Letter}
	h, errs := Load(file, br, opt, time.Now())
	if errs.HasErrors() {
		t.Fatalf("%v", errs.Errors())
	}
	lab, _ := labels.For(h.Language)
	for _, kind := range format.Kinds {
		doc, err := format.Compose(kind, h, br, lab, opt)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		var buf bytes.Buffer
		if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test"}); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		checkFontsAndQpdf(t, string(kind), buf.Bytes())
		// Each text whole, word after word; the order of the texts is
		// poppler's guess at the page's columns, which on a page this
		// short is not the reading order (TestShapedScriptsOutOfTheBox
		// holds that on real handouts).
		read := " " + strings.Join(foldForPoppler(pdfText(t, buf.Bytes())), " ") + " "
		for _, text := range shapedTexts(h, kind) {
			want := strings.Join(foldForPoppler(text), " ")
			if !strings.Contains(read, " "+want+" ") && !strings.Contains(read, " "+want+": ") {
				t.Errorf("%s: pdftotext does not give back %q; it reads %q", kind, want, read)
			}
		}
	}
}

// A word longer than a line, in a script other than Latin, is cut where
// the Unicode line-breaking rules (UAX #14) allow: after a hyphen or a
// slash, so no line starts with one (a dash opening a line reads as a
// new item). Hindi and Arabic compounds joined by hyphens and slashes,
// in every paper and print size.
func TestLongWordsBreakAfterHyphens(t *testing.T) {
	cases := map[string]string{
		"hi": `title: लंबे शब्द
language: hi
reviewed: 2026-01-15
summary:
  - यह एक परीक्षा है।
  - यह दूसरी बात है।
sections:
  - heading: लंबे शब्द
    brief: लंबे शब्दों की जाँच।
    body: मधुमेह-उच्चरक्तचाप-हृदयरोग-गुर्दारोग-यकृतरोग-फेफड़ारोग-मस्तिष्करोग-नेत्ररोग-त्वचारोग-दंतरोग-अस्थिरोग-मानसिकरोग जैसी बीमारियाँ।
    items:
      - label: कौन
        text: मधुमेह/उच्चरक्तचाप/हृदयरोग/गुर्दारोग/यकृतरोग/फेफड़ारोग/मस्तिष्करोग/नेत्ररोग/त्वचारोग/दंतरोग वाले लोग।
`,
		"ar": `title: كلمات طويلة
language: ar
reviewed: 2026-01-15
summary:
  - هذا اختبار.
  - هذه جملة ثانية.
sections:
  - heading: كلمات طويلة
    brief: اختبار الكلمات الطويلة.
    body: مرض-السكري-وارتفاع-ضغط-الدم-وأمراض-القلب-والكلى-والكبد-والرئتين-والدماغ-والعينين-والجلد-والعظام نص قصير.
    items:
      - label: من
        text: السكري/الضغط/القلب/الكلى/الكبد/الرئتين/الدماغ/العينين/الجلد/العظام/الأسنان/المعدة.
`,
	}
	br := defaultBrand(t)
	for lang, src := range cases {
		file := filepath.Join(t.TempDir(), lang+".yaml")
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		for on, opt := range everyPaper() {
			h, errs := Load(file, br, opt, time.Now())
			if errs.HasErrors() {
				t.Fatalf("%s: %v", lang, errs.Errors())
			}
			lab, _ := labels.For(h.Language)
			doc, err := format.Compose(format.Guide, h, br, lab, opt)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, on, err)
			}
			cut := 0
			for pi, p := range doc.Pages {
				type key struct {
					y    float64
					elem int
				}
				lines := map[key]string{}
				var order []key
				for _, op := range p.Ops {
					if op.Kind != layout.TextOp || op.Struct == 0 {
						continue
					}
					k := key{op.Y, op.Struct}
					if _, ok := lines[k]; !ok {
						order = append(order, k)
					}
					lines[k] += op.Text
				}
				for n, k := range order {
					line := strings.TrimSpace(lines[k])
					if strings.HasPrefix(line, "-") || strings.HasPrefix(line, "/") {
						t.Errorf("%s %s page %d: a line starts with %q", lang, on, pi+1, line)
					}
					if strings.HasSuffix(line, "-") || strings.HasSuffix(line, "/") {
						cut++
						continue
					}
					// A line that goes on in the same element ends at a
					// space (drawn with it), else a word was cut where
					// nothing allows it.
					if n+1 < len(order) && order[n+1].elem == k.elem && !strings.HasSuffix(lines[k], " ") {
						t.Errorf("%s %s page %d: a line ends inside a word: %q", lang, on, pi+1, line)
					}
				}
			}
			if cut == 0 {
				t.Errorf("%s %s: no long word was cut after a hyphen or a slash", lang, on)
			}
		}
	}
}
