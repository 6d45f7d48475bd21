package pdfwriter

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

func TestWinAnsi(t *testing.T) {
	for r, want := range map[rune]byte{'A': 'A', ' ': ' ', '~': '~', 'é': 0xE9, 'ñ': 0xF1, '¿': 0xBF, '\u00A0': 0xA0,
		'€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '…': 0x85, '™': 0x99, 'Ÿ': 0x9F} {
		if got, ok := winAnsi(r); !ok || got != want {
			t.Errorf("winAnsi(%q) = %#x, %v; want %#x", r, got, ok, want)
		}
	}
	for _, r := range []rune{'\t', 0x7F, 0x81, 0x9D, 'Ł', '≥', 'α', 0x1F600} {
		if c, ok := winAnsi(r); ok {
			t.Errorf("winAnsi(%U) = %#x, want no code", r, c)
		}
	}
	// Every defined code maps back to itself.
	for c := 0x20; c < 0x100; c++ {
		if r := winAnsiRunes[c]; r != 0 {
			if got, ok := winAnsi(r); !ok || int(got) != c {
				t.Errorf("code %#x: %q encodes as %#x", c, r, got)
			}
		}
	}
}

// A line mixing WinAnsi and other characters is drawn as runs, each in
// its font and starting exactly where the text before it ends.
func TestRunsSplitWhereTheFontChanges(t *testing.T) {
	const line = "Łódź is ≥ 5 km"
	plan := planFonts(doc(text(line, fontset.Regular)))
	face := fontset.Default().Face(fontset.Regular)
	runs := runsOf(plan, line, fontset.Regular, 12)
	wantKeys := []string{"h0b", "h0a", "h0b", "h0a", "h0b", "h0a"}
	var keys []string
	for _, r := range runs {
		keys = append(keys, r.key)
	}
	if strings.Join(keys, " ") != strings.Join(wantKeys, " ") {
		t.Fatalf("runs in fonts %v, want %v", keys, wantKeys)
	}
	// Decode each run through its font's encoding and check where it starts.
	var decoded string
	for _, r := range runs {
		if want := face.Width(decoded, 12); r.shift != want {
			t.Errorf("run %q starts at %.3f, want %.3f", r.text, r.shift, want)
		}
		decoded += decode(plan.faces[0][fontset.Regular], r)
	}
	if decoded != line {
		t.Errorf("runs decode to %q, want %q", decoded, line)
	}
}

// textRun is one stretch that fontPlan.runs hands to its caller.
type textRun struct {
	key, text string
	shift     float64
}

func runsOf(p *fontPlan, text string, st fontset.Style, size float64) []textRun {
	var out []textRun
	p.runs(text, st, size, func(key string, encoded []byte, shift float64) {
		out = append(out, textRun{key, string(encoded), shift})
	})
	return out
}

// decode reads a run back through the encoding of its font.
func decode(ff *faceFonts, r textRun) string {
	n := int(r.key[len(r.key)-1] - 'a') // which of the face's fonts
	var out []rune
	for _, c := range []byte(r.text) {
		if n == 0 {
			out = append(out, winAnsiRunes[c])
		} else {
			out = append(out, ff.extra[(n-1)*perExtraFont+int(c)-32])
		}
	}
	return string(out)
}

// More characters outside WinAnsi than one font holds spill into a next
// font, 224 codes (32–255) each.
func TestExtraFontsHold224Characters(t *testing.T) {
	ff := &faceFonts{style: fontset.Bold, index: map[rune]int{}}
	for i := range 500 {
		r := rune(0x4E00 + i)
		ff.extra = append(ff.extra, r)
		ff.index[r] = i
	}
	for _, tt := range []struct {
		i    int
		font int
		code byte
	}{{0, 1, 32}, {223, 1, 255}, {224, 2, 32}, {499, 3, 32 + 499 - 448}} {
		font, code := ff.encode(ff.extra[tt.i])
		if font != tt.font || code != tt.code {
			t.Errorf("character %d: font %d code %d, want font %d code %d", tt.i, font, code, tt.font, tt.code)
		}
	}
	if got := ff.key(2); got != "h1c" {
		t.Errorf("key(2) = %q", got)
	}
}

// The fonts are simple TrueType subsets with the standard encoding for
// WinAnsi text, a Differences encoding with Unicode glyph names for the
// rest, and widths taken from the face, so nothing is re-measured.
func TestFontObjects(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, doc(text("Hello Łódź", fontset.Regular)), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := inflated(t, buf.Bytes())
	for _, want := range []string{
		"/Subtype /TrueType", "/Encoding /WinAnsiEncoding",
		"/BaseEncoding /WinAnsiEncoding /Differences [32 /uni0141 /uni017A]",
		"+AtkinsonHyperlegible-Regular", "/FontFile2",
	} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if strings.Contains(pdf, "/Type0") || strings.Contains(pdf, "/CIDToGIDMap") {
		t.Error("PDF still has a CID font")
	}
	if n := strings.Count(pdf, "/FontFile2"); n != 2 {
		t.Errorf("%d font programs, want 2 (WinAnsi and one extra)", n)
	}
}

// FuzzWrite draws any text: the writer either refuses it (a character
// the face lacks) or writes a PDF whose runs decode back to the text.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"Hello", "Łódź ≥ 5 — “ok”", "café\u00A0au lait", "\U0001F600", "a\u0301", "", "\xff\xfe"} {
		f.Add(s, uint8(0))
	}
	fam := fontset.Default()
	f.Fuzz(func(t *testing.T, s string, style uint8) {
		st := fontset.Style(style % 4)
		d := doc(text(s, st))
		var buf bytes.Buffer
		err := Write(&buf, d, Options{})
		// What is drawn: a character the face lacks that the typographic
		// pass makes (a no-break space, a curly quote) is drawn as the
		// plain one it was made from, when the face has that.
		face := fam.Faces[st]
		printable := true
		var drawn strings.Builder
		for _, r := range s {
			// Control characters never reach the writer (content
			// refuses them) and are not worth a font of their own.
			if r < 0x20 {
				return
			}
			// A joiner is never missing: without a glyph it is not drawn
			// (fontset.IsJoiner).
			if fontset.IsJoiner(r) && !face.Has(r) {
				continue
			}
			p := face.Printable(r)
			printable = printable && face.Has(p)
			drawn.WriteRune(p)
		}
		if !printable {
			if err == nil {
				t.Fatalf("%q has characters the font lacks but was written", s)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		plan := planFonts(d)
		var got string
		for _, r := range runsOf(plan, s, st, 12) {
			got += decode(plan.faces[0][st], r)
		}
		if got != drawn.String() {
			t.Fatalf("runs decode to %q, want %q", got, drawn.String())
		}
	})
}

// Sharing subsets between documents changes nothing in the bytes, and
// documents that draw the same characters share one subset per face.
func TestSubsetsSharedBetweenDocuments(t *testing.T) {
	docs := []*layout.Document{
		doc(text("Hello world", fontset.Regular), text("Title", fontset.Bold)),
		doc(text("Goodbye, world", fontset.Regular), text("Other title", fontset.Bold)), // ASCII too: same subsets
		doc(text("Łódź crème café", fontset.Regular), text("Título", fontset.Bold)),     // é and í are common, è is not
	}
	cache := &Subsets{}
	var wg sync.WaitGroup
	shared := make([][]byte, len(docs))
	for i, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			if err := Write(&buf, d, Options{Subsets: cache}); err != nil {
				t.Error(err)
			}
			shared[i] = buf.Bytes()
		}()
	}
	wg.Wait()
	for i, d := range docs {
		var alone bytes.Buffer
		if err := Write(&alone, d, Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(alone.Bytes(), shared[i]) {
			t.Errorf("document %d differs when its subsets are shared", i)
		}
	}
	// Regular: the common set and è, and {Ł, ź}. The common sets of
	// regular and bold are embedded, not made.
	if n := len(cache.m); n != 2 {
		t.Errorf("%d subsets made, want 2", n)
	}
}

// Past its bound the cache stops keeping subsets but goes on making them.
func TestSubsetsBounded(t *testing.T) {
	cache := &Subsets{}
	face := fontset.Default().Face(fontset.Regular)
	for i := range maxSubsets + 10 {
		sub, err := cache.subset(face, []rune{'a', rune(0x100 + i%128), rune(0x20 + i/128)})
		if err != nil || len(sub.program) == 0 {
			t.Fatalf("subset %d: %v", i, err)
		}
	}
	if len(cache.m) != maxSubsets {
		t.Errorf("cache holds %d subsets, want its bound %d", len(cache.m), maxSubsets)
	}
}

func TestCommonText(t *testing.T) {
	for s, want := range map[string]bool{
		"":                         true,
		"Maria Lopez":              true,
		"José Núñez — “Dr.” ¿Qué?": true,
		"line one\nline two":       true,
		"Łucja":                    false,
		"Zoë":                      false, // ë is WinAnsi, but not in the common set
		"Ann 🙂":                    false,
		"€":                        false,
	} {
		if got := CommonText(s); got != want {
			t.Errorf("CommonText(%q) = %v", s, got)
		}
	}
}
