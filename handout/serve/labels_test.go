package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout"
)

// The front desk prints the brand's own labels in the handout's language,
// the patient's block included.
func TestBrandLabels(t *testing.T) {
	brandFile := filepath.Join(t.TempDir(), "brand.yaml")
	if err := os.WriteFile(brandFile, []byte("name: Clínica\nlabels:\n  es:\n    short_version: Lo más importante\n    patient: Paciente\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, errs := handout.ResolveBrand(nil, nil, brandFile)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	f := newFixture(t, Config{Brand: b})
	rec := f.api(`{"handouts": ["terapia"], "patient": "` + patient + `", "next_visit": "2026-12-06"}`)
	wantStatus(t, rec, 200)
	text := pdfText(t, rec.Body.Bytes())
	for _, want := range []string{"Lo más importante", "Paciente: " + patient, "Próxima cita: 6 de diciembre de 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "En resumen") {
		t.Error("the tool's label printed over the brand's")
	}
	// An English handout keeps the tool's labels.
	rec = f.api(`{"handouts": ["group-therapy"], "patient": "` + patient + `"}`)
	wantStatus(t, rec, 200)
	if text := pdfText(t, rec.Body.Bytes()); !strings.Contains(text, "The short version") || !strings.Contains(text, "For: "+patient) {
		t.Errorf("English PDF:\n%s", text)
	}
}
