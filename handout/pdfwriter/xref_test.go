package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"
	"time"

	"handouts/handout/fontset"
	"handouts/handout/layout"
)

// The cross-reference stream read back by hand, as a strict reader does
// (ISO 32000-1, 7.5.8): startxref points at it, it has an entry for every
// object, entry 0 is the head of the free list with generation 65535, every
// object in the file is where its entry says, and every object in an
// object stream names that stream and its place in it. A reader that finds
// the table wrong rebuilds it by scanning, and some (and PDF/UA validators)
// report the file as damaged.
func TestCrossReference(t *testing.T) {
	d := doc(text("Hello", fontset.Bold), text("world", fontset.Regular))
	d.Pages = append(d.Pages, layout.Page{Ops: []layout.Op{text("Page two", fontset.Italic)}})
	var buf bytes.Buffer
	opt := Options{Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Creator: "handouts test", Identity: []byte("x")}
	if err := Write(&buf, d, opt); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()

	m := regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("the file does not end with startxref, its offset and the end-of-file marker")
	}
	start, _ := strconv.Atoi(string(m[1]))
	head := regexp.MustCompile(`^(\d+) 0 obj\n?<<(.*?)>>\s*stream\r?\n`).FindSubmatchIndex(pdf[start:])
	if head == nil {
		t.Fatalf("startxref %d does not point at an object: %.40q", start, pdf[start:])
	}
	xrefNum, _ := strconv.Atoi(string(pdf[start+head[2] : start+head[3]]))
	dict := string(pdf[start+head[4] : start+head[5]])
	for _, want := range []string{"/Type /XRef", "/W [1 4 2]", "/Filter /FlateDecode"} {
		if !bytes.Contains([]byte(dict), []byte(want)) {
			t.Fatalf("the cross-reference stream's dictionary %q lacks %s", dict, want)
		}
	}
	size := dictInt(t, dict, "Size")
	length := dictInt(t, dict, "Length")
	body := pdf[start+head[1]:]
	if length > len(body) {
		t.Fatalf("/Length %d runs past the end of the file", length)
	}
	zr, err := zlib.NewReader(bytes.NewReader(body[:length]))
	if err != nil {
		t.Fatal(err)
	}
	table, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if len(table) != 7*size {
		t.Fatalf("the table holds %d bytes, want 7 × /Size %d", len(table), size)
	}
	type xref struct{ typ, f2, f3 int }
	entries := make([]xref, size)
	for k := range entries {
		e := table[7*k:]
		entries[k] = xref{int(e[0]), int(e[1])<<24 | int(e[2])<<16 | int(e[3])<<8 | int(e[4]), int(e[5])<<8 | int(e[6])}
	}

	if e := entries[0]; e != (xref{0, 0, 65535}) {
		t.Errorf("entry 0 is type %d, next free %d, generation %d; the head of the free list is type 0, next free 0, generation 65535", e.typ, e.f2, e.f3)
	}
	if xrefNum != size-1 {
		t.Errorf("the cross-reference stream is object %d, /Size %d: it must be the last object", xrefNum, size)
	}
	// Every object the file holds at top level, by number.
	inFile := map[int]int{}
	for _, loc := range regexp.MustCompile(`(?m)^(\d+) 0 obj\b`).FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[loc[2]:loc[3]]))
		inFile[n] = loc[0]
	}
	objStms := map[int]int{} // object stream → its /N
	for k, e := range entries[1:] {
		k++
		switch e.typ {
		case 1:
			at, ok := inFile[k]
			if !ok || at != e.f2 || e.f3 != 0 {
				t.Errorf("object %d: the table says offset %d generation %d; the file has it at %d (found %v)", k, e.f2, e.f3, at, ok)
				continue
			}
			if sm := regexp.MustCompile(`^\d+ 0 obj\n?<<([^>]*?/Type /ObjStm[^>]*)>>`).FindSubmatch(pdf[at:]); sm != nil {
				objStms[k] = dictInt(t, string(sm[1]), "N")
			}
		case 2:
		default:
			t.Errorf("object %d has entry type %d: a written file has no free objects but 0", k, e.typ)
		}
	}
	for k, e := range entries[1:] {
		k++
		if e.typ != 2 {
			continue
		}
		n, ok := objStms[e.f2]
		switch {
		case !ok:
			t.Errorf("object %d is said to be in object %d, which is not an object stream", k, e.f2)
		case e.f3 >= n:
			t.Errorf("object %d is said to be number %d of object stream %d, which holds %d", k, e.f3, e.f2, n)
		}
		if _, dup := inFile[k]; dup {
			t.Errorf("object %d is in the file and also said to be in object stream %d", k, e.f2)
		}
	}
	for n := range inFile {
		if n <= 0 || n >= size {
			t.Errorf("object %d is in the file but beyond /Size %d", n, size)
		}
	}
	if len(objStms) == 0 {
		t.Error("no object stream: the fonts' and structure's dictionaries are expected in one")
	}
}

func dictInt(t *testing.T, dict, key string) int {
	t.Helper()
	m := regexp.MustCompile(fmt.Sprintf(`/%s (\d+)`, key)).FindStringSubmatch(dict)
	if m == nil {
		t.Fatalf("%q has no /%s", dict, key)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
