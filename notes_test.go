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
	if !strings.HasSuffix(r.stdout, ": 0 errors, 0 warnings, 1 note\n") {
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
	if got.Notes != 1 || got.Warnings != 0 || len(got.Findings) != 1 || got.Findings[0].Severity != "note" ||
		*got.Findings[0].Pos.Line != 8 || *got.Findings[0].Pos.Column != 35 {
		t.Errorf("--json: %+v", got)
	}
	// With a warning too, the note comes after it.
	r = runCLI(t, nil, "check", file, "testdata/minimal.yaml", seed)
	if w, n := strings.Index(r.stderr, ": warning: "), strings.Index(r.stderr, ": note: "); w < 0 || n < 0 || n < w {
		t.Errorf("notes do not follow the warnings:\n%s", r.stderr)
	}
}
