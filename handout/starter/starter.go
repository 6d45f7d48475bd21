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
	"time"
)

//go:embed en.yaml es.yaml
var templates embed.FS

// Languages lists the languages a template exists in.
var Languages = []string{"en", "es"}

// validName is a plain file name: letters, digits, dots, dashes and
// underscores, not starting with a dot or dash. It keeps the file in the
// folder asked for and its name usable on every system and in a URL.
var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

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
	case !validName.MatchString(base) || strings.Contains(base, ".."):
		return "", fmt.Errorf("%q is not a plain file name: use letters, digits and dashes, such as asthma-at-home", name)
	}
	return base, nil
}

// Template returns the template for a language, filled in for a handout
// called name in the file path, reviewed today.
func Template(lang, name, path string, today time.Time) ([]byte, error) {
	lang = strings.ToLower(lang)
	if i := strings.IndexByte(lang, '-'); i > 0 {
		lang = lang[:i] // es-MX uses the Spanish template
	}
	src, err := fs.ReadFile(templates, lang+".yaml")
	if err != nil {
		return nil, fmt.Errorf("there is no template in %q; use one of %s", lang, strings.Join(Languages, ", "))
	}
	r := strings.NewReplacer("{{TITLE}}", Title(name), "{{TODAY}}", today.Format("2006-01-02"), "{{FILE}}", filepath.ToSlash(path))
	return []byte(r.Replace(string(src))), nil
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
