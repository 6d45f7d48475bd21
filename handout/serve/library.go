package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/format"
)

// entry is one content file as the library last read it. Content is not
// PHI, so it is kept between requests and re-read when the file changes.
type entry struct {
	Name     string // the file's base name, which names the handout
	File     string // path, for messages
	mod      time.Time
	size     int64
	Handout  *content.Handout // nil when the file has errors
	Errors   diag.List
	Warnings diag.List
}

// Formats lists the formats the handout can be printed in.
func (e *entry) Formats() []format.Kind {
	if e.Handout == nil {
		return nil
	}
	if len(e.Handout.FAQ) == 0 {
		return []format.Kind{format.Guide, format.Summary}
	}
	return format.Kinds
}

// library reads the handouts of one folder. Every request looks at the
// folder again, so a new, changed or removed file shows without a restart;
// a file is parsed and checked again only when its size or time changed.
type library struct {
	dir   string
	brand *brand.Brand
	now   func() time.Time

	mu    sync.Mutex
	cache map[string]*entry // by path
}

func newLibrary(dir string, b *brand.Brand, now func() time.Time) *library {
	return &library{dir: dir, brand: b, now: now, cache: map[string]*entry{}}
}

// validName is a handout's name as the API and URLs take it: a file's base
// name, never a path.
var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`)

func isName(s string) bool { return validName.MatchString(s) && !strings.Contains(s, "..") }

var errNoHandout = errors.New("no such handout")

// list returns every handout in the folder, sorted by title.
func (l *library) list() ([]*entry, error) {
	des, err := os.ReadDir(l.dir)
	if err != nil {
		return nil, err
	}
	var out []*entry
	seen := map[string]string{} // handout name → its file
	for _, de := range des {
		ext := strings.ToLower(filepath.Ext(de.Name()))
		if de.IsDir() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		path := filepath.Join(l.dir, de.Name())
		name := strings.TrimSuffix(de.Name(), filepath.Ext(de.Name()))
		// A file that cannot be named, or that names the same handout as
		// another, is listed with the reason rather than left out.
		if !isName(name) {
			var errs diag.List
			errs.Errorf(diag.Pos{File: path}, "this file name cannot name a handout in a web address; rename it using only letters, digits, '-', '_' and '.' (for example %s.yaml)", suggestName(name))
			out = append(out, &entry{Name: name, File: path, Errors: errs})
			continue
		}
		if other, dup := seen[name]; dup {
			var errs diag.List
			errs.Errorf(diag.Pos{File: path}, "names the same handout as %s; rename or remove one of them", other)
			out = append(out, &entry{Name: name + filepath.Ext(de.Name()), File: path, Errors: errs})
			continue
		}
		seen[name] = path
		e, err := l.load(path, name)
		if err != nil {
			continue // removed since ReadDir
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		ti, tj := out[i].title(), out[j].title()
		if ti != tj {
			return strings.ToLower(ti) < strings.ToLower(tj)
		}
		return out[i].Name < out[j].Name
	})
	l.forget(seen)
	return out, nil
}

// forget drops files that are gone, so the cache holds only the folder.
func (l *library) forget(present map[string]string) {
	keep := map[string]bool{}
	for _, path := range present {
		keep[path] = true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for path := range l.cache {
		if !keep[path] {
			delete(l.cache, path)
		}
	}
}

// suggestName turns a file name into one that can name a handout.
func suggestName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		return "my-handout"
	}
	return out
}

// get returns the handout named name, read again if its file changed.
func (l *library) get(name string) (*entry, error) {
	if !isName(name) {
		return nil, errNoHandout
	}
	for _, ext := range []string{".yaml", ".yml"} {
		e, err := l.load(filepath.Join(l.dir, name+ext), name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return e, err
	}
	return nil, errNoHandout
}

func (l *library) load(path, name string) (*entry, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	l.mu.Lock()
	e := l.cache[path]
	l.mu.Unlock()
	if e != nil && e.mod.Equal(info.ModTime()) && e.size == info.Size() {
		return e, nil
	}
	e = &entry{Name: name, File: path, mod: info.ModTime(), size: info.Size()}
	opt := format.Options{Paper: format.Letter}
	h, findings := handout.Load(path, l.brand, opt, l.now())
	if !findings.HasErrors() {
		// As `check` does: a summary that cannot fit is an error too.
		findings = append(findings, handout.SummaryFits(h, l.brand, opt)...)
	}
	e.Errors, e.Warnings = findings.Errors(), findings.Warnings()
	if !findings.HasErrors() {
		e.Handout = h
	}
	l.mu.Lock()
	l.cache[path] = e
	l.mu.Unlock()
	return e, nil
}

func (e *entry) title() string {
	if e.Handout != nil {
		return e.Handout.Title.Raw
	}
	return e.Name
}
