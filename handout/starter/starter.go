// Package starter writes a new handout from a commented template, so that a
// writer starts from a file that already passes check and shows every field
// once, instead of copying an example and deleting most of it.
package starter

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"handouts/handout/labels"
)

//go:embed *.yaml
var templates embed.FS

// Languages lists the languages a template is written in, notes and
// sample text (the project's own translations; Arabic and Persian print
// right to left): a tag finds the one its labels print in (labels.Match).
// Any other language gets the English template with its language set and
// a note (see Template).
var Languages = []string{"en", "es", "ar", "fa", "ru", "vi", "hi", "bn", "ht", "tl", "fr", "pt", "pl", "de", "it", "zh-Hans", "zh-Hant", "ja", "ko", "ur", "pa", "am", "el"}

// validName is a plain file name: letters, digits, dots, dashes and
// underscores, not starting with a dot or dash. It keeps the file in the
// folder asked for and its name usable on every system and in a URL.
var validName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
})

// ErrExists is returned when the file is already there: a writer's work is
// never overwritten.
var ErrExists = errors.New("already exists")

// Name checks a handout name as typed (with or without .yaml) and returns
// it without the extension.
func Name(name string) (string, error) {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".yaml"), ".yml")
	switch {
	case base == "":
		return "", fmt.Errorf("give the new handout a name, such as asthma or diabetes-es")
	case strings.ContainsAny(base, `/\`):
		return "", fmt.Errorf("%q is a path; give only a file name, such as %s (it is written to the data folder, or to --dir)", name, filepath.Base(strings.ReplaceAll(base, `\`, "/")))
	case !validName().MatchString(base) || strings.Contains(base, ".."):
		return "", fmt.Errorf("%q is not a plain file name: use letters, digits and dashes, such as asthma-at-home", name)
	}
	return base, nil
}

// LanguageError is a --language that names no language.
type LanguageError struct{ msg string }

func (e *LanguageError) Error() string { return e.msg }

// Template returns the template for a language (a BCP 47 tag, as a
// handout's `language`), filled in for a handout called name in the file
// path, reviewed today. A language with a template of its own (Languages)
// gets it; any other gets the English one with `language:` set to the tag
// and a first note saying in which language the labels print (or that the
// tool has none for it) and whether the handout prints right to left.
func Template(lang, name, path string, today time.Time) ([]byte, error) {
	tag := strings.TrimSpace(lang)
	if !labels.Known(tag) {
		return nil, &LanguageError{fmt.Sprintf("%q is not a language tag; give a BCP 47 tag such as %s", lang, strings.Join(labels.Supported, ", "))}
	}
	// The template of the language whose labels print (zh-TW: zh-Hant,
	// pt-BR: pt), if it has one.
	file, _ := labels.Match(tag)
	src, err := fs.ReadFile(templates, file+".yaml")
	own := err == nil
	if !own {
		src, _ = fs.ReadFile(templates, "en.yaml")
	}
	text := string(src)
	// The language line names the tag asked for (es-MX, pt-BR), so the
	// labels and the reading-level formula are chosen from it.
	text = languageLine().ReplaceAllStringFunc(text, func(line string) string {
		m := languageLine().FindStringSubmatch(line)
		comment := strings.TrimLeft(m[3], " ")
		if !own {
			comment = "# the handout's language, a BCP 47 tag"
		}
		col := len(m[1]) + len(m[2]) + len(m[3]) - len(strings.TrimLeft(m[3], " "))
		return m[1] + tag + strings.Repeat(" ", max(1, col-len(m[1])-len(tag))) + comment
	})
	if !own {
		text = otherLanguageNote(tag) + text
	}
	r := strings.NewReplacer("{{TITLE}}", Title(name), "{{TODAY}}", today.Format("2006-01-02"), "{{FILE}}", filepath.ToSlash(path))
	return []byte(r.Replace(text)), nil
}

// languageLine is the template's `language:` line: its value, and the
// comment after it padded to the same column.
var languageLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(language: )([A-Za-z-]+)( *#.*)$`)
})

// otherLanguageNote opens the English template given for another language.
func otherLanguageNote(tag string) string {
	var b strings.Builder
	if lab, ok := labels.For(tag); ok {
		name := labels.Name(lab.Lang)
		fmt.Fprintf(&b, "# This handout is in %s (language: %s). The notes and sample text below\n", name, tag)
		fmt.Fprintf(&b, "# are in English: replace the sample text with your own. The printed labels\n")
		fmt.Fprintf(&b, "# will be in %s (%q, %q).\n", name, lab.ShortVersion, lab.Page(1, 2))
	} else {
		fmt.Fprintf(&b, "# This handout is in language %s. The notes and sample text below are in\n", tag)
		fmt.Fprintf(&b, "# English: replace the sample text with your own. The tool has no printed\n")
		fmt.Fprintf(&b, "# labels in %s (\"Page 1 of 2\" and the like): they print in English unless\n", tag)
		fmt.Fprintf(&b, "# the brand file gives them under labels: (see the README).\n")
	}
	if labels.RightToLeft(tag) {
		b.WriteString("# It prints right to left.\n")
	}
	b.WriteString("#\n")
	return b.String()
}

// Title makes a first title from a file name: "asthma-at-home" becomes
// "Asthma at home".
func Title(name string) string {
	t := strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' }), " ")
	if t == "" {
		return "New handout"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// Write creates dir/name.yaml from the template, creating dir if needed. It
// refuses to replace a file that exists (ErrExists).
func Write(dir, name, lang string, today time.Time) (string, error) {
	base, err := Name(name)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, base+".yaml")
	src, err := Template(lang, base, path, today)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// O_EXCL: the check for an existing file and the creation are one step,
	// so nothing can slip in between.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return path, fmt.Errorf("%s %w; pick another name, or edit that file", path, ErrExists)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(src); err != nil {
		f.Close()
		os.Remove(path)
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", err
	}
	return path, nil
}
