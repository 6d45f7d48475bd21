package picture

import "testing"

// A browser is told the logo's true type: a JPEG served as PNG shows as
// a broken image in some browsers.
func TestFormatNames(t *testing.T) {
	for f, want := range map[Format][2]string{PNG: {"PNG", "image/png"}, JPEG: {"JPEG", "image/jpeg"}} {
		if got := [2]string{f.String(), f.MIMEType()}; got != want {
			t.Errorf("%d: %q, want %q", f, got, want)
		}
	}
	if got := Format(0).String(); got != "image?" {
		t.Errorf("the zero format is %q", got)
	}
}
