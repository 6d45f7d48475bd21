// Package handout builds branded, print-ready PDF handouts from YAML
// content. It is the library behind the command line: Build checks and
// renders a batch of content files in parallel; the stages live in the
// packages below it:
//
//	content    YAML → typed Handout with positions (yamldoc does the reading)
//	brand      flags, environment and brand file → checked Brand
//	check      every finding about a handout, errors and warnings
//	format     Handout + Brand → laid-out Document (guide, summary, faq)
//	layout     rows → pages (wrapping, keep rules, frames)
//	pdfwriter  Document → PDF bytes (the only user of fpdf)
package handout

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"handouts/handout/brand"
	"handouts/handout/check"
	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/pdfwriter"
	"handouts/handout/userfile"
)

// Config is one build.
type Config struct {
	Inputs  []string      // files or folders; folders give their *.yaml files
	OutDir  string        // where PDFs go
	Formats []format.Kind // nil means every format the file has content for
	Options format.Options
	Brand   *brand.Brand
	Jobs    int // parallel workers; 0 means one per CPU
	// Epoch, when set (SOURCE_DATE_EPOCH), dates every PDF; otherwise a
	// handout's reviewed date does, or a fixed date.
	Epoch   *time.Time
	Version string
	// Now is the date that "reviewed more than two years ago" is measured
	// from; zero means today.
	Now time.Time
	// Progress, when set, is called after each file with the counts so far.
	Progress func(done, total int)
	// Waiting, when set, is called when another build (process pid, 0 if
	// unknown) is writing to OutDir; this one then waits for it to finish.
	Waiting func(pid int)

	// commitHook, set only by tests, is told each step of writing a
	// file's set (see fileSet.hook).
	commitHook func(step string)
}

// Output is one PDF written.
type Output struct {
	Path   string      `json:"path"`
	Source string      `json:"source"`
	Format format.Kind `json:"format"`
	Pages  int         `json:"pages"`
	Bytes  int         `json:"bytes"`
}

// Failure is a content file that produced no PDFs, or a format that failed.
type Failure struct {
	Source   string      `json:"source"`
	Format   format.Kind `json:"format,omitempty"`
	Findings diag.List   `json:"findings"`
}

// Report is what a build did.
type Report struct {
	Written  []Output  `json:"written"`
	Failed   []Failure `json:"failed"`
	Warnings diag.List `json:"warnings"`
	Notes    []string  `json:"notes,omitempty"`
	// Removed lists the PDFs taken away because their file's content no
	// longer makes them, or made them from an older version.
	Removed []Removal `json:"removed"`
}

// Removal is an old PDF removed from the output folder, and why.
type Removal struct {
	Path   string `json:"path"`
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// fixedDate dates PDFs when nothing else does, so builds are reproducible.
var fixedDate = pdfwriter.FixedDate

// DefaultInput is the folder of content files a command reads when it is
// given none.
const DefaultInput = "data"

// Collect expands inputs into content files: a folder gives its *.yaml and
// *.yml files (not its subfolders, so data/brand/ stays out), sorted.
func Collect(inputs []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				if filepath.Clean(in) == DefaultInput {
					// Most likely run from the wrong folder, or before
					// the first handout.
					return nil, fmt.Errorf("no %s/ folder here: run in your handouts folder, or name files: handouts build FILE.yaml; `handouts new NAME` starts one", DefaultInput)
				}
				return nil, fmt.Errorf("%s: no such file or folder", in)
			}
			return nil, fmt.Errorf("%s: %w", in, unwrapPath(err))
		}
		if !info.IsDir() {
			if !seen[in] {
				files = append(files, in)
				seen[in] = true
			}
			continue
		}
		entries, err := os.ReadDir(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, unwrapPath(err))
		}
		var found []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
				found = append(found, filepath.Join(in, e.Name()))
			}
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .yaml handouts in this folder", in)
		}
		for _, f := range found { // os.ReadDir sorts by name
			if !seen[f] {
				files = append(files, f)
				seen[f] = true
			}
		}
	}
	return files, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// maxContentSize guards against pointing the tool at the wrong file; real
// handouts are a few kilobytes (the seed is 10 KB). Checking and laying out
// take seconds per megabyte, so a larger limit lets a mistaken file stall a
// build for minutes.
const maxContentSize = 8 << 20

// Load reads and decodes one content file and runs every check on it.
func Load(path string, b *brand.Brand, opt format.Options, now time.Time) (*content.Handout, diag.List) {
	h, errs := decode(path)
	if h == nil || !h.Read {
		return h, errs
	}
	// A file with errors is still checked, so that one run reports
	// everything: an unknown key must not hide an emoji the font lacks.
	errs = append(errs, check.Handout(h, b, now)...)
	errs.Sort()
	return h, errs
}

// decode reads and decodes one content file.
func decode(path string) (*content.Handout, diag.List) {
	var errs diag.List
	src, err := userfile.Read(path, maxContentSize)
	if err != nil {
		var big *userfile.TooLargeError
		switch {
		case errors.As(err, &big) && big.Size > 0:
			errs.Errorf(diag.Pos{File: path}, "is %.1f MB; a handout file should be far smaller (limit %s)", float64(big.Size)/(1<<20), userfile.Size(maxContentSize))
		case errors.As(err, &big):
			errs.Errorf(diag.Pos{File: path}, "is larger than %s; a handout file should be far smaller", userfile.Size(maxContentSize))
		case errors.Is(err, userfile.ErrNotRegular):
			errs.Errorf(diag.Pos{File: path}, "%v; give a handout file", err)
		default:
			errs.Errorf(diag.Pos{File: path}, "cannot read: %v", err)
		}
		return nil, errs
	}
	return content.Decode(path, src)
}

// Build checks and renders every input. Files are independent: one with
// errors gets no PDFs and its messages, the others are still built. Each
// file's PDFs are written as a set (fileSet.commit), so a failed,
// interrupted or killed build never leaves a half-written PDF, nor a file's
// PDFs half old and half new. Builds into one folder take turns (lockOutput).
func Build(ctx context.Context, cfg Config) (*Report, error) {
	files, err := Collect(cfg.Inputs)
	if err != nil {
		return nil, err
	}
	if dup := duplicateNames(files); dup != "" {
		return nil, fmt.Errorf("%s: two inputs would write the same PDFs", dup)
	}
	if err := outputFolder(cfg.OutDir); err != nil {
		return nil, err
	}
	unlock, err := lockOutput(ctx, cfg.OutDir, cfg.Waiting)
	if err != nil {
		return nil, err
	}
	defer unlock()
	tidied := tidy(cfg.OutDir, time.Now())
	if cfg.Now.IsZero() {
		cfg.Now = time.Now()
	}
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, len(files))

	brandID := cfg.Brand.Fingerprint()
	// What the documents of a build share: font subsets, and the logo
	// parsed once for every PDF.
	subsets, images := &pdfwriter.Subsets{}, &pdfwriter.Images{}
	results := make([]fileResult, len(files))
	var mu sync.Mutex
	done := 0
	build := func(i int) {
		results[i] = buildFile(ctx, files[i], cfg, brandID, subsets, images)
		if cfg.Progress != nil {
			mu.Lock()
			done++
			cfg.Progress(done, len(files))
			mu.Unlock()
		}
	}
	if jobs == 1 {
		// One worker is this goroutine: a new one would grow its stack,
		// into fresh memory, all over again, a tenth of a millisecond of a
		// one-guide build.
		for i := range files {
			if ctx.Err() != nil {
				break
			}
			build(i)
		}
	} else {
		var wg sync.WaitGroup
		next := make(chan int)
		for w := 0; w < jobs; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if ctx.Err() != nil {
						continue // handed out as the build was cancelled
					}
					build(i)
				}
			}()
		}
	feed:
		for i := range files {
			// select picks at random among ready cases, so a cancelled
			// build must look before offering more work.
			if ctx.Err() != nil {
				break
			}
			select {
			case next <- i:
			case <-ctx.Done():
				break feed
			}
		}
		close(next)
		wg.Wait()
	}
	rep := &Report{Notes: tidied}
	for _, r := range results {
		rep.Written = append(rep.Written, r.written...)
		rep.Failed = append(rep.Failed, r.failed...)
		rep.Warnings = append(rep.Warnings, r.warnings...)
		rep.Notes = append(rep.Notes, r.notes...)
		rep.Removed = append(rep.Removed, r.removed...)
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	return rep, nil
}

// duplicateNames finds two inputs with the same base name (a.yaml, a.yml or
// x/a.yaml, y/a.yaml), which would overwrite each other's PDFs.
func duplicateNames(files []string) string {
	seen := map[string]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if other, ok := seen[name]; ok {
			return other + " and " + f
		}
		seen[name] = f
	}
	return ""
}

type fileResult struct {
	written  []Output
	failed   []Failure
	warnings diag.List
	notes    []string
	removed  []Removal
}

// made is a format made, and its pages.
type made struct {
	kind  format.Kind
	pages int
}

func buildFile(ctx context.Context, path string, cfg Config, brandID []byte, subsets *pdfwriter.Subsets, images *pdfwriter.Images) (res fileResult) {
	// What Load does, with the reading level graded beside the layout:
	// its warnings join the others, in Load's order, however the file
	// ends.
	h, findings := decode(path)
	if h == nil || !h.Read {
		res.warnings = findings.Warnings()
		res.failed = append(res.failed, Failure{Source: path, Findings: findings.Errors()})
		return res
	}
	// A file with errors is checked too, as `check` does: one run names
	// every error, not only the decoder's.
	findings = append(findings, check.Essentials(h, cfg.Brand, cfg.Now)...)
	grades := make(chan diag.List, 1)
	go func() { grades <- check.Readability(h) }()
	defer func() {
		all := append(findings, <-grades...)
		all.Sort()
		res.warnings = all.Warnings()
	}()
	if findings.HasErrors() {
		findings.Sort()
		res.failed = append(res.failed, Failure{Source: path, Findings: findings.Errors()})
		return res
	}
	lab, _ := cfg.Brand.LabelsFor(h.Language)
	kinds := cfg.Formats
	explicit := kinds != nil
	if !explicit {
		kinds = format.Kinds
	}
	dest := func(k format.Kind) string { return outPath(cfg.OutDir, h.Name, k) }
	failed := func(k format.Kind, pos diag.Pos, format string, args ...any) {
		var f diag.List
		f.Errorf(pos, format, args...)
		res.failed = append(res.failed, Failure{Source: path, Format: k, Findings: f})
	}
	// Each format stands on its own: one that cannot be made is reported
	// and the others are still written. Those that were made are written
	// together (fileSet.commit), so the file's PDFs are never half old and
	// half new.
	var set []*pending
	var ok []made
	var lost []format.Kind
	for _, k := range kinds {
		if k == format.FAQ && len(h.FAQ) == 0 && !explicit {
			continue
		}
		// Ctrl-C or SIGTERM stops at the next format; what this file made
		// so far is dropped, so its old PDFs stay as a complete set.
		if ctx.Err() != nil {
			return fileResult{}
		}
		pdf, pages, notes, err := makeFormat(k, h, lab, cfg, brandID, subsets, images)
		for _, n := range notes {
			res.notes = append(res.notes, fmt.Sprintf("%s: %s", path, n))
		}
		if err != nil {
			if tooLong := new(*format.ErrTooLong); errors.As(err, tooLong) {
				failed(k, h.SummaryPos, "%v", err) // as `check` says it
			} else {
				failed(k, diag.Pos{File: path}, "%s: %v", k, err)
			}
			lost = append(lost, k)
			continue
		}
		set = append(set, &pending{dest: dest(k), data: pdf})
		ok = append(ok, made{k, pages})
	}
	if ctx.Err() != nil {
		return fileResult{}
	}
	if len(set) == 0 {
		return res
	}
	fset := &fileSet{dir: cfg.OutDir, name: h.Name, source: path, digest: h.Digest, write: set, hook: cfg.commitHook}
	tried := map[format.Kind]bool{}
	for _, m := range ok {
		tried[m.kind] = true
	}
	reasons := staleReasons(cfg, h, path, explicit, tried, lost)
	for _, k := range format.Kinds {
		if _, ok := reasons[dest(k)]; ok {
			fset.remove = append(fset.remove, dest(k))
		}
	}
	if err := fset.commit(); err != nil {
		for _, m := range ok {
			failed(m.kind, diag.Pos{File: path}, "%s: %v; none of this file's PDFs were replaced", m.kind, err)
		}
		return res
	}
	for i, m := range ok {
		res.written = append(res.written, Output{Path: set[i].dest, Source: path, Format: m.kind, Pages: m.pages, Bytes: len(set[i].data)})
	}
	res.noteRemoved(path, fset.remove, reasons, lost, dest)
	return res
}

// noteRemoved reports the old PDFs a committed set took away: a lost
// format's in its failure, the others as removals.
func (res *fileResult) noteRemoved(path string, removed []string, reasons map[string]string, lost []format.Kind, dest func(format.Kind) string) {
	for i, k := range lost {
		if gone(dest(k)) {
			f := &res.failed[i].Findings[0] // the failures so far are the lost formats, in order
			f.Message += fmt.Sprintf(" (the old %s was removed, as it no longer matches the file)", dest(k))
		}
	}
	for _, r := range removed {
		if why := reasons[r]; why != "lost" && gone(r) {
			res.removed = append(res.removed, Removal{Path: r, Source: path, Reason: why})
		}
	}
}

// makeFormat composes and writes format k of h, in memory, with the
// notes the composition has for the person building (they stand even
// when the writing fails).
func makeFormat(k format.Kind, h *content.Handout, lab *labels.Labels, cfg Config, brandID []byte, subsets *pdfwriter.Subsets, images *pdfwriter.Images) (pdf []byte, pages int, notes []string, err error) {
	doc, err := format.Compose(k, h, cfg.Brand, lab, cfg.Options)
	if err != nil {
		return nil, 0, nil, err
	}
	opt := writerOptions(h, cfg, brandID, k)
	opt.Subsets, opt.Images = subsets, images
	pdf, err = pdfwriter.Bytes(&doc.Document, opt)
	return pdf, len(doc.Pages), doc.Notes, err
}

// staleReasons decides which old PDFs of h go when its new set is written,
// and why (for the report), by path: old PDFs of this name that the new
// ones must not stand beside, as a summary that no longer matches the
// guide must not be printed by mistake. made holds the formats made, and
// is given the lost ones (formats that failed).
func staleReasons(cfg Config, h *content.Handout, path string, explicit bool, made map[format.Kind]bool, lost []format.Kind) map[string]string {
	reasons := map[string]string{}
	dest := func(k format.Kind) string { return outPath(cfg.OutDir, h.Name, k) }
	// A format that failed: its old PDF belongs to older content.
	for _, k := range lost {
		reasons[dest(k)] = "lost"
		made[k] = true
	}
	var recorded *string
	for _, k := range format.Kinds {
		if made[k] {
			continue
		}
		if info, err := os.Lstat(dest(k)); err != nil || !info.Mode().IsRegular() {
			continue
		}
		switch {
		case !explicit:
			// Every format the content makes was made: this one it no
			// longer makes (its faq: was taken out).
			reasons[dest(k)] = fmt.Sprintf("%s no longer has a %s", path, contentFor(k))
		default:
			// Only some formats were asked for: another one stays if
			// the manifest says it was made from this same content.
			if recorded == nil {
				r := readManifest(cfg.OutDir, h.Name)
				recorded = &r
			}
			if *recorded != "" && *recorded != hex.EncodeToString(h.Digest[:]) {
				reasons[dest(k)] = fmt.Sprintf("it was made from an older version of %s; build without --format to make it again", path)
			}
		}
	}
	return reasons
}

// outPath is where the PDF of format k of the handout name goes.
func outPath(dir, name string, k format.Kind) string {
	return filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", name, k))
}

// gone reports whether nothing is at path now.
func gone(path string) bool {
	_, err := os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// contentFor names what a format is made from, for messages.
func contentFor(k format.Kind) string {
	if k == format.FAQ {
		return "`faq:`"
	}
	return string(k)
}

// writerOptions fixes everything in the PDF that is not layout: the date and
// the document identity, both derived from the inputs alone.
func writerOptions(h *content.Handout, cfg Config, brandID []byte, k format.Kind) pdfwriter.Options {
	date := fixedDate
	switch {
	case cfg.Epoch != nil:
		date = *cfg.Epoch
	case !h.Reviewed.IsZero():
		date = h.Reviewed
	}
	id := sha256.New()
	fmt.Fprintf(id, "%s\x00%s\x00%s\x00%v\x00%s\x00%x\x00%x", h.Name, k, cfg.Options.Paper.Name, cfg.Options.LargePrint, cfg.Version, h.Digest, brandID)
	return pdfwriter.Options{Date: date, Creator: "handouts " + cfg.Version, Identity: id.Sum(nil)}
}

// ResolveBrand combines the brand's three sources (flags beat environment,
// which beats the brand file) and checks the result once for the whole
// build. Findings carry the flag, variable or file position at fault.
func ResolveBrand(flags, env brand.Settings, file string) (*brand.Brand, diag.List) {
	var findings diag.List
	var fromFile brand.Settings
	if file != "" {
		var errs diag.List
		fromFile, errs = brand.LoadFile(file)
		findings = append(findings, errs...)
	}
	merged := brand.Merge(flags, env, fromFile)
	b, errs := brand.Resolve(nil, merged)
	findings = append(findings, errs...)
	if !findings.HasErrors() {
		findings = append(findings, check.Brand(b, merged)...)
		if b.Logo != nil {
			if msg := format.LogoTooSmall(b.Logo); msg != "" {
				findings.Warnf(merged[brand.LogoPath].Pos, "%s", msg)
			}
		}
	}
	sortBrandFindings(findings)
	return b, findings
}

// sortBrandFindings puts a brand's findings in the order a person fixes
// them: the command line's flags first, then the variables, then each file
// from its top line down. (They are found field by field, which is neither.)
func sortBrandFindings(l diag.List) {
	rank := func(p diag.Pos) int {
		switch {
		case strings.HasPrefix(p.File, "-"):
			return 0
		case strings.HasPrefix(p.File, "$"):
			return 1
		}
		return 2
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// SummaryFits reports a summary that cannot fit its page at any allowed
// size, with roughly how many words must go. Only laying it out can tell,
// so `check` runs it here, where the formats are; a build learns the same
// from the layout it makes anyway.
func SummaryFits(h *content.Handout, b *brand.Brand, opt format.Options) diag.List {
	var out diag.List
	lab, _ := b.LabelsFor(h.Language)
	_, err := format.Compose(format.Summary, h, b, lab, opt)
	var tooLong *format.ErrTooLong
	if errors.As(err, &tooLong) {
		out.Errorf(h.SummaryPos, "%v", err)
	} else if err != nil {
		out.Errorf(diag.Pos{File: h.File}, "summary: %v", err)
	}
	return out
}

// TuneGC trades a little memory for speed, for a process that builds many
// PDFs: each allocates 0.6-1 MB, nearly all of it garbage once written, so
// with the default settings the collector runs every few PDFs. Collecting
// at 4× the live heap under a soft 80 MB ceiling makes a 300-PDF build
// about a sixth faster (0.34-0.40 s against 0.38-0.51 s, at 40 MB resident
// against 23) and keeps it under 100 MB; a one-file build never collects.
// GOGC or GOMEMLIMIT, when set (env looks them up), win. It changes
// process-wide settings, so only a program's main (or a benchmark) should
// call it.
func TuneGC(env func(string) (string, bool)) {
	if _, ok := env("GOGC"); !ok {
		debug.SetGCPercent(400)
	}
	if _, ok := env("GOMEMLIMIT"); !ok {
		debug.SetMemoryLimit(80 << 20)
	}
}
