// Package check finds what is wrong with a handout beyond its YAML: text the
// fonts cannot print (errors), and health-literacy advice (warnings):
// reading level, long sentences, long or many summary bullets, stale review
// dates, an unsupported language, brand colours too light for text. Advice
// adds the notes a writer sees at `check`: everyday words for hard ones
// and the PEMAT-P items a program can check.
package check

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/fontset"
	"handouts/handout/labels"
)

// Thresholds from plain-language guidance (CDC Clear Communication Index,
// CMS Toolkit, AHRQ PEMAT).
const (
	MaxSentenceWords  = 25
	MaxBulletWords    = 30
	MaxSummaryBullets = 8
	StaleAfter        = 2 * 365 * 24 * time.Hour
)

// Handout returns every finding about a decoded handout: Essentials, then
// the reading level's.
func Handout(h *content.Handout, b *brand.Brand, now time.Time) diag.List {
	return append(Essentials(h, b, now), Readability(h)...)
}

// Essentials returns every finding but the reading level's: all the
// errors, and the warnings that take no time. Grading the reading level
// costs as much as laying out a page and can only warn, so a build runs it
// beside the layout (Handout runs both, in this order).
func Essentials(h *content.Handout, b *brand.Brand, now time.Time) diag.List {
	var out diag.List
	if err := fontset.LanguageFontError(b.Fonts, h.Language); err != nil {
		// A Chinese, Japanese or Korean handout whose font is not on the
		// machine: one error at its language, naming the package to
		// install, rather than one per character the fonts lack.
		out.Errorf(langPos(h), "language %q: %v", h.Language, err)
	} else {
		fonts := printFamily(h, b)
		out = append(out, Labels(h, b, fonts)...)
		out = append(out, Glyphs(h, fonts)...)
	}
	out = append(out, BrandLanguage(h, b)...)
	if len(h.Summary) > MaxSummaryBullets {
		out.Warnf(h.SummaryPos, "summary has %d bullets; the short version reads best with %d or fewer", len(h.Summary), MaxSummaryBullets)
	}
	for _, s := range h.Summary {
		if n := len(strings.Fields(content.PlainText(s.Spans))); n > MaxBulletWords {
			out.Warnf(s.Pos, "summary bullet has %d words; keep key points to %d or fewer", n, MaxBulletWords)
		}
	}
	// A day's grace: the writer's "today" may be ahead of this clock's.
	if !h.Reviewed.IsZero() && h.Reviewed.After(now.AddDate(0, 0, 1)) {
		out.Warnf(h.ReviewedPos, "reviewed date %s is in the future; give the date the content was last reviewed", h.Reviewed.Format("2006-01-02"))
	}
	if !h.Reviewed.IsZero() && now.Sub(h.Reviewed) > StaleAfter {
		out.Warnf(h.ReviewedPos, "content was last reviewed %s, more than two years ago; review it and update `reviewed`", h.Reviewed.Format("2006-01-02"))
	}
	return append(out, StrayStars(h)...)
}

// Advice returns the notes that help a writer and never stop a build: an
// everyday word for each hard one, and the PEMAT-P items a program can
// check. Build leaves it out; check runs it after Handout.
func Advice(h *content.Handout) diag.List {
	return append(PlainWords(h), PEMAT(h)...)
}

// StrayStars warns at each star that looks like the start or end of
// *italic* or **bold** text but has no partner: it prints as written, which
// may not be what the writer meant. Stars in doses (2*3, 5 * 4) are not
// markup and get no warning.
func StrayStars(h *content.Handout) diag.List {
	var out diag.List
	const maxReported = 20
	n := 0
	var more diag.Pos
	h.Texts(func(field string, t *content.Text) {
		if len(t.Stray) == 0 {
			return
		}
		for _, off := range t.Stray {
			if n++; n > maxReported {
				if n == maxReported+1 {
					more = t.PosAt(off)
				}
				continue
			}
			out.Warnf(t.PosAt(off), "%s: this `*` prints as written: it has no partner to make *italic* or **bold** text (the stars must touch the words they mark)", field)
		}
	})
	if n > maxReported {
		out.Warnf(more, "and %d more stars that print as written", n-maxReported)
	}
	return out
}

// printFamily is the font family a handout prints with: what its text and
// its labels are checked against.
func printFamily(h *content.Handout, b *brand.Brand) *fontset.Family {
	return fontset.ForLanguage(b.Fonts, h.Language)
}

// Labels warns when the handout's language has no printed labels, neither
// the tool's nor the brand's (they print in English), naming those the
// brand gives. It refuses labels the fonts cannot print: a brand's at its
// place in the brand file, the tool's at the handout's language (a Russian
// handout's labels are Cyrillic, whatever its text).
func Labels(h *content.Handout, b *brand.Brand, fonts *fontset.Family) diag.List {
	var out diag.List
	lab, ok := b.LabelsFor(h.Language)
	if !ok {
		given := map[string]bool{}
		for _, l := range b.LabelsApplied(h.Language) {
			given[l.Key] = true
		}
		var missing []string
		for _, k := range labels.Keys {
			if !given[k.Name] {
				missing = append(missing, k.Name)
			}
		}
		if len(given) == 0 {
			out.Warnf(langPos(h), "language %q has no printed labels yet (the tool has %s); labels such as \"Page 1 of 2\" will be in English; a brand file's `labels:` can give them in %q", h.Language, strings.Join(labels.Supported, ", "), h.Language)
		} else {
			out.Warnf(langPos(h), "language %q has no printed labels in the tool, and the brand's `labels:` give %d of %d; these will be in English: %s", h.Language, len(given), len(labels.Keys), strings.Join(missing, ", "))
		}
	}
	if fonts == nil {
		return out
	}
	own := map[string]bool{}
	for _, l := range b.LabelsApplied(h.Language) {
		if miss := fonts.Missing(l.Text, fontset.Bold); len(miss) > 0 {
			out.Errorf(l.Pos, "labels.%s.%s contains %s, which the font %s cannot print (for %s)", l.Tag, l.Key, describeRune(miss[0]), fonts.Name, h.File)
		}
		own[l.Text] = true
	}
	for _, text := range lab.Printed() {
		if own[text] {
			continue
		}
		if miss := fonts.Missing(text, fontset.Bold); len(miss) > 0 {
			out.Errorf(langPos(h), "the printed labels for language %q (such as %q) need %s, which the font %s cannot print; use a font that has them (--font-dir or the brand file's fonts:)", h.Language, text, describeRune(miss[0]), fonts.Name)
			break
		}
	}
	return out
}

// BrandLanguage warns whenever the brand's tagline or footer will print in
// a language other than the handout's: given per language but not in the
// handout's (the first one given prints), or given as one text, which is
// in the brand's own language. That is the first language any of its
// per-language texts names, else English, the language of a brand
// written without them: a Spanish handout with a one-text English footer
// printed "In a crisis, call or text 988" and nobody was told.
func BrandLanguage(h *content.Handout, b *brand.Brand) diag.List {
	var out diag.List
	own := brandLanguage(b)
	for _, f := range []struct {
		name string
		text brand.Localized
	}{{"tagline", b.Tagline}, {"footer", b.Footer}} {
		if f.text.IsZero() {
			continue
		}
		if len(f.text.Langs) == 0 {
			if sameLanguage(own, h.Language) {
				continue
			}
			out.Warnf(langPos(h), "the brand's %s is one text, taken to be in %q (the brand's first language), so this %q handout prints it in %q; give it per language in the brand file, with `%s:` and `%s:` lines under `%s:` (%s)", f.name, own, h.Language, own, own, h.Language, f.name, posOr(f.text.Pos, "set by a flag or variable"))
			continue
		}
		if _, ok := f.text.For(h.Language); !ok {
			first := f.text.Langs[0]
			out.Warnf(langPos(h), "the brand's %s has no text for language %q (it has %s); the %q text will be printed: add a %s.%s entry to the brand file (%s)", f.name, h.Language, langList(f.text.Langs), first.Tag, f.name, h.Language, f.text.Pos)
		}
	}
	return out
}

// titlePos is where the title is, where findings about the whole file are
// reported, or the file when a handout with errors has no title.
func titlePos(h *content.Handout) diag.Pos {
	if h.Title.Pos.File == "" {
		return diag.Pos{File: h.File}
	}
	return h.Title.Pos
}

// langPos is where the handout's language is set, or the file when it
// is English by default.
func langPos(h *content.Handout) diag.Pos {
	if h.LangPos.File == "" {
		return diag.Pos{File: h.File}
	}
	return h.LangPos
}

// brandLanguage is the language a brand's one-text fields are taken to be
// in: the first language its per-language texts name, else English.
func brandLanguage(b *brand.Brand) string {
	for _, l := range []brand.Localized{b.Tagline, b.Footer} {
		if len(l.Langs) > 0 {
			return l.Langs[0].Tag
		}
	}
	return "en"
}

// sameLanguage compares two BCP 47 tags by their language: en-US is en.
func sameLanguage(a, b string) bool {
	pa, _, _ := strings.Cut(strings.ToLower(a), "-")
	pb, _, _ := strings.Cut(strings.ToLower(b), "-")
	return pa == pb
}

func posOr(p diag.Pos, what string) string {
	if p.File == "" {
		return what
	}
	return p.String()
}

func langList(ls []brand.LangText) string {
	tags := make([]string, len(ls))
	for i, l := range ls {
		tags[i] = l.Tag
	}
	return strings.Join(tags, ", ")
}

// Glyphs reports every character the fonts cannot print, once per field and
// character, at the place it was typed. Without this, emoji and scripts the
// font lacks would print as empty boxes, or crash the PDF library.
func Glyphs(h *content.Handout, fonts *fontset.Family) diag.List {
	var out diag.List
	h.Texts(func(field string, t *content.Text) {
		styles := map[fontset.Style]bool{}
		for _, s := range t.Spans {
			styles[fontset.Regular.With(s.Bold, s.Italic)] = true
		}
		// Headings, labels and questions print in bold.
		styles[fontset.Bold] = true
		seen := map[rune]bool{}
		var more []rune
		for _, st := range fontset.Styles {
			if !styles[st] {
				continue
			}
			for _, r := range fonts.Missing(t.Raw, st) {
				if seen[r] {
					continue
				}
				seen[r] = true
				// Locating a character costs a pass over the field, so a
				// text in a script the font lacks gets a few findings and
				// a count, not one finding per character.
				if len(seen) > maxGlyphFindings {
					more = append(more, r)
					continue
				}
				advice := "remove it or replace it with words"
				if _, ok := invisible[r]; ok {
					advice = "delete it"
				}
				out.Errorf(t.PosAt(strings.IndexRune(t.Raw, r)), "%s contains %s, which the font %s cannot print; %s", field, describeRune(r), fonts.Name, advice)
			}
		}
		if len(more) > 0 {
			out.Errorf(t.PosAt(strings.IndexRune(t.Raw, more[0])), "%s contains %d more characters the font %s cannot print, starting with %s; is it in a script the font lacks?", field, len(more), fonts.Name, describeRune(more[0]))
		}
	})
	return out
}

// maxGlyphFindings is how many unprintable characters of one field are
// reported one by one.
const maxGlyphFindings = 10

// invisible names the characters that pasted text brings and an editor
// shows as nothing, so that a writer knows what to look for.
var invisible = map[rune]string{
	'\u200b': "zero-width space",
	'\u200c': "zero-width non-joiner",
	'\u200d': "zero-width joiner",
	'\u2060': "word joiner",
	'\u2028': "line separator",
	'\u2029': "paragraph separator",
}

func describeRune(r rune) string {
	if name, ok := invisible[r]; ok {
		return fmt.Sprintf("U+%04X (a %s, invisible in most editors)", r, name)
	}
	if unicode.IsPrint(r) && !unicode.IsSpace(r) {
		return fmt.Sprintf("U+%04X (%c)", r, r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// Brand returns findings about a resolved brand: colours too light for text
// and brand text the fonts cannot print.
func Brand(b *brand.Brand, src brand.Settings) diag.List {
	var out diag.List
	// Only colours a reader must read are held to text contrast. The
	// primary colour prints headings, links and the header band's ground
	// (format/theme.go). The accent prints only the key-points box's tint
	// and rule, with text in ink on the tint, which the theme keeps
	// readable whatever the accent; a warning about it would fire for
	// every ordinary accent and fail every `check --strict`.
	if v, ok := src[brand.Primary]; ok {
		if ratio := colour.Contrast(b.Primary, colour.White); ratio < colour.MinTextContrast {
			out.Warnf(v.Pos, "%s %s has a contrast ratio of %.1f:1 on white, under the 4.5:1 that text needs; headings, links and the header band will use the darker %s instead", brand.Primary, b.Primary, ratio, b.Primary.Readable(colour.White))
		}
	}
	for _, f := range []brand.Field{brand.Clinic, brand.Tagline, brand.Phone, brand.Email, brand.Website, brand.Address, brand.Footer} {
		v, ok := src[f]
		if !ok {
			continue
		}
		texts := []brand.LangText{{Text: v.Text, Pos: v.Pos}}
		if len(v.Langs) > 0 {
			texts = v.Langs
		}
		for _, t := range texts {
			for _, r := range b.Fonts.Missing(t.Text, fontset.Bold) {
				out.Errorf(t.Pos, "%s contains %s, which the font %s cannot print", f, describeRune(r), b.Fonts.Name)
			}
		}
	}
	return out
}
