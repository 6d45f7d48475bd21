//go:build ignore

// noto_generate.go makes the Noto fonts the handouts ship from Debian's
// fonts-noto-core (or the folder NOTO_DIR names): each file is cut to what
// the handouts print with fontTools' subsetter, then gzip-compressed, and
// the binary embeds the result. Run it with `go generate ./fonts`; it needs
// Debian's python3-fonttools (`apt-get install python3-fonttools`), only
// here: the generated files are committed, so a build needs nothing.
//
// Why cut them: Noto Sans has 3,317 glyphs for every Latin, Greek and
// Cyrillic letter ever encoded, and its layout tables serve shaping that
// Latin, Greek and Cyrillic text never gets here (they are drawn one glyph
// per character, see fontset). Kept to the blocks below it is a third of
// its size. The shaped script fonts keep every character and every layout
// feature (their letters join and reorder through GSUB and GPOS); fontTools
// drops only their glyph names and unused tables. Hinting is kept in all:
// the clinic's Atkinson faces are hinted too, and screens still use it.
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// NotoSansBlocks are the characters Noto Sans keeps: Basic Latin, Latin-1,
// Latin Extended-A and -B, IPA and spacing modifiers, combining marks,
// Greek and Coptic, Cyrillic and its supplement, Latin Extended Additional
// (Vietnamese), Greek Extended, punctuation, currency, letterlike symbols,
// number forms, arrows, a few mathematical signs, geometric shapes and
// the Latin ligatures. noto_test.go reads the same list.
const NotoSansBlocks = "U+0020-007E,U+00A0-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF," +
	"U+2000-206F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2212,U+2215,U+2219,U+221E,U+2248,U+2260,U+2264,U+2265," +
	"U+25A0-25FF,U+FB00-FB06,U+FEFF,U+FFFD"

func main() {
	dir := os.Getenv("NOTO_DIR")
	if dir == "" {
		dir = "/usr/share/fonts/truetype/noto"
	}
	// PYTHON names a Python with fontTools when python3 on the PATH lacks it.
	python := os.Getenv("PYTHON")
	if python == "" {
		python = "python3"
	}
	tmp, err := os.MkdirTemp("", "noto")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		args := []string{"-m", "fontTools.subset", filepath.Join(dir, f+".ttf"),
			"--output-file=" + filepath.Join(tmp, f+".ttf")}
		if strings.HasPrefix(f, "NotoSans-") {
			args = append(args, "--unicodes="+NotoSansBlocks, "--layout-features=",
				"--drop-tables+=GSUB,GPOS,GDEF,kern")
		} else {
			args = append(args, "--unicodes=*", "--layout-features=*")
		}
		cmd := exec.Command(python, args...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("%s: fontTools: %v (apt-get install python3-fonttools)", f, err)
		}
		data, err := os.ReadFile(filepath.Join(tmp, f+".ttf"))
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
