package linkcheck

import "testing"

// The rules a content file's links and the clinic's website share.
func TestCheck(t *testing.T) {
	for u, bad := range map[string]bool{
		"https://example.org":                    false,
		"http://example.org/a?b#c":               false,
		"HTTPS://Example.org":                    false,
		"https://localhost:8080/x":               false,
		"https://xn--bcher-kva.test":             false,
		"http://example.org.":                    false,
		"https://example.org?q=a.b":              false,
		"mailto:care@example.org":                false,
		"tel:+15550100199":                       false,
		"www.example.org":                        true,
		"https://":                               true,
		"https:///path":                          true,
		"https://example":                        true,
		"https://localhostile":                   true,
		"https://exa mple.org":                   true,
		"https://example.org/a\tb":               true,
		"ftp://example.org":                      true,
		"mailto:nobody":                          true,
		"tel:":                                   true,
		"javascript:alert(1)":                    true,
		"https://?q=a.b":                         true,
		"https://#frag.ment":                     true,
		"https://evil.example@riverbend.example": true,
	} {
		if msg := Check(u); (msg != "") != bad {
			t.Errorf("Check(%q) = %q, want bad=%v", u, msg, bad)
		}
	}
	// A website is a web address: no mailto: or tel:.
	for _, u := range []string{"mailto:care@example.org", "tel:+15550100199", "javascript://%0Aalert(1)"} {
		if Web(u) == "" {
			t.Errorf("Web(%q) accepts it", u)
		}
	}
}
