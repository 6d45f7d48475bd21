package tooltest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

type recorder struct{ skipped, failed, errored, logged bool }

func (r *recorder) Helper()               {}
func (r *recorder) Skipf(string, ...any)  { r.skipped = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Errorf(string, ...any) { r.errored = true }
func (r *recorder) Logf(string, ...any)   { r.logged = true }

func TestRequire(t *testing.T) {
	t.Parallel()
	const missing = "handouts-no-such-tool-7f3a"
	tests := []struct {
		name, tool, ci      string
		wantSkip, wantFatal bool
	}{
		{"missing tool skips on a developer machine", missing, "", true, false},
		{"missing tool skips when CI=false", missing, "false", true, false},
		{"missing tool skips when CI=0", missing, "0", true, false},
		{"missing tool fails when CI=true", missing, "true", false, true},
		{"missing tool fails when CI=1", missing, "1", false, true},
		{"missing tool fails when CI=yes", missing, "yes", false, true},
		{"missing tool fails when CI=TRUE", missing, "TRUE", false, true},
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

func TestPartial(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		ci           string
		wantError    bool
		wantLogged   bool
		wantSkipOrFa bool
	}{
		{"", false, true, false},
		{"no", false, true, false},
		{"1", true, false, false},
		{"yes", true, false, false},
	} {
		var r recorder
		partial(&r, tt.ci, "DejaVu is not installed")
		if r.errored != tt.wantError || r.logged != tt.wantLogged || r.skipped || r.failed {
			t.Errorf("CI=%q: %+v, want errored=%v logged=%v and neither skipped nor stopped", tt.ci, r, tt.wantError, tt.wantLogged)
		}
	}
}

// TestOneHelper holds every test to this package's reading of CI: a copy
// that tested CI == "true" let CI=1 skip silently.
func TestOneHelper(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	var copies []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || path == filepath.Join(root, "internal", "tooltest")) {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(src), `Getenv("CI")`) || strings.Contains(string(src), `LookupEnv("CI")`) {
			copies = append(copies, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range copies {
		t.Errorf("%s reads CI itself; use tooltest.CI, Require, Missing or Partial", c)
	}
}
