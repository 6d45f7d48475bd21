package readability

import "math"

// SMOG returns the SMOG grade:
//
//	1.0430*sqrt(polysyllables*30/sentences) + 3.1291
//
// ok is false when there are no sentences. (McLaughlin 1969; the normalised
// formula is valid for fewer than 30 sentences as used by health-literacy
// tools.)
func (s Stats) SMOG() (grade float64, ok bool) {
	if s.Sentences <= 0 {
		return 0, false
	}
	return 1.0430*math.Sqrt(float64(s.Polysyllables)*30/float64(s.Sentences)) + 3.1291, true
}

// FleschKincaid returns the Flesch–Kincaid grade:
//
//	0.39*(words/sentences) + 11.8*(syllables/words) - 15.59
//
// ok is false when there are no sentences or words.
func (s Stats) FleschKincaid() (grade float64, ok bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return 0, false
	}
	w, n := float64(s.Words), float64(s.Sentences)
	return 0.39*(w/n) + 11.8*(float64(s.Syllables)/w) - 15.59, true
}

// INFLESZ returns Szigriszt-Pazos's perspicuity index, the score the
// INFLESZ scale reads:
//
//	206.835 - 62.3*(syllables/words) - words/sentences
//
// Higher is easier; see INFLESZBand. ok is false when there are no
// sentences or words. (Szigriszt-Pazos F. Sistemas predictivos de
// legibilidad del mensaje escrito: fórmula de perspicuidad. Tesis
// doctoral, Universidad Complutense de Madrid, 1993.)
func (s Stats) INFLESZ() (score float64, ok bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return 0, false
	}
	w := float64(s.Words)
	return 206.835 - 62.3*(float64(s.Syllables)/w) - w/float64(s.Sentences), true
}

// INFLESZBand names the INFLESZ band of a score (Barrio-Cantalejo IM et
// al. Validación de la Escala INFLESZ para evaluar la legibilidad de los
// textos dirigidos a pacientes. An Sist Sanit Navar 2008;31(2):135-152):
// under 40 "muy difícil", 40–55 "algo difícil", 55–65 "normal", 65–80
// "bastante fácil", 80 and over "muy fácil".
func INFLESZBand(score float64) string {
	switch {
	case score < 40:
		return "muy difícil"
	case score < 55:
		return "algo difícil"
	case score < 65:
		return "normal"
	case score < 80:
		return "bastante fácil"
	}
	return "muy fácil"
}
