package handout

// Chinese (Simplified and Traditional), Japanese and Korean handouts print
// with the CJK font found on the machine (fontset.CJKSearchPath): every
// format, Letter and A4, regular and large print; every text drawn as
// glyphs, none the missing glyph; every text read back by poppler
// (whitespace aside); labels in the language; fonts embedded with Unicode
// maps, qpdf clean, tagged text as drawn; no line starts with closing
// punctuation or ends with opening punctuation, read from the PDF; a
// Korean line breaks only between words.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/pdfwriter"
	"handouts/internal/tooltest"
)

// Kinsoku, as handout/shape applies it: what no line may start or end with.
const (
	cjkNoLineStart = "，。、．・：；？！）」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ"
	cjkNoLineEnd   = "（「『【〔〈《"
)

func TestCJKHandouts(t *testing.T) {
	br := defaultBrand(t)
	options := everyPaper()
	subsets := &pdfwriter.Subsets{}
	for _, lang := range []string{"zh-Hans", "zh-Hant", "ja", "ko"} {
		if err := fontset.LanguageFontError(br.Fonts, lang); err != nil {
			tooltest.Missing(t, "%s", err)
			continue
		}
		file := "../testdata/languages/" + lang + ".yaml"
		for on, opt := range options {
			h, errs := Load(file, br, opt, time.Now())
			if errs.HasErrors() {
				t.Fatalf("%s: %v", file, errs.Errors())
			}
			lab, ok := labels.For(h.Language)
			if !ok {
				t.Fatalf("%s: no labels for %s", file, h.Language)
			}
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
				checkAllShaped(t, name, &doc.Document)
				var buf bytes.Buffer
				if err := pdfwriter.Write(&buf, &doc.Document, pdfwriter.Options{Date: fixedDate, Creator: "test", Identity: []byte(name), Subsets: subsets}); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkTagged(t, name, buf.Bytes(), &doc.Document, h.Language)
				checkCJKFonts(t, name, lang, checkFontsAndQpdf(t, name, buf.Bytes()))
				text := pdfText(t, buf.Bytes())
				readsInOrderNoSpaces(t, name, text, shapedTexts(h, kind))
				heading := lab.ShortVersion
				if kind == format.FAQ {
					heading = lab.FAQ
				}
				readsInOrderNoSpaces(t, name, text, []string{heading, lab.Reviewed(h.Reviewed)})
				for _, english := range []string{"Page", "Reviewed", "Key points", "Questions"} {
					if strings.Contains(text, english) {
						t.Errorf("%s: an English label %q prints in a %s handout", name, english, lang)
					}
				}
				checkKinsoku(t, name, text)
				if lang == "ko" {
					checkKoreanKeepAll(t, name, text, h)
				}
			}
		}
	}
}

// cjkOutlinesEnv, set to "glyf" by TestCJKHandoutsGlyfFonts, says which
// CJK fonts TestCJKHandouts must find: without it, Noto Sans CJK when
// Debian's fonts-noto-cjk is installed.
const cjkOutlinesEnv = "HANDOUTS_TEST_CJK_OUTLINES"

// checkCJKFonts fails unless the handout's CJK fonts are the ones
// expected (pdffonts' listing): Noto Sans CJK, CFF, with a bold face for
// every language, or the glyf fallbacks.
func checkCJKFonts(t *testing.T, name, lang, pdffonts string) {
	t.Helper()
	want := os.Getenv(cjkOutlinesEnv)
	if want == "" {
		want = "glyf"
		if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err == nil {
			want = "cff"
		}
	}
	noto := strings.Contains(pdffonts, "NotoSansCJK")
	switch {
	case want == "cff" && (!noto || !strings.Contains(pdffonts, "CID Type 0C")):
		t.Errorf("%s: not set in Noto Sans CJK (CFF):\n%s", name, pdffonts)
	case want == "cff" && !strings.Contains(pdffonts, "-Bold"):
		t.Errorf("%s: no bold Noto Sans CJK face:\n%s", name, pdffonts)
	case want == "glyf" && (noto || strings.Contains(pdffonts, "Type 0C")):
		t.Errorf("%s: set in Noto Sans CJK, not the glyf fallback:\n%s", name, pdffonts)
	}
}

// Without Noto Sans CJK, each language falls back to its glyf font:
// TestCJKHandouts again, in a process whose search path holds only those
// (the CJK fonts are loaded once per process).
func TestCJKHandoutsGlyfFonts(t *testing.T) {
	if os.Getenv(cjkOutlinesEnv) != "" {
		return // the process this test started
	}
	dir := t.TempDir()
	for _, f := range []string{"truetype/wqy/wqy-microhei.ttc", "truetype/arphic/uming.ttc", "opentype/ipafont-gothic/ipag.ttf", "truetype/nanum/NanumGothic.ttf", "truetype/nanum/NanumGothicBold.ttf"} {
		src := "/usr/share/fonts/" + f
		f = strings.SplitN(f, "/", 2)[1]
		if _, err := os.Stat(src); err != nil {
			tooltest.Missing(t, "%s: install Debian's fonts-wqy-microhei, fonts-arphic-uming, fonts-ipafont-gothic and fonts-nanum", src)
			return
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(src, filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestCJKHandouts$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), cjkOutlinesEnv+"=glyf", fontset.CJKSearchEnv+"="+dir, fontset.IgnoreSystemFontsEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestCJKHandouts") {
		t.Errorf("TestCJKHandouts with the glyf fonts: %v\n%s", err, out)
	}
}

// readsInOrderNoSpaces fails unless each text is in got, each after the
// one before, with all whitespace removed: a Chinese line breaks between
// characters, and poppler reads the break as a line end.
func readsInOrderNoSpaces(t *testing.T, name, got string, texts []string) {
	t.Helper()
	readsInOrderFolded(t, name, got, texts, func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	})
}

// checkKinsoku reads each line poppler gives back: none starts with
// closing punctuation, a small kana or the prolonged sound mark, none
// ends with opening punctuation.
func checkKinsoku(t *testing.T, name, text string) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		first, _ := utf8.DecodeRuneInString(line)
		last, _ := utf8.DecodeLastRuneInString(line)
		if strings.ContainsRune(cjkNoLineStart, first) {
			t.Errorf("%s: a line starts with %q: %q", name, first, line)
		}
		if strings.ContainsRune(cjkNoLineEnd, last) {
			t.Errorf("%s: a line ends with %q: %q", name, last, line)
		}
	}
}

// checkKoreanKeepAll fails when two lines poppler gives back join into
// one word of the source: a Korean line breaks at spaces, never between
// the syllables of a word.
func checkKoreanKeepAll(t *testing.T, name, text string, h *content.Handout) {
	t.Helper()
	var words []string
	for _, kind := range format.Kinds {
		for _, s := range shapedTexts(h, kind) {
			words = append(words, strings.Fields(s)...)
		}
	}
	lines := strings.Split(text, "\n")
	for i := 0; i+1 < len(lines); i++ {
		a, b := strings.Fields(lines[i]), strings.Fields(lines[i+1])
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		joined := a[len(a)-1] + b[0]
		for _, w := range words {
			if strings.Contains(w, joined) {
				t.Errorf("%s: the word %q is broken between lines (%q | %q)", name, w, a[len(a)-1], b[0])
				break
			}
		}
	}
}
