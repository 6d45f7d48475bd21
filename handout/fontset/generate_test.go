package fontset

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "regenerate default_gen.go from the fonts")

// The generated default faces are what parsing the embedded fonts gives:
// the file is regenerated here and compared, and every face built from it
// equals the parsed face, field for field and width for width.
func TestDefaultFacesGenerated(t *testing.T) {
	var parsed [4]*Face
	for i, data := range embedded {
		f, err := parseFace(data, "")
		if err != nil {
			t.Fatalf("embedded font %d: %v", i, err)
		}
		parsed[i] = f
	}
	src, err := generateDefaults(parsed)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("default_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile("default_gen.go")
	if err != nil || !bytes.Equal(old, src) {
		t.Fatalf("default_gen.go does not match the fonts (%v); run go generate ./handout/fontset", err)
	}
	for i, f := range Default().Faces {
		p := *parsed[i]
		p.widths, p.lazy = p.table(), nil
		suffix, _ := Style(i).Suffix()
		p.Name = "AtkinsonHyperlegible-" + suffix
		if !reflect.DeepEqual(*f, p) {
			t.Errorf("default face %d differs from the parsed font", i)
		}
	}
}

// A clinic's faces are checked when loaded, but their width tables are
// filled only when a face is first used: a handout without italics never
// pays for its italic faces. Concurrent first uses fill a table once.
func TestBrandFacesFilledLazily(t *testing.T) {
	fam, err := LoadFiles(writeFamily(t, t.TempDir(), "Foo"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fam.Faces {
		if f.widths != nil {
			t.Fatal("a width table was filled at load")
		}
	}
	var wg sync.WaitGroup
	widths := make([]float64, 8)
	for i := range widths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			widths[i] = fam.Width("Group therapy", Regular, 12)
		}()
	}
	wg.Wait()
	want := Default().Width("Group therapy", Regular, 12)
	for _, w := range widths {
		if w != want {
			t.Errorf("width %v, want %v (the same font's)", w, want)
		}
	}
	if fam.Faces[Regular].widths == nil || fam.Faces[Italic].widths != nil || fam.Faces[BoldItalic].widths != nil {
		t.Error("want the regular table filled and the italic ones not")
	}
}

// A clinic's family carries the digest of its files: the same files give
// the same digest, a changed file another.
func TestFamilyDigest(t *testing.T) {
	dir := t.TempDir()
	paths := writeFamily(t, dir, "Foo")
	a, err := LoadFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest != Default().Digest {
		t.Error("the embedded files copied to a folder give another digest")
	}
	paths[Italic] = paths[BoldItalic]
	b, err := LoadFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	if a.Digest == b.Digest {
		t.Error("a family with another italic file has the same digest")
	}
}
