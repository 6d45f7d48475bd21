package shape

import (
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// FuzzLine sets any text, in two styles, in either direction, through the
// whole shaper path (bidi, script and font runs, shaping, the cache,
// visual order, line breaks). A panic fails it: nothing here recovers.
// Every character must come back in exactly one run, each run's text
// where its span has it, glyph clusters inside their run, and the runs
// side by side from left to right.
func FuzzLine(f *testing.F) {
	for _, s := range []string{
		"خذ 500 mg مرتين", "می\u200cخواهم", "क्षमा करें (10:00)", "ক্ষমা", "ਕਿਰਪਾ", "ሰላም ለዓለም",
		"abc|אבג def", "\u202eabc\u202c", "\u2067x\u2069|y", "a\u0301\u0301\u0301", "", " ", "|", "\u200c\u200d",
		"((([[[", "١٢٣ 456", "\ufffd\x00", "mg|\u0651",
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	ar := family(f, "NotoNaskhArabic")
	// Devanagari, then Bengali, then Ethiopic, then the default family.
	eth := *family(f, "NotoSansEthiopic")
	bn := *family(f, "NotoSansBengali")
	bn.Fallback = &eth
	hi := *family(f, "NotoSansDevanagari")
	hi.Fallback = &bn
	f.Fuzz(func(t *testing.T, text string, rtl bool) {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\ufffd")
		}
		s := New("fa")
		var spans []Span
		for i, part := range strings.Split(text, "|") {
			sp := Span{Text: part, Fam: ar, Style: fontset.Style(i % 4)}
			if i%2 == 1 {
				sp.Fam = &hi
			}
			spans = append(spans, sp)
		}
		placed, width := s.Line(spans, rtl)
		// Again, from the cache: the same result.
		again, width2 := s.Line(spans, rtl)
		if width != width2 || len(again) != len(placed) {
			t.Fatalf("second setting differs: width %v vs %v, %d vs %d runs", width, width2, len(placed), len(again))
		}
		x := 0.0
		type piece struct{ span, start int }
		seen := map[piece]string{}
		for _, p := range placed {
			if p.X < x-1e-6 || p.X > x+1e-6 {
				t.Fatalf("run %q at %v, want %v", p.Text, p.X, x)
			}
			x += p.Advance
			if p.Span < 0 || p.Span >= len(spans) || p.Start < 0 || p.Start+len(p.Text) > len(spans[p.Span].Text) ||
				spans[p.Span].Text[p.Start:p.Start+len(p.Text)] != p.Text {
				t.Fatalf("run %q (span %d at %d) is not its span's text", p.Text, p.Span, p.Start)
			}
			seen[piece{p.Span, p.Start}] = p.Text
			for _, g := range p.Glyphs {
				if g.Cluster < 0 || g.Cluster >= len(p.Text) || !utf8.RuneStart(p.Text[g.Cluster]) {
					t.Fatalf("glyph %d of %q has cluster %v", g.ID, p.Text, g.Cluster)
				}
			}
		}
		// In logical order, the runs spell each span's text exactly.
		for si, sp := range spans {
			var starts []int
			for k := range seen {
				if k.span == si {
					starts = append(starts, k.start)
				}
			}
			sort.Ints(starts)
			var b strings.Builder
			for _, st := range starts {
				b.WriteString(seen[piece{si, st}])
			}
			if b.String() != sp.Text {
				t.Fatalf("span %d: runs spell %q, want %q", si, b.String(), sp.Text)
			}
		}
		// The same line through the layout's interface: pieces in reading
		// order spell the text, each run's clusters inside its text, and a
		// text measured whole is as wide as it is set.
		m := &Measurer{s: s, fam: ar, rtl: rtl}
		var pieces []layout.Piece
		var all strings.Builder
		for _, sp := range spans {
			pieces = append(pieces, layout.Piece{Text: sp.Text, Style: sp.Style})
			all.WriteString(sp.Text)
		}
		ln := m.SetLine(layout.Line{Pieces: pieces}, 10, rtl)
		var read strings.Builder
		for _, p := range ln.Pieces {
			read.WriteString(p.Text)
			if p.Glyphs == nil {
				continue
			}
			for _, g := range p.Glyphs.Glyphs {
				if g.Cluster < 0 || g.Cluster >= len(p.Text) {
					t.Fatalf("merged run %q: glyph %d has cluster %d", p.Text, g.ID, g.Cluster)
				}
			}
		}
		if read.String() != all.String() {
			t.Fatalf("SetLine's pieces in reading order spell %q, want %q", read.String(), all.String())
		}
		if w := m.Width(all.String(), fontset.Regular, 10); math.IsNaN(w) || w < 0 {
			t.Fatalf("width %v", w)
		}
		var br Breaker
		prev := 0
		for _, at := range br.Breaks(text) {
			if at <= prev || at >= len(text) || !utf8.RuneStart(text[at]) {
				t.Fatalf("break at %d in %q (previous %d)", at, text, prev)
			}
			prev = at
		}
	})
}
