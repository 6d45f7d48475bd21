package serve

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrNotLoopback refuses an address other people could reach when no
// access token is set. The command line exits 2 on it.
var ErrNotLoopback = errors.New("not a loopback address")

// CheckAddr refuses an address that is not loopback unless a token will be
// required: the page shows patients' names, so by default only this
// computer may reach it.
func CheckAddr(addr string, token bool) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: use host:port, such as 127.0.0.1:8080", addr)
	}
	if _, err := net.LookupPort("tcp", port); err != nil || port == "" {
		return fmt.Errorf("--addr %q: %q is not a port", addr, port)
	}
	if token || isLoopback(host) {
		return nil
	}
	if host == "" {
		addr += " (every network interface)"
	}
	return fmt.Errorf("refusing to listen on %s: it is %w, so other computers could reach it, and this page shows patients' names; set HANDOUTS_TOKEN to require an access token, or use --addr 127.0.0.1:%s", addr, ErrNotLoopback, port)
}

// MinTokenLength is the shortest access token serve accepts. The token is
// all that stands between the network and patients' names, and a word or a
// PIN can be guessed by trying, request after request; 16 characters of
// `openssl rand -hex 16` (it gives 32) cannot.
const MinTokenLength = 16

// CheckToken refuses an access token too short to be safe. It never
// repeats the token: it is a secret, and messages end up in logs.
func CheckToken(token string) error {
	if token == "" {
		return nil
	}
	if n := utf8.RuneCountInString(token); n < MinTokenLength {
		return fmt.Errorf("HANDOUTS_TOKEN has %d characters; it is all that keeps patients' names from the network, so it needs at least %d, such as HANDOUTS_TOKEN=$(openssl rand -hex 16)", n, MinTokenLength)
	}
	return nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Timeouts of the HTTP server: slow clients cannot hold connections, and
// a render that waits its turn (RenderTimeout) still has time to be sent.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 30 * time.Second
)

// Run serves on addr until ctx is done, then finishes the requests in
// flight and returns nil. ready, when set, is called with the address
// being served (useful with port 0).
func Run(ctx context.Context, addr string, s *Server, ready func(addr string)) error {
	if err := CheckAddr(addr, s.cfg.Token != ""); err != nil {
		return err
	}
	// An IPv4 address, 0.0.0.0 included, binds IPv4 only: Go would
	// otherwise take 0.0.0.0 as every interface of both families.
	network := "tcp"
	if host, _, _ := net.SplitHostPort(addr); net.ParseIP(host) != nil && net.ParseIP(host).To4() != nil {
		network = "tcp4"
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      s.cfg.RenderTimeout + readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(s.cfg.Log, "", log.LstdFlags),
	}
	if ready != nil {
		ready(OpenAddr(ln.Addr().String()))
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err = srv.Shutdown(sctx)
	<-done
	return err
}

// OpenAddr is an address a person can open for a listening one: a
// wildcard bind (0.0.0.0, [::] or no host) is reached on this computer as
// 127.0.0.1 (or [::1] for IPv6 only), with the same port.
func OpenAddr(listening string) string {
	host, port, err := net.SplitHostPort(listening)
	if err != nil {
		return listening
	}
	ip := net.ParseIP(host)
	switch {
	case host == "" || ip != nil && ip.Equal(net.IPv4zero):
		return net.JoinHostPort("127.0.0.1", port)
	case ip != nil && ip.Equal(net.IPv6unspecified):
		return net.JoinHostPort("127.0.0.1", port)
	}
	return listening
}

// Wildcard reports whether addr binds every interface.
func Wildcard(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "" || ip != nil && ip.IsUnspecified()
}

func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
