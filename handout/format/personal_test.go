package format

import (
	"errors"
	"fmt"
	"handouts/handout/content"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/fontset"
	"handouts/handout/layout"
)

var maria = &Personal{Patient: "Maria Lopez", Clinician: "Dr. Amara Okafor", Date: "2026-11-29", NextVisit: "2026-12-06 10:30", Note: "Bring your questions to group.\nCall us if you feel worse."}

// roleOf finds the structure role of the first text op on page one that
// holds s.
func roleOf(doc *Composed, s string) (layout.Role, bool) {
	for _, op := range doc.Pages[0].Ops {
		if op.Kind == layout.TextOp && strings.Contains(op.Text, s) {
			return doc.Tree.Structs[op.Struct].Role, op.Struct != 0
		}
	}
	return 0, false
}

func TestPersonalBlockOnFirstPageWithRoles(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, k := range Kinds {
		{
			doc, err := Compose(k, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, Personal: maria})
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]layout.Role{
				"Maria":             layout.Paragraph,
				"Okafor":            layout.Paragraph,
				"December 6, 2026":  layout.Paragraph,
				"worse.":            layout.Paragraph,
				"Note from":         layout.Heading2,
				"Next appointment:": layout.Paragraph,
			}
			for s, role := range want {
				got, ok := roleOf(doc, s)
				if !ok || got != role {
					t.Errorf("%s: %q has role %v (found %v), want %v", k, s, got, ok, role)
				}
			}
			// The note is inside an aside, as the care team's box.
			for _, op := range doc.Pages[0].Ops {
				if op.Kind == layout.TextOp && strings.Contains(op.Text, "worse.") {
					if p := doc.Tree.Structs[op.Struct].Parent; doc.Tree.Structs[p].Role != layout.Aside {
						t.Errorf("%s: the note's paragraph is not in an aside", k)
					}
				}
			}
			// Nothing of it on later pages, and not in the metadata.
			for _, p := range doc.Pages[1:] {
				for _, op := range p.Ops {
					if strings.Contains(op.Text, "Maria") {
						t.Errorf("%s: the name is repeated on a later page", k)
					}
				}
			}
			if strings.Contains(doc.Meta.Title+doc.Meta.Subject+doc.Meta.Keywords, "Maria") {
				t.Errorf("%s: the name is in the metadata", k)
			}
		}
	}
}

// A note makes the summary fit smaller, and a note that cannot fit is an
// error, never a second page: for every length and either brand.
func TestPersonalSummaryStaysOnePage(t *testing.T) {
	h := loadHandout(t, seedFile)
	text := strings.Repeat("Take one week at a time. ", 25)
	for _, b := range []*brand.Brand{noBrand(t), exampleBrand(t)} {
		plain, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter})
		if err != nil {
			t.Fatal(err)
		}
		fitted := 0
		for n := 50; n <= MaxNote; n += 50 {
			p := *maria
			p.Note = text[:n]
			doc, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: Letter, Personal: &p})
			var tooLong *ErrTooLong
			switch {
			case errors.As(err, &tooLong):
				continue
			case err != nil:
				t.Fatal(err)
			case len(doc.Pages) != 1:
				t.Fatalf("a %d-character note: %d pages", n, len(doc.Pages))
			case doc.Body > plain.Body:
				t.Errorf("a %d-character note made the type larger", n)
			}
			fitted = n
		}
		// The seed's summary is long; a few sentences must still fit.
		if fitted < 300 {
			t.Errorf("brand %q: only a %d-character note fits the seed's summary", b.Name, fitted)
		}
		// Every field at its limit cannot fit: the error, not a second page.
		long := &Personal{Patient: strings.Repeat("Name ", 20), Clinician: strings.Repeat("Team ", 20), Date: strings.Repeat("Date ", 20), NextVisit: strings.Repeat("Visit ", 16), Note: text[:MaxNote]}
		// On a summary that only just fits its page (bullets added until
		// one more would not fit), whatever the brand's furniture.
		full := *h
		for k := 0; ; k++ {
			more := full
			more.Summary = append(append([]content.Text(nil), full.Summary...), h.Summary[k%len(h.Summary)])
			if _, err := Compose(Summary, &more, b, labelsFor(h), Options{Paper: Letter}); err != nil {
				break
			}
			full = more
		}
		_, err = Compose(Summary, &full, b, labelsFor(h), Options{Paper: Letter, Personal: long.Normalize().ptr()})
		var tooLong *ErrTooLong
		if !errors.As(err, &tooLong) {
			t.Errorf("brand %q: every field at its limit: %v", b.Name, err)
		}
	}
}

func (p Personal) ptr() *Personal { return &p }

// Large print keeps 18 pt, so a patient's copy may take one page more than
// the two a large-print summary is allowed, and no more.
func TestPersonalLargePrintSummary(t *testing.T) {
	h := loadHandout(t, seedFile)
	plain, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true, Personal: maria})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Pages) > 2 || len(doc.Pages) > 3 || len(doc.Pages) < len(plain.Pages) {
		t.Errorf("large-print summary: %d pages, %d with the patient's block", len(plain.Pages), len(doc.Pages))
	}
	if role, ok := roleOf(doc, "Maria"); !ok || role != layout.Paragraph {
		t.Error("the patient's line is not on page one")
	}
}

func TestPersonalNormalizeAndCheck(t *testing.T) {
	p := Personal{Patient: "  Mari\u0301a   Lopez ", Note: "one\r\n\r\ntwo  three\r"}.Normalize()
	if p.Patient != "Mar\u00eda Lopez" { // NFC composes i + combining acute
		t.Errorf("patient = %q", p.Patient)
	}
	if p.Note != "one\ntwo three" {
		t.Errorf("note = %q", p.Note)
	}
	fonts := fontset.Default()
	cases := map[string]Personal{
		"note":       {Note: strings.Repeat("x", MaxNote+1)},
		"patient":    {Patient: strings.Repeat("x", MaxField+1)},
		"clinician":  {Clinician: "Dr. 😀"},
		"next_visit": {NextVisit: "Monday\x07"},
	}
	for field, p := range cases {
		err := p.Check(fonts)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s: %v", field, err)
		}
		if err != nil && (strings.Contains(err.Error(), "😀") || strings.Contains(err.Error(), "xxx")) {
			t.Errorf("the error repeats the value: %v", err)
		}
	}
	ok := Personal{Patient: "Łucja Żółć", Note: strings.Repeat("x", MaxNote)}
	if err := ok.Check(fonts); err != nil {
		t.Errorf("a printable name refused: %v", err)
	}
}

// The packet is joined at the layout level; its test is here because it
// needs real composed documents.
func TestConcatJoinsHandouts(t *testing.T) {
	h := loadHandout(t, seedFile)
	b := noBrand(t)
	g, err := Compose(Guide, h, b, labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	f, err := Compose(Guide, h, b, labelsFor(h), Options{Paper: Letter})
	if err != nil {
		t.Fatal(err)
	}
	p, err := layout.Concat([]*layout.Document{&g.Document, &f.Document})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Pages) != len(g.Pages)+len(f.Pages) || len(p.Tree.Structs) != len(g.Tree.Structs)+len(f.Tree.Structs)-1 {
		t.Fatalf("pages %d, structs %d", len(p.Pages), len(p.Tree.Structs))
	}
	// Every op of the second document points at its own elements, with
	// the same roles it had.
	off := len(g.Tree.Structs) - 1
	for i, page := range f.Pages {
		// The packet page has one more op on each handout's first page: its
		// bookmark.
		ops := p.Pages[len(g.Pages)+i].Ops
		if i == 0 {
			if ops[0].Kind != layout.BookmarkOp || ops[0].Level != 0 || ops[0].Text != f.Meta.Title {
				t.Fatalf("no top-level bookmark for the second handout: %+v", ops[0])
			}
			ops = ops[1:]
		}
		for k, op := range page.Ops {
			got := ops[k]
			if op.Struct == 0 {
				if got.Struct != 0 {
					t.Fatal("an artifact gained a structure element")
				}
				continue
			}
			if got.Struct != op.Struct+off || p.Tree.Structs[got.Struct].Role != f.Tree.Structs[op.Struct].Role {
				t.Fatalf("op %d of page %d: struct %d → %d", k, i, op.Struct, got.Struct)
			}
			if op.Kind == layout.BookmarkOp && got.Level != op.Level+1 {
				t.Fatal("a section bookmark was not nested under its handout")
			}
		}
	}
	// The originals are untouched.
	if g.Pages[0].Ops[0].Kind == layout.BookmarkOp && g.Pages[0].Ops[0].Level == 0 && g.Pages[0].Ops[0].Text == g.Meta.Title {
		t.Error("Concat changed its input")
	}
	a4, err := Compose(Guide, h, b, labelsFor(h), Options{Paper: A4})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := layout.Concat([]*layout.Document{&g.Document, &a4.Document}); err == nil {
		t.Error("a packet of mixed paper was made")
	}
}

// A patient's copy keeps the stock copy's type size, and in large print its
// pages, unless the note cannot fit there: then the type is as large as
// lets it fit, a quarter point more fitting in no way the copy tries.
func TestPersonalKeepsTheStockSize(t *testing.T) {
	note := strings.TrimSpace(strings.Repeat("Take one week at a time and bring your questions. ", 12))
	for _, file := range []string{seedFile, "../../testdata/ptsd.yaml"} {
		h := loadHandout(t, file)
		for _, b := range []*brand.Brand{noBrand(t), exampleBrand(t)} {
			for _, paper := range []Paper{Letter, A4} {
				for _, large := range []bool{false, true} {
					opt := Options{Paper: paper, LargePrint: large}
					name := fmt.Sprintf("%s %q %s large=%v", file, b.Name, paper.Name, large)
					stock, err := Compose(Summary, h, b, labelsFor(h), opt)
					if err != nil {
						t.Fatal(err)
					}
					// A name alone always finds room.
					opt.Personal = &Personal{Patient: "Maria Lopez"}
					doc, err := Compose(Summary, h, b, labelsFor(h), opt)
					if err != nil {
						t.Fatal(err)
					}
					if doc.Body != stock.Body || len(doc.Pages) != len(stock.Pages) {
						t.Errorf("%s: a name alone: %.2f pt on %d pages, the stock copy %.2f pt on %d", name, doc.Body, len(doc.Pages), stock.Body, len(stock.Pages))
					}
					for _, n := range []int{0, 130, 250, 380, 500} {
						p := *maria
						p.Note = strings.TrimSpace(note[:n])
						opt.Personal = &p
						doc, err := Compose(Summary, h, b, labelsFor(h), opt)
						if err != nil {
							continue // too long even at the smallest size (TestPersonalSummaryStaysOnePage)
						}
						if doc.Body > stock.Body {
							t.Errorf("%s: a %d-character note set the type larger than the stock copy", name, n)
						}
						if large || doc.Body == stock.Body {
							continue
						}
						// Smaller than the stock copy: a quarter point more
						// must not fit, however closed up.
						for _, th := range personalThemes(h, b, labelsFor(h), opt, doc.Body+0.25) {
							if d, err := compose(Summary, h, th, summary); err == nil && len(d.Pages) == 1 {
								t.Errorf("%s: a %d-character note set at %.2f pt, but it fits at %.2f (space ×%.2f, leading %.2f)", name, n, doc.Body, doc.Body+0.25, th.closeUp, th.Leading)
							}
						}
					}
				}
			}
		}
	}
	// What closing up won: the unbranded group-therapy summary on A4 keeps
	// its 13 pt with a 500-character note (12.5 pt, then 12.75 pt, in the
	// last rounds), and the branded large-print one keeps its two pages
	// with every field but the note (three before).
	h := loadHandout(t, seedFile)
	p := *maria
	p.Note = strings.TrimSpace(note[:500])
	if doc, err := Compose(Summary, h, noBrand(t), labelsFor(h), Options{Paper: A4, Personal: &p}); err != nil {
		t.Error(err)
	} else if doc.Body != 13 {
		t.Errorf("unbranded A4, a 500-character note: %v pt, want 13 pt", doc.Body)
	}
	p.Note = ""
	if doc, err := Compose(Summary, h, exampleBrand(t), labelsFor(h), Options{Paper: Letter, LargePrint: true, Personal: &p}); err != nil {
		t.Error(err)
	} else if len(doc.Pages) != 2 {
		t.Errorf("large print, every field but the note: %d pages, want 2", len(doc.Pages))
	}
}

// A care team's note of 130 characters under the patient's name keeps the
// stock copy's type size with every brand, on Letter and A4: the branded
// group-therapy summary fills its page at 13 pt, and the note took it to
// 12 pt (11.75 pt with every field) before the copy closed up its boxes'
// padding and set its lines at the size plus 2 pt.
func TestPersonalNoteKeepsTheStockSize(t *testing.T) {
	note := strings.TrimSpace(strings.Repeat("Take one week at a time and bring your questions. ", 3))[:130]
	for _, file := range []string{seedFile, "../../testdata/ptsd.yaml"} {
		h := loadHandout(t, file)
		for _, mb := range matrixBrands {
			b := mb.brand(t)
			for _, paper := range []Paper{Letter, A4} {
				stock, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: paper})
				if err != nil {
					t.Fatal(err)
				}
				doc, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: paper, Personal: &Personal{Patient: "Maria Lopez", Note: note}})
				if err != nil {
					t.Fatalf("%s %s %s: %v", file, mb.name, paper.Name, err)
				}
				if doc.Body != stock.Body || len(doc.Pages) != 1 {
					t.Errorf("%s %s %s: a name and a 130-character note set at %.2f pt on %d pages, the stock copy at %.2f pt", file, mb.name, paper.Name, doc.Body, len(doc.Pages), stock.Body)
				}
			}
		}
	}
}

// A large-print summary's contact card closes it, never on a page of its
// own: a patient's copy that takes a third page for its note carries the
// last brief's closing lines there too. (The card alone was page 3 of the
// branded group-therapy copy on Letter early this round; the composer's
// last-page rule, a price, avoids it today, and the keep makes it sure.)
func TestLargePrintContactCardNotAlone(t *testing.T) {
	b := exampleBrand(t)
	note := strings.TrimSpace(strings.Repeat("Take one week at a time and bring your questions. ", 12))
	for _, file := range []string{seedFile, "../../testdata/ptsd.yaml", "../../testdata/diabetes-es.yaml", "../../testdata/asma.yaml", "../../testdata/sleep.yaml", "../../testdata/minimal.yaml", "../../testdata/no-faq.yaml"} {
		h := loadHandout(t, file)
		var last string // the last word of the last brief
		for _, s := range h.Sections {
			if !s.Brief.IsZero() {
				w := strings.Fields(s.Brief.Raw)
				last = w[len(w)-1]
			}
		}
		for _, paper := range []Paper{Letter, A4} {
			for n := 0; n <= 500; n += 50 {
				p := *maria
				p.Note = strings.TrimSpace(note[:n])
				doc, err := Compose(Summary, h, b, labelsFor(h), Options{Paper: paper, LargePrint: true, Personal: &p})
				if err != nil {
					t.Fatal(err)
				}
				pageOf := func(s string) int {
					for i, pg := range doc.Pages {
						for _, op := range pg.Ops {
							if op.Kind == layout.TextOp && op.Artifact == 0 && strings.Contains(op.Text, s) {
								return i
							}
						}
					}
					return -1
				}
				card, brief := pageOf(b.Phone), pageOf(last)
				if card < 0 || brief < 0 || card != brief {
					t.Errorf("%s %s, a %d-character note: the contact card is on page %d, the last brief ends on page %d", file, paper.Name, n, card+1, brief+1)
				}
			}
		}
	}
}

// A large-print patient's copy that takes a page more than the stock copy
// keeps the stock copy's size: a serif brand's stock summary comes down
// from its x-height size (19.45 pt) to keep two pages, and its copy went
// back up to 19.45 pt on three, the short version moving whole to page 2
// and leaving page 1 of the PTSD copy 40 % blank. And no page but the last
// is left a third empty.
func TestPersonalLargePrintKeepsTheStockSize(t *testing.T) {
	b := brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")(t)
	note := strings.TrimSpace(strings.Repeat("Take one week at a time and bring your questions. ", 3))[:130]
	every := *maria
	every.Note = note
	for _, file := range []string{seedFile, "../../testdata/ptsd.yaml", "../../testdata/diabetes-es.yaml"} {
		h := loadHandout(t, file)
		for _, paper := range []Paper{Letter, A4} {
			opt := Options{Paper: paper, LargePrint: true}
			stock, err := Compose(Summary, h, b, labelsFor(h), opt)
			if err != nil {
				t.Fatal(err)
			}
			for block, p := range map[string]*Personal{"a name": {Patient: "Maria Lopez", Note: note}, "every field": &every} {
				opt.Personal = p
				doc, err := Compose(Summary, h, b, labelsFor(h), opt)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s %s, %s and a 130-character note", file, paper.Name, block)
				if doc.Body > stock.Body || len(doc.Pages) > len(stock.Pages)+1 {
					t.Errorf("%s: %.2f pt on %d pages, the stock copy %.2f pt on %d", name, doc.Body, len(doc.Pages), stock.Body, len(stock.Pages))
				}
				for i, pg := range doc.Pages[:len(doc.Pages)-1] {
					low := 0.0
					for _, op := range pg.Ops {
						if op.Struct != 0 {
							low = max(low, op.Y+max(op.H, 0))
						}
					}
					if blank := (doc.Height - low) / doc.Height; blank > 1.0/3 {
						t.Errorf("%s: page %d of %d ends %.0f %% of the page above its foot", name, i+1, len(doc.Pages), 100*blank)
					}
				}
			}
		}
	}
}

// A patient's block above the short version in a large-print guide left
// too little room under the title for half of the box, which could not
// split before its half, so it moved whole to page 2 and page 1 held the
// title and the block alone, 45-62 % of the page blank (group-therapy on
// A4 with every brand). The box under the title splits instead, its second
// part headed "(continued)", and page 1 is at least half full.
func TestPersonalGuideKeepsTheShortVersionOnPageOne(t *testing.T) {
	h := loadHandout(t, seedFile)
	for _, mb := range matrixBrands {
		b := mb.brand(t)
		doc, err := Compose(Guide, h, b, labelsFor(h), Options{Paper: A4, LargePrint: true, Personal: maria})
		if err != nil {
			t.Fatal(err)
		}
		title, cont, low := -1, -1, 0.0
		for i, pg := range doc.Pages {
			for _, op := range pg.Ops {
				switch {
				case op.Kind != layout.TextOp:
				case op.Struct != 0 && strings.Contains(op.Text, "The short version") && title < 0:
					title = i
				case op.Artifact != 0 && strings.Contains(op.Text, "The short version (continued)") && cont < 0:
					cont = i
				}
				if i == 0 && op.Struct != 0 {
					low = max(low, op.Y+max(op.H, 0))
				}
			}
		}
		if title != 0 || cont != 1 {
			t.Errorf("%s: the short version's title is on page %d, its continued label on page %d; want 1 and 2", mb.name, title+1, cont+1)
		}
		if low < doc.Height/2 {
			t.Errorf("%s: page 1 ends %.0f %% down the page", mb.name, 100*low/doc.Height)
		}
	}
}
