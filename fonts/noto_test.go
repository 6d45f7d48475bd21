package fonts

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The shipped faces are Debian's files, unchanged: where fonts-noto-core
// is installed, each decompresses to its file byte for byte (else
// noto_generate.go was not run after an update).
func TestNotoIsDebians(t *testing.T) {
	entries, err := noto.ReadDir("noto")
	if err != nil || len(entries) != 14 {
		t.Fatalf("%d shipped faces (%v), want 14", len(entries), err)
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".ttf.gz")
		data, err := Noto(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte{0, 1, 0, 0}) {
			t.Errorf("%s is not a TrueType file", name)
		}
		again, _ := Noto(name)
		if &again[0] != &data[0] {
			t.Errorf("%s was decompressed twice", name)
		}
		sys, err := os.ReadFile("/usr/share/fonts/truetype/noto/" + name + ".ttf")
		if err != nil {
			continue
		}
		if !bytes.Equal(sys, data) {
			t.Errorf("%s differs from Debian's file", name)
		}
	}
	if _, err := Noto("NotoSans-Nonesuch"); err == nil {
		t.Error("an unknown face was found")
	}
}
