package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/diag"
)

func buildCommand(s *shell) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "make the PDF handouts",
		ArgsUsage: "[FILES or FOLDERS] (default: data/)",
		Description: `Checks each content file, then writes out/<name>-guide.pdf, -summary.pdf and
-faq.pdf (the FAQ sheet only for files with a faq). A file with errors gets its
messages and no PDFs; a format that cannot be made (a summary too long for its
page) is reported and the file's other formats are still written. The exit code
is then 1.

Examples:
   handouts build
   handouts build data/group-therapy.yaml --format summary --paper a4
   handouts build --brand data/brand/brand.yaml --out dist/
   handouts build --clinic "Riverbend Wellness Clinic" --primary-color "#1F5A7A" \
                  --phone "(555) 010-0199" --website https://riverbend.example
   HANDOUTS_CLINIC="Riverbend Wellness Clinic" handouts build --large-print
   handouts build --watch data/asthma.yaml       rebuild on every save; Ctrl-C stops`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: withVar("out", "write PDFs to `DIR`"), DefaultText: "out"},
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: withVar("format", "only these `FORMATS`: guide, summary, faq (repeat or comma-separate; default all)")},
			&cli.StringFlag{Name: "jobs", Aliases: []string{"j"}, Usage: withVar("jobs", "build `N` files at once"), DefaultText: "one per CPU"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: withVar("quiet", "print only the summary line and errors")},
			&cli.BoolFlag{Name: "json", Usage: withVar("json", "print what was written and what failed as JSON")},
			&cli.BoolFlag{Name: "watch", Aliases: []string{"w"}, Usage: "after building, rebuild each file as it is saved (and everything when the brand changes), until Ctrl-C"},
		}, layoutFlags()...), brandFlags()...),
		Action: s.runBuild,
	}
}

// buildRun is what build's flags ask for: the build's settings but its
// inputs and brand, and how to report and whether to watch.
type buildRun struct {
	cfg                     handout.Config
	quiet, asJSON, watching bool
}

// runBuild is build's action: the flags read, the brand checked, the
// handouts built and reported, then watched when asked.
func (s *shell) runBuild(c *cli.Context) error {
	run, err := s.buildFlags(c)
	if err != nil {
		return err
	}
	bs := s.brand(c)
	if bs.findings.HasErrors() {
		return s.brandRefused(bs, run.asJSON)
	}
	tty := isTerminal(s.stdout) && !run.asJSON && !run.quiet
	cfg := run.cfg
	cfg.Inputs, cfg.Brand = inputs(c), bs.brand
	if tty {
		cfg.Progress = progressBar(s.stderr)
	}
	cfg.Waiting = waitingNote(s.stderr, cfg.OutDir)
	start := time.Now()
	rep, err := handout.Build(c.Context, cfg)
	if err != nil && rep == nil {
		return &exitError{1, err.Error()}
	}
	rep.Warnings = append(bs.findings, rep.Warnings...)
	switch {
	case run.asJSON:
		s.reportJSON(rep, nil)
	default:
		report(s.stdout, s.stderr, rep, time.Since(start), tty, run.quiet)
	}
	if err != nil {
		return &exitError{130, "interrupted; PDFs already written are complete, the rest were not started"}
	}
	if run.watching {
		// A file with errors is what the writer is about to fix:
		// keep watching it.
		return s.watchBuilds(c, cfg, bs)
	}
	if len(rep.Failed) > 0 {
		return &exitError{1, ""}
	}
	return nil
}

// buildFlags reads build's flags, refusing a bad one before any work.
func (s *shell) buildFlags(c *cli.Context) (buildRun, error) {
	var run buildRun
	opt, err := s.options(c)
	if err != nil {
		return run, err
	}
	kinds, err := s.formats(c)
	if err != nil {
		return run, err
	}
	jobs, err := s.jobs(c)
	if err != nil {
		return run, err
	}
	if run.quiet, err = s.flag(c, "quiet"); err != nil {
		return run, err
	}
	if run.asJSON, err = s.flag(c, "json"); err != nil {
		return run, err
	}
	epoch, err := s.sourceDateEpoch()
	if err != nil {
		return run, err
	}
	out := "out"
	if v := s.get(c, "out"); v.set {
		if strings.TrimSpace(v.text) == "" {
			return run, usageError("%s: name a folder", v.blame())
		}
		out = v.text
	}
	run.watching = c.Bool("watch")
	if run.watching && run.asJSON {
		return run, usageError("--watch prints a line per rebuild; it cannot be combined with --json")
	}
	run.cfg = handout.Config{OutDir: out, Formats: kinds, Options: opt, Jobs: jobs, Epoch: epoch, Version: version}
	return run, nil
}

// brandRefused prints the brand's errors (as JSON too when asked) and
// returns the failure: no handout is built with a brand in error.
func (s *shell) brandRefused(bs brandSetup, asJSON bool) error {
	printFindings(s.stderr, bs.findings.Errors())
	if asJSON {
		var problems []jsonProblem
		for _, f := range bs.findings.Errors() {
			problems = append(problems, findingProblem(f))
		}
		s.reportJSON(&handout.Report{Warnings: bs.findings.Warnings()}, problems)
	}
	return &exitError{1, "the brand has errors; no handouts were built"}
}

// waitingNote tells the user that another build holds the output
// folder out and this one waits for it.
func waitingNote(stderr io.Writer, out string) func(pid int) {
	return func(pid int) {
		who := "another build"
		if pid > 0 {
			who = fmt.Sprintf("another build (process %d)", pid)
		}
		fmt.Fprintf(stderr, "handouts: %s is writing to %s; waiting for it to finish (Ctrl-C stops)\n", who, out)
	}
}

func printFindings(w io.Writer, fs diag.List) {
	for _, f := range fs {
		fmt.Fprintln(w, f)
	}
}

// jsonProblem is something that stopped the whole build (a brand error, a
// usage mistake, an output folder that cannot be written), in the shape of
// a finding; pos is left out when nothing in a file is at fault.
type jsonProblem struct {
	Pos      *diag.Pos     `json:"pos,omitempty"`
	Severity diag.Severity `json:"severity"`
	Message  string        `json:"message"`
}

func findingProblem(f diag.Finding) jsonProblem {
	pos := f.Pos
	return jsonProblem{Pos: &pos, Severity: f.Severity, Message: f.Message}
}

// reportJSON prints the build's one JSON object: what was written, what
// failed, the warnings, and what stopped the whole build (errors, empty
// when nothing did). Every list is there, empty or not, for jq.
func (s *shell) reportJSON(rep *handout.Report, problems []jsonProblem) {
	if rep.Written == nil {
		rep.Written = []handout.Output{}
	}
	if rep.Failed == nil {
		rep.Failed = []handout.Failure{}
	}
	if rep.Warnings == nil {
		rep.Warnings = diag.List{}
	}
	if rep.Removed == nil {
		rep.Removed = []handout.Removal{}
	}
	if problems == nil {
		problems = []jsonProblem{}
	}
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	enc.Encode(struct {
		*handout.Report
		Errors []jsonProblem `json:"errors"`
	}{rep, problems})
	s.printedJSON = true
}

// report prints errors, then warnings (all of them on a terminal, one line
// per kind elsewhere, so a CI log still says what is wrong without
// drowning), then one line per PDF on a terminal, then a summary line.
func report(stdout, stderr io.Writer, rep *handout.Report, took time.Duration, tty, quiet bool) {
	for _, f := range rep.Failed {
		printFindings(stderr, f.Findings)
	}
	switch {
	case quiet:
	case tty:
		printFindings(stderr, rep.Warnings)
	default:
		for _, line := range warningKinds(rep.Warnings) {
			fmt.Fprintln(stderr, line)
		}
	}
	if tty {
		width := 0
		for _, o := range rep.Written {
			width = max(width, len(o.Path))
		}
		for _, o := range rep.Written {
			unit := "pages"
			if o.Pages == 1 {
				unit = "page"
			}
			fmt.Fprintf(stdout, "%-*s  %3d %-5s  %8s\n", width, diag.Printable(o.Path), o.Pages, unit, size(o.Bytes))
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(stderr, "note:", diag.Printable(n))
	}
	if !quiet {
		for _, r := range rep.Removed {
			fmt.Fprintf(stderr, "removed %s: %s\n", diag.Printable(r.Path), diag.Printable(r.Reason))
		}
	}
	total := 0
	for _, o := range rep.Written {
		total += o.Bytes
	}
	line := fmt.Sprintf("%s written (%s) in %s", plural(len(rep.Written), "PDF"), size(total), took.Round(time.Millisecond))
	files, formats := 0, 0
	for _, f := range rep.Failed {
		if f.Format == "" {
			files++
		} else {
			formats++
		}
	}
	if files > 0 {
		line += fmt.Sprintf("; %s failed", plural(files, "file"))
	}
	if formats > 0 {
		line += fmt.Sprintf("; %s failed", plural(formats, "PDF"))
	}
	if n := len(rep.Removed); n > 0 {
		line += fmt.Sprintf("; %s of older content removed", plural(n, "PDF"))
	}
	if n := len(rep.Warnings); n > 0 && !tty {
		line += fmt.Sprintf("; %s (all of them: handouts check)", plural(n, "warning"))
	}
	fmt.Fprintln(stdout, line)
}

// variable matches what differs between warnings of one kind: quoted text,
// numbers and colours.
var variable = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile("\"[^\"]*\"|`[^`]*`|“[^”]*”|#[0-9A-Fa-f]{3,6}\\b|[0-9]+(\\.[0-9]+)?")
})

// warningKinds gives one line per kind of warning: the first in full, and
// how many more there are like it.
func warningKinds(ws diag.List) []string {
	var order []string
	first := map[string]diag.Finding{}
	count := map[string]int{}
	for _, w := range ws {
		k := variable().ReplaceAllString(w.Message, "_")
		if count[k] == 0 {
			order = append(order, k)
			first[k] = w
		}
		count[k]++
	}
	lines := make([]string, 0, len(order))
	for _, k := range order {
		line := first[k].String()
		if n := count[k] - 1; n > 0 {
			line += fmt.Sprintf(" (and %d more like it)", n)
		}
		lines = append(lines, line)
	}
	return lines
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func size(n int) string {
	if n < 1024 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f KB", float64(n)/1024)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	// /dev/null is a character device too, but `build >/dev/null` asks for
	// quiet, not for a progress bar.
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(info, null)
}

// progressBar redraws one line on the terminal as files finish.
func progressBar(w io.Writer) func(done, total int) {
	return func(done, total int) {
		const width = 30
		filled := done * width / total
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(" ", width-filled), done, total)
		if done == total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}
