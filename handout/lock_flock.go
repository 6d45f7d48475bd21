//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package handout

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockName is the file in an output folder that builds into it lock.
const lockName = ".handouts.lock"

// lockOutput takes the output folder's lock, so that two builds into one
// folder (two terminals, a watch beside a build, two CI jobs) never write
// at once, or finish each other's sets, and a file's PDFs are never from
// both. When another build holds it, waiting is called with that build's
// process id (0 if unknown) and the build waits its turn, or until ctx
// ends. The lock is the operating system's (flock): a build that dies
// releases it with its process, so there is nothing stale to clear.
func lockOutput(ctx context.Context, dir string, waiting func(pid int)) (unlock func(), err error) {
	path := filepath.Join(dir, lockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot lock output folder %s: %w", dir, unwrapPath(err))
	}
	err = flock(f, syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		if waiting != nil {
			b := make([]byte, 20)
			n, _ := f.ReadAt(b, 0)
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b[:n])))
			waiting(pid)
		}
		got := make(chan error, 1)
		go func() { got <- flock(f, syscall.LOCK_EX) }()
		select {
		case err = <-got:
		case <-ctx.Done():
			// The waiting call cannot be called off; when it returns,
			// give the lock back at once.
			go func() {
				<-got
				f.Close()
			}()
			return nil, ctx.Err()
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot lock output folder %s: %w", dir, err)
	}
	// Who holds it, for the message of the next build that waits.
	if f.Truncate(0) == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() { f.Close() }, nil
}

// flock retries a call that a signal cut short.
func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
