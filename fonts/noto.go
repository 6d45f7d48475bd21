package fonts

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"
)

// The Noto families print the scripts Atkinson Hyperlegible lacks: Noto
// Sans (Cyrillic, Greek, Vietnamese), Noto Naskh Arabic (Arabic, Persian,
// Urdu), Noto Sans Devanagari, Bengali, Gurmukhi and Ethiopic. They are
// Google's, under the SIL Open Font License 1.1 (noto/OFL.txt), copied from
// Debian's fonts-noto-core by noto_generate.go and stored gzip-compressed,
// which halves what they add to the binary; a face is decompressed the
// first time a handout needs it.
//
//go:generate go run noto_generate.go
//go:embed noto/*.ttf.gz
var noto embed.FS

var (
	notoMu    sync.Mutex
	notoFaces = map[string][]byte{}
)

// Noto returns the TrueType file of a shipped Noto face by its name, such
// as "NotoSans-Bold", decompressed once per process and then shared.
func Noto(name string) ([]byte, error) {
	notoMu.Lock()
	defer notoMu.Unlock()
	if data, ok := notoFaces[name]; ok {
		return data, nil
	}
	z, err := noto.ReadFile("noto/" + name + ".ttf.gz")
	if err != nil {
		return nil, fmt.Errorf("no shipped font %s", name)
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("shipped font %s: %w", name, err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("shipped font %s: %w", name, err)
	}
	notoFaces[name] = data
	return data, nil
}
