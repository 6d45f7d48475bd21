package fontset

import (
	"bytes"
	"flag"
	"os"
	"reflect"
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
		if !reflect.DeepEqual(f, parsed[i]) {
			t.Errorf("default face %d differs from the parsed font", i)
		}
	}
}
