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
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"handouts/handout/brand"
	"handouts/handout/pdfwriter"
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
	// Now is the clock for "reviewed long ago" warnings and the form's
	// default date; nil means time.Now.
	Now func() time.Time
}

// Server is the handler of `handouts serve`.
type Server struct {
	cfg     Config
	lib     *library
	slots   chan struct{} // one token per render running
	waiting atomic.Int64  // renders waiting for a slot
	subsets *pdfwriter.Subsets
	images  *pdfwriter.Images // the brand's logo, parsed once for every render
	pages   *template.Template
	log     *log.Logger
	session string // the login cookie's value, derived from the token
	handler http.Handler
}

// Limits.
const (
	maxBody         = 64 << 10 // a render request is a few hundred bytes
	maxPacket       = 20       // handouts in one packet
	sessionCookie   = "handouts_session"
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
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:     cfg,
		lib:     newLibrary(cfg.Dir, cfg.Brand, cfg.Now),
		slots:   make(chan struct{}, cfg.MaxRenders),
		subsets: &pdfwriter.Subsets{},
		images:  &pdfwriter.Images{},
		pages:   pages,
		log:     log.New(cfg.Log, "", log.LstdFlags),
	}
	if cfg.Token != "" {
		// The cookie holds a value derived from the token, not the token.
		m := hmac.New(sha256.New, []byte(cfg.Token))
		m.Write([]byte("handouts serve session"))
		s.session = fmt.Sprintf("%x", m.Sum(nil))
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
	mux.HandleFunc("GET /brand/font/{style}", s.font)
	mux.HandleFunc("/", s.notFound)
	s.handler = s.logged(s.secured(mux))
	return s, nil
}

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
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		if s.cfg.Token == "" && !loopbackHost(r.Host) {
			// Without a token only this computer may ask, and a browser
			// asks by a loopback name. Any other name is a web page that
			// pointed its own domain at 127.0.0.1 (DNS rebinding).
			s.fail(w, r, http.StatusForbidden, "this server answers only to http://127.0.0.1 or http://localhost addresses", nil)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
			s.fail(w, r, http.StatusForbidden, "this request came from another site (its Origin header does not match); open the page from this server and try again", nil)
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

// sameOrigin accepts requests without an Origin (curl, scripts) and those
// from this server's own pages; a browser always sends Origin on a
// cross-site POST, so a page elsewhere cannot make one on a user's behalf.
func sameOrigin(r *http.Request) bool {
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
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
	return p == "/login" || strings.HasPrefix(p, "/static/")
}

func (s *Server) authorized(r *http.Request) bool {
	if c, err := r.Cookie(sessionCookie); err == nil && equal(c.Value, s.session) {
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

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "the form could not be read", nil)
		return
	}
	if s.cfg.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if !equal(r.PostForm.Get("token"), s.cfg.Token) {
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, "login", loginView{view: s.view(r, "Sign in"), Error: "That access token is not right. Try again, or ask whoever set up this computer."})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.session, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
