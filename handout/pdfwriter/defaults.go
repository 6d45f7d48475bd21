package pdfwriter

import (
	_ "embed"
	"slices"

	"handouts/handout/fontset"
)

// Nearly every handout draws only the default family's common WinAnsi set
// (ASCII, the typographic marks and the Spanish letters; see register), so
// those four subsets are cut and compressed once, by go generate, and
// embedded: a process that writes one guide then cuts no subset at all.
// TestDefaultSubsetsGenerated remakes them and fails when they differ.
//
//go:generate go test -run TestDefaultSubsetsGenerated -update .

// The subsets, one variable each: a []byte is the embedded data itself,
// where reading an embed.FS would copy it for every document.
var (
	//go:embed defaultsubsets/Regular.z
	regularSubset []byte
	//go:embed defaultsubsets/Bold.z
	boldSubset []byte
	//go:embed defaultsubsets/Italic.z
	italicSubset []byte
	//go:embed defaultsubsets/BoldItalic.z
	boldItalicSubset []byte

	defaultSubsetPrograms = [4][]byte{regularSubset, boldSubset, italicSubset, boldItalicSubset}
)

// commonRunes are the characters of a face's WinAnsi font for a document
// that draws none beyond the common set.
func commonRunes(face *fontset.Face) []rune {
	var runes []rune
	for c := 32; c < 256; c++ {
		if c < 0x7F || commonWinAnsi[c] && face.Has(winAnsiRunes[c]) {
			runes = append(runes, winAnsiRunes[c])
		}
	}
	return runes
}

// defaultSubset returns the embedded subset when face is a default face
// and runes its common set.
func defaultSubset(face *fontset.Face, runes []rune) (subset, bool) {
	for s, f := range fontset.Default().Faces {
		if f != face || !slices.Equal(runes, commonRunes(face)) {
			continue
		}
		if len(defaultSubsetPrograms[s]) == 0 {
			return subset{}, false
		}
		return subset{program: defaultSubsetPrograms[s], size: defaultSubsetSizes[s]}, true
	}
	return subset{}, false
}
