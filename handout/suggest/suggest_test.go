package suggest

import (
	"strings"
	"testing"
)

func TestClosest(t *testing.T) {
	known := []string{"title", "subtitle", "summary", "sections", "heading", "references"}
	for in, want := range map[string]string{
		"heding":                 "heading",
		"haeding":                "heading", // transposition counts as one edit
		"sumary":                 "summary",
		"sumamry":                "summary",
		"Title":                  "title",
		"titel":                  "title",
		"section":                "sections",
		"refrences":              "references",
		"author":                 "",
		"x":                      "",
		"":                       "",
		"subtitles2":             "subtitle",
		"headings!!":             "",
		strings.Repeat("a", 100): "",
	} {
		if got := Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	// Short words allow only one edit.
	if got := Closest("tex", []string{"text"}); got != "text" {
		t.Errorf("tex: %q", got)
	}
	if got := Closest("ab", []string{"q", "a"}); got != "a" {
		t.Errorf("ab: %q", got)
	}
	if got := Closest("urn", []string{"url"}); got != "url" {
		t.Errorf("urn: %q", got)
	}
	if got := Closest("uxx", []string{"url"}); got != "" {
		t.Errorf("uxx: %q", got)
	}
	if got := Closest("heading", nil); got != "" {
		t.Errorf("no known words: %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"heading", "heding", 1}, {"heading", "haeding", 1}, {"ab", "ba", 1},
		{"café", "cafe", 1}, {"ü", "u", 1},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := editDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}

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
		if got := Closest(in, known); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
