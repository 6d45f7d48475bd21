//go:build linux

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// pdfSet maps each PDF's name in dir to its bytes.
func pdfSet(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, p := range paths {
		got[filepath.Base(p)] = string(readFile(t, p))
	}
	return got
}

func equalSets(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Two real builds of two versions of one file into one folder at once:
// the folder ends up with one build's whole set, never a mix (before the
// lock, 1 run in 3 mixed them).
func TestConcurrentBuildsNeverMixSets(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	seedSrc := string(readFile(t, seed))
	a, b := filepath.Join(t.TempDir(), "x.yaml"), filepath.Join(t.TempDir(), "x.yaml")
	writeFile(t, a, seedSrc)
	writeFile(t, b, strings.Replace(seedSrc, "title: Group therapy", "title: Group therapy, again", 1))
	refs := map[string]map[string]string{}
	for _, in := range []string{a, b} {
		out := t.TempDir()
		if err := exec.Command(bin, "build", "--quiet", "--out", out, in).Run(); err != nil {
			t.Fatal(err)
		}
		refs[in] = pdfSet(t, out)
	}
	for round := 0; round < 6; round++ {
		out := t.TempDir()
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, in := range []string{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = exec.Command(bin, "build", "--quiet", "--jobs", "1", "--out", out, in).Run()
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		got := pdfSet(t, out)
		if !equalSets(got, refs[a]) && !equalSets(got, refs[b]) {
			t.Fatalf("round %d: the folder holds a mix of the two builds' PDFs", round)
		}
	}
}

// A build into a folder another build holds says so, and waits before it
// writes anything.
func TestBuildWaitsForTheFolderWithAMessage(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	out := t.TempDir()
	lock, err := os.OpenFile(filepath.Join(out, ".handouts.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	lock.WriteString("4242\n")
	cmd := exec.Command(bin, "build", "--out", out, seed)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(stderr)
	if !lines.Scan() {
		t.Fatalf("the build ended without a word: %v", cmd.Wait())
	}
	want := "handouts: another build (process 4242) is writing to " + out + "; waiting for it to finish (Ctrl-C stops)"
	if lines.Text() != want {
		t.Errorf("first line %q, want %q", lines.Text(), want)
	}
	if got := pdfSet(t, out); len(got) != 0 {
		t.Errorf("%d PDFs written while the folder was held", len(got))
	}
	syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	for lines.Scan() {
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := pdfSet(t, out); len(got) != 3 {
		t.Errorf("%d PDFs written once the folder was free, want 3 (%s)", len(got), stdout.String())
	}
}
