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
}
