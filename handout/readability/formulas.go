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
