//go:build unix

package userfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	os.WriteFile(file, []byte("0123456789"), 0o644)
	link := filepath.Join(dir, "link.yaml")
	os.Symlink(file, link)

	for _, p := range []string{file, link} {
		if data, err := Read(p, 10); err != nil || string(data) != "0123456789" {
			t.Errorf("%s: %q, %v", p, data, err)
		}
	}
	// One byte over: refused, with the size seen.
	var big *TooLargeError
	if _, err := Read(file, 9); !errors.As(err, &big) || big.Size != 10 || big.Limit != 9 {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "none"), 10); !errors.Is(err, os.ErrNotExist) || strings.Contains(err.Error(), dir) {
		t.Errorf("missing file: %v (want the bare cause, the caller names the path)", err)
	}
}

// Devices, pipes and folders are refused before they are read: a symlink
// to /dev/zero would be read until memory ran out, and a FIFO would block
// forever (opening it for reading waits for a writer).
func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.png")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		zero: "is a device, not a regular file",
		fifo: "is a named pipe (FIFO), not a regular file",
		dir:  "is a folder, not a regular file",
	} {
		_, err := Read(path, 1<<20)
		if !errors.Is(err, ErrNotRegular) || err.Error() != want {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

// A file whose size Stat does not know (0 for /proc files) is still read
// only to one byte past the limit.
func TestReadLimitsWhatStatCannotSee(t *testing.T) {
	const proc = "/proc/self/status"
	info, err := os.Stat(proc)
	if err != nil || info.Size() != 0 {
		t.Skip("no /proc file that Stat sizes as 0")
	}
	var big *TooLargeError
	if _, err := Read(proc, 16); !errors.As(err, &big) || big.Size != -1 {
		t.Errorf("err = %v, want too large with the size unknown", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{8 << 20: "8 MB", 512 << 10: "512 KB", 1000: "1000 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
