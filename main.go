// Command handouts turns patient-education content written in YAML into
// branded, print-ready PDF handouts: a full guide, a one-page summary and an
// FAQ sheet from each file.
//
//	go run . build                      # every data/*.yaml → out/*.pdf
//	go run . build --clinic "Riverbend" --primary-color "#1F5A7A" data/group-therapy.yaml
//	go run . check data/                # report every content problem, write nothing
//
// This file is only the command line; the work is in package handout.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/diag"
	"handouts/handout/format"
	"handouts/handout/yamldoc"
)

const version = "0.1.0"

func main() {
	handout.TuneGC(os.LookupEnv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args, os.Stdout, os.Stderr, os.LookupEnv)
	stop()
	os.Exit(code)
}

// exitError carries an exit code through urfave/cli without its os.Exit.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// run is the whole program with its outside world passed in, so tests drive
// it exactly as a shell would.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	app := newApp(stdout, stderr, env)
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && args[1] != "help" && app.Command(args[1]) == nil {
		msg := fmt.Sprintf("unknown command %q: use build or check (see handouts --help)", args[1])
		if s := yamldoc.Suggest(args[1], []string{"build", "check"}); s != "" {
			msg = fmt.Sprintf("unknown command %q; did you mean `%s`? (see handouts --help)", args[1], s)
		}
		fmt.Fprintln(stderr, "handouts:", msg)
		return 2
	}
	err := app.RunContext(ctx, flagsFirst(app, args))
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintln(stderr, "handouts:", ee.msg)
		}
		return ee.code
	default:
		fmt.Fprintln(stderr, "handouts:", err)
		return 2
	}
}

// flagsFirst moves a command's flags ahead of its file arguments, because
// urfave/cli stops reading flags at the first argument and people write
// `handouts build data/x.yaml --paper a4`. A flag that takes a value keeps
// the word after it; "--" ends flags as usual.
func flagsFirst(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var cmd *cli.Command
	at := 1
	for ; at < len(args); at++ {
		if cmd = app.Command(args[at]); cmd != nil {
			break
		}
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, rest []string
	tail := args[at+1:]
	for i := 0; i < len(tail); i++ {
		a := tail[i]
		if a == "--" {
			rest = append(rest, tail[i:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(tail) {
				i++
				flags = append(flags, tail[i])
			}
			continue
		}
		rest = append(rest, a)
	}
	out := append(append([]string{}, args[:at+1]...), flags...)
	return append(out, rest...)
}

func newApp(stdout, stderr io.Writer, env func(string) (string, bool)) *cli.App {
	return &cli.App{
		Name:    "handouts",
		Usage:   "turn patient-education YAML into branded, print-ready PDF handouts",
		Version: version,
		Description: `Each content file (see README.md for the format) becomes three PDFs:
a full guide, a one-page summary and an FAQ sheet, branded with your clinic's
name, logo, colours, contact details and fonts.

Examples:
   handouts build                                  build every data/*.yaml into out/
   handouts build --brand data/brand/brand.yaml    with a clinic's brand file
   handouts check data/                            find content mistakes, write nothing`,
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		// Errors are printed once, by run, with the right exit code.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands:       []*cli.Command{buildCommand(stdout, stderr, env), checkCommand(stdout, stderr, env)},
	}
}

// brandFlags are the clinic's settings; each also reads HANDOUTS_<NAME>.
// They are read from the environment here rather than by urfave/cli so that a
// bad value can be reported as coming from the flag or from the variable.
func brandFlags() []cli.Flag {
	usage := map[brand.Field]string{
		brand.Clinic:   "clinic `NAME` printed in the header",
		brand.Tagline:  "`TEXT` under the clinic name",
		brand.LogoPath: "logo `FILE` (PNG or JPEG)",
		brand.Primary:  "headings, links and header band `COLOR` (hex, e.g. \"#1F5A7A\")",
		brand.Accent:   "key-points box and callout `COLOR` (hex)",
		brand.Phone:    "clinic phone `NUMBER`",
		brand.Email:    "clinic email `ADDRESS`",
		brand.Website:  "clinic website `URL` (also shown as a QR code)",
		brand.Address:  "clinic street `ADDRESS`",
		brand.Footer:   "footer `NOTE` printed on every page",
		brand.FontDir:  "`DIR` holding the clinic's TrueType family: *-Regular.ttf, *-Bold.ttf, *-Italic.ttf, *-BoldItalic.ttf",
	}
	flags := []cli.Flag{&cli.StringFlag{Name: "brand", Usage: "brand `FILE` (YAML; see README) [$HANDOUTS_BRAND]", Category: "Brand"}}
	for _, f := range brand.Fields {
		flags = append(flags, &cli.StringFlag{Name: string(f), Usage: usage[f] + " [$" + f.EnvVar() + "]", Category: "Brand"})
	}
	return flags
}

func layoutFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "paper", Value: "letter", Usage: "paper `SIZE`: letter or a4", EnvVars: []string{"HANDOUTS_PAPER"}},
		&cli.BoolFlag{Name: "large-print", Usage: "18 pt body, 1 in margins, for low-vision readers", EnvVars: []string{"HANDOUTS_LARGE_PRINT"}},
	}
}

// resolveBrand reads the three brand layers from the command line.
func resolveBrand(c *cli.Context, env func(string) (string, bool)) (*brand.Brand, diag.List) {
	flags, vars := brand.Settings{}, brand.Settings{}
	for _, f := range brand.Fields {
		if c.IsSet(string(f)) {
			flags[f] = brand.Value{Text: c.String(string(f)), Pos: diag.Pos{File: "--" + string(f)}}
		}
		if v, ok := env(f.EnvVar()); ok && v != "" {
			vars[f] = brand.Value{Text: v, Pos: diag.Pos{File: "$" + f.EnvVar()}}
		}
	}
	file := c.String("brand")
	if !c.IsSet("brand") {
		file, _ = env("HANDOUTS_BRAND")
	}
	return handout.ResolveBrand(flags, vars, file)
}

func options(c *cli.Context) (format.Options, error) {
	opt := format.Options{LargePrint: c.Bool("large-print")}
	switch strings.ToLower(c.String("paper")) {
	case "letter", "us-letter":
		opt.Paper = format.Letter
	case "a4":
		opt.Paper = format.A4
	default:
		return opt, &exitError{2, fmt.Sprintf("--paper %q: use letter or a4", c.String("paper"))}
	}
	return opt, nil
}

func inputs(c *cli.Context) []string {
	if c.Args().Len() == 0 {
		return []string{"data"}
	}
	return c.Args().Slice()
}

func buildCommand(stdout, stderr io.Writer, env func(string) (string, bool)) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "make the PDF handouts",
		ArgsUsage: "[FILES or FOLDERS] (default: data/)",
		Description: `Checks each content file, then writes out/<name>-guide.pdf, -summary.pdf and
-faq.pdf (the FAQ sheet only for files with a faq). A file with errors gets its
messages and no PDFs; the others are still built, and the exit code is 1.

Examples:
   handouts build
   handouts build data/group-therapy.yaml --format summary --paper a4
   handouts build --brand data/brand/brand.yaml --out dist/
   handouts build --clinic "Riverbend Wellness Clinic" --primary-color "#1F5A7A" \
                  --phone "(555) 010-0199" --website https://riverbend.example
   HANDOUTS_CLINIC="Riverbend Wellness Clinic" handouts build --large-print`,
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "write PDFs to `DIR`", EnvVars: []string{"HANDOUTS_OUT"}},
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Usage: "only these `FORMATS`: guide, summary, faq (repeat or comma-separate; default all)", EnvVars: []string{"HANDOUTS_FORMAT"}},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "build `N` files at once", DefaultText: "one per CPU", EnvVars: []string{"HANDOUTS_JOBS"}},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only the summary line and errors", EnvVars: []string{"HANDOUTS_QUIET"}},
			&cli.BoolFlag{Name: "json", Usage: "print what was written and what failed as JSON", EnvVars: []string{"HANDOUTS_JSON"}},
		}, layoutFlags()...), brandFlags()...),
		Action: func(c *cli.Context) error {
			opt, err := options(c)
			if err != nil {
				return err
			}
			kinds, err := formats(c.StringSlice("format"))
			if err != nil {
				return err
			}
			epoch, err := sourceDateEpoch(env)
			if err != nil {
				return err
			}
			b, findings := resolveBrand(c, env)
			if findings.HasErrors() {
				printFindings(stderr, findings.Errors())
				return &exitError{1, "the brand has errors; no handouts were built"}
			}
			tty := isTerminal(stdout) && !c.Bool("json") && !c.Bool("quiet")
			cfg := handout.Config{
				Inputs: inputs(c), OutDir: c.String("out"), Formats: kinds, Options: opt,
				Brand: b, Jobs: c.Int("jobs"), Epoch: epoch, Version: version,
			}
			if tty {
				cfg.Progress = progressBar(stderr)
			}
			start := time.Now()
			rep, err := handout.Build(c.Context, cfg)
			if err != nil && rep == nil {
				return &exitError{1, err.Error()}
			}
			rep.Warnings = append(findings, rep.Warnings...)
			report(stdout, stderr, rep, time.Since(start), c.Bool("json"), tty)
			if err != nil {
				return &exitError{130, "interrupted"}
			}
			if len(rep.Failed) > 0 {
				return &exitError{1, ""}
			}
			return nil
		},
	}
}

func checkCommand(stdout, stderr io.Writer, env func(string) (string, bool)) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "find content and brand mistakes without writing PDFs",
		ArgsUsage: "[FILES or FOLDERS] (default: data/)",
		Description: `Reports every problem in one run as file:line:column: message, errors and
warnings (reading level, long sentences, stale review dates, light colours).
Exits 1 if there is any error, or any warning with --strict.

Examples:
   handouts check
   handouts check data/group-therapy.yaml --brand data/brand/brand.yaml
   handouts check --strict --json data/ > findings.json`,
		Flags: append(append([]cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "fail on warnings too"},
			&cli.BoolFlag{Name: "json", Usage: "print findings as JSON"},
		}, layoutFlags()...), brandFlags()...),
		Action: func(c *cli.Context) error {
			opt, err := options(c)
			if err != nil {
				return err
			}
			b, findings := resolveBrand(c, env)
			files, err := handout.Collect(inputs(c))
			if err != nil {
				return &exitError{1, err.Error()}
			}
			if !findings.HasErrors() {
				for _, f := range files {
					h, fs := handout.Load(f, b, opt, time.Now())
					if !fs.HasErrors() {
						fs = append(fs, handout.SummaryFits(h, b, opt)...)
					}
					findings = append(findings, fs...)
				}
			}
			errs, warns := 0, 0
			for _, f := range findings {
				if f.Severity == diag.Error {
					errs++
				} else {
					warns++
				}
			}
			if c.Bool("json") {
				out := struct {
					Files    int       `json:"files"`
					Errors   int       `json:"errors"`
					Warnings int       `json:"warnings"`
					Findings diag.List `json:"findings"`
				}{len(files), errs, warns, findings}
				if out.Findings == nil {
					out.Findings = diag.List{}
				}
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				enc.Encode(out)
			} else {
				printFindings(stdout, findings)
				fmt.Fprintf(stdout, "%s checked: %s, %s\n", plural(len(files), "file"), plural(errs, "error"), plural(warns, "warning"))
			}
			if errs > 0 || c.Bool("strict") && warns > 0 {
				return &exitError{1, ""}
			}
			return nil
		},
	}
}

func formats(list []string) ([]format.Kind, error) {
	var kinds []format.Kind
	for _, item := range list {
		for _, s := range strings.Split(item, ",") {
			s = strings.ToLower(strings.TrimSpace(s))
			if s == "" {
				continue
			}
			k := format.Kind(s)
			if k != format.Guide && k != format.Summary && k != format.FAQ {
				return nil, &exitError{2, fmt.Sprintf("--format %q: use guide, summary or faq", s)}
			}
			dup := false
			for _, x := range kinds {
				dup = dup || x == k
			}
			if !dup {
				kinds = append(kinds, k)
			}
		}
	}
	return kinds, nil
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds standard
// for "the date to put in outputs".
// maxEpoch is 9999-12-31T23:59:59Z, the last second a PDF date can hold.
const maxEpoch = 253402300799

func sourceDateEpoch(env func(string) (string, bool)) (*time.Time, error) {
	v, ok := env("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return nil, &exitError{2, fmt.Sprintf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)}
	}
	// PDF and XMP dates have four-digit years.
	if n > maxEpoch {
		return nil, &exitError{2, fmt.Sprintf("SOURCE_DATE_EPOCH=%q is after the year 9999; give seconds since 1970, at most %d", v, maxEpoch)}
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

func printFindings(w io.Writer, fs diag.List) {
	for _, f := range fs {
		fmt.Fprintln(w, f)
	}
}

func report(stdout, stderr io.Writer, rep *handout.Report, took time.Duration, asJSON, tty bool) {
	if asJSON {
		if rep.Written == nil {
			rep.Written = []handout.Output{}
		}
		if rep.Failed == nil {
			rep.Failed = []handout.Failure{}
		}
		if rep.Warnings == nil {
			rep.Warnings = diag.List{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
		return
	}
	for _, f := range rep.Failed {
		printFindings(stderr, f.Findings)
	}
	if tty {
		printFindings(stderr, rep.Warnings)
		for _, o := range rep.Written {
			fmt.Fprintf(stdout, "%-44s %2s  %8s\n", o.Path, plural(o.Pages, "page"), size(o.Bytes))
		}
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(stderr, "note:", n)
	}
	total := 0
	for _, o := range rep.Written {
		total += o.Bytes
	}
	line := fmt.Sprintf("%s written (%s) in %s", plural(len(rep.Written), "PDF"), size(total), took.Round(time.Millisecond))
	if len(rep.Failed) > 0 {
		line += fmt.Sprintf("; %s failed", plural(len(rep.Failed), "file/format"))
	}
	if !tty && len(rep.Warnings) > 0 {
		line += fmt.Sprintf("; %s (see `handouts check`)", plural(len(rep.Warnings), "warning"))
	}
	fmt.Fprintln(stdout, line)
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
