package brand

import (
	"bytes"
	"encoding/binary"
	"handouts/internal/imagetest"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handouts/fonts"
	"handouts/handout/colour"
	"handouts/handout/diag"
	"handouts/handout/picture"
)

func TestEnvVar(t *testing.T) {
	for f, want := range map[Field]string{Clinic: "HANDOUTS_CLINIC", Primary: "HANDOUTS_PRIMARY_COLOR", FontDir: "HANDOUTS_FONT_DIR", LogoPath: "HANDOUTS_LOGO"} {
		if got := f.EnvVar(); got != want {
			t.Errorf("%s.EnvVar() = %s", f, got)
		}
	}
}

func TestMergePrecedence(t *testing.T) {
	layer := func(name string) Settings {
		s := Settings{}
		for _, f := range Fields {
			s[f] = Value{Text: name + ":" + string(f)}
		}
		return s
	}
	flags, env, file := layer("flag"), layer("env"), layer("file")
	for _, f := range Fields {
		for _, tc := range []struct {
			layers []Settings
			want   string
		}{
			{[]Settings{flags, env, file}, "flag"},
			{[]Settings{{}, env, file}, "env"},
			{[]Settings{nil, nil, file}, "file"},
			{[]Settings{flags, nil, nil}, "flag"},
			{[]Settings{{}, env, nil}, "env"},
		} {
			got, ok := Merge(tc.layers...)[f]
			if !ok || got.Text != tc.want+":"+string(f) {
				t.Errorf("%s: got %q, want the %s value", f, got.Text, tc.want)
			}
		}
		if _, ok := Merge(Settings{}, Settings{}, Settings{})[f]; ok {
			t.Errorf("%s set from nowhere", f)
		}
	}
	// Layers are per field: a flag for one field leaves the others to the
	// environment and the file.
	m := Merge(Settings{Primary: {Text: "#111111"}}, Settings{Accent: {Text: "#222222"}}, file)
	if m[Primary].Text != "#111111" || m[Accent].Text != "#222222" || m[Clinic].Text != "file:clinic" {
		t.Errorf("merged %v", m)
	}
	// Merge does not change its inputs.
	if flags[Primary].Text != "flag:primary-color" || len(file) != len(Fields) {
		t.Error("Merge changed a layer")
	}
}

func TestResolveDefaults(t *testing.T) {
	b, errs := Resolve(nil, nil)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if b.Name != "" || b.Logo != nil || b.Primary != DefaultPrimary || b.Accent != DefaultAccent || b.Fonts == nil || b.Fonts.Name != fonts.FamilyName {
		t.Errorf("default brand %+v", b)
	}
	if colour.Contrast(DefaultPrimary, colour.White) < colour.MinTextContrast {
		t.Error("the default primary colour is not readable on white")
	}
}

func TestResolveValues(t *testing.T) {
	pos := func(line int) diag.Pos { return diag.Pos{File: "brand.yaml", Line: line, Col: 3} }
	b, errs := Resolve(nil, Settings{
		Clinic:  {Text: "  Riverbend  ", Pos: pos(1)},
		Primary: {Text: "#1F5A7A", Pos: pos(2)},
		Accent:  {Text: "  ", Pos: pos(3)}, // blank: the default
		Website: {Text: "riverbend.example", Pos: pos(4)},
		Email:   {Text: "care@riverbend.example", Pos: pos(5)},
		Phone:   {Text: "(555) 010-0199", Pos: pos(6)},
	})
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if b.Name != "Riverbend" || b.Primary != (colour.Color{R: 0x1F, G: 0x5A, B: 0x7A}) || b.Accent != DefaultAccent || b.Website != "https://riverbend.example" {
		t.Errorf("%+v", b)
	}
}

func TestResolveErrors(t *testing.T) {
	p := diag.Pos{File: "brand.yaml", Line: 7, Col: 12}
	for _, tc := range []struct {
		s    Settings
		want string
	}{
		{Settings{Primary: {Text: "blue", Pos: p}}, `brand.yaml:7:12: primary-color: colour "blue" is not a hex colour like "#1F5A7A"`},
		{Settings{Accent: {Text: "#12345", Pos: p}}, `brand.yaml:7:12: accent-color: colour "#12345" is not a hex colour like "#1F5A7A"`},
		{Settings{Email: {Text: "care.example", Pos: p}}, `brand.yaml:7:12: email "care.example" is not an email address (like care@clinic.example)`},
		{Settings{Primary: {Text: "x", Pos: diag.Pos{File: "--primary-color"}}}, `--primary-color: primary-color: colour "x" is not a hex colour like "#1F5A7A"`},
	} {
		_, errs := Resolve(nil, tc.s)
		if len(errs) != 1 || errs[0].String() != tc.want {
			t.Errorf("got %v, want %s", errs, tc.want)
		}
	}
}

func TestDecodeFileExample(t *testing.T) {
	s, errs := LoadFile("../../data/brand/brand.yaml")
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	for f, want := range map[Field]string{
		Clinic: "Riverbend Wellness Clinic", Tagline: "Ketamine and integrative mental health care",
		LogoPath: "riverbend-logo.png", Primary: "#1F5A7A", Accent: "#E8A33D", Phone: "(555) 010-0199",
		Email: "care@riverbend.example", Website: "https://riverbend.example", Address: "200 River Road, Suite 4, Springfield",
		Footer: "This handout is general education and does not replace advice from your care team.",
	} {
		if s[f].Text != want || s[f].Dir != filepath.Join("..", "..", "data", "brand") {
			t.Errorf("%s = %+v", f, s[f])
		}
	}
	if _, ok := s[FontDir]; ok {
		t.Error("fonts set without a fonts key")
	}
	if p := s[Primary].Pos; p != (diag.Pos{File: "../../data/brand/brand.yaml", Line: 10, Col: 12}) {
		t.Errorf("primary at %v", p)
	}
	b, errs := Resolve(nil, s)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	// The logo path is relative to the brand file, not to the working
	// directory (this test runs in handout/brand).
	if b.Logo == nil || b.Logo.Width != 256 || b.Logo.Height != 256 || b.Logo.Format != picture.PNG {
		t.Errorf("logo %+v", b.Logo)
	}
}

func TestDecodeFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"unknown key near", "name: Clinic\ncolours:\n  primary: \"#1F5A7A\"\n",
			[]string{"b.yaml:2:1: unknown key `colours` in the brand file; did you mean `colors`?"}},
		{"unknown key far", "name: Clinic\nslogan: Care\n",
			[]string{"b.yaml:2:1: unknown key `slogan` in the brand file (known keys: name, tagline, logo, colors, contact, footer, labels, fonts)"}},
		{"unknown colour key", "colors:\n  primry: \"#1F5A7A\"\n",
			[]string{"b.yaml:2:3: unknown key `primry` in colors; did you mean `primary`?"}},
		{"unknown contact key", "contact:\n  fax: 555\n",
			[]string{"b.yaml:2:3: unknown key `fax` in contact (known keys: phone, email, website, address)"}},
		{"colors not a mapping", "colors: \"#1F5A7A\"\n",
			[]string{"b.yaml:1:9: colors must be a mapping of keys (like `primary: ...`), not the value \"#1F5A7A\""}},
		{"colour a list", "colors:\n  primary: [1, 2]\n",
			[]string{"b.yaml:2:12: colors.primary must be text, not a list"}},
		{"empty name", "name: \"\"\n", []string{"b.yaml:1:7: name is empty"}},
		{"two-line name", "name: |\n  A\n  B\n", []string{"b.yaml:1:7: name must be one line"}},
		{"fonts missing bold_italic", "fonts:\n  regular: R.ttf\n  bold: B.ttf\n  italic: I.ttf\n",
			[]string{"b.yaml:2:3: fonts is missing required key `bold_italic`"}},
		{"fonts not a mapping", "fonts: fonts/\n",
			[]string{"b.yaml:1:8: fonts must be a mapping of keys (like `regular: ...`), not the value \"fonts/\""}},
		{"tagline keyed by a non-language", "tagline:\n  english: Care\n",
			[]string{"b.yaml:2:3: tagline: \"english\" is not a language tag; give the text per language as BCP 47 tags (en, es, es-MX) or give one text for every language"}},
		{"empty footer mapping", "footer: {}\n",
			[]string{"b.yaml:1:9: footer: the mapping is empty; give a text per language, or one text"}},
		{"per-language tagline on two lines", "tagline:\n  es: |\n    A\n    B\n",
			[]string{"b.yaml:2:7: tagline.es must be one line"}},
		{"empty file", "", []string{"b.yaml:1:1: file is empty: a brand file needs at least a name"}},
		{"not a mapping", "- name\n", []string{"b.yaml:1:1: the brand file must be a mapping of keys (like `name: ...`), not a list"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, errs := DecodeFile("b.yaml", []byte(tc.src))
			// As the build does: decode, then resolve what was decoded.
			_, more := Resolve(nil, s)
			errs = append(errs, more...)
			var got []string
			for _, e := range errs {
				got = append(got, e.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestDecodeFileNonColour(t *testing.T) {
	// A non-colour decodes (it is text) and is refused by Resolve at its
	// position in the file.
	s, errs := DecodeFile("b.yaml", []byte("name: Clinic\ncolors:\n  primary: navy blue\n  accent: \"#E8A33D\"\n"))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	_, errs = Resolve(nil, s)
	if len(errs) != 1 || errs[0].String() != `b.yaml:3:12: primary-color: colour "navy blue" is not a hex colour like "#1F5A7A"` {
		t.Errorf("got %v", errs)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, errs := LoadFile(filepath.Join(t.TempDir(), "nope.yaml"))
	if len(errs) != 1 || !strings.HasSuffix(errs[0].String(), "nope.yaml: cannot read brand file: no such file or directory") {
		t.Errorf("got %v", errs)
	}
}

// writeBrand writes a brand file with the given body into a new folder and
// returns the file's path.
func writeBrand(t *testing.T, body string, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "brand.yaml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadAndResolve(t *testing.T, path string) (*Brand, diag.List) {
	t.Helper()
	s, errs := LoadFile(path)
	if len(errs) != 0 {
		t.Fatalf("decode: %v", errs)
	}
	return Resolve(nil, s)
}

func TestResolveLogo(t *testing.T) {
	logo, err := os.ReadFile("../../data/brand/riverbend-logo.png")
	if err != nil {
		t.Fatal(err)
	}
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, gradient(40, 20), nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte // nil: no file
		want string // error suffix after "brand.yaml:1:7: logo: <path> "; "" for none
	}{
		{"logo.png", logo, ""},
		{"missing.png", nil, "no such file or directory"},
		{"logo.txt", []byte("This is our logo, in words.\n"), "is not a PNG or JPEG image"},
		{"empty.png", []byte{}, "is not a PNG or JPEG image"},
		{"truncated.png", logo[:100], "is damaged: png: invalid format: not enough pixel data"}, // fpdf would panic
		{"header-only.png", logo[:20], "is not a readable PNG image"},
		{"logo.jpg", jpg.Bytes(), ""},
		{"truncated.jpg", jpg.Bytes()[:len(jpg.Bytes())/2], "is not a readable JPEG image: unexpected EOF"},
		{"fake.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 'n', 'o', 'p', 'e'}, "is not a readable JPEG image"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{}
			if tc.data != nil {
				files["img/"+tc.name] = tc.data
			}
			path := writeBrand(t, "logo: img/"+tc.name+"\n", files)
			b, errs := loadAndResolve(t, path)
			abs := filepath.Join(filepath.Dir(path), "img", tc.name)
			if tc.want == "" {
				if len(errs) != 0 || b.Logo == nil {
					t.Fatalf("errs %v, logo %v", errs, b.Logo)
				}
				if b.Logo.Path != abs {
					t.Errorf("logo path %q, want %q (relative to the brand file)", b.Logo.Path, abs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("got %v, want one error", errs)
			}
			got := errs[0].String()
			prefix := path + ":1:7: logo: "
			if !strings.HasPrefix(got, prefix) || !strings.Contains(got, abs) || !strings.Contains(got, tc.want) {
				t.Errorf("got %s\nwant %s… naming %s … %s", got, prefix, abs, tc.want)
			}
		})
	}
}

func TestDecodeLogoJPEG(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, gradient(40, 20), &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	l, err := DecodeLogo("logo.jpg", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if l.Format != picture.JPEG || l.Width != 40 || l.Height != 20 || !bytes.Equal(l.Data, buf.Bytes()) {
		t.Errorf("logo %s %d×%d, %d bytes", l.Format, l.Width, l.Height, len(l.Data))
	}
	// A CMYK JPEG would print inverted; it is converted to RGB.
	cmyk := image.NewCMYK(image.Rect(0, 0, 8, 8))
	for i := range cmyk.Pix {
		cmyk.Pix[i] = uint8(i * 7)
	}
	buf.Reset()
	if err := jpeg.Encode(&buf, cmyk, nil); err != nil {
		t.Fatal(err)
	}
	l, err = DecodeLogo("cmyk.jpg", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(l.Data))
	if err != nil || cfg.ColorModel == color.CMYKModel || l.Width != 8 {
		t.Errorf("CMYK logo kept as %v (%v)", cfg.ColorModel, err)
	}
}

func TestDecodeLogoInterlacedPNG(t *testing.T) {
	img := gradient(13, 9) // odd sizes exercise every Adam7 pass
	data := interlacedPNG(img)
	// The crafted file really is an interlaced PNG that Go decodes.
	if data[28] != 1 {
		t.Fatal("not interlaced")
	}
	if dec, err := png.Decode(bytes.NewReader(data)); err != nil || !sameRGB(dec, img) {
		t.Fatalf("crafted PNG does not decode to the image: %v", err)
	}
	l, err := DecodeLogo("interlaced.png", data)
	if err != nil {
		t.Fatal(err)
	}
	if l.Format != picture.PNG || l.Width != 13 || l.Height != 9 {
		t.Errorf("logo %s %d×%d", l.Format, l.Width, l.Height)
	}
	// fpdf refuses interlaced PNGs: the logo is re-encoded without
	// interlacing, with the same pixels.
	if len(l.Data) < 29 || l.Data[28] != 0 {
		t.Fatal("logo data is still interlaced")
	}
	dec, err := png.Decode(bytes.NewReader(l.Data))
	if err != nil || !sameRGB(dec, img) {
		t.Errorf("re-encoded logo differs: %v", err)
	}
}

func TestDecodeLogoTooLarge(t *testing.T) {
	// Only the header is read for the size check, so a forged IHDR claiming
	// a huge image is refused before any decoding.
	data := interlacedPNG(gradient(2, 2))
	binary.BigEndian.PutUint32(data[16:], 20000)
	binary.BigEndian.PutUint32(data[20:], 20000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	_, err := DecodeLogo("huge.png", data)
	if err == nil || !strings.Contains(err.Error(), "is 20000×20000 pixels; a logo should be at most 4096×4096") {
		t.Errorf("err = %v", err)
	}
}

func TestResolveFonts(t *testing.T) {
	family := map[string][]byte{
		"fonts/Foo-Regular.ttf":    fonts.Regular,
		"fonts/Foo-Bold.ttf":       fonts.Bold,
		"fonts/Foo-Italic.ttf":     fonts.Italic,
		"fonts/Foo-BoldItalic.ttf": fonts.BoldItalic,
	}
	t.Run("files", func(t *testing.T) {
		path := writeBrand(t, "fonts:\n  regular: fonts/Foo-Regular.ttf\n  bold: fonts/Foo-Bold.ttf\n  italic: fonts/Foo-Italic.ttf\n  bold_italic: fonts/Foo-BoldItalic.ttf\n", family)
		b, errs := loadAndResolve(t, path)
		if len(errs) != 0 {
			t.Fatal(errs)
		}
		if b.Fonts.Name != "Foo" || b.Fonts.Face(0).Path != filepath.Join(filepath.Dir(path), "fonts", "Foo-Regular.ttf") {
			t.Errorf("fonts %s from %s", b.Fonts.Name, b.Fonts.Face(0).Path)
		}
	})
	t.Run("folder", func(t *testing.T) {
		dir := filepath.Dir(writeBrand(t, "", family))
		b, errs := Resolve(nil, Settings{FontDir: {Text: filepath.Join(dir, "fonts")}})
		if len(errs) != 0 || b.Fonts.Name != "Foo" {
			t.Fatalf("errs %v, fonts %v", errs, b.Fonts.Name)
		}
	})
	t.Run("folder missing", func(t *testing.T) {
		dir := t.TempDir()
		_, errs := Resolve(nil, Settings{FontDir: {Text: "nope", Dir: dir, Pos: diag.Pos{File: "--font-dir"}}})
		want := "--font-dir: fonts: font folder: " + filepath.Join(dir, "nope") + ": no such file or directory"
		if len(errs) != 1 || errs[0].String() != want {
			t.Errorf("got %v\nwant %s", errs, want)
		}
	})
	t.Run("bad regular", func(t *testing.T) {
		files := map[string][]byte{}
		for k, v := range family {
			files[k] = v
		}
		random := make([]byte, 4096)
		for i := range random {
			random[i] = byte(i*7919 + i>>3)
		}
		files["fonts/Foo-Regular.ttf"] = random
		dir := filepath.Dir(writeBrand(t, "", files))
		_, errs := Resolve(nil, Settings{FontDir: {Text: filepath.Join(dir, "fonts"), Pos: diag.Pos{File: "HANDOUTS_FONT_DIR"}}})
		want := "HANDOUTS_FONT_DIR: fonts: regular font " + filepath.Join(dir, "fonts", "Foo-Regular.ttf") + ": not a TrueType font"
		if len(errs) != 1 || errs[0].String() != want {
			t.Errorf("got %v\nwant %s", errs, want)
		}
	})
	t.Run("file missing", func(t *testing.T) {
		path := writeBrand(t, "fonts:\n  regular: fonts/Foo-Regular.ttf\n  bold: fonts/Foo-Bold.ttf\n  italic: fonts/Foo-Italic.ttf\n  bold_italic: fonts/Nope.ttf\n", family)
		_, errs := loadAndResolve(t, path)
		want := path + ":2:3: fonts: bold italic font: " + filepath.Join(filepath.Dir(path), "fonts", "Nope.ttf") + ": no such file or directory"
		if len(errs) != 1 || errs[0].String() != want {
			t.Errorf("got %v\nwant %s", errs, want)
		}
	})
}

// gradient is a small RGB test image.
func gradient(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), uint8((x + y) * 9), 255})
		}
	}
	return img
}

func sameRGB(a image.Image, b *image.RGBA) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := 0; y < b.Bounds().Dy(); y++ {
		for x := 0; x < b.Bounds().Dx(); x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1>>8 != r2>>8 || g1>>8 != g2>>8 || b1>>8 != b2>>8 {
				return false
			}
		}
	}
	return true
}

// interlacedPNG writes img as an 8-bit RGB PNG with Adam7 interlacing,
// which image/png never writes.
func interlacedPNG(img *image.RGBA) []byte {
	return imagetest.PNG(imagetest.Spec{
		W: img.Bounds().Dx(), H: img.Bounds().Dy(), ColorType: imagetest.RGB, Depth: 8, Interlaced: true,
		Pixel: func(x, y int) []byte { c := img.RGBAAt(x, y); return []byte{c.R, c.G, c.B} },
	})
}

// FuzzDecodeFile: a brand file of any bytes decodes without panicking, and
// every finding and every value has a real position in it. (Resolve is
// left out: it would open whatever paths the fuzzer writes.)
func FuzzDecodeFile(f *testing.F) {
	src, err := os.ReadFile("../../data/brand/brand.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("fonts:\n  regular: a.ttf\n  bold: b.ttf\n  italic: c.ttf\n  bold_italic: d.ttf\n"))
	f.Add([]byte("colors: {primary: \"#abc\", accnt: x}\ncontact: [x]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, errs := DecodeFile("b.yaml", src)
		text := strings.ReplaceAll(string(src), "\r\n", "\n")
		lines := strings.Count(text, "\n") + strings.Count(text, "\r") + 1 // a lone CR ends a line too
		for _, e := range errs {
			if e.Pos.File != "b.yaml" || e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Line > lines {
				t.Fatalf("bad position: %v", e)
			}
		}
		for f, v := range s {
			if v.Pos.File != "b.yaml" || v.Pos.Line < 1 || v.Pos.Col < 1 || v.Dir != "." {
				t.Fatalf("%s: %+v", f, v)
			}
		}
	})
}

func TestDecodeFilePerLanguage(t *testing.T) {
	src := "name: Clinic\ntagline:\n  en: Care for all\n  es: Atención para todos\nfooter:\n  es: >-\n    Nota en\n    español.\n  en: English note.\n"
	s, errs := DecodeFile("b.yaml", []byte(src))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	b, errs := Resolve(nil, s)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	want := []LangText{{Tag: "en", Text: "Care for all", Pos: diag.Pos{File: "b.yaml", Line: 3, Col: 7}}, {Tag: "es", Text: "Atención para todos", Pos: diag.Pos{File: "b.yaml", Line: 4, Col: 7}}}
	if len(b.Tagline.Langs) != 2 || b.Tagline.Langs[0] != want[0] || b.Tagline.Langs[1] != want[1] {
		t.Errorf("tagline %+v, want %+v", b.Tagline.Langs, want)
	}
	// File order is kept: the first given is the fallback.
	if got, ok := b.Footer.For("de"); ok || got != "Nota en español." {
		t.Errorf("footer for de = %q, %v; want the first given, Spanish, and false", got, ok)
	}
	// A flag sets the text for every language, over the file's map.
	merged := Merge(Settings{Footer: {Text: "From a flag.", Pos: diag.Pos{File: "--footer"}}}, s)
	b, _ = Resolve(nil, merged)
	for _, lang := range []string{"en", "es", "de"} {
		if got, ok := b.Footer.For(lang); !ok || got != "From a flag." {
			t.Errorf("footer from a flag, for %s = %q, %v", lang, got, ok)
		}
	}
}

func TestLocalizedFor(t *testing.T) {
	l := Localized{Langs: []LangText{{Tag: "en", Text: "en"}, {Tag: "es-MX", Text: "es-MX"}, {Tag: "es", Text: "es"}, {Tag: "pt-BR", Text: "pt-BR"}}}
	for _, tc := range []struct {
		lang, want string
		ok         bool
	}{
		{"en", "en", true},
		{"en-GB", "en", true},    // the primary language
		{"es-MX", "es-MX", true}, // exact beats primary
		{"ES-mx", "es-MX", true}, // tags are case-insensitive
		{"es-ES", "es", true},
		{"pt", "pt-BR", true}, // any region of the language
		{"fr", "en", false},   // none: the first given
	} {
		if got, ok := l.For(tc.lang); got != tc.want || ok != tc.ok {
			t.Errorf("For(%q) = %q, %v; want %q, %v", tc.lang, got, ok, tc.want, tc.ok)
		}
	}
	if got, ok := (Localized{Text: "one"}).For("fr"); got != "one" || !ok {
		t.Errorf("one text for every language: For(fr) = %q, %v", got, ok)
	}
}

// Files lists the logo and font files a brand names, read or not, for a
// watch to follow.
func TestFilesNamed(t *testing.T) {
	dir := t.TempDir()
	b, errs := Resolve(nil, Settings{
		LogoPath: {Text: "art/logo.png", Dir: dir},
		FontDir:  {FontFiles: &[4]string{"r.ttf", "b.ttf", "i.ttf", "bi.ttf"}, Dir: dir},
	})
	if !errs.HasErrors() {
		t.Fatal("missing files were not refused")
	}
	want := []string{filepath.Join(dir, "art", "logo.png")}
	for _, f := range []string{"r.ttf", "b.ttf", "i.ttf", "bi.ttf"} {
		want = append(want, filepath.Join(dir, f))
	}
	if !slices.Equal(b.Files, want) {
		t.Errorf("Files %v, want %v", b.Files, want)
	}
	if b, _ := Resolve(nil, Settings{}); len(b.Files) != 0 {
		t.Errorf("the default brand names files: %v", b.Files)
	}
}
