package fonts

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// notoSansBlocks is noto_generate.go's NotoSansBlocks (a file built only
// by go generate cannot be imported): the characters Noto Sans keeps.
const notoSansBlocks = "U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF," +
	"U+2000-206F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2212,U+2215,U+2219,U+221E,U+2248,U+2260,U+2264,U+2265," +
	"U+25A0-25FF,U+FB00-FB06,U+FEFF,U+FFFD"

func TestGenerateListsTheSameBlocks(t *testing.T) {
	src, err := os.ReadFile("noto_generate.go")
	if err != nil {
		t.Fatal(err)
	}
	// The constant is split over lines the same way in both files.
	for _, part := range strings.Split(notoSansBlocks, ",") {
		if !bytes.Contains(src, []byte(part)) {
			t.Errorf("noto_generate.go does not keep %s", part)
		}
	}
}

// kept reports whether Noto Sans keeps r.
func kept(t *testing.T, r rune) bool {
	for _, part := range strings.Split(notoSansBlocks, ",") {
		lo, hi, _ := strings.Cut(strings.TrimPrefix(part, "U+"), "-")
		a, err := strconv.ParseUint(lo, 16, 32)
		if err != nil {
			t.Fatal(err)
		}
		b := a
		if hi != "" {
			if b, err = strconv.ParseUint(hi, 16, 32); err != nil {
				t.Fatal(err)
			}
		}
		if uint64(r) >= a && uint64(r) <= b {
			return true
		}
	}
	return false
}

// The shipped faces are Debian's files cut by noto_generate.go: where
// fonts-noto-core is installed, every character each one keeps is in
// Debian's file and prints with the same advance, and every character of
// Debian's file it should keep is there (else noto_generate.go was not run
// after an update, or cut too much).
func TestNotoIsDebiansCut(t *testing.T) {
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
		ours, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		theirs, err := sfnt.Parse(sys)
		if err != nil {
			t.Fatalf("Debian's %s: %v", name, err)
		}
		cut := strings.HasPrefix(name, "NotoSans-")
		var b1, b2 sfnt.Buffer
		n := 0
		for r := rune(0x20); r <= 0x1FFFF; r++ {
			g2, _ := theirs.GlyphIndex(&b2, r)
			g1, _ := ours.GlyphIndex(&b1, r)
			if g2 == 0 {
				if g1 != 0 {
					t.Errorf("%s prints U+%04X, which Debian's does not", name, r)
				}
				continue
			}
			want := !cut || kept(t, r)
			if (g1 != 0) != want {
				t.Errorf("%s: U+%04X kept %v, want %v", name, r, g1 != 0, want)
				continue
			}
			if g1 == 0 {
				continue
			}
			n++
			a1, err1 := ours.GlyphAdvance(&b1, g1, fixed.I(1000), font.HintingNone)
			a2, err2 := theirs.GlyphAdvance(&b2, g2, fixed.I(1000), font.HintingNone)
			if err1 != nil || err2 != nil || a1 != a2 {
				t.Errorf("%s: U+%04X advance %v, Debian's %v (%v, %v)", name, r, a1, a2, err1, err2)
			}
		}
		if n < 100 {
			t.Errorf("%s keeps %d characters", name, n)
		}
	}
	if _, err := Noto("NotoSans-Nonesuch"); err == nil {
		t.Error("an unknown face was found")
	}
}
