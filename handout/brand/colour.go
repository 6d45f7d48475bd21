package brand

import "handouts/handout/colour"

// Color is kept as a name for colour.Color while callers move over.
type Color = colour.Color

// Transitional names; new code uses package colour directly.
var (
	White = colour.White
	Black = colour.Black
)

// MinTextContrast is colour.MinTextContrast.
const MinTextContrast = colour.MinTextContrast

// ParseColor is colour.Parse.
func ParseColor(s string) (Color, error) { return colour.Parse(s) }

// Contrast is colour.Contrast.
func Contrast(a, b Color) float64 { return colour.Contrast(a, b) }
