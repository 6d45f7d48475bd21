package handout

// Tests of the library entry points the command line uses: Collect, Load,
// Build and the pieces of Build that decide names, dates and atomic writes.
// The command-line behaviour end to end is tested in ../main_test.go.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/format"
	"handouts/handout/pdfwriter"
	"handouts/internal/tooltest"
)

// seedFile is the project's example handout; tests run in handout/.
const seedFile = "../data/group-therapy.yaml"

var letter = format.Options{Paper: format.Letter}

// defaultBrand is the neutral brand a build gets with no settings.
func defaultBrand(t testing.TB) *brand.Brand {
	t.Helper()
	b, errs := brand.Resolve(nil, brand.Settings{})
	if errs.HasErrors() {
		t.Fatalf("default brand: %v", errs)
	}
	return b
}

// writeFiles creates files (name → content) in a new temp folder.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfPageCount counts pages with qpdf, an independent reader.
func pdfPageCount(t testing.TB, data []byte) int {
	t.Helper()
	qpdf := tooltest.Require(t, "qpdf")
	path := filepath.Join(t.TempDir(), "count.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(qpdf, "--show-npages", path).Output()
	if err != nil {
		t.Fatalf("qpdf --show-npages: %v", err)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatalf("qpdf --show-npages: %q", out)
	}
	return n
}

func TestCollect(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"b.yaml":          "",
		"a.yml":           "",
		"C.YAML":          "",
		"notes.txt":       "",
		"brand/brand.yml": "", // subfolders are not searched
	})
	empty := writeFiles(t, map[string]string{"readme.md": ""})
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	tests := []struct {
		name    string
		inputs  []string
		want    []string
		wantErr string
	}{
		{"a folder gives its yaml files sorted, not subfolders or other files", []string{dir}, in("C.YAML", "a.yml", "b.yaml"), ""},
		{"a file is taken as given, whatever its extension", in("notes.txt"), in("notes.txt"), ""},
		{"an input named twice is built once", append(in("b.yaml"), dir), in("b.yaml", "C.YAML", "a.yml"), ""},
		{"a missing path is an error", []string{filepath.Join(dir, "nope")}, nil, "no such file or folder"},
		{"a folder without yaml is an error", []string{empty}, nil, "no .yaml handouts in this folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Collect(tt.inputs)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestLoadRefusesWhatIsNotAHandout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: over the limit without writing megabytes.
	if err := f.Truncate(maxContentSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()

	tests := []struct {
		name, path, want string
	}{
		{"a folder", dir, "is a folder"},
		{"a missing file", filepath.Join(dir, "none.yaml"), "cannot read"},
		{"a file over the size limit, before reading it", big, "a handout file should be far smaller"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, errs := Load(tt.path, defaultBrand(t), letter, time.Now())
			if h != nil || !errs.HasErrors() || !strings.Contains(errs.Errors()[0].Message, tt.want) {
				t.Errorf("Load = %v, %v; want no handout and an error containing %q", h, errs, tt.want)
			}
		})
	}
}

func TestBuildReportMatchesTheFiles(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	rep, err := Build(context.Background(), Config{
		Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t), Version: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Failed) != 0 {
		t.Fatalf("failed: %+v", rep.Failed)
	}
	if len(rep.Warnings) == 0 {
		t.Error("the seed has readability warnings, but none were reported")
	}
	var kinds []format.Kind
	for _, o := range rep.Written {
		kinds = append(kinds, o.Format)
		data := mustRead(t, o.Path)
		if o.Source != seedFile || filepath.Dir(o.Path) != out || filepath.Base(o.Path) != "group-therapy-"+string(o.Format)+".pdf" {
			t.Errorf("output %+v: wrong source or path", o)
		}
		if o.Bytes != len(data) {
			t.Errorf("%s: reported %d bytes, file has %d", o.Format, o.Bytes, len(data))
		}
		if n := pdfPageCount(t, data); n != o.Pages {
			t.Errorf("%s: reported %d pages, qpdf counts %d", o.Format, o.Pages, n)
		}
	}
	if !reflect.DeepEqual(kinds, format.Kinds) {
		t.Errorf("wrote %v, want %v in that order", kinds, format.Kinds)
	}
}

func TestBuildFormats(t *testing.T) {
	t.Parallel()
	const noFAQ = "testdata/no-faq.yaml"
	tests := []struct {
		name       string
		formats    []format.Kind
		wantKinds  []format.Kind
		wantFailed format.Kind
	}{
		{"by default a file without faq gets guide and summary only", nil, []format.Kind{format.Guide, format.Summary}, ""},
		{"asking for its FAQ sheet is an error", []format.Kind{format.FAQ}, nil, format.FAQ},
		{"one failing format does not hold back the others", []format.Kind{format.Guide, format.FAQ}, []format.Kind{format.Guide}, format.FAQ},
		{"only the formats asked for", []format.Kind{format.Summary}, []format.Kind{format.Summary}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			rep, err := Build(context.Background(), Config{
				Inputs: []string{noFAQ}, OutDir: out, Formats: tt.formats, Options: letter, Brand: defaultBrand(t), Version: "test",
			})
			if err != nil {
				t.Fatal(err)
			}
			var kinds []format.Kind
			for _, o := range rep.Written {
				kinds = append(kinds, o.Format)
			}
			if !reflect.DeepEqual(kinds, tt.wantKinds) {
				t.Errorf("wrote %v, want %v", kinds, tt.wantKinds)
			}
			pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
			if len(pdfs) != len(tt.wantKinds) {
				t.Errorf("%d PDFs in the output folder, want %d", len(pdfs), len(tt.wantKinds))
			}
			if tt.wantFailed == "" {
				if len(rep.Failed) != 0 {
					t.Errorf("failed: %+v", rep.Failed)
				}
				return
			}
			if len(rep.Failed) != 1 || rep.Failed[0].Format != tt.wantFailed ||
				!strings.Contains(rep.Failed[0].Findings.Errors()[0].Message, "no faq") {
				t.Errorf("failed = %+v, want one %s failure saying there is no faq", rep.Failed, tt.wantFailed)
			}
		})
	}
}

func TestBuildKeepsGoingPastABrokenFile(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	rep, err := Build(context.Background(), Config{
		Inputs: []string{"testdata/unknown-key.yaml", seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t), Version: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 3 || len(rep.Failed) != 1 || rep.Failed[0].Source != "testdata/unknown-key.yaml" {
		t.Fatalf("written %d, failed %+v; want the seed's 3 PDFs and the broken file failed", len(rep.Written), rep.Failed)
	}
	f := rep.Failed[0].Findings[0]
	if f.Pos.Line != 6 || f.Pos.Col != 5 || !strings.Contains(f.Message, "did you mean `heading`") {
		t.Errorf("finding %v, want 6:5 with a suggestion", f)
	}
}

func TestBuildRefusesTwoInputsWithTheSameName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		files map[string]string
	}{
		{"a.yaml and a.yml", map[string]string{"in/a.yaml": "", "in/a.yml": ""}},
		{"x/a.yaml and y/a.yaml", map[string]string{"x/a.yaml": "", "y/a.yaml": ""}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, tt.files)
			var inputs []string
			for name := range tt.files {
				inputs = append(inputs, filepath.Join(dir, name))
			}
			out := filepath.Join(dir, "out")
			rep, err := Build(context.Background(), Config{Inputs: inputs, OutDir: out, Options: letter, Brand: defaultBrand(t)})
			if err == nil || rep != nil || !strings.Contains(err.Error(), "two inputs would write the same PDFs") {
				t.Errorf("Build = %v, %v; want a same-name error", rep, err)
			}
		})
	}
}

func TestBuildOutputFolderProblems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// Tests run as root, so chmod cannot make a folder unwritable; a path
	// below a regular file cannot be created by anyone.
	rep, err := Build(context.Background(), Config{Inputs: []string{seedFile}, OutDir: filepath.Join(file, "out"), Options: letter, Brand: defaultBrand(t)})
	if err == nil || rep != nil || !strings.Contains(err.Error(), "output folder") {
		t.Errorf("Build = %v, %v; want an output folder error", rep, err)
	}
}

func TestBuildProgressCountsEveryFile(t *testing.T) {
	t.Parallel()
	src := string(mustRead(t, "testdata/no-faq.yaml"))
	dir := writeFiles(t, map[string]string{"a.yaml": src, "b.yaml": src, "c.yaml": src})
	var mu sync.Mutex
	var calls [][2]int
	_, err := Build(context.Background(), Config{
		Inputs: []string{dir}, OutDir: t.TempDir(), Formats: []format.Kind{format.Summary}, Options: letter,
		Brand: defaultBrand(t), Jobs: 2,
		Progress: func(done, total int) {
			mu.Lock()
			calls = append(calls, [2]int{done, total})
			mu.Unlock()
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int{{1, 3}, {2, 3}, {3, 3}}
	if !reflect.DeepEqual(calls, want) {
		t.Errorf("progress calls %v, want %v", calls, want)
	}
}

func TestBuildStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	rep, err := Build(ctx, Config{Inputs: []string{seedFile}, OutDir: out, Options: letter, Brand: defaultBrand(t)})
	if !errors.Is(err, context.Canceled) || rep == nil {
		t.Errorf("Build = %v, %v; want a report and context.Canceled", rep, err)
	}
	if got, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(got) > 0 || len(rep.Written) > 0 {
		t.Errorf("a build cancelled before it started wrote %v", got)
	}
}

func TestBuildHandsOutNoWorkAfterCancel(t *testing.T) {
	t.Parallel()
	src := string(mustRead(t, "testdata/no-faq.yaml"))
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files[n+".yaml"] = src
	}
	dir := writeFiles(t, files)
	// One worker builds on Build's own goroutine, more from a pool: with
	// either, the first file to finish cancels the build, as Ctrl-C
	// would, and no file may be started after that: only those already
	// in hand (one per worker) are read, checked and written (Progress
	// counts files done).
	for _, jobs := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d jobs", jobs), func(t *testing.T) {
			out := t.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var mu sync.Mutex
			done := 0
			rep, err := Build(ctx, Config{
				Inputs: []string{dir}, OutDir: out, Formats: []format.Kind{format.Summary}, Options: letter,
				Brand: defaultBrand(t), Jobs: jobs, Progress: func(int, int) { mu.Lock(); done++; mu.Unlock(); cancel() },
			})
			if done < 1 || done > jobs {
				t.Errorf("%d files were worked on; want the first and at most %d in hand beside it", done, jobs-1)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			got, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
			if len(got) != len(rep.Written) || len(got) < 1 || len(got) > jobs {
				t.Errorf("after cancelling during the first file: %v on disk, %d reported; want 1 to %d summaries", got, len(rep.Written), jobs)
			}
		})
	}
}

func TestBuildFileStopsAtTheNextFormat(t *testing.T) {
	t.Parallel()
	// Cancelled with the file loaded but no format made: nothing of this
	// file is written, and nothing is reported as failed.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	res := buildFile(ctx, seedFile, Config{OutDir: out, Options: letter, Brand: defaultBrand(t), Now: time.Now()}, nil, &pdfwriter.Subsets{}, &pdfwriter.Images{})
	if len(res.written) > 0 || len(res.failed) > 0 {
		t.Errorf("cancelled file: written %v, failed %v", res.written, res.failed)
	}
	if got, _ := filepath.Glob(filepath.Join(out, "*")); len(got) > 0 {
		t.Errorf("cancelled file wrote %v", got)
	}
}

func TestWriterOptionsDate(t *testing.T) {
	t.Parallel()
	epoch := time.Unix(1700000000, 0).UTC()
	reviewed := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		epoch    *time.Time
		reviewed time.Time
		want     time.Time
	}{
		{"SOURCE_DATE_EPOCH wins over the review date", &epoch, reviewed, epoch},
		{"the review date dates the PDF", nil, reviewed, reviewed},
		{"with neither, a fixed date keeps builds reproducible", nil, time.Time{}, fixedDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &content.Handout{Name: "x", Reviewed: tt.reviewed}
			got := writerOptions(h, Config{Epoch: tt.epoch, Version: "1.2.3"}, nil, format.Guide)
			if !got.Date.Equal(tt.want) {
				t.Errorf("date %v, want %v", got.Date, tt.want)
			}
			if got.Creator != "handouts 1.2.3" {
				t.Errorf("creator %q", got.Creator)
			}
		})
	}
}

func TestWriterOptionsIdentity(t *testing.T) {
	t.Parallel()
	h := &content.Handout{Name: "x"}
	base := Config{Options: letter, Version: "1"}
	id := func(h *content.Handout, cfg Config, brandID string, k format.Kind) string {
		return string(writerOptions(h, cfg, []byte(brandID), k).Identity)
	}
	ref := id(h, base, "b", format.Guide)
	if ref != id(h, base, "b", format.Guide) {
		t.Fatal("the same inputs give different document IDs")
	}
	a4 := base
	a4.Options.Paper = format.A4
	large := base
	large.Options.LargePrint = true
	newer := base
	newer.Version = "2"
	changed := &content.Handout{Name: "x", Digest: [32]byte{1}}
	renamed := &content.Handout{Name: "y"}
	for name, other := range map[string]string{
		"format":      id(h, base, "b", format.Summary),
		"paper":       id(h, a4, "b", format.Guide),
		"large print": id(h, large, "b", format.Guide),
		"version":     id(h, newer, "b", format.Guide),
		"content":     id(changed, base, "b", format.Guide),
		"name":        id(renamed, base, "b", format.Guide),
		"brand":       id(h, base, "c", format.Guide),
	} {
		if other == ref {
			t.Errorf("changing the %s leaves the document ID the same", name)
		}
	}
}

// A build grades the reading level beside the layout, not in Load: it
// must still report what Load finds, the same warnings in the same order,
// and the same errors, for good files and bad ones alike.
func TestBuildFindsWhatLoadFinds(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{"../data/*.yaml", "../testdata/*.yaml", "../testdata/bad/*.yaml", "../testdata/mistakes/*.yaml", "testdata/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found %d content files; the globs are wrong", len(files))
	}
	b := defaultBrand(t)
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	sawBoth := false
	for _, f := range files {
		_, want := Load(f, b, letter, now)
		rep, err := Build(context.Background(), Config{Inputs: []string{f}, OutDir: t.TempDir(), Options: letter, Brand: b, Version: "test", Now: now})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got, w := rep.Warnings, want.Warnings(); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: build warns\n%v\nLoad warns\n%v", f, got, w)
		}
		var gotErrs diag.List
		for _, fl := range rep.Failed {
			if fl.Format == "" {
				gotErrs = append(gotErrs, fl.Findings...)
			}
		}
		if w := want.Errors(); !reflect.DeepEqual(gotErrs, w) {
			t.Errorf("%s: build refuses with\n%v\nLoad finds\n%v", f, gotErrs, w)
		}
		if want.HasErrors() && len(want.Warnings()) > 0 {
			sawBoth = true
		}
	}
	if !sawBoth {
		t.Error("no file has both errors and warnings; the test does not cover a refused file's warnings")
	}
}
