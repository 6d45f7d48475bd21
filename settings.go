package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/diag"
)

// Settings come from a flag or, when the flag is not given, from its
// HANDOUTS_ variable. main reads the variables itself rather than through
// urfave/cli, so that a bad value is blamed on the variable that holds it,
// booleans accept what people type (yes, on, 1), and a mistake is one line
// of message, not a parse error and the whole help.

// envVar names the variable of each flag that has one.
var envVar = map[string]string{
	"out":         "HANDOUTS_OUT",
	"format":      "HANDOUTS_FORMAT",
	"jobs":        "HANDOUTS_JOBS",
	"quiet":       "HANDOUTS_QUIET",
	"json":        "HANDOUTS_JSON",
	"paper":       "HANDOUTS_PAPER",
	"large-print": "HANDOUTS_LARGE_PRINT",
	"brand":       "HANDOUTS_BRAND",
	"addr":        "HANDOUTS_ADDR",
}

// withVar appends the flag's variable to its usage line.
func withVar(name, usage string) string {
	return usage + " [$" + envVar[name] + "]"
}

// setting is one value and where it came from ("--paper" or
// "HANDOUTS_PAPER"), for messages.
type setting struct {
	text, from string
	set        bool
}

func (s setting) blame() string {
	if strings.HasPrefix(s.from, "-") {
		return fmt.Sprintf("%s %q", s.from, s.text)
	}
	return fmt.Sprintf("%s=%q", s.from, s.text)
}

// given reports the flags set on the command line, by every name. It
// stands in for c.IsSet, which looks a flag up by trimming each name of
// every flag with a regular expression: asked of each brand field, that
// was half of reading a build's command line.
func given(c *cli.Context) map[string]bool {
	set := map[string]bool{}
	for _, n := range c.LocalFlagNames() {
		set[n] = true
	}
	return set
}

// get reads a string or string-slice flag, else its variable. An empty
// variable counts as unset.
func (s *shell) get(c *cli.Context, name string) setting {
	if given(c)[name] {
		text := c.String(name)
		if sl := c.StringSlice(name); sl != nil {
			text = strings.Join(sl, ",")
		}
		return setting{text, "--" + name, true}
	}
	if v, ok := s.env(envVar[name]); ok && v != "" {
		return setting{v, envVar[name], true}
	}
	return setting{}
}

// flag reads a boolean flag, else its variable.
func (s *shell) flag(c *cli.Context, name string) (bool, error) {
	if given(c)[name] {
		return c.Bool(name), nil
	}
	v, ok := s.env(envVar[name])
	if !ok || v == "" {
		return false, nil
	}
	b, ok := parseBool(v)
	if !ok {
		return false, usageError("%s=%q: use 1 or 0, true or false, yes or no, on or off", envVar[name], v)
	}
	return b, nil
}

func parseBool(v string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on", "y", "t":
		return true, true
	case "0", "false", "no", "off", "n", "f":
		return false, true
	}
	return false, false
}

// jobs reads --jobs: 0 (unset) means one per CPU.
func (s *shell) jobs(c *cli.Context) (int, error) {
	v := s.get(c, "jobs")
	if !v.set {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(v.text))
	if err != nil || n < 1 {
		return 0, usageError("%s: use a whole number of files to build at once, 1 or more", v.blame())
	}
	return n, nil
}

func layoutFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "paper", Usage: withVar("paper", "paper `SIZE`: letter or a4"), DefaultText: "letter"},
		&cli.BoolFlag{Name: "large-print", Usage: withVar("large-print", "18 pt body, 1 in margins, for low-vision readers")},
	}
}

func (s *shell) options(c *cli.Context) (handout.Options, error) {
	lp, err := s.flag(c, "large-print")
	opt := handout.Options{Paper: handout.Letter, LargePrint: lp}
	if err != nil {
		return opt, err
	}
	if v := s.get(c, "paper"); v.set {
		p, err := handout.ParsePaper(v.text)
		if err != nil {
			return opt, usageError("%s: use letter or a4", v.blame())
		}
		opt.Paper = p
	}
	return opt, nil
}

// formats reads --format: a repeated or comma-separated list.
func (s *shell) formats(c *cli.Context) ([]handout.Kind, error) {
	v := s.get(c, "format")
	if !v.set {
		return nil, nil
	}
	var kinds []handout.Kind
	for _, item := range strings.Split(v.text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, err := handout.ParseKind(item)
		if err != nil {
			return nil, usageError("%s: %v", v.blame(), err)
		}
		dup := false
		for _, x := range kinds {
			dup = dup || x == k
		}
		if !dup {
			kinds = append(kinds, k)
		}
	}
	if kinds == nil {
		return nil, usageError("%s: name at least one of guide, summary, faq", v.blame())
	}
	return kinds, nil
}

// brandFlags are the clinic's settings; each also reads HANDOUTS_<NAME>.
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
		brand.Footer:   "footer `NOTE` printed on every page (once, at the end, when the footer has no room for it)",
		brand.FontDir:  "`DIR` holding the clinic's TrueType family: *-Regular.ttf, *-Bold.ttf, *-Italic.ttf, *-BoldItalic.ttf",
	}
	flags := []cli.Flag{&cli.StringFlag{Name: "brand", Usage: withVar("brand", "brand `FILE` (YAML; see README)"), Category: "Brand"}}
	for _, f := range brand.Fields {
		flags = append(flags, &cli.StringFlag{Name: string(f), Usage: usage[f] + " [$" + f.EnvVar() + "]", Category: "Brand"})
	}
	return flags
}

// brandSetup is a resolved brand and a few words on where it came from,
// for `check` to say what it checked.
type brandSetup struct {
	brand    *brand.Brand
	findings diag.List
	from     string
}

// brand reads the three brand layers from the command line.
func (s *shell) brand(c *cli.Context) brandSetup {
	flags, vars := brand.Settings{}, brand.Settings{}
	var from []string
	set := given(c)
	for _, f := range brand.Fields {
		if set[string(f)] {
			flags[f] = brand.Value{Text: c.String(string(f)), Pos: diag.Pos{File: "--" + string(f)}}
			from = append(from, "--"+string(f))
		} else if v, ok := s.env(f.EnvVar()); ok && v != "" {
			vars[f] = brand.Value{Text: v, Pos: diag.Pos{File: "$" + f.EnvVar()}}
			from = append(from, "$"+f.EnvVar())
		}
	}
	file := s.get(c, "brand").text
	b, findings := handout.ResolveBrand(flags, vars, file)
	desc := "no brand"
	switch {
	case file != "" && len(from) > 0:
		desc = "brand " + file + " with " + strings.Join(from, ", ")
	case file != "":
		desc = "brand " + file
	case len(from) > 0:
		desc = "brand " + strings.Join(from, ", ")
	}
	return brandSetup{b, findings, desc}
}

// describe names the paper and print size, for `check`'s summary line.
func describe(opt handout.Options) string {
	size := "regular print"
	if opt.LargePrint {
		size = "large print"
	}
	return strings.ToLower(opt.Paper.Name) + ", " + size
}

func inputs(c *cli.Context) []string {
	if c.Args().Len() == 0 {
		return []string{handout.DefaultInput}
	}
	return c.Args().Slice()
}

// maxEpoch is 9999-12-31T23:59:59Z, the last second a PDF date can hold.
const maxEpoch = 253402300799

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds standard
// for "the date to put in outputs".
func (s *shell) sourceDateEpoch() (*time.Time, error) {
	v, ok := s.env("SOURCE_DATE_EPOCH")
	if !ok || v == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return nil, usageError("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", v)
	}
	// PDF and XMP dates have four-digit years.
	if n > maxEpoch {
		return nil, usageError("SOURCE_DATE_EPOCH=%q is after the year 9999; give seconds since 1970, at most %d", v, maxEpoch)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}

// namesOnce returns f with its names worked out once. urfave/cli works
// them out again, with a regular expression, each time it looks a flag up,
// and it looks up every flag of a command by every name before running
// it: with the brand's fields that took longer than reading the brand.
// String is the help line, made as urfave/cli makes it but with the names
// worked out once (it makes every flag's line on every run, to group them
// for help); every other method is f's own.
func namesOnce(f cli.Flag) cli.Flag {
	switch f := f.(type) {
	case *cli.StringFlag:
		return stringFlag{f, flagNames(f, f.Name, f.Aliases)}
	case *cli.StringSliceFlag:
		return stringSliceFlag{f, flagNames(f, f.Name, f.Aliases)}
	case *cli.BoolFlag:
		return boolFlag{f, flagNames(f, f.Name, f.Aliases)}
	}
	return f
}

// flagNames is f.Names(): the name and aliases, each cut at its first
// comma or space (urfave/cli's reading of version 1's "name, n"). Without
// a comma or space, which none of ours has, that is the names as written,
// found without running urfave/cli's regular expression on each, for
// every flag of every command, on every run.
func flagNames(f cli.Flag, name string, aliases []string) []string {
	if strings.ContainsAny(name, ", ") {
		return f.Names()
	}
	for _, a := range aliases {
		if strings.ContainsAny(a, ", ") {
			return f.Names()
		}
	}
	return append([]string{name}, aliases...)
}

type stringFlag struct {
	*cli.StringFlag
	names []string
}

func (f stringFlag) Names() []string { return f.names }
func (f stringFlag) String() string  { return cli.FlagStringer(f) }

type stringSliceFlag struct {
	*cli.StringSliceFlag
	names []string
}

func (f stringSliceFlag) Names() []string { return f.names }
func (f stringSliceFlag) String() string  { return cli.FlagStringer(f) }

type boolFlag struct {
	*cli.BoolFlag
	names []string
}

func (f boolFlag) Names() []string { return f.names }
func (f boolFlag) String() string  { return cli.FlagStringer(f) }
