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

// readingEase is a Flesch-style score, base - perWord*(words/sentences) -
// perSyllable*(syllables/words); ok is false when there are no sentences or
// words.
func (s Stats) readingEase(base, perWord, perSyllable float64) (float64, bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return 0, false
	}
	w := float64(s.Words)
	return base - perWord*(w/float64(s.Sentences)) - perSyllable*(float64(s.Syllables)/w), true
}

// KandelMoles returns Kandel and Moles's French reading ease:
//
//	207 - 1.015*(words/sentences) - 73.6*(syllables/words)
//
// (Kandel L, Moles A. Application de l'indice de Flesch à la langue
// française. Cahiers Études de Radio-Télévision 1958;19:253-274.)
func (s Stats) KandelMoles() (float64, bool) { return s.readingEase(207, 1.015, 73.6) }

// Amstad returns Amstad's German reading ease:
//
//	180 - words/sentences - 58.5*(syllables/words)
//
// (Amstad T. Wie verständlich sind unsere Zeitungen? Dissertation,
// Universität Zürich, 1978.)
func (s Stats) Amstad() (float64, bool) { return s.readingEase(180, 1, 58.5) }

// Martins returns Martins et al.'s reading ease for Brazilian Portuguese,
// Flesch's score raised by 42:
//
//	248.835 - 1.015*(words/sentences) - 84.6*(syllables/words)
//
// (Martins TBF, Ghiraldelo CM, Nunes MGV, Oliveira Jr ON. Readability
// formulas applied to textbooks in Brazilian Portuguese. Notas do ICMSC-USP,
// Série Computação 28, 1996.)
func (s Stats) Martins() (float64, bool) { return s.readingEase(248.835, 1.015, 84.6) }

// Oborneva returns Oborneva's Russian reading ease:
//
//	206.835 - 1.3*(words/sentences) - 60.1*(syllables/words)
//
// (Оборнева И.В. Автоматизированная оценка сложности учебных текстов на
// основе статистических параметров. Дисс. канд. пед. наук, Москва, 2006.)
func (s Stats) Oborneva() (float64, bool) { return s.readingEase(206.835, 1.3, 60.1) }

// GULPEASE returns the Italian readability index of the GULP group:
//
//	89 + (300*sentences - 10*letters)/words
//
// It reads word length in letters, not syllables, and needs Stats.Letters
// (counted for Italian only). (Lucisano P, Piemontese ME. GULPEASE: una
// formula per la predizione della difficoltà dei testi in lingua italiana.
// Scuola e Città 1988;39(3):110-124.)
func (s Stats) GULPEASE() (float64, bool) {
	if s.Sentences <= 0 || s.Words <= 0 {
		return 0, false
	}
	return 89 + (300*float64(s.Sentences)-10*float64(s.Letters))/float64(s.Words), true
}
