package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
)

func TestServeRefusesWhatItCannotDoSafely(t *testing.T) {
	t.Parallel()
	// Other computers could reach it, and no token is set: exit 2, at once.
	requireUsageError(t, runCLI(t, nil, "serve", "--addr", "0.0.0.0:8080"), "not a loopback address", "HANDOUTS_TOKEN")
	requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_ADDR": ":8080"}, "serve"), "every network interface")
	requireUsageError(t, runCLI(t, nil, "serve", "--addr", "8080"), "host:port")
	requireUsageError(t, runCLI(t, nil, "serve", "data", "more"), "one folder")
	// A token that can be guessed is refused, without being repeated; one
	// of 16 characters gets past the check (to the missing folder).
	short := map[string]string{"HANDOUTS_TOKEN": "letmein-2026"}
	r := runCLI(t, short, "serve", "--addr", "0.0.0.0:8080")
	requireUsageError(t, r, "HANDOUTS_TOKEN has 12 characters", "at least 16", "openssl rand -hex 16")
	if strings.Contains(r.stderr+r.stdout, "letmein") {
		t.Errorf("the message repeats the token:\n%s", r)
	}
	r = runCLI(t, map[string]string{"HANDOUTS_TOKEN": "0123456789abcdef"}, "serve", "--addr", "0.0.0.0:0", "no-such-folder")
	if r.code != 1 || !strings.Contains(r.stderr, "no-such-folder: no such folder") {
		t.Errorf("a 16-character token:\n%s", r)
	}
	// A token read from a file saved on Windows ends in "\r": trimmed,
	// and usable. One of spaces or line breaks alone is refused at start.
	r = runCLI(t, map[string]string{"HANDOUTS_TOKEN": "0123456789abcdef\r\n"}, "serve", "--addr", "0.0.0.0:0", "no-such-folder")
	if r.code != 1 || !strings.Contains(r.stderr, "no-such-folder: no such folder") {
		t.Errorf("a token ending in a carriage return:\n%s", r)
	}
	for _, blank := range []string{"   ", "\r\n", " \t "} {
		requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_TOKEN": blank}, "serve", "--addr", "0.0.0.0:0"), "HANDOUTS_TOKEN is only spaces or line breaks")
	}
	requireUsageError(t, runCLI(t, map[string]string{"HANDOUTS_TOKEN": "0123456789\x00abcdef"}, "serve", "--addr", "0.0.0.0:0"), "control character")
	r = runCLI(t, nil, "serve", "--addr", "127.0.0.1:0", "no-such-folder")
	if r.code != 1 || !strings.Contains(r.stderr, "no-such-folder: no such folder") {
		t.Errorf("missing folder:\n%s", r)
	}
	r = runCLI(t, nil, "serve", "--addr", "127.0.0.1:0", "--primary-color", "teal-ish", "data")
	if r.code != 1 || !strings.Contains(r.stderr, "--primary-color") {
		t.Errorf("bad brand:\n%s", r)
	}
	r = runCLI(t, nil, "serve", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "Examples:") || !strings.Contains(r.stdout, "--addr HOST:PORT") || !strings.Contains(r.stdout, "HANDOUTS_ADDR") {
		t.Errorf("serve --help:\n%s", r)
	}
}

// notify tells the test when the server prints its address.
type notify struct {
	syncBuffer
	addr chan string
	once sync.Once
}

var openLine = regexp.MustCompile(`Open (http://\S+/) in a browser`)

func (n *notify) Write(p []byte) (int, error) {
	k, err := n.syncBuffer.Write(p)
	if m := openLine.FindStringSubmatch(n.String()); m != nil {
		n.once.Do(func() { n.addr <- m[1] })
	}
	return k, err
}

func TestServeStartsAndStopsOnSignal(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := &notify{addr: make(chan string, 1)}
	stderr := &syncBuffer{}
	env := map[string]string{"HANDOUTS_ADDR": "127.0.0.1:0"}
	code := make(chan int, 1)
	go func() {
		// urfave/cli is not safe to run twice at once (see runMu): hold
		// the lock for the whole run, as the watch test does.
		runMu.Lock()
		defer runMu.Unlock()
		code <- run(ctx, []string{"handouts", "serve", "--brand", "data/brand/brand.yaml"}, stdout, stderr, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	}()
	base := <-stdout.addr
	resp, err := http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Riverbend Wellness Clinic") || !strings.Contains(string(body), "Group therapy") {
		t.Errorf("GET / = %d\n%.300s", resp.StatusCode, body)
	}
	cancel() // what SIGINT or SIGTERM does, through main's NotifyContext
	if c := <-code; c != 0 {
		t.Errorf("exit %d after the signal\n%s\n%s", c, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "Serving the handouts in data with brand data/brand/brand.yaml") {
		t.Errorf("start message:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "GET / 200") {
		t.Errorf("request log:\n%s", stderr.String())
	}
}

// A wildcard bind prints an address a person can open, not http://[::]:P/
// or http://0.0.0.0:P/, and binds IPv4 only when given an IPv4 address.
func TestServePrintsAnAddressToOpen(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	stdout := &notify{addr: make(chan string, 1)}
	stderr := &syncBuffer{}
	env := map[string]string{"HANDOUTS_TOKEN": "0123456789abcdef"}
	code := make(chan int, 1)
	go func() {
		runMu.Lock()
		defer runMu.Unlock()
		code <- run(ctx, []string{"handouts", "serve", "--addr", "0.0.0.0:0"}, stdout, stderr, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	}()
	base := <-stdout.addr
	cancel()
	if c := <-code; c != 0 {
		t.Errorf("exit %d\n%s\n%s", c, stdout.String(), stderr.String())
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/$`).MatchString(base) || !strings.Contains(stdout.String(), "other computers use this computer's name or address") {
		t.Errorf("start message:\n%s", stdout.String())
	}
}
