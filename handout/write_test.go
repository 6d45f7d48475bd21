package handout

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"handouts/handout/format"
)

// noTemps fails if dir holds a temporary file.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left in %s: %s", dir, e.Name())
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWriteSetReplacesByRenaming(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "a.pdf")
	write(t, dest, "old")
	// A hard link shares the old file's bytes. Writing in place (as
	// os.WriteFile does) would change them under the link, and a reader
	// of the old PDF would see a half-written one; renaming a new file
	// over the name leaves them alone.
	keep := filepath.Join(dir, "keep")
	if err := os.Link(dest, keep); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if err := writeSet([]*pending{{dest: dest, data: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if got := string(mustRead(t, dest)); got != "new" {
		t.Errorf("a.pdf = %q, want new", got)
	}
	if got := string(mustRead(t, keep)); got != "old" {
		t.Errorf("the old file's bytes changed to %q: written in place, not renamed", got)
	}
	if info, _ := os.Stat(dest); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	noTemps(t, dir)
}

// A rebuild that makes the same bytes leaves the file in place (the same
// file, not a copy renamed over it) with a fresh modification time; a
// file that differs in anything a write sets, bytes or mode, is replaced.
func TestWriteSetLeavesIdenticalFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, tt := range []struct {
		name, had string
		mode      os.FileMode
		kept      bool
	}{
		{"same bytes", "%PDF same", 0o644, true},
		{"other bytes, same length", "%PDF sane", 0o644, false},
		{"a longer file", "%PDF same and more", 0o644, false},
		{"same bytes, another mode", "%PDF same", 0o600, false},
	} {
		dest := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".pdf")
		write(t, dest, tt.had)
		if err := os.Chmod(dest, tt.mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(dest, old, old); err != nil {
			t.Fatal(err)
		}
		before, _ := os.Stat(dest)
		if err := writeSet([]*pending{{dest: dest, data: []byte("%PDF same")}}); err != nil {
			t.Fatal(err)
		}
		after, err := os.Stat(dest)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(mustRead(t, dest)); got != "%PDF same" {
			t.Errorf("%s: file holds %q", tt.name, got)
		}
		if kept := os.SameFile(before, after); kept != tt.kept {
			t.Errorf("%s: file kept in place: %v, want %v", tt.name, kept, tt.kept)
		}
		if !after.ModTime().After(old) {
			t.Errorf("%s: modification time still %v", tt.name, after.ModTime())
		}
		if after.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", tt.name, after.Mode().Perm())
		}
	}
	noTemps(t, dir)
}

func TestWriteSetIsAllOrNothing(t *testing.T) {
	t.Parallel()
	for name, block := range map[string]func(dir string) string{
		// A folder at one PDF's path: found before anything is renamed.
		"a folder in the way": func(dir string) string {
			p := filepath.Join(dir, "x-summary.pdf")
			if err := os.MkdirAll(filepath.Join(p, "inside"), 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		},
		// A temporary file that cannot be created (as on a full disk)
		// after the others were written.
		"a write that fails": func(dir string) string {
			return filepath.Join(dir, "gone", "x-summary.pdf")
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			guide, faq := filepath.Join(dir, "x-guide.pdf"), filepath.Join(dir, "x-faq.pdf")
			write(t, guide, "old guide")
			write(t, faq, "old faq")
			blocked := block(dir)
			err := writeSet([]*pending{{dest: guide, data: []byte("new")}, {dest: blocked, data: []byte("new")}, {dest: faq, data: []byte("new")}})
			if err == nil || !strings.Contains(err.Error(), blocked) {
				t.Errorf("err = %v, want one naming %s", err, blocked)
			}
			if g, f := string(mustRead(t, guide)), string(mustRead(t, faq)); g != "old guide" || f != "old faq" {
				t.Errorf("after a failed set: guide %q, faq %q; want both old", g, f)
			}
			noTemps(t, dir)
		})
	}
}

func TestBuildWithAFolderAtThePDFsPath(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	cfg := Config{Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t)}
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	summary := mustRead(t, filepath.Join(out, "group-therapy-summary.pdf"))
	guide := filepath.Join(out, "group-therapy-guide.pdf")
	if err := os.Remove(guide); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(guide, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg.Options = format.Options{Paper: format.A4} // so the new PDFs differ
	rep, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 0 || len(rep.Failed) != 3 {
		t.Fatalf("written %v, failed %v; want nothing written and 3 failures", rep.Written, rep.Failed)
	}
	if msg := rep.Failed[0].Findings[0].Message; !strings.Contains(msg, "is a folder") {
		t.Errorf("message %q does not say the guide's path is a folder", msg)
	}
	if got := mustRead(t, filepath.Join(out, "group-therapy-summary.pdf")); string(got) != string(summary) {
		t.Errorf("the summary was replaced although the guide could not be")
	}
	noTemps(t, out)
}

func TestEachFormatStandsOnItsOwn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "x.yaml")
	write(t, in, string(mustRead(t, "testdata/summary-too-long.yaml")))
	out := t.TempDir()
	old := filepath.Join(out, "x-summary.pdf")
	write(t, old, "a summary of older content")
	rep, err := Build(context.Background(), Config{Inputs: []string{in}, OutDir: out, Options: letter, Brand: defaultBrand(t)})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []format.Kind
	for _, o := range rep.Written {
		kinds = append(kinds, o.Format)
		if pdfPageCount(t, mustRead(t, o.Path)) < 1 {
			t.Errorf("%s has no pages", o.Path)
		}
	}
	if fmt.Sprint(kinds) != "[guide faq]" {
		t.Errorf("written %v, want the guide and the FAQ", kinds)
	}
	if len(rep.Failed) != 1 || rep.Failed[0].Format != format.Summary {
		t.Fatalf("failed %+v, want the summary alone", rep.Failed)
	}
	f := rep.Failed[0].Findings[0]
	if f.Pos.File != in || f.Pos.Line != 6 || !strings.Contains(f.Message, "does not fit") {
		t.Errorf("summary failure %v, want it at %s:6 saying it does not fit", f, in)
	}
	// The old summary would contradict the new guide beside it.
	if _, err := os.Stat(old); err == nil {
		t.Errorf("the old summary is still in --out next to the new guide")
	}
	if !strings.Contains(f.Message, "was removed") {
		t.Errorf("the message does not say the old summary was removed: %s", f.Message)
	}
}

func TestBuildRemovesStaleTemporaryFiles(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	hourAgo := time.Now().Add(-time.Hour)
	stale := []string{
		".x-guide.pdf.999999999-123.tmp", // a process that is gone
		".x-summary.pdf.4711.tmp",        // an older version's, an hour old
	}
	kept := []string{
		fmt.Sprintf(".x-faq.pdf.%d-77.tmp", os.Getpid()), // a running build's
		".x-faq.pdf.4712.tmp",                            // an older version's, just made
		"notes.tmp", ".x.yaml.123.tmp", "x-guide.pdf",    // not ours
	}
	for _, n := range append(append([]string{}, stale...), kept...) {
		write(t, filepath.Join(out, n), "x")
		if n != ".x-faq.pdf.4712.tmp" {
			os.Chtimes(filepath.Join(out, n), hourAgo, hourAgo)
		}
	}
	if _, err := Build(context.Background(), Config{Inputs: []string{"testdata/no-faq.yaml"}, OutDir: out, Formats: []format.Kind{format.Summary}, Options: letter, Brand: defaultBrand(t)}); err != nil {
		t.Fatal(err)
	}
	for _, n := range stale {
		if _, err := os.Stat(filepath.Join(out, n)); err == nil {
			t.Errorf("stale %s not removed", n)
		}
	}
	for _, n := range kept {
		if _, err := os.Stat(filepath.Join(out, n)); err != nil {
			t.Errorf("%s removed: %v", n, err)
		}
	}
}

func TestBuildRefusesAnUnwritableOutputFolder(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("needs /proc")
	}
	// Tests run as root, which chmod does not stop; nobody can create
	// files in /proc. The build must say so once, before laying anything
	// out, not fail file by file.
	called := false
	rep, err := Build(context.Background(), Config{Inputs: []string{seedFile}, OutDir: "/proc", Options: letter, Brand: defaultBrand(t),
		Progress: func(int, int) { called = true }})
	if err == nil || rep != nil || !strings.Contains(err.Error(), "output folder /proc is not writable") {
		t.Errorf("Build = %v, %v; want one error saying /proc is not writable", rep, err)
	}
	if called {
		t.Errorf("files were built before the folder was found unwritable")
	}
}

func TestBuildOutputIsADanglingLink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	if err := os.Symlink(filepath.Join(dir, "missing"), out); err != nil {
		t.Skip(err)
	}
	_, err := Build(context.Background(), Config{Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t)})
	if err == nil || !strings.Contains(err.Error(), "symbolic link to "+filepath.Join(dir, "missing")+", which does not exist") {
		t.Errorf("err = %v", err)
	}
}

// writeSet commits PDFs in one folder as the set of a file named x.
func writeSet(set []*pending) error {
	return (&fileSet{dir: filepath.Dir(set[0].dest), name: "x", write: set}).commit()
}
