//go:build ignore

// noto_generate.go copies the Noto fonts the handouts ship from Debian's
// fonts-noto-core (or the folder NOTO_DIR names) into this folder,
// gzip-compressed: the binary embeds them, and compressed they add about
// 2 MB to it instead of 4. Run it with `go generate ./fonts`.
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"path/filepath"
)

// files are the faces shipped: regular and bold of each script family, and
// Noto Sans's italics (the other families have none).
var files = []string{
	"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic",
	"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold",
	"NotoSansDevanagari-Regular", "NotoSansDevanagari-Bold",
	"NotoSansBengali-Regular", "NotoSansBengali-Bold",
	"NotoSansGurmukhi-Regular", "NotoSansGurmukhi-Bold",
	"NotoSansEthiopic-Regular", "NotoSansEthiopic-Bold",
}

func main() {
	dir := os.Getenv("NOTO_DIR")
	if dir == "" {
		dir = "/usr/share/fonts/truetype/noto"
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f+".ttf"))
		if err != nil {
			log.Fatal(err)
		}
		var b bytes.Buffer
		// No name and no time in the header: the same font gives the same bytes.
		z, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		z.Write(data)
		if err := z.Close(); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("noto", f+".ttf.gz"), b.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
