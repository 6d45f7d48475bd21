package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/diag"
)

func checkCommand(s *shell) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "find content and brand mistakes without writing PDFs",
		ArgsUsage: "[FILES or FOLDERS] (default: data/)",
		Description: `Reports every problem in one run as file:line:column: message, errors and
warnings (reading level, long sentences, stale review dates, light colours),
then notes (everyday words for hard ones, the PEMAT-P items a program can
check), on stderr, then one line on stdout saying what was checked with which brand.
Exits 1 if there is any error, or any warning with --strict; notes never fail.

Examples:
   handouts check
   handouts check data/group-therapy.yaml --brand data/brand/brand.yaml
   handouts check --strict --json data/ > findings.json`,
		Flags: append(append([]cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "fail on warnings too"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: withVar("quiet", "print only errors and the summary line")},
			&cli.BoolFlag{Name: "json", Usage: withVar("json", "print findings as JSON")},
		}, layoutFlags()...), brandFlags()...),
		Action: func(c *cli.Context) error {
			opt, err := s.options(c)
			if err != nil {
				return err
			}
			quiet, err := s.flag(c, "quiet")
			if err != nil {
				return err
			}
			asJSON, err := s.flag(c, "json")
			if err != nil {
				return err
			}
			bs := s.brand(c)
			rep := &handout.CheckReport{}
			if !bs.findings.HasErrors() {
				// Without a sound brand the content cannot be checked
				// against its fonts; the brand's errors come first.
				rep, err = handout.Check(c.Context, inputs(c), bs.brand, opt, time.Time{})
				if rep == nil {
					return &exitError{1, err.Error()}
				}
				if err != nil {
					return &exitError{130, "interrupted"}
				}
			}
			rep.Findings = append(bs.findings, rep.Findings...)
			errs, warns, notes := rep.Errors(), rep.Warnings(), rep.Notes()
			with := bs.from + ", " + describe(opt)
			if asJSON {
				out := struct {
					Files      int       `json:"files"`
					Errors     int       `json:"errors"`
					Warnings   int       `json:"warnings"`
					Notes      int       `json:"notes"`
					Brand      string    `json:"brand"`
					Paper      string    `json:"paper"`
					LargePrint bool      `json:"large_print"`
					Findings   diag.List `json:"findings"`
					// Each graded file's reading level and its
					// sections', for CI to track.
					ReadingLevels []handout.ReadingLevel `json:"reading_levels"`
				}{rep.Files, errs, warns, notes, bs.from, opt.Paper.Name, opt.LargePrint, rep.Findings, rep.Levels}
				if out.Findings == nil {
					out.Findings = diag.List{}
				}
				if out.ReadingLevels == nil {
					out.ReadingLevels = []handout.ReadingLevel{}
				}
				enc := json.NewEncoder(s.stdout)
				enc.SetIndent("", "  ")
				enc.Encode(out)
			} else {
				// Notes are suggestions, not problems: they come after the
				// errors and warnings, so that those are read first.
				for _, f := range rep.Findings {
					if f.Severity == diag.Error || f.Severity == diag.Warning && !quiet {
						fmt.Fprintln(s.stderr, f)
					}
				}
				if !quiet {
					for _, f := range rep.Findings {
						if f.Severity == diag.Note {
							fmt.Fprintln(s.stderr, f)
						}
					}
				}
				fmt.Fprintf(s.stdout, "%s checked with %s: %s, %s, %s\n", plural(rep.Files, "file"), with, plural(errs, "error"), plural(warns, "warning"), plural(notes, "note"))
			}
			if bs.findings.HasErrors() {
				return &exitError{1, "the brand has errors; the content is checked once they are fixed"}
			}
			if errs > 0 || c.Bool("strict") && warns > 0 {
				return &exitError{1, ""}
			}
			return nil
		},
	}
}
