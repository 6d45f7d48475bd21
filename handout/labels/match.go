package labels

import "strings"

// Supported lists the languages with labels, as Match returns them.
var Supported = func() []string {
	out := make([]string, len(languages))
	for i, t := range languages {
		out[i] = t.lang
	}
	return out
}()

// tableOf returns the labels of a language as Match returns it, or nil.
// A search of the short list, rather than a map made when the program
// starts: most runs look up one or two languages.
func tableOf(lang string) *table {
	for _, t := range languages {
		if t.lang == lang {
			return t
		}
	}
	return nil
}

// WellFormed reports whether tag has the shape of a BCP 47 tag in its
// common forms (en, es-MX, zh-Hant-TW, es-419), as a handout's `language`
// does: two or three letters, then subtags of one to eight letters or
// digits. An underscore, as locale names write it (pt_BR), is read as a
// hyphen.
func WellFormed(tag string) bool { return tagShape(tag, true, 1) }

// Valid reports whether tag is a language tag as a handout's `language`
// and a brand file's per-language text must write it: hyphens only, each
// subtag of two to eight letters or digits. WellFormed is the looser
// reading of a tag already accepted (pt_BR as pt-BR).
func Valid(tag string) bool { return tagShape(tag, false, 2) }

// tagShape is the shape ^[A-Za-z]{2,3}([-_][A-Za-z0-9]{minLen,8})*$ (the
// underscore only when underscore is true), checked by hand: a tag is
// checked on every build, and compiling the pattern cost more than the
// rest of reading a language.
func tagShape(tag string, underscore bool, minLen int) bool {
	i := 0
	for i < len(tag) && isAlphaByte(tag[i]) {
		i++
	}
	if i < 2 || i > 3 {
		return false
	}
	for i < len(tag) {
		if c := tag[i]; c != '-' && (c != '_' || !underscore) {
			return false
		}
		i++
		j := i
		for j < len(tag) && (isAlphaByte(tag[j]) || tag[j] >= '0' && tag[j] <= '9') {
			j++
		}
		if j-i < minLen || j-i > 8 {
			return false
		}
		i = j
	}
	return true
}

func isAlphaByte(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// aliases maps the three-letter codes of the supported languages (ISO
// 639-2/T and /B, and ISO 639-3 codes for a variety) to their labels.
var aliases = map[string]string{
	"eng": "en", "spa": "es", "fra": "fr", "fre": "fr", "por": "pt", "pol": "pl",
	"ita": "it", "deu": "de", "ger": "de", "hat": "ht", "tgl": "tl", "fil": "tl",
	"rus": "ru", "vie": "vi", "ell": "el", "gre": "el", "ara": "ar", "arb": "ar",
	"fas": "fa", "per": "fa", "pes": "fa", "prs": "fa", "urd": "ur", "hin": "hi",
	"ben": "bn", "pan": "pa", "amh": "am", "som": "so", "zho": "zh", "chi": "zh",
	"cmn": "zh", "yue": "zh", "kor": "ko", "jpn": "ja",
}

// Match returns the labels language for a BCP 47 tag, by its primary
// language: "pt-BR" is Portuguese, "fa-IR" and Dari ("prs") Persian,
// Filipino ("fil") Tagalog. Chinese is matched by script: "zh-Hant",
// "zh-TW", "zh-HK", "zh-MO" and Cantonese ("yue") are Traditional, other
// Chinese Simplified. A tag that names a script the labels are not written
// in ("pa-Arab": Punjabi in Shahmukhi; the labels are Gurmukhi) does not
// match. ok is false when there are no labels for the tag.
func Match(tag string) (lang string, ok bool) {
	if !WellFormed(tag) {
		return "", false
	}
	parts := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
	primary := strings.ToLower(parts[0])
	if a, ok := aliases[primary]; ok {
		primary = a
	}
	var script, region string
	for _, p := range parts[1:] {
		switch {
		case len(p) == 4 && isAlpha(p) && script == "" && region == "":
			script = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		case (len(p) == 2 && isAlpha(p) || len(p) == 3 && isDigits(p)) && region == "":
			region = strings.ToUpper(p)
		}
	}
	if primary == "zh" {
		switch {
		case script == "Hant", script == "" && (region == "TW" || region == "HK" || region == "MO"),
			script == "" && strings.EqualFold(parts[0], "yue"):
			return "zh-Hant", true
		case script == "" || script == "Hans":
			return "zh-Hans", true
		}
		return "", false
	}
	t := tableOf(primary)
	if t == nil || script != "" && script != t.script && !sameScript[script+" "+t.script] {
		return "", false
	}
	return t.lang, true
}

// sameScript pairs scripts that a tag may name for labels written in the
// other: Korean in Hangul alone, Japanese in kana alone.
var sameScript = map[string]bool{"Hang Kore": true, "Hira Jpan": true, "Kana Jpan": true, "Hrkt Jpan": true}

// Known reports whether tag's primary language subtag is a language code:
// one of ISO 639-1's two-letter codes, or three letters (ISO 639-2 and -3
// are too many to list; a three-letter typo is rare). A brand's labels may
// be for any language, not only those the tool has labels for.
func Known(tag string) bool {
	if !WellFormed(tag) {
		return false
	}
	primary, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(tag, "_", "-")), "-")
	if len(primary) == 3 {
		return true
	}
	return strings.Contains(iso639_1, " "+primary+" ")
}

// ByName returns the tag of a supported language named in English or in
// itself ("spanish", "Español"), for a did-you-mean.
func ByName(name string) (string, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, t := range languages {
		for _, n := range t.names {
			if strings.ToLower(n) == name {
				return t.lang, true
			}
		}
	}
	return "", false
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i]|0x20) < 'a' || (s[i]|0x20) > 'z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// iso639_1 lists the ISO 639-1 codes, space-separated with a space at each
// end.
const iso639_1 = " aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu "

// Name is the English name of a language with labels (as Match returns
// it), or "" for another.
func Name(lang string) string {
	if t := tableOf(lang); t != nil {
		return t.names[0]
	}
	return ""
}

// rtlLanguages are written right to left in their usual script.
var rtlLanguages = map[string]bool{
	"ar": true, "fa": true, "ur": true, "he": true, "iw": true, "yi": true, "ps": true, "sd": true,
	"ug": true, "dv": true, "ckb": true, "prs": true, "pes": true, "arb": true, "syr": true, "arc": true,
}

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true, "Rohg": true, "Samr": true, "Mand": true}

// RightToLeft reports whether text in tag is written right to left: by its
// script subtag when it has one ("pa-Arab" is, "az-Latn" is not), else by
// its language's usual script (Arabic, Persian, Urdu, Hebrew …).
func RightToLeft(tag string) bool {
	if !WellFormed(tag) {
		return false
	}
	parts := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
	for _, p := range parts[1:] {
		if len(p) == 4 && isAlpha(p) {
			return rtlScripts[strings.ToUpper(p[:1])+strings.ToLower(p[1:])]
		}
	}
	return rtlLanguages[strings.ToLower(parts[0])]
}
