//go:build linux

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"handouts/internal/tooltest"
)

// openPTY opens a pseudo-terminal: what the program writes to tty, the test
// reads from pt. It fails under CI=true when the machine has none, like a
// missing tool.
func openPTY(t *testing.T) (pt, tty *os.File) {
	t.Helper()
	pt, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		tooltest.Missing(t, "no pseudo-terminal: %v", err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, pt.Fd(), req, uintptr(arg)); e != 0 {
			return e
		}
		return nil
	}
	var unlock int32
	var n uint32
	if err := ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Fatalf("unlock pty: %v", err)
	}
	if err := ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Fatalf("pty number: %v", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		pt.Close()
		t.Fatalf("open pty: %v", err)
	}
	return pt, tty
}

// On a terminal, build draws a progress bar, lists each PDF with its pages
// and size, and prints the warnings in full; the summary line ends it.
func TestTerminalOutput(t *testing.T) {
	t.Parallel()
	pt, tty := openPTY(t)
	defer pt.Close()
	var screen bytes.Buffer
	done := make(chan struct{})
	go func() {
		io.Copy(&screen, pt) // ends with EIO once the terminal side is closed
		close(done)
	}()
	out := t.TempDir()
	code := runWith(t, nil, tty, tty, "build", "--out", out, seed)
	tty.Close()
	<-done
	text := strings.ReplaceAll(screen.String(), "\r\n", "\n")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, text)
	}
	want := []string{
		"[" + strings.Repeat("#", 30) + "] 1/1", // the bar, full
		"\033[K",                                // then cleared
		seed + ":",                              // warnings in full, with their place
		pdfPath(out, "group-therapy", "guide"), "4 pages",
		pdfPath(out, "group-therapy", "summary"), "1 page ",
		pdfPath(out, "group-therapy", "faq"), "1 page ",
		"3 PDFs written (",
	}
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("terminal output lacks %q in order; it was:\n%s", w, text)
		}
		rest = rest[i+len(w):]
	}
	if strings.Contains(text, "see `handouts check`") {
		t.Errorf("on a terminal the warnings are shown, not referred to:\n%s", text)
	}
}
