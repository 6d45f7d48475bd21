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
// path (CJKSearchPath), one face file per language and weight. Noto Sans
// CJK comes first: one sans family for all four languages, each with its
// own glyph forms, in a regular and a bold weight. It is CFF in a
// collection (.ttc) of ten faces; only the face the language needs is
// read, and its glyphs are cut by the CFF subsetter (subsetCFF). Where it
// is not installed, a glyf-outlined font for the language is used.

// cjkFile is one face of a CJK font on disk.
type cjkFile struct {
	file  string // path under a search root ("wqy/wqy-microhei.ttc"); also looked for by its base name
	index int    // face index in a collection; 0 for a .ttf
	name  string // the face's name in a PDF
}

// cjkChoice is one font a CJK language can be set in: its regular and
// bold faces (bold is the regular face where the font has none) and the
// Debian package that installs them.
type cjkChoice struct {
	pkg     string
	regular cjkFile
	bold    *cjkFile
}

// cjkFont is the fonts a CJK language is set in, in order of preference.
type cjkFont struct {
	lang    string // the language's name in messages
	choices []cjkChoice
	letters string // what a clinic's own family must print to be used instead

	once sync.Once
	fam  *Family
	err  error
}

// notoSansCJK is Noto Sans CJK's regular and bold face for a language: the
// collections hold JP, KR, SC, TC and HK faces in that order.
func notoSansCJK(index int, region string) cjkChoice {
	return cjkChoice{pkg: "fonts-noto-cjk",
		regular: cjkFile{file: "noto/NotoSansCJK-Regular.ttc", index: index, name: "NotoSansCJK" + region + "-Regular"},
		bold:    &cjkFile{file: "noto/NotoSansCJK-Bold.ttc", index: index, name: "NotoSansCJK" + region + "-Bold"}}
}

// The faces are chosen for their glyph forms: the same character is
// drawn differently in mainland China, Taiwan and Hong Kong, and Japan.
// The fallbacks are glyf fonts with one weight, but Korean's; AR PL
// UMing, the only Traditional Chinese one Debian packages, is a serif
// (Ming) face.
var (
	cjkHans = &cjkFont{lang: "Simplified Chinese",
		choices: []cjkChoice{notoSansCJK(2, "sc"), {pkg: "fonts-wqy-microhei",
			regular: cjkFile{file: "wqy/wqy-microhei.ttc", name: "WenQuanYiMicroHei"}}},
		letters: "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年洗"}
	cjkHant = &cjkFont{lang: "Traditional Chinese",
		choices: []cjkChoice{notoSansCJK(3, "tc"), {pkg: "fonts-arphic-uming",
			regular: cjkFile{file: "arphic/uming.ttc", index: 2, name: "ARPLUMingTW"}}},
		letters: "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年洗"}
	cjkHantHK = &cjkFont{lang: "Traditional Chinese (Hong Kong)",
		choices: []cjkChoice{notoSansCJK(4, "hk"), {pkg: "fonts-arphic-uming",
			regular: cjkFile{file: "arphic/uming.ttc", index: 1, name: "ARPLUMingHK"}}},
		letters: cjkHant.letters}
	cjkJa = &cjkFont{lang: "Japanese",
		choices: []cjkChoice{notoSansCJK(0, "jp"), {pkg: "fonts-ipafont-gothic",
			regular: cjkFile{file: "ipafont-gothic/ipag.ttf", name: "IPAGothic"}}},
		letters: "あいうえおかきくけこさしすせそたちつてとなにぬねのアイウエオカキクケコ日本語ー"}
	cjkKo = &cjkFont{lang: "Korean",
		choices: []cjkChoice{notoSansCJK(1, "kr"), {pkg: "fonts-nanum",
			regular: cjkFile{file: "nanum/NanumGothic.ttf", name: "NanumGothic"},
			bold:    &cjkFile{file: "nanum/NanumGothicBold.ttf", name: "NanumGothicBold"}}},
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

// IgnoreSystemFontsEnv names the environment variable that, set to 1 or
// true, keeps the system's font folders off the search path (as Typst's
// --ignore-system-fonts): only the folders of $HANDOUTS_CJK_FONTS are
// searched, for hermetic builds and to choose a fallback font.
const IgnoreSystemFontsEnv = "HANDOUTS_IGNORE_SYSTEM_FONTS"

// CJKSearchPath is where CJK fonts are looked for, in order: the folders
// in $HANDOUTS_CJK_FONTS, then the system's font folders (Debian installs
// its font packages under /usr/share/fonts/truetype and .../opentype),
// unless $HANDOUTS_IGNORE_SYSTEM_FONTS is set. In each folder a face is
// looked for at its Debian path ("noto/NotoSansCJK-Regular.ttc") and by
// its file name alone.
func CJKSearchPath() []string {
	var dirs []string
	for _, g := range cjkSearchGroups() {
		dirs = append(dirs, g...)
	}
	return dirs
}

// cjkSearchGroups is the search path as load takes it: each folder of
// $HANDOUTS_CJK_FONTS alone, then the system's folders together. A font a
// user put in a folder of their own is used before any on the system;
// among the system's, the language's first choice wherever it is.
func cjkSearchGroups() [][]string {
	var groups [][]string
	for _, d := range filepath.SplitList(os.Getenv(CJKSearchEnv)) {
		if d != "" {
			groups = append(groups, []string{d})
		}
	}
	switch strings.ToLower(os.Getenv(IgnoreSystemFontsEnv)) {
	case "1", "true", "yes":
		return groups
	}
	system := []string{"/usr/share/fonts/opentype", "/usr/share/fonts/truetype", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		system = append(system, filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"))
	}
	return append(groups, system)
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
	Others  []string // other packages whose fonts would do
	Dirs    []string // where it was looked for
}

func (e *MissingFontError) Error() string {
	also := ""
	if len(e.Others) > 0 {
		also = "; " + strings.Join(e.Others, ", ") + " also works"
	}
	return fmt.Sprintf("%s needs a CJK font, which is not shipped with handouts: install Debian's %s (apt-get install %s%s), or put %s in a folder named in $%s (looked in %s)",
		e.Lang, e.Package, e.Package, also, filepath.Base(e.File), CJKSearchEnv, strings.Join(e.Dirs, ", "))
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
	c.once.Do(func() { c.fam, c.err = c.load(cjkSearchGroups()) })
	return c.fam, c.err
}

// load finds the first of the font's choices on the search path (its
// groups in order, cjkSearchGroups) and parses its faces.
func (c *cjkFont) load(groups [][]string) (*Family, error) {
	for _, dirs := range groups {
		for _, ch := range c.choices {
			if p := ch.regular.find(dirs); p != "" {
				return c.loadChoice(ch, dirs)
			}
		}
	}
	var all, others []string
	for _, g := range groups {
		all = append(all, g...)
	}
	for _, ch := range c.choices[1:] {
		others = append(others, ch.pkg)
	}
	return nil, &MissingFontError{Lang: c.lang, Package: c.choices[0].pkg, File: c.choices[0].regular.file, Others: others, Dirs: all}
}

// loadChoice parses a font's faces, found in dirs.
func (c *cjkFont) loadChoice(ch cjkChoice, dirs []string) (*Family, error) {
	load := func(f cjkFile) (*Face, error) {
		p := f.find(dirs)
		if p == "" {
			return nil, &MissingFontError{Lang: c.lang, Package: ch.pkg, File: f.file, Dirs: dirs}
		}
		data, err := readFace(p, f.index)
		if err != nil {
			return nil, fmt.Errorf("%s font %s: %w", c.lang, p, err)
		}
		face, err := parseCJKFace(data, p)
		if err != nil {
			return nil, fmt.Errorf("%s font %s: %w", c.lang, p, err)
		}
		face.Name, face.shaped, face.cjk = f.name, true, true
		return face, nil
	}
	// The bold face is read on another core while the regular one is:
	// reading and checking a face is a few milliseconds of a build that
	// has forty. A folder holding the regular face alone
	// (NotoSansCJK-Regular.ttc copied without its bold) prints headings
	// in the regular weight, as the fonts without a bold do.
	var bold *Face
	var boldErr error
	var wg sync.WaitGroup
	if ch.bold != nil && ch.bold.find(dirs) != "" {
		wg.Go(func() { bold, boldErr = load(*ch.bold) })
	}
	reg, err := load(ch.regular)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if boldErr != nil {
		return nil, boldErr
	}
	if bold == nil {
		bold = reg
	}
	fam := &Family{Name: ch.regular.name, Faces: [4]*Face{reg, bold, reg, bold}, shaped: true}
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
	inPlace := true // every table lies after the directory, in the file, aligned
	var end int64
	for i := range numTables {
		rec := dir[12+16*i:]
		toff, tlen := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		total += (tlen + 3) &^ 3
		// sfnt refuses a table not on a 4-byte boundary, which the
		// copying path below aligns (WenQuanYi's are not).
		inPlace = inPlace && toff >= int64(len(dir)) && toff <= size && tlen <= size-toff && toff%4 == 0
		end = max(end, toff+tlen)
	}
	if total > MaxFontBytes {
		return nil, fmt.Errorf("face %d is larger than %s", index, userfile.Size(MaxFontBytes))
	}
	// A collection's table offsets count from the start of the file, so
	// the file itself, its first bytes overwritten with the face's table
	// directory, is a font file of that face. Mapped copy-on-write, only
	// the pages read are loaded, and only the first is copied: Noto Sans
	// CJK's faces share a 15 MB CFF table, of which a handout reads a few
	// hundred glyphs. The mapping lives as long as the process (a CJK
	// face is loaded once per process).
	if inPlace {
		if m, err := mapFile(f, end); err == nil {
			copy(m, dir)
			return m, nil
		}
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
