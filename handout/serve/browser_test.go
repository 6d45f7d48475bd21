package serve

// A real browser drives the page as the front desk would: Debian's
// chromium through chromedp. It is skipped where chromium is missing, and
// fails under CI=true, where .ci/run installs it.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"handouts/internal/tooltest"
)

func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	tooltest.Missing(t, "chromium is not installed (the browser test of handouts serve drives it)")
	return ""
}

// artifactDir is where screenshots go: $HANDOUTS_ARTIFACTS when set (CI
// keeps it), else the test's temporary folder.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("HANDOUTS_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// One browser for the test binary: starting Chromium takes seconds on a
// busy machine. Each test gets its own tab.
var shared struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.cancel != nil {
		shared.cancel()
	}
	os.Exit(code)
}

// post is one POST the server saw from the browser, with the headers the
// CSRF check reads.
type post struct {
	Path, Origin, Site string
	Status             int
}

// tab drives one browser tab against one test server.
type tab struct {
	t     *testing.T
	ctx   context.Context
	f     *fixture
	url   string // the server's base URL
	mu    sync.Mutex
	posts []post
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// newTab starts (once) the browser, serves f on loopback and opens a tab.
func newTab(t *testing.T, f *fixture) *tab {
	t.Helper()
	exe := findChromium(t)
	shared.once.Do(func() {
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
			chromedp.ExecPath(exe),
			chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.UserDataDir(filepath.Join(os.TempDir(), "handouts-browser-test-"+strconv.Itoa(os.Getpid()))),
			chromedp.WindowSize(1200, 1000),
		)
		ctx, cancel := chromedp.NewContext(alloc)
		shared.ctx = ctx
		shared.cancel = func() {
			cancel()
			cancelAlloc()
			os.RemoveAll(filepath.Join(os.TempDir(), "handouts-browser-test-"+strconv.Itoa(os.Getpid())))
		}
		shared.err = chromedp.Do(ctx) // starts the browser
	})
	if shared.err != nil {
		t.Fatalf("starting chromium: %v", shared.err)
	}
	tb := &tab{t: t, f: f}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			f.srv.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{ResponseWriter: w}
		f.srv.ServeHTTP(rec, r)
		tb.mu.Lock()
		tb.posts = append(tb.posts, post{r.URL.Path, r.Header.Get("Origin"), r.Header.Get("Sec-Fetch-Site"), rec.status})
		tb.mu.Unlock()
	})) // loopback only
	t.Cleanup(ts.Close)
	tb.url = ts.URL
	ctx, cancel := chromedp.NewContext(shared.ctx)
	t.Cleanup(cancel)
	// A generous bound for a shared, busy machine: it catches a hang, it
	// does not measure speed.
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelT)
	tb.ctx = ctx
	return tb
}

func (tb *tab) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.t.Logf("step: %s", what)
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v\n%s", what, err, tb.state())
	}
}

func (tb *tab) state() string {
	s, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`location.href + " | " + document.body.innerText.slice(0, 3000)`))
	return "page: " + s + "\nlog:\n" + tb.f.log.String()
}

func (tb *tab) eval(js string) string {
	tb.t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v", js, err)
	}
	return s
}

// follow runs steps that load another page (a click on a link, a form's
// button, Enter) and returns once that page has loaded. Without the wait, a
// busy machine lets the next query find the element in a node tree that
// chromedp replaces a moment later, and the step after it fails with
// "Could not find node with given id".
func (tb *tab) follow(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.t.Logf("step: %s", what)
	if _, err := chromedp.RunResponse(tb.ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v\n%s", what, err, tb.state())
	}
}

// poll waits for a condition in the page (the browser checks it on each
// animation frame): an event, not a timed sleep.
func (tb *tab) poll(js string) {
	tb.t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		tb.t.Fatalf("waiting for %s: %v\n%s", js, err, tb.state())
	}
}

// scripts turns the page's JavaScript off or on, as a browser's setting
// would.
func (tb *tab) scripts(on bool) {
	tb.t.Helper()
	if _, err := chromedp.Call(tb.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on}); err != nil {
		tb.t.Fatal(err)
	}
}

// screenshot keeps a picture of the page as an artifact.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	tb.eval(`window.scrollTo(0, 0); ""`)
	shot, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	out := filepath.Join(artifactDir(tb.t), name)
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s (%d KB)", out, len(shot)>>10)
}

// previewPDF reads the PDF the preview shows, from the page's own blob,
// exactly the bytes the Download button saves.
func (tb *tab) previewPDF() []byte {
	tb.t.Helper()
	b64 := tb.eval(`fetch(document.getElementById("frame").src).then(r => r.arrayBuffer()).then(b => {
		let s = ""; const u = new Uint8Array(b);
		for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
		return btoa(s); })`)
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		tb.t.Fatal(err)
	}
	return pdf
}

// postsTo lists the POSTs the server saw to path.
func (tb *tab) postsTo(path string) []post {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []post
	for _, p := range tb.posts {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

// downloads lets the browser save files into a new folder and returns it
// with a channel that says when each download completes.
func (tb *tab) downloads() (string, <-chan string) {
	tb.t.Helper()
	dir := tb.t.TempDir()
	done := make(chan string, 4)
	names := map[string]string{}
	var mu sync.Mutex
	chromedp.ListenBrowser(tb.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *browser.EventDownloadWillBegin:
			names[e.GUID] = e.SuggestedFilename
		case *browser.EventDownloadProgress:
			if e.State == browser.DownloadProgressStateCompleted {
				done <- names[e.GUID]
			}
		}
	})
	yes := true
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &yes}); err != nil {
		tb.t.Fatal(err)
	}
	return dir, done
}

// TestBrowser is the JavaScript path: search as you type, a personalised
// preview, a download, an error in the page, a packet.
func TestBrowser(t *testing.T) {
	needTool(t, "pdftotext")
	f := newFixture(t, Config{Brand: exampleBrand(t)})
	tb := newTab(t, f)
	ts := tb

	// 1. The library, searched as you type: case and accents folded, the
	// whole handout searched.
	tb.run("open the library", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"))
	if got := tb.eval(`document.querySelector(".band .clinic").textContent`); got != "Riverbend Wellness Clinic" {
		t.Errorf("band shows %q", got)
	}
	tb.run("search", chromedp.SendKeys("#q", "terap"))
	tb.poll(`document.getElementById("count").textContent === "1 of 3 handouts shown"`)
	if tb.eval(`String(document.querySelector('li[data-lang="en"]').hidden)`) != "true" {
		t.Error("search did not hide Group therapy")
	}
	if !strings.Contains(tb.eval(`location.search`), "q=terap") {
		t.Error("the address does not keep the search")
	}
	tb.run("search again", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"), chromedp.SendKeys("#q", "group"))
	tb.poll(`document.getElementById("count").textContent === "1 of 3 handouts shown" && !document.querySelector('li[data-lang="en"]').hidden`)
	tb.run("search without accents", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"), chromedp.SendKeys("#q", "REUNE"))
	tb.poll(`document.getElementById("count").textContent === "1 of 3 handouts shown" && !document.querySelector('li[data-lang="es"]').hidden`)
	tb.run("search the FAQ", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"), chromedp.SendKeys("#q", "ketamine"))
	tb.poll(`document.getElementById("count").textContent === "1 of 3 handouts shown" && !document.querySelector('li[data-lang="en"]').hidden`)

	// Without JavaScript the search is a form: the server filters.
	tb.scripts(false)
	tb.run("search without JavaScript", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "terap"), chromedp.Click(`form.search button[type="submit"]`, chromedp.NodeVisible),
		// The answer's box holds the query as its attribute; the typed-in
		// box only as its value.
		chromedp.WaitVisible(`#q[value="terap"]`))
	tb.poll(`location.search === "?q=terap&lang=" && document.querySelector('li[data-lang="en"]').hidden && !document.querySelector('li[data-lang="es"]').hidden`)
	tb.scripts(true)

	// Keyboard: the first Tab reaches the skip link, shown with a visible
	// focus outline.
	tb.run("tab", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"), chromedp.KeyEvent("\t"))
	if got := tb.eval(`document.activeElement.className + " " + getComputedStyle(document.activeElement).outlineStyle`); got != "skip solid" {
		t.Errorf("first Tab: %q, want the skip link with a solid outline", got)
	}

	// 200 % zoom: a 1200-pixel window at 200 % lays out like 600 pixels;
	// nothing may need sideways scrolling.
	for _, page := range []string{"/", "/handout/group-therapy"} {
		tb.run("zoom", chromedp.EmulateViewport(600, 900))
		tb.run("zoom nav", chromedp.Navigate(ts.url+page))
		tb.run("zoom wait", chromedp.WaitVisible("#main"))
		if got := tb.eval(`String(document.documentElement.scrollWidth <= document.documentElement.clientWidth)`); got != "true" {
			t.Errorf("%s scrolls sideways at 200 %% zoom", page)
		}
	}
	tb.run("unzoom", chromedp.EmulateViewport(1200, 1000))

	// 2. A handout, personalised and previewed in the page.
	tb.run("open the library", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"))
	tb.follow("open a handout", chromedp.Click(`a[href="/handout/group-therapy"]`, chromedp.NodeVisible))
	tb.run("its form", chromedp.WaitVisible("#patient"))
	const note = "Bring your questions to group."
	tb.run("personalise",
		chromedp.SendKeys("#patient", patient),
		chromedp.SendKeys("#clinician", "Dr. Amara Okafor"),
		chromedp.SetValue("#next_visit", "2026-12-06T10:30"),
		chromedp.SendKeys("#note", note),
	)
	if got := tb.eval(`document.getElementById("note-count").textContent`); got != strconv.Itoa(len(note))+" of 500 characters" {
		t.Errorf("note counter %q", got)
	}
	tb.run("preview", chromedp.Click("#preview"))
	tb.poll(`document.getElementById("pages").textContent === "1 page" && document.getElementById("frame").src.startsWith("blob:")`)
	if tb.eval(`String(document.getElementById("frame").hidden)`) != "false" {
		t.Error("the preview frame is hidden")
	}
	text := pdfText(t, tb.previewPDF())
	for _, want := range []string{"For: " + patient, "Care team: Dr. Amara Okafor", "Date: November 29, 2026", "Next appointment: December 6, 2026, 10:30 AM", note, "The short version"} {
		if !strings.Contains(text, want) {
			t.Errorf("the previewed PDF lacks %q", want)
		}
	}

	// 3. Download: the browser saves the file; read it back.
	downloads, done := tb.downloads()
	tb.run("download", chromedp.Click("#download"))
	tb.poll(`document.getElementById("status").textContent === "Downloaded group-therapy-summary.pdf."`)
	if name := <-done; name != "group-therapy-summary.pdf" {
		t.Errorf("downloaded %q", name)
	}
	saved := filepath.Join(downloads, "group-therapy-summary.pdf")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, data)
	if !strings.Contains(text, patient) || !strings.Contains(text, note) || strings.Count(text, "\f") > 1 {
		t.Errorf("the downloaded PDF: %q", text)
	}
	if out, err := exec.Command("pdfinfo", saved).Output(); err == nil && !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(out) {
		t.Errorf("the downloaded summary is not one page:\n%s", out)
	}
	os.Remove(saved)

	// Print says what it did, not the last download.
	tb.run("print", chromedp.Click("#print-button"))
	tb.poll(`document.getElementById("status").textContent.startsWith("Printing group-therapy-summary.pdf")`)

	// An error shows in the page, not as a broken PDF.
	// (on a summary that nearly fills its page: the seed's has room for
	// a patient block at its limits)
	writeFullSummary(t, f.dir)
	tb.run("a note too long for the summary", chromedp.Navigate(tb.url+"/handout/full-summary"), chromedp.WaitVisible("#patient"), chromedp.SetValue("#patient", strings.Repeat("Name ", 20)), chromedp.SetValue("#clinician", strings.Repeat("Team ", 20)),
		chromedp.SetValue("#note", strings.Repeat("Take your time and rest. ", 20)), chromedp.Click("#preview"))
	tb.poll(`!document.getElementById("problem").hidden && document.getElementById("problem").textContent.includes("Shorten the note")`)
	// A note over 500 characters is counted and refused, never cut.
	long := strings.Repeat("Please take your medicine. ", 20) // 540
	tb.run("a note over the limit", chromedp.SetValue("#note", long[:len(long)-2]), chromedp.SendKeys("#note", long[len(long)-2:]))
	if got := tb.eval(`document.getElementById("note-count").textContent`); got != "540 of 500 characters: 40 too many" {
		t.Errorf("note counter %q", got)
	}
	if got := tb.eval(`String(document.getElementById("note").value.length)`); got != "540" {
		t.Errorf("the note was cut to %s characters", got)
	}
	tb.run("preview it", chromedp.Click("#preview"))
	tb.poll(`!document.getElementById("problem").hidden && document.getElementById("problem").textContent === "The note is 540 characters, 40 more than the 500 it may have. Shorten it." && document.activeElement.id === "note"`)

	// 4. A packet of two handouts, ticked on the library page.
	tb.run("tick two", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"),
		chromedp.Click("#pick-group-therapy"), chromedp.Click("#pick-terapia"),
		chromedp.WaitVisible(`#packet button[type="submit"]`))
	tb.follow("open the packet", chromedp.Click(`#packet button[type="submit"]`))
	tb.run("the packet's form", chromedp.WaitVisible("#patient"))
	if got := tb.eval(`document.querySelector("h1").textContent`); got != "Packet of 2 handouts" {
		t.Errorf("packet page title %q", got)
	}
	tb.run("personalise the packet", chromedp.SendKeys("#patient", patient), chromedp.SetValue("#next_visit", "2026-12-06T10:30"), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("pages").textContent === "2 pages"`)
	text = pdfText(t, tb.previewPDF())
	for _, want := range []string{"Group therapy", "Terapia de grupo", "For: " + patient, "Para: " + patient, "December 6, 2026, 10:30 AM", "6 de diciembre de 2026, 10:30"} {
		if !strings.Contains(text, want) {
			t.Errorf("the packet lacks %q", want)
		}
	}
	// Nothing ticked: the library says what to do.
	tb.run("tick none", chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"), chromedp.Click(`#packet button[type="submit"]`), chromedp.WaitVisible(".alert"))
	if got := tb.eval(`document.querySelector(".alert").textContent`); !strings.HasPrefix(got, "No handout is ticked.") {
		t.Errorf("nothing ticked: %q", got)
	}

	// 5. Screenshots of the library and the filled-in page, kept as
	// artifacts.
	tb.run("library for the screenshot", chromedp.EmulateViewport(1200, 1000), chromedp.Navigate(ts.url+"/"), chromedp.WaitVisible("#q"))
	tb.screenshot("handouts-serve-library.png")
	tb.run("fill for the screenshot", chromedp.EmulateViewport(1200, 1320), chromedp.Navigate(ts.url+"/handout/group-therapy"), chromedp.WaitVisible("#patient"),
		chromedp.SendKeys("#patient", "Maria Lopez"), chromedp.SendKeys("#clinician", "Dr. Amara Okafor"),
		chromedp.SetValue("#next_visit", "2026-12-14T10:30"), chromedp.SendKeys("#note", note), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("pages").textContent === "1 page"`)
	tb.run("settle", chromedp.Sleep(4*time.Second)) // the PDF viewer draws in tiles
	tb.screenshot("handouts-serve.png")

	// Nothing the browser did reached the log beyond method, path, status
	// and duration.
	if strings.Contains(f.log.String(), "Zebulon") {
		t.Error("the log holds the patient's name")
	}
}

// Defect 1: after a good preview, a render that fails (or is still being
// made) must take the old preview off the page at once, with its blob URL:
// the PDF viewer's own print button would print the previous patient's
// handout.
func TestBrowserNoStalePreview(t *testing.T) {
	needTool(t, "pdftotext")
	f := newFixture(t, Config{})
	tb := newTab(t, f)
	tb.run("open a handout", chromedp.Navigate(tb.url+"/handout/group-therapy"), chromedp.WaitVisible("#patient"),
		chromedp.SendKeys("#patient", "Long Note Patient"), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("pages").textContent === "1 page" && document.getElementById("frame").src.startsWith("blob:")`)
	if !strings.Contains(pdfText(t, tb.previewPDF()), "For: Long Note Patient") {
		t.Fatal("the first preview is not the first patient's")
	}
	old := tb.eval(`document.getElementById("frame").src.split("#")[0]`)

	// A name the font cannot print, set as a paste or autofill does (no
	// input event), then Preview: the render fails.
	tb.run("an unprintable name", chromedp.SetValue("#patient", "Ann 😀"), chromedp.Click("#preview"))
	tb.poll(`!document.getElementById("problem").hidden`)
	if got := tb.eval(`document.getElementById("problem").textContent`); got != "Patient name has a character the handout's font cannot print: 😀. Remove it, or write it another way." {
		t.Errorf("the message: %q", got)
	}
	if got := tb.eval(`String(document.getElementById("frame").hidden) + " " + document.getElementById("frame").hasAttribute("src") + " " + document.getElementById("pages").textContent`); got != "true false No preview: the PDF could not be made. Patient name has a character the handout's font cannot print: 😀. Remove it, or write it another way." {
		t.Errorf("after a failed render the preview still shows (hidden, has src, pages): %s", got)
	}
	// The old PDF is gone from memory too: its blob URL was revoked.
	if got := tb.eval(`fetch(` + strconv.Quote(old) + `).then(() => "still there", () => "revoked")`); got != "revoked" {
		t.Errorf("the previous patient's PDF is %s", got)
	}
	tb.screenshot("handouts-serve-error.png")

	// A good preview again, then a field typed into: the preview goes at
	// once, before any button is pressed.
	tb.run("a good name", chromedp.SetValue("#patient", "Second Patient"), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:") && document.getElementById("problem").hidden`)
	tb.run("type", chromedp.SendKeys("#patient", " Jr"))
	if got := tb.eval(`String(document.getElementById("frame").hidden) + " " + document.getElementById("frame").hasAttribute("src") + " " + document.getElementById("status").textContent`); got != "true false Changed: choose Preview to update." {
		t.Errorf("after an edit the old preview still shows: %s", got)
	}
	// The preview on show is always the form's.
	tb.run("preview the edit", chromedp.Click("#preview"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:")`)
	if !strings.Contains(pdfText(t, tb.previewPDF()), "For: Second Patient Jr") {
		t.Error("the preview is not the form's")
	}
}

// Defect 2: without JavaScript the page is plain forms, posted by the
// browser itself; they must pass the CSRF check in Chromium.
func TestBrowserWithoutJavaScript(t *testing.T) {
	needTool(t, "pdftotext")
	f := newFixture(t, Config{})
	tb := newTab(t, f)
	tb.scripts(false)
	tb.run("open a handout", chromedp.Navigate(tb.url+"/handout/group-therapy"), chromedp.WaitVisible("#patient"),
		chromedp.SendKeys("#patient", patient))

	// Preview opens the PDF in a new tab (target=_blank).
	opened := chromedp.WaitNewTarget(tb.ctx, func(i *target.Info) bool { return i.Type == "page" })
	tb.run("preview", chromedp.Click("#preview"))
	id := <-opened
	pdfTab, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(id))
	defer cancel()
	if _, err := chromedp.Run(pdfTab, chromedp.Poll[bool](`document.readyState === "complete" && location.pathname === "/render"`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatal(err)
	}
	kind, err := chromedp.Run(pdfTab, chromedp.Evaluate[string](`document.contentType + " | " + (document.body ? document.body.innerText.slice(0, 200) : "")`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(kind, "application/pdf") {
		t.Errorf("the preview tab shows %q, not the PDF", kind)
	}
	posts := tb.postsTo("/render")
	if len(posts) != 1 || posts[0].Status != 200 {
		t.Fatalf("POST /render: %+v", posts)
	}
	// What Chromium sends on a same-origin form post under our
	// Referrer-Policy, for the record.
	t.Logf("Chromium's form POST: Origin %q, Sec-Fetch-Site %q", posts[0].Origin, posts[0].Site)
	if posts[0].Origin != tb.url || posts[0].Site != "same-origin" {
		t.Errorf("Chromium sent Origin %q, Sec-Fetch-Site %q", posts[0].Origin, posts[0].Site)
	}
	cancel()

	// Download saves the file.
	dir, done := tb.downloads()
	tb.run("download", chromedp.Click("#download"))
	if name := <-done; name != "group-therapy-summary.pdf" {
		t.Errorf("downloaded %q", name)
	}
	data, err := os.ReadFile(filepath.Join(dir, "group-therapy-summary.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, data); !strings.Contains(text, "For: "+patient) {
		t.Errorf("the downloaded PDF: %q", text)
	}
	if posts := tb.postsTo("/render"); len(posts) != 2 || posts[1].Status != 200 {
		t.Errorf("POST /render: %+v", posts)
	}
	// A page elsewhere still cannot post: a form on another site (this
	// computer by its other name) aimed at the server is refused.
	foreign := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!doctype html><title>elsewhere</title><form method="post" action="` + tb.url + `/render"><input name="h" value="terapia"><input name="patient" value="Mallory"><button id="go">Go</button></form>`))
	}))
	defer foreign.Close()
	elsewhere := strings.Replace(foreign.URL, "127.0.0.1", "localhost", 1)
	tb.run("a form elsewhere", chromedp.Navigate(elsewhere+"/"), chromedp.WaitVisible("#go"), chromedp.Click("#go"), chromedp.WaitVisible(".alert"))
	posts = tb.postsTo("/render")
	last := posts[len(posts)-1]
	t.Logf("Chromium's cross-site form POST: Origin %q, Sec-Fetch-Site %q, status %d", last.Origin, last.Site, last.Status)
	if len(posts) != 3 || last.Status != 403 {
		t.Errorf("a post from %s: %+v", elsewhere, posts)
	}
}

// Defect 2: with a token, the sign-in form is a plain POST; it must sign
// in, and sign-out must end the session.
func TestBrowserSignIn(t *testing.T) {
	const token = "correct horse battery staple"
	f := newFixture(t, Config{Brand: exampleBrand(t), Token: token})
	tb := newTab(t, f)
	// Signing in needs no JavaScript: this part runs with it off.
	tb.scripts(false)
	tb.run("open", chromedp.Navigate(tb.url+"/"), chromedp.WaitVisible("#token"))
	if got := tb.eval(`location.pathname`); got != "/login" {
		t.Fatalf("not sent to sign in: %s", got)
	}
	// The logo tile shows the logo, not an empty box.
	tb.poll(`document.querySelector(".tile img").complete`)
	if got := tb.eval(`String(document.querySelector(".tile img").naturalWidth > 0)`); got != "true" {
		t.Error("the sign-in page's logo does not load")
	}
	tb.screenshot("handouts-serve-signin.png")
	tb.run("a wrong token", chromedp.SendKeys("#token", "wrong token, typed in haste"), chromedp.Submit("#token"), chromedp.WaitVisible(".alert"))
	if got := tb.eval(`document.querySelector(".alert").textContent`); !strings.Contains(got, "not right") {
		t.Errorf("wrong token: %q", got)
	}
	tb.run("type the token", chromedp.SendKeys("#token", token))
	tb.follow("sign in", chromedp.Click(`form.login button[type="submit"]`))
	tb.run("the library", chromedp.WaitVisible("#q"))
	if got := tb.eval(`location.pathname`); got != "/" {
		t.Errorf("after sign-in: %s", got)
	}
	for _, p := range tb.postsTo("/login") {
		t.Logf("Chromium's sign-in POST: Origin %q, Sec-Fetch-Site %q, status %d", p.Origin, p.Site, p.Status)
	}
	// Signed in, the plain form renders (the session cookie goes with it).
	opened := chromedp.WaitNewTarget(tb.ctx, func(i *target.Info) bool { return i.Type == "page" })
	tb.run("a plain preview", chromedp.Navigate(tb.url+"/handout/terapia"), chromedp.WaitVisible("#patient"), chromedp.SendKeys("#patient", "Ana"), chromedp.Click("#preview"))
	pdfTab, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(<-opened))
	if _, err := chromedp.Run(pdfTab, chromedp.Poll[bool](`document.readyState === "complete" && location.pathname === "/render"`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatal(err)
	}
	cancel()
	if posts := tb.postsTo("/render"); len(posts) != 1 || posts[0].Status != 200 {
		t.Errorf("POST /render signed in, without JavaScript: %+v", posts)
	}
	// And with scripts, the preview in the page.
	tb.scripts(true)
	tb.run("preview", chromedp.Navigate(tb.url+"/handout/terapia"), chromedp.WaitVisible("#patient"), chromedp.SendKeys("#patient", "Ana"), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:")`)
	// Sign out: back to sign-in, and the old session no longer opens pages.
	tb.follow("sign out", chromedp.Click(`form[action="/logout"] button`))
	tb.run("the sign-in page", chromedp.WaitVisible("#token"))
	tb.run("come back", chromedp.Navigate(tb.url+"/handout/terapia"), chromedp.WaitVisible("#token"))
	if got := tb.eval(`location.pathname`); got != "/login" {
		t.Errorf("after sign-out %s opens", got)
	}
	f.srv.smu.Lock()
	n := len(f.srv.sessions)
	f.srv.smu.Unlock()
	if n != 0 {
		t.Errorf("%d sessions left on the server after sign-out", n)
	}
}

// Defect 3: a handout whose summary cannot fit is listed by title and
// prints in the formats that can be made.
func TestBrowserFormatThatCannotBeMade(t *testing.T) {
	f := newFixture(t, Config{})
	writeLongSummary(t, f.dir)
	tb := newTab(t, f)
	tb.run("open the library", chromedp.Navigate(tb.url+"/?q=blood"), chromedp.WaitVisible("#q"))
	if got := tb.eval(`Array.from(document.querySelectorAll(".library > li")).filter(li => !li.hidden).map(li => li.innerText.replace(/\s+/g, " ").trim()).join(" / ")`); !strings.Contains(got, "Living with high blood pressure") || !strings.Contains(got, "Formats Full guide, FAQ sheet") || !strings.Contains(got, "The one-page summary cannot be made: its summary is longer than one page.") || strings.Contains(got, "/tmp") {
		t.Errorf("the card: %s", got)
	}
	tb.follow("open it", chromedp.Click(`a[href="/handout/blood-pressure"]`, chromedp.NodeVisible))
	tb.run("its form", chromedp.WaitVisible("#patient"))
	if got := tb.eval(`document.getElementById("format-summary").disabled + " " + document.getElementById("format-guide").checked`); got != "true true" {
		t.Errorf("summary disabled, guide checked: %s", got)
	}
	tb.run("preview the guide", chromedp.Click("#preview"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:") && /^\d+ pages?$/.test(document.getElementById("pages").textContent)`)
}

// Keyboard only: Tab to a handout, Enter, fill the form, Enter on
// Preview; focus stays on the button that was pressed.
func TestBrowserKeyboard(t *testing.T) {
	f := newFixture(t, Config{})
	tb := newTab(t, f)
	tb.run("open", chromedp.Navigate(tb.url+"/"), chromedp.WaitVisible("#q"))
	tabTo := func(js string) {
		t.Helper()
		for i := 0; i < 40; i++ {
			if tb.eval(`String(`+js+`)`) == "true" {
				return
			}
			tb.run("tab", chromedp.KeyEvent("\t"))
		}
		t.Fatalf("Tab never reached %s; at %s", js, tb.eval(`document.activeElement.outerHTML.slice(0, 200)`))
	}
	// Each card is two tab stops: its page, and its packet box.
	tabTo(`document.activeElement.matches('a[href="/handout/group-therapy"]')`)
	tb.run("tab", chromedp.KeyEvent("\t"))
	if got := tb.eval(`document.activeElement.id`); got != "pick-group-therapy" {
		t.Errorf("after the card's link: %s", got)
	}
	tb.run("shift-tab back", chromedp.KeyEvent("\t", chromedp.KeyModifiers(kb.ModifierShift)))
	tb.follow("enter", chromedp.KeyEvent("\r"))
	tb.run("the form", chromedp.WaitVisible("#patient"))
	tabTo(`document.activeElement.id === "patient"`)
	tb.run("type", chromedp.KeyEvent("Keyboard Patient"))
	tabTo(`document.activeElement.id === "preview"`)
	tb.run("press Preview", chromedp.KeyEvent("\r"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:")`)
	if got := tb.eval(`document.activeElement.id + " | " + document.getElementById("status").textContent`); got != "preview | Preview ready: 1 page." {
		t.Errorf("after Preview: focus and status %q", got)
	}
}

// axe-core, run in the page, finds no violations on the library, a
// handout page with a preview, the sign-in page and an error page.
func TestBrowserAccessibility(t *testing.T) {
	axe, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	check := func(tb *tab, what string) {
		t.Helper()
		tb.eval(string(axe) + `; ""`)
		out := tb.eval(`axe.run(document, {iframes: false, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" "))}))))`)
		var vs []struct {
			ID, Impact, Help string
			Nodes            []string
		}
		if err := json.Unmarshal([]byte(out), &vs); err != nil {
			t.Fatalf("%s: %v: %s", what, err, out)
		}
		for _, v := range vs {
			t.Errorf("%s: %s (%s): %s at %v", what, v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
	f := newFixture(t, Config{Brand: exampleBrand(t)})
	writeLongSummary(t, f.dir)
	tb := newTab(t, f)
	tb.run("library", chromedp.Navigate(tb.url+"/"), chromedp.WaitVisible("#q"))
	check(tb, "the library")
	tb.run("handout", chromedp.Navigate(tb.url+"/handout/terapia"), chromedp.WaitVisible("#patient"),
		chromedp.SendKeys("#patient", "Ana"), chromedp.Click("#preview"))
	tb.poll(`document.getElementById("frame").src.startsWith("blob:")`)
	check(tb, "a handout page with a preview")
	tb.run("failed render", chromedp.SetValue("#patient", "Ann 😀"), chromedp.Click("#preview"))
	tb.poll(`!document.getElementById("problem").hidden`)
	check(tb, "a handout page with an error")
	tb.run("error page", chromedp.Navigate(tb.url+"/handout/broken"), chromedp.WaitVisible(".alert"))
	check(tb, "an error page")

	g := newFixture(t, Config{Brand: exampleBrand(t), Token: "correct horse battery staple"})
	tg := newTab(t, g)
	tg.run("sign-in", chromedp.Navigate(tg.url+"/login"), chromedp.WaitVisible("#token"))
	check(tg, "the sign-in page")
}

// TestBrowserScripts: the page's own search (app.js's fold) shows the same
// handouts as the server's for queries in Cyrillic, Arabic, Persian and
// Hindi; an Arabic handout's title and the fields typed on its page run
// right to left.
func TestBrowserScripts(t *testing.T) {
	f := languageFixture(t)
	tb := newTab(t, f)
	tb.run("open the library", chromedp.Navigate(tb.url+"/"), chromedp.WaitVisible("#q"))
	for _, q := range []string{"ОСНОВЫ", "здоров сна", "снотв", "отворное", "النَّوم", "عادت\u200cهای", "عادتهای", "बुनियादी", "बिल्ली", "नींद"} {
		want := []string{}
		for name, tag := range cards(f.get("/?q=" + url.QueryEscape(q)).Body.String()) {
			if !strings.Contains(tag, "hidden") {
				want = append(want, name)
			}
		}
		slices.Sort(want)
		js, _ := json.Marshal(q)
		got := tb.eval(`(() => { const q = document.getElementById("q"); q.value = ` + string(js) + `; q.dispatchEvent(new Event("input"));
			return Array.from(document.querySelectorAll(".library > li")).filter((c) => !c.hidden).map((c) => c.querySelector('input[name="h"]').value).sort().join(" "); })()`)
		if got != strings.Join(want, " ") {
			t.Errorf("%q: the page shows %q, the server %q", q, got, strings.Join(want, " "))
		}
	}
	tb.run("open the Arabic handout", chromedp.Navigate(tb.url+"/handout/sleep-ar"), chromedp.WaitVisible("#patient"))
	if got := tb.eval(`["h1", "#patient", "#clinician", "#note"].map((s) => getComputedStyle(document.querySelector(s)).direction).join(" ")`); got != "rtl rtl rtl rtl" {
		t.Errorf("the Arabic handout's title and fields run %q", got)
	}
	tb.run("type a name", chromedp.SendKeys("#patient", "محمد"))
	tb.screenshot("handout-ar.png")
}
