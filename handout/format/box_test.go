package format

import (
	"fmt"
	"strings"
	"testing"

	"handouts/handout/content"
	"handouts/handout/layout"
)

// A box too long for a page splits, but never leaves a sliver: wherever it
// starts on a page, the piece that opens it holds its title and at least
// two lines, and the piece that closes it at least two lines. The lead-in
// paragraph's length moves the box's start down the page line by line.
func TestLongBoxOpensWithTitleAndTwoLines(t *testing.T) {
	para := strings.TrimSpace(strings.Repeat("Call us if anything changes in how you feel, day or night. ", 60))
	step := 1
	if raceDetector {
		step = 5
	}
	for lead := 1; lead <= 40; lead += step {
		intro := strings.TrimSpace(strings.Repeat("This line leads in to the box below it. ", lead))
		src := fmt.Sprintf("title: Box\nsummary: [a, b]\nsections:\n  - heading: Before\n    body: %s\n  - heading: When to get help\n    style: callout\n    body: |\n      %s\n\n      %s\n\n      %s\n", intro, para, para, para)
		h, errs := content.Decode("box.yaml", []byte(src))
		if errs.HasErrors() {
			t.Fatal(errs)
		}
		doc, err := Compose(Guide, h, noBrand(t), labelsFor(h), Options{Paper: Letter})
		if err != nil {
			t.Fatal(err)
		}
		th := NewTheme(noBrand(t), labelsFor(h), Options{Paper: Letter}, 0)
		for i, p := range doc.Pages {
			for _, box := range p.Ops {
				if box.Kind != layout.RectOp || box.Fill == nil || *box.Fill != th.CallFill {
					continue
				}
				lines, opening := map[float64]bool{}, false
				for _, op := range p.Ops {
					if op.Kind == layout.TextOp && op.Artifact == layout.NotArtifact && inRect(op, box) {
						lines[op.Y] = true
						opening = opening || op.Text == "When to get help"
					}
				}
				if want := 2; len(lines) < want || opening && len(lines) < want+1 {
					t.Errorf("lead-in of %d sentences: page %d holds a piece of the box with %d lines (opening: %v)", lead, i+1, len(lines), opening)
				}
			}
		}
	}
}
