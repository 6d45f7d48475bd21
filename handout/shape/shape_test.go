package shape

import (
	"slices"
	"strings"
	"testing"

	"handouts/handout/fontset"
)

// R is the regular style.
const R = fontset.Regular

// family is the shipped family for a Noto script (fonts/noto), as a
// handout in its language gets it: its italics are the upright faces, and
// the default family stands behind it for Latin words and digits.
func family(t testing.TB, name string) *fontset.Family {
	t.Helper()
	lang := map[string]string{
		"NotoNaskhArabic": "ar", "NotoSansDevanagari": "hi", "NotoSansBengali": "bn",
		"NotoSansGurmukhi": "pa", "NotoSansEthiopic": "am",
	}[name]
	fam := fontset.ForLanguage(fontset.Default(), lang)
	if fam.Name != name || fam.Fallback != fontset.Default() {
		t.Fatalf("the family for %q is %s (fallback %v), want %s over the default", lang, fam.Name, fam.Fallback, name)
	}
	return fam
}

func glyphIDs(runs []Run) []uint16 {
	var ids []uint16
	for _, r := range runs {
		for _, g := range r.Glyphs {
			ids = append(ids, g.ID)
		}
	}
	return ids
}

// Arabic letters join: the word's glyphs are the letters' initial, medial
// and final forms, not the isolated forms each letter has alone.
func TestArabicJoins(t *testing.T) {
	ar := family(t, "NotoNaskhArabic")
	s := New("ar")
	word := "سلام" // seen, lam, alef, meem
	runs := s.Shape(word, ar, R, true)
	if len(runs) != 1 || !runs[0].RTL || runs[0].Face != ar.Faces[0] {
		t.Fatalf("runs = %+v, want one right-to-left run in Naskh", runs)
	}
	joined := glyphIDs(runs)
	var isolated []uint16
	for _, r := range word {
		isolated = append(isolated, glyphIDs(s.Shape(string(r), ar, R, true))...)
	}
	slices.Reverse(isolated) // glyphs come in visual order: right to left text reversed
	if len(joined) == 0 {
		t.Fatal("no glyphs")
	}
	// Seen (drawn rightmost, last in visual order) is initial, not isolated.
	if joined[len(joined)-1] == isolated[len(isolated)-1] {
		t.Errorf("seen has its isolated glyph %d in the joined word %v", isolated[len(isolated)-1], joined)
	}
	same := 0
	for _, id := range joined {
		if slices.Contains(isolated, id) {
			same++
		}
	}
	// Alef after lam may fuse into the lam-alef ligature; at most the
	// final meem could in principle share a glyph with its isolated form
	// in some fonts, never the whole word.
	if same > 1 {
		t.Errorf("joined %v shares %d glyphs with isolated %v", joined, same, isolated)
	}
	// Every glyph's cluster lies in the word, and together they cover it.
	covered := make([]bool, len(word))
	for _, g := range runs[0].Glyphs {
		c := runs[0].ClusterText(g.Cluster)
		if g.Cluster < 0 || c == "" {
			t.Fatalf("glyph %d cluster %v outside %q", g.ID, g.Cluster, word)
		}
		for i := g.Cluster; i < g.Cluster+len(c); i++ {
			covered[i] = true
		}
	}
	if slices.Contains(covered, false) {
		t.Errorf("clusters leave part of %q uncovered: %v", word, covered)
	}
}

// A Devanagari conjunct (ka + virama + ssa = क्ष) is fewer glyphs than
// characters, and the short i sign (ि) is drawn before the consonant it
// follows in the text.
func TestDevanagariConjunctAndReordering(t *testing.T) {
	hi := family(t, "NotoSansDevanagari")
	s := New("hi")
	conj := s.Shape("क्ष", hi, R, false)
	if n := len(glyphIDs(conj)); n >= 3 {
		t.Errorf("क्ष shaped to %d glyphs %v, want a conjunct (fewer than its 3 characters)", n, glyphIDs(conj))
	}
	for _, g := range conj[0].Glyphs {
		if conj[0].ClusterText(g.Cluster) != "क्ष" {
			t.Errorf("conjunct glyph %d has cluster %v, want the whole conjunct", g.ID, g.Cluster)
		}
	}
	ki := s.Shape("कि", hi, R, false)
	ka := glyphIDs(s.Shape("क", hi, R, false))[0]
	ids := glyphIDs(ki)
	if len(ids) != 2 || ids[1] != ka {
		t.Errorf("कि shaped to %v; want the i sign first, then ka (%d)", ids, ka)
	}
}

// Bengali and Gurmukhi reorder too, Ethiopic has a glyph per syllable.
func TestOtherScripts(t *testing.T) {
	for _, tc := range []struct {
		lang, font, text string
		maxGlyphs        int
	}{
		{"bn", "NotoSansBengali", "ক্ষ", 2}, // conjunct
		{"pa", "NotoSansGurmukhi", "ਕਿ", 2},
		{"am", "NotoSansEthiopic", "ሰላም", 3},
	} {
		c := family(t, tc.font)
		s := New(tc.lang)
		runs := s.Shape(tc.text, c, R, false)
		ids := glyphIDs(runs)
		if len(ids) == 0 || len(ids) > tc.maxGlyphs || slices.Contains(ids, 0) {
			t.Errorf("%s %q shaped to %v, want 1 to %d glyphs, none missing", tc.lang, tc.text, ids, tc.maxGlyphs)
		}
		if runs[0].Face != c.Faces[0] {
			t.Errorf("%s %q set in %s, want %s", tc.lang, tc.text, runs[0].Face.Name, c.Faces[0].Name)
		}
	}
}

// Persian's zero-width non-joiner breaks the join inside a word: the
// letter before it takes its final form, not the medial one it has
// without it; the word stays one run with no missing glyph.
func TestPersianZWNJ(t *testing.T) {
	fa := family(t, "NotoNaskhArabic")
	s := New("fa")
	with := s.Shape("می\u200cخواهم", fa, R, true)
	without := s.Shape("میخواهم", fa, R, true)
	if len(with) != 1 {
		t.Fatalf("with ZWNJ: %d runs (%v), want 1", len(with), with)
	}
	ids := glyphIDs(with)
	if slices.Contains(ids, 0) {
		t.Errorf("a missing glyph in %v", ids)
	}
	// The yeh (second letter) is final with the ZWNJ, medial without.
	yeh := func(r Run) uint16 {
		start := len("م")
		for _, g := range r.Glyphs {
			if g.Cluster == start {
				return g.ID
			}
		}
		t.Fatalf("no glyph for yeh in %+v", r.Glyphs)
		return 0
	}
	if yeh(with[0]) == yeh(without[0]) {
		t.Errorf("yeh is glyph %d with and without the ZWNJ; the ZWNJ should break the join", yeh(with[0]))
	}
	// And the ZWNJ itself takes no room.
	for _, g := range with[0].Glyphs {
		if with[0].ClusterText(g.Cluster) == "\u200c" && g.Advance != 0 {
			t.Errorf("ZWNJ advances %v", g.Advance)
		}
	}
}

// A mixed line: Arabic, digits, a Latin word. In a right-to-left line the
// first Arabic word is drawn at the right end, the Latin word and the
// digits keep their own left-to-right order.
func TestBidiMixedLine(t *testing.T) {
	ar := family(t, "NotoNaskhArabic")
	s := New("ar")
	line := "خذ 500 mg مرتين"
	placed, width := s.Line([]Span{{Text: line, Fam: ar}}, true)
	var visual []string
	x := 0.0
	for _, p := range placed {
		if p.X < x-1e-9 {
			t.Errorf("run %q at x=%v before the previous run's end %v", p.Text, p.X, x)
		}
		x = p.X + p.Advance
		if strings.TrimSpace(p.Text) != "" {
			visual = append(visual, p.Text)
		}
	}
	if x != width {
		t.Errorf("runs end at %v, line width %v", x, width)
	}
	want := []string{"مرتين", "mg", "500", "خذ"}
	if !slices.Equal(visual, want) {
		t.Errorf("visual order %q, want %q", visual, want)
	}
	for _, p := range placed {
		switch p.Text {
		case "500", "mg":
			if p.RTL || p.Level != 2 || p.Face != fontset.Default().Faces[0] && p.Text == "mg" {
				t.Errorf("%q: RTL=%v level %d font %s; want left to right at level 2 (mg in Noto Sans)", p.Text, p.RTL, p.Level, p.Face.Name)
			}
			// Left to right inside: the glyph for the first character is leftmost.
			if p.Glyphs[0].Cluster != 0 {
				t.Errorf("%q starts with the glyph of byte %d", p.Text, p.Glyphs[0].Cluster)
			}
		case "خذ", "مرتين":
			if !p.RTL || p.Level != 1 {
				t.Errorf("%q: RTL=%v level %d, want right to left at level 1", p.Text, p.RTL, p.Level)
			}
			// Right to left inside: the glyph for the first character is rightmost.
			if last := p.Glyphs[len(p.Glyphs)-1]; last.Cluster != 0 {
				t.Errorf("%q ends (at its left) with the glyph of byte %d, want its first letter at the right", p.Text, last.Cluster)
			}
		}
	}
}

// Levels and Visual follow UAX #9 on the standard kinds of line.
func TestLevelsAndVisual(t *testing.T) {
	for _, tc := range []struct {
		text string
		rtl  bool
		want string // the visual order of the letters, as a string
	}{
		{"abc", false, "abc"},
		{"abc", true, "abc"},
		{"ABC", true, "ABC"},
		{"אבג", true, "גבא"},
		{"אבג 123 def", true, "def 123 גבא"},
		{"abc אבג def", false, "abc גבא def"},
		{"abc (אבג) def", false, "abc (גבא) def"},
		{"אבג (abc) דהו", true, "והד (abc) גבא"},
		{"אבג ", true, " גבא"}, // L1: the trailing space at the base level, drawn at the left
		// Numbers in groups stay in one left-to-right piece after Arabic
		// letters, where the groups would otherwise run right to left.
		{"ب 800-100-2030.", true, ".800-100-2030 ب"},
		{"ب 2026-01-15", true, "2026-01-15 ب"},
		{"ب ١٢:٣٠", true, "١٢:٣٠ ب"},
		{"ب 7 و 9", true, "9 و 7 ب"},
	} {
		runes := []rune(tc.text)
		levels := Levels(runes, tc.rtl)
		order := Visual(levels)
		var b []rune
		for _, i := range order {
			r := runes[i]
			if levels[i]%2 == 1 {
				r = mirror(r)
			}
			b = append(b, r)
		}
		if string(b) != tc.want {
			t.Errorf("%q (rtl %v): levels %v, visual %q, want %q", tc.text, tc.rtl, levels, string(b), tc.want)
		}
	}
}

func mirror(r rune) rune {
	switch r {
	case '(':
		return ')'
	case ')':
		return '('
	}
	return r
}

// Each word and font is shaped once per Shaper, however often it recurs.
func TestCachePerWord(t *testing.T) {
	ar := family(t, "NotoNaskhArabic")
	s := NewWithCache("ar", &Cache{})
	line := "خذ الدواء مرتين خذ الدواء مرتين"
	for range 5 {
		s.Line([]Span{{Text: line, Fam: ar}}, true)
		s.Width("الدواء", ar, R, true)
	}
	// three words and one space
	if s.Shaped != 4 {
		t.Errorf("shaped %d texts, want 4 (three words and a space)", s.Shaped)
	}
}

// A word measured alone is as wide as the same word drawn in a line.
func TestMeasuredIsDrawn(t *testing.T) {
	hi := family(t, "NotoSansDevanagari")
	s := New("hi")
	words := strings.Fields("दिन में दो बार दवा लें (500 mg) क्षमा करें")
	total := 0.0
	for i, w := range words {
		total += s.Width(w, hi, R, false)
		if i > 0 {
			total += s.Width(" ", hi, R, false)
		}
	}
	_, width := s.Line([]Span{{Text: strings.Join(words, " "), Fam: hi}}, false)
	if d := total - width; d > 1e-6 || d < -1e-6 {
		t.Errorf("words measure %v, the line draws %v", total, width)
	}
}

func TestNeeds(t *testing.T) {
	for s, want := range map[string]bool{
		"Group therapy — “safe”":  false,
		"Терапия":                 false,
		"Liệu pháp nhóm":          false,
		"cafe\u0301":              true,
		"سلام":                    true,
		"दवा":                     true,
		"می\u200cخواهم":           true,
		"a\u200fb":                true,
		"10\u00a0mg, 10:00\u202f": false,
	} {
		if got := Needs(s); got != want {
			t.Errorf("Needs(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsRTL(t *testing.T) {
	for lang, want := range map[string]bool{
		"ar": true, "ar-EG": true, "fa": true, "fa-IR": true, "ur": true, "he": true, "HE": true,
		"en": false, "es-419": false, "hi": false, "pa": false, "pa-Arab": true, "ks-Deva": false,
		"az-Arab": true, "sd": true, "": false,
	} {
		if got := IsRTL(lang); got != want {
			t.Errorf("IsRTL(%q) = %v, want %v", lang, got, want)
		}
	}
}

func TestBreaks(t *testing.T) {
	var b Breaker
	if got := b.Breaks("خذ الدواء مرتين"); !slices.Equal(got, []int{len("خذ "), len("خذ الدواء ")}) {
		t.Errorf("Arabic breaks %v", got)
	}
	// Chinese breaks between characters, never before the full stop.
	got := b.Breaks("每天两次。")
	if !slices.Equal(got, []int{3, 6, 9}) {
		t.Errorf("Chinese breaks %v, want [3 6 9]", got)
	}
}
