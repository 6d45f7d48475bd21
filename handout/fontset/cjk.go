package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"handouts/handout/userfile"
)

// Chinese, Japanese and Korean. Their fonts are 5–20 MB, so they are not
// shipped in the binary: they are taken from the machine, by a search
// path (CJKSearchPath), one face file per language and weight. Only fonts
// outlined in glyf are used, which the glyph-ID subsetter already cuts:
// Noto Sans CJK, the quality choice, is CFF in a collection, and a CFF
// subsetter is work for later. A face inside a collection (.ttc) is
// taken out of it on its own, so only the face the language needs is
// parsed.

// cjkFile is one face of a CJK font on disk.
type cjkFile struct {
	file  string // path under a search root ("wqy/wqy-microhei.ttc"); also looked for by its base name
	index int    // face index in a collection; 0 for a .ttf
	name  string // the face's name in a PDF
}

// cjkFont is the font a CJK language is set in: its regular and bold
// faces (bold is the regular face where the font has none) and the Debian
// package that installs them.
type cjkFont struct {
	lang    string // the language's name in messages
	pkg     string
	regular cjkFile
	bold    *cjkFile
	letters string // what a clinic's own family must print to be used instead

	once sync.Once
	fam  *Family
	err  error
}

// The faces are chosen for their glyph forms: the same character is
// drawn differently in mainland China, Taiwan and Hong Kong, and Japan.
var (
	cjkHans = &cjkFont{lang: "Simplified Chinese", pkg: "fonts-wqy-microhei",
		regular: cjkFile{file: "wqy/wqy-microhei.ttc", name: "WenQuanYiMicroHei"},
		letters: "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年洗"}
	cjkHant = &cjkFont{lang: "Traditional Chinese", pkg: "fonts-arphic-uming",
		regular: cjkFile{file: "arphic/uming.ttc", index: 2, name: "ARPLUMingTW"},
		letters: "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年洗"}
	cjkHantHK = &cjkFont{lang: "Traditional Chinese (Hong Kong)", pkg: "fonts-arphic-uming",
		regular: cjkFile{file: "arphic/uming.ttc", index: 1, name: "ARPLUMingHK"},
		letters: cjkHant.letters}
	cjkJa = &cjkFont{lang: "Japanese", pkg: "fonts-ipafont-gothic",
		regular: cjkFile{file: "ipafont-gothic/ipag.ttf", name: "IPAGothic"},
		letters: "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ日本語ー"}
	cjkKo = &cjkFont{lang: "Korean", pkg: "fonts-nanum",
		regular: cjkFile{file: "nanum/NanumGothic.ttf", name: "NanumGothic"},
		bold:    &cjkFile{file: "nanum/NanumGothicBold.ttf", name: "NanumGothicBold"},
		letters: "가나다라마바사아자차카타파하한국어의는을를이가에서"}
)

// cjkFor is the CJK font for a language tag, or nil for a language not
// written in Han, kana or Hangul. Chinese without a script is
// Simplified, except the regions that write Traditional.
func cjkFor(lang string) *cjkFont {
	// No allocation: every build of every language asks.
	primary, rest, _ := strings.Cut(lang, "-")
	if i := strings.IndexByte(primary, '_'); i >= 0 {
		primary, rest = primary[:i], primary[i+1:]+"-"+rest
	}
	switch {
	case strings.EqualFold(primary, "ja"), strings.EqualFold(primary, "jpn"):
		return cjkJa
	case strings.EqualFold(primary, "ko"), strings.EqualFold(primary, "kor"):
		return cjkKo
	}
	yue := strings.EqualFold(primary, "yue")
	if !yue && !strings.EqualFold(primary, "zh") && !strings.EqualFold(primary, "zho") &&
		!strings.EqualFold(primary, "chi") && !strings.EqualFold(primary, "cmn") {
		return nil
	}
	trad, hk := yue, yue
	for rest != "" {
		var p string
		p, rest, _ = strings.Cut(rest, "-")
		if i := strings.IndexByte(p, '_'); i >= 0 {
			p, rest = p[:i], p[i+1:]+"-"+rest
		}
		switch {
		case strings.EqualFold(p, "hans"), strings.EqualFold(p, "cn"), strings.EqualFold(p, "sg"), strings.EqualFold(p, "my"):
			return cjkHans
		case strings.EqualFold(p, "hant"), strings.EqualFold(p, "tw"):
			trad = true
		case strings.EqualFold(p, "hk"), strings.EqualFold(p, "mo"):
			trad, hk = true, true
		}
	}
	switch {
	case hk:
		return cjkHantHK
	case trad:
		return cjkHant
	}
	return cjkHans
}

// IsCJK reports whether lang is written in Han, kana or Hangul.
func IsCJK(lang string) bool { return cjkFor(lang) != nil }

// CJKSearchEnv names the environment variable that lists folders to look
// in for CJK fonts before the system's, separated as PATH is.
const CJKSearchEnv = "HANDOUTS_CJK_FONTS"

// CJKSearchPath is where CJK fonts are looked for, in order: the folders
// in $HANDOUTS_CJK_FONTS, then the system's font folders (Debian installs
// its font packages under /usr/share/fonts/truetype and .../opentype).
// In each folder a face is looked for at its Debian path
// ("wqy/wqy-microhei.ttc") and by its file name alone.
func CJKSearchPath() []string {
	var dirs []string
	for _, d := range filepath.SplitList(os.Getenv(CJKSearchEnv)) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	dirs = append(dirs, "/usr/share/fonts/truetype", "/usr/share/fonts/opentype", "/usr/local/share/fonts")
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"))
	}
	return dirs
}

// find is the path of f's file on the search path, or "".
func (f cjkFile) find(dirs []string) string {
	for _, d := range dirs {
		for _, p := range []string{filepath.Join(d, f.file), filepath.Join(d, filepath.Base(f.file))} {
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p
			}
		}
	}
	return ""
}

// A MissingFontError says that a language's font is not on the machine,
// and which package installs it.
type MissingFontError struct {
	Lang    string   // the language's name
	Package string   // the Debian package with the font
	File    string   // the file looked for
	Dirs    []string // where it was looked for
}

func (e *MissingFontError) Error() string {
	return fmt.Sprintf("%s needs a CJK font, which is not shipped with handouts: install Debian's %s (apt-get install %s), or put %s in a folder named in $%s (looked in %s)",
		e.Lang, e.Package, e.Package, filepath.Base(e.File), CJKSearchEnv, strings.Join(e.Dirs, ", "))
}

// LanguageFontError is why a handout in lang cannot be printed with base:
// a *MissingFontError when the language needs a CJK font that base lacks
// and none is on the machine, or the font found is damaged; nil otherwise.
func LanguageFontError(base *Family, lang string) error {
	c := cjkFor(lang)
	if c == nil || covers(base, c.letters) {
		return nil
	}
	_, err := c.family()
	return err
}

// family loads the font's faces once per process.
func (c *cjkFont) family() (*Family, error) {
	c.once.Do(func() { c.fam, c.err = c.load(CJKSearchPath()) })
	return c.fam, c.err
}

// load finds the font's faces in dirs and parses them.
func (c *cjkFont) load(dirs []string) (*Family, error) {
	load := func(f cjkFile) (*Face, error) {
		p := f.find(dirs)
		if p == "" {
			return nil, &MissingFontError{Lang: c.lang, Package: c.pkg, File: f.file, Dirs: dirs}
		}
		data, err := readFace(p, f.index)
		if err != nil {
			return nil, fmt.Errorf("%s font %s: %w", c.lang, p, err)
		}
		face, err := parseFaceGlyphs(data, p, false)
		if err != nil {
			return nil, fmt.Errorf("%s font %s: %w", c.lang, p, err)
		}
		face.Name, face.shaped, face.cjk = f.name, true, true
		return face, nil
	}
	reg, err := load(c.regular)
	if err != nil {
		return nil, err
	}
	bold := reg
	if c.bold != nil {
		if bold, err = load(*c.bold); err != nil {
			return nil, err
		}
	}
	fam := &Family{Name: c.regular.name, Faces: [4]*Face{reg, bold, reg, bold}, shaped: true}
	// The table directories identify the files (each table's
	// checksum and length) without hashing megabytes per build.
	fam.Digest = FilesDigest([4][]byte{directory(reg.Data), directory(bold.Data), nil, nil})
	return fam, nil
}

// readFace reads face index of the font file at path as a font file of
// its own. A collection's (.ttc) face is its table directory with the
// tables it names read after it, and nothing else of the file: the other
// faces' tables are never read. A single font (index 0) is read whole.
// The whole is at most MaxFontBytes.
func readFace(path string, index int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathErr(err, path)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New("is not a regular file")
	}
	size := st.Size()
	at := func(off, n int64) ([]byte, error) {
		if off < 0 || n < 0 || off > size || n > size-off {
			return nil, errors.New("is damaged: a table lies outside the file")
		}
		b := make([]byte, n)
		_, err := f.ReadAt(b, off)
		return b, err
	}
	head, err := at(0, 12)
	if err != nil {
		return nil, errors.New("not a TrueType font (file too short)")
	}
	if string(head[:4]) != "ttcf" {
		if index != 0 {
			return nil, fmt.Errorf("is not a font collection, so it has no face %d", index)
		}
		if size > MaxFontBytes {
			return nil, fmt.Errorf("is larger than %s", userfile.Size(MaxFontBytes))
		}
		return at(0, size)
	}
	n := int64(binary.BigEndian.Uint32(head[8:]))
	if index < 0 || int64(index) >= n {
		return nil, fmt.Errorf("font collection has %d faces, not face %d", n, index)
	}
	b, err := at(12+4*int64(index), 4)
	if err != nil {
		return nil, err
	}
	off := int64(binary.BigEndian.Uint32(b))
	b, err = at(off, 12)
	if err != nil {
		return nil, err
	}
	numTables := int64(binary.BigEndian.Uint16(b[4:]))
	dir, err := at(off, 12+16*numTables)
	if err != nil {
		return nil, err
	}
	total := int64(len(dir))
	for i := range numTables {
		total += (int64(binary.BigEndian.Uint32(dir[12+16*i+12:])) + 3) &^ 3
	}
	if total > MaxFontBytes {
		return nil, fmt.Errorf("face %d is larger than %s", index, userfile.Size(MaxFontBytes))
	}
	out := make([]byte, len(dir), total)
	copy(out, dir)
	for i := range numTables {
		rec := out[12+16*i:]
		toff, tlen := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if toff > size || tlen > size-toff {
			return nil, fmt.Errorf("is damaged: table %q lies outside the file", rec[:4])
		}
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		start := len(out)
		out = out[:start+int((tlen+3)&^3)]
		if _, err := f.ReadAt(out[start:start+int(tlen)], toff); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// directory is a font file's table directory.
func directory(data []byte) []byte {
	if len(data) < 12 {
		return data
	}
	n := 12 + 16*int(binary.BigEndian.Uint16(data[4:]))
	return data[:min(n, len(data))]
}

// IsCJK reports whether the face is a Chinese, Japanese or Korean font
// found for a CJK handout: its text has no marks to place, so a shaper
// needs no outlines of it.
func (f *Face) IsCJK() bool { return f.cjk }
