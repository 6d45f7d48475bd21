// Package serve is `handouts serve`: a small web page for the front desk
// to find a handout, add a patient's name and a note, preview it and print
// it, and a JSON API for scripts and health-record systems. It renders
// through package handout, in memory.
//
// Personal health information: a patient's name beside a diagnosis
// handout is PHI. Personalised PDFs are made in memory for one response and
// never written, cached or logged; renders are POST only, so names stay out
// of URLs; every response says Cache-Control: no-store; the request log
// holds only the method, the path without its query, the status and the
// duration.
package serve

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
)

// Config is one server.
type Config struct {
	Dir     string // the folder of content files
	Brand   *brand.Brand
	Version string
	// Token, when set, is required on every request: through the login
	// form's cookie or an Authorization: Bearer header.
	Token string
	// Log receives one line per request; nil discards them.
	Log io.Writer
	// RenderTimeout bounds how long a render may wait for its turn; 0
	// means 30 s.
	RenderTimeout time.Duration
	// MaxRenders is how many renders run at once; 0 means one per CPU.
	// The rest wait their turn.
	MaxRenders int
	// MaxPages caps the pages of one render, a packet's above all; 0
	// means 200. A packet repeats no handout.
	MaxPages int
	// Now is the clock for "reviewed long ago" warnings and the form's
	// default date; nil means time.Now.
	Now func() time.Time
}

// Server is the handler of `handouts serve`.
type Server struct {
	cfg     Config
	lib     *library
	slots   chan struct{}  // one token per render running
	waiting atomic.Int64   // renders and parses waiting for a slot
	onWait  func()         // tests: called as a request starts waiting for a slot
	cache   *handout.Cache // the logo and font subsets renders share
	css     string         // brand.css: the clinic's colours and fonts
	pages   *template.Template
	log     *log.Logger
	handler http.Handler

	// Sessions of the sign-in form: a random id each, in memory only, so
	// a restart or a new token ends them all.
	smu      sync.Mutex
	sessions map[string]time.Time // id → when it ends
}

// Limits.
const (
	maxBody        = 64 << 10 // a render request is a few hundred bytes
	maxPacket      = 20       // handouts in one packet
	maxPacketPages = 200      // pages in one render; a packet of 20 guides in large print stays under it
	sessionCookie  = "handouts_session"
	// sessionLife is a clinic day: a desk signed in in the morning stays
	// signed in until closing, and not overnight.
	sessionLife     = 12 * time.Hour
	maxSessions     = 10000 // the oldest ends first beyond it
	defaultRenderTO = 30 * time.Second
)

// New makes a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Brand == nil {
		return nil, fmt.Errorf("serve: no brand")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RenderTimeout <= 0 {
		cfg.RenderTimeout = defaultRenderTO
	}
	if cfg.MaxRenders <= 0 {
		cfg.MaxRenders = runtime.NumCPU()
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = maxPacketPages
	}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	css, err := brandCSS(cfg.Brand)
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		slots:    make(chan struct{}, cfg.MaxRenders),
		cache:    handout.NewCache(),
		css:      css,
		pages:    pages,
		log:      log.New(cfg.Log, "", log.LstdFlags),
		sessions: map[string]time.Time{},
	}
	s.lib = newLibrary(cfg.Dir, cfg.Brand, cfg.Now, s.acquire, s.release, s.log)
	if cfg.Token != "" {
		tok, err := NormalizeToken(cfg.Token)
		if err != nil {
			return nil, err
		}
		s.cfg.Token = tok
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.libraryPage)
	mux.HandleFunc("GET /handout/{name}", s.handoutPage)
	mux.HandleFunc("GET /packet", s.packetPage)
	mux.HandleFunc("POST /render", s.renderForm)
	mux.HandleFunc("POST /api/render", s.renderAPI)
	// Renders are POST only, so a name never reaches a URL, a browser's
	// history or a proxy's log.
	mux.HandleFunc("/render", s.postOnly)
	mux.HandleFunc("/api/render", s.postOnly)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)
	mux.HandleFunc("GET /static/{file}", s.static)
	mux.HandleFunc("GET /brand/logo", s.logo)
	mux.HandleFunc("GET /favicon.ico", s.favicon)
	mux.HandleFunc("GET /brand/font/{style}", s.font)
	mux.HandleFunc("/", s.notFound)
	s.handler = s.logged(s.secured(mux))
	return s, nil
}

// acquire takes a render slot, waiting for one until ctx is done; false
// means it is done first.
func (s *Server) acquire(ctx context.Context) bool {
	s.waiting.Add(1)
	defer s.waiting.Add(-1)
	if s.onWait != nil {
		s.onWait()
	}
	select {
	case s.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Server) release() { <-s.slots }

func (s *Server) postOnly(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "POST")
	s.fail(w, r, http.StatusMethodNotAllowed, "renders are made by POST only, so that patients' names never appear in addresses", nil)
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// recorder remembers the status for the log.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// logged writes one line per request: method, path without the query,
// status and duration. Never the query, headers or body, which may hold a
// patient's name.
func (s *Server) logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		s.log.Printf("%s %s %d %s", r.Method, r.URL.Path, rec.status, time.Since(start).Round(100*time.Microsecond))
	})
}

// secured sets the headers every response carries, checks the Origin of
// state-changing requests and, with a token, that the request carries it.
func (s *Server) secured(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		// same-origin, not no-referrer: under no-referrer browsers send
		// "Origin: null" on the page's own form posts, which the origin
		// check cannot tell from a sandboxed page's. Other sites still get
		// no referrer.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		if s.cfg.Token == "" && !loopbackHost(r.Host) {
			// Without a token only this computer may ask, and a browser
			// asks by a loopback name. Any other name is a web page that
			// pointed its own domain at 127.0.0.1 (DNS rebinding).
			s.fail(w, r, http.StatusForbidden, "this server answers only to http://127.0.0.1 or http://localhost addresses", nil)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
			s.fail(w, r, http.StatusForbidden, "This request came from another web page, so it was refused to keep patients' details safe. Open the handouts page at this computer's own address and try again.", nil)
			return
		}
		if s.cfg.Token != "" && !s.open(r) && !s.authorized(r) {
			if r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" {
				http.Redirect(w, r, "/login", http.StatusSeeOther)
				return
			}
			h.Set("WWW-Authenticate", `Bearer realm="handouts"`)
			s.fail(w, r, http.StatusUnauthorized, "an access token is required: sign in at /login, or send Authorization: Bearer <token>", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sameOrigin is the CSRF check of every request that is not a GET. A
// browser marks a request another site made, by one of two headers:
//   - Sec-Fetch-Site (Chromium, Firefox, Safari 16.4+): cross-site and
//     same-site (another subdomain) are refused; same-origin is this page.
//   - Origin: a browser sends it on every cross-origin POST. An origin
//     naming another host is refused. "null" is what a sandboxed frame or
//     a file: page sends, and also what a same-origin form sends under
//     Referrer-Policy no-referrer (ours is same-origin, but a proxy may
//     rewrite it): it passes only with Sec-Fetch-Site: same-origin, which
//     a page cannot forge.
//
// No Origin and no Sec-Fetch-Site is not a browser (curl, scripts): those
// carry no one else's cookie, and with a token they must carry the token.
func sameOrigin(r *http.Request) bool {
	site := r.Header.Get("Sec-Fetch-Site")
	switch site {
	case "cross-site", "same-site":
		return false
	}
	o := r.Header.Get("Origin")
	switch {
	case o == "":
		return true
	case o == "null":
		return site == "same-origin"
	}
	u, err := url.Parse(o)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// loopbackHost reports whether a Host header names this computer.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	return isLoopback(host)
}

// open are the requests the login page itself needs.
func (s *Server) open(r *http.Request) bool {
	p := r.URL.Path
	// The clinic's logo and fonts are not secret: the sign-in page shows them.
	return p == "/login" || p == "/logout" || p == "/favicon.ico" || strings.HasPrefix(p, "/static/") || strings.HasPrefix(p, "/brand/")
}

func (s *Server) authorized(r *http.Request) bool {
	if c, err := r.Cookie(sessionCookie); err == nil && s.live(c.Value) {
		return true
	}
	if a := r.Header.Get("Authorization"); len(a) > 7 && strings.EqualFold(a[:7], "Bearer ") {
		return equal(strings.TrimSpace(a[7:]), s.cfg.Token)
	}
	return false
}

// equal compares in constant time; hashing first hides the length too.
func equal(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

// NormalizeToken trims the access token as it is read from the
// environment (an env file saved on Windows ends its lines in "\r") and
// refuses one that is blank, holds a control character, or is too short.
// It never repeats the token: it is a secret, and messages end up in logs.
func NormalizeToken(token string) (string, error) {
	if token == "" {
		return "", nil
	}
	t := strings.TrimSpace(token)
	if t == "" {
		return "", fmt.Errorf("HANDOUTS_TOKEN is only spaces or line breaks; set it to a secret such as HANDOUTS_TOKEN=$(openssl rand -hex 16), or unset it")
	}
	for _, r := range t {
		if r < 0x20 || r == 0x7F {
			return "", fmt.Errorf("HANDOUTS_TOKEN holds a control character (U+%04X), which no one can type at the sign-in page; make a new one with openssl rand -hex 16", r)
		}
	}
	if err := CheckToken(t); err != nil {
		return "", err
	}
	return t, nil
}

// newSession starts a session and returns its id: 32 random bytes.
func (s *Server) newSession() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b[:])
	now := s.cfg.Now()
	s.smu.Lock()
	defer s.smu.Unlock()
	for k, end := range s.sessions {
		if !now.Before(end) {
			delete(s.sessions, k)
		}
	}
	for len(s.sessions) >= maxSessions {
		oldest, when := "", time.Time{}
		for k, end := range s.sessions {
			if oldest == "" || end.Before(when) {
				oldest, when = k, end
			}
		}
		delete(s.sessions, oldest)
	}
	s.sessions[sessionKey(id)] = now.Add(sessionLife)
	return id, nil
}

// live reports whether id is a session that has not ended. Sessions are
// kept by the hash of their id, so a lookup's timing tells nothing useful
// about the ids themselves.
func (s *Server) live(id string) bool {
	if id == "" {
		return false
	}
	k := sessionKey(id)
	now := s.cfg.Now()
	s.smu.Lock()
	defer s.smu.Unlock()
	end, ok := s.sessions[k]
	if ok && !now.Before(end) {
		delete(s.sessions, k)
		return false
	}
	return ok
}

func (s *Server) endSession(id string) {
	s.smu.Lock()
	defer s.smu.Unlock()
	delete(s.sessions, sessionKey(id))
}

func sessionKey(id string) string {
	h := sha256.Sum256([]byte(id))
	return string(h[:])
}

// overHTTPS reports whether the browser reached us over HTTPS: directly,
// or through the TLS reverse proxy the README recommends, which says so
// in X-Forwarded-Proto. The cookie is then Secure, so it never travels in
// clear text.
func overHTTPS(r *http.Request) bool {
	return r.TLS != nil || strings.EqualFold(strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Proto"), ",")[0]), "https")
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "The form could not be read. Reload the page and try again.", nil)
		return
	}
	if s.cfg.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !equal(strings.TrimSpace(r.PostForm.Get("token")), s.cfg.Token) {
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, "login", loginView{view: s.view(r, "Sign in"), Error: "That access token is not right. Try again, or ask whoever set up this computer."})
		return
	}
	id, err := s.newSession()
	if err != nil {
		s.log.Printf("sign-in: %v", err)
		s.fail(w, r, http.StatusInternalServerError, "Signing in failed on this computer. Try again.", nil)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", MaxAge: int(sessionLife / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: overHTTPS(r)})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.endSession(c.Value)
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: overHTTPS(r)})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
