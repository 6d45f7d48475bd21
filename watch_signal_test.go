//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The real binary, watching, stops on Ctrl-C (SIGINT) and on SIGTERM with
// exit 0 and "stopped watching": the signal ends the command's context,
// and the watch returns.
func TestWatchStopsOnSignal(t *testing.T) {
	t.Parallel()
	bin := handoutsBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			cmd := exec.Command(bin, "build", "--watch", "-o", out, "testdata/minimal.yaml")
			var stdout, stderr syncBuffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			logs := func() string { return "--- stdout:\n" + stdout.String() + "--- stderr:\n" + stderr.String() }
			eventually(t, "the watch to start", func() bool { return strings.Contains(stdout.String(), "watching ") }, func() string {
				cmd.Process.Kill()
				return logs()
			})
			cmd.Process.Signal(sig)
			select {
			case err := <-done:
				if err != nil || !strings.HasSuffix(stdout.String(), "stopped watching\n") {
					t.Errorf("after %v: %v, want exit 0 and \"stopped watching\"\n%s", sig, err, logs())
				}
			case <-time.After(20 * time.Second): // liveness only
				cmd.Process.Kill()
				t.Fatalf("still running 20 s after %v\n%s", sig, logs())
			}
		})
	}
}
