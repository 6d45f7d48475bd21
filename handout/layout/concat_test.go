package layout

import (
	"fmt"
	"testing"
)

// A packet joins handouts as one document: each handout's outline sits
// under its title, and a handout in another language than the first is
// marked with its own, so that a screen reader switches voice.
func TestConcat(t *testing.T) {
	doc := func(title, lang string) *Document {
		tree := NewTree()
		h := tree.Add(Heading1, 0)
		p := tree.Add(Paragraph, 0)
		return &Document{Width: 612, Height: 792, Tree: tree, Meta: Meta{Title: title, Lang: lang},
			Pages: []Page{{Ops: []Op{
				{Kind: BookmarkOp, Text: title + " section", Level: 0},
				{Kind: TextOp, Text: title + " section", Struct: h},
				{Kind: TextOp, Text: "text", Struct: p},
			}}}}
	}
	out, err := Concat([]*Document{doc("Asthma", "en"), doc("Asma", "es")})
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, p := range out.Pages {
		for _, op := range p.Ops {
			if op.Kind == BookmarkOp {
				marks = append(marks, string(rune('0'+op.Level))+" "+op.Text)
			}
		}
	}
	if got, want := fmt.Sprint(marks), "[0 Asthma 1 Asthma section 0 Asma 1 Asma section]"; got != want {
		t.Errorf("outline %s, want %s", got, want)
	}
	langs := map[string]string{}
	for _, p := range out.Pages {
		for _, op := range p.Ops {
			if op.Kind == TextOp {
				langs[op.Text] = out.Tree.Structs[op.Struct].Lang
			}
		}
	}
	if langs["Asma section"] != "es" || langs["Asthma section"] != "" {
		t.Errorf("languages of the packet's elements %v: the Spanish handout's top-level elements want es, the first handout's none (the document's)", langs)
	}
}
