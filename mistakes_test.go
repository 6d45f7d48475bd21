package main

import (
	"strings"
	"testing"
)

// TestWritersMistakes holds, for each typical mistake a new writer makes
// (each its own fixture in testdata/mistakes), the exact file:line:col where
// `check` must report it and words of the fix. The positions are where the
// mistake was typed, not where the YAML library noticed it.
func TestWritersMistakes(t *testing.T) {
	t.Parallel()
	const dir = "testdata/mistakes/"
	for _, tc := range []struct {
		name  string
		brand bool   // the fixture is a brand file, checked with --brand
		at    string // file:line:col
		want  string // words of the message
		code  int
	}{
		{"unclosed-quote", false, "unclosed-quote.yaml:2:8", `YAML syntax: this quote " is not closed on its line`, 1},
		{"dedented-key", false, "dedented-key.yaml:11:7", "`text:` is indented less than the line above (6 spaces), so YAML cannot tell what it belongs to; line it up with `label:` (8 spaces)", 1},
		{"indented-more", false, "indented-more.yaml:7:7", "`body:` is indented more than the line above (6 spaces where `heading:` has 4)", 1},
		{"curly-quotes", false, "curly-quotes.yaml:1:8", `the value starts with the curly quote “, which YAML does not read as quoting, so what is inside is read as YAML; use straight quotes " or '`, 1},
		{"curly-quotes-plain", false, "curly-quotes-plain.yaml:2:11", `warning: subtitle is wrapped in curly quotes “…”, which YAML does not read as quoting, so they will print; remove them, or use straight quotes " or '`, 0},
		{"hash-in-value", false, "hash-in-value.yaml:4:43", `warning: everything from "#210 at the front desk." on was read as a YAML comment`, 0},
		{"brand-hash-colour", true, "brand-hash-colour.yaml:4:12", `warning: "#2E7D32" was read as a YAML comment, so this value is empty; put it in quotes: "#2E7D32"`, 1},
		{"brand-hash-address", true, "brand-hash-address.yaml:7:34", `warning: everything from "#210, Springfield" on was read as a YAML comment, so the value is only "14 Lake Street, Suite"; to keep it, put the whole value in quotes: "14 Lake Street, Suite #210, Springfield"`, 0},
		{"bullet-colon", false, "bullet-colon.yaml:9:9", `bullet must be text, not a mapping (the ": " after "Pets" makes it a key and a value; put the whole text in quotes: "Pets: dander and saliva from cats and dogs.")`, 1},
		{"brand-as-content", false, "brand-as-content.yaml:2:1", "this is a brand file (it has `name`, `tagline`, `colors`, `contact`, `footer`), not a handout; give it with --brand", 1},
		{"impossible-date", false, "impossible-date.yaml:2:11", `reviewed date "2025-02-30" does not exist: February has no 30th day`, 1},
		{"future-date", false, "future-date.yaml:2:11", "warning: reviewed date 2099-01-15 is in the future", 0},
		{"body-list-lines", false, "body-list-lines.yaml:10:7", "warning: section \"Get help right away\" body: a line starting with \"- \" prints as part of the paragraph, not as a bullet; put the points in a `bullets:` list (or `steps:` if their order matters)", 0},
		{"body-list-lines", false, "body-list-lines.yaml:14:7", "warning: section \"Using your inhaler\" body: a line starting with \"1. \" prints as part of the paragraph, not as a numbered step; put the steps in a `steps:` list", 0},
		// An unbalanced ** is warned about by the inline parser's check; a
		// "* " line by the body's. Each once, where it was typed.
		{"stars", false, "stars.yaml:9:16", "warning: body: this `*` prints as written: it has no partner", 0},
		{"stars", false, "stars.yaml:10:7", "warning: section \"Get help right away\" body: a line starting with \"* \" prints as part of the paragraph, not as a bullet", 0},
		// YAML's own words replaced by what to do, at the place (tab-indent.yaml
		// was made with printf, so that line 7 starts with a tab).
		{"tab-indent", false, "tab-indent.yaml:7:1", "YAML syntax: this line is indented with a tab, and YAML allows only spaces for indentation; use spaces", 1},
		{"colon-title", false, "colon-title.yaml:1:14", "YAML syntax: the value of `title` holds \": \" after \"Asthma\", which YAML reads as the start of another key; put the whole value in quotes: title: \"Asthma: the basics\"", 1},
		// YAML keeps the line breaks around a more-indented line of folded
		// text: the writer's indent for looks makes a paragraph.
		{"folded-indent", false, "folded-indent.yaml:9:9", "warning: section \"How to use it\" body: this line is indented more than the first line of its folded (`>`) text, so YAML keeps the line breaks around it", 0},
		// An escape works only where markup does.
		{"escape-in-title", false, "escape-in-title.yaml:1:18", "warning: title is not marked up, so `\\*` prints with its backslash; write `*` alone", 0},
		{"body-list-lines", false, "body-list-lines.yaml:18:7", "warning: section \"More help\" body: a line starting with \"##\" prints as part of the paragraph, not as a heading", 0},
	} {
		t.Run(tc.name+"@"+tc.at, func(t *testing.T) {
			t.Parallel()
			args := []string{"check", dir + tc.name + ".yaml"}
			if tc.brand {
				args = []string{"check", "--brand", dir + tc.name + ".yaml", "testdata/minimal.yaml"}
			}
			r := runCLI(t, nil, args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d", r.code, tc.code)
			}
			// Findings go to stderr, warnings with them; read both.
			var findings []string
			for _, l := range strings.Split(r.stderr+"\n"+r.stdout, "\n") {
				if strings.HasPrefix(l, dir) {
					findings = append(findings, l)
				}
			}
			found := 0
			for _, l := range findings {
				if strings.HasPrefix(l, dir+tc.at+": ") {
					found++
					if !strings.Contains(l, tc.want) {
						found = 100 // another finding at the same place
					}
				}
			}
			if found != 1 {
				t.Errorf("want exactly one finding at %s, saying …%s…\n%s", dir+tc.at, tc.want, r)
			}
			// The mistake is reported once, and first for its file: not
			// buried under errors it caused further down.
			if tc.code == 1 && !tc.brand && (len(findings) == 0 || !strings.HasPrefix(findings[0], dir+tc.at+": ")) {
				t.Errorf("findings %q, want the one at %s first", findings, tc.at)
			}
		})
	}
}
