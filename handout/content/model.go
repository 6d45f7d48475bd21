// Package content is the handout content model: typed structs decoded from a
// YAML file once, with the position of every field, so that every later
// stage (checking, layout) can name the exact line and column at fault and
// never reads YAML again.
package content

import (
	"time"

	"handouts/handout/diag"
)

// Handout is one decoded content file.
type Handout struct {
	Name     string // file name without extension; names the outputs
	File     string // path as given, for messages
	Title    Text
	Subtitle Text // Raw == "" when absent
	Language string
	LangPos  diag.Pos
	Reviewed time.Time // zero when absent
	// ReviewedPos is where the date was written, for staleness warnings.
	ReviewedPos diag.Pos
	Summary     []Text
	SummaryPos  diag.Pos
	Sections    []Section
	FAQ         []QA
	FAQPos      diag.Pos
	References  []Reference
	// Digest is the SHA-256 of the file, which identifies the content in
	// document IDs.
	Digest [32]byte
	// Read is true when the file was read as YAML: every field without an
	// error of its own is filled in, so that checks can report what else
	// is wrong in the same run, even in a file with errors.
	Read bool
}

// Text is a text field: the words as written and, for fields that accept
// inline markup, the parsed spans.
type Text struct {
	Raw   string
	Spans []Span
	Pos   diag.Pos
	// Stray holds the offsets in Raw of stars that look like the start or
	// end of emphasis but have no partner, so they print as written.
	Stray []int
	// loc maps offsets in Raw back to the source, for naming the exact place
	// of an unprintable character.
	loc locator
}

// IsZero reports whether the field was absent.
func (t Text) IsZero() bool { return t.Raw == "" }

// Plain is the text without its markup: its spans' text, or Raw when it
// was never parsed.
func (t Text) Plain() string {
	if len(t.Spans) == 0 {
		return t.Raw
	}
	return PlainText(t.Spans)
}

// PosAt returns the source position of byte offset i of Raw, as near as the
// YAML quoting allows (escaped characters map to the field's start).
func (t Text) PosAt(i int) diag.Pos { return t.loc.pos(t, i) }

// Span is a run of text with one inline style. A link span carries its URL.
type Span struct {
	Text   string
	Bold   bool
	Italic bool
	URL    string
}

// Section is one titled part of a handout.
type Section struct {
	Pos     diag.Pos
	Heading Text
	Brief   Text   // for the one-page summary; Raw == "" when absent
	Body    []Text // paragraphs, split at blank lines
	Items   []Item
	Bullets []Text
	Steps   []Text // numbered steps, printed 1, 2, 3 ... in order
	Style   Style
}

// Style is how a section is set off.
type Style int

// Section styles: plain text, or a tinted box for content such as "when to get
// help right away".
const (
	Plain Style = iota
	Callout
)

// Item is a labelled point: a bold label followed by its text.
type Item struct {
	Pos   diag.Pos
	Label Text
	Text  Text
}

// QA is one frequently asked question with its answer.
type QA struct {
	Pos diag.Pos
	Q   Text
	A   Text
}

// Reference is one source, optionally with a PubMed ID and a URL.
type Reference struct {
	Pos  diag.Pos
	Text Text
	PMID string
	URL  string
	// URLPos and PMIDPos locate the optional fields.
	PMIDPos diag.Pos
	URLPos  diag.Pos
}

// PubMedURL is the PubMed page of a PMID.
func PubMedURL(pmid string) string { return "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/" }

// Texts calls fn for every text field in reading order, with the name used in
// messages. Checks that apply to all text (fonts, control characters,
// readability) walk the handout through this one place.
func (h *Handout) Texts(fn func(field string, t *Text)) {
	fn("title", &h.Title)
	if !h.Subtitle.IsZero() {
		fn("subtitle", &h.Subtitle)
	}
	for i := range h.Summary {
		fn("summary", &h.Summary[i])
	}
	for i := range h.Sections {
		s := &h.Sections[i]
		fn("heading", &s.Heading)
		if !s.Brief.IsZero() {
			fn("brief", &s.Brief)
		}
		for j := range s.Body {
			fn("body", &s.Body[j])
		}
		for j := range s.Items {
			fn("label", &s.Items[j].Label)
			fn("text", &s.Items[j].Text)
		}
		for j := range s.Bullets {
			fn("bullet", &s.Bullets[j])
		}
		for j := range s.Steps {
			fn("step", &s.Steps[j])
		}
	}
	for i := range h.FAQ {
		fn("q", &h.FAQ[i].Q)
		fn("a", &h.FAQ[i].A)
	}
	for i := range h.References {
		fn("reference", &h.References[i].Text)
	}
}
