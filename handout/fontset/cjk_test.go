package fontset

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"handouts/internal/tooltest"
)

func TestCJKFor(t *testing.T) {
	for lang, want := range map[string]*cjkFont{
		"zh": cjkHans, "zh-Hans": cjkHans, "zh-CN": cjkHans, "zh_SG": cjkHans, "cmn": cjkHans,
		"zh-Hant": cjkHant, "zh-TW": cjkHant, "zh-Hant-TW": cjkHant,
		"zh-HK": cjkHantHK, "zh-Hant-HK": cjkHantHK, "yue": cjkHantHK, "zh-MO": cjkHantHK,
		"ja": cjkJa, "ja-JP": cjkJa, "ko": cjkKo, "ko-KR": cjkKo,
		"en": nil, "ru": nil, "vi": nil,
	} {
		if got := cjkFor(lang); got != want {
			t.Errorf("cjkFor(%q) = %v, want %v", lang, got, want)
		}
	}
}

// With no font on the search path, the error names the language, the
// Debian package and the file, and where it looked.
func TestCJKMissingFont(t *testing.T) {
	dir := t.TempDir()
	_, err := cjkHans.copy().load([][]string{{dir}})
	var missing *MissingFontError
	if !errors.As(err, &missing) {
		t.Fatalf("err = %v, want a MissingFontError", err)
	}
	for _, want := range []string{"Simplified Chinese", "apt-get install fonts-noto-cjk", "fonts-wqy-microhei also works", "NotoSansCJK-Regular.ttc", dir, CJKSearchEnv} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q: %v", want, err)
		}
	}
}

// copy is c without its loaded family, for loading from other folders.
func (c *cjkFont) copy() *cjkFont {
	return &cjkFont{lang: c.lang, choices: c.choices, letters: c.letters}
}

// A collection's face is read on its own, from a font folder found by
// the file's name alone: the Traditional Chinese face of AR PL UMing.
func TestCJKCollectionFace(t *testing.T) {
	src := "/usr/share/fonts/truetype/arphic/uming.ttc"
	if _, err := os.Stat(src); err != nil {
		tooltest.Missing(t, "%s: install Debian's fonts-arphic-uming", src)
		return
	}
	dir := t.TempDir()
	if err := os.Symlink(src, filepath.Join(dir, "uming.ttc")); err != nil {
		t.Fatal(err)
	}
	fam, err := cjkHant.copy().load([][]string{{dir}})
	if err != nil {
		t.Fatal(err)
	}
	f := fam.Faces[Regular]
	for _, r := range "睡眠醫生「」，。" {
		if !f.Has(r) {
			t.Errorf("face lacks %q", r)
		}
	}
	st, _ := os.Stat(src)
	if int64(len(f.Data)) >= st.Size() {
		t.Errorf("the face is %d bytes, the whole collection %d: more than one face was read", len(f.Data), st.Size())
	}
	if !fam.Shaped() || f.Name != "ARPLUMingTW" {
		t.Errorf("family shaped=%v, face %q", fam.Shaped(), f.Name)
	}
	// The face alone, as a font file, is what the subsetter cuts.
	gids, err := f.SubsetGlyphs("睡眠")
	if err != nil || len(gids) != 3 {
		t.Errorf("SubsetGlyphs = %v, %v", gids, err)
	}
	if _, err := readFace(src, 4); err == nil || !strings.Contains(err.Error(), "4 faces") {
		t.Errorf("face 4 of 4: %v", err)
	}
}

// ForLanguage sets a CJK handout in the base family with the CJK font
// behind it: Latin from base, Han from the CJK font.
func TestForLanguageCJK(t *testing.T) {
	base := Default()
	if err := LanguageFontError(base, "zh-Hans"); err != nil {
		tooltest.Missing(t, "%v", err)
		return
	}
	fam := ForLanguage(base, "zh-Hans")
	if fam == base || fam.Fallback == nil || !fam.Shaped() {
		t.Fatalf("zh-Hans family %q, fallback %v", fam.Name, fam.Fallback)
	}
	if fam.FaceFor(Regular, 'a') != base.Faces[Regular] || fam.FaceFor(Regular, '洗') != fam.Fallback.Faces[Regular] {
		t.Errorf("Latin or Han in the wrong face")
	}
	if ForLanguage(base, "zh-Hans") != fam {
		t.Error("not the same family twice")
	}
	if fam.Digest == base.Digest {
		t.Error("the family's digest does not identify its CJK font")
	}
}

func TestCJKForAllocatesNothing(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { cjkFor("en-US"); cjkFor("zh-Hant-HK"); cjkFor("ko") }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// Noto Sans CJK is the first choice wherever it is in a group of the
// search path, with its bold face; a folder of the user's own comes
// before the system's, whatever font it holds.
func TestCJKSearchPrefersNotoSansCJK(t *testing.T) {
	noto := "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	wqy := "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	for _, p := range []string{noto, wqy} {
		if _, err := os.Stat(p); err != nil {
			tooltest.Missing(t, "%s: install Debian's fonts-noto-cjk and fonts-wqy-microhei", p)
			return
		}
	}
	link := func(dir string, files ...string) string {
		for _, f := range files {
			if err := os.Symlink(f, filepath.Join(dir, filepath.Base(f))); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	notoDir := link(t.TempDir(), noto, strings.Replace(noto, "Regular", "Bold", 1))
	wqyDir := link(t.TempDir(), wqy)
	fam, err := cjkHans.copy().load([][]string{{wqyDir, notoDir}})
	if err != nil {
		t.Fatal(err)
	}
	if fam.Faces[Regular].Name != "NotoSansCJKsc-Regular" || fam.Faces[Bold].Name != "NotoSansCJKsc-Bold" {
		t.Errorf("faces %q, %q; want Noto Sans CJK SC regular and bold", fam.Faces[Regular].Name, fam.Faces[Bold].Name)
	}
	fam, err = cjkHans.copy().load([][]string{{wqyDir}, {notoDir}})
	if err != nil {
		t.Fatal(err)
	}
	if fam.Faces[Regular].Name != "WenQuanYiMicroHei" {
		t.Errorf("face %q; want the user's folder's WenQuanYi Micro Hei", fam.Faces[Regular].Name)
	}
	// The regular face alone: headings in the regular weight.
	fam, err = cjkHans.copy().load([][]string{{link(t.TempDir(), noto)}})
	if err != nil {
		t.Fatal(err)
	}
	if fam.Faces[Bold] != fam.Faces[Regular] || fam.Faces[Regular].Name != "NotoSansCJKsc-Regular" {
		t.Errorf("regular alone: faces %q, %q", fam.Faces[Regular].Name, fam.Faces[Bold].Name)
	}
	t.Setenv(CJKSearchEnv, wqyDir)
	t.Setenv(IgnoreSystemFontsEnv, "1")
	if g := cjkSearchGroups(); len(g) != 1 || len(g[0]) != 1 || g[0][0] != wqyDir {
		t.Errorf("search groups with the system's ignored: %v", g)
	}
}

// A CJK face with CFF outlines read from its tables alone (parseCFFFace)
// is the face the general path reads with sfnt, field for field.
func TestCFFFaceAsSfnt(t *testing.T) {
	fam, err := cjkHans.copy().load(cjkSearchGroups())
	if err != nil || !bytes.HasPrefix(fam.Faces[Regular].Data, []byte("OTTO")) {
		tooltest.Missing(t, "Noto Sans CJK is not installed: install Debian's fonts-noto-cjk")
		return
	}
	for _, s := range []Style{Regular, Bold} {
		data := fam.Faces[s].Data
		fast := parseCFFFace(data, "x.ttc")
		if fast == nil {
			t.Fatalf("%s: parseCFFFace refuses Noto Sans CJK", s)
		}
		slow, err := parseFaceSfnt(data, "x.ttc", false, true)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(fast.table(), slow.table()) {
			t.Errorf("%s: the widths differ", s)
		}
		if &fast.Data[0] != &slow.Data[0] {
			t.Errorf("%s: the face's data was copied", s)
		}
		// The rest, field for field (the file and table aside, and
		// the CFF as read, which only the fast path keeps).
		if fast.cff == nil {
			t.Errorf("%s: the face does not keep its CFF as read", s)
		}
		fast.Data, fast.widths, fast.lazy, fast.cff = nil, nil, nil, nil
		slow.Data, slow.widths, slow.lazy, slow.cff = nil, nil, nil, nil
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: read from the tables\n%+v\nread by sfnt\n%+v", s, *fast, *slow)
		}
	}
}
