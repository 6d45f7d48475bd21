package format

import "testing"

// The command line and the web API read formats and papers through the
// same two functions, so a word one accepts the other does too.
func TestParseKindAndPaper(t *testing.T) {
	for in, want := range map[string]Kind{"guide": Guide, "Guide": Guide, " SUMMARY ": Summary, "faq": FAQ, "FAQ": FAQ} {
		if got, err := ParseKind(in); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "guides", "sumary", "pdf"} {
		if got, err := ParseKind(in); err == nil {
			t.Errorf("ParseKind(%q) = %q, want an error", in, got)
		}
	}
	for in, want := range map[string]Paper{"letter": Letter, "Letter": Letter, "us-letter": Letter, "US-Letter": Letter, " a4 ": A4, "A4": A4} {
		if got, err := ParsePaper(in); err != nil || got != want {
			t.Errorf("ParsePaper(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "a5", "legal", "letters"} {
		if got, err := ParsePaper(in); err == nil {
			t.Errorf("ParsePaper(%q) = %v, want an error", in, got)
		}
	}
}
