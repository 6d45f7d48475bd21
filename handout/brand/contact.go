package brand

import (
	"regexp"
	"strings"
	"sync"
	"unicode"

	"handouts/handout/diag"
	"handouts/handout/linkcheck"
)

// The clinic's contact details become links in every PDF (and the website
// a QR code), so they get the rules content links get, and their links are
// built here, next to those rules.

// PhoneLink is the tel: link for the phone number, or "" when it holds no
// digits ("ask at the front desk"), which is printed but not linked: a
// link that dials nothing is worse than none. A leading + is kept (it
// makes the number international), and an extension ("ext. 204", "x204")
// is left out of the link, which would otherwise dial the wrong number.
func (b *Brand) PhoneLink() string {
	var d strings.Builder
	plus := false
	for _, r := range b.Phone {
		switch {
		case r >= '0' && r <= '9':
			d.WriteRune(r)
		case r == '+' && d.Len() == 0:
			plus = true
		case unicode.IsLetter(r) && d.Len() > 0:
			return telLink(plus, d.String())
		}
	}
	return telLink(plus, d.String())
}

func telLink(plus bool, digits string) string {
	if digits == "" {
		return ""
	}
	if plus {
		return "tel:+" + digits
	}
	return "tel:" + digits
}

// EmailLink is the mailto: link for the email address.
func (b *Brand) EmailLink() string {
	if b.Email == "" {
		return ""
	}
	return "mailto:" + b.Email
}

// oneLine are the fields printed on one line and used in links: a line
// break or tab in them cannot be printed (every build would fail), so
// check says so. Fields that wrap (tagline, address, footer) fold their
// whitespace to single spaces instead, as content paragraphs do.
var oneLine = []Field{Clinic, Phone, Email, Website}

// checkChars reports the first control character in one field's text.
func checkChars(f Field, text string, pos diag.Pos) diag.List {
	var errs diag.List
	for _, r := range strings.TrimSpace(text) {
		if !unicode.IsControl(r) {
			continue
		}
		switch {
		case r == '\n' || r == '\r':
			if isOneLine(f) {
				errs.Errorf(pos, "%s contains a line break; give it on one line", f)
			}
		case r == '\t':
			if isOneLine(f) {
				errs.Errorf(pos, "%s contains a tab; use a space", f)
			}
		default:
			errs.Errorf(pos, "%s contains the control character U+%04X, which cannot be printed; remove it", f, r)
		}
		break
	}
	return errs
}

// checkText refuses control characters in brand text, naming the value
// where it was given.
func checkText(merged Settings) diag.List {
	var errs diag.List
	for _, f := range Fields {
		v, ok := merged[f]
		if !ok {
			continue
		}
		texts := []LangText{{Text: v.Text, Pos: v.Pos}}
		if len(v.Langs) > 0 {
			texts = v.Langs // text per language, each checked where it was written
		}
		for _, t := range texts {
			errs = append(errs, checkChars(f, t.Text, t.Pos)...)
		}
	}
	return errs
}

func isOneLine(f Field) bool {
	for _, o := range oneLine {
		if f == o {
			return true
		}
	}
	return false
}

// schemeLike is "data:", "javascript:", "file:": a URL scheme rather than
// a host name with a port ("clinic.example:8080").
var schemeLike = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:([^0-9]|$)`)
})

// checkWebsite makes the website a link a patient's phone can open safely:
// http or https, with a host name. People write "riverbend.example"; it
// gets https://. It returns the URL to use, or why it cannot be used; the
// rules are a content link's (linkcheck.Web).
func checkWebsite(site string) (string, string) {
	if !strings.Contains(site, "://") && !schemeLike().MatchString(site) {
		site = "https://" + site
	}
	if why := linkcheck.Web(site); why != "" {
		return "", why
	}
	return site, ""
}

// emailAddress is a plain address: something@host.name, no spaces, no
// second @, nothing a mail link could be made to do.
// It is compiled on first use: its Unicode classes take 0.7 ms to compile,
// a tenth of starting the program, which most runs (no brand email) never
// need.
var emailAddress = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[^\s@<>()\[\]\\,;:"/]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$`)
})

// checkEmail returns the address to use (without a "mailto:" someone
// copied along), or why it cannot be used.
func checkEmail(email string) (string, string) {
	if len(email) >= 7 && strings.EqualFold(email[:7], "mailto:") {
		email = email[7:]
	}
	if !emailAddress().MatchString(email) {
		return "", "is not an email address (like care@clinic.example)"
	}
	return email, ""
}

// checkContact applies the rules above to b's contact details.
func checkContact(b *Brand, merged Settings) diag.List {
	var errs diag.List
	if b.Website != "" {
		site, why := checkWebsite(b.Website)
		if why != "" {
			errs.Errorf(merged[Website].Pos, "website %q %s", b.Website, why)
		}
		b.Website = site
	}
	if b.Email != "" {
		email, why := checkEmail(b.Email)
		if why != "" {
			errs.Errorf(merged[Email].Pos, "email %q %s", b.Email, why)
		}
		b.Email = email
	}
	if b.Phone != "" && b.PhoneLink() == "" {
		errs.Warnf(merged[Phone].Pos, "phone %q has no digits, so it is printed without a call link", b.Phone)
	}
	return errs
}
