package growth

import "testing"

// The helper must tell the two apart, or every test built on it is void.
func TestRatioSeparatesLinearFromQuadratic(t *testing.T) {
	sink := 0
	linear := func(n int) {
		for i := range n * 200 {
			sink += i
		}
	}
	quadratic := func(n int) {
		for i := range n {
			for j := range n {
				sink += i ^ j
			}
		}
	}
	if r, _, _ := Ratio(1000, linear); r > maxRatio {
		t.Errorf("linear work measured as ×%.1f", r)
	}
	if r, _, _ := Ratio(1000, quadratic); r <= maxRatio {
		t.Errorf("quadratic work measured as ×%.1f", r)
	}
	_ = sink
}
