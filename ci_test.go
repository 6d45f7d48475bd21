package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCIRunsSampledTestsInFull: a package whose tests run a sample under
// -race (a *_test.go file built only with the race detector) must also be
// tested without -race in .ci/run, or CI never runs its full matrices.
func TestCIRunsSampledTestsInFull(t *testing.T) {
	t.Parallel()
	script, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	full := map[string]bool{}
	goTest := regexp.MustCompile(`(?m)^\s*go test ([^\n]*)$`)
	for _, m := range goTest.FindAllStringSubmatch(string(script), -1) {
		args := strings.Fields(m[1])
		race, only := false, false
		for _, a := range args {
			race = race || a == "-race"
			only = only || a == "-run" || strings.HasPrefix(a, "-run=") || a == "-fuzz"
		}
		if race || only {
			continue
		}
		for _, a := range args {
			if strings.HasPrefix(a, "./") {
				full[filepath.Clean(strings.TrimSuffix(a, "/..."))] = true
				if a == "./..." {
					full["."] = true
				}
			}
		}
	}
	var sampled []string
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if regexp.MustCompile(`(?m)^//go:build race\s*$`).Match(src) {
			sampled = append(sampled, filepath.Dir(path))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sampled) == 0 {
		t.Fatal("found no package that samples under -race; this test looks in the wrong place")
	}
	for _, dir := range sampled {
		if !full[dir] && !full["."] {
			t.Errorf("%s runs a sample under -race, and .ci/run never tests it without -race", dir)
		}
	}
}
