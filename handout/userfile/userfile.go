// Package userfile reads the files a user names (content, brand file,
// logo, fonts) with a size limit, and only when they are regular files.
// A symlink to /dev/zero would otherwise be read until memory runs out, a
// FIFO would block the build forever, and a device's size is 0 to Stat, so
// checking the size before reading is not enough: the read itself stops
// one byte past the limit.
package userfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// TooLargeError is a file over its limit. Callers name the kind of file
// and the limit in their own words.
type TooLargeError struct {
	Path  string
	Limit int64
	Size  int64 // the size seen, or -1 when the file grew while being read
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %s", e.Path, Size(e.Limit))
}

// ErrNotRegular is returned for devices, pipes, sockets and folders.
var ErrNotRegular = errors.New("not a regular file")

// Read returns the contents of the regular file at path (symlinks
// followed), at most limit bytes; a longer file is a *TooLargeError.
// Errors other than that one say what is wrong without repeating the path
// (the caller's message names it), as os.PathError's inner error does.
func Read(path string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, inner(err)
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	// Non-blocking, so that a regular file swapped for a FIFO after the
	// check cannot block the open; the second check then refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, inner(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, inner(err)
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, &TooLargeError{Path: path, Limit: limit, Size: info.Size()}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, inner(err)
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit, Size: -1}
	}
	return data, nil
}

func regular(info fs.FileInfo) error {
	switch m := info.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("is a folder, %w", ErrNotRegular)
	case m&fs.ModeNamedPipe != 0:
		return fmt.Errorf("is a named pipe (FIFO), %w", ErrNotRegular)
	case m&fs.ModeDevice != 0:
		return fmt.Errorf("is a device, %w", ErrNotRegular)
	case m&fs.ModeSocket != 0:
		return fmt.Errorf("is a socket, %w", ErrNotRegular)
	}
	return ErrNotRegular
}

func inner(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Size is a limit in words: "8 MB", "512 KB".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
