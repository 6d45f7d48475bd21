package handout

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"handouts/handout/brand"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/internal/pdfcheck"
	"handouts/internal/tooltest"
)

// Large print is all large: every piece of text the written PDF shows, read
// back from its content streams (running header, footer, page numbers, the
// band's name and tagline, the contact strip and the clinic's note, a
// box's "continued" label, the references), is set at 16 pt or more, with
// every brand, in every format, on both papers and in Spanish.
func TestLargePrintReadBack(t *testing.T) {
	tooltest.Require(t, "qpdf")
	brands := map[string]*brand.Brand{"none": brandFrom(t, brand.Settings{})}
	for name, file := range map[string]string{"example": "../data/brand/brand.yaml", "cedar-hollow": "../testdata/brand/cedar-hollow/brand.yaml"} {
		s, errs := brand.LoadFile(file)
		if errs.HasErrors() {
			t.Fatal(errs)
		}
		brands[name] = brandFrom(t, s)
	}
	for bn, br := range brands {
		for _, file := range []string{seedFile, "../testdata/diabetes-es.yaml"} {
			for _, paper := range []format.Paper{format.Letter, format.A4} {
				opt := format.Options{Paper: paper, LargePrint: true}
				h, errs := Load(file, br, opt, time.Now())
				if errs.HasErrors() {
					t.Fatal(errs.Errors())
				}
				for _, kind := range format.Kinds {
					name := fmt.Sprintf("%s/%s/%s/%s", bn, file, paper.Name, kind)
					var buf bytes.Buffer
					if _, err := Render(&buf, []*content.Handout{h}, RenderSpec{Kind: kind, Options: opt, Brand: br, Version: "test"}); err != nil {
						t.Fatal(name, err)
					}
					r, err := pdfcheck.Check(buf.Bytes())
					if err != nil {
						t.Fatal(name, err)
					}
					n := 0
					for i, p := range r.Drawing {
						for _, d := range p.Ops {
							if d.Kind != "text" || strings.TrimSpace(d.Text) == "" {
								continue
							}
							n++
							if d.Size < 16-1e-6 {
								t.Errorf("%s page %d: %q (%s) at %.2f pt, want 16 or more", name, i+1, d.Text, d.Tag, d.Size)
							}
						}
					}
					if n == 0 {
						t.Errorf("%s: no text read back", name)
					}
				}
			}
		}
	}
}
