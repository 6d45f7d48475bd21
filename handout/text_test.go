package handout

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/layout"
)

// writtenIsPrinted is a handout holding each way text was once changed
// without a word (issue 9): stars in doses and footnotes, decomposed
// accents, soft hyphens, no-break spaces and a link with parentheses.
const writtenIsPrinted = "title: Pain relief after surgery\n" +
	"summary:\n" +
	"  - Take 2*3 tablets a day, or 1*5 if you are over 65.\n" +
	"  - Ibuprofen* can upset your stomach. *Take it with food.\n" +
	"sections:\n" +
	"  - heading: Doses\n" +
	"    body: |\n" +
	"      Ratings 5 * 4 * 3. A nai\u0308ve Cafe\u0301 order.\n\n" +
	"      Take your medi\u00adcation at break\u00adfast, then wait 4\u00a0hours.\n\n" +
	"      See [wiki](https://en.wikipedia.org/wiki/Sleep_(disambiguation)) and *rest*.\n"

func TestWrittenIsPrinted(t *testing.T) {
	h, errs := content.Decode("t.yaml", []byte(writtenIsPrinted))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	var buf bytes.Buffer
	if _, err := Render(&buf, []*content.Handout{h}, RenderSpec{Kind: format.Guide, Options: letter, Brand: defaultBrand(t)}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), " ") // pdftotext's no-break spaces are fields' separators too
	for _, want := range []string{
		"Take 2*3 tablets a day, or 1*5 if you are over 65.",
		"Ibuprofen* can upset your stomach. *Take it with food.",
		"Ratings 5 * 4 * 3.",
		"A na\u00efve Caf\u00e9 order.",
		"Take your medication at breakfast, then wait 4",
		"See wiki (en.wikipedia.org/wiki/Sleep_(disambiguation)) and rest.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF text lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsRune(text, '\u00ad') || strings.Contains(text, "medi-") || strings.Contains(text, "break-") {
		t.Errorf("a soft hyphen is in the PDF's text, or shown mid-line:\n%q", text)
	}
	// poppler prints a no-break space as a space, so look at what is
	// drawn: the WinAnsi font draws code A0, which its ToUnicode map gives
	// back as U+00A0.
	lab, _ := labels.For("en")
	doc, err := format.Compose(format.Guide, h, defaultBrand(t), lab, letter)
	if err != nil {
		t.Fatal(err)
	}
	var drawn strings.Builder
	urls := map[string]bool{}
	for _, p := range doc.Pages {
		for _, op := range p.Ops {
			drawn.WriteString(op.Text)
			if op.Kind == layout.LinkOp {
				urls[op.URL] = true
			}
		}
	}
	if !strings.Contains(drawn.String(), "4\u00a0hours") {
		t.Errorf("the no-break space is not in the drawn text:\n%q", drawn.String())
	}
	if !urls["https://en.wikipedia.org/wiki/Sleep_(disambiguation)"] || len(urls) != 1 {
		t.Errorf("link targets %v, want the whole Wikipedia address", urls)
	}
	if strings.ContainsRune(text, '\u0301') || strings.ContainsRune(text, '\u0308') {
		t.Errorf("decomposed accents in the PDF's text:\n%q", text)
	}
}

// TestWrittenIsPrintedByCheck: check accepts the file above and warns only
// at the two footnote stars, which print as written.
func TestWrittenIsPrintedByCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.yaml")
	if err := os.WriteFile(path, []byte(writtenIsPrinted), 0o644); err != nil {
		t.Fatal(err)
	}
	_, fs := Load(path, defaultBrand(t), letter, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	var stars []string
	for _, f := range fs {
		if f.Severity == diag.Error {
			t.Errorf("error: %v", f)
		}
		if strings.Contains(f.Message, "`*`") {
			stars = append(stars, f.Pos.String())
		}
	}
	if want := path + ":4:14 " + path + ":4:40"; strings.Join(stars, " ") != want {
		t.Errorf("star warnings at %v, want %s", stars, want)
	}
}
