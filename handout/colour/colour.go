// Package colour holds sRGB colours and the WCAG contrast rules that keep
// brand colours legible; layout draws with them and brand parses them.
package colour

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// White and Black are the page and the ink.
var (
	White = Color{255, 255, 255}
	Black = Color{0, 0, 0}
)

// Parse reads "#1F5A7A", "1F5A7A" or the short form "#1F7".
func Parse(s string) (Color, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return Color{}, fmt.Errorf("colour %q is not a hex colour like \"#1F5A7A\"", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q is not a hex colour like \"#1F5A7A\"", s)
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

func (c Color) String() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// Luminance is the WCAG 2 relative luminance.
func (c Color) Luminance() float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21.
func Contrast(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// MinTextContrast is WCAG AA for body text.
const MinTextContrast = 4.5

// Mix blends c toward o by t (0 keeps c, 1 gives o).
func (c Color) Mix(o Color, t float64) Color {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return Color{m(c.R, o.R), m(c.G, o.G), m(c.B, o.B)}
}

// Readable returns c, or the lightest darker shade of c that reaches
// MinTextContrast against bg, so a light brand colour still makes legible
// text while keeping its hue.
func (c Color) Readable(bg Color) Color {
	if Contrast(c, bg) >= MinTextContrast {
		return c
	}
	// Binary search on the amount of black mixed in: contrast grows
	// monotonically with it against a light background.
	lo, hi := 0.0, 1.0
	for i := 0; i < 20; i++ {
		mid := (lo + hi) / 2
		if Contrast(c.Mix(Black, mid), bg) >= MinTextContrast {
			hi = mid
		} else {
			lo = mid
		}
	}
	return c.Mix(Black, hi)
}

// Tint is c mixed into white, for backgrounds that text sits on.
func (c Color) Tint(amount float64) Color { return White.Mix(c, amount) }
