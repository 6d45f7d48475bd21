package yamldoc

import "testing"

// Keys of four letters or fewer allow one edit, longer keys two: "tilt"
// is two edits from "title" and suggests nothing, while the five-letter
// "sumry" is two from "summary" and suggests it.
func TestSuggestLengthLimit(t *testing.T) {
	known := []string{"title", "summary", "body", "logo", "name"}
	for in, want := range map[string]string{
		"bdy":   "body",
		"bodi":  "body", // four letters, one edit
		"tilt":  "",     // four letters, two edits
		"nmae":  "name", // a transposition is one edit
		"lgoo":  "logo",
		"xoxo":  "",
		"sumry": "summary", // five letters, two edits
		"titl":  "title",
	} {
		if got := Suggest(in, known); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}
