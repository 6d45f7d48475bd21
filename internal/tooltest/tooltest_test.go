package tooltest

import (
	"os/exec"
	"testing"
)

type recorder struct{ skipped, failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestRequire(t *testing.T) {
	t.Parallel()
	const missing = "handouts-no-such-tool-7f3a"
	tests := []struct {
		name, tool, ci      string
		wantSkip, wantFatal bool
	}{
		{"missing tool skips on a developer machine", missing, "", true, false},
		{"missing tool skips when CI=false", missing, "false", true, false},
		{"missing tool fails when CI=true", missing, "true", false, true},
		{"missing tool fails when CI=1", missing, "1", false, true},
		{"present tool neither skips nor fails in CI", "go", "true", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.tool == "go" {
				if _, err := exec.LookPath("go"); err != nil {
					t.Skip("go is not on PATH")
				}
			}
			var r recorder
			need(&r, tt.tool, tt.ci)
			if r.skipped != tt.wantSkip || r.failed != tt.wantFatal {
				t.Errorf("CI=%q, tool %q: skipped=%v failed=%v, want skipped=%v failed=%v",
					tt.ci, tt.tool, r.skipped, r.failed, tt.wantSkip, tt.wantFatal)
			}
		})
	}
}
