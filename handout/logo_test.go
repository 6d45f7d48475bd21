package handout

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"handouts/handout/brand"
	"handouts/internal/imagetest"
)

// A large 16-bit logo with transparency is decoded once for the build,
// scaled to print size, and every PDF embeds the same image: the same
// stream, at 300 dpi for an inch-tall logo, with its alpha as a soft mask.
// (It was decoded again for every PDF and embedded at full size.)
func TestLogoEmbeddedOnceAtPrintSize(t *testing.T) {
	t.Parallel()
	data := imagetest.PNG(imagetest.Spec{W: 800, H: 400, ColorType: imagetest.RGBA, Depth: 16, Pixel: func(x, y int) []byte {
		return []byte{byte(x), 0, byte(y), 0, 0x40, 0, byte(x / 4), 0xFF}
	}})
	path := filepath.Join(t.TempDir(), "logo.png")
	os.WriteFile(path, data, 0o644)
	b, errs := brand.Resolve(nil, brand.Settings{brand.Clinic: {Text: "Clinic"}, brand.LogoPath: {Text: path}})
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	if b.Logo.Width != 600 || b.Logo.Height != 300 {
		t.Fatalf("logo %d×%d, want 600×300", b.Logo.Width, b.Logo.Height)
	}
	in := t.TempDir()
	src := mustRead(t, seedFile)
	for _, name := range []string{"a.yaml", "b.yaml"} {
		os.WriteFile(filepath.Join(in, name), src, 0o644)
	}
	out := t.TempDir()
	rep, err := Build(context.Background(), Config{Inputs: []string{in}, OutDir: out, Options: letter, Brand: b, Jobs: 2})
	if err != nil || len(rep.Failed) != 0 {
		t.Fatalf("%v %+v", err, rep.Failed)
	}
	image := regexp.MustCompile(`(?s)/Subtype /Image\n/Width (\d+)\n/Height (\d+)\n/ColorSpace /DeviceRGB.*?/SMask.*?stream\n(.*?)endstream`)
	var first []byte
	for _, o := range rep.Written {
		pdf := mustRead(t, o.Path)
		m := image.FindAllSubmatch(pdf, -1)
		if len(m) != 1 {
			t.Fatalf("%s: %d colour images with a soft mask, want 1", o.Path, len(m))
		}
		if string(m[0][1]) != "600" || string(m[0][2]) != "300" {
			t.Errorf("%s: image %s×%s, want 600×300", o.Path, m[0][1], m[0][2])
		}
		if first == nil {
			first = m[0][3]
		} else if !bytes.Equal(first, m[0][3]) {
			t.Errorf("%s: the logo's bytes differ from the first PDF's", o.Path)
		}
	}
}
