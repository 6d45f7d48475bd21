package serve

// Handler tests: every route, every error status and the PHI rules, through
// httptest against the real handler.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/format"
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
		// The broken file is listed by its title, saying what to do; its
		// findings go to the log, not the front desk's page.
		"<h2>Broken</h2>", "This handout cannot be printed:", `href="/handout/group-therapy"`,
		`<label for="q">`, `<label for="lang">`, "3 of 3 handouts shown",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("library lacks %q", want)
		}
	}
	if strings.Contains(body, `href="/handout/broken"`) || strings.Contains(body, `value="broken"`) {
		t.Error("the broken file can be printed or ticked")
	}
	if strings.Contains(body, "broken.yaml") || strings.Contains(body, f.dir) {
		t.Error("the page shows a file's name or path")
	}
	if !strings.Contains(f.log.String(), "broken.yaml:2:1: unknown key `sumary`") {
		t.Errorf("the log lacks the finding:\n%s", f.log.String())
	}
	// One tab stop per card to its page, and the packet box labelled.
	if n := strings.Count(body, `href="/handout/group-therapy"`); n != 1 {
		t.Errorf("%d links to the same handout in its card", n)
	}
	if !strings.Contains(body, `<label for="pick-group-therapy">Add to packet</label>`) {
		t.Error("the packet checkbox has no visible label")
	}
	if !strings.Contains(body, `<h2 lang="es" id="title-terapia">Terapia de grupo</h2>`) {
		t.Error("the Spanish title is not marked as Spanish")
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
	if !strings.Contains(body, "5 of 5 handouts shown") || strings.Count(body, "This handout cannot be printed:") != 3 {
		t.Errorf("library: %s", body)
	}
	// The reasons go to the log, once however often the page is shown.
	f.get("/")
	for _, want := range []string{
		"Sleep Tips (2024).yaml: this file name cannot name a handout in a web address; rename it using only letters, digits, '-', '_' and '.' (for example sleep-tips-2024.yaml)",
		"terapia.yml: names the same handout as",
	} {
		if n := strings.Count(f.log.String(), want); n != 1 {
			t.Errorf("the log has %q %d times", want, n)
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
		{"q=que+ES", []string{"terapia"}},              // without it, in capitals
		{"q=reune", []string{"terapia"}},               // the summary, "reúne"
		{"q=ketamine", []string{"group-therapy"}},      // an FAQ question
		{"q=loneliness", []string{"group-therapy"}},    // a section's text
		{"q=herap", nil},                               // words match from their start
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
	for _, want := range []string{`method="post" action="/render"`, `data-max="500"`, `id="date" name="date" type="date" value="2026-11-29"`, `type="datetime-local"`, `name="h" value="group-therapy"`, "Preview", "Print", "Download PDF"} {
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
	if !strings.Contains(rec.Body.String(), "“Broken” cannot be printed: its file has mistakes") || strings.Contains(rec.Body.String(), "broken.yaml") {
		t.Errorf("the broken handout's page: %s", rec.Body.String())
	}
	if b := rec.Body.String(); strings.Contains(b, "maxlength") {
		t.Error("a field cuts what is typed (maxlength) instead of refusing it")
	}
	if !strings.Contains(f.get("/handout/terapia").Body.String(), `<h1 lang="es">Terapia de grupo</h1>`) {
		t.Error("the Spanish handout's title is not marked as Spanish")
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
	// Nothing ticked: the library again, saying what to do.
	rec = f.get("/packet")
	wantStatus(t, rec, 400)
	if !strings.Contains(rec.Body.String(), "No handout is ticked.") || !strings.Contains(rec.Body.String(), `value="terapia"`) {
		t.Errorf("nothing ticked: %s", rec.Body.String())
	}
	wantStatus(t, f.get("/packet?h=terapia&h=terapia"), 400)
	wantStatus(t, f.get("/packet?h=group-therapy&h=missing"), 404)
	wantStatus(t, f.get("/packet?h=group-therapy&h=broken"), 422)
	wantStatus(t, f.get("/packet?"+strings.Repeat("h=terapia&", maxPacket+1)), 400)
}

func TestAPIRender(t *testing.T) {
	f := newFixture(t, Config{})
	rec := f.api(`{"handouts": ["group-therapy"], "format": "summary", "paper": "letter", "large_print": false,
		"patient": "` + patient + `", "clinician": "Dr. Amara Okafor", "date": "2026-11-29",
		"next_visit": "2026-12-06T10:30", "note": "Bring your questions to group."}`)
	wantStatus(t, rec, 200)
	h := rec.Header()
	if h.Get("Content-Type") != "application/pdf" || h.Get("Cache-Control") != "no-store" || h.Get("X-Page-Count") != "1" {
		t.Errorf("headers: %v", h)
	}
	if h.Get("Content-Disposition") != `inline; filename="group-therapy-summary.pdf"` {
		t.Errorf("disposition %q: the file name must not hold the patient's name", h.Get("Content-Disposition"))
	}
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"For: " + patient, "Care team: Dr. Amara Okafor", "Date: November 29, 2026", "Next appointment: December 6, 2026, 10:30 AM", "Note from your care team: Bring your questions to group."} {
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
	// Each handout in its own language's labels; a one-page sheet prints
	// no "Page 1 of 1".
	for _, want := range []string{"Group therapy", "Terapia de grupo", "For: " + patient, "Para: " + patient, "The short version", "En resumen"} {
		if !strings.Contains(text, want) {
			t.Errorf("packet lacks %q", want)
		}
	}
	if strings.Contains(text, "1 of 1") || strings.Contains(text, "1 de 1") {
		t.Error("a one-page sheet of the packet says it is page 1 of 1")
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
		{"note too long", `{"handouts": ["terapia"], "note": "` + strings.Repeat("a", 501) + `"}`, 400, "Note from the care team is 501 characters, 1 more than the 500 it may have. Shorten it."},
		{"unprintable", `{"handouts": ["terapia"], "patient": "Ann 🙂"}`, 400, "Patient name has a character the handout's font cannot print: 🙂. Remove it"},
		{"control character", `{"handouts": ["terapia"], "clinician": "Dr.\u0007"}`, 400, "Clinician or care team has an invisible control character"},
		{"too many", `{"handouts": [` + strings.Repeat(`"terapia",`, maxPacket) + `"terapia"]}`, 400, "at most 20"},
		{"a repeat", `{"handouts": ["terapia", "group-therapy", "terapia"]}`, 400, `"terapia" is named twice`},
		{"no such handout", `{"handouts": ["asthma"]}`, 404, `no handout named "asthma"`},
		{"errors in the file", `{"handouts": ["broken"]}`, 422, "“Broken” cannot be printed: its file has mistakes"},
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
			if len(findings) > 0 || strings.Contains(msg, "broken.yaml") || strings.Contains(msg, "U+") {
				t.Errorf("the error holds what is meant for IT: %q %q", msg, findings)
			}
			if strings.Contains(msg, "Ann") || strings.Contains(msg, "aaaa") || strings.Contains(msg, "Dr.") {
				t.Error("the error repeats the value typed")
			}
		})
	}
	// Over 64 KB, and valid JSON padded past it.
	rec := f.api(`{"handouts": ["terapia"], "note": "` + strings.Repeat("a", 70<<10) + `"}`)
	wantStatus(t, rec, 413)
	apiError(t, rec)
	rec = f.api(`{"handouts": ["terapia"]}` + strings.Repeat(" ", 70<<10))
	wantStatus(t, rec, 413)
	apiError(t, rec)
}

// writeFullSummary adds a handout whose summary nearly fills its page, so
// that a patient block at its limits cannot fit (the seed's summary now has
// room for one): the long summary of format's tests, with three bullets
// more, since a patient's copy closes up its boxes and leading before its
// type shrinks. Its stock copy is set at 11.5 pt.
func writeFullSummary(t testing.TB, dir string) {
	t.Helper()
	src, err := os.ReadFile("../format/testdata/long-summary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	more := "summary:\n" +
		"  - Ask us before you take any new medicine, supplement or herbal remedy, even one sold without a prescription.\n" +
		"  - Tell us if you are planning a pregnancy, as your medicines and targets may need to change before you start.\n" +
		"  - Keep a card in your wallet that says you have diabetes and lists the medicines you take.\n"
	full := strings.Replace(string(src), "summary:\n", more, 1)
	if full == string(src) {
		t.Fatal("long-summary.yaml has no summary: list")
	}
	write(t, dir, "full-summary.yaml", full)
}

func TestNoteTooLongForTheSummary(t *testing.T) {
	b := exampleBrand(t)
	f := newFixture(t, Config{Brand: b})
	writeFullSummary(t, f.dir)
	long := strings.Repeat("Name ", 20)
	rec := f.api(`{"handouts": ["full-summary"], "patient": "` + long + `", "clinician": "` + long + `", "date": "` + long + `", "next_visit": "` + long + `", "note": "` + strings.Repeat("Take your time and rest. ", 20) + `"}`)
	wantStatus(t, rec, 422)
	msg, _ := apiError(t, rec)
	if !strings.Contains(msg, "Shorten the note") {
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
	if !strings.Contains(rec.Header().Get("Content-Type"), "text/html") || !strings.Contains(rec.Body.String(), "“Broken” cannot be printed") || strings.Contains(rec.Body.String(), "broken.yaml") {
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

// TestOriginCheck is the CSRF check, header by header, as Chromium,
// Firefox and Safari send them. A same-origin form sends its origin under
// our Referrer-Policy (same-origin); under no-referrer it sends "null"
// with Sec-Fetch-Site: same-origin, which passes too; a foreign page sends
// its own origin, or "null" from a sandbox, and Sec-Fetch-Site cross-site.
func TestOriginCheck(t *testing.T) {
	f := newFixture(t, Config{})
	body := `{"handouts": ["terapia"]}`
	const self = "http://127.0.0.1:8080"
	for _, c := range []struct {
		origin, site string
		status       int
	}{
		{"", "", 200},                // curl, scripts
		{self, "", 200},              // this server, a browser without Sec-Fetch-Site
		{self, "same-origin", 200},   // this server's page
		{"null", "same-origin", 200}, // this page's form under no-referrer (a proxy's header)
		{"", "same-origin", 200},     // a browser that sends no Origin
		{"", "none", 200},            // typed or bookmarked by the user
		{"http://evil.example", "", 403},
		{"http://evil.example", "cross-site", 403},
		{"http://evil.example", "same-origin", 403}, // the headers disagree: refuse
		{"null", "", 403},                           // a sandboxed or file: page, no Sec-Fetch-Site
		{"null", "cross-site", 403},                 // a sandboxed page elsewhere
		{"null", "same-site", 403},                  // a sandboxed page on a sibling host
		{"", "cross-site", 403},                     // a browser says so
		{"", "same-site", 403},                      // another host of the same site
		{self, "cross-site", 403},                   // the headers disagree: refuse
		{"http://localhost:8080", "", 403},          // another origin, though this computer
		{"http://127.0.0.1:9999", "", 403},          // another port
		{"not a url", "", 403},
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
	// The policy that makes browsers send the real origin on our forms.
	if got := f.get("/").Header().Get("Referrer-Policy"); got != "same-origin" {
		t.Errorf("Referrer-Policy %q", got)
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
	g := newFixture(t, Config{Token: "0123456789abcdef"})
	req := httptest.NewRequest("GET", "/healthz", nil)
	req.Host = "handouts.clinic.example"
	req.Header.Set("Authorization", "Bearer 0123456789abcdef")
	wantStatus(t, g.do(req), 200)

	// The form and the login are state-changing too.
	for _, path := range []string{"/render", "/login", "/logout"} {
		for _, site := range []string{"", "cross-site"} {
			req = httptest.NewRequest("POST", path, strings.NewReader("h=terapia&token=0123456789abcdef"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", "http://evil.example")
			req.Header.Set("Sec-Fetch-Site", site)
			wantStatus(t, g.do(req), 403)
		}
	}
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

func TestNormalizeToken(t *testing.T) {
	for _, c := range []struct {
		in, want, err string
	}{
		{"", "", ""},
		{"0123456789abcdef", "0123456789abcdef", ""},
		{"0123456789abcdef\r", "0123456789abcdef", ""}, // an env file saved on Windows
		{"  0123456789abcdef\n", "0123456789abcdef", ""},
		{"   ", "", "only spaces"},
		{"\r\n", "", "only spaces"},
		{"0123456789\x07abcdef", "", "control character"},
		{"short\r", "", "has 5 characters"},
	} {
		got, err := NormalizeToken(c.in)
		if got != c.want || (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("NormalizeToken(%q) = %q, %v; want %q, %q", c.in, got, err, c.want, c.err)
		}
		if err != nil && strings.Contains(err.Error(), "0123456789") {
			t.Errorf("the message repeats the token: %v", err)
		}
	}
	// New trims it too: the token as typed signs in.
	f := newFixture(t, Config{Token: "correct horse battery staple\r"})
	req := httptest.NewRequest("POST", "/api/render", strings.NewReader(`{"handouts": ["terapia"]}`))
	req.Header.Set("Authorization", "Bearer correct horse battery staple")
	wantStatus(t, f.do(req), 200)
	if _, err := New(Config{Brand: noBrand(t), Token: "  "}); err == nil {
		t.Error("New takes a blank token")
	}
}

// Sessions: each sign-in its own random id, ended by sign-out on the
// server, by the clock after a clinic day, and Secure over HTTPS.
func TestSessions(t *testing.T) {
	const token = "correct horse battery staple"
	clock := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	f := newFixture(t, Config{Token: token, Now: func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }})
	advance := func(d time.Duration) { mu.Lock(); clock = clock.Add(d); mu.Unlock() }
	login := func(hdr ...string) *http.Cookie {
		t.Helper()
		req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"token": {token}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := f.do(req)
		wantStatus(t, rec, 303)
		cs := rec.Result().Cookies()
		if len(cs) != 1 {
			t.Fatalf("cookies %v", cs)
		}
		return cs[0]
	}
	status := func(c *http.Cookie) int {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(c)
		return f.do(req).Code
	}
	a, b := login(), login()
	if a.Value == b.Value || len(a.Value) != 64 {
		t.Errorf("sessions %q and %q: each sign-in needs its own random id", a.Value, b.Value)
	}
	if a.MaxAge != 12*60*60 || a.Secure {
		t.Errorf("cookie %+v: want 12 h, not Secure over plain HTTP", a)
	}
	if status(a) != 200 || status(b) != 200 {
		t.Fatal("a session does not sign in")
	}
	// Sign-out ends the session on the server: the old cookie, replayed,
	// is refused; the other desk's session goes on.
	req := httptest.NewRequest("POST", "/logout", nil)
	req.AddCookie(a)
	wantStatus(t, f.do(req), 303)
	if status(a) != 303 || status(b) != 200 {
		t.Error("sign-out did not end exactly its own session")
	}
	// A clinic day later, the session has ended.
	advance(12*time.Hour - time.Minute)
	if status(b) != 200 {
		t.Error("the session ended early")
	}
	advance(time.Minute)
	if status(b) != 303 {
		t.Error("the session outlived its 12 hours")
	}
	// Over HTTPS, directly or through a TLS proxy, the cookie is Secure.
	if c := login("X-Forwarded-Proto", "https"); !c.Secure {
		t.Error("the cookie is not Secure behind an HTTPS proxy")
	}
	req = httptest.NewRequest("POST", "https://127.0.0.1:8080/login", strings.NewReader(url.Values{"token": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if cs := f.do(req).Result().Cookies(); len(cs) != 1 || !cs[0].Secure {
		t.Errorf("the cookie is not Secure over TLS: %v", cs)
	}
	// Signing out after the session ended still clears the cookie.
	req = httptest.NewRequest("POST", "/logout", nil)
	req.AddCookie(b)
	wantStatus(t, f.do(req), 303)
	// The sign-in page needs the logo it shows.
	g := newFixture(t, Config{Token: token, Brand: exampleBrand(t)})
	wantStatus(t, g.get("/brand/logo"), 200)
	wantStatus(t, g.get("/favicon.ico"), 200)
}

// A changed file is parsed once however many requests ask for it at the
// same moment.
func TestChangedFileParsedOnce(t *testing.T) {
	f := newFixture(t, Config{})
	wantStatus(t, f.get("/"), 200)
	bump(t, filepath.Join(f.dir, "group-therapy.yaml"))
	f.srv.lib.mu.Lock()
	before := f.srv.lib.parses
	f.srv.lib.mu.Unlock()
	var wg sync.WaitGroup
	codes := make([]int, 32)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = f.get("/handout/group-therapy").Code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("request %d: %d", i, c)
		}
	}
	f.srv.lib.mu.Lock()
	defer f.srv.lib.mu.Unlock()
	if n := f.srv.lib.parses - before; n != 1 {
		t.Errorf("the changed file was parsed %d times", n)
	}
}

// A render over the page limit is refused before its PDF is made.
func TestPageLimit(t *testing.T) {
	f := newFixture(t, Config{MaxPages: 3})
	rec := f.api(`{"handouts": ["group-therapy", "terapia"], "format": "guide", "large_print": true}`)
	wantStatus(t, rec, 422)
	if msg, _ := apiError(t, rec); !strings.Contains(msg, "more than the 3 one print may have") {
		t.Errorf("message %q", msg)
	}
	wantStatus(t, f.api(`{"handouts": ["group-therapy", "terapia"]}`), 200)
	// Without a logo the page still has an icon.
	rec = f.get("/favicon.ico")
	wantStatus(t, rec, 200)
	if rec.Header().Get("Content-Type") != "image/svg+xml" {
		t.Error(rec.Header())
	}
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
	page := f.get("/").Body.String()
	if !strings.Contains(f.log.String(), "terapia.yaml:7:5: unknown key `heding`") || !strings.Contains(page, "This handout cannot be printed") {
		t.Errorf("new errors do not show:\n%s", f.log.String())
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

// bump moves a file's time forward by a minute from what it was, as a
// later save would; the library looks at size and time.
func bump(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	next := info.ModTime().Add(time.Minute)
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
	// The request lines: the others say what in the content (the broken
	// file) or a render went wrong, for whoever runs the server.
	var requests []string
	for _, line := range strings.Split(strings.TrimSpace(logText), "\n") {
		if fields := strings.Fields(line); len(fields) > 2 && (fields[2] == "content" || fields[2] == "render") {
			continue
		}
		requests = append(requests, line)
	}
	if len(requests) != len(reqs) {
		t.Errorf("%d log lines for %d requests:\n%s", len(requests), len(reqs), logText)
	}
	// Each line is method, path, status, duration: the query is gone.
	for _, line := range requests {
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
// completes, that Run returns nil, and that the port is closed after.
func TestRunShutsDownCleanly(t *testing.T) {
	f := newFixture(t, Config{MaxRenders: 1})
	// Parse the content first, so the render below waits for its render
	// slot and not for a parse.
	wantStatus(t, f.get("/"), 200)
	waiting := make(chan struct{})
	var once sync.Once
	f.srv.onWait = func() { once.Do(func() { close(waiting) }) }
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, "127.0.0.1:0", f.srv, func(a string) { addrc <- a }) }()
	addr := <-addrc
	base := "http://" + addr
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
	<-waiting // the render is in the handler, waiting for the held slot
	cancel()  // shutdown starts with the render waiting
	<-f.srv.slots
	if code := <-result; code != 200 {
		t.Errorf("the render in flight got %d", code)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	client.CloseIdleConnections()
	// Run has returned: nothing listens on the port any more.
	if c, err := net.Dial("tcp", addr); err == nil {
		c.Close()
		t.Error("the port still accepts connections after Run returned")
	}
}

// TestBrandColoursReachAA checks the page's colours with a brand too light
// to read: every text colour reaches 4.5:1 where it is drawn.
func TestBrandColoursReachAA(t *testing.T) {
	page, err := colour.Parse(pageBackground)
	if err != nil {
		t.Fatal(err)
	}
	for _, hex := range []string{"#F5D90A", "#9AB3C4", "#1F5A7A", "#FFFFFF"} {
		c, err := colour.Parse(hex)
		if err != nil {
			t.Fatal(err)
		}
		b := noBrand(t)
		b.Primary, b.Accent = c, c
		css, err := brandCSS(b)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(css, "--primary:#")
		got, err := colour.Parse(css[i+len("--primary:") : i+len("--primary:")+7])
		if err != nil {
			t.Fatal(err)
		}
		for name, bg := range map[string]colour.Color{"white": colour.White, "the page": page, "the tint": c.Tint(0.08)} {
			if r := colour.Contrast(got, bg); r < 4.5 {
				t.Errorf("brand %s: primary %s on %s is %.2f:1", hex, got, name, r)
			}
		}
	}
	// The fixed colours of style.css.
	ink, muted := colour.Color{R: 0x1A, G: 0x1A, B: 0x1A}, colour.Color{R: 0x4D, G: 0x4D, B: 0x4D}
	for _, c := range []colour.Color{ink, muted} {
		for _, bg := range []colour.Color{colour.White, page, {R: 0xFD, G: 0xEC, B: 0xEA}} {
			if r := colour.Contrast(c, bg); r < 4.5 {
				t.Errorf("%s on %s is %.2f:1", c, bg, r)
			}
		}
	}
}

// writeLongSummary adds a handout whose summary cannot fit one page,
// though its guide and FAQ sheet build (as `handouts build` makes them).
func writeLongSummary(t testing.TB, dir string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("title: Living with high blood pressure\nlanguage: en\nsummary:\n")
	for i := 0; i < 24; i++ { // more than fits even with no brand's furniture
		fmt.Fprintf(&b, "  - Point %d. Check your blood pressure at home at the same time each day, write the numbers down, and bring them to every visit so your care team can see how your treatment is working over weeks and months.\n", i+1)
	}
	b.WriteString(`sections:
  - heading: What it is
    brief: Hypertension means the blood pushes too hard against the walls of the arteries.
    body: Hypertension means the blood pushes too hard against the walls of the arteries, over months and years.
faq:
  - q: Can it be cured?
    a: It can be controlled with medicine, food, movement and sleep.
`)
	write(t, dir, "blood-pressure.yaml", b.String())
}

// Defect: a format that cannot be made hid the whole handout.
func TestSummaryThatCannotFit(t *testing.T) {
	f := newFixture(t, Config{})
	writeLongSummary(t, f.dir)
	body := f.get("/").Body.String()
	c := cards(body)["blood-pressure"]
	if c == "" || strings.Contains(c, "bad") {
		t.Fatalf("the handout is not listed as printable: %q\n%s", c, body)
	}
	for _, want := range []string{"Living with high blood pressure", "Full guide, FAQ sheet", "The one-page summary cannot be made: its summary is longer than one page."} {
		if !strings.Contains(body, want) {
			t.Errorf("library lacks %q", want)
		}
	}
	if strings.Contains(body, f.dir) || strings.Contains(body, "blood-pressure.yaml") {
		t.Error("the page shows a path")
	}
	if !strings.Contains(f.log.String(), "blood-pressure.yaml:") {
		t.Errorf("the log lacks the details:\n%s", f.log.String())
	}
	page := f.get("/handout/blood-pressure").Body.String()
	for _, want := range []string{`value="summary" disabled`, "(cannot be made: its summary is longer than one page)", `id="format-guide" value="guide" checked`} {
		if !strings.Contains(page, want) {
			t.Errorf("handout page lacks %q", want)
		}
	}
	wantStatus(t, f.api(`{"handouts": ["blood-pressure"], "format": "guide"}`), 200)
	wantStatus(t, f.api(`{"handouts": ["blood-pressure"], "format": "faq"}`), 200)
	rec := f.api(`{"handouts": ["blood-pressure"]}`)
	wantStatus(t, rec, 422)
	if msg, _ := apiError(t, rec); msg != "The one-page summary of “Living with high blood pressure” cannot be made: its summary is longer than one page. Choose another format." {
		t.Errorf("message %q", msg)
	}
}

// A summary the brand's furniture crowds out is the clinic's details'
// fault, said so, not the handout's; the furniture's details are for IT.
func TestRenderProblemBlamesTheBrand(t *testing.T) {
	h := &content.Handout{Title: content.Text{Raw: "Group therapy"}, File: "/srv/data/group-therapy.yaml"}
	err := &handout.RenderError{Handout: h, Err: &format.ErrTooLong{Pages: 2, Brand: []string{"the contact details take 5 lines, where the large-print summary keeps room for 3 (shorten the address, email or website)"}}}
	p := renderProblem(err, &format.Personal{}, handout.RenderSpec{Options: format.Options{LargePrint: true}})
	if p.msg != "The summary of “Group therapy” does not fit on one page in large print with this clinic's contact details. Print the full guide; whoever set up the clinic's details can shorten them." {
		t.Errorf("message %q", p.msg)
	}
	for _, it := range []string{"/srv/", "address, email or website", "U+"} {
		if strings.Contains(p.msg, it) {
			t.Errorf("the message holds %q", it)
		}
	}
}

// TestSessionCap: at the most sessions a server keeps, a new sign-in ends
// the oldest one, so the server holds exactly maxSessions and every other
// desk stays signed in.
func TestSessionCap(t *testing.T) {
	now := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
	s, err := New(Config{Brand: noBrand(t), Token: "correct horse battery staple", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	s.smu.Lock()
	for i := 0; i < maxSessions; i++ {
		s.sessions[sessionKey(strconv.Itoa(i))] = now.Add(time.Hour + time.Duration(i)*time.Second)
	}
	s.smu.Unlock()
	id, err := s.newSession()
	if err != nil {
		t.Fatal(err)
	}
	s.smu.Lock()
	n := len(s.sessions)
	s.smu.Unlock()
	if n != maxSessions {
		t.Errorf("%d sessions kept after a sign-in at the cap, want %d", n, maxSessions)
	}
	if s.live("0") {
		t.Error("the oldest session is still signed in past the cap")
	}
	if !s.live("1") || !s.live(strconv.Itoa(maxSessions-1)) || !s.live(id) {
		t.Error("a session other than the oldest was ended")
	}
}
