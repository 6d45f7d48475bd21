package linkcheck

import "strings"

// Printed is an address as a handout prints it, for a reader to type: a
// web address without its scheme, "www." or a trailing "/", but otherwise
// in full (never shortened further; a long one wraps at "/" and "."); an
// email address without "mailto:" or its "?subject=…"; a phone number
// without "tel:". Anything else prints as "". It is the one rule for every
// printed address: a content link's, after its words, and the clinic's
// website on the contact strip and in the footer.
func Printed(u string) string {
	lower := strings.ToLower(u)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		a := u[len("mailto:"):]
		if i := strings.IndexByte(a, '?'); i >= 0 {
			a = a[:i]
		}
		return a
	case strings.HasPrefix(lower, "tel:"):
		return u[len("tel:"):]
	case strings.HasPrefix(lower, "https://"), strings.HasPrefix(lower, "http://"):
		a := u[strings.Index(u, "//")+2:]
		if strings.HasPrefix(strings.ToLower(a), "www.") {
			a = a[4:]
		}
		return strings.TrimSuffix(a, "/")
	}
	return ""
}

// Shown reports whether a link's words already show its address, so that
// neither the page nor a screen reader's description of the link needs to
// add it: [example.org](https://example.org), [Example.org/](https://www.example.org),
// [911](tel:911), [(555) 010-0199](tel:+15550100199). Words show a web or
// email address when they hold its printed form, in any case; a phone
// number when their digits end the number's.
func Shown(words, u string) bool {
	addr := Printed(u)
	if addr == "" {
		return false
	}
	if strings.HasPrefix(strings.ToLower(u), "tel:") {
		dw := digits(words)
		return dw != "" && strings.HasSuffix(digits(addr), dw)
	}
	return strings.Contains(strings.ToLower(words), strings.ToLower(addr))
}

// digits is s's ASCII digits, in order.
func digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}
