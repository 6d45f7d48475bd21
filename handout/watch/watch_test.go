package watch

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestIsHandout(t *testing.T) {
	for name, want := range map[string]bool{
		"a.yaml": true, "b.YML": true, "data/c.yaml": true,
		".#a.yaml": false, "#a.yaml#": false, "a.yaml~": false, "a.yaml.swp": false, "4913": false, "a.txt": false,
	} {
		if got := IsHandout(name); got != want {
			t.Errorf("IsHandout(%q) = %v, want %v", name, got, want)
		}
	}
}

// Changes to watched files, and to handouts in watched folders, are
// reported, including ones saved by rename and new files; editors' lock and
// backup files, other files, and changes of permissions alone are not.
func TestRunReportsWhatABuildReads(t *testing.T) {
	dir := t.TempDir()
	data, brand := filepath.Join(dir, "data"), filepath.Join(dir, "brand")
	for _, d := range []string{data, brand} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	a, logo, unrelated := filepath.Join(data, "a.yaml"), filepath.Join(brand, "logo.png"), filepath.Join(brand, "notes.txt")
	write(a, "x")
	write(logo, "x")
	write(unrelated, "x")

	var mu sync.Mutex
	seen := map[string]bool{}
	ready := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Targets{Files: []string{logo}, Dirs: []string{data}}, 20*time.Millisecond,
			func() { close(ready) },
			func(batch []string) *Targets {
				mu.Lock()
				defer mu.Unlock()
				if !slices.IsSorted(batch) {
					t.Errorf("batch not sorted: %v", batch)
				}
				for _, p := range batch {
					seen[p] = true
				}
				return nil
			}, func(err error) { t.Errorf("watch error: %v", err) })
	}()
	<-ready

	// Ignored first, so that by the time the wanted changes are seen these
	// would have been too.
	write(unrelated, "y")
	write(filepath.Join(data, ".#a.yaml"), "lock")
	write(filepath.Join(data, "a.yaml~"), "backup")
	if err := os.Chmod(a, 0o600); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(data, "a.yaml.tmp")
	write(tmp, "saved by rename")
	if err := os.Rename(tmp, a); err != nil {
		t.Fatal(err)
	}
	write(logo, "y")
	b := filepath.Join(data, "b.yaml")
	write(b, "new file")

	deadline := time.Now().Add(20 * time.Second) // liveness only
	for {
		mu.Lock()
		all := seen[a] && seen[logo] && seen[b]
		mu.Unlock()
		if all {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("changes not all seen: %v", seen)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	for p := range seen {
		if p != a && p != logo && p != b {
			t.Errorf("reported %s, which a build does not read", p)
		}
	}
}

func TestRunMissingFolder(t *testing.T) {
	err := Run(context.Background(), Targets{Dirs: []string{filepath.Join(t.TempDir(), "none")}}, time.Millisecond, nil, func([]string) *Targets { return nil }, nil)
	if err == nil {
		t.Error("no error for a folder that does not exist")
	}
}

// The targets can change while watching: a brand file that now names a
// logo in another folder has that logo followed, and the old one dropped.
func TestRunRetargets(t *testing.T) {
	dir := t.TempDir()
	brand, logo, old := filepath.Join(dir, "brand.yaml"), filepath.Join(dir, "art", "logo.png"), filepath.Join(dir, "old.png")
	if err := os.Mkdir(filepath.Dir(logo), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(brand)
	write(old)
	batches := make(chan []string, 10)
	ready := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Targets{Files: []string{brand, old}}, 20*time.Millisecond, func() { close(ready) },
			func(batch []string) *Targets {
				batches <- batch
				if slices.Contains(batch, brand) {
					return &Targets{Files: []string{brand, logo}}
				}
				return nil
			}, func(err error) { t.Errorf("watch error: %v", err) })
	}()
	<-ready
	write(brand)
	// The new logo's folder is watched once changed has returned, which
	// the test cannot see: it writes the logo until a batch shows it.
	deadline := time.Now().Add(20 * time.Second) // liveness only
	sawBrand := false
	for seen := false; !seen; {
		if time.Now().After(deadline) {
			t.Fatal("the newly named logo was never reported")
		}
		if sawBrand {
			write(old) // no longer followed
			write(logo)
		}
		select {
		case b := <-batches:
			for _, p := range b {
				switch p {
				case brand:
					sawBrand = true
				case logo:
					seen = true
				default:
					t.Errorf("batch %v holds %s, which is no longer followed", b, p)
				}
			}
		case <-time.After(100 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}
