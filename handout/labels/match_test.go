package labels

import "testing"

// A content or brand file writes a tag with hyphens and subtags of two to
// eight characters; reading one already accepted is looser.
func TestValidTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "es-MX": true, "zh-Hant-TW": true, "es-419": true, "fil": true,
		"pt_BR": false, "e": false, "english": false, "en-": false, "x-a": false, "en-a": false, "": false, "en US": false,
	} {
		if got := Valid(tag); got != want {
			t.Errorf("Valid(%q) = %v, want %v", tag, got, want)
		}
	}
	if !WellFormed("pt_BR") {
		t.Error("WellFormed refuses pt_BR, which a locale name writes")
	}
}
