package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"handouts/handout/fontset"
	"handouts/handout/layout"
	"handouts/handout/picture"
)

func doc(ops ...layout.Op) *layout.Document {
	return &layout.Document{
		Width: 612, Height: 792,
		Pages: []layout.Page{{Ops: ops}},
		Tree:  &layout.Tree{Structs: []layout.Struct{{Role: layout.DocumentRoot}, {Role: layout.Paragraph}}},
		Fonts: fontset.Default(),
		Meta:  layout.Meta{Title: `Asthma & "you" <care>`, Author: "Clinic", Lang: "en"},
	}
}

func text(s string, f fontset.Style) layout.Op {
	return layout.Op{Kind: layout.TextOp, X: 72, Y: 72, Text: s, Font: f, Size: 12, Struct: 1}
}

// inflated is pdf as text with each stream assemble compressed shown
// inflated in its place, so that objects inside the object stream (fonts,
// structure elements) can be looked for.
func inflated(t *testing.T, pdf []byte) string {
	t.Helper()
	var b strings.Builder
	for {
		m := compressedStream.FindSubmatchIndex(pdf)
		if m == nil {
			b.Write(pdf)
			return b.String()
		}
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		b.Write(pdf[:m[1]])
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatalf("stream at %d: %v", m[1], err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("stream at %d: %v", m[1], err)
		}
		b.Write(data)
		pdf = pdf[m[1]+n:]
	}
}

var compressedStream = regexp.MustCompile(`/Filter /FlateDecode /Length (\d+)>>\nstream\n`)

func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	opt := Options{Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Creator: "handouts test", Identity: []byte("x")}
	if err := Write(&buf, doc(text("Hello", fontset.Bold), text("world", fontset.Regular)), opt); err != nil {
		t.Fatal(err)
	}
	pdf := inflated(t, buf.Bytes())
	for _, want := range []string{"%PDF-", "/Lang (en)", "<xmpMM:DocumentID>uuid:", "Asthma &amp; &quot;you&quot; &lt;care&gt;", "<xmp:CreateDate>2026-11-01T00:00:00Z"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// Only the drawn faces are embedded: regular and bold, not the italics.
	if n := strings.Count(pdf, "/FontFile2"); n != 2 {
		t.Errorf("%d embedded font files, want 2", n)
	}
	// The same inputs give the same bytes; another identity another ID.
	var again, other bytes.Buffer
	Write(&again, doc(text("Hello", fontset.Bold), text("world", fontset.Regular)), opt)
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two writes of the same document differ")
	}
	opt.Identity = []byte("y")
	Write(&other, doc(text("Hello", fontset.Bold), text("world", fontset.Regular)), opt)
	if bytes.Equal(buf.Bytes(), other.Bytes()) {
		t.Error("a different identity gave the same bytes (document ID not derived from it)")
	}
}

// Checking refuses characters the fonts lack; if one reaches the writer
// anyway, the PDF is refused rather than drawn with an empty box.
func TestWriteRefusesMissingGlyph(t *testing.T) {
	for _, s := range []string{"emoji \U0001F600", "ligature \u0133"} {
		var buf bytes.Buffer
		err := Write(&buf, doc(text("fine", fontset.Bold), text(s, fontset.Regular)), Options{})
		if err == nil {
			t.Errorf("%q was written without an error", s)
			continue
		}
		r := []rune(s)[len([]rune(s))-1]
		for _, want := range []string{"pdf writer", fmt.Sprintf("U+%04X", r), "regular"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
		if buf.Len() != 0 {
			t.Errorf("%d bytes written for a refused document", buf.Len())
		}
	}
}

func TestDamagedLogoIsAnError(t *testing.T) {
	logo := &picture.Image{Data: []byte("\x89PNG\r\n\x1a\nbroken"), Format: picture.PNG, Width: 10, Height: 10}
	var buf bytes.Buffer
	err := Write(&buf, doc(layout.Op{Kind: layout.ImageOp, X: 10, Y: 10, W: 10, H: 10, Image: logo}), Options{})
	if err == nil {
		t.Error("a damaged image was written without an error")
	}
}
