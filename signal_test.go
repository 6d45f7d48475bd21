//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSIGTERMStopsTheBuild runs the real binary on a folder of handouts and
// sends SIGTERM once the first PDFs are written, as `docker stop` or a CI
// timeout would. The build must stop, exit 130, leave no temporary files,
// and every file's PDFs that are there must be a complete set.
func TestSIGTERMStopsTheBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := handoutsBinary(t)
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	src := readFile(t, seed)
	const files = 300
	for i := range files {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("h%03d.yaml", i)), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "build", "-q", "-j", "1", "-o", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
wait:
	for {
		select {
		case err = <-done:
			break wait // finished (or failed) before any PDF was seen
		default:
		}
		if got, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(got) > 0 {
			cmd.Process.Signal(syscall.SIGTERM)
			err = <-done
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	code := cmd.ProcessState.ExitCode()
	pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	if code == 0 && len(pdfs) == 3*files {
		t.Skip("the build finished before the signal arrived")
	}
	if code != 130 || !strings.Contains(stderr.String(), "stopping after the current format") || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("after SIGTERM: %v, exit %d, stderr %q; want exit 130, the signal acknowledged at once, and `interrupted`", err, code, stderr.String())
	}
	entries, _ := os.ReadDir(out)
	sets := map[string]int{}
	for _, e := range entries {
		if bookkeeping(e.Name()) {
			continue
		}
		if !strings.HasSuffix(e.Name(), ".pdf") {
			t.Errorf("left in --out after SIGTERM: %s", e.Name())
			continue
		}
		sets[e.Name()[:4]]++
	}
	for name, n := range sets {
		if n != 3 {
			t.Errorf("%s has %d of its 3 PDFs", name, n)
		}
	}
	if len(pdfs) >= 3*files {
		t.Errorf("all %d PDFs were written after SIGTERM", len(pdfs))
	}
}
