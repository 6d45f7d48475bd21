package handout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// pending is one PDF made in memory, waiting to be written with the other
// formats of its file.
type pending struct {
	dest string
	data []byte
	tmp  string
	same bool // dest already holds exactly data
}

// writeSet writes the PDFs of one content file together: every one to a
// temporary file beside its destination first, and only when all of them
// are complete are they renamed into place. If any cannot be written (a
// full disk, a folder where a PDF should go) none is renamed and the
// temporary files are removed, so a file's PDFs in the output folder are
// never half from this build and half from the last. It returns the error
// that stopped the set, naming the PDF at fault.
//
// A PDF whose file already holds exactly its bytes (builds are
// reproducible, so most of a rebuild is) is left in place and only has its
// modification time brought up to date, as a tool comparing times
// expects: replacing a file means freeing the old one, which on some
// filesystems costs more than the rest of writing it.
func writeSet(set []*pending) error {
	fail := func(err error) error {
		for _, p := range set {
			if p.tmp != "" {
				os.Remove(p.tmp)
				p.tmp = ""
			}
		}
		return err
	}
	for _, p := range set {
		// A folder (or a device, or a dangling link) in the way would only
		// show when renaming, after other formats had been replaced.
		// (A symbolic link is fine: renaming replaces the link itself.)
		if info, err := os.Lstat(p.dest); err == nil && !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0 {
			what := "a folder"
			if !info.IsDir() {
				what = "not a regular file"
			}
			return fail(fmt.Errorf("cannot write %s: it is %s; move it away", p.dest, what))
		} else if err == nil && holds(p.dest, info, p.data) {
			p.same = true
			continue
		}
		tmp, err := os.CreateTemp(filepath.Dir(p.dest), tempPrefix(p.dest)+"*.tmp")
		if err != nil {
			return fail(fmt.Errorf("cannot write %s: %w", p.dest, unwrapPath(err)))
		}
		p.tmp = tmp.Name()
		_, err = tmp.Write(p.data)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(p.tmp, 0o644)
		}
		if err != nil {
			return fail(fmt.Errorf("cannot write %s: %w", p.dest, unwrapPath(err)))
		}
	}
	now := time.Now()
	for i, p := range set {
		if p.same {
			// Only the time changes; failing to change it (a file of
			// another user's) leaves the right bytes in place.
			os.Chtimes(p.dest, now, now)
			continue
		}
		if err := os.Rename(p.tmp, p.dest); err != nil {
			// Renaming within one folder does not fail once the checks
			// above passed, short of the folder changing under us.
			for _, q := range set[i:] {
				os.Remove(q.tmp)
			}
			return fmt.Errorf("cannot write %s: %w", p.dest, unwrapPath(err))
		}
		p.tmp = ""
	}
	return nil
}

// holds reports whether the file at path, whose Lstat is info, is a
// regular file that a new write would leave as it is: the same bytes and
// the mode a write gives.
func holds(path string, info fs.FileInfo, data []byte) bool {
	if !info.Mode().IsRegular() || info.Mode().Perm() != 0o644 || info.Size() != int64(len(data)) {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var buf [16 << 10]byte
	for rest := data; ; {
		n, err := f.Read(buf[:])
		if n > len(rest) || !bytes.Equal(buf[:n], rest[:n]) {
			return false
		}
		rest = rest[n:]
		if err == io.EOF || n == 0 {
			return len(rest) == 0
		}
		if err != nil {
			return false
		}
	}
}

// tempPrefix names a temporary file by the PDF it becomes and the process
// writing it, so that a later build can tell its own leftovers (from a
// process that was killed) from another build's work in progress.
func tempPrefix(dest string) string {
	return fmt.Sprintf(".%s.%d-", filepath.Base(dest), os.Getpid())
}

// ourTemp matches the temporary files this tool makes in an output folder:
// .NAME.pdf.PID-RANDOM.tmp, and .NAME.pdf.RANDOM.tmp from older versions,
// which did not name the process.
var ourTemp = regexp.MustCompile(`^\..+\.pdf\.(?:(\d+)-)?\d+\.tmp$`)

// staleAge is how old a leftover without a process id must be before it
// is taken for stale rather than another build's work in progress.
const staleAge = 10 * time.Minute

// removeStale deletes temporary files that builds killed before they could
// clean up (SIGKILL, a power cut) left in dir. Files of a process still
// running are left alone: it may be another build into the same folder.
func removeStale(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		m := ourTemp.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if m[1] != "" {
			if pid, err := strconv.Atoi(m[1]); err == nil && processAlive(pid) {
				continue
			}
		} else if info, err := e.Info(); err != nil || now.Sub(info.ModTime()) < staleAge {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// outputFolder makes dir if needed, with a message a person can act on
// when something other than a folder is in the way.
func outputFolder(dir string) error {
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			target, _ := os.Readlink(dir)
			return fmt.Errorf("output folder %s is a symbolic link to %s, which does not exist; create it, or choose another --out", dir, target)
		}
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("output folder %s is a file, not a folder; choose another --out", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %w", dir, unwrapPath(err))
	}
	return checkWritable(dir)
}

// checkWritable finds an unwritable output folder before any work is done,
// rather than once per file after laying each one out.
func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".handouts-write-test-*")
	if err != nil {
		return fmt.Errorf("output folder %s is not writable: %w", dir, unwrapPath(err))
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
