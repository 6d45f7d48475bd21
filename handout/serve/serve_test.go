package serve

// Handler tests: every route, every error status and the PHI rules, through
// httptest against the real handler.

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/internal/tooltest"
)

const seedFile = "../../data/group-therapy.yaml"

// patient is the name the PHI tests look for everywhere it must not be.
const patient = "Zebulon Quartermaine"

// syncBuffer is a log shared by the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type fixture struct {
	dir string
	srv *Server
	log *syncBuffer
}

func noBrand(t testing.TB) *brand.Brand {
	b, errs := brand.Resolve(nil, brand.Settings{})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return b
}

// newFixture is a folder with the seed handout, a copy without an FAQ in
// Spanish, and a broken file, served with cfg's other settings.
// exampleBrand is the brand in data/brand/, as the command line resolves it.
func exampleBrand(t testing.TB) *brand.Brand {
	t.Helper()
	b, errs := handout.ResolveBrand(nil, nil, "../../data/brand/brand.yaml")
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return b
}

func newFixture(t testing.TB, cfg Config) *fixture {
	t.Helper()
	dir := t.TempDir()
	seed, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "group-therapy.yaml", string(seed))
	write(t, dir, "terapia.yaml", `title: Terapia de grupo
language: es
summary:
  - La terapia de grupo reúne a varias personas con un terapeuta.
  - Ayuda con la ansiedad y la soledad.
sections:
  - heading: Qué es
    brief: Un grupo pequeño se reúne cada semana.
    body: Un grupo pequeño se reúne cada semana con uno o dos terapeutas.
`)
	write(t, dir, "broken.yaml", "title: Broken\nsumary: [x]\n")
	cfg.Dir = dir
	if cfg.Brand == nil {
		cfg.Brand = noBrand(t)
	}
	lb := &syncBuffer{}
	cfg.Log = lb
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC) }
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{dir: dir, srv: s, log: lb}
}

func write(t testing.TB, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) do(req *http.Request) *httptest.ResponseRecorder {
	if req.Host == "example.com" { // httptest's default: make it what a browser here sends
		req.Host = "127.0.0.1:8080"
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec
}

func (f *fixture) get(target string) *httptest.ResponseRecorder {
	return f.do(httptest.NewRequest("GET", target, nil))
}

func (f *fixture) api(body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/api/render", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return f.do(req)
}

func (f *fixture) form(v url.Values, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/render", strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return f.do(req)
}

func wantStatus(t *testing.T, rec *httptest.ResponseRecorder, code int) {
	t.Helper()
	if rec.Code != code {
		t.Fatalf("status %d, want %d; body:\n%.600s", rec.Code, code, rec.Body.String())
	}
}

// apiError decodes the API's JSON error.
func apiError(t *testing.T, rec *httptest.ResponseRecorder) (string, []string) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("error content type %q", ct)
	}
	var e struct {
		Error    string   `json:"error"`
		Findings []string `json:"findings"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
		t.Fatalf("error body %q: %v", rec.Body.String(), err)
	}
	return e.Error, e.Findings
}

func needTool(t *testing.T, name string) {
	t.Helper()
	tooltest.Require(t, name)
}

// pdfText reads a PDF through pdftotext's stdin: a personalised PDF never
// touches the disk, even in a test.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	needTool(t, "pdftotext")
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestLibraryPage(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.get("/")
	wantStatus(t, rec, 200)
	body := rec.Body.String()
	for _, want := range []string{
		"Group therapy", "Healing together, led by a trained clinician", "English", "1 November 2026",
		"Full guide, One-page summary, FAQ sheet", "Terapia de grupo", "Español", "Full guide, One-page summary",
		// The broken file is listed with its findings, in place of a button.
		"broken.yaml:2:1: unknown key `sumary`", `href="/handout/group-therapy"`,
		`<label for="q">`, `<label for="lang">`, "3 of 3 handouts shown",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("library lacks %q", want)
		}
	}
	if strings.Contains(body, `href="/handout/broken"`) || strings.Contains(body, `value="broken"`) {
		t.Error("the broken file can be printed or ticked")
	}
	if rec.Header().Get("Cache-Control") != "no-store" || !strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("headers: %v", rec.Header())
	}
}

// cards returns each card's opening tag, by handout name.
func cards(body string) map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(body, `<li class="card`)[1:] {
		tag := part[:strings.Index(part, ">")]
		name := "broken"
		if i := strings.Index(part, `name="h" value="`); i >= 0 {
			rest := part[i+len(`name="h" value="`):]
			name = rest[:strings.Index(rest, `"`)]
		}
		out[name] = tag
	}
	return out
}

// A file whose name cannot be a handout's, or that names the same handout
// as another, is listed with the reason, not left out.
func TestLibraryListsUnusableFileNames(t *testing.T) {
	f := newFixture(t, Config{})
	src, _ := os.ReadFile(filepath.Join(f.dir, "terapia.yaml"))
	write(t, f.dir, "Sleep Tips (2024).yaml", string(src))
	write(t, f.dir, "terapia.yml", string(src))
	write(t, f.dir, "notes.txt", "not a handout")
	body := f.get("/").Body.String()
	for _, want := range []string{
		"Sleep Tips (2024).yaml: this file name cannot name a handout in a web address; rename it using only letters, digits, &#39;-&#39;, &#39;_&#39; and &#39;.&#39; (for example sleep-tips-2024.yaml)",
		"terapia.yml: names the same handout as",
		"5 of 5 handouts shown",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("library lacks %q", want)
		}
	}
	if strings.Contains(body, "notes.txt") {
		t.Error("a .txt file is listed")
	}
	wantStatus(t, f.api(`{"handouts": ["terapia"]}`), 200)
}

func TestLibrarySearchWithoutJavaScript(t *testing.T) {
	f := newFixture(t, Config{})
	cases := []struct {
		query string
		shown []string
	}{
		{"q=GR", []string{"group-therapy", "terapia"}}, // group, grupo
		{"q=helps+with", []string{"group-therapy"}},    // a section heading
		{"q=qu%C3%A9+es", []string{"terapia"}},         // a heading with an accent
		{"lang=es", []string{"terapia"}},               // the language filter
		{"q=group&lang=en", []string{"group-therapy"}}, // both
		{"q=asthma", nil},
	}
	for _, c := range cases {
		rec := f.get("/?" + c.query)
		wantStatus(t, rec, 200)
		got := cards(rec.Body.String())
		for name, tag := range got {
			shown := !strings.Contains(tag, "hidden")
			want := false
			for _, s := range c.shown {
				want = want || s == name
			}
			if shown != want {
				t.Errorf("%s: %s shown=%v, want %v", c.query, name, shown, want)
			}
		}
		if !strings.Contains(rec.Body.String(), strconv.Itoa(len(c.shown))+" of 3 handouts shown") {
			t.Errorf("%s: wrong count", c.query)
		}
	}
	// The language filter offers the languages present, the chosen one
	// selected.
	body := f.get("/?lang=es").Body.String()
	if !strings.Contains(body, `<option value="es" selected>Español</option>`) || !strings.Contains(body, `<option value="en">English</option>`) {
		t.Error("language options wrong")
	}
}

func TestHandoutPage(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.get("/handout/group-therapy")
	wantStatus(t, rec, 200)
	body := rec.Body.String()
	// Every control has a label.
	for _, id := range []string{"format-guide", "format-summary", "format-faq", "paper-letter", "paper-a4", "large", "patient", "clinician", "date", "next_visit", "note"} {
		if !strings.Contains(body, `id="`+id+`"`) || !strings.Contains(body, `<label for="`+id+`">`) {
			t.Errorf("control %s has no label", id)
		}
	}
	for _, want := range []string{`method="post" action="/render"`, `maxlength="500"`, `value="2026-11-29"`, `name="h" value="group-therapy"`, "Preview", "Print", "Download PDF"} {
		if !strings.Contains(body, want) {
			t.Errorf("handout page lacks %s", want)
		}
	}
	// A handout without questions offers no FAQ sheet.
	if !strings.Contains(f.get("/handout/terapia").Body.String(), `value="faq" disabled`) {
		t.Error("FAQ offered for a handout without questions")
	}
	wantStatus(t, f.get("/handout/nope"), 404)
	rec = f.get("/handout/broken")
	wantStatus(t, rec, 422)
	if !strings.Contains(rec.Body.String(), "broken.yaml:2:1") {
		t.Error("the broken handout's page does not show its findings")
	}
	wantStatus(t, f.get("/handout/..%2Fetc"), 404)
}

func TestPacketPage(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.get("/packet?h=group-therapy&h=terapia")
	wantStatus(t, rec, 200)
	body := rec.Body.String()
	if !strings.Contains(body, "Packet of 2 handouts") || !strings.Contains(body, `name="h" value="terapia"`) || !strings.Contains(body, `value="faq" disabled`) {
		t.Error("packet page wrong")
	}
	rec = f.get("/packet?h=terapia")
	wantStatus(t, rec, 303)
	if rec.Header().Get("Location") != "/handout/terapia" {
		t.Error(rec.Header())
	}
	wantStatus(t, f.get("/packet"), 400)
	wantStatus(t, f.get("/packet?h=group-therapy&h=missing"), 404)
	wantStatus(t, f.get("/packet?h=group-therapy&h=broken"), 422)
	wantStatus(t, f.get("/packet?"+strings.Repeat("h=terapia&", maxPacket+1)), 400)
}

func TestAPIRender(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.api(`{"handouts": ["group-therapy"], "format": "summary", "paper": "letter", "large_print": false,
		"patient": "` + patient + `", "clinician": "Dr. Amara Okafor", "date": "2026-11-29",
		"next_visit": "2026-12-06 10:30", "note": "Bring your questions to group."}`)
	wantStatus(t, rec, 200)
	h := rec.Header()
	if h.Get("Content-Type") != "application/pdf" || h.Get("Cache-Control") != "no-store" || h.Get("X-Page-Count") != "1" {
		t.Errorf("headers: %v", h)
	}
	if h.Get("Content-Disposition") != `inline; filename="group-therapy-summary.pdf"` {
		t.Errorf("disposition %q: the file name must not hold the patient's name", h.Get("Content-Disposition"))
	}
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"For: " + patient, "Care team: Dr. Amara Okafor", "Next appointment: 2026-12-06 10:30", "Note from your care team: Bring your questions to group."} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// Only handouts is required; defaults are the summary on letter.
	rec = f.api(`{"handouts": ["terapia"]}`)
	wantStatus(t, rec, 200)
	if !strings.Contains(pdfText(t, rec.Body.Bytes()), "En resumen") {
		t.Error("the Spanish summary is not the default render")
	}
	// A guide, on A4, in large print.
	rec = f.api(`{"handouts": ["group-therapy"], "format": "guide", "paper": "A4", "large_print": true}`)
	wantStatus(t, rec, 200)
	if n, _ := strconv.Atoi(rec.Header().Get("X-Page-Count")); n < 5 {
		t.Errorf("large-print guide has %d pages", n)
	}
}

// Large print lets the summary take two pages, and a patient's copy one
// more; the patient's block stays on the first.
func TestAPILargePrintSummary(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.api(`{"handouts": ["group-therapy"], "large_print": true, "patient": "` + patient + `", "note": "Bring your questions to group."}`)
	wantStatus(t, rec, 200)
	n, _ := strconv.Atoi(rec.Header().Get("X-Page-Count"))
	if n < 1 || n > 3 {
		t.Fatalf("large-print summary has %d pages", n)
	}
	needTool(t, "pdftotext")
	cmd := exec.Command("pdftotext", "-f", "1", "-l", "1", "-", "-")
	cmd.Stdin = bytes.NewReader(rec.Body.Bytes())
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if first := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(first, "For: "+patient) || !strings.Contains(first, "Bring your questions to group.") {
		t.Errorf("page one lacks the patient's block: %s", first)
	}
}

func TestAPIPacket(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.api(`{"handouts": ["group-therapy", "terapia"], "patient": "` + patient + `"}`)
	wantStatus(t, rec, 200)
	if rec.Header().Get("X-Page-Count") != "2" || !strings.Contains(rec.Header().Get("Content-Disposition"), `"packet-summary.pdf"`) {
		t.Errorf("headers: %v", rec.Header())
	}
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"Group therapy", "Terapia de grupo", "For: " + patient, "Para: " + patient, "Page 1 of 1", "Página 1 de 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("packet lacks %q", want)
		}
	}
}

func TestAPIErrors(t *testing.T) {
	f := newFixture(t, Config{})
	cases := []struct {
		name, body string
		status     int
		says       string
	}{
		{"not JSON", `{"handouts": [`, 400, "not valid JSON"},
		{"empty body", ``, 400, "empty"},
		{"two objects", `{"handouts": ["terapia"]} {}`, 400, "one JSON object"},
		{"wrong type", `{"handouts": "terapia"}`, 400, `"handouts" must be`},
		{"unknown field", `{"handouts": ["terapia"], "pateint": "x"}`, 400, `unknown field "pateint"`},
		{"no handouts", `{"format": "guide"}`, 400, "name at least one handout"},
		{"unknown format", `{"handouts": ["terapia"], "format": "poster"}`, 400, `unknown format "poster"`},
		{"unknown paper", `{"handouts": ["terapia"], "paper": "legal"}`, 400, `unknown paper "legal"`},
		{"a path", `{"handouts": ["../data/group-therapy"]}`, 400, "is not a handout name"},
		{"an absolute path", `{"handouts": ["/etc/passwd"]}`, 400, "is not a handout name"},
		{"note too long", `{"handouts": ["terapia"], "note": "` + strings.Repeat("a", 501) + `"}`, 400, "note: is 501 characters; the limit is 500"},
		{"unprintable", `{"handouts": ["terapia"], "patient": "Ann 🙂"}`, 400, "patient: contains U+1F642"},
		{"control character", `{"handouts": ["terapia"], "clinician": "Dr.\u0007"}`, 400, "clinician: contains the control character"},
		{"too many", `{"handouts": [` + strings.Repeat(`"terapia",`, maxPacket) + `"terapia"]}`, 400, "at most 20"},
		{"no such handout", `{"handouts": ["asthma"]}`, 404, `no handout named "asthma"`},
		{"errors in the file", `{"handouts": ["broken"]}`, 422, "has errors"},
		{"no FAQ", `{"handouts": ["terapia"], "format": "faq"}`, 422, "no FAQ sheet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := f.api(c.body)
			wantStatus(t, rec, c.status)
			msg, findings := apiError(t, rec)
			if !strings.Contains(msg, c.says) {
				t.Errorf("error %q does not say %q", msg, c.says)
			}
			if c.status == 422 && c.name == "errors in the file" && (len(findings) == 0 || !strings.Contains(findings[0], "broken.yaml:")) {
				t.Errorf("findings %q", findings)
			}
			if strings.Contains(msg, "🙂") || strings.Contains(msg, "aaaa") {
				t.Error("the error repeats the value typed")
			}
		})
	}
	// Over 64 KB.
	rec := f.api(`{"handouts": ["terapia"], "note": "` + strings.Repeat("a", 70<<10) + `"}`)
	wantStatus(t, rec, 413)
	apiError(t, rec)
}

func TestNoteTooLongForTheSummary(t *testing.T) {
	b := exampleBrand(t)
	f := newFixture(t, Config{Brand: b})
	long := strings.Repeat("Name ", 20)
	rec := f.api(`{"handouts": ["group-therapy"], "patient": "` + long + `", "clinician": "` + long + `", "date": "` + long + `", "next_visit": "` + long + `", "note": "` + strings.Repeat("Take your time and rest. ", 20) + `"}`)
	wantStatus(t, rec, 422)
	msg, _ := apiError(t, rec)
	if !strings.Contains(msg, "shorten the note") {
		t.Errorf("message %q", msg)
	}
	// The guide has room.
	wantStatus(t, f.api(`{"handouts": ["group-therapy"], "format": "guide", "note": "`+strings.Repeat("Take your time and rest. ", 20)+`"}`), 200)
}

func TestFormRender(t *testing.T) {
	f := newFixture(t, Config{})
	v := url.Values{"h": {"group-therapy"}, "format": {"faq"}, "paper": {"a4"}, "patient": {patient}, "note": {"Line one.\r\nLine two."}}
	rec := f.form(v)
	wantStatus(t, rec, 200)
	if !strings.HasPrefix(rec.Header().Get("Content-Disposition"), "inline;") {
		t.Error(rec.Header())
	}
	text := pdfText(t, rec.Body.Bytes())
	if !strings.Contains(text, "Frequently asked questions") || !strings.Contains(text, patient) || !strings.Contains(text, "Line one. Line two.") {
		t.Errorf("form render: %s", text)
	}
	v.Set("download", "1")
	rec = f.form(v)
	wantStatus(t, rec, 200)
	if rec.Header().Get("Content-Disposition") != `attachment; filename="group-therapy-faq.pdf"` {
		t.Error(rec.Header())
	}
	// Errors: a page for a browser, JSON for the page's script.
	v = url.Values{"h": {"broken"}}
	rec = f.form(v)
	wantStatus(t, rec, 422)
	if !strings.Contains(rec.Header().Get("Content-Type"), "text/html") || !strings.Contains(rec.Body.String(), "broken.yaml:2:1") {
		t.Errorf("form error page: %s", rec.Body.String())
	}
	rec = f.form(v, "Accept", "application/json, application/pdf")
	wantStatus(t, rec, 422)
	apiError(t, rec)
	wantStatus(t, f.form(url.Values{"h": {"x/../y"}}), 400)
	wantStatus(t, f.form(url.Values{"h": {"nope"}}), 404)
	big := url.Values{"h": {"terapia"}, "note": {strings.Repeat("a", 70<<10)}}
	wantStatus(t, f.form(big), 413)
}

func TestRoutesAndMethods(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.get("/healthz")
	wantStatus(t, rec, 200)
	if rec.Body.String() != "ok\n" {
		t.Errorf("healthz %q", rec.Body.String())
	}
	// Renders are POST only: a name never goes in a URL.
	for _, p := range []string{"/render", "/api/render"} {
		wantStatus(t, f.get(p+"?h=terapia&patient=x"), 405)
	}
	wantStatus(t, f.get("/nowhere"), 404)
	wantStatus(t, f.get("/static/nope.css"), 404)
	wantStatus(t, f.get("/static/x.exe"), 404)
	for _, p := range []string{"/static/style.css", "/static/app.js", "/static/brand.css"} {
		rec := f.get(p)
		wantStatus(t, rec, 200)
		if rec.Body.Len() == 0 {
			t.Errorf("%s is empty", p)
		}
	}
	if !strings.Contains(f.get("/static/brand.css").Body.String(), "--primary:#2F4A5F") {
		t.Error("brand colours missing from brand.css")
	}
	wantStatus(t, f.get("/brand/logo"), 404) // no logo in this brand
	for _, face := range []string{"regular.ttf", "bold.ttf"} {
		rec := f.get("/brand/font/" + face)
		wantStatus(t, rec, 200)
		if rec.Header().Get("Content-Type") != "font/ttf" || rec.Body.Len() < 10000 {
			t.Errorf("%s: %s, %d bytes", face, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
	}
	wantStatus(t, f.get("/brand/font/italic.otf"), 404)
	wantStatus(t, f.get("/login"), 303) // no token: nothing to sign in to
}

func TestBrandLogoAndColours(t *testing.T) {
	b := exampleBrand(t)
	f := newFixture(t, Config{Brand: b})
	rec := f.get("/brand/logo")
	wantStatus(t, rec, 200)
	if rec.Header().Get("Content-Type") != "image/png" || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\x89PNG")) {
		t.Error("logo not served as PNG")
	}
	body := f.get("/").Body.String()
	if !strings.Contains(body, "Riverbend Wellness Clinic") || !strings.Contains(body, `src="/brand/logo"`) {
		t.Error("library page lacks the clinic's name or logo")
	}
	if !strings.Contains(f.get("/static/brand.css").Body.String(), "--primary:#1F5A7A") {
		t.Error("brand.css lacks the clinic's primary colour")
	}
}

func TestOriginCheck(t *testing.T) {
	f := newFixture(t, Config{})
	body := `{"handouts": ["terapia"]}`
	for _, c := range []struct {
		origin, site string
		status       int
	}{
		{"", "", 200},                      // curl, scripts
		{"http://127.0.0.1:8080", "", 200}, // this server
		{"http://evil.example", "", 403},   // another site
		{"null", "", 403},                  // a sandboxed or file: page
		{"", "cross-site", 403},            // a browser says so
		{"http://127.0.0.1:8080", "same-origin", 200},
		{"http://localhost:8080", "", 403}, // another origin, though this computer
	} {
		req := httptest.NewRequest("POST", "/api/render", strings.NewReader(body))
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		if c.site != "" {
			req.Header.Set("Sec-Fetch-Site", c.site)
		}
		rec := f.do(req)
		if rec.Code != c.status {
			t.Errorf("Origin %q, Sec-Fetch-Site %q: %d, want %d", c.origin, c.site, rec.Code, c.status)
		}
	}
	// DNS rebinding: a page on another domain pointed at 127.0.0.1 sends
	// its own name as Host, and is refused without a token.
	for _, host := range []string{"evil.example:8080", "192.168.1.5:8080", "127.0.0.1.evil.example"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		if rec := f.do(req); rec.Code != 403 {
			t.Errorf("Host %s: %d", host, rec.Code)
		}
	}
	for _, host := range []string{"localhost:8080", "[::1]:8080", "127.0.0.1"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		if rec := f.do(req); rec.Code != 200 {
			t.Errorf("Host %s: %d", host, rec.Code)
		}
	}
	// With a token the server may be reached by any name.
	g := newFixture(t, Config{Token: "t"})
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.Host = "handouts.clinic.example"
	req.Header.Set("Authorization", "Bearer t")
	wantStatus(t, g.do(req), 200)

	// The form and the login are state-changing too.
	req = httptest.NewRequest("POST", "/render", strings.NewReader("h=terapia"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://evil.example")
	wantStatus(t, f.do(req), 403)
}

func TestToken(t *testing.T) {
	const token = "correct horse battery staple"
	f := newFixture(t, Config{Token: token})
	// Without it: pages send you to sign in, the rest are refused.
	rec := f.get("/")
	wantStatus(t, rec, 303)
	if rec.Header().Get("Location") != "/login" {
		t.Error(rec.Header())
	}
	wantStatus(t, f.get("/handout/terapia"), 303)
	wantStatus(t, f.get("/healthz"), 401)
	rec = f.api(`{"handouts": ["terapia"]}`)
	wantStatus(t, rec, 401)
	apiError(t, rec)
	wantStatus(t, f.form(url.Values{"h": {"terapia"}}), 401)
	// The login page and its style need no token.
	wantStatus(t, f.get("/login"), 200)
	wantStatus(t, f.get("/static/style.css"), 200)

	// Bearer for scripts.
	bearer := func(tok string) int {
		req := httptest.NewRequest("POST", "/api/render", strings.NewReader(`{"handouts": ["terapia"]}`))
		req.Header.Set("Authorization", "Bearer "+tok)
		return f.do(req).Code
	}
	if bearer(token) != 200 || bearer("wrong") != 401 || bearer(token+"x") != 401 || bearer("") != 401 {
		t.Error("bearer token not checked")
	}

	// The login form sets an HttpOnly, SameSite=Strict cookie.
	login := func(tok string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"token": {tok}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return f.do(req)
	}
	rec = login("wrong")
	wantStatus(t, rec, 401)
	if len(rec.Result().Cookies()) != 0 || !strings.Contains(rec.Body.String(), "not right") {
		t.Error("a wrong token signed in")
	}
	rec = login(token)
	wantStatus(t, rec, 303)
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || cookies[0].Path != "/" {
		t.Fatalf("cookie %+v", cookies)
	}
	if strings.Contains(cookies[0].Value, token) || strings.Contains(cookies[0].Raw, "horse") {
		t.Error("the cookie holds the token itself")
	}
	withCookie := func(method, target string, body io.Reader) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, body)
		req.AddCookie(cookies[0])
		if body != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		return f.do(req)
	}
	rec = withCookie("GET", "/", nil)
	wantStatus(t, rec, 200)
	if !strings.Contains(rec.Body.String(), "Sign out") {
		t.Error("no way to sign out")
	}
	wantStatus(t, withCookie("POST", "/render", strings.NewReader("h=terapia")), 200)
	// Signing out clears it.
	rec = withCookie("POST", "/logout", nil)
	wantStatus(t, rec, 303)
	if c := rec.Result().Cookies(); len(c) != 1 || c[0].MaxAge >= 0 {
		t.Errorf("logout cookie %+v", c)
	}
	// A forged cookie is refused.
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: strings.Repeat("0", 64)})
	wantStatus(t, f.do(req), 303)
}

func TestEqualIsExact(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{{"abc", "abc", true}, {"abc", "abd", false}, {"abc", "abcd", false}, {"", "", true}, {"", "a", false}} {
		if equal(c.a, c.b) != c.want {
			t.Errorf("equal(%q, %q) != %v", c.a, c.b, c.want)
		}
	}
}

func TestContentEditsShowWithoutRestart(t *testing.T) {
	f := newFixture(t, Config{})
	if !strings.Contains(f.get("/").Body.String(), "Terapia de grupo") {
		t.Fatal("setup")
	}
	path := filepath.Join(f.dir, "terapia.yaml")
	src, _ := os.ReadFile(path)
	edited := strings.Replace(string(src), "title: Terapia de grupo", "title: Terapia en grupo", 1)
	write(t, f.dir, "terapia.yaml", edited)
	bump(t, path)
	body := f.get("/").Body.String()
	if !strings.Contains(body, "Terapia en grupo") || strings.Contains(body, "Terapia de grupo") {
		t.Error("an edited title does not show")
	}
	if !strings.Contains(pdfText(t, f.api(`{"handouts": ["terapia"]}`).Body.Bytes()), "Terapia en grupo") {
		t.Error("the render uses the old content")
	}
	// New errors show, and the API refuses it.
	write(t, f.dir, "terapia.yaml", strings.Replace(edited, "heading:", "heding:", 1))
	bump(t, path)
	if !strings.Contains(f.get("/").Body.String(), "terapia.yaml:7:5: unknown key `heding`") {
		t.Error("new errors do not show")
	}
	wantStatus(t, f.api(`{"handouts": ["terapia"]}`), 422)
	// A new file appears; a removed one goes.
	write(t, f.dir, "nueva.yml", edited)
	os.Remove(path)
	body = f.get("/").Body.String()
	if !strings.Contains(body, `value="nueva"`) || strings.Contains(body, `value="terapia"`) {
		t.Error("added or removed files do not show")
	}
	wantStatus(t, f.api(`{"handouts": ["terapia"]}`), 404)
	wantStatus(t, f.api(`{"handouts": ["nueva"]}`), 200)
}

// bump moves a file's time forward, as a later save would.
func bump(t *testing.T, path string) {
	t.Helper()
	next := time.Now().Add(time.Duration(time.Now().UnixNano()%1000+1) * time.Second)
	if err := os.Chtimes(path, next, next); err != nil {
		t.Fatal(err)
	}
}

// TestPHINeverLoggedOrWritten renders personalised copies every way there
// is, including the error paths and a name in a query string, then checks
// that the patient's name is in no log line and no file written anywhere
// the process could write during the test.
func TestPHINeverLoggedOrWritten(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	start := time.Now().Add(-time.Second)
	f := newFixture(t, Config{})
	note := "Call " + patient + " on Friday."
	reqs := []func() *httptest.ResponseRecorder{
		func() *httptest.ResponseRecorder {
			return f.api(`{"handouts": ["group-therapy"], "patient": "` + patient + `", "note": "` + note + `"}`)
		},
		func() *httptest.ResponseRecorder {
			return f.api(`{"handouts": ["group-therapy", "terapia"], "format": "guide", "patient": "` + patient + `"}`)
		},
		func() *httptest.ResponseRecorder {
			return f.form(url.Values{"h": {"group-therapy"}, "patient": {patient}, "note": {note}, "download": {"1"}})
		},
		// Errors with the name in the body.
		func() *httptest.ResponseRecorder {
			return f.api(`{"handouts": ["broken"], "patient": "` + patient + `"}`)
		},
		func() *httptest.ResponseRecorder {
			return f.api(`{"handouts": ["terapia"], "patient": "` + patient + ` 🙂"}`)
		},
		func() *httptest.ResponseRecorder {
			return f.api(`{"handouts": ["terapia"], "patient": "` + patient + `", "bogus": 1}`)
		},
		// A name someone put in a URL anyway.
		func() *httptest.ResponseRecorder { return f.get("/?q=" + url.QueryEscape(patient)) },
		func() *httptest.ResponseRecorder {
			return f.get("/render?patient=" + url.QueryEscape(patient))
		},
	}
	for i, r := range reqs {
		rec := r()
		if i < 3 {
			wantStatus(t, rec, 200)
			if !strings.Contains(pdfText(t, rec.Body.Bytes()), patient) {
				t.Fatal("the name is not in the PDF, so this test proves nothing")
			}
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("request %d: Cache-Control %q", i, rec.Header().Get("Cache-Control"))
		}
		for k, v := range rec.Header() {
			if strings.Contains(strings.Join(v, " "), "Zebulon") {
				t.Errorf("request %d: header %s holds the name", i, k)
			}
		}
		if i >= 3 && i < 6 && strings.Contains(rec.Body.String(), "Zebulon") {
			t.Errorf("request %d: the error repeats the name: %s", i, rec.Body.String())
		}
	}
	logText := f.log.String()
	if strings.Contains(logText, "Zebulon") || strings.Contains(logText, "Quartermaine") {
		t.Errorf("the log holds the name:\n%s", logText)
	}
	if lines := strings.Count(logText, "\n"); lines != len(reqs) {
		t.Errorf("%d log lines for %d requests:\n%s", lines, len(reqs), logText)
	}
	// Each line is method, path, status, duration: the query is gone.
	for _, line := range strings.Split(strings.TrimSpace(logText), "\n") {
		fields := strings.Fields(line)
		if len(fields) != 6 || strings.Contains(line, "?") {
			t.Errorf("log line %q is not date time method path status duration", line)
		}
	}
	// No file written during the test, in the content folder, TMPDIR (the
	// temp folder of everything this process starts) or the working
	// folder, holds the name.
	for _, dir := range []string{f.dir, tmp, os.TempDir(), "."} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if p != dir && (strings.HasPrefix(d.Name(), "systemd-") || d.Name() == ".git") {
					return fs.SkipDir
				}
				return nil
			}
			info, err := d.Info()
			if err != nil || info.ModTime().Before(start) || info.Size() > 64<<20 || !info.Mode().IsRegular() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err == nil && (bytes.Contains(data, []byte("Zebulon")) || bytes.Contains(data, []byte("Quartermaine"))) && !strings.HasSuffix(p, "_test.go") {
				t.Errorf("%s, written during the test, holds the patient's name", p)
			}
			return nil
		})
	}
}

func TestRendersWaitForTheirTurn(t *testing.T) {
	f := newFixture(t, Config{MaxRenders: 1})
	// Eight at once through one slot: all succeed.
	var wg sync.WaitGroup
	codes := make([]int, 8)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = f.api(`{"handouts": ["terapia"], "patient": "A` + strconv.Itoa(i) + `"}`).Code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("request %d: %d", i, c)
		}
	}
	// A render still waiting when the render timeout runs out gets 503.
	g := newFixture(t, Config{MaxRenders: 1, RenderTimeout: time.Millisecond})
	g.srv.slots <- struct{}{}
	rec := g.api(`{"handouts": ["terapia"]}`)
	<-g.srv.slots
	wantStatus(t, rec, 503)
	apiError(t, rec)
}

func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr  string
		token bool
		ok    bool
	}{
		{"127.0.0.1:8080", false, true},
		{"localhost:8080", false, true},
		{"[::1]:8080", false, true},
		{"127.1.2.3:0", false, true},
		{"0.0.0.0:8080", false, false},
		{":8080", false, false},
		{"192.168.1.10:8080", false, false},
		{"[::]:8080", false, false},
		{"0.0.0.0:8080", true, true},
		{"127.0.0.1", false, false},
		{"127.0.0.1:http-alt-nope", false, false},
	} {
		err := CheckAddr(c.addr, c.token)
		if (err == nil) != c.ok {
			t.Errorf("CheckAddr(%q, %v) = %v", c.addr, c.token, err)
		}
	}
}

// TestRunShutsDownCleanly serves on a loopback port, leaves a render
// waiting for its turn when shutdown starts, and checks that it still
// completes, that Run returns nil, and that no goroutine is left.
func TestRunShutsDownCleanly(t *testing.T) {
	before := runtime.NumGoroutine()
	f := newFixture(t, Config{MaxRenders: 1})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, "127.0.0.1:0", f.srv, func(a string) { addrc <- a }) }()
	base := "http://" + <-addrc
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	// Hold the only slot, so the next render waits in flight.
	f.srv.slots <- struct{}{}
	result := make(chan int, 1)
	go func() {
		resp, err := client.Post(base+"/api/render", "application/json", strings.NewReader(`{"handouts": ["terapia"], "patient": "Ann"}`))
		if err != nil {
			result <- -1
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		result <- resp.StatusCode
	}()
	waitForRequest(t, f)
	cancel() // shutdown starts with the render waiting
	<-f.srv.slots
	if code := <-result; code != 200 {
		t.Errorf("the render in flight got %d", code)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	client.CloseIdleConnections()
	// Goroutines wind down asynchronously after Close; give them a moment,
	// by count rather than by a deadline on speed.
	for i := 0; i < 200 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

// waitForRequest waits until the render is inside the handler, waiting for
// the held slot.
func waitForRequest(t *testing.T, f *fixture) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		if f.srv.waiting.Load() > 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("the request never reached the handler")
}

// TestBrandColoursReachAA checks the page's colours with a brand too light
// to read: every text colour reaches 4.5:1 where it is drawn.
func TestBrandColoursReachAA(t *testing.T) {
	for _, hex := range []string{"#F5D90A", "#9AB3C4", "#1F5A7A", "#FFFFFF"} {
		c, err := colour.Parse(hex)
		if err != nil {
			t.Fatal(err)
		}
		b := noBrand(t)
		b.Primary, b.Accent = c, c
		css := brandCSS(b)
		i := strings.Index(css, "--primary:#")
		got, err := colour.Parse(css[i+len("--primary:") : i+len("--primary:")+7])
		if err != nil {
			t.Fatal(err)
		}
		for name, bg := range map[string]colour.Color{"white": colour.White, "the page": pageBackground, "the tint": c.Tint(0.08)} {
			if r := colour.Contrast(got, bg); r < 4.5 {
				t.Errorf("brand %s: primary %s on %s is %.2f:1", hex, got, name, r)
			}
		}
	}
	// The fixed colours of style.css.
	ink, muted := colour.Color{R: 0x1A, G: 0x1A, B: 0x1A}, colour.Color{R: 0x4D, G: 0x4D, B: 0x4D}
	for _, c := range []colour.Color{ink, muted} {
		for _, bg := range []colour.Color{colour.White, pageBackground, {R: 0xFD, G: 0xEC, B: 0xEA}} {
			if r := colour.Contrast(c, bg); r < 4.5 {
				t.Errorf("%s on %s is %.2f:1", c, bg, r)
			}
		}
	}
}
