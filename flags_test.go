package main

import (
	"io"
	"os"
	"slices"
	"testing"

	"github.com/urfave/cli/v2"
)

// namesOnce must change how fast a flag's names are found, and nothing
// urfave/cli or a user sees: the same names, the same help line, the
// same kind of value, for every flag of every command.
func TestNamesOnceChangesNothingVisible(t *testing.T) {
	s := &shell{stdout: io.Discard, stderr: io.Discard, env: os.LookupEnv}
	n := 0
	for _, c := range commands(s) {
		for _, f := range c.Flags {
			w := namesOnce(f)
			if w == f {
				t.Errorf("%s --%s: a %T is not wrapped", c.Name, f.Names()[0], f)
				continue
			}
			n++
			if !slices.Equal(w.Names(), f.Names()) || w.String() != f.String() {
				t.Errorf("%s: wrapped flag shows %q %q, want %q %q", c.Name, w.Names(), w.String(), f.Names(), f.String())
			}
			wd, f1 := w.(cli.DocGenerationFlag)
			fd, f2 := f.(cli.DocGenerationFlag)
			if !f1 || !f2 || wd.TakesValue() != fd.TakesValue() {
				t.Errorf("%s --%s: wrapped flag takes a value %v, want %v", c.Name, f.Names()[0], wd.TakesValue(), fd.TakesValue())
			}
			if _, ok := w.(cli.CategorizableFlag); !ok {
				t.Errorf("%s --%s: wrapped flag lost its help category", c.Name, f.Names()[0])
			}
		}
	}
	if n < 20 {
		t.Errorf("checked %d flags; want every flag of every command", n)
	}
}

// A name in version 1's form, "name, n", is cut as urfave/cli cuts it:
// namesOnce finds plain names itself and leaves the others to the library.
func TestNamesOnceCutsOldStyleNames(t *testing.T) {
	for _, f := range []cli.Flag{
		&cli.StringFlag{Name: "paper, p", Aliases: []string{"size"}},
		&cli.StringSliceFlag{Name: "format", Aliases: []string{"f x", "fmt"}},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}},
		&cli.BoolFlag{Name: "json"},
	} {
		if got, want := namesOnce(f).Names(), f.Names(); !slices.Equal(got, want) {
			t.Errorf("namesOnce(%q).Names() = %q, want %q", want, got, want)
		}
	}
}
