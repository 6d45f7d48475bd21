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

// recorder is a testing.TB that keeps what Linear reports.
type recorder struct {
	testing.TB
	failed []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = append(r.failed, format)
}

// Measuring again must not let quadratic work through: it is over the
// limit every time.
func TestLinearFailsQuadraticWork(t *testing.T) {
	sink := 0
	quadratic := func(n int) {
		for i := range n {
			for j := range n {
				sink += i ^ j
			}
		}
	}
	linear := func(n int) {
		for i := range n * 200 {
			sink += i
		}
	}
	r := &recorder{TB: t}
	Linear(r, 1000, quadratic)
	if len(r.failed) != 1 {
		t.Errorf("quadratic work: %d failures, want 1", len(r.failed))
	}
	r = &recorder{TB: t}
	Linear(r, 1000, linear)
	if len(r.failed) != 0 {
		t.Errorf("linear work failed: %v", r.failed)
	}
	_ = sink
}
