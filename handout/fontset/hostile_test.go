package fontset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/fonttest"
)

// Fonts whose glyph data would crash or poison the subsetter are refused
// when loaded, with a message naming the file: a composite glyph that
// contains itself sends fpdf's subsetter into unbounded recursion (a fatal
// stack overflow no recover can catch), and a reference past the last glyph
// or an empty glyf table makes it panic.
func TestLoadFilesRefusesHostileGlyphs(t *testing.T) {
	f := fonttest.Regular()
	a, b, c := f.Glyph('A'), f.Glyph('B'), f.Glyph('C')
	deep := fonttest.Regular()
	chain := []rune("DEFGHIJKLMNOP")
	for i := 0; i+1 < len(chain); i++ {
		deep.SetComposite(f.Glyph(chain[i]), f.Glyph(chain[i+1]))
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"self", fonttest.Regular().SetComposite(a, a).Data, `glyph 15 ("A") is a composite made of itself`},
		{"cycle", fonttest.Regular().SetComposite(a, b).SetComposite(b, a).Data, `is a composite that contains itself through glyph`},
		{"cycle of three", fonttest.Regular().SetComposite(a, b).SetComposite(b, c).SetComposite(c, a).Data, "contains itself through"},
		{"out of range", fonttest.Regular().SetComposite(a, 65000).Data, `("A") is made of glyph 65000, but the font has only`},
		{"truncated", fonttest.Regular().TruncateComposite(a, b).Data, `("A") is a composite cut off in its component list`},
		{"empty glyf", fonttest.Regular().EmptyGlyf().Data, "lies outside the glyf table"},
		{"too deep", deep.Data, "nests composite glyphs more than 8 deep"},
		{"zero advances", fonttest.Regular().ZeroAdvances().Data, `the letter "A" has an advance width of zero`},
		// Issue 21: a chain of 40 levels, its deep end met first, passed
		// the depth check (glyphs already checked were skipped), and a
		// chain of pairs 30 deep took a minute to subset.
		{"deep chain met from its deep end", fonttest.Regular().Nest('-', 1, 40).Data, "nests composite glyphs more than 8 deep"},
		{"deep chain of 9", fonttest.Regular().Nest('-', 1, 9).Data, `glyph 132 ("-") nests composite glyphs more than 8 deep`},
		{"deep chain of pairs", fonttest.Regular().Nest('-', 2, 30).Data, "stands for more than 256 component glyphs"},
		// A hyphen of 5 copies of a glyph of 16 copies of …, 8 deep:
		// within the depth limit, but 1.3 billion components for a
		// subsetter that walks every path.
		{"composite bomb", fonttest.Regular().Nest('-', 16, 8).Data, "stands for more than 256 component glyphs"},
		{"cmap relabelled 3,10", fonttest.Regular().RelabelCmaps().Data, "it has no Unicode character map that can be embedded: a format 4 map for platform 3 encoding 1 (Windows BMP) or platform 0 (Unicode) is needed; it has 3,10 format 4, 3,10 format 4"},
		{"unitsPerEm 1", fonttest.Regular().SetUnitsPerEm(1).Data, "its head.unitsPerEm is 1; a font's em is 16 to 16384 units"},
		{"unitsPerEm 15", fonttest.Regular().SetUnitsPerEm(15).Data, "its head.unitsPerEm is 15;"},
		{"unitsPerEm 65535", fonttest.Regular().SetUnitsPerEm(65535).Data, "its head.unitsPerEm is 65535;"},
		{"advances 65535", fonttest.Regular().SetAdvances(65535).Data, "glyph 0 is 66 em wide (an advance of 65535 units); no real glyph is wider than 16 em"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := writeFamily(t, dir, "Foo")
			if err := os.WriteFile(paths[Regular], tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			fam, err := LoadFiles(paths)
			if err == nil {
				t.Fatalf("loaded %s", fam.Name)
			}
			prefix := "regular font " + filepath.Join(dir, "Foo-Regular.ttf") + ": is damaged: "
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, tc.want) {
				t.Errorf("err = %q\nwant %q… %q", msg, prefix, tc.want)
			}
		})
	}
	// A shallow nesting is what real fonts have, and is fine.
	ok := fonttest.Regular().SetComposite(a, b).SetComposite(b, c)
	if _, err := parseFace(ok.Data, "ok.ttf"); err != nil {
		t.Errorf("two-level composite refused: %v", err)
	}
	// So is a glyph standing for many components, up to the limit:
	// 4 copies of 4 copies of 4 copies is 84.
	if _, err := parseFace(fonttest.Regular().Nest('-', 4, 3).Data, "ok.ttf"); err != nil {
		t.Errorf("a glyph of 84 components refused: %v", err)
	}
}
