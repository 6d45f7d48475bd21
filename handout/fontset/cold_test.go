package fontset

import (
	"os"
	"slices"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// BenchmarkChineseColdLoad is what a process that prints one Chinese
// guide does with its CJK font, from nothing: find and read the
// Simplified Chinese faces (regular and bold), answer the width of every
// character of the handout, and cut both faces' subsets. Nothing is kept
// from one iteration to the next (cjkFont.copy: no process-wide family),
// as nothing is kept from one process to the next.
func BenchmarkChineseColdLoad(b *testing.B) {
	text := chineseText(b)
	first, err := cjkHans.copy().load(cjkSearchGroups())
	if err != nil {
		b.Skip(err)
	}
	// The glyphs the text draws, as the shaper gives them.
	font, err := sfnt.Parse(first.Faces[Regular].Data)
	if err != nil {
		b.Fatal(err)
	}
	var buf sfnt.Buffer
	var gids []int
	for _, r := range text {
		if g, err := font.GlyphIndex(&buf, r); err == nil && g != 0 {
			gids = append(gids, int(g))
		}
	}
	slices.Sort(gids)
	gids = slices.Compact(gids)
	b.ReportAllocs()
	for b.Loop() {
		fam, err := cjkHans.copy().load(cjkSearchGroups())
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range []Style{Regular, Bold} {
			f := fam.Faces[s]
			f.Width(text, 10)
			if _, err := Subset(f.Data, gids); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// chineseText is the zh-Hans handout of testdata/languages.
func chineseText(b testing.TB) string {
	data, err := os.ReadFile("../../testdata/languages/zh-Hans.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// A CJK face's subsets, cut from the CFF table it read when it was
// loaded (Face.Subset), are those cut from its file.
func TestFaceSubsetAsFile(t *testing.T) {
	fam, err := cjkHans.copy().load(cjkSearchGroups())
	if err != nil {
		t.Skip(err)
	}
	for _, s := range []Style{Regular, Bold} {
		face := fam.Faces[s]
		if face.cff == nil {
			t.Skipf("the Simplified Chinese font %s is not CFF", face.Path)
		}
		var gids []int
		for _, r := range "洗手可以预防疾病。（肥皂和水）" + "ABC123" {
			if g, ok := face.GlyphID(r); ok {
				gids = append(gids, int(g))
			}
		}
		slices.Sort(gids)
		gids = slices.Compact(gids)
		a, err := face.Subset(gids)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Subset(face.Data, gids)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(a.Program, b.Program) || !slices.Equal(a.Advances, b.Advances) {
			t.Errorf("%s: the subset cut from the CFF as read differs from the file's", face.Name)
		}
	}
}
