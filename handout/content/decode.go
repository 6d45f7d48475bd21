package content

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
	"handouts/handout/labels"
	"handouts/handout/linkcheck"
	"handouts/handout/suggest"
	"handouts/handout/yamldoc"
)

// MaxLine is the most characters a one-line field (title, subtitle,
// heading, label) may hold: about three lines of a title. No handout needs
// more, and a title of a million characters once took half a minute to
// fit into each page's running header.
const MaxLine = 200

// MinSummary is the fewest bullets "The short version" may have. More than
// eight is advice, not an error (see package check).
const MinSummary = 2

// MaxSummary is the most bullets a summary may have: far more than one page
// can hold, so a file over it is a mistake (a list pasted into the wrong
// place).
const MaxSummary = 100

// Decode reads a handout from YAML source. It reports every problem it finds
// (unknown keys with suggestions, wrong types, missing or empty fields, bad
// dates, PMIDs and URLs, control characters) with the file, line and column of
// the node at fault; the handout is usable only when the list has no errors.
func Decode(file string, src []byte) (*Handout, diag.List) {
	h := &Handout{File: file, Name: strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), Language: "en", Digest: sha256.Sum256(src)}
	doc, root := yamldoc.Parse(file, src, "a handout needs at least title, summary and sections")
	if root != nil {
		d := &decoder{Doc: doc}
		if d.brandFile(root) {
			return h, doc.Errs
		}
		d.handout(root, h)
		d.moreMarkers(d.Pos(root))
		h.Read = true
	}
	doc.Finish()
	return h, doc.Errs
}

type decoder struct {
	*yamldoc.Doc
	links   int // inline links so far, against MaxLinks
	markers int // body lines that start like a list, reported so far
}

// MaxLinks is the most inline links a file may hold. Each prints its
// address and becomes a link annotation; a handout has a handful, and a
// megabyte of link syntax took minutes to write as a PDF.
const MaxLinks = 1000

// text reads a text field; markup says whether inline **bold**, *italic* and
// links are parsed or the text is taken literally.
func (d *decoder) text(n *yaml.Node, what string, markup bool) (Text, bool) {
	raw, trim, ok := d.Scalar(n, what)
	t := Text{Raw: raw, Pos: d.Pos(n), loc: locator{doc: d.Doc, node: yamldoc.Deref(n), off: trim}}
	if !ok {
		// What Scalar refused (a control character) is reported; the
		// other checks, which run on a file with errors too, skip it.
		t.Raw = ""
		return t, false
	}
	d.foldedIndent(n, raw, trim, what)
	if markup {
		t.Spans, t.Stray = ParseInlineStray(raw)
		// Report every bad link, each where it was typed: search on from
		// the previous link, as the same URL may appear more than once.
		// Adjacent spans of one link share the URL; check it once.
		from := 0
		for i, s := range t.Spans {
			if s.URL == "" || i > 0 && t.Spans[i-1].URL == s.URL {
				continue
			}
			at := from
			if j := strings.Index(raw[from:], "]("+s.URL+")"); j >= 0 {
				at = from + j + 2
				from = at + len(s.URL)
			}
			if d.links++; d.links == MaxLinks+1 {
				d.Errs.Errorf(t.PosAt(at), "%s: more than %d links in one file; a handout needs far fewer", what, MaxLinks)
				ok = false
			}
			if msg := linkcheck.Check(s.URL); msg != "" {
				d.Errs.Errorf(t.PosAt(at), "%s: link %q %s", what, s.URL, msg)
				ok = false
			}
		}
		if !ok {
			return t, false
		}
	} else {
		t.Spans = []Span{{Text: raw}}
		if i := literalEscape(raw); i >= 0 {
			d.Errs.Warnf(t.PosAt(i), "%s is not marked up, so `%s` prints with its backslash; write `%s` alone (a backslash escape works only in text that takes **bold** and *italic*)", what, raw[i:i+2], raw[i+1:i+2])
		}
	}
	return t, true
}

// typedNumber is a number a writer typed before a step: "1. ", "2) ",
// "Step 3: ".
var typedNumber = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:step\s*)?[0-9]{1,2}[.):]\s+`)
})

// stepNumber takes out a number the writer typed before a step, with a
// warning: steps are numbered when printed, so "1. Sit quietly" would
// print as "1. 1. Sit quietly". The writer meant the step, and the
// printed number is the step's place in the list, whatever was typed.
func (d *decoder) stepNumber(t Text, n int, what string) Text {
	m := typedNumber().FindString(t.Raw)
	if m == "" || len(m) == len(t.Raw) {
		return t
	}
	rest := t.Raw[len(m):]
	d.Errs.Warnf(t.Pos, "%s starts with the number %q, and steps are numbered when printed, so it would print as \"%d. %s\"; the typed number is left out: delete it from the file", what, strings.TrimSpace(m), n, strings.TrimSpace(m)+" "+excerptWords(rest, 6))
	out := Text{Raw: rest, Pos: t.PosAt(len(m)), loc: t.loc.shift(len(m))}
	out.Spans, out.Stray = ParseInlineStray(rest)
	return out
}

// excerptWords is the first n words of s, with "…" when there are more.
func excerptWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " …"
}

// literalEscape returns where text that takes no markup holds what would
// be an escape in text that does (`\*`), or -1. Such a backslash prints.
func literalEscape(raw string) int {
	for i := 0; i+1 < len(raw); i++ {
		if raw[i] == '\\' && strings.IndexByte(escapable, raw[i+1]) >= 0 && raw[i+1] != '\\' {
			return i
		}
	}
	return -1
}

// foldedIndent warns where a folded (`>`) value has a line indented more
// than the first: YAML folds every line break of such a value into a
// space except around more-indented lines, whose breaks it keeps. The
// writer who indented a line for looks gets a paragraph of its own.
func (d *decoder) foldedIndent(n *yaml.Node, raw string, trim int, what string) {
	n = yamldoc.Deref(n)
	if n.Style&yaml.FoldedStyle == 0 {
		return
	}
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '\n')
		if j < 0 {
			return
		}
		i += j + 1
		k := i
		for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
			k++
		}
		if k > i && k < len(raw) && raw[k] != '\n' {
			d.Errs.Warnf(d.Locate(n, trim+k), "%s: this line is indented more than the first line of its folded (`>`) text, so YAML keeps the line breaks around it and it prints on a line of its own (in a body, as a paragraph of its own); indent it like the lines above", what)
			return
		}
	}
}

// oneLine is text that must fit on one line, such as a title or heading.
func (d *decoder) oneLine(n *yaml.Node, what string) (Text, bool) {
	t, ok := d.text(n, what, false)
	if ok && strings.ContainsRune(t.Raw, '\n') {
		d.Errs.Errorf(t.Pos, "%s must be one line", what)
		return t, false
	}
	if n := utf8.RuneCountInString(t.Raw); ok && n > MaxLine {
		d.Errs.Errorf(t.Pos, "%s is %d characters long; keep it to %d or fewer: it is read at a glance", what, n, MaxLine)
		return t, false
	}
	return t, ok
}

func (d *decoder) handout(root *yaml.Node, h *Handout) {
	known := []string{"title", "subtitle", "language", "reviewed", "summary", "sections", "faq", "references"}
	d.Fields(root, "the handout", known, []string{"title", "summary", "sections"}, func(key string, v *yaml.Node) {
		switch key {
		case "title":
			h.Title, _ = d.oneLine(v, "title")
		case "subtitle":
			h.Subtitle, _ = d.oneLine(v, "subtitle")
		case "language":
			h.LangPos = d.Pos(v)
			if t, ok := d.oneLine(v, "language"); ok {
				if !labels.Valid(t.Raw) {
					d.Errs.Errorf(t.Pos, "language %q is not a language tag such as en, es or en-US", t.Raw)
				} else {
					h.Language = t.Raw
				}
			}
		case "reviewed":
			h.ReviewedPos = d.Pos(v)
			if t, ok := d.oneLine(v, "reviewed"); ok {
				date, err := time.Parse("2006-01-02", t.Raw)
				if err != nil {
					d.Errs.Errorf(t.Pos, "reviewed date %q %s", t.Raw, whyNotDate(t.Raw))
				} else {
					h.Reviewed = date
				}
			}
		case "summary":
			h.SummaryPos = d.Pos(v)
			if items, ok := d.List(v, "summary"); ok && len(items) > MaxSummary {
				// Refused before anything is read or laid out: fitting
				// tens of thousands of bullets to a page took minutes.
				d.Errs.Errorf(d.Pos(items[MaxSummary]), "summary has %d bullets; the short version is one page and holds a few (8 or fewer reads best), never more than %d", len(items), MaxSummary)
			} else if ok {
				for _, it := range items {
					if t, ok := d.text(it, "summary bullet", true); ok {
						h.Summary = append(h.Summary, t)
					}
				}
				if len(items) < MinSummary {
					d.Errs.Errorf(d.Pos(v), "summary has %d bullet(s); the short version needs at least %d", len(items), MinSummary)
				}
			}
		case "sections":
			if items, ok := d.List(v, "sections"); ok {
				if len(items) == 0 {
					d.Errs.Errorf(d.Pos(v), "sections is empty: a handout needs at least one section")
				}
				for i, it := range items {
					h.Sections = append(h.Sections, d.section(it, i+1))
				}
			}
		case "faq":
			h.FAQPos = d.Pos(v)
			if items, ok := d.List(v, "faq"); ok {
				for i, it := range items {
					h.FAQ = append(h.FAQ, d.qa(it, i+1))
				}
			}
		case "references":
			if items, ok := d.List(v, "references"); ok {
				for i, it := range items {
					h.References = append(h.References, d.reference(it, i+1))
				}
			}
		}
	})
}

// brandFile reports, as one error, a brand file given as a handout: it has
// none of a handout's keys and some of a brand's. Otherwise each of its keys
// would be "unknown", and no message would say what to do.
func (d *decoder) brandFile(root *yaml.Node) bool {
	if root.Kind != yaml.MappingNode {
		return false
	}
	var brandKeys []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch k := root.Content[i].Value; k {
		case "title", "summary", "sections":
			return false
		case "name", "tagline", "logo", "colors", "contact", "footer", "fonts":
			brandKeys = append(brandKeys, "`"+k+"`")
		}
	}
	if len(brandKeys) < 2 {
		return false
	}
	d.Errs.Errorf(d.Pos(root), "this is a brand file (it has %s), not a handout; give it with --brand: handouts build --brand %s", strings.Join(brandKeys, ", "), d.File)
	return true
}

var isoDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
})

// whyNotDate says what is wrong with a date that does not parse: a day
// that does not exist is named, not called a format mistake.
func whyNotDate(s string) string {
	const shape = "is not a date like 2026-11-01 (year-month-day)"
	m := isoDate().FindStringSubmatch(s)
	if m == nil {
		return shape
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 {
		return fmt.Sprintf("has no month %d: the month comes second, 01 to 12 (year-month-day)", mo)
	}
	month := time.Month(mo)
	days := time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
	switch {
	case day == 0:
		return "has day 00: days start at 01"
	case day > days && month == time.February && day == 29:
		return fmt.Sprintf("does not exist: February %d has no 29th day (%d is not a leap year)", y, y)
	case day > days:
		return fmt.Sprintf("does not exist: %s has no %s day", month, ordinal(day))
	}
	return shape
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

func (d *decoder) section(n *yaml.Node, idx int) Section {
	s := Section{Pos: d.Pos(n)}
	what := fmt.Sprintf("section %d", idx)
	// hasContent records a body, items, bullets or steps that were given, even if
	// they have errors of their own, which are reported where they are.
	hasContent := false
	known := []string{"heading", "brief", "body", "items", "bullets", "steps", "style"}
	if !d.Fields(n, what, known, []string{"heading"}, func(key string, v *yaml.Node) {
		switch key {
		case "heading":
			s.Heading, _ = d.oneLine(v, what+" heading")
			if !s.Heading.IsZero() {
				what = fmt.Sprintf("section %q", s.Heading.Raw)
			}
		case "brief":
			s.Brief, _ = d.text(v, what+" brief", true)
		case "body":
			hasContent = true
			if t, ok := d.text(v, what+" body", true); ok {
				s.Body = t.paragraphs()
				d.bodyMarkers(yamldoc.Deref(v), what+" body")
			}
		case "items":
			items, ok := d.List(v, what+" items")
			hasContent = hasContent || !ok || len(items) > 0
			if ok {
				for i, it := range items {
					s.Items = append(s.Items, d.item(it, fmt.Sprintf("%s item %d", what, i+1)))
				}
			}
		case "bullets":
			items, ok := d.List(v, what+" bullets")
			hasContent = hasContent || !ok || len(items) > 0
			if ok {
				for _, it := range items {
					if t, ok := d.text(it, what+" bullet", true); ok {
						s.Bullets = append(s.Bullets, t)
					}
				}
			}
		case "steps":
			items, ok := d.List(v, what+" steps")
			hasContent = hasContent || !ok || len(items) > 0
			if ok {
				for i, it := range items {
					if t, ok := d.text(it, fmt.Sprintf("%s step %d", what, i+1), true); ok {
						s.Steps = append(s.Steps, d.stepNumber(t, len(s.Steps)+1, fmt.Sprintf("%s step %d", what, i+1)))
					}
				}
			}
		case "style":
			if t, ok := d.oneLine(v, what+" style"); ok {
				switch t.Raw {
				case "plain":
					s.Style = Plain
				case "callout":
					s.Style = Callout
				default:
					msg := fmt.Sprintf("unknown style %q for %s: use plain or callout", t.Raw, what)
					if sug := suggest.Closest(t.Raw, []string{"plain", "callout"}); sug != "" {
						msg = fmt.Sprintf("unknown style %q for %s; did you mean `%s`? (plain or callout)", t.Raw, what, sug)
					}
					d.Errs.Errorf(t.Pos, "%s", msg)
				}
			}
		}
	}) {
		return s
	}
	if !hasContent && !s.Heading.IsZero() {
		d.Errs.Errorf(s.Pos, "%s has no content: give it a body, items, bullets or steps", what)
	}
	return s
}

func (d *decoder) item(n *yaml.Node, what string) Item {
	it := Item{Pos: d.Pos(n)}
	d.Fields(n, what, []string{"label", "text"}, []string{"label", "text"}, func(key string, v *yaml.Node) {
		switch key {
		case "label":
			it.Label, _ = d.oneLine(v, what+" label")
		case "text":
			it.Text, _ = d.text(v, what+" text", true)
		}
	})
	return it
}

func (d *decoder) qa(n *yaml.Node, idx int) QA {
	qa := QA{Pos: d.Pos(n)}
	what := fmt.Sprintf("faq %d", idx)
	d.Fields(n, what, []string{"q", "a"}, []string{"q", "a"}, func(key string, v *yaml.Node) {
		switch key {
		case "q":
			qa.Q, _ = d.text(v, what+" question", false)
		case "a":
			qa.A, _ = d.text(v, what+" answer", true)
		}
	})
	return qa
}

// pmidDigits reports whether s is one to nine ASCII digits, as a PubMed
// ID is written.
func pmidDigits(s string) bool {
	if len(s) < 1 || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (d *decoder) reference(n *yaml.Node, idx int) Reference {
	r := Reference{Pos: d.Pos(n)}
	what := fmt.Sprintf("reference %d", idx)
	d.Fields(n, what, []string{"text", "pmid", "url"}, []string{"text"}, func(key string, v *yaml.Node) {
		switch key {
		case "text":
			r.Text, _ = d.text(v, what+" text", true)
		case "pmid":
			r.PMIDPos = d.Pos(v)
			if t, ok := d.oneLine(v, what+" pmid"); ok {
				if !pmidDigits(t.Raw) {
					d.Errs.Errorf(t.Pos, "%s pmid %q must be the PubMed ID's digits only, like \"32093586\"", what, t.Raw)
				} else {
					r.PMID = t.Raw
				}
			}
		case "url":
			r.URLPos = d.Pos(v)
			if t, ok := d.oneLine(v, what+" url"); ok {
				if msg := linkcheck.Check(t.Raw); msg != "" {
					d.Errs.Errorf(t.Pos, "%s url %q %s", what, t.Raw, msg)
				} else {
					r.URL = t.Raw
				}
			}
		}
	})
	return r
}

// paragraphs splits a body at blank lines. Line breaks inside a paragraph are
// spaces: authors wrap lines in their editor, and the layout wraps again.
func (t Text) paragraphs() []Text {
	var out []Text
	start := 0
	raw := t.Raw
	flush := func(end int) {
		seg := raw[start:end]
		trimmed := strings.TrimSpace(seg)
		if trimmed != "" {
			off := start + strings.Index(seg, trimmed)
			p := Text{Raw: joinLines(trimmed), loc: t.loc.shift(off)}
			p.Pos = t.PosAt(off)
			p.loc.joined = p.Raw != trimmed
			p.Spans, p.Stray = ParseInlineStray(p.Raw)
			out = append(out, p)
		}
	}
	// In every style but literal (|), YAML has already folded single line
	// breaks into spaces, so a line break left in the value is where the
	// author left a blank line.
	folded := t.loc.node != nil && t.loc.node.Style&yaml.LiteralStyle == 0
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '\n')
		if j < 0 {
			break
		}
		lineEnd := i + j
		if folded {
			flush(lineEnd)
			start = lineEnd + 1
			i = lineEnd + 1
			continue
		}
		// A blank line (only spaces) after this newline ends the paragraph.
		k := lineEnd + 1
		for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
			k++
		}
		if k < len(raw) && raw[k] == '\n' {
			flush(lineEnd)
			start = k + 1
			i = k + 1
			continue
		}
		i = lineEnd + 1
	}
	flush(len(raw))
	return out
}

// joinLines joins a paragraph's lines with one space, trimming each line.
// It is not spaces.Fold on purpose: runs of spaces and no-break spaces
// inside a line are the author's and reach the typesetter as written.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	fields := strings.Split(s, "\n")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return strings.Join(fields, " ")
}
