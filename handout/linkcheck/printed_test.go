package linkcheck

import "testing"

// One printed form for every address: a content link's and the clinic's
// website alike.
func TestPrinted(t *testing.T) {
	for u, want := range map[string]string{
		"https://riverbend.example/":                 "riverbend.example",
		"http://riverbend.example/care/":             "riverbend.example/care",
		"https://riverbend.example/care":             "riverbend.example/care",
		"https://www.youtube.com/watch?v=abc":        "youtube.com/watch?v=abc",
		"HTTPS://WWW.Example.org/A":                  "Example.org/A",
		"https://www.x.org/a/b/":                     "x.org/a/b",
		"https://wwwx.org/":                          "wwwx.org",
		"mailto:care@x.org?subject=Hi":               "care@x.org",
		"MAILTO:care@x.org":                          "care@x.org",
		"tel:+15550100199":                           "+15550100199",
		"https://en.wikipedia.org/wiki/Sleep_(a_b)/": "en.wikipedia.org/wiki/Sleep_(a_b)",
		"ftp://x.org":                                "",
		"x.org":                                      "",
	} {
		if got := Printed(u); got != want {
			t.Errorf("Printed(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestShown(t *testing.T) {
	for _, c := range []struct {
		words, u string
		want     bool
	}{
		{"example.org", "https://example.org/", true},
		{"Example.org", "https://www.example.org", true},
		{"https://www.x.org/p", "https://www.x.org/p", true},
		{"Visit riverbend.example today", "https://riverbend.example", true},
		{"the guide", "https://example.org/", false},
		{"x.org", "https://x.org/p", false},
		{"write to care@riverbend.example", "mailto:care@riverbend.example?subject=Hi", true},
		{"us", "mailto:care@x.org", false},
		{"911", "tel:911", true},
		{"(555) 010-0199", "tel:+15550100199", true},
		{"Call (555) 010-0199", "tel:5550100199", true},
		{"555", "tel:+15550100199", false}, // the digits must end the number
		{"our desk", "tel:+15550100199", false},
		{"ftp.x.org", "ftp://ftp.x.org", false},
	} {
		if got := Shown(c.words, c.u); got != c.want {
			t.Errorf("Shown(%q, %q) = %v, want %v", c.words, c.u, got, c.want)
		}
	}
}
