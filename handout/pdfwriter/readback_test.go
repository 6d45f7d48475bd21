package pdfwriter

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"handouts/handout/brand"
	"handouts/handout/colour"
	handout "handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/fontset"
	"handouts/handout/format"
	"handouts/handout/internal/pdfcheck"
	"handouts/handout/labels"
	"handouts/handout/layout"
	"handouts/internal/tooltest"
)

// The read-back check: every golden layout of format's tests is written,
// its content streams are read back by pdfcheck (through qpdf, not this
// writer), and what the file paints must be what the layout placed, line
// for line in the golden dump's format: the font and size each line is
// set in (a size-only change still needs its Tf), the colour it is painted
// with (a colour is not a grey), where each rectangle, rule, image and
// link sits, and the text through the fonts' Unicode maps. The structure
// role is compared as the tag the writer gives it.

// readbackCase is one of format's golden cases (format/format_test.go):
// the handout, the brand, the paper and print, and its formats.
type readbackCase struct {
	name  string
	file  string
	brand string // "" for none
	opt   format.Options
	kinds []format.Kind
}

const (
	seedYAML  = "../../data/group-therapy.yaml"
	brandYAML = "../../data/brand/brand.yaml"
	cedarYAML = "../../testdata/brand/cedar-hollow/brand.yaml"
)

var readbackCases = []readbackCase{
	{"seed", seedYAML, brandYAML, format.Options{Paper: format.Letter}, format.Kinds},
	{"seed-nobrand", seedYAML, "", format.Options{Paper: format.Letter}, format.Kinds},
	{"seed-a4", seedYAML, brandYAML, format.Options{Paper: format.A4}, format.Kinds},
	{"seed-large", seedYAML, brandYAML, format.Options{Paper: format.Letter, LargePrint: true}, format.Kinds},
	{"minimal", "../format/testdata/minimal.yaml", brandYAML, format.Options{Paper: format.Letter}, []format.Kind{format.Guide, format.Summary}},
	{"callout", "../format/testdata/callout.yaml", brandYAML, format.Options{Paper: format.Letter}, format.Kinds},
	{"steps", "../format/testdata/steps.yaml", brandYAML, format.Options{Paper: format.Letter}, []format.Kind{format.Guide}},
	{"long-summary", "../format/testdata/long-summary.yaml", brandYAML, format.Options{Paper: format.Letter}, []format.Kind{format.Summary}},
	{"furniture-name-only", "../format/testdata/minimal.yaml", "../../testdata/brand/name-only.yaml", format.Options{Paper: format.Letter}, []format.Kind{format.Guide, format.Summary}},
	{"furniture-cedar-es", "../../testdata/asma.yaml", cedarYAML, format.Options{Paper: format.A4}, []format.Kind{format.Summary, format.FAQ}},
	{"furniture-cedar-es-large", "../../testdata/asma.yaml", cedarYAML, format.Options{Paper: format.Letter, LargePrint: true}, []format.Kind{format.Summary}},
}

func readbackBrand(t *testing.T, file string) *brand.Brand {
	t.Helper()
	var settings brand.Settings
	if file != "" {
		var errs diag.List
		settings, errs = brand.LoadFile(file)
		if errs.HasErrors() {
			t.Fatalf("%s: %v", file, errs)
		}
	}
	b, errs := brand.Resolve(nil, settings)
	if errs.HasErrors() {
		t.Fatalf("%s: %v", file, errs)
	}
	return b
}

// Every golden of format's is read back: a fixture added there and not
// here is an error.
func TestReadbackCoversEveryGolden(t *testing.T) {
	files, err := filepath.Glob("../format/testdata/*.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no goldens: %v", err)
	}
	var have []string
	for _, c := range readbackCases {
		for _, k := range c.kinds {
			have = append(have, c.name+"."+string(k)+".golden")
		}
	}
	for _, f := range files {
		if !slices.Contains(have, filepath.Base(f)) {
			t.Errorf("%s is not read back: add its case to readbackCases", f)
		}
	}
}

func TestReadbackEqualsLayout(t *testing.T) {
	tooltest.Require(t, "qpdf")
	subsets := &Subsets{}
	for _, c := range readbackCases {
		src, err := os.ReadFile(c.file)
		if err != nil {
			t.Fatal(err)
		}
		h, errs := handout.Decode(c.file, src)
		if errs.HasErrors() {
			t.Fatalf("%s: %v", c.file, errs)
		}
		b := readbackBrand(t, c.brand)
		lab, _ := labels.For(h.Language)
		for _, k := range c.kinds {
			name := c.name + "." + string(k)
			t.Run(name, func(t *testing.T) {
				doc, err := format.Compose(k, h, b, lab, c.opt)
				if err != nil {
					t.Fatal(err)
				}
				pdf, err := Bytes(&doc.Document, Options{Subsets: subsets})
				if err != nil {
					t.Fatal(err)
				}
				r, err := pdfcheck.Check(pdf)
				if err != nil {
					t.Fatal(err)
				}
				compareReadback(t, name, &doc.Document, r)
			})
		}
	}
}

// compareReadback holds r's drawing to doc's layout, page by page.
func compareReadback(t *testing.T, name string, doc *layout.Document, r *pdfcheck.Report) {
	t.Helper()
	want, got := layoutDump(doc), readbackDump(r)
	if want == got || sameDump(want, got) {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !sameLine(w, g) {
			t.Errorf("%s: the PDF read back differs from the layout at line %d:\nlayout: %s\nPDF:    %s", name, i+1, w, g)
			return
		}
	}
}

func sameDump(a, b string) bool {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		return false
	}
	for i := range al {
		if !sameLine(al[i], bl[i]) {
			return false
		}
	}
	return true
}

// The two sides are printed alike: layout.Dump's lines, with the tag in
// place of the role, and a text's colour.
func dumpText(x, y, w float64, tag string, style int, size float64, text, fill string) string {
	return fmt.Sprintf("  text  %7.2f %7.2f w=%.2f %-8s f%d %.2fpt %q %s", x, y, w, tag, style, size, strings.TrimRight(text, " "), fill)
}

func dumpShape(kind string, x, y, w, h float64, tag, paint string) string {
	return fmt.Sprintf("  %-5s %7.2f %7.2f w=%.2f h=%.2f %-8s %s", kind, x, y, w, h, tag, paint)
}

func dumpLink(x, y, w, h float64, uri string) string {
	return fmt.Sprintf("  link  %7.2f %7.2f w=%.2f h=%.2f %s", x, y, w, h, uri)
}

func fillHex(c *colour.Color) string {
	if c == nil {
		return "-"
	}
	return c.String()
}

// layoutDump is what doc's pages should paint: the ops that put marks on
// the page (the writer skips an empty text or an unpainted shape), a QR
// code's dark squares counted, links after the page's drawing.
func layoutDump(doc *layout.Document) string {
	tree := doc.Tree
	if tree == nil {
		tree = layout.NewTree()
	}
	types := headingLevels(tree)
	var b strings.Builder
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "page %d/%d\n", i+1, len(doc.Pages))
		var links []string
		modules := 0
		for _, op := range p.Ops {
			if op.Kind == layout.LinkOp {
				links = append(links, dumpLink(op.X, op.Y, op.W, op.H, op.URL))
			}
			if !paints(op) {
				continue
			}
			tag := "Artifact"
			if op.Struct > 0 && op.Struct < len(types) {
				tag = types[op.Struct]
			}
			if op.Kind == layout.RectOp && tag == "Figure" && op.Fill != nil && *op.Fill == (colour.Color{}) && op.Stroke == nil {
				modules++
				continue
			}
			if modules > 0 {
				fmt.Fprintf(&b, "  (%d dark module runs)\n", modules)
				modules = 0
			}
			switch op.Kind {
			case layout.TextOp:
				// The width is the text's whole advance as layout measures it
				// (op.W leaves out a line's trailing space).
				w := doc.Fonts.Width(op.Text, op.Font, op.Size)
				b.WriteString(dumpText(op.X, op.Y, w, tag, int(op.Font), op.Size, op.Text, op.Color.String()))
			case layout.RectOp:
				paint := "fill=" + fillHex(op.Fill)
				if op.Stroke != nil {
					paint += " stroke=" + op.Stroke.String()
				}
				b.WriteString(dumpShape("rect", op.X, op.Y, op.W, op.H, tag, paint))
			case layout.LineOp:
				b.WriteString(dumpShape("line", op.X, op.Y, op.W, op.H, tag, "stroke="+op.Stroke.String()))
			case layout.ImageOp:
				b.WriteString(dumpShape("image", op.X, op.Y, op.W, op.H, tag, ""))
			}
			b.WriteByte('\n')
		}
		if modules > 0 {
			fmt.Fprintf(&b, "  (%d dark module runs)\n", modules)
		}
		for _, l := range links {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// readbackDump prints what r read back from the file in the same form.
func readbackDump(r *pdfcheck.Report) string {
	var b strings.Builder
	for i, p := range r.Drawing {
		fmt.Fprintf(&b, "page %d/%d\n", i+1, len(r.Drawing))
		modules := 0
		for _, d := range p.Ops {
			if d.Kind == "rect" && d.Tag == "Figure" && d.Fill == "#000000" && d.Stroke == "" {
				modules++
				continue
			}
			if modules > 0 {
				fmt.Fprintf(&b, "  (%d dark module runs)\n", modules)
				modules = 0
			}
			switch d.Kind {
			case "text":
				b.WriteString(dumpText(d.X, d.Y, d.Advance, d.Tag, pdfcheck.Style(d.Font), d.Size, d.Text, d.Fill))
			case "rect":
				paint := "fill=-"
				if d.Fill != "" {
					paint = "fill=" + d.Fill
				}
				if d.Stroke != "" {
					paint += " stroke=" + d.Stroke
				}
				if d.Folded {
					paint += " (its outline folds back on itself)"
				}
				b.WriteString(dumpShape("rect", d.X, d.Y, d.W, d.H, d.Tag, paint))
			case "line":
				b.WriteString(dumpShape("line", d.X, d.Y, d.W, d.H, d.Tag, "stroke="+d.Stroke))
			case "image":
				b.WriteString(dumpShape("image", d.X, d.Y, d.W, d.H, d.Tag, ""))
			}
			b.WriteByte('\n')
		}
		if modules > 0 {
			fmt.Fprintf(&b, "  (%d dark module runs)\n", modules)
		}
		for _, l := range p.Links {
			b.WriteString(dumpLink(l.X, l.Y, l.W, l.H, l.URI) + "\n")
		}
	}
	return b.String()
}

var number = regexp.MustCompile(`(w=)?-?[0-9]+\.[0-9]+`)

// sameLine compares two dump lines, their numbers within 0.02 pt: the
// writer rounds positions to 0.01 pt. A text's width may differ by 0.05 %
// more, as the writer rounds its size to 0.01 pt.
func sameLine(a, b string) bool {
	if number.ReplaceAllString(a, "#") != number.ReplaceAllString(b, "#") {
		return false
	}
	na, nb := number.FindAllString(a, -1), number.FindAllString(b, -1)
	for i := range na {
		x, _ := strconv.ParseFloat(strings.TrimPrefix(na[i], "w="), 64)
		y, _ := strconv.ParseFloat(strings.TrimPrefix(nb[i], "w="), 64)
		tol := 0.02
		if strings.HasPrefix(na[i], "w=") && strings.Contains(a, " text ") {
			tol += 0.0005 * math.Abs(x)
		}
		if math.Abs(x-y) > tol {
			return false
		}
	}
	return true
}

// The drawing state the writer keeps between ops, read back on cases the
// goldens do not reach: a size-only change (the same face and colour,
// a new Tf all the same), colours whose red equals their green but not
// their blue (not a grey), rounded boxes narrower and shorter than two
// radii (the radius clamped, the outline never folding back), and a
// stroked box after a filled one.
func TestReadbackDrawingState(t *testing.T) {
	tooltest.Require(t, "qpdf")
	olive := colour.Color{R: 0x80, G: 0x80, B: 0x20}
	pink := colour.Color{R: 0xF0, G: 0x30, B: 0x30} // G = B, not R
	grey := colour.Color{R: 0x77, G: 0x77, B: 0x77}
	txt := func(s string, y, size float64, c colour.Color) layout.Op {
		return layout.Op{Kind: layout.TextOp, X: 72, Y: y, Text: s, Font: fontset.Regular, Size: size, Color: c, Struct: 1}
	}
	d := doc(
		txt("Twelve and a half", 100, 12.5, grey),
		txt("Thirteen and a half", 120, 13.5, grey),
		txt("Olive words", 140, 13.5, olive),
		layout.Op{Kind: layout.RectOp, X: 72, Y: 200, W: 200, H: 4, Fill: &olive, Radius: 3, Artifact: layout.Decoration},
		layout.Op{Kind: layout.RectOp, X: 72, Y: 220, W: 5, H: 60, Fill: &pink, Radius: 3, Artifact: layout.Decoration},
		layout.Op{Kind: layout.RectOp, X: 100, Y: 220, W: 100, H: 60, Stroke: &pink, LineWidth: 1, Radius: 3, Artifact: layout.Decoration},
		layout.Op{Kind: layout.LineOp, X: 72, Y: 300, W: 300, Stroke: &olive, LineWidth: 0.5, Artifact: layout.Decoration},
	)
	var buf bytes.Buffer
	if err := Write(&buf, d, Options{}); err != nil {
		t.Fatal(err)
	}
	r, err := pdfcheck.Check(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	compareReadback(t, "drawing state", d, r)
}
