package handout

// Every PDF is a Tagged PDF meeting the machine-checkable rules of PDF/UA-1.
// Each format of each handout, over the layout matrix (brands, paper, large
// print, Spanish, a brand font with characters beyond WinAnsi), is written
// and read back with an independent reader (internal/pdfcheck, over qpdf),
// never from the writer's memory.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/internal/pdfcheck"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/handout/pdfwriter"
	"handouts/internal/tooltest"
)

func brandFrom(t *testing.T, s brand.Settings) *brand.Brand {
	t.Helper()
	b, errs := brand.Resolve(nil, s)
	if errs.HasErrors() {
		t.Fatalf("brand: %v", errs)
	}
	return b
}

// dejaVuDir is a font folder holding DejaVu Sans under the names a brand's
// --font-dir wants, or "" when DejaVu is not installed.
func dejaVuDir(t *testing.T) string {
	t.Helper()
	const sys = "/usr/share/fonts/truetype/dejavu/"
	dir := t.TempDir()
	for src, dst := range map[string]string{"DejaVuSans.ttf": "DejaVu-Regular.ttf", "DejaVuSans-Bold.ttf": "DejaVu-Bold.ttf", "DejaVuSans-Oblique.ttf": "DejaVu-Italic.ttf", "DejaVuSans-BoldOblique.ttf": "DejaVu-BoldItalic.ttf"} {
		b, err := os.ReadFile(sys + src)
		if err != nil {
			return ""
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEveryPDFIsTagged(t *testing.T) {
	tooltest.Require(t, "qpdf")
	example, errs := brand.LoadFile("../data/brand/brand.yaml")
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	brands := map[string]*brand.Brand{"nobrand": defaultBrand(t), "brand": brandFrom(t, example)}
	// The layout matrix's other two brands: a name and nothing else, and
	// the one that stretches everything (long name and tagline, wordmark,
	// serif fonts, Spanish brand text).
	for name, file := range map[string]string{"nameonly": "../testdata/brand/name-only.yaml", "cedar": "../testdata/brand/cedar-hollow/brand.yaml"} {
		s, errs := brand.LoadFile(file)
		if errs.HasErrors() {
			t.Fatal(errs)
		}
		brands[name] = brandFrom(t, s)
	}
	if dir := dejaVuDir(t); dir != "" {
		withFont := brand.Merge(brand.Settings{brand.FontDir: {Text: dir}}, example)
		brands["dejavu"] = brandFrom(t, withFont)
	} else {
		tooltest.Partial(t, "DejaVu fonts (fonts-dejavu-core) are not installed")
	}
	options := map[string]format.Options{
		"letter": {Paper: format.Letter},
		"a4":     {Paper: format.A4},
		"large":  {Paper: format.Letter, LargePrint: true},
	}
	files := map[string]string{"seed": seedFile, "es": "testdata/tagged/es.yaml", "unicode": "testdata/tagged/unicode.yaml"}
	subsets := &pdfwriter.Subsets{}
	for bn, br := range brands {
		for on, opt := range options {
			for fn, file := range files {
				if fn == "unicode" && bn != "dejavu" {
					continue // its characters need the brand font
				}
				h, errs := Load(file, br, opt, time.Now())
				if errs.HasErrors() {
					t.Fatalf("%s: %v", file, errs.Errors())
				}
				lab, _ := labels.For(h.Language)
				for _, kind := range format.Kinds {
					name := strings.Join([]string{bn, on, fn, string(kind)}, ".")
					doc, err := format.Compose(kind, h, br, lab, opt)
					var tooLong *format.ErrTooLong
					if errors.As(err, &tooLong) {
						// Refused before any PDF: nothing to tag. (DejaVu
						// is wide: the seed's large-print summary needs
						// three pages with it.)
						t.Logf("%s: %v", name, err)
						continue
					}
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					var buf bytes.Buffer
					if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Identity: []byte(name), Subsets: subsets}); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					r := checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
					if kind == format.Guide && r != nil {
						// Lines keep their break spaces, so two words
						// that meet at a line break never read as one
						// ("peopletogether").
						for _, sec := range h.Sections {
							for _, p := range sec.Body {
								var b strings.Builder
								for _, sp := range p.Spans {
									b.WriteString(sp.Text)
								}
								words := strings.Fields(b.String())
								for k := 1; k < len(words); k++ {
									if glued := words[k-1] + words[k]; isWord(words[k-1]) && isWord(words[k]) && strings.Contains(r.TreeText, glued) {
										t.Errorf("%s: the tree reads %q", name, glued)
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

// checkTagged checks one written PDF against the document it was drawn
// from.
func checkTagged(t *testing.T, name string, pdf []byte, doc *layout.Document, lang string) *pdfcheck.Report {
	t.Helper()
	r, err := pdfcheck.Check(pdf)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, p := range r.Problems {
		t.Errorf("%s: %s", name, p)
	}
	if r.Lang != lang {
		t.Errorf("%s: /Lang %q, want %q", name, r.Lang, lang)
	}
	if r.Title != doc.Meta.Title {
		t.Errorf("%s: title %q, want %q", name, r.Title, doc.Meta.Title)
	}
	if r.Pages != len(doc.Pages) {
		t.Fatalf("%s: %d pages, laid out %d", name, r.Pages, len(doc.Pages))
	}
	// Every font maps back to what was drawn: each page's text, read
	// through the ToUnicode maps, is exactly its text ops, in order; and
	// the tagged text is the ops that belong to the tree.
	var content strings.Builder
	for i, p := range doc.Pages {
		var drawn strings.Builder
		for _, op := range p.Ops {
			if op.Kind != layout.TextOp {
				continue
			}
			drawn.WriteString(op.Text)
			if op.Struct > 0 {
				content.WriteString(op.Text)
			}
		}
		if r.PageText[i] != drawn.String() {
			t.Errorf("%s: page %d reads back as\n%q\nbut drew\n%q", name, i+1, r.PageText[i], drawn.String())
		}
	}
	if r.ContentText != content.String() {
		t.Errorf("%s: tagged text differs from the content drawn", name)
	}
	if len(r.Fonts) == 0 {
		t.Errorf("%s: no fonts found", name)
	}
	// The headings: one H1, the title, first.
	if len(r.Headings) == 0 || r.Headings[0].Level != 1 || !strings.HasPrefix(doc.Meta.Title, r.Headings[0].Text) {
		t.Errorf("%s: headings %v do not start with the title as H1", name, r.Headings)
	}
	// Bookmarks follow the headings: each is an H2, in the same order.
	k := 0
	for _, o := range r.Outlines {
		for k < len(r.Headings) && (r.Headings[k].Text != o.Text || r.Headings[k].Level != o.Level+1) {
			k++
		}
		if k == len(r.Headings) {
			t.Errorf("%s: bookmark %q (level %d) has no heading at level %d in order; headings %v", name, o.Text, o.Level, o.Level+1, r.Headings)
			break
		}
	}
	return r
}

// A patient's copy and a packet of handouts, made in memory, are tagged
// like any other PDF: the personal box is content, and a packet's tree
// holds each handout in turn.
func TestPersonalAndPacketAreTagged(t *testing.T) {
	tooltest.Require(t, "qpdf")
	example, errs := brand.LoadFile("../data/brand/brand.yaml")
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	br := brandFrom(t, example)
	var hs []*content.Handout
	for _, f := range []string{seedFile, "testdata/tagged/es.yaml"} {
		h, errs := Load(f, br, letter, time.Now())
		if errs.HasErrors() {
			t.Fatal(errs.Errors())
		}
		hs = append(hs, h)
	}
	personal := &format.Personal{Patient: "Ana Pérez", Clinician: "Dr. Lee", Date: "1 May 2026", NextVisit: "8 May, 10:00", Note: "Bring your questions.\n\nCall us any time."}
	for _, kind := range format.Kinds {
		for _, c := range []struct {
			name string
			hs   []*content.Handout
			p    *format.Personal
		}{{"personal", hs[:1], personal}, {"packet", hs, nil}, {"personal packet", hs, personal}} {
			opt := letter
			opt.Personal = c.p
			var buf bytes.Buffer
			if _, err := Render(&buf, c.hs, RenderSpec{Kind: kind, Options: opt, Brand: br, Version: "test"}); err != nil {
				t.Fatalf("%s %s: %v", c.name, kind, err)
			}
			r, err := pdfcheck.Check(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range r.Problems {
				t.Errorf("%s %s: %s", c.name, kind, p)
			}
			if c.p != nil && !strings.Contains(r.TreeText, "Ana Pérez") {
				t.Errorf("%s %s: the patient's name is not in the structure tree", c.name, kind)
			}
			if len(c.hs) > 1 {
				if !strings.Contains(r.TreeText, "Terapia de grupo") {
					t.Errorf("%s %s: the packet's second handout is not in the tree", c.name, kind)
				}
				// The Spanish handout's elements say so; the English ones
				// take the document's /Lang.
				found := false
				for _, n := range r.Root.Kids[0].Kids {
					es := strings.Contains(n.Text, "Terapia de grupo") && n.Type == "H1"
					found = found || es
					if es && n.Lang != "es" || n.Lang != "" && n.Lang != "es" {
						t.Errorf("%s %s: %s %q has /Lang %q", c.name, kind, n.Type, firstN(n.Text, 40), n.Lang)
					}
				}
				if !found {
					t.Errorf("%s %s: no H1 for the Spanish handout", c.name, kind)
				}
			}
		}
	}
}

func firstN(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// isWord is a run of four or more letters: two of them glued together are
// never a word of their own by chance.
func isWord(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 4
}
