package handout

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// pending is one PDF made in memory, waiting to be written with the other
// formats of its file.
type pending struct {
	dest     string
	data     []byte
	tmp      string
	same     bool // dest already holds exactly data
	replaces bool // dest holds something else, which data replaces
}

// fileSet is what one content file's build changes in the output folder,
// all of it together: the PDFs it made, and the PDFs of its name that no
// longer belong beside them (a format the content no longer makes, or one
// made from an older version of it).
type fileSet struct {
	dir    string
	name   string // the handout's name: its PDFs are NAME-KIND.pdf
	source string
	digest [32]byte // the content's, which the manifest records
	write  []*pending
	remove []string // paths
	// hook, set only by tests, is called at each step of a commit so that
	// a test can stop the process there, as a crash or SIGKILL would.
	hook func(step string)
}

// The commit of a set, step by step (what the hook is told).
const (
	stepTemps     = "temporary files written"
	stepCommitted = "commit record written"
	stepRenamed   = "renamed "
	stepDone      = "all renamed"
)

// manifest is the record of a file's set in the output folder,
// .NAME.handouts: the content the PDFs of that name were made from. While
// a set is being put in place it is .NAME.handouts.commit and also says
// what is being done, so that the next build can finish it (see recover).
type manifest struct {
	Source  string   `json:"source"`
	Content string   `json:"content"` // SHA-256 of the content file, hex
	Renames []rename `json:"renames,omitempty"`
	Remove  []string `json:"remove,omitempty"`
}

type rename struct {
	From string `json:"from"` // a temporary file in the folder
	To   string `json:"to"`   // a PDF in the folder
}

func manifestPath(dir, name string) string { return filepath.Join(dir, "."+name+".handouts") }

const commitSuffix = ".commit"

// readManifest returns the content digest recorded for name's PDFs, or ""
// when there is no record (the folder was written by an older version, or
// by hand).
func readManifest(dir, name string) string {
	b, err := os.ReadFile(manifestPath(dir, name))
	if err != nil || len(b) > 64<<10 {
		return ""
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil {
		return ""
	}
	return m.Content
}

// commit writes a file's set so that, whatever stops it (a full disk, a
// folder in the way, SIGKILL, a power cut), the folder ends up holding
// either all of its old PDFs or all of its new ones:
//
//  1. Every new PDF is written to a temporary file beside its destination
//     and synced to disk. A PDF whose file already holds exactly its bytes
//     (builds are reproducible, so most of a rebuild is) is left in place
//     and only has its modification time brought up to date: replacing a
//     file means freeing the old one, which on some filesystems costs more
//     than the rest of writing it. If any cannot be written nothing is
//     renamed and the temporary files are removed, and the error names the
//     PDF at fault.
//  2. When more than one file changes and an old PDF is replaced or
//     removed, a commit record listing the renames and removals is written
//     and synced, with the folder; from then on the set is new. (A set that
//     only adds PDFs has no old one to keep apart from the new.) The renames and removals follow, and the record becomes
//     the file's manifest. A build stopped among the renames leaves the
//     record, and the next build into the folder finishes the set before
//     anything else (recoverSets). One rename alone is atomic and needs no
//     record.
//  3. The manifest records the content the set was made from, so that a
//     build of only some formats can tell which others are out of date.
func (s *fileSet) commit() error {
	open, err := s.writeTemps()
	if err != nil {
		return s.abandon(open, err)
	}
	// Renaming a file whose bytes are still only in memory would, after a
	// power cut, leave an empty PDF where the old one was. The files are
	// synced after all are written, and at once, so that the filesystem can
	// put them on disk in one journal commit (ext4 groups the syncs it is
	// waiting on) rather than one after another.
	if err := syncAll(open); err != nil {
		return s.abandon(nil, err)
	}
	s.step(stepTemps)
	m := s.changes()
	record := manifestPath(s.dir, s.name)
	// A set that replaces nothing needs no record: stopped among its
	// renames, it leaves some new PDFs and no old one beside them, and
	// the next build, finding no manifest, writes the rest. (Into an empty
	// folder this saves two of a set's five syncs.)
	journal := len(m.Renames)+len(m.Remove) > 1 && !s.replacesNothing(m)
	if journal {
		if err := writeRecord(record+commitSuffix, m, true); err != nil {
			return s.abandon(nil, fmt.Errorf("cannot write %s: %w", record+commitSuffix, unwrapPath(err)))
		}
		s.step(stepCommitted)
	}
	if _, err := apply(s.dir, m, s.step); err != nil {
		// Renaming within one folder does not fail once the checks above
		// passed, short of the folder changing under us. A commit record
		// lets the next build finish what is left; without one, nothing
		// was replaced.
		if !journal {
			s.abandon(nil, nil)
		}
		return fmt.Errorf("cannot write the PDFs of %s: %w", filepath.Join(s.dir, s.name), unwrapPath(err))
	}
	for _, p := range s.write {
		p.tmp = ""
	}
	s.step(stepDone)
	return s.keepRecord(record, m, journal)
}

// abandon closes the temporary files still open, removes every temporary
// file of the set, and returns err.
func (s *fileSet) abandon(open []tempFile, err error) error {
	for _, w := range open {
		w.f.Close()
	}
	for _, p := range s.write {
		if p.tmp != "" {
			os.Remove(p.tmp)
			p.tmp = ""
		}
	}
	return err
}

// writeTemps writes each PDF whose bytes changed to a temporary file
// beside it, and marks those that already hold their bytes (same) and
// those that replace a file. It returns the files written, not yet synced
// and still open, on error too.
func (s *fileSet) writeTemps() ([]tempFile, error) {
	var open []tempFile
	for _, p := range s.write {
		// A folder (or a device, or a dangling link) in the way would only
		// show when renaming, after other formats had been replaced.
		// (A symbolic link is fine: renaming replaces the link itself.)
		if info, err := os.Lstat(p.dest); err == nil && !info.Mode().IsRegular() && info.Mode()&fs.ModeSymlink == 0 {
			what := "a folder"
			if !info.IsDir() {
				what = "not a regular file"
			}
			return open, fmt.Errorf("cannot write %s: it is %s; move it away", p.dest, what)
		} else if err == nil && holds(p.dest, info, p.data) {
			p.same = true
			continue
		} else if err == nil {
			p.replaces = true
		}
		tmp, err := os.CreateTemp(filepath.Dir(p.dest), tempPrefix(p.dest)+"*.tmp")
		if err != nil {
			return open, fmt.Errorf("cannot write %s: %w", p.dest, unwrapPath(err))
		}
		p.tmp = tmp.Name()
		open = append(open, tempFile{tmp, p.dest})
		_, err = tmp.Write(p.data)
		if err == nil {
			err = tmp.Chmod(0o644)
		}
		if err != nil {
			return open, fmt.Errorf("cannot write %s: %w", p.dest, unwrapPath(err))
		}
	}
	return open, nil
}

// changes is the set's manifest with its renames and removals. A PDF that
// already holds its bytes only has its time brought up to date.
func (s *fileSet) changes() manifest {
	now := time.Now()
	m := manifest{Source: s.source, Content: hex.EncodeToString(s.digest[:])}
	for _, p := range s.write {
		if p.same {
			// Only the time changes; failing to change it (a file of
			// another user's) leaves the right bytes in place.
			os.Chtimes(p.dest, now, now)
			continue
		}
		m.Renames = append(m.Renames, rename{filepath.Base(p.tmp), filepath.Base(p.dest)})
	}
	for _, r := range s.remove {
		if info, err := os.Lstat(r); err == nil && info.Mode().IsRegular() {
			m.Remove = append(m.Remove, filepath.Base(r))
		}
	}
	return m
}

// keepRecord makes the set's manifest after its renames: the commit
// record, when there is one, or a record written now when the set
// changed.
func (s *fileSet) keepRecord(record string, m manifest, journal bool) error {
	if journal {
		// Should this fail, the next build finds the record and, with
		// nothing left to do, makes it the manifest.
		os.Rename(record+commitSuffix, record)
		return nil
	}
	if len(m.Renames)+len(m.Remove) == 0 && readManifest(s.dir, s.name) == m.Content {
		return nil // a rebuild that changed nothing
	}
	// The record of a one-file change need not reach the disk before
	// anything else: without it a later build only leaves more in place.
	m.Renames, m.Remove = nil, nil
	return writeRecord(record, m, false)
}

// tempFile is a PDF's temporary file, written and not yet synced.
type tempFile struct {
	f    *os.File
	dest string
}

// syncAll syncs and closes every file, each in its own goroutine, and
// returns the first failure in the files' order, naming its PDF.
func syncAll(files []tempFile) error {
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, w := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := w.f.Sync()
			if cerr := w.f.Close(); err == nil {
				err = cerr
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", files[i].dest, unwrapPath(err))
		}
	}
	return nil
}

// replacesNothing reports whether the set, whose record is m, only adds
// PDFs: none of its destinations held a file and it removes none.
func (s *fileSet) replacesNothing(m manifest) bool {
	if len(m.Remove) > 0 {
		return false
	}
	for _, p := range s.write {
		if p.replaces {
			return false
		}
	}
	return true
}

func (s *fileSet) step(name string) {
	if s.hook != nil {
		s.hook(name)
	}
}

// apply does a commit's renames and removals in dir, and counts them;
// done ones (a temporary file already renamed, a PDF already removed) are
// passed over, so that finishing a commit again is harmless.
func apply(dir string, m manifest, step func(string)) (n int, err error) {
	for _, r := range m.Renames {
		err := os.Rename(filepath.Join(dir, r.From), filepath.Join(dir, r.To))
		if err == nil {
			n++
		} else if !errors.Is(err, fs.ErrNotExist) {
			return n, err
		}
		step(stepRenamed + r.To)
	}
	for _, r := range m.Remove {
		err := os.Remove(filepath.Join(dir, r))
		if err == nil {
			n++
		} else if !errors.Is(err, fs.ErrNotExist) {
			return n, err
		}
	}
	return n, nil
}

// writeRecord writes a manifest or commit record by renaming a complete
// temporary file into place; durable syncs it, and the folder after the
// rename, before returning.
func writeRecord(path string, m manifest, durable bool) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix(path)+"*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append(b, '\n'))
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil && durable {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if durable {
		return syncDir(filepath.Dir(path))
	}
	return nil
}

// syncDir makes the folder's entries (a rename) durable. Windows cannot
// sync a folder (NTFS journals its renames itself).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
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

// tempPrefix names a temporary file by the file it becomes and the process
// writing it, so that a later build can tell its own leftovers (from a
// process that was killed) from another build's work in progress.
func tempPrefix(dest string) string {
	return fmt.Sprintf(".%s.%d-", strings.TrimPrefix(filepath.Base(dest), "."), os.Getpid())
}

// ourTemp matches the temporary files this tool makes in an output folder:
// .NAME.pdf.PID-RANDOM.tmp, .NAME.handouts[.commit].PID-RANDOM.tmp, and
// .NAME.pdf.RANDOM.tmp from older versions, which did not name the process.
var ourTemp = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\..+\.(?:pdf|handouts|handouts\.commit)\.(?:(\d+)-)?\d+\.tmp$`)
})

// ourCommit matches a commit record, .NAME.handouts.commit.
var ourCommit = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\.(.+)\.handouts\.commit$`)
})

// staleAge is how old a leftover without a process id must be before it
// is taken for stale rather than another build's work in progress.
const staleAge = 10 * time.Minute

// tidy readies an output folder, which the build has locked, for writing:
// it finishes the sets that builds stopped while renaming left (recoverSets),
// then deletes the temporary files that builds killed before they could
// clean up (SIGKILL, a power cut) left. Files of a process still running
// are left alone: it may be a build of an older version, which took no
// lock. It returns a note for each set it finished.
func tidy(dir string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	// A name without the patterns' fixed start and end is not matched
	// against them: an output folder holds PDFs, their records and the
	// lock, and most builds need not compile either pattern.
	var notes []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".handouts.commit") {
			continue
		}
		if m := ourCommit().FindStringSubmatch(e.Name()); m != nil && e.Type().IsRegular() {
			if note := recoverSet(dir, m[1]); note != "" {
				notes = append(notes, note)
			}
		}
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".tmp") {
			continue
		}
		m := ourTemp().FindStringSubmatch(e.Name())
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
		os.Remove(filepath.Join(dir, e.Name())) // gone already if recoverSet renamed it
	}
	return notes
}

// recoverSet finishes the commit of name's set that a stopped build left:
// its record was complete and on disk before the first rename, so every
// new PDF is there to rename. A record that names anything but its own
// set's files is not ours to follow, and is left as it is.
func recoverSet(dir, name string) string {
	record := manifestPath(dir, name)
	b, err := os.ReadFile(record + commitSuffix)
	if err != nil || len(b) > 64<<10 {
		return ""
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil {
		return fmt.Sprintf("%s: unreadable, left as it is; the PDFs of %s may be from two builds: build it again", record+commitSuffix, name)
	}
	ours := func(pdf string) bool {
		return filepath.Base(pdf) == pdf && strings.HasPrefix(pdf, name+"-") && strings.HasSuffix(pdf, ".pdf")
	}
	for _, r := range m.Renames {
		if !ours(r.To) || filepath.Base(r.From) != r.From || !strings.HasPrefix(r.From, "."+r.To+".") || !ourTemp().MatchString(r.From) {
			return ""
		}
	}
	for _, r := range m.Remove {
		if !ours(r) {
			return ""
		}
	}
	n, err := apply(dir, m, func(string) {})
	if err != nil {
		return fmt.Sprintf("%s: a build was stopped while writing the PDFs of %s, and they could not be finished: %v", dir, name, unwrapPath(err))
	}
	os.Rename(record+commitSuffix, record)
	if n == 0 {
		return "" // stopped after its last rename: nothing was left to do
	}
	return fmt.Sprintf("the PDFs of %s were left half-replaced by a build that was stopped; finished them as that build made them", filepath.Join(dir, name))
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
