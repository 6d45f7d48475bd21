// Package brand resolves a clinic's branding from its three sources (flags,
// environment variables, a brand file) over the built-in neutral defaults,
// and checks every value once: colours, the logo image and the font files.
package brand

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"handouts/handout/colour"
	"handouts/handout/diag"
	"handouts/handout/fontset"
	"handouts/handout/labels"
	"handouts/handout/spaces"
	"handouts/handout/userfile"
	"handouts/handout/yamldoc"
)

// Field names a brand setting. The names are the command-line flags; the
// environment variable is HANDOUTS_ and the name in upper case with
// underscores.
type Field string

// Every brand setting.
const (
	Clinic   Field = "clinic"
	Tagline  Field = "tagline"
	LogoPath Field = "logo"
	Primary  Field = "primary-color"
	Accent   Field = "accent-color"
	Phone    Field = "phone"
	Email    Field = "email"
	Website  Field = "website"
	Address  Field = "address"
	Footer   Field = "footer"
	FontDir  Field = "font-dir"
	// Labels is the brand file's `labels:`, the clinic's own wording of
	// printed labels per language. It has no flag or variable (a flag per
	// label and language would be dozens), so it is not in Fields.
	Labels Field = "labels"
)

// Fields lists the settings in the order help text shows them.
var Fields = []Field{Clinic, Tagline, LogoPath, Primary, Accent, Phone, Email, Website, Address, Footer, FontDir}

// fileKeys is where each setting is in the brand file: a key at the top
// or in a mapping (colors, contact), in the order the file's keys are
// listed. It is the one link between a setting and its key: a flag's name
// is the Field, never a key read from the file.
var fileKeys = []struct {
	field       Field
	parent, key string
}{
	{Clinic, "", "name"}, {Tagline, "", "tagline"}, {LogoPath, "", "logo"},
	{Primary, "colors", "primary"}, {Accent, "colors", "accent"},
	{Phone, "contact", "phone"}, {Email, "contact", "email"}, {Website, "contact", "website"}, {Address, "contact", "address"},
	{Footer, "", "footer"}, {Labels, "", "labels"}, {FontDir, "", "fonts"},
}

// keysUnder lists the keys of the brand file's mapping parent ("" for its
// top level: a mapping's own key once), in fileKeys' order.
func keysUnder(parent string) []string {
	var keys []string
	for _, k := range fileKeys {
		switch {
		case k.parent == parent:
			keys = append(keys, k.key)
		case parent == "" && !slices.Contains(keys, k.parent):
			keys = append(keys, k.parent)
		}
	}
	return keys
}

// fieldAt is the setting at key in the brand file's mapping parent.
func fieldAt(parent, key string) Field {
	for _, k := range fileKeys {
		if k.parent == parent && k.key == key {
			return k.field
		}
	}
	return ""
}

// EnvVar is the environment variable that sets f.
func (f Field) EnvVar() string {
	return "HANDOUTS_" + strings.ToUpper(strings.ReplaceAll(string(f), "-", "_"))
}

// Value is one setting as given, with where it came from, so a bad value is
// reported at its source: a file position, a flag or a variable.
type Value struct {
	Text string
	// Langs holds text given per language (tagline and footer in a brand
	// file), in file order; Text is then empty.
	Langs []LangText
	Pos   diag.Pos
	// Dir is the folder relative paths are resolved against: the brand
	// file's folder for file values, the working directory otherwise.
	Dir string
	// FontFiles are a brand file's four font files (regular, bold,
	// italic, bold italic), where a flag or variable names a folder in
	// Text. Both are FontDir values, so one precedence rule decides
	// between them.
	FontFiles *[4]string
	// Labels are a brand file's labels, in file order.
	Labels []Label
}

// Label is a brand's own wording of one printed label in one language.
type Label struct {
	Tag  string // the BCP 47 tag it was given under
	Key  string // a labels.Keys name
	Text string
	Pos  diag.Pos
}

// Settings is one layer of brand settings.
type Settings map[Field]Value

// Default colours give a calm, neutral handout when no brand is set.
var (
	DefaultPrimary = colour.Color{R: 0x2F, G: 0x4A, B: 0x5F}
	DefaultAccent  = colour.Color{R: 0x9A, G: 0xB3, B: 0xC4}
)

// LangText is brand text for one language.
type LangText struct {
	Tag, Text string
	Pos       diag.Pos
}

// Localized is brand text that may be given per language: one text for
// every language (a plain string, a flag or a variable), or a text per
// BCP 47 tag.
type Localized struct {
	Text  string
	Langs []LangText
	Pos   diag.Pos // where it was set
}

// IsZero reports whether no text was given.
func (l Localized) IsZero() bool { return l.Text == "" && len(l.Langs) == 0 }

// For returns the text for a handout's language: the one text for every
// language; else the text whose tag matches (es-MX matches es-MX, then es,
// then any es-…); else the first one given, with ok false.
func (l Localized) For(lang string) (text string, ok bool) {
	if len(l.Langs) == 0 {
		return l.Text, true
	}
	lang = strings.ToLower(lang)
	primary := strings.SplitN(lang, "-", 2)[0]
	for _, match := range []func(tag string) bool{
		func(tag string) bool { return tag == lang },
		func(tag string) bool { return tag == primary },
		func(tag string) bool { return strings.SplitN(tag, "-", 2)[0] == primary },
	} {
		for _, t := range l.Langs {
			if match(strings.ToLower(t.Tag)) {
				return t.Text, true
			}
		}
	}
	return l.Langs[0].Text, false
}

// fold turns runs of white space, line breaks included, into one space.
func (l Localized) fold() Localized {
	l.Text = spaces.Fold(l.Text)
	langs := make([]LangText, len(l.Langs))
	for i, t := range l.Langs {
		t.Text = spaces.Fold(t.Text)
		langs[i] = t
	}
	l.Langs = langs
	return l
}

// All returns every text given, for checks that cover each one.
func (l Localized) All() []string {
	if len(l.Langs) == 0 {
		return []string{l.Text}
	}
	out := make([]string, len(l.Langs))
	for i, t := range l.Langs {
		out[i] = t.Text
	}
	return out
}

// Brand is a resolved, checked brand.
type Brand struct {
	Name    string
	Tagline Localized
	Logo    *Logo // nil when none
	Primary colour.Color
	Accent  colour.Color
	Phone   string
	Email   string
	Website string
	Address string
	Footer  Localized
	Fonts   *fontset.Family
	// Labels are the clinic's own wording of printed labels, in file
	// order; LabelsFor applies them.
	Labels []Label
	// Files are the logo and font files the settings name, whether or not
	// they could be read: what a watch follows, so that putting a missing
	// logo in place rebuilds.
	Files []string

	qr websiteQR // WebsiteQR's code, made on first use
}

// Merge combines layers: the first that sets a field wins, so pass flags,
// then environment, then file.
func Merge(layers ...Settings) Settings {
	merged := Settings{}
	for i := len(layers) - 1; i >= 0; i-- {
		for f, v := range layers[i] {
			merged[f] = v
		}
	}
	return merged
}

// Resolve applies merged settings over the defaults and checks the result.
// fonts caches parsed font families across calls (nil for none).
func Resolve(fonts *fontset.Cache, merged Settings) (*Brand, diag.List) {
	var errs diag.List
	b := &Brand{Primary: DefaultPrimary, Accent: DefaultAccent, Fonts: fontset.Default()}
	text := func(f Field) string { return strings.TrimSpace(merged[f].Text) }
	b.Name = text(Clinic)
	localized := func(f Field) Localized {
		v := merged[f]
		return Localized{Text: strings.TrimSpace(v.Text), Langs: v.Langs, Pos: v.Pos}
	}
	b.Tagline, b.Footer = localized(Tagline), localized(Footer)
	b.Phone, b.Email, b.Address = text(Phone), text(Email), text(Address)
	b.Website = text(Website)
	b.Labels = merged[Labels].Labels
	for _, f := range []Field{Primary, Accent} {
		v, ok := merged[f]
		if !ok || strings.TrimSpace(v.Text) == "" {
			continue
		}
		c, err := colour.Parse(v.Text)
		if err != nil {
			errs.Errorf(v.Pos, "%s: %v", f, err)
			continue
		}
		if f == Primary {
			b.Primary = c
		} else {
			b.Accent = c
		}
	}
	errs = append(errs, checkText(merged)...)
	b.Tagline, b.Address, b.Footer = b.Tagline.fold(), spaces.Fold(b.Address), b.Footer.fold()
	errs = append(errs, checkContact(b, merged)...)
	if v, ok := merged[LogoPath]; ok && strings.TrimSpace(v.Text) != "" {
		b.Files = append(b.Files, resolvePath(v))
		logo, err := LoadLogo(resolvePath(v))
		if err != nil {
			errs.Errorf(v.Pos, "logo: %v", err)
		} else {
			b.Logo = logo
		}
	}
	if v, ok := merged[FontDir]; ok && (v.FontFiles != nil || strings.TrimSpace(v.Text) != "") {
		fam, err := loadFonts(fonts, v)
		if err != nil {
			errs.Errorf(v.Pos, "fonts: %v", err)
			if v.FontFiles != nil {
				for _, f := range v.FontFiles {
					if f != "" {
						b.Files = append(b.Files, resolvePath(Value{Text: f, Dir: v.Dir}))
					}
				}
			}
		} else {
			b.Fonts = fam
			for _, f := range fam.Faces {
				if f != nil {
					b.Files = append(b.Files, f.Path)
				}
			}
		}
	}
	return b, errs
}

func resolvePath(v Value) string {
	p := strings.TrimSpace(v.Text)
	if filepath.IsAbs(p) || v.Dir == "" {
		return p
	}
	return filepath.Join(v.Dir, p)
}

func loadFonts(cache *fontset.Cache, v Value) (*fontset.Family, error) {
	var paths [4]string
	if v.FontFiles != nil {
		for i, f := range v.FontFiles {
			if f != "" {
				paths[i] = resolvePath(Value{Text: f, Dir: v.Dir})
			}
		}
		var missing []string
		for i, p := range paths {
			if p == "" {
				missing = append(missing, []string{"regular", "bold", "italic", "bold_italic"}[i])
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("the family needs all four styles; missing %s", strings.Join(missing, ", "))
		}
	} else {
		var err error
		if paths, err = fontset.FindInDir(resolvePath(v)); err != nil {
			return nil, err
		}
	}
	if cache == nil {
		cache = &fontset.Cache{}
	}
	return cache.Load(paths)
}

// MaxBrandFileSize is the largest brand file read.
const MaxBrandFileSize = 1 << 20

// LoadFile reads a brand file into a settings layer. Problems (unknown keys,
// wrong types) are reported with their positions.
func LoadFile(path string) (Settings, diag.List) {
	src, err := userfile.Read(path, MaxBrandFileSize)
	if err != nil {
		var errs diag.List
		var big *userfile.TooLargeError
		if errors.As(err, &big) {
			errs.Errorf(diag.Pos{File: path}, "brand file is larger than %s; a brand file is a few lines", userfile.Size(MaxBrandFileSize))
		} else {
			errs.Errorf(diag.Pos{File: path}, "cannot read brand file: %v", err)
		}
		return nil, errs
	}
	return DecodeFile(path, src)
}

// DecodeFile decodes brand file source.
func DecodeFile(path string, src []byte) (Settings, diag.List) {
	doc, root := yamldoc.Parse(path, src, "a brand file needs at least a name")
	s := Settings{}
	if root == nil {
		return s, doc.Errs
	}
	dir := filepath.Dir(path)
	put := func(f Field, n *yaml.Node, what string) {
		if t, ok := doc.OneLine(n, what); ok {
			s[f] = Value{Text: t, Pos: doc.Pos(n), Dir: dir}
		}
	}
	top := len(doc.Errs)
	doc.Fields(root, "the brand file", keysUnder(""), nil, func(key string, v *yaml.Node) {
		switch f := fieldAt("", key); {
		case f == Clinic:
			put(Clinic, v, key)
		case f == Tagline:
			if v.Kind == yaml.MappingNode {
				s[Tagline] = decodeLangs(doc, v, "tagline", func(n *yaml.Node, what string) (string, bool) { return doc.OneLine(n, what) }, dir)
				break
			}
			put(Tagline, v, "tagline")
		case f == LogoPath:
			put(LogoPath, v, key)
		case f == Labels:
			s[Labels] = decodeLabels(doc, v, dir)
		case f == Footer:
			if v.Kind == yaml.MappingNode {
				s[Footer] = decodeLangs(doc, v, "footer", footerText(doc), dir)
				break
			}
			if t, ok := footerText(doc)(v, "footer"); ok {
				s[Footer] = Value{Text: t, Pos: doc.Pos(v), Dir: dir}
			}
		case key == "colors", key == "contact":
			parent := key
			doc.Fields(v, parent, keysUnder(parent), nil, func(key string, v *yaml.Node) {
				put(fieldAt(parent, key), v, parent+"."+key)
			})
		case f == FontDir:
			var files [4]string
			styles := []string{"regular", "bold", "italic", "bold_italic"}
			before := len(doc.Errs)
			doc.Fields(v, "fonts", styles, styles, func(key string, n *yaml.Node) {
				for i, st := range styles {
					if st == key {
						files[i], _ = doc.OneLine(n, "fonts."+key)
					}
				}
			})
			// A fonts mapping with errors has been reported; passing on
			// its empty paths would report the same again.
			if len(doc.Errs) == before {
				s[FontDir] = Value{FontFiles: &files, Pos: doc.Pos(v), Dir: dir}
			}
		}
	})
	nestedKeyHints(doc.Errs[top:])
	doc.Finish()
	return s, doc.Errs
}

// nestedKeyHints turns "unknown key `website` in the brand file" into a
// pointer to where it belongs, `contact.website`, for a key of a mapping
// written at the top of the file (`website:` beside `name:`).
func nestedKeyHints(errs diag.List) {
	for i := range errs {
		e := &errs[i]
		for _, k := range fileKeys {
			key, parent := k.key, k.parent
			if parent == "" {
				continue
			}
			prefix := "unknown key `" + key + "` in the brand file"
			if !strings.HasPrefix(e.Message, prefix) {
				continue
			}
			e.Message = fmt.Sprintf("%s; it belongs under `%s:`, as `%s.%s` (see the README's Branding)", prefix, parent, parent, key)
		}
	}
}

// footerText reads a footer, which may be folded over several lines.
func footerText(doc *yamldoc.Doc) func(n *yaml.Node, what string) (string, bool) {
	return func(n *yaml.Node, what string) (string, bool) {
		t, _, ok := doc.Scalar(n, what)
		return spaces.Fold(t), ok
	}
}

// decodeLangs reads text given per language: a mapping of BCP 47 tags to
// text, in file order.
func decodeLangs(doc *yamldoc.Doc, n *yaml.Node, what string, read func(*yaml.Node, string) (string, bool), dir string) Value {
	v := Value{Pos: doc.Pos(n), Dir: dir}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !labels.Valid(k.Value) {
			doc.Errs.Errorf(doc.Pos(k), "%s: %q is not a language tag; give the text per language as BCP 47 tags (en, es, es-MX) or give one text for every language", what, k.Value)
			continue
		}
		if t, ok := read(val, what+"."+k.Value); ok {
			v.Langs = append(v.Langs, LangText{Tag: k.Value, Text: t, Pos: doc.Pos(val)})
		}
	}
	if len(v.Langs) == 0 && len(n.Content) == 0 {
		doc.Errs.Errorf(v.Pos, "%s: the mapping is empty; give a text per language, or one text", what)
	}
	return v
}

// Fingerprint identifies everything the brand puts on a page, including the
// logo and font bytes, for document IDs that change exactly when the
// output's inputs do.
func (b *Brand) Fingerprint() []byte {
	h := sha256.New()
	fmt.Fprintf(h, "%q %q %v %v %q %q %q %q %q\x00", b.Name, b.Tagline.Text, b.Primary, b.Accent, b.Phone, b.Email, b.Website, b.Address, b.Footer.Text)
	for _, l := range [][]LangText{b.Tagline.Langs, b.Footer.Langs} {
		for _, t := range l {
			fmt.Fprintf(h, "%q %q\x00", t.Tag, t.Text)
		}
		h.Write([]byte{0})
	}
	for _, l := range b.Labels {
		fmt.Fprintf(h, "%q %q %q\x00", l.Tag, l.Key, l.Text)
	}
	h.Write([]byte{0})
	if b.Logo != nil {
		h.Write(b.Logo.Data)
	}
	if b.Fonts != nil {
		h.Write([]byte(b.Fonts.Name))
		h.Write(b.Fonts.Digest[:])
	}
	return h.Sum(nil)
}
