package fontset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"handouts/fonts"
)

var embedded = [4][]byte{fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic}

func TestDefaultGlyphs(t *testing.T) {
	fam := Default()
	if fam.Name != fonts.FamilyName {
		t.Errorf("name %q", fam.Name)
	}
	if Default() != fam {
		t.Error("Default is not shared")
	}
	for _, st := range Styles {
		face := fam.Face(st)
		for _, r := range "Aa0 —•“”’éñ¿¡" {
			if !face.Has(r) {
				t.Errorf("style %d has no glyph for %q", st, r)
			}
		}
		for _, r := range []rune{0x1F600, '中', 0x10000, -1, 0x110000} {
			if face.Has(r) {
				t.Errorf("style %d claims a glyph for U+%04X", st, r)
			}
		}
		if got := fam.Missing("a😀b中c😀\n\t中", st); string(got) != "😀中" {
			t.Errorf("style %d Missing = %q, want each unprintable rune once, in order", st, string(got))
		}
		if got := fam.Missing("Plain text — “quoted” ¿sí?", st); got != nil {
			t.Errorf("style %d Missing = %q for printable text", st, string(got))
		}
		// Atkinson has U+00A0 but neither U+202F (macOS's "10:00 AM") nor
		// U+2007: each prints as a space, so none of them is missing.
		if got := fam.Missing("10:00\u202fAM, 1\u2007000\u00a0mg", st); got != nil {
			t.Errorf("style %d Missing = %q for no-break spaces", st, string(got))
		}
		if face.Ascent <= 0 || face.Descent >= 0 {
			t.Errorf("style %d metrics: ascent %v descent %v", st, face.Ascent, face.Descent)
		}
	}
}

// TestWidthKnownValue: "Group therapy" in the regular face is 6254/1000 em.
// Worked out once with golang.org/x/image/font/sfnt from the embedded
// AtkinsonHyperlegible-Regular.ttf, which has 1000 units per em, so each
// advance in thousandths of an em is the hmtx advance itself:
//
//	G 710 + r 340 + o 552 + u 536 + p 566 + space 280 +
//	t 324 + h 546 + e 539 + r 340 + a 526 + p 566 + y 429 = 6254
func TestWidthKnownValue(t *testing.T) {
	fam := Default()
	if got := fam.Width("Group therapy", Regular, 1000); got != 6254 {
		t.Errorf("Width = %v, want 6254", got)
	}
	if got := fam.Width("Group therapy", Regular, 12); got != 6254*12.0/1000 {
		t.Errorf("Width at 12 = %v, want %v", got, 6254*12.0/1000)
	}
	if got := fam.Face(Regular).Width("G", 1000); got != 710 {
		t.Errorf("Width(G) = %v, want 710", got)
	}
	if got := fam.Width("", Bold, 12); got != 0 {
		t.Errorf("empty width %v", got)
	}
}

// TestWidthMatchesFpdf: text measured here is text drawn there. fpdf sums
// whole thousandths of an em per character, with .notdef's advance for a
// missing character and nothing for a zero-width mark; so must we.
func TestWidthMatchesFpdf(t *testing.T) {
	pdf := fpdf.New("P", "pt", "Letter", "")
	texts := []string{
		"Group therapy", "Healing together — led by a trained clinician.",
		"“Quotes” ‘single’ it’s • bullets ¿Qué? ¡Sí! año résumé naïve",
		"0123456789 %&@#*()[]{}<>/\\|~^_=+-", "e\u0301 combining", "中文 missing", "😀 emoji",
		"Ünïcödé ÀÉÎÕÜ ßøæœ", "\u00a0non-breaking\u00a0space", "tab\tand\nnewline",
	}
	for i, st := range Styles {
		_, style := st.Suffix()
		pdf.AddUTF8FontFromBytes("F", style, embedded[i])
		if err := pdf.Error(); err != nil {
			t.Fatal(err)
		}
		pdf.SetFont("F", style, 10)
		for _, s := range texts {
			want := float64(pdf.GetStringSymbolWidth(s))
			if got := Default().Width(s, st, 1000); got != want {
				t.Errorf("style %q: Width(%q) = %v, fpdf says %v", style, s, got, want)
			}
		}
	}
}

func TestStyle(t *testing.T) {
	for _, tc := range []struct {
		s            Style
		bold, italic bool
		want         Style
	}{
		{Regular, false, false, Regular},
		{Regular, true, false, Bold},
		{Regular, false, true, Italic},
		{Regular, true, true, BoldItalic},
		{Bold, false, true, BoldItalic},
		{Italic, true, false, BoldItalic},
		{BoldItalic, false, false, BoldItalic},
		{Bold, false, false, Bold},
	} {
		if got := tc.s.With(tc.bold, tc.italic); got != tc.want {
			t.Errorf("%d.With(%v, %v) = %d, want %d", tc.s, tc.bold, tc.italic, got, tc.want)
		}
	}
	for st, want := range map[Style][2]string{Regular: {"Regular", ""}, Bold: {"Bold", "B"}, Italic: {"Italic", "I"}, BoldItalic: {"BoldItalic", "BI"}} {
		if file, pdf := st.Suffix(); file != want[0] || pdf != want[1] {
			t.Errorf("%d.Suffix() = %q, %q", st, file, pdf)
		}
	}
}

// writeFamily writes the embedded fonts into dir as <name>-<Style>.ttf.
func writeFamily(t *testing.T, dir, name string) [4]string {
	t.Helper()
	var paths [4]string
	for i, st := range Styles {
		suffix, _ := st.Suffix()
		paths[i] = filepath.Join(dir, name+"-"+suffix+".ttf")
		if err := os.WriteFile(paths[i], embedded[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return paths
}

func TestFindInDir(t *testing.T) {
	dir := t.TempDir()
	want := writeFamily(t, dir, "Foo")
	// Neither a folder nor another extension is taken for a font.
	os.Mkdir(filepath.Join(dir, "Bar-Regular.ttf"), 0o755)
	os.WriteFile(filepath.Join(dir, "Foo-Regular.otf"), []byte("OTTO"), 0o644)
	os.WriteFile(filepath.Join(dir, "README.txt"), []byte("fonts"), 0o644)
	got, err := FindInDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("FindInDir = %q, want %q", got, want)
	}
	fam, err := LoadFiles(got)
	if err != nil {
		t.Fatal(err)
	}
	if fam.Name != "Foo" {
		t.Errorf("family name %q, want Foo", fam.Name)
	}
	for i, st := range Styles {
		if fam.Face(st).Path != want[i] || !fam.Face(st).Has('a') {
			t.Errorf("style %d: path %q", st, fam.Face(st).Path)
		}
	}
	if w := fam.Width("Group therapy", Regular, 1000); w != 6254 {
		t.Errorf("width %v from the copied regular face", w)
	}
}

func TestFindInDirUpperCaseExtension(t *testing.T) {
	dir := t.TempDir()
	for i, st := range Styles {
		suffix, _ := st.Suffix()
		os.WriteFile(filepath.Join(dir, "Brand Sans-"+suffix+".TTF"), embedded[i], 0o644)
	}
	paths, err := FindInDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fam, err := LoadFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	// The PDF name keeps only ASCII letters and digits.
	if fam.Name != "BrandSans" {
		t.Errorf("family name %q", fam.Name)
	}
}

func TestFindInDirMissing(t *testing.T) {
	dir := t.TempDir()
	paths := writeFamily(t, dir, "Foo")
	os.Remove(paths[BoldItalic])
	os.Remove(paths[Italic])
	_, err := FindInDir(dir)
	if err == nil || !strings.Contains(err.Error(), "has no *-Italic.ttf, *-BoldItalic.ttf") {
		t.Errorf("err = %v", err)
	}
	_, err = FindInDir(filepath.Join(dir, "nope"))
	if err == nil || !strings.Contains(err.Error(), "font folder: ") || !strings.Contains(err.Error(), "nope: no such file or directory") {
		t.Errorf("missing folder: err = %v", err)
	}
}

func TestLoadFilesRefusesNonTrueType(t *testing.T) {
	dir := t.TempDir()
	good := writeFamily(t, dir, "Foo")
	bad := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pad := func(s string) []byte { return append([]byte(s), make([]byte, 64)...) }
	truncated := fonts.Regular[:200]
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"Cff-Regular.otf", pad("OTTO"), "is an OpenType CFF font; only TrueType (glyf) fonts can be embedded: convert it to .ttf"},
		{"Coll-Regular.ttc", pad("ttcf"), "is a font collection (.ttc); give one TrueType file per style"},
		{"Garbage-Regular.ttf", []byte("this is not a font, just some text in a file"), "not a TrueType font"},
		{"Short-Regular.ttf", []byte("abc"), "not a TrueType font (file too short)"},
		{"Empty-Regular.ttf", nil, "not a TrueType font (file too short)"},
		{"Truncated-Regular.ttf", truncated, "not a readable TrueType font"},
		{"Zeros-Regular.ttf", pad("\x00\x01\x00\x00"), "not a"},
		{"Woff-Regular.woff", pad("wOFF"), "not a TrueType font"},
	} {
		paths := good
		paths[Regular] = bad(tc.name, tc.data)
		fam, err := LoadFiles(paths)
		if err == nil {
			t.Errorf("%s: loaded %v", tc.name, fam.Name)
			continue
		}
		// The message names the style and the file.
		if msg := err.Error(); !strings.HasPrefix(msg, "regular font "+paths[Regular]+": ") || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: err = %q, want it to name the file and say %q", tc.name, msg, tc.want)
		}
	}
}

func TestLoadFilesReportsEveryFile(t *testing.T) {
	dir := t.TempDir()
	paths := writeFamily(t, dir, "Foo")
	os.WriteFile(paths[Bold], []byte("garbage garbage garbage"), 0o644)
	paths[Italic] = filepath.Join(dir, "Missing-Italic.ttf")
	_, err := LoadFiles(paths)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "bold font "+paths[Bold]+": not a TrueType font") ||
		lines[1] != "italic font: "+paths[Italic]+": no such file or directory" {
		t.Errorf("err =\n%v", err)
	}
}

func TestCache(t *testing.T) {
	dir := t.TempDir()
	paths := writeFamily(t, dir, "Foo")
	var c Cache
	a, err := c.Load(paths)
	if err != nil {
		t.Fatal(err)
	}
	// The files are read once: removing them does not matter any more.
	for _, p := range paths {
		os.Remove(p)
	}
	b, err := c.Load(paths)
	if err != nil || a != b {
		t.Errorf("second load: %p %p %v", a, b, err)
	}
	other := paths
	other[Bold] = filepath.Join(dir, "Other-Bold.ttf")
	if _, err := c.Load(other); err == nil {
		t.Error("a different set of files was not loaded afresh")
	}
}

// The descriptor facts a PDF needs come from the font's own tables.
func TestDescriptor(t *testing.T) {
	fam := Default()
	reg, it := fam.Face(Regular), fam.Face(Italic)
	if reg.ItalicAngle != 0 || it.ItalicAngle >= 0 {
		t.Errorf("italic angles: regular %v, italic %v; want 0 and negative", reg.ItalicAngle, it.ItalicAngle)
	}
	for _, f := range []*Face{reg, it} {
		b := f.BBox
		if b[0] >= b[2] || b[1] >= 0 || b[3] <= int(f.Ascent)/2 {
			t.Errorf("bounding box %v is not a box around the glyphs (ascent %v)", b, f.Ascent)
		}
		if f.CapHeight < 500 || f.CapHeight > 900 {
			t.Errorf("cap height %d, want that of a Latin font in 1/1000 em", f.CapHeight)
		}
		if f.FixedPitch {
			t.Error("Atkinson Hyperlegible read as fixed pitch")
		}
	}
	if bold := fam.Face(Bold); bold.StemV <= reg.StemV {
		t.Errorf("bold stem %d not heavier than regular %d", bold.StemV, reg.StemV)
	}
	if reg.Advance('A') == 0 || reg.Advance(0x1F600) != reg.Advance(0) {
		t.Errorf("advances: A %d, missing %d, .notdef %d", reg.Advance('A'), reg.Advance(0x1F600), reg.Advance(0))
	}
}

func TestTableOnDamagedDirectory(t *testing.T) {
	data := append([]byte(nil), Default().Face(Regular).Data[:12+16]...)
	data[5] = 200 // claims 200 tables in a directory of one
	if got := table(data, "zzzz"); got != nil {
		t.Errorf("table on a truncated directory = %v", got)
	}
}

// The x-height comes from the OS/2 table: Atkinson Hyperlegible's is 496
// units of 1000, the figure the type sizes are set for.
func TestXHeight(t *testing.T) {
	got := Default().Face(Regular).XHeight
	if got < 490 || got > 500 {
		t.Errorf("Atkinson Hyperlegible regular x-height %.1f/1000 em, want about 496", got)
	}
}
