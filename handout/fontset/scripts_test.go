package fontset

import (
	"os"
	"testing"
)

// Every shipped face loads, including the script fonts that have no Latin
// letters at all (Noto Naskh Arabic was refused by a loader that wanted a
// Latin character map), and prints its script.
func TestShippedScriptFamiliesLoad(t *testing.T) {
	for _, s := range []*script{notoSans, naskh, devanagari, bengali, gurmukhi, ethiopic} {
		fam, err := s.family()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		letters := s.letters
		if s == notoSans {
			letters = russian + greek + vietnamese
		}
		if !covers(fam, letters) {
			t.Errorf("%s does not print its letters", s.name)
		}
		for i, f := range fam.Faces {
			if f.Upem == 0 || f.NumGlyphs == 0 || f.Name == "" || f.Path != "" {
				t.Errorf("%s face %d: upem %d, %d glyphs, name %q, path %q", s.name, i, f.Upem, f.NumGlyphs, f.Name, f.Path)
			}
		}
	}
	fam, _ := naskh.family()
	if fam.Faces[Regular].Has('a') || fam.Faces[Italic] != fam.Faces[Regular] || fam.Faces[BoldItalic] != fam.Faces[Bold] {
		t.Error("Naskh: expected no Latin, and its upright faces standing in for italics")
	}
}

func TestForLanguage(t *testing.T) {
	base := Default()
	for _, lang := range []string{"ru", "ru-RU", "uk", "bg", "el", "vi", "VI"} {
		fam := ForLanguage(base, lang)
		if fam.Name != "NotoSans" || fam.Fallback != base {
			t.Errorf("%s: family %s with fallback %v, want NotoSans then the base", lang, fam.Name, fam.Fallback)
		}
		if ForLanguage(base, lang) != fam {
			t.Errorf("%s: a second call gives another family", lang)
		}
		if len(fam.Missing("Проверка 123 Ελλάδα Tiếng Việt www.cdc.gov", Bold)) != 0 {
			t.Errorf("%s: cannot print Cyrillic, Greek, Vietnamese and Latin", lang)
		}
	}
	// Atkinson prints these, or (shaped scripts) they are not drawn by
	// character: the base stays.
	for lang, want := range map[string]string{"ar": "NotoNaskhArabic", "fa": "NotoNaskhArabic", "ur": "NotoNaskhArabic", "hi": "NotoSansDevanagari", "bn": "NotoSansBengali", "pa": "NotoSansGurmukhi"} {
		fam := ForLanguage(base, lang)
		if fam.Name != want || !fam.Shaped() || !fam.Faces[Regular].NeedsShaping() || fam.Fallback != base {
			t.Errorf("%s: family %s (shaped %v), want %s, shaped, with the base behind", lang, fam.Name, fam.Shaped(), want)
		}
	}
	for _, lang := range []string{"en", "es", "fr", "pl", "ht", "tl", "", "xx"} {
		if fam := ForLanguage(base, lang); fam != base {
			t.Errorf("%s: family %s, want the base", lang, fam.Name)
		}
	}
	// A clinic's font that prints Cyrillic wins.
	paths := [4]string{}
	for i, f := range []string{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"} {
		paths[i] = "/usr/share/fonts/truetype/dejavu/" + f
		if _, err := os.Stat(paths[i]); err != nil {
			t.Skip("DejaVu fonts are not installed")
		}
	}
	dejavu, err := LoadFiles(paths)
	if err != nil {
		t.Fatal(err)
	}
	if fam := ForLanguage(dejavu, "ru"); fam != dejavu {
		t.Errorf("ru with DejaVu: family %s, want the clinic's", fam.Name)
	}
	// Amharic is not shaped: Ethiopic syllables are characters of their own.
	if fam := ForLanguage(base, "am"); fam.Name != "NotoSansEthiopic" || fam.Shaped() {
		t.Errorf("am: family %s", fam.Name)
	}
}

// A family with a fallback measures each character in the face that
// prints it.
func TestFallbackWidth(t *testing.T) {
	fam := ForLanguage(Default(), "ru")
	noto, atk := fam.Faces[Regular], Default().Faces[Regular]
	if got, want := fam.Width("Да", Regular, 10), noto.Width("Да", 10); got != want {
		t.Errorf("width %v, want %v", got, want)
	}
	// Noto Sans lacks no character Atkinson has among these; a character
	// only the base has falls back to it.
	var only rune
	for r := rune(0x20); r < 0x3000; r++ {
		if atk.Has(r) && !noto.Has(r) {
			only = r
			break
		}
	}
	if only != 0 {
		if fam.FaceFor(Regular, only) != atk {
			t.Errorf("U+%04X: not drawn by the fallback", only)
		}
		if got, want := fam.Width(string(only), Regular, 10), atk.Width(string(only), 10); got != want {
			t.Errorf("fallback width %v, want %v", got, want)
		}
	}
	if fam.FaceFor(Regular, 'Ж') != noto {
		t.Error("Ж is not drawn by Noto Sans")
	}
}
