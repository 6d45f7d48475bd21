package labels

import "strings"

// continued is the word that heads the second part of a box split across
// pages ("The short version (continued)"), by primary language. A language
// without one here gets the English word; the labels table may take it
// over as a key when the other languages have it.
var continued = map[string]string{
	"en": "continued",
	"es": "continuación",
}

// Continued is the word for the second part of a box split across pages.
func (l *Labels) Continued() string {
	lang, _, _ := strings.Cut(l.Lang, "-")
	if w, ok := continued[strings.ToLower(lang)]; ok {
		return w
	}
	return continued["en"]
}
