package format

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/diag"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/handout/picture"
)

// brandWith resolves a brand from flag-like settings.
func brandWith(t *testing.T, s map[brand.Field]string) *brand.Brand {
	t.Helper()
	set := brand.Settings{}
	for f, v := range s {
		set[f] = brand.Value{Text: v, Pos: diag.Pos{File: "--" + string(f)}}
	}
	b, errs := brand.Resolve(nil, set)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return b
}

// texts returns every text op of a page, furniture included.
func texts(p layout.Page) []layout.Op {
	var out []layout.Op
	for _, op := range p.Ops {
		if op.Kind == layout.TextOp {
			out = append(out, op)
		}
	}
	return out
}

// A name, tagline or contact line of any length wraps: nothing is cut
// (but the running header, which shortens), nothing runs off the page,
// every word is printed.
func TestFurnitureWraps(t *testing.T) {
	long := strings.Repeat("Northern Valley Community ", 4) + "Clinic"
	b := brandWith(t, map[brand.Field]string{
		brand.Clinic:  long,
		brand.Tagline: "Counseling, psychiatry and recovery care for the whole family, close to home",
		brand.Phone:   "+1 (555) 014-2280 extension 305",
		brand.Email:   "front-desk.appointments@northern-valley-community-clinic.example",
		brand.Website: "https://www.northern-valley-community-clinic.example/patients/resources",
	})
	h := loadHandout(t, seedFile)
	for _, opt := range []Options{{Paper: Letter}, {Paper: A4}, {Paper: Letter, LargePrint: true}} {
		doc, err := Compose(Guide, h, b, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range doc.Pages {
			var all strings.Builder
			head := map[layout.Op]bool{}
			for _, op := range headerOps(p, NewTheme(b, labelsFor(h), opt, 0)) {
				head[op] = true
			}
			for _, op := range texts(p) {
				if strings.Contains(op.Text, "…") && !(i > 0 && head[op]) {
					t.Errorf("%s page %d: %q is cut", opt.Paper.Name, i+1, op.Text)
				}
				if op.X < safe || op.X+op.W > opt.Paper.W-safe {
					t.Errorf("%s page %d: %q at x=%.1f..%.1f runs outside the page's safe area", opt.Paper.Name, i+1, op.Text, op.X, op.X+op.W)
				}
				all.WriteString(op.Text + " ")
			}
			text := strings.Join(strings.Fields(all.String()), " ")
			// Large print prints the contact details once, on the strip
			// that closes the handout.
			// An address too wide for the room beside the QR code breaks
			// where an address may (TestContactStripClearsTheQRCode), so
			// its pieces are read joined.
			joined := strings.ReplaceAll(text, " ", "")
			if (!opt.LargePrint || i == len(doc.Pages)-1) && !strings.Contains(joined, "front-desk.appointments@northern-valley-community-clinic.example") {
				t.Errorf("%s page %d: the email is not printed whole: %q", opt.Paper.Name, i+1, text)
			}
			// The band on page one holds the whole name, over as many
			// lines as it needs; the running header after it keeps to its
			// lines and may shorten it (TestRunningHeaderLongTitle).
			if i == 0 && !strings.Contains(text, strings.TrimSpace(long)) {
				t.Errorf("%s page %d: the clinic name is not printed whole", opt.Paper.Name, i+1)
			}
			// No contact line ends with its separator.
			for _, op := range texts(p) {
				if strings.TrimSpace(op.Text) == "·" {
					ends := true
					for _, o := range texts(p) {
						if o.Y == op.Y && o.X > op.X {
							ends = false
						}
					}
					if ends {
						t.Errorf("%s page %d: a contact line ends with its separator", opt.Paper.Name, i+1)
					}
				}
			}
		}
	}
}

// When the brand's furniture is what does not fit, the error says so, not
// "shorten the summary bullets".
func TestSummaryBrandOverBudget(t *testing.T) {
	h := loadHandout(t, "testdata/long-summary.yaml")
	footer := strings.Repeat("This handout is general education and does not replace advice from your care team. ", 25)
	b := brandWith(t, map[brand.Field]string{brand.Clinic: "Riverbend", brand.Footer: footer})
	_, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
	var tooLong *ErrTooLong
	if !errors.As(err, &tooLong) {
		t.Fatalf("got %v, want a summary that does not fit", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "fits without the clinic's brand") || !strings.Contains(msg, "footer take") || strings.Contains(msg, "bullets") {
		t.Errorf("message %q should blame the brand footer, not the bullets", msg)
	}
	name := strings.Repeat("Very Long Clinic Name ", 40)
	b = brandWith(t, map[brand.Field]string{brand.Clinic: name})
	_, err = Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
	if err == nil || !strings.Contains(err.Error(), "clinic name takes") {
		t.Errorf("a name of %d characters: got %v, want the band blamed", len(name), err)
	}
	// The same content fits with no brand at all: it is the brand that
	// must shrink.
	if _, err := Compose(Summary, h, noBrand(t), labelsFor(h), Options{Paper: Letter}); err != nil {
		t.Errorf("no brand: %v", err)
	}
}

// The summary is fitted to the furniture this brand prints: a brand that
// prints more never gets larger type than one that prints less, a short
// summary is set at the guide's 13 pt, and a shrunk one could not be set a
// quarter point larger.
func TestSummaryFittedToItsFurniture(t *testing.T) {
	brands := []*brand.Brand{noBrand(t), brandWith(t, map[brand.Field]string{brand.Clinic: "Riverbend"}), exampleBrand(t)}
	for _, file := range []string{seedFile, "testdata/long-summary.yaml", "testdata/minimal.yaml"} {
		h := loadHandout(t, file)
		var sizes []float64
		for _, b := range brands {
			doc, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, doc.Body)
			if doc.Body < BodySize {
				bigger, err := compose(Summary, h, summaryTheme(h, b, labelsFor(h), Options{Paper: Letter}, doc.Body+0.25), summary)
				if err == nil && len(bigger.Pages) == 1 {
					t.Errorf("%s, brand %q: set at %.2f pt, but %.2f pt fits", file, b.Name, doc.Body, doc.Body+0.25)
				}
			}
		}
		if sizes[0] < sizes[1] || sizes[1] < sizes[2] {
			t.Errorf("%s: summary body %v pt with no brand, a name, the example brand; a brand that prints more got larger type", file, sizes)
		}
		if file == "testdata/minimal.yaml" && sizes[2] != BodySize {
			t.Errorf("%s: a short summary set at %v pt, want the guide's %v", file, sizes, BodySize)
		}
	}
}

func TestLogoTooSmall(t *testing.T) {
	for _, tc := range []struct {
		w, h int
		want string
	}{
		{600, 180, ""},  // 3.3:1 prints at full height
		{800, 200, ""},  // 4:1
		{1000, 200, ""}, // 5:1 still prints 0.45 in or more in the guide's column on A4
		{1200, 200, "prints it 2.55 × 0.42 in"},
		{2400, 120, "prints it 2.55 × 0.13 in: any lettering in it prints at most 9 pt tall"},
	} {
		got := LogoTooSmall(&brand.Logo{Path: "logo.png", Image: picture.Image{Width: tc.w, Height: tc.h}})
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%d×%d: %q, want %q", tc.w, tc.h, got, tc.want)
		}
	}
}

// A run-in heading gets a colon unless it already ends in punctuation;
// in Chinese and Japanese the full-width colon, with no space after it.
func TestRunIn(t *testing.T) {
	en, _ := labels.For("en")
	zh, _ := labels.For("zh-Hans")
	ja, _ := labels.For("ja")
	ko, _ := labels.For("ko")
	for _, c := range []struct {
		lab      *labels.Labels
		in, want string
	}{
		{en, "What it is", "What it is: "},
		{en, "What is asthma?", "What is asthma? "},
		{en, "¿Qué es el asma?", "¿Qué es el asma? "},
		{en, "Call now!", "Call now! "},
		{en, "Side effects (rare)", "Side effects (rare): "},
		{zh, "咖啡因", "咖啡因："},
		{zh, "为什么睡眠很重要？", "为什么睡眠很重要？"},
		{zh, "酒精（少量）", "酒精（少量）："},
		{ja, "カフェイン", "カフェイン："},
		{ko, "카페인", "카페인: "},
	} {
		if got := c.lab.RunIn(c.in); got != c.want {
			t.Errorf("%s RunIn(%q) = %q, want %q", c.lab.Lang, c.in, got, c.want)
		}
	}
}

// headerOps returns a page's running-header text: the furniture printed
// above its content (a box's "continued" label is furniture too, but set
// in the content area).
func headerOps(p layout.Page, th *Theme) []layout.Op {
	var out []layout.Op
	for _, op := range texts(p) {
		if op.Artifact == layout.Pagination && op.Y < th.Paper.H/2 && !strings.Contains(op.Text, th.Labels.Continued()) {
			out = append(out, op)
		}
	}
	return out
}

// The running header keeps to the text column and to its lines (two in
// regular print, one in large print), with or without a clinic name, for a
// title of 150 characters: it wraps, and shortens at a word when wrapping
// would take more lines. The title on page one is printed whole.
func TestRunningHeaderLongTitle(t *testing.T) {
	h := loadHandout(t, seedFile)
	long := "Group therapy for anxiety, depression, trauma and loneliness: what happens in a group, what it helps with and how to start"
	long += strings.Repeat(" today", (150-len(long))/6)
	h.Title.Raw = long
	if n := len(long); n < 145 || n > 150 {
		t.Fatalf("title of %d characters", n)
	}
	brands := map[string]*brand.Brand{
		"none":    noBrand(t),
		"name":    brandWith(t, map[brand.Field]string{brand.Clinic: "Riverbend Wellness Clinic"}),
		"example": exampleBrand(t),
		"long":    brandWith(t, map[brand.Field]string{brand.Clinic: "Cedar Hollow Behavioural Health & Family Care"}),
	}
	for bn, b := range brands {
		for _, opt := range []Options{{Paper: Letter}, {Paper: A4}, {Paper: Letter, LargePrint: true}, {Paper: A4, LargePrint: true}} {
			name := fmt.Sprintf("%s/%s/large=%v", bn, opt.Paper.Name, opt.LargePrint)
			doc, err := Compose(Guide, h, b, labelsFor(h), opt)
			if err != nil {
				t.Fatal(name, err)
			}
			th := NewTheme(b, labelsFor(h), opt, 0)
			budget := 2
			if opt.LargePrint {
				budget = 1
			}
			if len(doc.Pages) < 2 {
				t.Fatalf("%s: %d page, want a running header to test", name, len(doc.Pages))
			}
			var first strings.Builder
			for _, op := range texts(doc.Pages[0]) {
				first.WriteString(op.Text + " ")
			}
			if !strings.Contains(strings.Join(strings.Fields(first.String()), " "), long) {
				t.Errorf("%s: the title is not printed whole on page one", name)
			}
			for i, p := range doc.Pages[1:] {
				ops := headerOps(p, th)
				lines := map[float64][]layout.Op{}
				for _, op := range ops {
					lines[op.Y] = append(lines[op.Y], op)
					if op.X < th.Left-0.01 || op.X+op.W > th.Left+th.Width+0.01 {
						t.Errorf("%s page %d: header %q at x=%.1f..%.1f leaves the text column %.1f..%.1f", name, i+2, op.Text, op.X, op.X+op.W, th.Left, th.Left+th.Width)
					}
				}
				if len(lines) == 0 || len(lines) > budget {
					t.Errorf("%s page %d: running header of %d lines, want 1..%d", name, i+2, len(lines), budget)
				}
				for y, l := range lines {
					for a := range l {
						for c := a + 1; c < len(l); c++ {
							if l[a].X < l[c].X+l[c].W && l[c].X < l[a].X+l[a].W {
								t.Errorf("%s page %d: %q and %q overlap at y=%.1f", name, i+2, l[a].Text, l[c].Text, y)
							}
						}
					}
				}
			}
		}
	}
}

// The clinic name and the title share the running header's line only with
// twice the small size between them; a title that would come closer goes
// under the name. Titles cut a character at a time cross that edge.
func TestRunningHeaderGap(t *testing.T) {
	h := loadHandout(t, seedFile)
	b := brandWith(t, map[brand.Field]string{brand.Clinic: "Riverbend Wellness Clinic"})
	long := "Group therapy for anxiety, depression, trauma and loneliness: what happens in a group, what it helps with"
	opt := Options{Paper: Letter}
	th := NewTheme(b, labelsFor(h), opt, 0)
	oneLine, twoLines := 0, 0
	for n := 40; n <= len(long); n++ {
		h.Title.Raw = strings.TrimSpace(long[:n])
		doc, err := Compose(Guide, h, b, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) < 2 {
			t.Fatalf("%d page, want a running header to test", len(doc.Pages))
		}
		lines := map[float64][]layout.Op{}
		for _, op := range headerOps(doc.Pages[1], th) {
			lines[op.Y] = append(lines[op.Y], op)
		}
		if len(lines) == 1 {
			oneLine++
		} else {
			twoLines++
		}
		for _, l := range lines {
			for _, a := range l {
				for _, c := range l {
					if a.Font == fontset.Bold && c.Font != fontset.Bold {
						if gap := c.X - (a.X + a.W); gap < 2*th.Small-0.01 {
							t.Errorf("title of %d characters: the name ends %.1f pt before the title, want at least %.1f", n, gap, 2*th.Small)
						}
					}
				}
			}
		}
	}
	if oneLine == 0 || twoLines == 0 {
		t.Errorf("%d titles on the name's line, %d under it: the test does not cross the edge", oneLine, twoLines)
	}
}
