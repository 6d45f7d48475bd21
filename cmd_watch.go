package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/handout"
	"handouts/handout/brand"
	"handouts/handout/diag"
	"handouts/handout/watch"
)

// watchBuilds is `build --watch` after its first build: it rebuilds each
// content file as it is saved, and every file when the brand file, its logo
// or its fonts change, printing one line per rebuild. A file with errors
// gets its messages and keeps its last good PDFs (Build never replaces a
// PDF with a broken one). It returns when the context ends (Ctrl-C,
// SIGTERM).
func (s *shell) watchBuilds(c *cli.Context, cfg handout.Config, bs brandSetup) error {
	cfg.Progress = nil
	// The warnings each file's last rebuild printed, so that a save
	// shows the warnings it brought, not every one again.
	shown := map[string]map[string]bool{}
	brandFile := s.get(c, "brand").text
	targets, brandDeps := watchTargets(inputs(c), brandFile, bs.brand)
	ready := func() {
		fmt.Fprintf(s.stdout, "watching %s for changes; Ctrl-C stops\n", diag.Printable(describeTargets(targets)))
	}
	rebuild := func(changed []string) *watch.Targets {
		stamp := time.Now().Format("15:04:05")
		brandChanged := false
		for _, p := range changed {
			brandChanged = brandChanged || brandDeps[p]
		}
		if brandChanged {
			bs = s.brand(c)
			// The brand may now name another logo or other fonts, or a
			// file that is not there yet: follow what it names.
			targets, brandDeps = watchTargets(inputs(c), brandFile, bs.brand)
			if bs.findings.HasErrors() {
				printFindings(s.stderr, bs.findings.Errors())
				fmt.Fprintf(s.stdout, "%s the brand has errors; kept the last good PDFs\n", stamp)
				return &targets
			}
			cfg.Brand = bs.brand
			files, err := handout.Collect(inputs(c))
			if err != nil {
				fmt.Fprintf(s.stdout, "%s %s\n", stamp, diag.Printable(err.Error()))
				return &targets
			}
			s.rebuild(c, cfg, files, stamp+" brand changed: ", shown)
			return &targets
		}
		var files, gone []string
		for _, p := range changed {
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				gone = append(gone, p)
			} else {
				files = append(files, p)
			}
		}
		for _, p := range gone {
			fmt.Fprintf(s.stdout, "%s %s was removed; its PDFs are left as they were\n", stamp, diag.Printable(p))
		}
		if len(files) > 0 {
			s.rebuild(c, cfg, files, stamp+" ", shown)
		}
		return nil
	}
	problem := func(err error) { fmt.Fprintf(s.stderr, "handouts: watching: %s\n", diag.Printable(err.Error())) }
	if err := watch.Run(c.Context, targets, watch.Quiet, ready, rebuild, problem); err != nil {
		return &exitError{1, err.Error()}
	}
	fmt.Fprintln(s.stdout, "stopped watching")
	return nil
}

// rebuild builds files and prints one line saying what came of it, after
// the errors and each warning the files did not have at their last
// rebuild (shown, updated here): the writer sees at once that curly
// quotes are about to print, without running check in another terminal.
func (s *shell) rebuild(c *cli.Context, cfg handout.Config, files []string, prefix string, shown map[string]map[string]bool) {
	cfg.Inputs = files
	start := time.Now()
	rep, err := handout.Build(c.Context, cfg)
	if rep == nil {
		fmt.Fprintf(s.stdout, "%s%s: %s\n", prefix, diag.Printable(strings.Join(files, ", ")), diag.Printable(err.Error()))
		return
	}
	if err != nil {
		return // interrupted: the watch is ending
	}
	for _, f := range rep.Failed {
		printFindings(s.stderr, f.Findings)
	}
	now := map[string]map[string]bool{}
	for _, f := range files {
		now[f] = map[string]bool{}
	}
	fresh := 0
	for _, w := range rep.Warnings {
		line := w.String()
		file := w.Pos.File
		if now[file] == nil {
			now[file] = map[string]bool{}
		}
		if !shown[file][line] && !now[file][line] {
			fmt.Fprintln(s.stderr, line)
			fresh++
		}
		now[file][line] = true
	}
	for f, ws := range now {
		shown[f] = ws
	}
	total := 0
	for _, o := range rep.Written {
		total += o.Bytes
	}
	what := strings.Join(files, ", ")
	if len(files) > 3 {
		what = plural(len(files), "file")
	}
	errs := 0
	for _, f := range rep.Failed {
		errs += len(f.Findings.Errors())
	}
	var parts []string
	if len(rep.Written) > 0 || len(rep.Failed) == 0 {
		parts = append(parts, fmt.Sprintf("%s (%s) in %s", plural(len(rep.Written), "PDF"), size(total), time.Since(start).Round(time.Millisecond)))
	}
	if len(rep.Failed) > 0 {
		parts = append(parts, fmt.Sprintf("%s, so the last good PDFs are kept", plural(errs, "error")))
	}
	if n := len(rep.Warnings); n > 0 {
		switch {
		case fresh == n:
			parts = append(parts, fmt.Sprintf("%s (above)", plural(n, "warning")))
		case fresh > 0:
			parts = append(parts, fmt.Sprintf("%s, %d new (above)", plural(n, "warning"), fresh))
		default:
			parts = append(parts, fmt.Sprintf("%s, as before", plural(n, "warning")))
		}
	}
	line := prefix + what + ": " + strings.Join(parts, "; ")
	fmt.Fprintln(s.stdout, diag.Printable(line))
}

// watchTargets lists what a build reads: the content files and folders,
// and the brand file with the logo and font files it names. brandDeps holds
// the cleaned paths whose change means rebuilding everything.
func watchTargets(inputs []string, brandFile string, b *brand.Brand) (watch.Targets, map[string]bool) {
	var t watch.Targets
	for _, in := range inputs {
		if info, err := os.Stat(in); err == nil && info.IsDir() {
			t.Dirs = append(t.Dirs, in)
		} else {
			t.Files = append(t.Files, in)
		}
	}
	deps := map[string]bool{}
	add := func(p string) {
		if p != "" {
			t.Files = append(t.Files, p)
			deps[filepath.Clean(p)] = true
		}
	}
	add(brandFile)
	if b != nil {
		for _, f := range b.Files {
			add(f)
		}
	}
	return t, deps
}

func describeTargets(t watch.Targets) string {
	var parts []string
	for _, d := range t.Dirs {
		parts = append(parts, filepath.Join(d, "*.yaml"))
	}
	parts = append(parts, t.Files...)
	if len(parts) > 4 {
		return plural(len(parts), "path")
	}
	return strings.Join(parts, ", ")
}
