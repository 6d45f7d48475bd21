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
	seen := map[string]bool{}
	for _, de := range des {
		name, ok := contentName(de.Name())
		if !ok || de.IsDir() || seen[name] {
			continue
		}
		seen[name] = true
		e, err := l.load(filepath.Join(l.dir, de.Name()), name)
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
func (l *library) forget(present map[string]bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for path, e := range l.cache {
		if !present[e.Name] {
			delete(l.cache, path)
		}
	}
}

func contentName(file string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(file))
	if ext != ".yaml" && ext != ".yml" {
		return "", false
	}
	name := strings.TrimSuffix(file, filepath.Ext(file))
	return name, isName(name)
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
	e.Errors = findings.Errors()
	for _, f := range findings {
		if f.Severity == diag.Warning {
			e.Warnings = append(e.Warnings, f)
		}
	}
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
