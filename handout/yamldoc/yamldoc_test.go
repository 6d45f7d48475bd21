package yamldoc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"handouts/handout/diag"
	"handouts/internal/growth"
)

func parseErrs(src string) string {
	d, _ := Parse("f.yaml", []byte(src), "a test file")
	var b strings.Builder
	for _, f := range d.Errs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestParseErrors pins the position of each kind of file-level problem. The
// YAML library names a line only (and, for some errors, the wrong one);
// Parse corrects what it can and names the column where it can tell.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "f.yaml:1:1: file is empty: a test file"},
		{"blank", " \n\t\n", "f.yaml:1:1: file is empty: a test file"},
		{"comment only", "# c\n", "f.yaml:1:1: file has no content: a test file"},
		{"document marker only", "---\n# c\n", "f.yaml:1:1: file has no content: a test file"},
		{"null", "~\n", "f.yaml:1:1: file has no content: a test file"},
		{"not UTF-8", "a: b\nc: d\xff\n", "f.yaml:2:5: file is not valid UTF-8 text; save it as UTF-8"},
		{"UTF-16", "\xff\xfea\x00", "f.yaml:1:1: file is not valid UTF-8 text; save it as UTF-8"},
		{"control characters", "a: b\x01\nc: \x1bd\x7f\n",
			"f.yaml:1:5: file contains the control character U+0001; remove it\n" +
				"f.yaml:2:4: file contains the control character U+001B; remove it\n" +
				"f.yaml:2:6: file contains the control character U+007F; remove it"},
		{"C1 control", "a: é\u0085\n", "f.yaml:1:5: file contains the control character U+0085; remove it"},
		{"line separators", "a: b\u2028c\nd: \u2029\n",
			"f.yaml:1:5: file contains the line separator U+2028; use an ordinary line break\n" +
				"f.yaml:2:4: file contains the line separator U+2029; use an ordinary line break"},
		{"tab indentation", "a:\n\t- b\n", "f.yaml:2:1: YAML syntax: this line is indented with a tab, and YAML allows only spaces for indentation; use spaces (set your editor to insert spaces for the Tab key)"},
		{"tab after dash", "a:\n  -\tb\n  - c\nd:\n\t- e\n", "f.yaml:2:4: YAML syntax: a tab here is read as part of the layout, and YAML allows only spaces there; use spaces, or put the value in quotes"},
		{"tab in continuation", "a:\n  - b\n    c\n\t d\n", "f.yaml:4:1: YAML syntax: this line is indented with a tab, and YAML allows only spaces for indentation; use spaces (set your editor to insert spaces for the Tab key)"},
		{"unclosed quote", "a: b\nc: \"d\n", "f.yaml:2:4: YAML syntax: this quote \" is not closed on its line, so YAML reads on to the next \" in the file; end the value with \""},
		{"unclosed single quote", "a: b\nc:\n  - 'd\n", "f.yaml:3:5: YAML syntax: this quote ' is not closed on its line, so YAML reads on to the next ' in the file; end the value with '"},
		{"unclosed quote read on to the next", "a: \"b\nc: d\ne: \"f\"\ng: h\n", "f.yaml:1:4: YAML syntax: this quote \" is not closed on its line, so YAML reads on to the next \" in the file; end the value with \""},
		{"curly quotes", "a: b\ntitle: “Asthma: the basics”\n", "f.yaml:2:8: YAML syntax: the value starts with the curly quote “, which YAML does not read as quoting, so what is inside is read as YAML; use straight quotes \" or ' around the whole value"},
		// Parser errors: yaml.v3 numbers these lines from 0.
		{"unclosed bracket", "a: b\nc: [d, e\nf: g\n", "f.yaml:2:4: YAML syntax: did not find expected ',' or ']'"},
		{"unclosed brace", "a: b\nc: {d: e\n", "f.yaml:2:4: YAML syntax: did not find expected ',' or '}'"},
		{"bad indentation", "a:\n  - b\n - c\n", "f.yaml:3:2: YAML syntax: the `-` entry is indented less than the line above (1 space), so YAML cannot tell what it belongs to; line it up with the `-` entries above (2 spaces)"},
		{"dedented key in a list entry", "a:\n  - b: 1\n    c: 2\n  - b: 3\n  c: 4\n", "f.yaml:5:3: YAML syntax: `c:` is indented less than the line above (2 spaces), so YAML cannot tell what it belongs to; line it up with `b:` (4 spaces)"},
		{"wrapped plain value is not over-indented", "a: b\n  c\nd: e: f\n", "f.yaml:3:5: YAML syntax: the value of `d` holds \": \" after \"e\", which YAML reads as the start of another key; put the whole value in quotes: d: \"e: f\""},
		{"list after mapping", "a: b\n- c\n", "f.yaml:2:1: YAML syntax: did not find expected key"},
		{"bracket at end", "[", "f.yaml:1:1: YAML syntax: did not find expected node content"},
		{"mapping in value on a last line without a line break", "x: y\na: b: c", "f.yaml:2:5: YAML syntax: the value of `a` holds \": \" after \"b\", which YAML reads as the start of another key; put the whole value in quotes: a: \"b: c\""},
		{"mapping in value", "a: b: c\n", "f.yaml:1:5: YAML syntax: the value of `a` holds \": \" after \"b\", which YAML reads as the start of another key; put the whole value in quotes: a: \"b: c\""},
		{"colon in a title", "title: Terapia: ¿qué es?\n", "f.yaml:1:15: YAML syntax: the value of `title` holds \": \" after \"Terapia\", which YAML reads as the start of another key; put the whole value in quotes: title: \"Terapia: ¿qué es?\""},
		{"unknown escape", "a: b\nc: \"d \\q e\"\n", "f.yaml:2:7: YAML syntax: in double quotes a backslash starts one of YAML's escapes (\\\" \\\\ \\n …), and `\\q` is none; write `\\\\` for a backslash, or put the value in single quotes or none"},
		{"colon at the end of a value", "- q: Why:\n", "f.yaml:1:9: YAML syntax: the value of `q` ends in \":\" after \"Why\", which YAML reads as the start of another key; put the whole value in quotes: q: \"Why:\""},
		{"over-indented key", "a: b\n c: d\n", "f.yaml:2:2: YAML syntax: `c:` is indented more than the line above (1 space where `a:` has 0), so YAML reads it as part of the value above; line it up with `a:`"},
		{"reserved character", "a: b\nc: @d\n", "f.yaml:2:1: YAML syntax: found character that cannot start any token"},
		{"unknown anchor", "a: x\nb: y\nc: *b\n", "f.yaml:3:4: YAML syntax: `*b` is a YAML alias to an anchor `&b` that does not exist; if the `*` is part of the text, put the whole value in quotes"},
		{"asterisk meant as emphasis", "a:\n  - x\n  - *Take it with food.*\n", "f.yaml:3:5: YAML syntax: `*Take` is a YAML alias to an anchor `&Take` that does not exist; if the `*` is part of the text, put the whole value in quotes"},
		{"tag on a title", "a: b\ntitle: !Important changes to your care\n", "f.yaml:2:8: `!Important` here is a YAML tag, so it would not print; put the whole value in quotes (\"!Important ...\")"},
		{"tag and anchor on bullets", "a:\n  - !Stop taking aspirin\n  - &Note take it with food.\n",
			"f.yaml:2:5: `!Stop` here is a YAML tag, so it would not print; put the whole value in quotes (\"!Stop ...\")\n" +
				"f.yaml:3:5: `&Note` here is a YAML anchor that nothing uses, so it would not print; put the whole value in quotes (\"&Note ...\")"},
		{"aliases over the limit", "a: &x " + strings.Repeat("w", 1<<20) + "\nb: [*x, *x, *x, *x, *x, *x, *x, *x]\n",
			"f.yaml:2:5: the file's aliases (`*name`) repeat text to more than 8 MB, the most a file may hold; write the text out once"},
		{"nested aliases", "a: &a [" + strings.Repeat("lol,", 100) + "lol]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
			"f.yaml:2:8: the file's aliases (`*name`) repeat text to more than 8 MB, the most a file may hold; write the text out once"},
		{"second document", "a: b\n---\nc: d\n", "f.yaml:3:1: the file holds a second YAML document after a `---` line; put everything in one document"},
		{"lone CR line ends", "a: b\rc: [d\re: f\r", "f.yaml:2:4: YAML syntax: did not find expected ',' or ']'"},
	} {
		if got := strings.TrimSuffix(parseErrs(tc.src), "\n"); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestParseAccepts(t *testing.T) {
	for _, src := range []string{
		"a: b\n",
		"\ufeffa: b\n",         // a byte-order mark
		"a: b\r\nc: d\r\n",     // Windows line ends
		"---\na: b\n",          // an explicit document start
		"a: b\n---\n",          // an empty second document
		"a: b\n...\n",          // a document end marker
		"a: b\n--- # c\n",      // an empty second document with a comment
		"a: \"\\x07 é \\t\"\n", // escapes are not raw control characters
		"a:\tb\n",              // a tab as a separator, not indentation
		"a: \"b\tc\"\n",        // a tab inside quotes
		"a: !!str 12\n",        // a standard tag
		"a: ! 12\n",            // the non-specific tag
		"a: &x b\nc: *x\n",     // an anchor an alias uses
		"a: \"!Important\"\nb: '&Note'\nc: \"*x\"\n", // quoted, they are text
	} {
		d, root := Parse("f.yaml", []byte(src), "x")
		if root == nil || len(d.Errs) != 0 {
			t.Errorf("%q: %v", src, d.Errs)
		}
	}
}

func TestFields(t *testing.T) {
	src := "title: T\ntitel: U\ntitle: V\nauthor: A\n"
	d, root := Parse("f.yaml", []byte(src), "x")
	var got []string
	ok := d.Fields(root, "the file", []string{"title", "summary", "sections"}, []string{"title", "summary", "sections"}, func(k string, v *yaml.Node) {
		got = append(got, k+"="+v.Value)
	})
	if !ok || strings.Join(got, ",") != "title=T" {
		t.Errorf("fields %v", got)
	}
	want := []string{
		"f.yaml:2:1: unknown key `titel` in the file; did you mean `title`?",
		"f.yaml:3:1: key `title` appears twice in the file",
		"f.yaml:4:1: unknown key `author` in the file (known keys: title, summary, sections)",
		"f.yaml:1:1: the file is missing required key `summary`",
		"f.yaml:1:1: the file is missing required key `sections`",
	}
	if g := errLines(d.Errs); g != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", g, strings.Join(want, "\n"))
	}

	// A misspelt required key is reported once, as the misspelling.
	d, root = Parse("f.yaml", []byte("sumary: x\n"), "x")
	d.Fields(root, "the file", []string{"summary"}, []string{"summary"}, func(string, *yaml.Node) {})
	if g := errLines(d.Errs); g != "f.yaml:1:1: unknown key `sumary` in the file; did you mean `summary`?" {
		t.Errorf("got %s", g)
	}

	// Not a mapping.
	d, root = Parse("f.yaml", []byte("- a\n"), "x")
	if d.Fields(root, "the file", []string{"title"}, nil, func(string, *yaml.Node) {}) {
		t.Error("a list taken for a mapping")
	}
	if g := errLines(d.Errs); g != "f.yaml:1:1: the file must be a mapping of keys (like `title: ...`), not a list" {
		t.Errorf("got %s", g)
	}
}

func errLines(l diag.List) string {
	var s []string
	for _, f := range l {
		s = append(s, f.String())
	}
	return strings.Join(s, "\n")
}

func TestScalar(t *testing.T) {
	src := "a: \"  padded  \"\nb: 2026\nc: [x]\nd:\ne: \"\"\nf: \"x\\ay\"\ng: \"\\ufeffz\"\nh: &h \"v\"\ni: *h\nj: \"one\\ntwo\"\n"
	d, root := Parse("f.yaml", []byte(src), "x")
	vals := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		vals[root.Content[i].Value] = root.Content[i+1]
	}
	for _, tc := range []struct {
		key, want string
		trim      int
		ok        bool
	}{
		{"a", "padded", 2, true},
		{"b", "2026", 0, true}, // numbers are text as written
		{"c", "", 0, false},
		{"d", "", 0, false},
		{"e", "", 0, false},
		{"f", "x\ay", 0, false},
		{"g", "\ufeffz", 0, false},
		{"h", "v", 0, true},
		{"i", "v", 0, true},
		{"j", "one\ntwo", 0, true},
	} {
		s, trim, ok := d.Scalar(vals[tc.key], tc.key)
		if s != tc.want || trim != tc.trim || ok != tc.ok {
			t.Errorf("%s: %q, %d, %v", tc.key, s, trim, ok)
		}
	}
	want := []string{
		"f.yaml:3:4: c must be text, not a list",
		"f.yaml:4:3: d is empty",
		"f.yaml:5:4: e is empty",
		"f.yaml:6:6: f contains the control character U+0007; remove it", // at the backslash of \a
		"f.yaml:7:5: g contains the control character U+FEFF; remove it",
	}
	if g := errLines(d.Errs); g != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", g, strings.Join(want, "\n"))
	}
	if _, ok := d.OneLine(vals["j"], "j"); ok {
		t.Error("a two-line value passed OneLine")
	}
	if _, ok := d.List(vals["a"], "a"); ok {
		t.Error("a scalar passed List")
	}
	if _, ok := d.List(vals["d"], "d"); ok {
		t.Error("an empty value passed List")
	}
	if items, ok := d.List(vals["c"], "c"); !ok || len(items) != 1 {
		t.Error("List of [x]")
	}
}

// TestLocate: a character of a value is found where it was typed, in every
// YAML style, including characters written as escapes.
func TestLocate(t *testing.T) {
	src := strings.Join([]string{
		`plain: ab☃c ☃`,
		`single: 'it''s ☃'`,
		`double: "a\u2603 ☃ \x07"`,
		`literal: |  # ☃ in a comment`,
		`  one ☃`,
		`  two ☃`,
		`folded: >-`,
		`  one`,
		`  ☃ two`,
		`flow: [x, "☃"]`,
		`tagged: !!str "\u2603"`,
		`anchored: &a ☃`,
		`multi: one`,
		`  two ☃`,
		`after: ☃`,
		`alias: *a`,
	}, "\n") + "\n"
	d, root := Parse("f.yaml", []byte(src), "x")
	if root == nil {
		t.Fatal(d.Errs)
	}
	vals := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		vals[root.Content[i].Value] = root.Content[i+1]
	}
	vals["flow1"] = vals["flow"].Content[1]
	at := func(key string, nth int) string {
		n := vals[key]
		off := -1
		for k := 0; k <= nth; k++ {
			off += 1 + strings.IndexAny(n.Value[off+1:], "☃\a")
		}
		p := d.Locate(n, off)
		return p.String()
	}
	for _, tc := range []struct {
		key  string
		nth  int
		want string
	}{
		{"plain", 0, "f.yaml:1:10"},
		{"plain", 1, "f.yaml:1:13"},
		{"single", 0, "f.yaml:2:16"},
		{"double", 0, "f.yaml:3:11"}, // the \u2603 escape
		{"double", 1, "f.yaml:3:18"},
		{"double", 2, "f.yaml:3:20"}, // the \x07 escape
		{"literal", 0, "f.yaml:5:7"}, // not the one in the header's comment
		{"literal", 1, "f.yaml:6:7"},
		{"folded", 0, "f.yaml:9:3"},
		{"flow1", 0, "f.yaml:10:12"},
		{"tagged", 0, "f.yaml:11:16"},
		{"anchored", 0, "f.yaml:12:14"},
		{"multi", 0, "f.yaml:14:7"},
		{"after", 0, "f.yaml:15:8"},
	} {
		if got := at(tc.key, tc.nth); got != tc.want {
			t.Errorf("%s #%d at %s, want %s", tc.key, tc.nth, got, tc.want)
		}
	}
	// Out of range: the node's own position.
	if p := d.Locate(vals["plain"], 99); p != (diag.Pos{File: "f.yaml", Line: 1, Col: 8}) {
		t.Errorf("out of range: %v", p)
	}
}

func TestKindName(t *testing.T) {
	_, root := Parse("f.yaml", []byte("a: [x]\nb: {c: d}\ne:\nf: word\n"), "x")
	var got []string
	for i := 1; i < len(root.Content); i += 2 {
		got = append(got, KindName(root.Content[i]))
	}
	if strings.Join(got, "|") != `a list|a mapping|empty|the value "word"` {
		t.Errorf("%q", got)
	}
}

// TestForbiddenCharsCapped: a file full of control characters gets the
// first few, each at its place, and a count of the rest, in one pass.
func TestForbiddenCharsCapped(t *testing.T) {
	src := "a: b\r" + "c: " + strings.Repeat("\x01", 25) + "\u2028\n"
	d, _ := Parse("f.yaml", []byte(src), "x")
	if len(d.Errs) != maxFindings+2 {
		t.Fatalf("%d findings, want %d: %v", len(d.Errs), maxFindings+2, d.Errs)
	}
	for i := 0; i < maxFindings; i++ {
		if p := d.Errs[i].Pos; p.Line != 2 || p.Col != 4+i {
			t.Errorf("finding %d at %v, want 2:%d", i, p, 4+i)
		}
	}
	if got, want := d.Errs[maxFindings].String(), "f.yaml:2:29: file contains the line separator U+2028; use an ordinary line break"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if got, want := d.Errs[maxFindings+1].String(), "f.yaml:2:24: and 5 more control characters from here on; remove them"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

// TestForbiddenCharsLinear counts the work: positions are tracked while
// scanning, so the findings of a long line cost nothing per character
// beyond the scan, which a quadratic search from the line's start would.
// It compares the time for 8n with n in one run (growth.Linear).
func TestForbiddenCharsLinear(t *testing.T) {
	growth.Linear(t, 50_000, func(n int) {
		Parse("f.yaml", []byte("a: "+strings.Repeat("\x01", n)+"\n"), "x")
	})
}

// TestNFC: decomposed accents, as text pasted from macOS holds them, are
// read as composed characters, whether typed or written as escapes, and
// positions count the composed characters.
func TestNFC(t *testing.T) {
	src := "a: nai\u0308ve Cafe\u0301\nb: \"Cafe\\u0301 \\x01\"\n"
	d, root := Parse("f.yaml", []byte(src), "x")
	if root == nil {
		t.Fatal(d.Errs)
	}
	a, _, ok := d.Scalar(root.Content[1], "a")
	if !ok || a != "na\u00efve Caf\u00e9" {
		t.Errorf("a = %q (%v), want composed", a, ok)
	}
	b, _, _ := d.Scalar(root.Content[3], "b")
	if !strings.HasPrefix(b, "Caf\u00e9 ") {
		t.Errorf("b = %q, want composed", b)
	}
	d, _ = Parse("f.yaml", []byte("a: Cafe\u0301\x01\n"), "x")
	if got, want := d.Errs[0].Pos.Col, 8; got != want {
		t.Errorf("control character after a composed é at column %d, want %d", got, want)
	}
}

// The hints explain syntax errors; on a file YAML reads without error they
// must find nothing, or they would send a writer to fix a line that is fine.
func TestHintsQuietOnValidFiles(t *testing.T) {
	var files []string
	for _, g := range []string{"../../data/*.yaml", "../../data/brand/*.yaml", "../../testdata/*.yaml", "../format/testdata/*.yaml", "../../testdata/mistakes/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	checked := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var n yaml.Node
		if yaml.Unmarshal(src, &n) != nil {
			continue // a fixture of a syntax error
		}
		checked++
		d := &Doc{File: f, Src: src}
		d.index()
		if pos, msg, ok := d.indentHint(); ok {
			t.Errorf("%v: indent hint on a valid file: %s", pos, msg)
		}
		if pos, msg, ok := d.unclosedQuoteHint(len(d.lineStarts)); ok {
			t.Errorf("%v: quote hint on a valid file: %s", pos, msg)
		}
	}
	if checked < 10 {
		t.Errorf("only %d valid files checked", checked)
	}
}

// TestMarkupEscapesInDoubleQuotes: the markup's escape typed inside YAML's
// double quotes ("2\*3"), which YAML refuses as an escape of its own,
// reaches the text as typed, so the markup reads it; YAML's own escapes
// and backslashes in block and single-quoted text are left alone. A # inside
// a word (C#) starts no comment, so the quotes after it are read too.
func TestMarkupEscapesInDoubleQuotes(t *testing.T) {
	src := "a: \"2\\*3 and \\[x\\] and \\\"q\\\" and \\\\ end\"\n" +
		"b: ['1\\*2', \"3\\_4\"]\n" +
		"c: |\n  5\\*6 \"7\\*8\"\n" +
		"d: \"multi\n  line \\(y\\)\"\n" +
		"e: [C#, \"9\\*9\"] # a # inside a word is text\n"
	d, root := Parse("f.yaml", []byte(src), "")
	if root == nil || len(d.Errs) != 0 {
		t.Fatalf("errors: %v", d.Errs)
	}
	want := map[string]string{
		"a": `2\*3 and \[x\] and "q" and \ end`,
		"c": "5\\*6 \"7\\*8\"\n",
		"d": `multi line \(y\)`,
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		if k == "b" {
			if len(v.Content) != 2 || v.Content[0].Value != `1\*2` || v.Content[1].Value != `3\_4` {
				t.Errorf("b = %v", v.Content)
			}
			continue
		}
		if k == "e" {
			if len(v.Content) != 2 || v.Content[0].Value != "C#" || v.Content[1].Value != `9\*9` {
				t.Errorf("e = %v", v.Content)
			}
			continue
		}
		if v.Value != want[k] {
			t.Errorf("%s = %q, want %q", k, v.Value, want[k])
		}
	}
}

// TestTooManyKeys: a file past MaxKeys lines of keys and list entries is
// refused from a count of its lines, at the first line past the limit,
// before YAML reads it; one at the limit is read.
func TestTooManyKeys(t *testing.T) {
	at := "a:\n" + strings.Repeat("  - x\n", MaxKeys-1)
	if d, root := Parse("f.yaml", []byte(at), "x"); root == nil {
		t.Fatalf("a file at the limit: %v", d.Errs)
	}
	over := at + "b: 1\nc: 2\n"
	d, root := Parse("f.yaml", []byte(over), "x")
	want := fmt.Sprintf("f.yaml:%d:1: the file has %d lines of keys and list entries, more than the %d a file may have", MaxKeys+1, MaxKeys+2, MaxKeys)
	if root != nil || len(d.Errs) != 1 || !strings.HasPrefix(d.Errs[0].String(), want) {
		t.Errorf("got %v, want %s…", d.Errs, want)
	}
}

// mayHoldForbidden, the byte scan that lets most files skip decoding,
// says yes exactly when decoding the runes finds a character
// forbiddenChars reports: on every string of up to four bytes from the
// bytes that begin, continue or imitate those characters, invalid UTF-8
// included.
func TestMayHoldForbiddenIsTheRuneScan(t *testing.T) {
	forbidden := func(src []byte) bool {
		for _, r := range string(src) {
			switch {
			case r == '\t' || r == '\n' || r == '\r':
			case r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0xfffe || r == 0xffff || r == 0x2028 || r == 0x2029:
				return true
			}
		}
		return false
	}
	alphabet := []byte{0x00, '\t', '\n', '\r', 0x1f, ' ', 'a', 0x7e, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xa8, 0xa9, 0xbe, 0xbf, 0xc2, 0xe2, 0xef, 0xf0}
	var grow func(b []byte, n int)
	grow = func(b []byte, n int) {
		if got, want := mayHoldForbidden(b), forbidden(b); got != want {
			t.Errorf("mayHoldForbidden(% x) = %v, decoding says %v", b, got, want)
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(append(b, c), n-1)
		}
	}
	grow(nil, 4)
	for _, s := range []string{"Stay calm “here” — 5 µg, café\n", "a\u0085b", "x\u2028", "\ufeffkey: v\r\n", "\uffff", "\ufffe", "\u00a0"} {
		if got, want := mayHoldForbidden([]byte(s)), forbidden([]byte(s)); got != want {
			t.Errorf("mayHoldForbidden(%q) = %v, decoding says %v", s, got, want)
		}
	}
}
