package serve

import (
	"context"
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/diag"
)

// entry is one content file as the library last read it. Content is not
// PHI, so it is kept between requests and re-read when the file changes.
type entry struct {
	Name     string // the file's base name, which names the handout
	File     string // path, for messages
	mod      time.Time
	size     int64
	Handout  *handout.Handout // nil when the file has errors
	Title    string           // the handout's title when the file has one, even with errors
	Errors   diag.List
	Warnings diag.List
	// Unavailable are the formats that cannot be made, with why, in words
	// for the front desk (the details go to the server's log). The other
	// formats still print, as `handouts build` makes them.
	Unavailable map[handout.Kind]string
	search      string // folded words of the whole handout (searchText)
}

// Formats lists the formats the handout can be printed in.
func (e *entry) Formats() []handout.Kind {
	if e.Handout == nil {
		return nil
	}
	var out []handout.Kind
	for _, k := range handout.Kinds() {
		if k == handout.FAQ && len(e.Handout.FAQ) == 0 {
			continue
		}
		if _, bad := e.Unavailable[k]; bad {
			continue
		}
		out = append(out, k)
	}
	return out
}

// can reports whether the handout can be printed in kind.
func (e *entry) can(k handout.Kind) bool {
	for _, f := range e.Formats() {
		if f == k {
			return true
		}
	}
	return false
}

// library reads the handouts of one folder. Every request looks at the
// folder again, so a new, changed or removed file shows without a restart;
// a file is parsed and checked again only when its size or time changed.
//
// Parsing a large handout takes a while, so a changed file is parsed once
// however many requests ask for it at the same moment (the others wait for
// that parse), and each parse takes one of the server's render slots: it
// is work of the same weight, and counts within the same limit.
type library struct {
	dir   string
	brand *brand.Brand
	now   func() time.Time
	// acquire and release take and give back one of the server's render
	// slots.
	acquire func(context.Context) bool
	release func()
	log     *log.Logger

	mu       sync.Mutex
	cache    map[string]*entry // by path
	inflight map[string]*parse // by path: a parse under way
	parses   int               // files parsed, for tests
	noted    map[string]bool   // unusable file names already logged
}

// parse is one file being parsed; done closes when e and err are set.
type parse struct {
	done chan struct{}
	e    *entry
	err  error
}

func newLibrary(dir string, b *brand.Brand, now func() time.Time, acquire func(context.Context) bool, release func(), lg *log.Logger) *library {
	return &library{dir: dir, brand: b, now: now, acquire: acquire, release: release, log: lg, cache: map[string]*entry{}, inflight: map[string]*parse{}, noted: map[string]bool{}}
}

// errBusy is a parse that could not get a render slot in time.
var errBusy = errors.New("the server is busy")

// validName is a handout's name as the API and URLs take it: a file's base
// name, never a path.
var validName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`)
})

func isName(s string) bool { return validName().MatchString(s) && !strings.Contains(s, "..") }

var errNoHandout = errors.New("no such handout")

// list returns every handout in the folder, sorted by title.
func (l *library) list(ctx context.Context) ([]*entry, error) {
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
			out = append(out, l.unusable(name, path, errs))
			continue
		}
		if other, dup := seen[name]; dup {
			var errs diag.List
			errs.Errorf(diag.Pos{File: path}, "names the same handout as %s; rename or remove one of them", other)
			out = append(out, l.unusable(name+filepath.Ext(de.Name()), path, errs))
			continue
		}
		seen[name] = path
		e, err := l.load(ctx, path, name)
		if errors.Is(err, errBusy) {
			return nil, err
		}
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

// unusable is a file listed but not read, its reason logged once.
func (l *library) unusable(name, path string, errs diag.List) *entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.noted[path] {
		l.noted[path] = true
		for _, f := range errs {
			l.log.Printf("content %s", f)
		}
	}
	return &entry{Name: name, File: path, Errors: errs}
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
func (l *library) get(ctx context.Context, name string) (*entry, error) {
	if !isName(name) {
		return nil, errNoHandout
	}
	for _, ext := range []string{".yaml", ".yml"} {
		e, err := l.load(ctx, filepath.Join(l.dir, name+ext), name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return e, err
	}
	return nil, errNoHandout
}

func (l *library) load(ctx context.Context, path, name string) (*entry, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	l.mu.Lock()
	if e := l.cache[path]; e != nil && e.mod.Equal(info.ModTime()) && e.size == info.Size() {
		l.mu.Unlock()
		return e, nil
	}
	if p := l.inflight[path]; p != nil {
		l.mu.Unlock()
		select {
		case <-p.done:
			return p.e, p.err
		case <-ctx.Done():
			return nil, errBusy
		}
	}
	p := &parse{done: make(chan struct{})}
	l.inflight[path] = p
	l.mu.Unlock()

	p.e, p.err = l.parse(ctx, path, name, info)
	l.mu.Lock()
	delete(l.inflight, path)
	if p.err == nil {
		l.cache[path] = p.e
	}
	l.mu.Unlock()
	close(p.done)
	return p.e, p.err
}

// parse reads and checks one file in a render slot.
func (l *library) parse(ctx context.Context, path, name string, info fs.FileInfo) (*entry, error) {
	if !l.acquire(ctx) {
		return nil, errBusy
	}
	defer l.release()
	l.mu.Lock()
	l.parses++
	l.mu.Unlock()
	e := &entry{Name: name, File: path, mod: info.ModTime(), size: info.Size()}
	opt := handout.Options{Paper: handout.Letter}
	h, findings := handout.Load(path, l.brand, opt, l.now())
	if h != nil {
		e.Title = h.Title.Raw
	}
	e.Errors, e.Warnings = findings.Errors(), findings.Warnings()
	for _, f := range e.Errors {
		l.log.Printf("content %s", f)
	}
	if findings.HasErrors() {
		return e, nil
	}
	e.Handout = h
	e.search = searchText(h)
	// As `build` does: a summary that cannot fit leaves the guide and the
	// FAQ sheet to print. `check` lists it as an error.
	if fits := handout.SummaryFits(h, l.brand, opt); len(fits) > 0 {
		for _, f := range fits {
			l.log.Printf("content %s", f)
		}
		e.Unavailable = map[handout.Kind]string{handout.Summary: "its summary is longer than one page"}
	}
	return e, nil
}

func (e *entry) title() string {
	if e.Title != "" {
		return e.Title
	}
	return e.Name
}
