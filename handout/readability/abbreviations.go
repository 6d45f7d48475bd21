package readability

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// terminal classifies the trailing punctuation of tok.
func terminal(tok []byte, lang *Language) term {
	j := len(tok)
	for j > 0 {
		r, w := utf8.DecodeLastRune(tok[:j])
		if !isCloser(r) {
			break
		}
		j -= w
	}
	if j == 0 {
		return termNone
	}
	r, _ := utf8.DecodeLastRune(tok[:j])
	switch r {
	case '!', '?', '‽', '！', '？',
		'؟',      // Arabic question mark (Arabic, Persian, Urdu)
		'۔',      // Urdu full stop
		'।', '॥', // danda and double danda (Hindi, Bengali, Punjabi)
		'።', '፧', // Ethiopic full stop and question mark (Amharic)
		'。', '．', // ideographic and fullwidth full stops (Chinese, Japanese)
		'｡': // halfwidth ideographic full stop
		return termHard
	case '…':
		return termCond
	case '.':
	default:
		if lang.terminals != "" && strings.ContainsRune(lang.terminals, r) {
			return termHard
		}
		return termNone
	}
	k := j
	for k > 0 && tok[k-1] == '.' {
		k--
	}
	if j-k >= 2 { // "..." is an ellipsis, which may or may not end a sentence
		return termCond
	}
	core := tok[:k]
	for len(core) > 0 {
		r, w := utf8.DecodeRune(core)
		if !isOpener(r) {
			break
		}
		core = core[w:]
	}
	if len(core) == 0 || len(core) > maxAbbrevLen {
		return termHard
	}
	if lang.capitals()[string(core)] {
		return termNever
	}
	var low [maxAbbrevLen]byte
	for i, c := range core {
		if c >= utf8.RuneSelf {
			// Not ASCII ("т.е", "tél"): the rare path, lowered in full.
			if k, ok := lang.abbreviations()[strings.ToLower(string(core))]; ok {
				return k
			}
			return termHard
		}
		low[i] = toLowerASCII(c)
	}
	key := low[:len(core)]
	if k, ok := lang.abbreviations()[string(key)]; ok {
		return k
	}
	if dottedInitials(key) {
		return termCond
	}
	return termHard
}

const maxAbbrevLen = 8

// The tables below are made on first use, as a text is split into
// sentences: every run of the program would otherwise build them at start.

// noAbbreviations and noCapitals are a language's without any.
func noAbbreviations() map[string]term { return nil }
func noCapitals() map[string]bool      { return nil }

// englishAbbreviations maps an abbreviation (lower case, final '.' removed)
// to how it behaves before the next word; see Measure.
var englishAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		// Titles and Latin connectives: the next word is often capitalised.
		"dr": termNever, "mr": termNever, "mrs": termNever, "ms": termNever,
		"prof": termNever, "rev": termNever, "e.g": termNever, "i.e": termNever,
		"eg": termNever, "vs": termNever, "v": termNever, "al": termNever,
		"cf": termNever, "viz": termNever, "fig": termNever, "figs": termNever,
		"approx": termNever, "ca": termNever, "incl": termNever, "esp": termNever,
		"nb": termNever, "n.b": termNever, "st": termNever, "mt": termNever,
		"u.s": termNever, "u.k": termNever, // "St. John's wort", "the U.S. Food and Drug Administration"
		// Often sentence-final as well.
		"etc": termCond, "jr": termCond, "sr": termCond,
		"no": termCond, "nos": termCond, "inc": termCond, "ltd": termCond,
		"co": termCond, "corp": termCond, "dept": termCond, "tel": termCond,
		"ext": termCond, "vol": termCond, "min": termCond, "max": termCond,
		"hr": termCond, "hrs": termCond, "wk": termCond, "wks": termCond,
		"mo": termCond, "mos": termCond, "yr": termCond, "yrs": termCond,
		"oz": termCond, "lb": termCond, "lbs": termCond, "tsp": termCond,
		"tbsp": termCond, "ft": termCond, "misc": termCond,
	}
})

// englishCapitals are days and months, matched case-sensitively so that
// "Stay out of the sun." still ends a sentence. They never end one inside a
// block because clinic hours read "Mon.–Fri. 9 a.m. to 5 p.m.".
var englishCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true,
		"Thurs": true, "Fri": true, "Sat": true, "Sun": true,
		"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
		"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	}
})

// dottedInitials matches "a.m", "u.s", "b.i.d": single letters joined by
// dots, which are abbreviations rather than words.
func dottedInitials(b []byte) bool {
	if len(b) < 3 || len(b)%2 == 0 {
		return false
	}
	for i, c := range b {
		if i%2 == 0 {
			if !isASCIILetter(c) {
				return false
			}
		} else if c != '.' {
			return false
		}
	}
	return true
}

// spanishAbbreviations are the Spanish counterparts: titles ("Dr.", "Dra.",
// "Sra.", "Ud."), "p. ej." and "EE. UU." never end a sentence inside a
// block; units and "etc." end one before a capital.
var spanishAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"dr": termNever, "dra": termNever, "sr": termNever, "sra": termNever,
		"srta": termNever, "ud": termNever, "uds": termNever, "lic": termNever,
		"p": termNever, "ej": termNever, "ee": termNever, "uu": termNever,
		"aprox": termNever, "vs": termNever, "av": termNever,
		"etc": termCond, "tel": termCond, "min": termCond, "hr": termCond,
		"hrs": termCond, "mg": termCond, "ml": termCond, "kg": termCond,
		"cm": termCond, "pag": termCond, "no": termCond, "dept": termCond,
	}
})

// spanishCapitals are capitalised days and months, as in "Lun.–Vie.".
var spanishCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Lun": true, "Mar": true, "Mié": true, "Jue": true, "Vie": true, "Sáb": true, "Dom": true,
		"Ene": true, "Feb": true, "Abr": true, "May": true, "Jun": true, "Jul": true,
		"Ago": true, "Sept": true, "Sep": true, "Oct": true, "Nov": true, "Dic": true,
	}
})

// frenchAbbreviations: titles ("M.", "Mme", "Dr"), "p. ex." and "cf."
// never end a sentence inside a block; units and "etc." end one before a
// capital.
var frenchAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"m": termNever, "mm": termNever, "mme": termNever, "mmes": termNever, "mlle": termNever,
		"dr": termNever, "pr": termNever, "p": termNever, "ex": termNever, "cf": termNever,
		"env": termNever, "av": termNever, "bd": termNever, "st": termNever, "ste": termNever,
		"etc": termCond, "min": termCond, "max": termCond, "tél": termCond, "no": termCond,
		"mg": termCond, "ml": termCond, "kg": termCond, "cm": termCond,
	}
})

// frenchCapitals are capitalised days and months, as in "Lun.–Ven.".
var frenchCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Lun": true, "Mar": true, "Mer": true, "Jeu": true, "Ven": true, "Sam": true, "Dim": true,
		"Janv": true, "Févr": true, "Avr": true, "Juil": true, "Sept": true, "Oct": true, "Nov": true, "Déc": true,
	}
})

// germanAbbreviations: "z. B.", "d. h.", "bzw.", "Dr." and the like never
// end a sentence inside a block (German capitalises every noun, so a
// capital after them says nothing); "usw." and units end one before a
// capital.
var germanAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"z": termNever, "b": termNever, "z.b": termNever, "d": termNever, "h": termNever, "d.h": termNever,
		"bzw": termNever, "ca": termNever, "dr": termNever, "prof": termNever, "hr": termNever, "fr": termNever,
		"nr": termNever, "vgl": termNever, "ggf": termNever, "evtl": termNever, "inkl": termNever, "u.a": termNever,
		"u": termNever, "a": termNever, "s": termNever, "str": termNever, "tel": termNever, "max": termNever, "min": termNever,
		"usw": termCond, "etc": termCond, "mg": termCond, "ml": termCond, "kg": termCond, "std": termCond,
	}
})

// germanCapitals are capitalised days and months, as in "Mo.–Fr.".
var germanCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Mo": true, "Di": true, "Mi": true, "Do": true, "Fr": true, "Sa": true, "So": true,
		"Jan": true, "Feb": true, "Mär": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
		"Sep": true, "Sept": true, "Okt": true, "Nov": true, "Dez": true,
	}
})

// italianAbbreviations: titles ("Sig.", "Dott.") and "p. es." never end a
// sentence inside a block; "ecc." and units end one before a capital.
var italianAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"sig": termNever, "sigg": termNever, "sig.ra": termNever, "dott": termNever, "dott.ssa": termNever,
		"dr": termNever, "prof": termNever, "p": termNever, "es": termNever, "ca": termNever, "cfr": termNever,
		"ecc": termCond, "tel": termCond, "min": termCond, "max": termCond, "n": termCond,
		"mg": termCond, "ml": termCond, "kg": termCond, "cm": termCond,
	}
})

// italianCapitals are capitalised days and months, as in "Lun.–Ven.".
var italianCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Lun": true, "Mar": true, "Mer": true, "Gio": true, "Ven": true, "Sab": true, "Dom": true,
		"Gen": true, "Feb": true, "Apr": true, "Mag": true, "Giu": true, "Lug": true, "Ago": true,
		"Sett": true, "Set": true, "Ott": true, "Nov": true, "Dic": true,
	}
})

// portugueseAbbreviations: titles ("Sr.", "Dra.") and "p. ex." never end a
// sentence inside a block; "etc." and units end one before a capital.
var portugueseAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"sr": termNever, "sra": termNever, "srta": termNever, "dr": termNever, "dra": termNever,
		"prof": termNever, "profa": termNever, "p": termNever, "ex": termNever, "av": termNever,
		"aprox": termNever, "vs": termNever,
		"etc": termCond, "tel": termCond, "min": termCond, "máx": termCond, "n": termCond,
		"mg": termCond, "ml": termCond, "kg": termCond, "cm": termCond,
	}
})

// portugueseCapitals are capitalised days and months, as in "Seg.–Sex.".
var portugueseCapitals = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"Seg": true, "Ter": true, "Qua": true, "Qui": true, "Sex": true, "Sáb": true, "Dom": true,
		"Jan": true, "Fev": true, "Mar": true, "Abr": true, "Mai": true, "Jun": true, "Jul": true,
		"Ago": true, "Set": true, "Out": true, "Nov": true, "Dez": true,
	}
})

// russianAbbreviations: "т. е.", "т. д.", "др." and "см." never end a
// sentence inside a block ("и т. д." before a capital does: termCond).
var russianAbbreviations = sync.OnceValue(func() map[string]term {
	return map[string]term{
		"т.е": termNever, "т": termNever, "е": termNever, "др": termNever, "см": termNever, "напр": termNever,
		"им": termNever, "ул": termNever, "д": termNever, "г": termNever, "гг": termNever, "проф": termNever,
		"т.д": termCond, "т.п": termCond, "п": termCond, "тел": termCond, "мин": termCond,
		"мг": termCond, "мл": termCond, "кг": termCond, "см³": termCond,
	}
})
