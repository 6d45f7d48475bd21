package format

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/layout"
	"time"
)

// What a guide prints once (the brand's note, or the review date, when the
// footer has no room for them on every page) never costs a sheet by itself:
// when closing the guide with it, set off from the references, would, the
// last page's footer carries it. Two guides whose last page was full: each
// takes no more pages than without the note or date, prints it once, read
// as small print, and on the last page below the content (in the footer).
func TestOnceNoteCostsNoSheet(t *testing.T) {
	cedar := brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")(t)
	noNote := brandFrom("../../testdata/brand/cedar-hollow/brand.yaml")(t)
	noNote.Footer = brand.Localized{}
	for _, c := range []struct {
		file    string
		b, bare *brand.Brand
		paper   Paper
		undated bool // the date is what prints once
		printed string
	}{
		{"../../testdata/asma.yaml", cedar, noNote, Letter, false, "Solo educación"},
		{"../../testdata/diabetes-es.yaml", exampleBrand(t), exampleBrand(t), A4, true, "Revisado"},
	} {
		h := loadHandout(t, c.file)
		name := fmt.Sprintf("%s/%s", filepath.Base(c.file), c.paper.Name)
		opt := Options{Paper: c.paper}
		doc, err := Compose(Guide, h, c.b, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		hr := *h
		if c.undated {
			hr.Reviewed = time.Time{}
		}
		ref, err := Compose(Guide, &hr, c.bare, labelsFor(h), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Pages) > len(ref.Pages) {
			t.Errorf("%s: %d pages, %d without what prints once", name, len(doc.Pages), len(ref.Pages))
		}
		th := NewTheme(c.b, labelsFor(h), opt, 0)
		bottom := newFurniture(th, h.Title.Raw, "", furnitureRunning).spec().Bottom
		printed := 0
		for i, p := range doc.Pages {
			for _, op := range p.Ops {
				if op.Kind != layout.TextOp || !strings.Contains(op.Text, c.printed) {
					continue
				}
				printed++
				if role(doc, op) != layout.SmallPrint {
					t.Errorf("%s: %q is not read as small print", name, op.Text)
				}
				if i != len(doc.Pages)-1 || op.Y < bottom {
					t.Errorf("%s: %q is on page %d of %d at %.0f pt, want the last page's footer (below %.0f pt)", name, op.Text, i+1, len(doc.Pages), op.Y, bottom)
				}
			}
		}
		if printed != 1 {
			t.Errorf("%s: %q printed %d times, want once", name, c.printed, printed)
		}
	}
}
