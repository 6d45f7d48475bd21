// Package watch tells when files a build depends on change, so that
// `handouts build --watch` can rebuild a handout as its writer saves it.
//
// It uses fsnotify (inotify, kqueue, ReadDirectoryChangesW) rather than
// polling: a save is seen at once and an idle watch costs nothing. It
// watches folders, not files: most editors save by writing a new file and
// renaming it over the old one, which ends a watch on the old file itself.
package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Quiet is how long a folder must be still before a batch of changes is
// reported: one save is often several events (create, write, rename,
// chmod), and a "save all" touches several files.
const Quiet = 150 * time.Millisecond

// Targets are what a build depends on.
type Targets struct {
	// Files are single files (content files named on the command line, the
	// brand file, its logo and fonts).
	Files []string
	// Dirs are folders whose .yaml files are all handouts, including ones
	// created while watching.
	Dirs []string
}

// Run watches the targets until ctx is done, calling changed with each
// batch of changed paths (cleaned, in sorted order) once things are quiet.
// ready (if not nil) is called once every folder is watched: a change
// made after it is seen.
// changed runs on Run's goroutine, so batches never overlap; changes made
// meanwhile make up the next batch. It returns the targets to watch from
// then on (a brand that now names another logo), or nil to keep them. Watch errors (such as the system's
// limit on watches) go to problem and watching goes on.
func Run(ctx context.Context, t Targets, quiet time.Duration, ready func(), changed func([]string) *Targets, problem func(error)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch for changes: %w", err)
	}
	defer w.Close()
	var files, dirs map[string]bool
	watched := map[string]bool{} // folders added to w
	// target watches t from now on. A folder that cannot be watched does
	// not stop the others: the first such error is returned.
	target := func(t Targets) error {
		files, dirs = map[string]bool{}, map[string]bool{}
		var first error
		add := func(d string) {
			if watched[d] {
				return
			}
			if err := w.Add(d); err != nil {
				if first == nil {
					first = fmt.Errorf("cannot watch %s: %w", d, err)
				}
				return
			}
			watched[d] = true
		}
		for _, f := range t.Files {
			f = filepath.Clean(f)
			files[f] = true
			add(filepath.Dir(f))
		}
		for _, d := range t.Dirs {
			d = filepath.Clean(d)
			dirs[d] = true
			add(d)
		}
		return first
	}
	if err := target(t); err != nil {
		return err
	}
	if ready != nil {
		ready()
	}
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			p := filepath.Clean(ev.Name)
			// A change of permissions alone (touch, some backup tools)
			// changes nothing a build reads.
			if ev.Op == fsnotify.Chmod || !files[p] && !(dirs[filepath.Dir(p)] && IsHandout(p)) {
				continue
			}
			pending[p] = true
			timer.Reset(quiet)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if problem != nil {
				problem(err)
			}
		case <-timer.C:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			clear(pending)
			slices.Sort(batch)
			if next := changed(batch); next != nil {
				// A folder that cannot be watched (one that does not
				// exist yet) is reported; the rest is still watched.
				if err := target(*next); err != nil && problem != nil {
					problem(err)
				}
			}
		}
	}
}

// IsHandout reports whether a file in a content folder is a handout: a
// .yaml or .yml file, and not an editor's lock or backup file (".#x.yaml",
// "#x.yaml#", "x.yaml~").
func IsHandout(path string) bool {
	name := filepath.Base(path)
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "#")
}
