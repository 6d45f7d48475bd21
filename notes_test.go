package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestCheckNotes: a plain-language suggestion is a note: printed as
// "file:line:col: note: …" after the warnings, counted on its own, carried
// by --json, and never a reason for --strict to fail.
func TestCheckNotes(t *testing.T) {
	t.Parallel()
	const file = "testdata/notes/utilize.yaml"
	r := runCLI(t, nil, "check", "--strict", file)
	if r.code != 0 {
		t.Errorf("--strict with only notes: exit %d, want 0\n%s", r.code, r)
	}
	if !strings.Contains(r.stderr, file+`:8:35: note: plain language: "Utilize" → "Use"`) {
		t.Errorf("no note line on stderr:\n%s", r)
	}
	// The word, and the PEMAT-P items every file gets.
	if !strings.Contains(r.stderr, file+":1:8: note: PEMAT-P items a program can check: ") {
		t.Errorf("no PEMAT-P note on stderr:\n%s", r)
	}
	if !strings.HasSuffix(r.stdout, ": 0 errors, 0 warnings, 2 notes\n") {
		t.Errorf("stdout: %q", r.stdout)
	}
	if r := runCLI(t, nil, "check", "-q", file); strings.Contains(r.stderr, "note") {
		t.Errorf("-q printed a note:\n%s", r)
	}
	r = runCLI(t, nil, "check", "--json", file)
	var got checkJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if got.Notes != 2 || got.Warnings != 0 || len(got.Findings) != 2 {
		t.Fatalf("--json: %+v", got)
	}
	for _, f := range got.Findings {
		if f.Severity != "note" {
			t.Errorf("--json finding %+v is not a note", f)
		}
	}
	if f := got.Findings[1]; *f.Pos.Line != 8 || *f.Pos.Column != 35 || !strings.Contains(f.Message, `"Utilize" → "Use"`) {
		t.Errorf("--json: %+v", f)
	}
	// With a warning too, the note comes after it.
	r = runCLI(t, nil, "check", file, "testdata/minimal.yaml", seed)
	if w, n := strings.Index(r.stderr, ": warning: "), strings.Index(r.stderr, ": note: "); w < 0 || n < 0 || n < w {
		t.Errorf("notes do not follow the warnings:\n%s", r.stderr)
	}
}

// TestCheckSpanishStrict: a plain Spanish handout passes `check --strict`
// (scored with English formulas, every Spanish handout used to fail), and
// a technical one fails it on INFLESZ.
func TestCheckSpanishStrict(t *testing.T) {
	t.Parallel()
	if r := runCLI(t, nil, "check", "--strict", "handout/check/testdata/spanish-plain.yaml"); r.code != 0 || strings.Contains(r.stderr, "warning") {
		t.Errorf("plain Spanish: exit %d\n%s", r.code, r)
	}
	r := runCLI(t, nil, "check", "--strict", "handout/check/testdata/spanish-hard.yaml")
	if r.code != 1 || !strings.Contains(r.stderr, `reads at INFLESZ`) || strings.Contains(r.stderr, "SMOG") {
		t.Errorf("technical Spanish: exit %d\n%s", r.code, r)
	}
}
