package serve

// A real browser drives the page as the front desk would: Debian's
// chromium through chromedp. It is skipped where chromium is missing, and
// fails under CI=true, where .ci/run installs it.

import (
	"context"
	"encoding/base64"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

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

// artifactDir is where the screenshot goes: $HANDOUTS_ARTIFACTS when set
// (CI keeps it), else the test's temporary folder.
func artifactDir(t *testing.T) string {
	if d := os.Getenv("HANDOUTS_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

func TestBrowser(t *testing.T) {
	exe := findChromium(t)
	needTool(t, "pdftotext")
	b := exampleBrand(t)
	f := newFixture(t, Config{Brand: b})
	ts := httptest.NewServer(f.srv) // loopback only
	defer ts.Close()

	downloads := t.TempDir()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 1000),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	// A generous bound for a shared, busy machine: it catches a hang, it
	// does not measure speed.
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelT()

	run := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		t.Logf("step: %s", what)
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	poll := func(js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Minute))); err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " | " + document.body.innerText.slice(0, 3000)`))
			t.Fatalf("waiting for %s: %v\npage: %s\nlog:\n%s", js, err, state, f.log.String())
		}
	}
	// previewPDF reads the PDF the preview shows, from the page's own blob,
	// exactly the bytes the Download button saves.
	previewPDF := func() []byte {
		t.Helper()
		b64 := eval(`fetch(document.getElementById("frame").src).then(r => r.arrayBuffer()).then(b => {
			let s = ""; const u = new Uint8Array(b);
			for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
			return btoa(s); })`)
		pdf, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		return pdf
	}

	// 1. The library, searched as you type.
	run("open the library", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"))
	if got := eval(`document.querySelector(".band .clinic").textContent`); got != "Riverbend Wellness Clinic" {
		t.Errorf("band shows %q", got)
	}
	run("search", chromedp.SendKeys("#q", "terap"))
	poll(`document.getElementById("count").textContent === "1 of 3 handouts shown"`)
	if eval(`String(document.querySelector('li[data-lang="en"]').hidden)`) != "true" {
		t.Error("search did not hide Group therapy")
	}
	if !strings.Contains(eval(`location.search`), "q=terap") {
		t.Error("the address does not keep the search")
	}
	run("search again", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"), chromedp.SendKeys("#q", "group"))
	poll(`document.getElementById("count").textContent === "1 of 3 handouts shown" && !document.querySelector('li[data-lang="en"]').hidden`)

	// Without JavaScript the search is a form: the server filters.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	run("search without JavaScript", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"),
		chromedp.SendKeys("#q", "terap"), chromedp.Click(`form.search button[type="submit"]`, chromedp.NodeVisible),
		// The answer's box holds the query as its attribute; the typed-in
		// box only as its value.
		chromedp.WaitVisible(`#q[value="terap"]`))
	poll(`location.search === "?q=terap&lang=" && document.querySelector('li[data-lang="en"]').hidden && !document.querySelector('li[data-lang="es"]').hidden`)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}

	// Keyboard: the first Tab reaches the skip link, shown with a visible
	// focus outline.
	run("tab", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"), chromedp.KeyEvent("\t"))
	if got := eval(`document.activeElement.className + " " + getComputedStyle(document.activeElement).outlineStyle`); got != "skip solid" {
		t.Errorf("first Tab: %q, want the skip link with a solid outline", got)
	}

	// 200 % zoom: a 1200-pixel window at 200 % lays out like 600 pixels;
	// nothing may need sideways scrolling.
	for _, page := range []string{"/", "/handout/group-therapy"} {
		run("zoom", chromedp.EmulateViewport(600, 900))
		run("zoom nav", chromedp.Navigate(ts.URL+page))
		run("zoom wait", chromedp.WaitVisible("#main"))
		if got := eval(`String(document.documentElement.scrollWidth <= document.documentElement.clientWidth)`); got != "true" {
			t.Errorf("%s scrolls sideways at 200 %% zoom", page)
		}
	}
	run("unzoom", chromedp.EmulateViewport(1200, 1000))

	// 2. A handout, personalised and previewed in the page.
	run("open a handout", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"),
		chromedp.Click(`a[href="/handout/group-therapy"]`, chromedp.NodeVisible), chromedp.WaitVisible("#patient"))
	const note = "Bring your questions to group."
	run("personalise",
		chromedp.SendKeys("#patient", patient),
		chromedp.SendKeys("#clinician", "Dr. Amara Okafor"),
		chromedp.SetValue("#next_visit", "2026-12-06T10:30"),
		chromedp.SendKeys("#note", note),
	)
	if got := eval(`document.getElementById("note-count").textContent`); got != strconv.Itoa(len(note))+" of 500 characters" {
		t.Errorf("note counter %q", got)
	}
	run("preview", chromedp.Click("#preview"))
	poll(`document.getElementById("pages").textContent === "1 page" && document.getElementById("frame").src.startsWith("blob:")`)
	if eval(`String(document.getElementById("frame").hidden)`) != "false" {
		t.Error("the preview frame is hidden")
	}
	text := pdfText(t, previewPDF())
	for _, want := range []string{"For: " + patient, "Care team: Dr. Amara Okafor", "Next appointment: December 6, 2026, 10:30 AM", note, "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("the previewed PDF lacks %q", want)
		}
	}

	// 3. Download: the browser saves the file; read it back.
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	run("download", chromedp.Click("#download"))
	poll(`document.getElementById("status").textContent === "Downloaded group-therapy-summary.pdf."`)
	saved := filepath.Join(downloads, "group-therapy-summary.pdf")
	var data []byte
	for i := 0; i < 600; i++ { // the browser writes it asynchronously
		if d, err := os.ReadFile(saved); err == nil && len(d) > 0 && strings.Contains(string(d[len(d)-32:]), "%%EOF") {
			data = d
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if data == nil {
		entries, _ := os.ReadDir(downloads)
		t.Fatalf("no download in %s: %v", downloads, entries)
	}
	text = pdfText(t, data)
	if !strings.Contains(text, patient) || !strings.Contains(text, note) || strings.Count(text, "\f") > 1 {
		t.Errorf("the downloaded PDF: %q", text)
	}
	if out, err := exec.Command("pdfinfo", saved).Output(); err == nil && !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(out) {
		t.Errorf("the downloaded summary is not one page:\n%s", out)
	}
	os.Remove(saved)

	// An error shows in the page, not as a broken PDF.
	run("a note too long", chromedp.SetValue("#patient", strings.Repeat("Name ", 20)), chromedp.SetValue("#clinician", strings.Repeat("Team ", 20)),
		chromedp.SetValue("#note", strings.Repeat("Take your time and rest. ", 20)), chromedp.Click("#preview"))
	poll(`!document.getElementById("problem").hidden && document.getElementById("problem").textContent.includes("Shorten the note")`)

	// 4. A packet of two handouts, ticked on the library page.
	run("tick two", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"),
		chromedp.Click("#pick-group-therapy"), chromedp.Click("#pick-terapia"),
		chromedp.Click(`#packet button[type="submit"]`), chromedp.WaitVisible("#patient"))
	if got := eval(`document.querySelector("h1").textContent`); got != "Packet of 2 handouts" {
		t.Errorf("packet page title %q", got)
	}
	run("personalise the packet", chromedp.SendKeys("#patient", patient), chromedp.Click("#preview"))
	poll(`document.getElementById("pages").textContent === "2 pages"`)
	text = pdfText(t, previewPDF())
	for _, want := range []string{"Group therapy", "Terapia de grupo", "For: " + patient, "Para: " + patient} {
		if !strings.Contains(text, want) {
			t.Errorf("the packet lacks %q", want)
		}
	}

	// 5. A screenshot of the filled-in page, kept as an artifact.
	run("fill for the screenshot", chromedp.EmulateViewport(1200, 1320), chromedp.Navigate(ts.URL+"/handout/group-therapy"), chromedp.WaitVisible("#patient"),
		chromedp.SendKeys("#patient", "Maria Lopez"), chromedp.SendKeys("#clinician", "Dr. Amara Okafor"),
		chromedp.SetValue("#next_visit", "2026-12-06T10:30"), chromedp.SendKeys("#note", note), chromedp.Click("#preview"))
	poll(`document.getElementById("pages").textContent === "1 page"`)
	run("settle", chromedp.Sleep(4*time.Second)) // the PDF viewer draws in tiles
	eval(`window.scrollTo(0, 0); ""`)
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(artifactDir(t), "handouts-serve.png")
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d KB)", out, len(shot)>>10)

	// Nothing the browser did reached the log beyond method, path, status
	// and duration.
	if strings.Contains(f.log.String(), "Zebulon") {
		t.Error("the log holds the patient's name")
	}
}
