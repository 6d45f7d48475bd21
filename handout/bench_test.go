package handout

// Benchmarks of the pipeline on the seed handout, and a size budget.
//
//	go test -run XXX -bench . -benchtime 30x ./handout/
//
// BenchmarkGuide, BenchmarkSummary and BenchmarkFAQ time one format in
// process, from a loaded handout to PDF bytes (format.Compose then
// pdfwriter.Write to io.Discard), with nothing shared between iterations: the
// fonts are subset every time, as for a single PDF. The Branded ones do the
// same with the example clinic's brand (band, logo, QR code, contact foot),
// which a brand resolved once per build shares between iterations as a build
// shares it between files. BenchmarkBuild100 and
// BenchmarkBuild100Distinct time what the command line does for a folder of
// 100 handouts: Build, all three formats, files on disk, one worker per CPU;
// the second is the worst case for the font subsets a build shares. All of
// them run with the collector settings the command line uses (TuneGC), so
// they measure what a user gets.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"handouts/handout/format"
	"handouts/handout/labels"
	"handouts/handout/pdfwriter"
)

func benchmarkFormat(b *testing.B, kind format.Kind, brandFile string) {
	benchmarkFile(b, kind, brandFile, seedFile)
}

func benchmarkFile(b *testing.B, kind format.Kind, brandFile, file string) {
	TuneGC(os.LookupEnv)
	br, errs := ResolveBrand(nil, nil, brandFile)
	if errs.HasErrors() {
		b.Fatalf("brand: %v", errs)
	}
	h, errs := Load(file, br, letter, time.Now())
	if errs.HasErrors() {
		b.Fatalf("seed: %v", errs.Errors())
	}
	lab, _ := labels.For(h.Language)
	opt := pdfwriter.Options{Date: fixedDate, Creator: "handouts bench", Identity: []byte("bench")}
	b.ReportAllocs()
	for b.Loop() {
		doc, err := format.Compose(kind, h, br, lab, letter)
		if err != nil {
			b.Fatal(err)
		}
		if err := pdfwriter.Write(io.Discard, &doc.Document, opt); err != nil {
			b.Fatal(err)
		}
	}
}

const exampleBrand = "../data/brand/brand.yaml"

func BenchmarkGuide(b *testing.B)          { benchmarkFormat(b, format.Guide, "") }
func BenchmarkSummary(b *testing.B)        { benchmarkFormat(b, format.Summary, "") }
func BenchmarkFAQ(b *testing.B)            { benchmarkFormat(b, format.FAQ, "") }
func BenchmarkGuideBranded(b *testing.B)   { benchmarkFormat(b, format.Guide, exampleBrand) }
func BenchmarkSummaryBranded(b *testing.B) { benchmarkFormat(b, format.Summary, exampleBrand) }
func BenchmarkFAQBranded(b *testing.B)     { benchmarkFormat(b, format.FAQ, exampleBrand) }

// BenchmarkGuideChinese is BenchmarkGuide for the zh-Hans handout of
// testdata/languages, with the CJK font already loaded (the first
// iteration loads it): shaping, breaking between characters, and cutting
// the CFF subsets of Noto Sans CJK (or the glyf fallback) every time.
func BenchmarkGuideChinese(b *testing.B) {
	benchmarkFile(b, format.Guide, "", "../testdata/languages/zh-Hans.yaml")
}

// BenchmarkBuild100 builds 100 copies of the seed: every handout draws the
// same characters, so the build subsets each face once per format.
func BenchmarkBuild100(b *testing.B) {
	src := mustRead(b, seedFile)
	benchmarkBuild100(b, func(int) []byte { return src })
}

// BenchmarkBuild100Distinct is the worst case for sharing subsets: each of
// the 100 handouts draws two accented letters no other one does, in its
// title, subtitle and first answer, so every PDF has fonts of its own.
func BenchmarkBuild100Distinct(b *testing.B) {
	src := mustRead(b, seedFile)
	var letters []rune
	for r := rune(0xC0); r <= 0xFF; r++ {
		if r != 0xD7 && r != 0xF7 { // × and ÷ are not letters
			letters = append(letters, r)
		}
	}
	benchmarkBuild100(b, func(i int) []byte {
		mark := string([]rune{letters[i%len(letters)], letters[i/len(letters)]})
		doc := strings.Replace(string(src), "title: Group therapy", "title: Group therapy "+mark, 1)
		doc = strings.Replace(doc, "subtitle: Healing together", "subtitle: Healing together "+mark, 1)
		doc = strings.Replace(doc, "For many conditions, yes", "For many conditions "+mark+", yes", 1)
		return []byte(doc)
	})
}

func benchmarkBuild100(b *testing.B, file func(i int) []byte) {
	TuneGC(os.LookupEnv)
	in := b.TempDir()
	for i := range 100 {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("handout-%03d.yaml", i)), file(i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	out := b.TempDir()
	cfg := Config{Inputs: []string{in}, OutDir: out, Options: letter, Brand: defaultBrand(b), Version: "bench"}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Build(context.Background(), cfg)
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Written) != 300 || len(rep.Failed) != 0 {
			b.Fatalf("wrote %d PDFs, %d failed; want 300 and none", len(rep.Written), len(rep.Failed))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/batch")
}

// TestGuideSize keeps the seed's guide under 80 KB: patients get these by
// email and portal, and a jump in size means fonts or images are embedded
// more than once.
func TestGuideSize(t *testing.T) {
	t.Parallel()
	const budget = 80 << 10
	rep, err := Build(context.Background(), Config{
		Inputs: []string{seedFile}, OutDir: t.TempDir(), Formats: []format.Kind{format.Guide},
		Options: letter, Brand: defaultBrand(t), Version: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Written) != 1 {
		t.Fatalf("written %+v, failed %+v", rep.Written, rep.Failed)
	}
	size := rep.Written[0].Bytes
	t.Logf("seed guide: %d bytes (%.1f KB), %d pages", size, float64(size)/1024, rep.Written[0].Pages)
	if size >= budget {
		t.Errorf("seed guide is %.1f KB, budget is %d KB", float64(size)/1024, budget>>10)
	}
}
