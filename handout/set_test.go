//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package handout

// A file's PDFs in the output folder are one set: never one format of
// older content beside a newer one, never half from one build and half
// from another, whatever stops a build (issue 21, items 9 and 10).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/format"
)

// versions of one handout, x.yaml: v1 has a faq, v2 is other content
// without one.
func versions(t *testing.T) (v1, v2 string) {
	return string(mustRead(t, seedFile)), string(mustRead(t, "testdata/no-faq.yaml"))
}

// buildX writes src as dir/x.yaml and builds it into out.
func buildX(t *testing.T, dir, out, src string, kinds []format.Kind) *Report {
	t.Helper()
	in := filepath.Join(dir, "x.yaml")
	write(t, in, src)
	rep, err := Build(context.Background(), Config{Inputs: []string{in}, OutDir: out, Formats: kinds, Options: letter, Brand: defaultBrand(t), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) > 0 {
		t.Fatalf("build failed: %+v", rep.Failed)
	}
	return rep
}

// pdfsIn maps each PDF's name in dir to its bytes.
func pdfsIn(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, p := range paths {
		got[filepath.Base(p)] = string(mustRead(t, p))
	}
	return got
}

// sameSet reports how the PDFs in dir differ from want ("" if they match).
func sameSet(got, want map[string]string) string {
	var diffs []string
	for n, w := range want {
		if g, ok := got[n]; !ok {
			diffs = append(diffs, n+" is missing")
		} else if g != w {
			diffs = append(diffs, n+" differs")
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			diffs = append(diffs, n+" should not be there")
		}
	}
	return strings.Join(diffs, ", ")
}

// references builds each version alone into an empty folder: what a set
// of each must hold.
func references(t *testing.T) (v1, v2 map[string]string) {
	s1, s2 := versions(t)
	o1, o2 := t.TempDir(), t.TempDir()
	buildX(t, t.TempDir(), o1, s1, nil)
	buildX(t, t.TempDir(), o2, s2, nil)
	return pdfsIn(t, o1), pdfsIn(t, o2)
}

func TestRemovingFAQRemovesItsSheet(t *testing.T) {
	t.Parallel()
	ref1, ref2 := references(t)
	if len(ref1) != 3 || len(ref2) != 2 {
		t.Fatalf("references: %d and %d PDFs, want 3 and 2", len(ref1), len(ref2))
	}
	v1, v2 := versions(t)
	dir, out := t.TempDir(), t.TempDir()
	buildX(t, dir, out, v1, nil)
	rep := buildX(t, dir, out, v2, nil)
	if d := sameSet(pdfsIn(t, out), ref2); d != "" {
		t.Errorf("after the faq was taken out: %s", d)
	}
	faq := filepath.Join(out, "x-faq.pdf")
	if len(rep.Removed) != 1 || rep.Removed[0].Path != faq || !strings.Contains(rep.Removed[0].Reason, "no longer has a `faq:`") {
		t.Errorf("removed %+v, want %s with the reason", rep.Removed, faq)
	}
	// A rebuild removes nothing more and says nothing of it.
	if rep := buildX(t, dir, out, v2, nil); len(rep.Removed) != 0 {
		t.Errorf("a rebuild removed %+v", rep.Removed)
	}
}

// Asked for some formats only, a build removes the others when they were
// made from an older version of the file, and keeps them when they were
// made from this one.
func TestOnlySomeFormatsLeaveNoOlderOnes(t *testing.T) {
	t.Parallel()
	v1, _ := versions(t)
	changed := strings.Replace(v1, "title: Group therapy", "title: Group therapy, changed", 1)
	dir, out := t.TempDir(), t.TempDir()
	buildX(t, dir, out, v1, nil)
	rep := buildX(t, dir, out, v1, []format.Kind{format.Guide})
	if len(rep.Removed) != 0 || len(pdfsIn(t, out)) != 3 {
		t.Fatalf("the same content's guide alone removed %+v", rep.Removed)
	}
	rep = buildX(t, dir, out, changed, []format.Kind{format.Guide})
	got := pdfsIn(t, out)
	if _, ok := got["x-guide.pdf"]; !ok || len(got) != 1 {
		t.Errorf("after building the changed file's guide alone, out/ holds %d PDFs, want the guide only", len(got))
	}
	if len(rep.Removed) != 2 || !strings.Contains(rep.Removed[0].Reason, "older version") {
		t.Errorf("removed %+v, want the summary and the FAQ sheet, as older", rep.Removed)
	}
	// The summary of the same content joins the guide.
	buildX(t, dir, out, changed, []format.Kind{format.Summary})
	if got := pdfsIn(t, out); len(got) != 2 {
		t.Errorf("after adding the summary, out/ holds %d PDFs, want 2", len(got))
	}
}

// A second build into a folder another is writing to waits for it, and
// says so, before it writes anything.
func TestSecondBuildWaitsForTheFirst(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	unlock, err := lockOutput(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan int, 1)
	done := make(chan error, 1)
	go func() {
		_, err := Build(context.Background(), Config{Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t),
			Waiting: func(pid int) { waiting <- pid }})
		done <- err
	}()
	select {
	case pid := <-waiting:
		if pid != os.Getpid() {
			t.Errorf("told another build is process %d, want %d", pid, os.Getpid())
		}
	case err := <-done:
		t.Fatalf("the second build ran (%v) while the first held the folder, without waiting", err)
	}
	if got := pdfsIn(t, out); len(got) != 0 {
		t.Errorf("the waiting build wrote %d PDFs while the other held the folder", len(got))
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := pdfsIn(t, out); len(got) != 3 {
		t.Errorf("once it had the folder, the build wrote %d PDFs, want 3", len(got))
	}

	// Ctrl-C while waiting stops the build; the lock it waited for is
	// not kept from the next build.
	unlock, err = lockOutput(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		_, err := Build(ctx, Config{Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t),
			Waiting: func(int) { cancel() }})
		done <- err
	}()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("a build cancelled while waiting: %v, want context.Canceled", err)
	}
	unlock()
	again, err := lockOutput(context.Background(), out, func(int) { t.Errorf("the cancelled build kept the lock") })
	if err != nil {
		t.Fatal(err)
	}
	again()
}

// TestMain runs, in place of the tests, the build that
// TestKilledWhileCommitting starts as a child process and kills.
func TestMain(m *testing.M) {
	if at := os.Getenv("HANDOUTS_TEST_CRASH_AT"); at != "" {
		crashChild(at)
	}
	os.Exit(m.Run())
}

// crashChild builds HANDOUTS_TEST_CRASH_IN into HANDOUTS_TEST_CRASH_OUT and
// kills its own process, with SIGKILL, at the step named at.
func crashChild(at string) {
	b, _ := brand.Resolve(nil, brand.Settings{})
	_, err := Build(context.Background(), Config{
		Inputs: []string{os.Getenv("HANDOUTS_TEST_CRASH_IN")}, OutDir: os.Getenv("HANDOUTS_TEST_CRASH_OUT"),
		Options: letter, Brand: b, Version: "test",
		commitHook: func(step string) {
			if step == at {
				syscall.Kill(os.Getpid(), syscall.SIGKILL) // no deferred call, no cleanup: a crash
				select {}
			}
		},
	})
	fmt.Fprintf(os.Stderr, "the build was not killed at %q (err %v)\n", at, err)
	os.Exit(3)
}

// SIGKILL (or a power cut) at any step of writing a file's set leaves the
// set all old or, once the next build into the folder has run, all new.
func TestKilledWhileCommitting(t *testing.T) {
	t.Parallel()
	ref1, ref2 := references(t)
	v1, v2 := versions(t)
	for _, tt := range []struct {
		at         string
		right      map[string]string // the set right after the kill
		rightMixed bool              // or a mix, which the next build must finish
		next       map[string]string // the set after the next build
	}{
		{at: stepTemps, right: ref1, next: ref1},
		{at: stepCommitted, right: ref1, next: ref2},
		{at: stepRenamed + "x-guide.pdf", rightMixed: true, next: ref2},
		{at: stepRenamed + "x-summary.pdf", rightMixed: true, next: ref2},
		{at: stepDone, right: ref2, next: ref2},
	} {
		t.Run(tt.at, func(t *testing.T) {
			t.Parallel()
			dir, out := t.TempDir(), t.TempDir()
			buildX(t, dir, out, v1, nil)
			in := filepath.Join(dir, "x.yaml")
			write(t, in, v2)
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "HANDOUTS_TEST_CRASH_AT="+tt.at, "HANDOUTS_TEST_CRASH_IN="+in, "HANDOUTS_TEST_CRASH_OUT="+out)
			outp, err := cmd.CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || !ee.Sys().(syscall.WaitStatus).Signaled() {
				t.Fatalf("the child was not killed: %v\n%s", err, outp)
			}
			now := pdfsIn(t, out)
			if tt.rightMixed {
				if sameSet(now, ref1) == "" || sameSet(now, ref2) == "" {
					t.Fatalf("killed at %q, yet the set is whole: the test no longer kills mid-set", tt.at)
				}
			} else if d := sameSet(now, tt.right); d != "" {
				t.Errorf("right after the kill: %s", d)
			}
			// The next build into the folder, of another file, finishes
			// or drops what the killed one left, and says so when it
			// finishes a set.
			other := filepath.Join(dir, "other")
			if err := os.Mkdir(other, 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(other, "y.yaml"), v2)
			rep, err := Build(context.Background(), Config{Inputs: []string{filepath.Join(other, "y.yaml")}, OutDir: out, Options: letter, Brand: defaultBrand(t), Version: "test"})
			if err != nil {
				t.Fatal(err)
			}
			got := pdfsIn(t, out)
			delete(got, "y-guide.pdf")
			delete(got, "y-summary.pdf")
			if d := sameSet(got, tt.next); d != "" {
				t.Errorf("after the next build: %s", d)
			}
			finished := strings.Contains(fmt.Sprint(rep.Notes), "finished them")
			if wantNote := tt.at == stepCommitted || strings.HasPrefix(tt.at, stepRenamed); finished != wantNote {
				t.Errorf("notes %q; want a note of the finished set: %v", rep.Notes, wantNote)
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), commitSuffix) {
					t.Errorf("left in the folder: %s", e.Name())
				}
			}
			// And what it left is a folder a build of x trusts: the
			// manifest says the PDFs are from v2.
			if tt.next["x-guide.pdf"] == ref2["x-guide.pdf"] && readManifest(out, "x") == "" {
				t.Errorf("no manifest for x after the set was finished")
			}
		})
	}
}

// A set that replaces nothing (its PDFs are new to the folder) is written
// without a commit record, which saves two of its syncs: killed among its
// renames it leaves some new PDFs and never an old one beside them, and the
// next build of the file writes the rest.
func TestKilledWhileAddingASet(t *testing.T) {
	t.Parallel()
	_, ref2 := references(t)
	_, v2 := versions(t)
	dir, out := t.TempDir(), t.TempDir()
	in := filepath.Join(dir, "x.yaml")
	write(t, in, v2)
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "HANDOUTS_TEST_CRASH_AT="+stepRenamed+"x-guide.pdf", "HANDOUTS_TEST_CRASH_IN="+in, "HANDOUTS_TEST_CRASH_OUT="+out)
	outp, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || !ee.Sys().(syscall.WaitStatus).Signaled() {
		t.Fatalf("the child was not killed: %v\n%s", err, outp)
	}
	if d := sameSet(pdfsIn(t, out), map[string]string{"x-guide.pdf": ref2["x-guide.pdf"]}); d != "" {
		t.Errorf("right after the kill: %s", d)
	}
	if _, err := os.Stat(manifestPath(out, "x") + commitSuffix); err == nil {
		t.Errorf("a set that replaces nothing wrote a commit record")
	}
	buildX(t, dir, out, v2, nil)
	if d := sameSet(pdfsIn(t, out), ref2); d != "" {
		t.Errorf("after the next build: %s", d)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") || strings.HasSuffix(e.Name(), commitSuffix) {
			t.Errorf("left in the folder: %s", e.Name())
		}
	}
	if readManifest(out, "x") == "" {
		t.Errorf("no manifest for x after the next build")
	}
}

// The commit record is written exactly when a set replaces or removes
// PDFs: not for a first build into an empty folder, nor for a rebuild that
// changes nothing; for a build over other content, yes.
func TestCommitRecordOnlyWhenReplacing(t *testing.T) {
	t.Parallel()
	v1, v2 := versions(t)
	dir, out := t.TempDir(), t.TempDir()
	in := filepath.Join(dir, "x.yaml")
	for _, step := range []struct {
		what, src string
		record    bool
	}{
		{"a first build", v1, false},
		{"a rebuild of the same content", v1, false},
		{"a build of other content", v2, true},
		{"a build of the first content again", v1, true},
	} {
		write(t, in, step.src)
		recorded := false
		_, err := Build(context.Background(), Config{
			Inputs: []string{in}, OutDir: out, Options: letter, Brand: defaultBrand(t), Version: "test",
			commitHook: func(s string) { recorded = recorded || s == stepCommitted },
		})
		if err != nil {
			t.Fatal(err)
		}
		if recorded != step.record {
			t.Errorf("%s: commit record written %v, want %v", step.what, recorded, step.record)
		}
	}
}
