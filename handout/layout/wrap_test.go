package layout

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"handouts/handout/fontset"
	"handouts/internal/growth"
)

// With the fake measurer at size 10 every character is 5 pt wide.
const wrapSize = 10.0

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// joined is the wrapped text as a reader copying it gets it: the lines' texts
// run together (a line broken at a space keeps that space at its end).
func joined(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text())
	}
	return b.String()
}

// checkLines checks what holds for any wrapped text: no line with more than
// one word is wider than width, each line's width is its pieces' extent,
// pieces sit left to right without overlap, and no word is lost, reordered
// or glued to its neighbour.
func checkLines(t *testing.T, m Measurer, input string, ls []Line, width float64) {
	t.Helper()
	for i, l := range ls {
		if len(l.Pieces) == 0 {
			t.Fatalf("line %d is empty", i)
		}
		if len(strings.Fields(l.Text())) > 1 && l.W > width+1e-9 {
			t.Errorf("line %d %q is %.2f wide, more than %.2f", i, l.Text(), l.W, width)
		}
		x := 0.0
		for k, p := range l.Pieces {
			if p.X < x-1e-9 {
				t.Errorf("line %d piece %d %q at x=%.2f overlaps the previous piece ending at %.2f", i, k, p.Text, p.X, x)
			}
			if want := m.Width(strings.TrimRight(p.Text, " "), p.Style, wrapSize); !near(p.W, want) {
				t.Errorf("line %d piece %d %q: W=%.2f, want %.2f", i, k, p.Text, p.W, want)
			}
			x = p.X + p.W
		}
		if !near(l.W, x) {
			t.Errorf("line %d: W=%.2f, want its pieces' extent %.2f", i, l.W, x)
		}
		if strings.HasPrefix(l.Text(), " ") {
			t.Errorf("line %d %q starts with a space", i, l.Text())
		}
	}
	if got, want := collapse(joined(ls)), collapse(input); got != want {
		t.Errorf("words changed:\n got %q\nwant %q", got, want)
	}
}

var wrapWords = []string{"take", "your", "medicine", "with", "food", "and", "water", "a", "psychotherapy",
	"group", "of", "5-12", "people", "(CBT,", "DBT)", "—", "café", "naïve", "x", "ketamine’s", "I'm"}

func randomText(rng *rand.Rand, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			switch rng.IntN(10) {
			case 0:
				b.WriteString("  ")
			case 1:
				b.WriteString("\n")
			case 2:
				b.WriteString(" \t ")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString(wrapWords[rng.IntN(len(wrapWords))])
	}
	return b.String()
}

func TestWrapRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for c := range 300 {
		text := randomText(rng, rng.IntN(80))
		width := 20 + rng.Float64()*400
		ls := Wrap(fakeMeasurer{}, []Run{{Text: text}}, wrapSize, width)
		checkLines(t, fakeMeasurer{}, text, ls, width)
		// Greedy: the first word of each line did not fit on the line before.
		for i := 1; i < len(ls); i++ {
			prev := strings.TrimRight(ls[i-1].Text(), " ")
			first := strings.Fields(ls[i].Text())[0]
			var m fakeMeasurer
			if w := m.Width(prev+" "+first, fontset.Regular, wrapSize); w <= width {
				t.Errorf("case %d: %q would fit after %q (%.1f <= %.1f)", c, first, prev, w, width)
			}
		}
		if t.Failed() {
			t.Fatalf("case %d: width %.2f, text %q", c, width, text)
		}
	}
}

func TestWrapExact(t *testing.T) {
	cases := []struct {
		name  string
		runs  []Run
		width float64
		want  []string // line texts
	}{
		{"empty", []Run{{Text: ""}}, 100, nil},
		{"spaces only", []Run{{Text: "  \n "}}, 100, nil},
		{"one line", []Run{{Text: "Take it with food."}}, 100, []string{"Take it with food."}},
		// "alpha beta" is exactly 50 pt: it fits, and the break space stays
		// at the end of the line's text.
		{"break space kept", []Run{{Text: "alpha beta gamma"}}, 50, []string{"alpha beta ", "gamma"}},
		{"leading and doubled spaces", []Run{{Text: "  alpha   beta\n\ngamma "}}, 50, []string{"alpha beta ", "gamma"}},
		// An address exactly as wide as a line goes whole onto the next
		// line; it is not cut to fill the end of this one.
		{"address exactly a line wide", []Run{{Text: "See "}, {Text: "x.org/abcd", URL: "https://x.org/abcd"}}, 50, []string{"See ", "x.org/abcd"}},
		{"break at a style change keeps its space", []Run{{Text: "alpha "}, {Text: "beta", Style: fontset.Bold}, {Text: " gamma"}}, 50,
			[]string{"alpha beta ", "gamma"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ls := Wrap(fakeMeasurer{}, c.runs, wrapSize, c.width)
			var got []string
			for _, l := range ls {
				got = append(got, l.Text())
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("lines %q, want %q", got, c.want)
			}
			if len(ls) > 0 {
				if last := ls[len(ls)-1].Text(); strings.HasSuffix(last, " ") {
					t.Errorf("last line %q ends with a space", last)
				}
			}
		})
	}
}

func TestWrapTrailingSpace(t *testing.T) {
	ls := Wrap(fakeMeasurer{}, []Run{{Text: "alpha beta gamma"}}, wrapSize, 50)
	if len(ls) != 2 {
		t.Fatalf("%d lines, want 2", len(ls))
	}
	if ls[0].Text() != "alpha beta " {
		t.Errorf("line 1 text %q, want the break space kept: %q", ls[0].Text(), "alpha beta ")
	}
	// The space is text only: the line's width is its ink.
	if ls[0].W != 50 {
		t.Errorf("line 1 W = %v, want 50 (without the space)", ls[0].W)
	}
	// Between styles the space belongs to the word before it.
	ls = Wrap(fakeMeasurer{}, []Run{{Text: "see "}, {Text: "this", Style: fontset.Bold}, {Text: " now and later"}}, wrapSize, 55)
	if len(ls) < 2 || len(ls[0].Pieces) != 2 || ls[0].Pieces[0].Text != "see " || ls[0].Pieces[1].Text != "this " {
		t.Fatalf("pieces of line 1: %+v", ls)
	}
	if p := ls[0].Pieces[1]; p.X != 20 || p.W != 20 || p.Style != fontset.Bold {
		t.Errorf("bold piece %+v, want X=20 W=20 bold", p)
	}
}

// A style change inside a word ("**medicine**,") is no place to break: the
// comma stays with its word and sits right after it.
func TestWrapJoinedStyles(t *testing.T) {
	runs := []Run{{Text: "Take the "}, {Text: "medicine", Style: fontset.Bold}, {Text: ", then rest."}}
	// "Take the medicine" is 85 pt: at width 85 the word fits but not its
	// comma, so both go to the next line.
	ls := Wrap(fakeMeasurer{}, runs, wrapSize, 85)
	checkLines(t, fakeMeasurer{}, "Take the medicine, then rest.", ls, 85)
	if len(ls) < 2 {
		t.Fatalf("lines %+v", ls)
	}
	if got := ls[0].Text(); got != "Take the " {
		t.Errorf("line 1 %q, want %q", got, "Take the ")
	}
	p := ls[1].Pieces
	if len(p) < 2 || p[0].Text != "medicine" || p[0].Style != fontset.Bold || p[0].X != 0 ||
		!strings.HasPrefix(p[1].Text, ",") || p[1].Style != fontset.Regular || p[1].X != p[0].X+p[0].W {
		t.Errorf("line 2 pieces %+v, want bold %q then %q right after it", p, "medicine", ",")
	}
	for i, l := range ls {
		if strings.HasPrefix(l.Text(), ",") {
			t.Errorf("line %d starts with the comma: %q", i, l.Text())
		}
	}
	// A link followed by a full stop.
	ls = Wrap(fakeMeasurer{}, []Run{{Text: "Read more at "}, {Text: "example.org", URL: "https://example.org"}, {Text: "."}}, wrapSize, 120)
	if got := ls[len(ls)-1].Text(); got != "example.org." {
		t.Errorf("last line %q, want the link and its full stop together", got)
	}
}

func TestWrapLongURL(t *testing.T) {
	url := "https://example.org/patienteducation/grouptherapyguide/whattoexpectnext/index.html"
	// 100 pt is 20 characters; each segment ends with '/' late enough in a
	// line (in its last third) to be the place to break.
	for _, c := range []struct {
		name string
		runs []Run
	}{
		{"alone", []Run{{Text: url, URL: url}}},
		{"in a sentence", []Run{{Text: "See "}, {Text: url, URL: url}, {Text: " for more."}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ls := Wrap(fakeMeasurer{}, c.runs, wrapSize, 100)
			var all strings.Builder
			for _, r := range c.runs {
				all.WriteString(r.Text)
			}
			checkLines(t, fakeMeasurer{}, all.String(), ls, 100)
			var parts []string
			for _, l := range ls {
				if l.W > 100 {
					t.Errorf("line %q is %.1f wide, more than 100", l.Text(), l.W)
				}
				for _, p := range l.Pieces {
					if p.URL == url {
						parts = append(parts, strings.TrimRight(p.Text, " "))
					}
				}
			}
			if strings.Join(parts, "") != url {
				t.Fatalf("link pieces %q do not make up the URL", parts)
			}
			if len(parts) != 5 {
				t.Fatalf("URL in %d parts %q, want it split", len(parts), parts)
			}
			for i, p := range parts[:len(parts)-1] {
				if !strings.HasSuffix(p, "/") {
					t.Errorf("part %d %q does not end after a '/'", i, p)
				}
			}
		})
	}
	// Without a slash late enough it breaks between characters and still
	// fits.
	long := strings.Repeat("abcdefghij", 12)
	ls := Wrap(fakeMeasurer{}, []Run{{Text: long}}, wrapSize, 100)
	checkLines(t, fakeMeasurer{}, long, ls, 100)
	for _, l := range ls {
		if l.W > 100 {
			t.Errorf("line %q is %.1f wide", l.Text(), l.W)
		}
	}
	if len(ls) != 6 {
		t.Errorf("%d lines, want 6 full lines", len(ls))
	}
}

// Wrap measures each word once: time is linear in the text. Each case is
// timed at two sizes in one run (growth.Linear), never against a clock.
func TestWrapLinearTime(t *testing.T) {
	words := func(n int) string { return strings.Repeat("patients take their medicine with food ", n/39+1)[:n] }
	for _, c := range []struct {
		name  string
		m     Measurer
		text  func(n int) string
		width float64
		n     int
	}{
		{"words, fake", fakeMeasurer{}, words, 400, 64 << 10},
		{"words, font", fontset.Default(), words, 400, 64 << 10},
		// One line of many words: the line's text must not be copied
		// for every word (that took minutes on 2 MB).
		{"words on one very wide line", fakeMeasurer{}, words, 1e12, 16 << 10},
		{"one word, fake", fakeMeasurer{}, func(n int) string { return strings.Repeat("a", n) }, 400, 64 << 10},
		{"one word, font", fontset.Default(), func(n int) string { return strings.Repeat("a", n) }, 400, 64 << 10},
		{"one word with slashes, font", fontset.Default(), func(n int) string { return strings.Repeat("abcdefg/", n/8) }, 400, 64 << 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := c.text(c.n)
			ls := Wrap(c.m, []Run{{Text: text}}, wrapSize, c.width)
			n := 0
			for _, l := range ls {
				n += len(l.Text())
			}
			if n < len(strings.Join(strings.Fields(text), " ")) {
				t.Errorf("lines hold %d bytes of %d", n, len(text))
			}
			growth.Linear(t, c.n, func(n int) { Wrap(c.m, []Run{{Text: c.text(n)}}, wrapSize, c.width) })
		})
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("Take the medicine with food.", 100.0)
	f.Add("https://example.org/a/very/long/path/that/needs/breaking?x=1&y=2", 30.0)
	f.Add("  leading\tand\ntrailing   ", 1.0)
	f.Add("naïve café — ketamine’s 5-12 (CBT, DBT)", 17.5)
	f.Add("\xff\xfe invalid utf8 \x80", 3.0)
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if !(width >= 1) || width > 1e6 {
			return
		}
		// Split into runs at '*' to exercise style changes inside words.
		var runs []Run
		for i, part := range strings.Split(s, "*") {
			runs = append(runs, Run{Text: part, Style: fontset.Style(i % 4)})
		}
		ls := Wrap(fakeMeasurer{}, runs, wrapSize, width)
		var w Wrapper
		measured := w.Measure(fakeMeasurer{}, runs, wrapSize)
		if got := measured.Lines(width); !slices.EqualFunc(got, ls, func(a, b Line) bool { return a.W == b.W && slices.Equal(a.Pieces, b.Pieces) }) {
			t.Fatalf("Measured.Lines differs from Wrap:\n got %v\nwant %v", got, ls)
		}
		if got := measured.Count(width); got != len(ls) {
			t.Fatalf("Measured.Count is %d, Wrap made %d lines", got, len(ls))
		}
		// A soft hyphen is never drawn; a line broken at one ends in a
		// visible "-" instead. So the characters drawn are the text's,
		// without soft hyphens, give or take a "-" for each of them.
		text := strings.NewReplacer("*", "", "\u00ad", "").Replace(s)
		noDash := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, "-", "")), "") }
		if got, want := noDash(joined(ls)), noDash(text); got != want {
			t.Fatalf("non-space characters changed:\n got %q\nwant %q", got, want)
		}
		added := strings.Count(joined(ls), "-") - strings.Count(text, "-")
		if shy := strings.Count(s, "\u00ad"); added < 0 || added > shy {
			t.Fatalf("%d hyphens added to a text with %d soft hyphens: %q", added, shy, joined(ls))
		}
		for i, l := range ls {
			if len(l.Pieces) == 0 {
				t.Fatalf("line %d is empty", i)
			}
			// Only a single character wider than the line may overflow it:
			// a longer word is cut, and a hyphen needs room.
			if utf8.RuneCountInString(strings.TrimRight(l.Text(), " ")) > 1 && l.W > width+1e-9 {
				t.Fatalf("line %d %q is %.2f wide, more than %.2f", i, l.Text(), l.W, width)
			}
		}
	})
}

// TestWrapSpecialSpaces: a no-break space holds its words together and is
// kept in the text; a soft hyphen is a place to break, printed as "-" only
// at a line's end and never kept in the text.
func TestWrapSpecialSpaces(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"no-break space", "wait 4\u00a0hours", 50, []string{"wait ", "4\u00a0hours"}},
		{"no-break space fits", "wait 4\u00a0hours", 100, []string{"wait 4\u00a0hours"}},
		{"narrow no-break space", "wait 4\u202fhours", 50, []string{"wait ", "4\u202fhours"}},
		{"soft hyphen at a line end", "take medi\u00adcation now", 50, []string{"take medi-", "cation now"}},
		{"soft hyphen mid-line", "take medi\u00adcation", 100, []string{"take medication"}},
		{"two soft hyphens", "a break\u00adfast\u00adtime", 50, []string{"a break-", "fasttime"}},
		{"no room for the hyphen", "takes medi\u00adcation", 50, []string{"takes ", "medication"}},
		// A part that fills a line leaves no room for its hyphen on any
		// line: the word is cut between characters, as any word too long
		// for a line is, and no line runs past its width.
		{"no line holds the part and its hyphen", "ab\u00adcdef", 12, []string{"ab", "cd", "ef"}},
		{"nor after a no-break space", "00\u00a0000\u00ad0", 31.4, []string{"00\u00a0000", "0"}},
		{"the next break has room", "medi\u00adc\u00adation", 37, []string{"medic-", "ation"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ls := Wrap(fakeMeasurer{}, []Run{{Text: c.text}}, wrapSize, c.width)
			var got []string
			for _, l := range ls {
				got = append(got, l.Text())
				if l.W > c.width {
					t.Errorf("line %q is %.1f wide, more than %.1f", l.Text(), l.W, c.width)
				}
				for _, p := range l.Pieces {
					if want := (fakeMeasurer{}).Width(strings.TrimRight(p.Text, " "), p.Style, wrapSize); !near(p.W, want) {
						t.Errorf("piece %q: W=%.2f, want %.2f", p.Text, p.W, want)
					}
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("lines %q, want %q", got, c.want)
			}
		})
	}
}

// TestWrapURLNotAtHyphen: a long address breaks after a slash or before a
// dot, and no line of it ends in a hyphen, which would read as part of it.
func TestWrapURLNotAtHyphen(t *testing.T) {
	url := "https://ex.org/a-very-long-hyphenated-path-name-that-goes-on-and-on.html"
	ls := Wrap(fakeMeasurer{}, []Run{{Text: url, URL: url}}, wrapSize, 100)
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.Text())
		if strings.HasSuffix(l.Text(), "-") {
			t.Errorf("line %q ends at a hyphen", l.Text())
		}
		if l.W > 100 {
			t.Errorf("line %q is %.1f wide", l.Text(), l.W)
		}
	}
	if strings.Join(parts, "") != url {
		t.Errorf("parts %q do not make up the address", parts)
	}
	// A dot late in the line is a place to break, before the dot.
	url = "https://example.org/abcdefghijklmn.opqrstuvwxyz"
	ls = Wrap(fakeMeasurer{}, []Run{{Text: url, URL: url}}, wrapSize, 100)
	if len(ls) < 2 || !strings.HasPrefix(ls[len(ls)-1].Text(), ".") {
		var got []string
		for _, l := range ls {
			got = append(got, l.Text())
		}
		t.Errorf("lines %q, want a break before the dot", got)
	}
}

// oddMeasurer's widths are not exact in binary (0.1 pt steps, a different
// step per style), as real font metrics are not.
type oddMeasurer struct{}

func (oddMeasurer) Width(s string, st fontset.Style, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * (0.43 + 0.07*float64(st))
}

// A word whose style changes inside it ("081*A0 78a*0") is drawn as pieces
// side by side. Each piece's text must end in a space only where the writer
// put one: the text is what a screen reader and a copy get. Pieces' sums in
// floating point drift from the running line width, so this is tested with
// widths that do not add up exactly.
func TestWrapStyleChangeAddsNoSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	styles := []fontset.Style{fontset.Regular, fontset.Italic, fontset.Bold}
	for c := range 300 {
		text := randomText(rng, 1+rng.IntN(40))
		// Cut the text into runs at random bytes, spaces or not.
		var runs []Run
		for rest := text; rest != ""; {
			n := 1 + rng.IntN(len(rest))
			for n < len(rest) && !utf8.RuneStart(rest[n]) {
				n++
			}
			runs = append(runs, Run{Text: rest[:n], Style: styles[rng.IntN(len(styles))]})
			rest = rest[n:]
		}
		width := 20 + rng.Float64()*400
		ls := Wrap(oddMeasurer{}, runs, wrapSize, width)
		if got, want := strings.Join(strings.Fields(joined(ls)), " "), collapse(text); got != want {
			t.Fatalf("case %d: text changed:\n got %q\nwant %q\nruns %+v", c, got, want, runs)
		}
	}
}

// TestWrapURLChicago: an address wider than a line breaks only after a
// slash or before . - ? # (Chicago Manual of Style), never inside a word,
// at every width where a line can hold its longest such piece.
func TestWrapURLChicago(t *testing.T) {
	for _, url := range []string{
		"https://www.cdc.gov/diabetes/es/about/lo-que-usted-debe-saber-sobre-la-diabetes.html",
		"https://www.nimh.nih.gov/health/topics/post-traumatic-stress-disorder-ptsd",
		"https://example.org/search?q=shyness&page=2#results",
		"https://example.org/archive--2024/sleep--notes.html",
		"https://example.org/search?q=sleep&from=",
	} {
		for width := 60.0; width <= 220; width += 7 {
			runs := []Run{{Text: "See "}, {Text: url, URL: url}, {Text: "."}}
			ls := Wrap(fakeMeasurer{}, runs, wrapSize, width)
			var parts []string
			for _, l := range ls {
				if l.W > width+0.01 {
					t.Errorf("%s at %.0f: line %q is %.1f wide", url, width, l.Text(), l.W)
				}
				for _, p := range l.Pieces {
					if p.URL == url {
						parts = append(parts, strings.TrimRight(p.Text, " "))
					}
				}
			}
			if strings.Join(parts, "") != url {
				t.Fatalf("%s at %.0f: pieces %q do not make up the address", url, width, parts)
			}
			for i := 1; i < len(parts); i++ {
				a, b := parts[i-1], parts[i]
				if !strings.HasSuffix(a, "/") && !strings.ContainsAny(b[:1], ".-?#_~%&=") {
					t.Errorf("%s at %.0f: broken inside a word: %q | %q", url, width, a, b)
				}
				if i == len(parts)-1 && len(b) == 1 {
					t.Errorf("%s at %.0f: its final mark alone on a line: %q | %q", url, width, a, b)
				}
				if strings.HasSuffix(a, "-") || strings.HasSuffix(a, ":/") {
					t.Errorf("%s at %.0f: broken after a hyphen or inside //: %q | %q", url, width, a, b)
				}
			}
		}
	}
}

// TestWrapURLExactFit: an address cut where a line is exactly full. The
// fake measurer gives 5 pt a character, so the widths are exact.
func TestWrapURLExactFit(t *testing.T) {
	lines := func(runs []Run, width float64) []string {
		var out []string
		for _, l := range Wrap(fakeMeasurer{}, runs, wrapSize, width) {
			out = append(out, l.Text())
		}
		return out
	}
	// A line holds "https://example.org/" exactly, alone or after the
	// opening bracket joined to the address: the address breaks after that
	// slash, not before ".org".
	url := "https://example.org/sleep/tips.html"
	got := lines([]Run{{Text: url, URL: url}}, 5*float64(len("https://example.org/")))
	if want := []string{"https://example.org/", "sleep/tips.html"}; !slices.Equal(got, want) {
		t.Errorf("exactly full: lines %q, want %q", got, want)
	}
	got = lines([]Run{{Text: "See ("}, {Text: url, URL: url}, {Text: ")"}}, 5*float64(len("(https://example.org/")))
	if want := []string{"See ", "(https://example.org/", "sleep/tips.html)"}; !slices.Equal(got, want) {
		t.Errorf("exactly full after other text: lines %q, want %q", got, want)
	}
	// An address one character too wide for a line, that character a
	// final mark: the mark does not go to a line of its own; the address
	// breaks at the last place before it.
	url = "https://example.org/sleep?from="
	got = lines([]Run{{Text: url, URL: url}}, 5*float64(len(url)-1))
	if want := []string{"https://example.org/sleep", "?from="}; !slices.Equal(got, want) {
		t.Errorf("a final mark past the line: lines %q, want %q", got, want)
	}
}

// A word exactly as wide as the line, measured whole, stays whole, alone on
// its line or moved on after another word, also where the widths of its
// letters, added one by one, come out a hair wider in floating point
// (oddMeasurer's steps are not exact in binary).
func TestWrapWordExactlyLineWide(t *testing.T) {
	for n := 1; n <= 80; n++ {
		word := strings.Repeat("m", n)
		width := oddMeasurer{}.Width(word, fontset.Regular, wrapSize)
		for _, runs := range [][]Run{{{Text: word}}, {{Text: "a " + word}}} {
			var got []string
			for _, l := range Wrap(oddMeasurer{}, runs, wrapSize, width) {
				got = append(got, strings.TrimSpace(l.Text()))
			}
			if got[len(got)-1] != word {
				t.Errorf("a word of %d letters exactly a line wide: lines %q", n, got)
			}
		}
	}
}

// countingMeasurer counts the widths it is asked for.
type countingMeasurer struct {
	fakeMeasurer
	calls *int
}

func (m countingMeasurer) Width(s string, st fontset.Style, size float64) float64 {
	*m.calls++
	return m.fakeMeasurer.Width(s, st, size)
}

// TestMeasuredIsWrap: a text measured once and wrapped at any width has
// Wrap's lines, and Count their number, with no more measuring for a text
// without soft hyphens or words longer than a line: what lets the
// summary try three column widths for the price of one measure.
func TestMeasuredIsWrap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var w Wrapper
	for c := range 300 {
		var runs []Run
		for k := range 1 + rng.IntN(4) {
			text := randomText(rng, rng.IntN(30))
			if rng.IntN(4) == 0 {
				text += "pre\u00adscrip\u00adtion"
			}
			r := Run{Text: text, Style: fontset.Style(k % 4)}
			if rng.IntN(6) == 0 {
				r = Run{Text: "https://example.org/a/long/path?x=1", URL: "https://example.org/a/long/path?x=1"}
			}
			runs = append(runs, r)
		}
		text := w.Measure(fakeMeasurer{}, runs, wrapSize)
		for range 4 {
			width := 20 + rng.Float64()*300
			want := Wrap(fakeMeasurer{}, runs, wrapSize, width)
			if got := text.Lines(width); !slices.EqualFunc(got, want, func(a, b Line) bool { return a.W == b.W && slices.Equal(a.Pieces, b.Pieces) }) {
				t.Fatalf("case %d, width %.2f: Lines\n %v\nWrap\n %v", c, width, got, want)
			}
			if got := text.Count(width); got != len(want) {
				t.Fatalf("case %d, width %.2f: Count %d, Wrap made %d lines", c, width, got, len(want))
			}
		}
	}

	calls := 0
	m := countingMeasurer{calls: &calls}
	runs := []Run{{Text: "Take the medicine with food, "}, {Text: "every", Style: fontset.Bold}, {Text: " morning and evening."}}
	text := w.Measure(m, runs, wrapSize)
	measured := calls
	if measured == 0 {
		t.Fatal("Measure measured nothing")
	}
	for _, width := range []float64{60, 80, 120, 500} {
		text.Count(width)
		text.Lines(width)
	}
	if calls != measured {
		t.Errorf("wrapping at 4 widths measured %d more times; the words were measured once (%d calls)", calls-measured, measured)
	}
}

// breakSpaceIn is strings.IndexFunc(s, IsBreakSpace), or len(s) for none,
// on every kind of space and on bytes that are not UTF-8.
func TestBreakSpaceIn(t *testing.T) {
	parts := []string{"a", "é", " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00a0", "\u2007", "\u202f", "\u2003", "\u3000", "\xff", "\xe2\x80", "—", "x"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		want := strings.IndexFunc(s, IsBreakSpace)
		if want < 0 {
			want = len(s)
		}
		if got := breakSpaceIn(s); got != want {
			t.Fatalf("breakSpaceIn(%q) = %d, want %d", s, got, want)
		}
	}
}
