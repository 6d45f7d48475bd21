// Package linkcheck decides whether an address can be a link in a handout: a
// content file's links and the clinic's website pass the same rules, so a
// web address one accepts the other accepts too.
package linkcheck

import (
	"net/url"
	"strings"
	"unicode"
)

// Check returns why u cannot be a link in a handout, or "" when it can: a
// web address (Web), a mailto: address with an @, or a tel: number.
func Check(u string) string {
	lower := strings.ToLower(u)
	switch {
	case strings.ContainsFunc(u, unicode.IsSpace):
		return "contains spaces"
	case strings.HasPrefix(lower, "mailto:") && strings.Contains(u, "@"):
		return ""
	case strings.HasPrefix(lower, "tel:") && len(u) > 4:
		return ""
	case !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://"):
		return "must start with https:// (or http://, mailto:, tel:)"
	}
	return Web(u)
}

// Web returns why u cannot be a web link a patient's phone opens safely,
// or "" when it can: http or https, no spaces, no user name before an @
// (which hides the real host), and a host name with a dot, or localhost.
func Web(u string) string {
	if strings.ContainsFunc(u, unicode.IsSpace) {
		return "contains spaces"
	}
	scheme, _, _ := strings.Cut(u, ":")
	if scheme = strings.ToLower(scheme); scheme != "https" && scheme != "http" {
		return "must be a web address starting https:// (or http://)"
	}
	p, err := url.Parse(u)
	if err != nil {
		return "is not a web address"
	}
	switch host := p.Hostname(); {
	case p.User != nil:
		return "must not hold a user name before @"
	case host == "" || !strings.Contains(host, ".") && host != "localhost":
		return "has no host name (like example.org)"
	}
	return ""
}
