package fontset

import (
	"fmt"
	"strings"
	"sync"

	"handouts/fonts"
)

// Scripts beyond Atkinson Hyperlegible. A handout is set in the family its
// language needs: the clinic's (or the default) family when that prints
// the language's letters, else the shipped Noto family for the language's
// script, with the clinic's family behind it for what the script font
// lacks (Latin words, digits, addresses).

// script is a shipped family for one script.
type script struct {
	name string
	// faces are the files for regular, bold, italic and bold italic; a
	// family without italics uses its upright faces for them.
	faces [4]string
	// letters are what a family must print to set the script's
	// languages: their basic letters, capitals included.
	letters string
	// shaped scripts need their text shaped (joined, reordered) before
	// it can be drawn; see ForLanguage.
	shaped bool

	once sync.Once
	fam  *Family
	err  error
}

var (
	notoSans = &script{name: "NotoSans",
		faces: [4]string{"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"}}
	naskh = &script{name: "NotoNaskhArabic", shaped: true,
		faces:   [4]string{"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold"},
		letters: "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"}
	devanagari = &script{name: "NotoSansDevanagari", shaped: true,
		faces:   [4]string{"NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold", "NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold"},
		letters: "अआइईउऊएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह\u093e\u093f\u0940\u0941\u0942\u0947\u0948\u094b\u094c\u094d\u0902"}
	bengali = &script{name: "NotoSansBengali", shaped: true,
		faces:   [4]string{"NotoSansBengali-Regular", "NotoSansBengali-Bold", "NotoSansBengali-Regular", "NotoSansBengali-Bold"},
		letters: "অআইঈউঊএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ\u09be\u09bf\u09c0\u09c1\u09c2\u09c7\u09c8\u09cb\u09cc\u09cd"}
	gurmukhi = &script{name: "NotoSansGurmukhi", shaped: true,
		faces:   [4]string{"NotoSansGurmukhi-Regular", "NotoSansGurmukhi-Bold", "NotoSansGurmukhi-Regular", "NotoSansGurmukhi-Bold"},
		letters: "ਅਆਇਈਉਊਏਐਓਔਕਖਗਘਙਚਛਜਝਞਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹ\u0a3e\u0a3f\u0a40\u0a41\u0a42\u0a47\u0a48\u0a4b\u0a4c"}
	ethiopic = &script{name: "NotoSansEthiopic",
		faces:   [4]string{"NotoSansEthiopic-Regular", "NotoSansEthiopic-Bold", "NotoSansEthiopic-Regular", "NotoSansEthiopic-Bold"},
		letters: "ሀሁሂሃሄህሆለሉሊላሌልሎመሙሚማሜምሞረሩሪራሬርሮሰሱሲሳሴስሶሸቀበተቸነኘአከወዘዠየደጀገጠጨጰጸፀፈፐ፡።"}
)

// Letters of the languages Noto Sans is shipped for.
const (
	russian    = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
	cyrillic   = "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ"
	greek      = "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰςΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ"
	vietnamese = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĂÂĐÊÔƠƯÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ"
)

// languageScript is, for a language (its primary subtag), the shipped
// family and the letters a family must have to set it.
func languageScript(lang string) (*script, string) {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	switch lang {
	case "ru":
		return notoSans, russian
	case "uk":
		return notoSans, cyrillic + "ієїґІЄЇҐ"
	case "be":
		return notoSans, "абвгдеёжзйклмнопрстуўфхцчшыьэюяі"
	case "bg", "mk", "sr", "kk", "ky", "tg", "mn", "tt", "ba", "cv":
		return notoSans, cyrillic
	case "el":
		return notoSans, greek
	case "vi":
		return notoSans, vietnamese
	case "ar", "fa", "ur", "ps", "ckb", "sd", "ug":
		return naskh, naskh.letters
	case "hi", "mr", "ne", "sa", "mai", "bho", "kok", "doi":
		return devanagari, devanagari.letters
	case "bn", "as":
		return bengali, bengali.letters
	case "pa":
		return gurmukhi, gurmukhi.letters
	case "am", "ti":
		return ethiopic, ethiopic.letters
	}
	return nil, ""
}

// family loads the shipped script family once per process.
func (s *script) family() (*Family, error) {
	s.once.Do(func() {
		fam := &Family{Name: s.name}
		byName := map[string]*Face{}
		for i, name := range s.faces {
			if f := byName[name]; f != nil {
				fam.Faces[i] = f
				continue
			}
			data, err := fonts.Noto(name)
			if err != nil {
				s.err = err
				return
			}
			f, err := parseFace(data, name+".ttf")
			if err != nil {
				s.err = fmt.Errorf("shipped font %s: %w", name, err)
				return
			}
			f.Path, f.shaped = "", s.shaped
			byName[name] = f
			fam.Faces[i] = f
		}
		var data [4][]byte
		for i, f := range fam.Faces {
			data[i] = f.Data
		}
		fam.Digest = FilesDigest(data)
		fam.shaped = s.shaped
		s.fam = fam
	})
	return s.fam, s.err
}

// covers reports whether every face of fam prints every letter.
func covers(fam *Family, letters string) bool {
	for _, f := range fam.Faces {
		for _, r := range letters {
			if !f.Has(r) {
				return false
			}
		}
	}
	return true
}

var (
	languageMu     sync.Mutex
	languageFamily = map[languageKey]*Family{}
)

type languageKey struct {
	base   *Family
	script *script
	cjk    *cjkFont
}

// ForLanguage is the family a handout in lang is set in: base when its
// faces print the language's letters, so a clinic's own fonts win where
// they can, else the shipped family for the language's script with base
// behind it (Noto Sans for Cyrillic, Greek and Vietnamese, whose own
// Latin is then used throughout, so that a Vietnamese word is never set
// in two fonts; Noto Naskh Arabic, Noto Sans Devanagari, Bengali,
// Gurmukhi and Ethiopic, whose Latin words, digits and addresses come
// from base). The same base and language give the same family, so the
// documents of a packet share it. A family whose text must be shaped says
// so (Shaped): the writer refuses to draw its script's characters one by
// one.
func ForLanguage(base *Family, lang string) *Family {
	if c := cjkFor(lang); c != nil {
		return forCJK(base, c)
	}
	s, letters := languageScript(lang)
	if s == nil || covers(base, letters) {
		return base
	}
	key := languageKey{base: base, script: s}
	languageMu.Lock()
	defer languageMu.Unlock()
	if fam := languageFamily[key]; fam != nil {
		return fam
	}
	sf, err := s.family()
	if err != nil {
		return base // the shipped files are checked by tests; never here
	}
	fam := *sf
	fam.Fallback = base
	languageFamily[key] = &fam
	return &fam
}

// Shaped reports whether the family's own faces print a script whose text
// must be shaped (joined, reordered) before it is drawn: Arabic and the
// Indic scripts.
func (fam *Family) Shaped() bool { return fam.shaped }

// NeedsShaping reports whether the face prints a script whose text must be
// shaped: drawn character by character, its letters would print unjoined
// and in the wrong order.
func (f *Face) NeedsShaping() bool { return f.shaped }

// forCJK is ForLanguage for Chinese, Japanese and Korean: base, with the
// CJK font found on the machine (see cjk.go) behind it, or base alone when
// it prints the language or no font is found (LanguageFontError says why;
// check reports it at the handout's language). Latin words, digits and
// addresses are set in base, as a browser sets them with the font list
// "base, CJK font": the CJK fonts' own Latin letters are monospaced
// (IPA Gothic, AR PL UMing) or plain, and the clinic's font is the
// handout's voice.
func forCJK(base *Family, c *cjkFont) *Family {
	if covers(base, c.letters) {
		return base
	}
	sf, err := c.family()
	if err != nil {
		return base
	}
	key := languageKey{base: base, cjk: c}
	languageMu.Lock()
	defer languageMu.Unlock()
	if fam := languageFamily[key]; fam != nil {
		return fam
	}
	cjk := *sf
	cjk.Fallback = base.Fallback
	fam := *base
	fam.Fallback = &cjk
	fam.shaped = true
	fam.Digest = FilesDigest([4][]byte{base.Digest[:], cjk.Digest[:], nil, nil})
	languageFamily[key] = &fam
	return &fam
}
