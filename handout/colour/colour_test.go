package colour

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Color
	}{
		{"#1F5A7A", Color{0x1F, 0x5A, 0x7A}},
		{"1F5A7A", Color{0x1F, 0x5A, 0x7A}},
		{"#1f5a7a", Color{0x1F, 0x5A, 0x7A}},
		{"  #1F5A7A ", Color{0x1F, 0x5A, 0x7A}},
		{"#abc", Color{0xAA, 0xBB, 0xCC}},
		{"abc", Color{0xAA, 0xBB, 0xCC}},
		{"#000", Black},
		{"#FFFFFF", White},
	} {
		got, err := Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "#", "#12", "#1234", "#12345", "#1234567", "#GGGGGG", "blue", "#12 456",
		"rgb(1,2,3)", "#-12345", "#+12345", "0x1F5A", "##1F5A7A", "#1F5A7A80", "１２３"} {
		if c, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, c)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("colour %q is not a hex colour like \"#1F5A7A\"", in)) {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
	if s := (Color{0x1F, 0x5A, 0x7A}).String(); s != "#1F5A7A" {
		t.Errorf("String = %s", s)
	}
}

func TestContrast(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.005 }
	gray := Color{0x77, 0x77, 0x77}
	for _, tc := range []struct {
		a, b Color
		want float64
	}{
		{Black, White, 21},
		{White, Black, 21},
		{White, White, 1},
		{gray, White, 4.48}, // the classic just-too-light grey
		{Color{0x76, 0x76, 0x76}, White, 4.54},
		{Color{0x1F, 0x5A, 0x7A}, White, 7.50},
		{Color{0xF5, 0xC5, 0x18}, White, 1.63},
	} {
		if got := Contrast(tc.a, tc.b); !near(got, tc.want) {
			t.Errorf("Contrast(%v, %v) = %.4f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
	if Contrast(gray, White) >= MinTextContrast {
		t.Error("#777777 passes 4.5:1")
	}
}

func TestReadable(t *testing.T) {
	for _, s := range []string{"#F5C518", "#E8A33D", "#777777", "#9AB3C4", "#FFFFFF", "#FF0000", "#00FF00", "#87CEEB", "#FFC0CB", "#1F5A7A", "#000000"} {
		c, _ := Parse(s)
		r := c.Readable(White)
		if got := Contrast(r, White); got < MinTextContrast {
			t.Errorf("%s: Readable = %s with contrast %.3f", s, r, got)
		}
		if Contrast(c, White) >= MinTextContrast {
			if r != c {
				t.Errorf("%s is readable already but became %s", s, r)
			}
			continue
		}
		// It is the lightest shade of c (c mixed with black) that passes:
		// the next lighter shade on the way from c to black fails.
		amount := -1.0
		for a := 0.0; a <= 1; a += 1.0 / 4096 {
			if c.Mix(Black, a) == r {
				amount = a
				break
			}
		}
		if amount < 0 {
			t.Errorf("%s: %s is not a shade of it", s, r)
			continue
		}
		lighter := r
		for a := amount; a >= 0 && lighter == r; a -= 1.0 / 4096 {
			lighter = c.Mix(Black, a)
		}
		if got := Contrast(lighter, White); got >= MinTextContrast {
			t.Errorf("%s: Readable = %s, but the lighter %s also passes (%.3f)", s, r, lighter, got)
		}
	}
}

func TestMixAndTint(t *testing.T) {
	c := Color{100, 150, 200}
	if c.Mix(Black, 0) != c || c.Mix(Black, 1) != Black || c.Tint(0) != White || c.Tint(1) != c {
		t.Error("Mix/Tint endpoints")
	}
	if got := c.Mix(White, 0.5); got != (Color{178, 203, 228}) {
		t.Errorf("Mix halfway = %v", got)
	}
}
