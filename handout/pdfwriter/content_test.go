package pdfwriter

import (
	"strconv"
	"strings"
	"testing"

	"handouts/handout/colour"
)

// The operators a page is drawn with, in PDF's coordinates (origin at the
// bottom left) and with strings escaped so that no character of the text
// ends it early.
func TestContentOperators(t *testing.T) {
	for _, tt := range []struct {
		name string
		draw func(c *pageStream)
		want string
	}{
		{"text in a new font", func(c *pageStream) { c.text(72, 100, "h0a", 12, []byte(`a(b)c\`)) }, "BT /h0a 12 Tf 72 692 Td (a\\(b\\)c\\\\) Tj ET\n"},
		{"text in the same font", func(c *pageStream) { c.text(72.126, 100.5, "", 12, []byte("x\ry")) }, "BT 72.13 691.5 Td (x\\ry) Tj ET\n"},
		{"numbers lose trailing zeros and the sign of zero", func(c *pageStream) { c.num(-0.001, 2); c.op(" "); c.num(1.50, 2); c.op(" "); c.num(2, 2) }, "0 1.5 2"},
		{"a filled rectangle", func(c *pageStream) { c.rect(10, 20, 30, 40, paintOp(true, false)) }, "10 772 30 -40 re f\n"},
		{"a stroked and filled rectangle", func(c *pageStream) { c.rect(10, 20, 30, 40, paintOp(true, true)) }, "10 772 30 -40 re B\n"},
		{"a line", func(c *pageStream) { c.line(0, 0, 100, 0) }, "0 792 m 100 792 l S\n"},
		{"a colour", func(c *pageStream) { c.colour(colour.Color{R: 47, G: 74, B: 95}, false) }, "0.184 0.290 0.373 rg\n"},
		{"a grey stroke", func(c *pageStream) { c.colour(colour.Color{R: 51, G: 51, B: 51}, true) }, "0.200 G\n"},
		{"an image", func(c *pageStream) { c.image("TPLx", 200, 100, 10, 20, 100, 50) }, "q 0.5 0 0 0.5 10 722 cm /TPLx Do Q\n"},
	} {
		c := pageStream{pageH: 792}
		tt.draw(&c)
		if got := string(c.b); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// A rounded rectangle starts and ends at the top edge's first point, and
// keeps within its box.
func TestRoundedRect(t *testing.T) {
	c := pageStream{pageH: 100}
	c.roundedRect(10, 10, 50, 20, 4, paintOp(true, false))
	got := string(c.b)
	if want := "14 90 m\n"; got[:len(want)] != want {
		t.Errorf("starts %q, want %q", got[:len(want)], want)
	}
	if want := "14 90 c\nh f\n"; got[len(got)-len(want):] != want {
		t.Errorf("ends %q, want %q", got[len(got)-len(want):], want)
	}
	var nums []float64
	for _, f := range strings.Fields(got) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			nums = append(nums, v)
		}
	}
	if len(nums) != 2*(1+4+4*3) {
		t.Errorf("%d coordinates, want a start, 4 lines and 4 curves of 3 points", len(nums))
	}
	for i := 0; i+1 < len(nums); i += 2 {
		if x, y := nums[i], nums[i+1]; x < 10 || x > 60 || y < 70 || y > 90 {
			t.Errorf("point %g %g outside the box", x, y)
		}
	}
}
