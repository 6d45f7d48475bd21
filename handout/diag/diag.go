// Package diag holds the findings that loading and checking report: a
// position in a file, a severity and a message a person can act on.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a source file. Line and Col count from 1; 0 means the
// whole file.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"column,omitempty"`
}

func (p Pos) String() string {
	file := Printable(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Printable returns s with every character that a terminal would act on
// rather than show written as its code point, U+001B: C0 and C1 control
// characters (an ESC starts a sequence that can clear the screen or
// retitle the window) and the bidirectional controls that reorder the
// rest of a line (U+202A–U+202E, U+2066–U+2069). A message quotes what a
// file holds, keys and file names included, so it passes through here
// before it is shown anywhere.
func Printable(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "U+%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r >= 0x7f && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// Severity says whether a finding stops a build.
type Severity int

// Errors stop the file's PDFs; warnings are advice that `check --strict`
// holds a file to; notes are suggestions and reports (an everyday word for
// a hard one, which PEMAT items are met) that never fail a run.
const (
	Error Severity = iota
	Warning
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// MarshalText writes the severity as its word in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Finding is one problem found in a file.
type Finding struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (f Finding) String() string {
	msg := Printable(f.Message)
	if f.Severity == Error {
		return fmt.Sprintf("%s: %s", f.Pos, msg)
	}
	return fmt.Sprintf("%s: %s: %s", f.Pos, f.Severity, msg)
}

// List collects findings in the order they are found.
type List []Finding

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Finding{Pos: pos, Severity: Error, Message: Printable(fmt.Sprintf(format, args...))})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Finding{Pos: pos, Severity: Warning, Message: Printable(fmt.Sprintf(format, args...))})
}

// Notef adds a note at pos.
func (l *List) Notef(pos Pos, format string, args ...any) {
	*l = append(*l, Finding{Pos: pos, Severity: Note, Message: Printable(fmt.Sprintf(format, args...))})
}

// HasErrors reports whether any finding is an error.
func (l List) HasErrors() bool {
	for _, f := range l {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the errors.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.only(Warning) }

func (l List) only(s Severity) List {
	var out List
	for _, f := range l {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// Sort orders findings by file and position, keeping the order of findings
// at the same place, so reports read top to bottom like the file.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
