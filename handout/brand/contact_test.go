package brand

import (
	"strings"
	"testing"

	"handouts/handout/diag"
)

func resolveOne(t *testing.T, f Field, text string) (*Brand, diag.List) {
	t.Helper()
	return Resolve(nil, Settings{f: {Text: text, Pos: diag.Pos{File: "--" + string(f)}}})
}

func TestWebsiteRules(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://riverbend.example":          "https://riverbend.example",
		"riverbend.example":                  "https://riverbend.example",
		"riverbend.example/care?x=1":         "https://riverbend.example/care?x=1",
		"http://riverbend.example/":          "http://riverbend.example/",
		"riverbend.example:8080/a":           "https://riverbend.example:8080/a",
		"HTTPS://Riverbend.Example":          "HTTPS://Riverbend.Example",
		"https://xn--clnica-6ta.example/ñ":   "https://xn--clnica-6ta.example/ñ",
		"https://localhost:8080/handouts":    "https://localhost:8080/handouts",
		"https://riverbend.example/%0Aalert": "https://riverbend.example/%0Aalert",
	} {
		b, errs := resolveOne(t, Website, in)
		if errs.HasErrors() || b.Website != want {
			t.Errorf("website %q: %q, %v; want %q", in, b.Website, errs, want)
		}
	}
	for _, in := range []string{
		"javascript://%0Aalert(1)", "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>",
		"https://", "https:///path", "https://riverbend example", "riverbend .example", "ftp://riverbend.example",
		"https://evil.example@riverbend.example", "mailto:care@riverbend.example", "https://nodot",
	} {
		b, errs := resolveOne(t, Website, in)
		if !errs.HasErrors() {
			t.Errorf("website %q accepted as %q", in, b.Website)
			continue
		}
		if e := errs.Errors()[0]; e.Pos.File != "--website" || !strings.Contains(e.Message, "website") {
			t.Errorf("website %q: error %v, want it at --website", in, e)
		}
	}
}

func TestEmailRules(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"care@riverbend.example":        "mailto:care@riverbend.example",
		"mailto:care@riverbend.example": "mailto:care@riverbend.example",
		"first.last+x@clínica.example":  "mailto:first.last+x@clínica.example",
	} {
		b, errs := resolveOne(t, Email, in)
		if errs.HasErrors() || b.EmailLink() != want {
			t.Errorf("email %q: link %q, %v; want %q", in, b.EmailLink(), errs, want)
		}
	}
	for _, in := range []string{
		"mailto:@javascript:alert(1)", "@riverbend.example", "care", "care@", "care@riverbend", "a@b@riverbend.example",
		"care @riverbend.example", "care@riverbend.example?subject=x", "care@-x.example", "<care@riverbend.example>",
	} {
		if b, errs := resolveOne(t, Email, in); !errs.HasErrors() {
			t.Errorf("email %q accepted, link %q", in, b.EmailLink())
		}
	}
}

func TestPhoneLink(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"(555) 010-0199":             "tel:5550100199",
		"+1 555 010 0199":            "tel:+15550100199",
		"+44 (0)20 7946 0958":        "tel:+4402079460958",
		"555-0100 ext. 204":          "tel:5550100",
		"555-0100 x204":              "tel:5550100",
		"Call 988":                   "tel:988",
		"1+2":                        "tel:12",
		"call our desk":              "",
		"ask at the front desk, +":   "",
		"Front desk: (555) 010-0199": "tel:5550100199",
	} {
		b, errs := resolveOne(t, Phone, in)
		if errs.HasErrors() || b.PhoneLink() != want {
			t.Errorf("phone %q: link %q (%v), want %q", in, b.PhoneLink(), errs, want)
		}
	}
	// A phone without digits is printed without a link, and check says so.
	_, errs := resolveOne(t, Phone, "call our desk")
	if len(errs) != 1 || errs[0].Severity != diag.Warning || !strings.Contains(errs[0].Message, "without a call link") {
		t.Errorf("phone without digits: %v, want one warning", errs)
	}
}

func TestLineBreaksInBrandFields(t *testing.T) {
	t.Parallel()
	for _, f := range []Field{Clinic, Phone, Email, Website} {
		for _, bad := range []string{"a\nb", "a\tb", "a\r\nb"} {
			_, errs := resolveOne(t, f, "riverbend.example"+bad)
			if !errs.HasErrors() || errs.Errors()[0].Pos.File != "--"+string(f) {
				t.Errorf("%s %q: %v, want an error at --%s", f, bad, errs, f)
			}
		}
	}
	// Text that wraps folds its line breaks, as content paragraphs do.
	b, errs := Resolve(nil, Settings{
		Tagline: {Text: "Care\n\tclose to home"}, Address: {Text: "200 River Road\nSpringfield"}, Footer: {Text: "General  education.\n"},
	})
	if errs.HasErrors() || b.Tagline.Text != "Care close to home" || b.Address != "200 River Road Springfield" || b.Footer.Text != "General education." {
		t.Errorf("folded: %q %q %q, %v", b.Tagline.Text, b.Address, b.Footer.Text, errs)
	}
	// Other control characters cannot be printed anywhere.
	if _, errs := resolveOne(t, Footer, "a\x01b"); !errs.HasErrors() || !strings.Contains(errs[0].Message, "U+0001") {
		t.Errorf("footer with U+0001: %v", errs)
	}
}
