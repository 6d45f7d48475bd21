// Package spaces folds white space the one way the tool does: every run of
// Unicode white space (line breaks, tabs and no-break spaces included)
// becomes one plain space, with none at either end.
package spaces

import "strings"

// Fold returns s with each run of white space (as unicode.IsSpace has it,
// so no-break and ideographic spaces too) turned into one space and the
// ends trimmed. Text whose no-break spaces or inner runs must survive
// (content's joinLines, which only joins a literal value's lines) does not
// use it.
func Fold(s string) string { return strings.Join(strings.Fields(s), " ") }
