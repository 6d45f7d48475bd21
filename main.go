// Command handouts turns patient-education content written in YAML into
// branded, print-ready PDF handouts: a full guide, a one-page summary and an
// FAQ sheet from each file.
//
//	go run . build                      # every data/*.yaml → out/*.pdf
//	go run . build --clinic "Riverbend" --primary-color "#1F5A7A" data/group-therapy.yaml
//	go run . check data/                # report every content problem, write nothing
//
// This package is only the command line; the work is in package handout.
// main.go holds what every command shares (argument reading, settings from
// flags and environment); each command lives in its own file, cmd_NAME.go,
// and is listed in commands below.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/diag"
	"handouts/handout/suggest"
)

const version = "0.1.0"

func main() {
	handout.TuneGC(os.LookupEnv)
	// SIGTERM (docker stop, CI timeouts, kill) is an interrupt like Ctrl-C:
	// the build stops at the next format and removes its temporary files.
	// After the first signal the default handling is back, so a second
	// Ctrl-C ends the process at once.
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		signal.Stop(sigs)
		fmt.Fprintln(os.Stderr, "handouts: stopping after the current format or request; interrupt again to stop at once")
		cancel()
	}()
	code := run(ctx, os.Args, os.Stdout, os.Stderr, os.LookupEnv)
	os.Exit(code)
}

// shell is what a command sees of the shell that ran it: its output
// streams and its environment variables, passed in so that tests drive the
// program exactly as a shell would.
type shell struct {
	stdout, stderr io.Writer
	env            func(string) (string, bool)
	// printedJSON is set once `build --json` has printed its object.
	printedJSON bool
}

// commands lists every command, in the order help shows them.
func commands(s *shell) []*cli.Command {
	return []*cli.Command{newCommand(s), buildCommand(s), checkCommand(s), serveCommand(s)}
}

// exitError carries an exit code through urfave/cli without its os.Exit.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError is a mistake on the command line or in a HANDOUTS_ variable:
// exit 2, with a message and no help dump.
func usageError(format string, args ...any) *exitError {
	return &exitError{2, fmt.Sprintf(format, args...)}
}

// run is the whole program with its outside world passed in.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, env func(string) (string, bool)) int {
	s := &shell{stdout: stdout, stderr: stderr, env: env}
	app := newApp(s)
	// `build --json` feeds a program (jq in a CI step): whatever stops it,
	// a usage mistake included, stdout gets one JSON object.
	asJSON := wantsJSON(args, env)
	code, msg := func() (int, string) {
		args, uerr := readArgs(app, args)
		if uerr != nil {
			return uerr.code, uerr.msg
		}
		err := app.RunContext(ctx, args)
		var ee *exitError
		switch {
		case err == nil:
			return 0, ""
		case errors.As(err, &ee):
			return ee.code, ee.msg
		default:
			return 2, err.Error()
		}
	}()
	if msg != "" {
		// A message may quote a file name or argument: never a raw
		// terminal escape (issue 21, item 8).
		fmt.Fprintln(stderr, "handouts:", diag.Printable(msg))
	}
	if asJSON && !s.printedJSON && code != 0 {
		var problems []jsonProblem
		if msg != "" {
			problems = append(problems, jsonProblem{Severity: diag.Error, Message: msg})
		}
		s.reportJSON(&handout.Report{}, problems)
	}
	return code
}

// wantsJSON reports whether args ask for `build --json` (or HANDOUTS_JSON
// does), read from the raw command line, so that a mistake elsewhere on it
// still gets its JSON. Help is text, and asked for by name.
func wantsJSON(args []string, env func(string) (string, bool)) bool {
	if len(args) < 2 || args[1] != "build" {
		return false
	}
	flag, set := false, false
	for _, a := range args[2:] {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") {
			continue
		}
		switch name {
		case "help", "h":
			return false
		case "json":
			set = true
			flag = true
			if hasValue {
				flag, _ = parseBool(value)
			}
		}
	}
	if set {
		return flag
	}
	v, _ := env(envVar["json"])
	on, _ := parseBool(v)
	return on
}

func newApp(s *shell) *cli.App {
	cmds := commands(s)
	for _, c := range cmds {
		// urfave/cli would otherwise give each command a `help` subcommand
		// with the alias `h`, and a content file named h would print help.
		c.HideHelpCommand = true
		for i, f := range c.Flags {
			c.Flags[i] = namesOnce(f)
		}
	}
	return &cli.App{
		Name:    "handouts",
		Usage:   "turn patient-education YAML into branded, print-ready PDF handouts",
		Version: version,
		Description: `Each content file (see README.md for the format) becomes three PDFs:
a full guide, a one-page summary and an FAQ sheet, branded with your clinic's
name, logo, colours, contact details and fonts.

Examples:
   handouts new asthma-at-home                     start data/asthma-at-home.yaml from a template
   handouts build --watch data/asthma-at-home.yaml rebuild its PDFs each time it is saved
   handouts build                                  build every data/*.yaml into out/
   handouts build --brand data/brand/brand.yaml    with a clinic's brand file
   handouts check data/                            find content mistakes, write nothing
   handouts serve                                  a page to personalise and print them
   handouts help build                             every flag of a command`,
		Writer:    s.stdout,
		ErrWriter: s.stderr,
		// `handouts help [COMMAND]` is read by readArgs, which turns it
		// into --help.
		HideHelpCommand: true,
		// Errors are printed once, by run, with the right exit code.
		ExitErrHandler: func(*cli.Context, error) {},
		Commands:       cmds,
	}
}

// readArgs checks the command line before urfave/cli sees it and puts it in
// the one shape that library reads without surprises: the command, its
// flags, "--", then the files. People write flags after files (`handouts
// build x.yaml --paper a4`), which urfave/cli alone would take for files;
// and moving words around must never change what one means, so a flag that
// needs a value and has none is a usage error, not a thief of the word
// before it. Unknown flags get a suggestion instead of a help dump.
func readArgs(app *cli.App, args []string) ([]string, *exitError) {
	if len(args) < 2 {
		return args, nil
	}
	prog, first := args[0], args[1]
	switch first {
	case "--help", "-help", "-h", "--version", "-version", "-v":
		return args[:2], nil
	case "help":
		if len(args) == 2 {
			return []string{prog, "--help"}, nil
		}
		if app.Command(args[2]) == nil {
			return nil, unknownCommand(app, args[2])
		}
		return []string{prog, args[2], "--help"}, nil
	}
	if strings.HasPrefix(first, "-") {
		return nil, usageError("%s: flags go after the command, as in handouts build %s (see handouts --help)", first, first)
	}
	cmd := app.Command(first)
	if cmd == nil {
		return nil, unknownCommand(app, first)
	}
	takesValue := map[string]bool{"help": false, "h": false}
	var long []string
	for _, f := range cmd.Flags {
		v, ok := f.(cli.DocGenerationFlag)
		for _, n := range f.Names() {
			takesValue[n] = ok && v.TakesValue()
		}
		long = append(long, f.Names()[0])
	}
	isFlag := func(a string) (name, value string, hasValue, ok bool) {
		if len(a) < 2 || a[0] != '-' {
			return "", "", false, false
		}
		name = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		name, value, hasValue = strings.Cut(name, "=")
		_, ok = takesValue[name]
		return name, value, hasValue, ok
	}
	flags := []string{}
	var files []string
	tail := args[2:]
	for i := 0; i < len(tail); i++ {
		a := tail[i]
		if a == "--" {
			files = append(files, tail[i+1:]...)
			break
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			files = append(files, a)
			continue
		}
		name, _, hasValue, known := isFlag(a)
		if !known {
			if strings.HasPrefix(a, "--") || len(name) > 1 {
				msg := fmt.Sprintf("unknown flag %s for handouts %s", dashes(name), cmd.Name)
				if s := suggestFlag(name, long); len(s) > 0 {
					msg += "; did you mean " + strings.Join(s, " or ") + "?"
				}
				return nil, usageError("%s (see handouts %s --help)", msg, cmd.Name)
			}
			return nil, usageError("unknown flag %s for handouts %s (see handouts %s --help)", a, cmd.Name, cmd.Name)
		}
		flags = append(flags, a)
		if !takesValue[name] || hasValue {
			continue
		}
		// The next word is the value, unless there is none or it is another
		// flag: `--brand --paper a4` forgot the brand file. A negative
		// number (`-j -3`) is a value, refused later with its own message.
		if i+1 == len(tail) {
			return nil, usageError("%s needs a value (see handouts %s --help)", a, cmd.Name)
		}
		if _, _, _, next := isFlag(tail[i+1]); next || tail[i+1] == "--" {
			return nil, usageError("%s needs a value, but is followed by %s (see handouts %s --help)", a, tail[i+1], cmd.Name)
		}
		i++
		flags = append(flags, tail[i])
	}
	out := append([]string{prog, first}, flags...)
	if len(files) > 0 {
		// After "--" a file named h, help or -x is a file.
		out = append(append(out, "--"), files...)
	}
	return out, nil
}

// suggestFlag names the flags meant by an unknown one: a near spelling
// (--outt), or else the flags that have it as one of their words (--color
// is --primary-color or --accent-color), in the order help lists them.
func suggestFlag(name string, long []string) []string {
	if s := suggest.Closest(name, long); s != "" {
		return []string{dashes(s)}
	}
	var out []string
	for _, l := range long {
		words := strings.Split(l, "-")
		if len(words) < 2 {
			continue
		}
		for _, w := range words {
			if w == name || (len(name) > 4 && suggest.Closest(name, []string{w}) != "") {
				out = append(out, dashes(l))
				break
			}
		}
	}
	return out
}

func dashes(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return names
}

func unknownCommand(app *cli.App, name string) *exitError {
	names := commandNames(app)
	if s := suggest.Closest(name, names); s != "" {
		return usageError("unknown command %q; did you mean `%s`? (see handouts --help)", name, s)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	if len(names) == 1 {
		list = names[0]
	}
	return usageError("unknown command %q: use %s (see handouts --help)", name, list)
}
