package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout/starter"
)

func newCommand(s *shell) *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "start a new handout from a commented template",
		ArgsUsage: "NAME",
		Description: `Writes data/NAME.yaml (or DIR/NAME.yaml with --dir): a handout that already
passes check, with every field once and short notes on how to fill it in.
NAME is a plain file name; it also names the PDFs (out/NAME-guide.pdf ...).
An existing file is never overwritten.

Examples:
   handouts new asthma-at-home
   handouts new diabetes-tipo-2 --language es
   handouts new rabw --language ar          (Arabic, right to left)
   handouts new zhizhi --language zh-TW     (the English template, Chinese labels)
   handouts new asthma --dir handouts/`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "language", Aliases: []string{"l"}, Usage: "the handout's language, a BCP 47 `TAG`: en, es, ar and fa have templates of their own (ar and fa right to left); any other gets the English one with its language set, and labels in it where the tool has them", Value: "en"},
			&cli.StringFlag{Name: "dir", Usage: "write into `DIR`", Value: "data"},
		},
		Action: func(c *cli.Context) error {
			return s.newHandout(c.Args().Slice(), c.String("language"), c.String("dir"), time.Now())
		},
	}
}

// newHandout writes the template and says what to do next.
func (s *shell) newHandout(args []string, lang, dir string, today time.Time) error {
	if len(args) != 1 {
		return usageError("new needs one NAME, such as: handouts new asthma-at-home")
	}
	if _, err := starter.Name(args[0]); err != nil {
		return usageError("%v", err)
	}
	path, err := starter.Write(dir, args[0], lang, today)
	switch {
	case errors.Is(err, starter.ErrExists):
		return &exitError{1, err.Error()}
	case errors.As(err, new(*starter.LanguageError)):
		return usageError("--language: %v", err)
	case err != nil:
		return &exitError{1, err.Error()}
	}
	fmt.Fprintf(s.stdout, "wrote %s\nnext: edit it, then run\n   handouts check %s\n   handouts build --watch %s\n", path, path, path)
	return nil
}
