package handout

import (
	"bytes"
	"errors"
	"os/exec"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/internal/tooltest"
)

// pdfText reads a PDF's text with pdftotext from memory (stdin), so that a
// personalised PDF never touches the disk even in a test.
func pdfText(t *testing.T, pdf []byte, args ...string) string {
	t.Helper()
	cmd := exec.Command(tooltest.Require(t, "pdftotext"), append(args, "-", "-")...)
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func loadSeed(t *testing.T) *content.Handout {
	t.Helper()
	h, errs := Load(seedFile, defaultBrand(t), letter, time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return h
}

var maria = &format.Personal{Patient: "Maria Lopez", Clinician: "Dr. Amara Okafor", Date: "2026-11-29", NextVisit: "2026-12-06 10:30", Note: "Bring your questions to group.\nCall us if you feel worse."}

func TestRenderPersonalisedSummaryStaysOnePage(t *testing.T) {
	h := loadSeed(t)
	for _, note := range []string{maria.Note, strings.Repeat("Take it one week at a time. ", 18)[:300]} {
		p := *maria
		p.Note = note
		var buf bytes.Buffer
		pages, err := Render(&buf, []*content.Handout{h}, RenderSpec{Kind: format.Summary, Options: format.Options{Paper: format.Letter, Personal: &p}, Brand: defaultBrand(t)})
		if err != nil {
			t.Fatal(err)
		}
		if pages != 1 || pdfPageCount(t, buf.Bytes()) != 1 {
			t.Fatalf("summary with a %d-character note has %d pages", len(note), pages)
		}
		text := pdfText(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), " ")
		for _, want := range []string{"For: Maria Lopez", "Care team: Dr. Amara Okafor", "Date: November 29, 2026", "Next appointment: December 6, 2026, 10:30 AM", "Note from your care team", strings.Join(strings.Fields(strings.Split(note, "\n")[0]), " ")} {
			if !strings.Contains(flat, want) {
				t.Errorf("summary lacks %q:\n%s", want, text)
			}
		}
		// The block comes first: the patient line before the short version.
		if i, j := strings.Index(flat, "Maria Lopez"), strings.Index(flat, "The short version"); i < 0 || j < i {
			t.Errorf("patient line not above the short version:\n%s", text)
		}
		if bytes.Contains(buf.Bytes(), []byte("Maria")) {
			t.Error("the patient's name is in the PDF's uncompressed bytes (metadata?)")
		}
	}
}

func TestRenderWithoutPersonalMatchesBuild(t *testing.T) {
	h := loadSeed(t)
	for _, k := range format.Kinds {
		var buf bytes.Buffer
		if _, err := Render(&buf, []*content.Handout{h}, RenderSpec{Kind: k, Options: letter, Brand: defaultBrand(t)}); err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if _, err := Build(t.Context(), Config{Inputs: []string{seedFile}, OutDir: dir, Formats: []format.Kind{k}, Options: letter, Brand: defaultBrand(t)}); err != nil {
			t.Fatal(err)
		}
		built := mustRead(t, dir+"/group-therapy-"+string(k)+".pdf")
		if !bytes.Equal(buf.Bytes(), built) {
			t.Errorf("%s: Render and Build differ", k)
		}
	}
}

func TestRenderPacket(t *testing.T) {
	h := loadSeed(t)
	es := *h
	es.Name, es.Title.Raw, es.Language = "copy", "Terapia de grupo", "es"
	var one, two bytes.Buffer
	spec := RenderSpec{Kind: format.Guide, Options: format.Options{Paper: format.Letter, Personal: maria}, Brand: defaultBrand(t)}
	n1, err := Render(&one, []*content.Handout{h}, spec)
	if err != nil {
		t.Fatal(err)
	}
	n2, err := Render(&two, []*content.Handout{h, &es}, spec)
	if err != nil {
		t.Fatal(err)
	}
	if n2 != 2*n1 || pdfPageCount(t, two.Bytes()) != n2 {
		t.Fatalf("packet of two %d-page guides has %d pages", n1, n2)
	}
	text := pdfText(t, two.Bytes())
	pages := strings.Split(text, "\f")
	// Each handout starts a page and numbers its own pages.
	if !strings.Contains(pages[0], "Group therapy") || !strings.Contains(pages[n1], "Terapia de grupo") {
		t.Errorf("second handout does not start page %d", n1+1)
	}
	if !strings.Contains(pages[n1-1], "Page "+itoa(n1)+" of "+itoa(n1)) {
		t.Errorf("first handout's last page is not numbered %d of %d:\n%s", n1, n1, pages[n1-1])
	}
	if !strings.Contains(pages[n1], "Página 1 de "+itoa(n1)) {
		t.Errorf("second handout does not restart its numbering:\n%s", pages[n1])
	}
	// The patient's block is on the first page of each.
	if !strings.Contains(pages[0], "Maria Lopez") || !strings.Contains(pages[n1], "Para: Maria Lopez") {
		t.Error("the patient's line is not on each handout's first page")
	}
}

func TestRenderErrors(t *testing.T) {
	h := loadSeed(t)
	noFAQ := *h
	noFAQ.FAQ = nil
	_, err := Render(&bytes.Buffer{}, []*content.Handout{&noFAQ}, RenderSpec{Kind: format.FAQ, Options: letter, Brand: defaultBrand(t)})
	var re *RenderError
	if !errors.As(err, &re) || !errors.Is(err, format.ErrNoFAQ) {
		t.Errorf("FAQ of a handout without one: %v", err)
	}
	if _, err := Render(&bytes.Buffer{}, nil, RenderSpec{Kind: format.Guide, Brand: defaultBrand(t)}); err == nil {
		t.Error("an empty render succeeded")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// reachable appends the strings reachable from v (through pointers,
// interfaces, structs, maps, slices and arrays; not numbers or bytes) to out.
func reachable(v reflect.Value, seen map[uintptr]bool, out *[]string) {
	switch v.Kind() {
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		reachable(v.Elem(), seen, out)
	case reflect.Interface:
		if !v.IsNil() {
			reachable(v.Elem(), seen, out)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			reachable(v.Field(i), seen, out)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			reachable(it.Key(), seen, out)
			reachable(it.Value(), seen, out)
		}
	case reflect.Slice, reflect.Array:
		switch v.Type().Elem().Kind() {
		case reflect.String, reflect.Pointer, reflect.Interface, reflect.Struct, reflect.Map, reflect.Slice, reflect.Array:
			for i := range v.Len() {
				reachable(v.Index(i), seen, out)
			}
		}
	}
}

// The cache `handouts serve` shares between renders keeps nothing of a
// patient's name: a name with letters outside the common set (ø, å) gets
// font subsets of its own, and no string the cache holds afterwards (a
// walk of all it reaches) has them.
func TestCacheKeepsNoLetterOfAName(t *testing.T) {
	h := loadSeed(t)
	c := NewCache()
	render := func(p *format.Personal) []byte {
		var buf bytes.Buffer
		if _, err := Render(&buf, []*content.Handout{h}, RenderSpec{Kind: format.Summary, Options: format.Options{Paper: format.Letter, Personal: p}, Brand: defaultBrand(t), Cache: c}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	held := func(c *Cache) []string {
		var out []string
		reachable(reflect.ValueOf(c), map[uintptr]bool{}, &out)
		return out
	}
	// The walk sees a subset's characters: a handout (no patient) whose
	// title has an ø leaves them in the cache.
	other := *h
	other.Title.Raw = "Søren's group"
	shared := NewCache()
	var buf bytes.Buffer
	if _, err := Render(&buf, []*content.Handout{&other}, RenderSpec{Kind: format.Summary, Options: format.Options{Paper: format.Letter}, Brand: defaultBrand(t), Cache: shared}); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(held(shared), func(s string) bool { return strings.ContainsRune(s, 'ø') }) {
		t.Fatal("a title with an ø left no ø in the cache: the test cannot see what the cache keeps")
	}
	render(maria)
	p := *maria
	p.Patient = "Søren Kierkegård"
	if text := pdfText(t, render(&p)); !strings.Contains(text, "Søren Kierkegård") {
		t.Fatalf("the name is not printed:\n%s", text)
	}
	for _, s := range held(c) {
		if strings.ContainsAny(s, "øå") {
			t.Fatalf("the shared cache holds %q after a render for Søren Kierkegård", s)
		}
	}
}
