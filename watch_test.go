package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer a command's goroutines (the watcher, the server)
// write to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// eventually polls cond until it holds. The deadline is a liveness bound
// for a busy machine (a hung watch fails instead of hanging the suite), not
// a claim about speed.
func eventually(t *testing.T, what string, cond func() bool, log func() string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s\n%s", what, log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// saveLikeAnEditor writes a file the way most editors save: a new file,
// renamed over the old one.
func saveLikeAnEditor(t *testing.T, path, text string) {
	t.Helper()
	tmp := filepath.Join(filepath.Dir(path), ".save-"+filepath.Base(path)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// build --watch: builds once; a saved edit makes a new PDF; a broken save
// prints the error and leaves the last good PDF in place; a change to the
// brand rebuilds every file; Ctrl-C (the context ending) stops it cleanly
// with exit 0.
func TestBuildWatch(t *testing.T) {
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	minimal := string(readFile(t, "testdata/minimal.yaml"))
	sleep, other := filepath.Join(data, "sleep.yaml"), filepath.Join(data, "other.yaml")
	brandFile := filepath.Join(dir, "brand.yaml")
	for path, text := range map[string]string{sleep: minimal, other: minimal, brandFile: "name: First Clinic\n"} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		// urfave/cli is not safe to run twice at once (see runMu).
		runMu.Lock()
		defer runMu.Unlock()
		done <- run(ctx, []string{"handouts", "build", "--watch", "--brand", brandFile, "--out", out, data}, &stdout, &stderr, func(string) (string, bool) { return "", false })
	}()
	logs := func() string { return "--- stdout:\n" + stdout.String() + "--- stderr:\n" + stderr.String() }
	guide := pdfPath(out, "sleep", "guide")
	guideText := func(path string) string {
		if _, err := os.Stat(path); err != nil {
			return ""
		}
		return pdfText(t, path, false)
	}

	eventually(t, "the first build and the watch to start", func() bool { return strings.Contains(stdout.String(), "watching ") }, logs)
	if !strings.Contains(guideText(guide), "Sleep basics") {
		t.Fatalf("first build: no guide with the title\n%s", logs())
	}

	// An edit, saved: the new PDF appears.
	saveLikeAnEditor(t, sleep, strings.Replace(minimal, "title: Sleep basics", "title: Sleeping well", 1))
	eventually(t, "the edited title in the guide", func() bool { return strings.Contains(guideText(guide), "Sleeping well") }, logs)
	good := readFile(t, guide)
	if !strings.Contains(stdout.String(), filepath.Clean(sleep)+": 3 PDFs") {
		t.Errorf("no line for the rebuild\n%s", logs())
	}
	if strings.Contains(stdout.String(), "other.yaml: ") {
		t.Errorf("a file that did not change was rebuilt\n%s", logs())
	}

	// A broken save (written in place this time): the error, with its
	// place, and the last good PDF untouched.
	if err := os.WriteFile(sleep, []byte(strings.Replace(minimal, "title: Sleep basics", "title: \"Sleeping well", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the error", func() bool { return strings.Contains(stderr.String(), filepath.Clean(sleep)+":3:8: YAML syntax") }, logs)
	eventually(t, "the rebuild line", func() bool { return strings.Contains(stdout.String(), "1 error, so the last good PDFs are kept") }, logs)
	if !bytes.Equal(readFile(t, guide), good) {
		t.Error("the guide changed after a broken save; the last good PDF must stay")
	}
	if m, _ := filepath.Glob(filepath.Join(out, "*.tmp*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}

	// The brand changes: every file is rebuilt with it (the broken one
	// still fails and keeps its PDFs).
	saveLikeAnEditor(t, brandFile, "name: Second Clinic\n")
	eventually(t, "the other file rebuilt with the new brand", func() bool {
		return strings.Contains(guideText(pdfPath(out, "other", "guide")), "Second Clinic")
	}, logs)
	// The line comes once the whole rebuild is done, after the PDF.
	eventually(t, "the line for the brand's rebuild", func() bool { return strings.Contains(stdout.String(), "brand changed: ") }, logs)
	if !bytes.Equal(readFile(t, guide), good) {
		t.Error("the broken file's guide changed")
	}

	// The brand names a logo that is not there yet: an error, and once the
	// logo is put in place, a rebuild with it.
	logo := filepath.Join(dir, "art", "logo.png")
	if err := os.MkdirAll(filepath.Dir(logo), 0o755); err != nil {
		t.Fatal(err)
	}
	saveLikeAnEditor(t, brandFile, "name: Second Clinic\nlogo: art/logo.png\n")
	eventually(t, "the missing logo reported", func() bool { return strings.Contains(stdout.String(), "the brand has errors") }, logs)
	saveLikeAnEditor(t, logo, string(readFile(t, "data/brand/riverbend-logo.png")))
	eventually(t, "the rebuild once the logo is in place", func() bool {
		return strings.Count(stdout.String(), "brand changed: ") == 2
	}, logs)
	if n := strings.Count(tool(t, "pdfimages", "-list", pdfPath(out, "other", "guide")), "\n"); n < 3 {
		t.Errorf("the guide has no logo after it was put in place (pdfimages lists %d lines)\n%s", n, logs())
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.HasSuffix(stdout.String(), "stopped watching\n") {
			t.Errorf("exit %d after Ctrl-C, want 0 and \"stopped watching\"\n%s", code, logs())
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("the watch did not stop when its context ended\n%s", logs())
	}
}

func TestBuildWatchRefusesJSON(t *testing.T) {
	t.Parallel()
	if r := runCLI(t, nil, "build", "--watch", "--json", "testdata/minimal.yaml"); r.code != 2 || !strings.Contains(r.stderr, "--watch") {
		t.Errorf("build --watch --json: %s", r)
	}
}

// TestBuildWatchPrintsWarnings: a save that brings a warning prints its
// text, where it is, in the watch's output; a later save with the same
// warning does not print it again (issue 21, item 11: the watch said only
// "1 warning (handouts check)").
func TestBuildWatchPrintsWarnings(t *testing.T) {
	dir := t.TempDir()
	data, out := filepath.Join(dir, "data"), filepath.Join(dir, "out")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	minimal := string(readFile(t, "testdata/minimal.yaml"))
	sleep := filepath.Join(data, "sleep.yaml")
	if err := os.WriteFile(sleep, []byte(minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		runMu.Lock()
		defer runMu.Unlock()
		done <- run(ctx, []string{"handouts", "build", "--watch", "--out", out, data}, &stdout, &stderr, func(string) (string, bool) { return "", false })
	}()
	logs := func() string { return "--- stdout:\n" + stdout.String() + "--- stderr:\n" + stderr.String() }
	eventually(t, "the watch to start", func() bool { return strings.Contains(stdout.String(), "watching ") }, logs)

	curly := strings.Replace(minimal, "subtitle: Simple habits for better rest", "subtitle: “Simple habits for better rest”", 1)
	saveLikeAnEditor(t, sleep, curly)
	want := filepath.Clean(sleep) + ":4:11: warning: subtitle is wrapped in curly quotes “…”"
	eventually(t, "the warning's text", func() bool { return strings.Contains(stderr.String(), want) }, logs)
	eventually(t, "the rebuild line", func() bool { return strings.Contains(stdout.String(), "1 warning (above)") }, logs)

	// Saved again with the warning still there: the line says so, and the
	// warning is not printed a second time.
	saveLikeAnEditor(t, sleep, strings.Replace(curly, "Sleep basics", "Sleeping well", 1))
	eventually(t, "the second rebuild", func() bool { return strings.Contains(stdout.String(), "1 warning, as before") }, logs)
	if n := strings.Count(stderr.String(), want); n != 1 {
		t.Errorf("the warning printed %d times, want once\n%s", n, logs())
	}
	cancel()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("the watch did not stop\n%s", logs())
	}
}
