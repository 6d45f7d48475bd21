// Package fonts embeds the default type family, Atkinson Hyperlegible, so the
// handouts binary needs no font files at run time.
//
// Atkinson Hyperlegible was designed by the Braille Institute of America for
// readers with low vision: its letterforms keep easily confused characters
// (I l 1, O 0, b d p q) distinct. It is licensed under the SIL Open Font
// License 1.1 (OFL.txt beside this file), which allows embedding in PDFs.
package fonts

import _ "embed"

// The four styles of the default family, as TrueType (glyf) files.
var (
	//go:embed AtkinsonHyperlegible-Regular.ttf
	Regular []byte
	//go:embed AtkinsonHyperlegible-Bold.ttf
	Bold []byte
	//go:embed AtkinsonHyperlegible-Italic.ttf
	Italic []byte
	//go:embed AtkinsonHyperlegible-BoldItalic.ttf
	BoldItalic []byte
)

// FamilyName is the name the default family is known by in the PDF.
const FamilyName = "AtkinsonHyperlegible"
