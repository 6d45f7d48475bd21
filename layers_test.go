package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImportsFollowTheREADME holds the code to the README's picture of the
// packages: every package of ours is in the table of "How it is built", and
// every import of ours that a package's non-test files make is in its row.
// A new arrow means either the design changed (then the README says so) or
// a layer leaked.
func TestImportsFollowTheREADME(t *testing.T) {
	allowed := readmeImports(t)
	actual := moduleImports(t)
	if len(actual) < 10 {
		t.Fatalf("found only %d packages; is the walk broken?", len(actual))
	}
	for pkg, imports := range actual {
		want, ok := allowed[pkg]
		if !ok {
			t.Errorf("package %s is not in the README's table of packages", pkg)
			continue
		}
		for _, imp := range imports {
			if !slices.Contains(want, imp) {
				t.Errorf("%s imports %s, an arrow the README's table does not draw", pkg, imp)
			}
		}
	}
	for pkg := range allowed {
		if _, ok := actual[pkg]; !ok {
			t.Errorf("the README names package %s, which does not exist", pkg)
		}
	}
	// An arrow the table draws must still be in the code: a row of several
	// packages (the test helpers) needs it in at least one of them.
	for _, row := range readmeRows(t) {
		for _, imp := range row.imports {
			drawn := false
			for _, pkg := range row.packages {
				drawn = drawn || slices.Contains(actual[pkg], imp)
			}
			if !drawn {
				t.Errorf("the README's table lets %s import %s, which none of them does any more", strings.Join(row.packages, ", "), imp)
			}
		}
	}
}

// readmeRow is one row of the table: the packages it names and the
// packages of ours they may import.
type readmeRow struct{ packages, imports []string }

// readmeImports reads the table: the first column names one or more
// packages in backquotes, the third the packages of ours they may import.
func readmeImports(t *testing.T) map[string][]string {
	t.Helper()
	allowed := map[string][]string{}
	for _, row := range readmeRows(t) {
		for _, pkg := range row.packages {
			allowed[pkg] = row.imports
		}
	}
	return allowed
}

// readmeRows reads the table's rows.
func readmeRows(t *testing.T) []readmeRow {
	t.Helper()
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(src), "| package | job | imports (of ours) |")
	if !ok {
		t.Fatal(`README.md has no table headed "| package | job | imports (of ours) |"`)
	}
	quoted := regexp.MustCompile("`([^`]+)`")
	names := func(cell string) []string {
		var out []string
		for _, m := range quoted.FindAllStringSubmatch(cell, -1) {
			out = append(out, m[1])
		}
		return out
	}
	var rows []readmeRow
	for _, line := range strings.Split(table, "\n")[2:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			t.Fatalf("README table row %q has fewer than three cells", line)
		}
		var row readmeRow
		for _, pkg := range names(cells[1]) {
			if strings.HasSuffix(pkg, ".go") {
				continue // files named beside a package, such as `main.go`
			}
			row.packages = append(row.packages, pkg)
		}
		row.imports = names(cells[3])
		rows = append(rows, row)
	}
	return rows
}

// moduleImports parses every package's non-test files, as the README names
// packages: "handouts" for the root, "handout/x" for the others.
func moduleImports(t *testing.T) map[string][]string {
	t.Helper()
	const module = "handouts"
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		pkg := module
		if dir := filepath.ToSlash(filepath.Dir(path)); dir != "." {
			pkg = dir
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if rest, ok := strings.CutPrefix(p, module+"/"); ok && !slices.Contains(out[pkg], rest) {
				out[pkg] = append(out[pkg], rest)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
