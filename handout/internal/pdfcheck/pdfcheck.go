// Package pdfcheck reads a written PDF back, independently of the writer
// that made it, and checks it against the machine-checkable rules of
// PDF/UA-1 (ISO 14289-1) that our handouts must meet. It is for tests.
//
// The file is read through qpdf (`qpdf --json=2` with streams decoded), so
// the objects are what any reader sees, not what our writer meant; content
// streams, marked content and ToUnicode maps are parsed here.
package pdfcheck

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Report is what a check found.
type Report struct {
	// Problems are the rules broken, each naming where.
	Problems []string
	Title    string // Info /Title
	Lang     string
	Pages    int
	// PageText is, per page, every character shown, in file order,
	// artifacts included, decoded through the fonts' ToUnicode maps.
	PageText []string
	// ContentText is the tagged (non-artifact) text in file order, and
	// TreeText the same read through the structure tree.
	ContentText, TreeText string
	Root                  *Node // the Document element's parent: the StructTreeRoot's kids
	Headings              []Heading
	Outlines              []Heading // bookmark titles, Level 1 at the top
	Fonts                 []Font
	Links                 []string // each link annotation's /Contents
	// Drawing is, per page, what its content stream paints (drawing.go).
	Drawing []PageDrawing
}

// Node is a structure element.
type Node struct {
	Type string
	Alt  string
	Lang string
	// ListNumbering is an L's numbering attribute, "" when none.
	ListNumbering string
	Text          string // the text of its marked content and its descendants, in order
	Kids          []*Node
	// Annots counts the annotations (OBJR) it holds.
	Annots int
}

// Heading is a heading element (H1…H6) or a bookmark.
type Heading struct {
	Level int
	Text  string
}

// Font is one font resource as a reader finds it.
type Font struct {
	Name      string
	ToUnicode bool
	Embedded  bool
}

// Check reads pdf and checks it. It needs qpdf (see internal/tooltest).
func Check(pdf []byte) (*Report, error) {
	f, err := os.CreateTemp("", "pdfcheck-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(pdf); err != nil {
		f.Close()
		return nil, err
	}
	f.Close()
	return CheckFile(f.Name())
}

// CheckFile reads the PDF at path and checks it.
func CheckFile(path string) (*Report, error) {
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path).Output()
	if err != nil {
		// qpdf exits 3 for warnings; its JSON is still complete.
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 3 {
			return nil, fmt.Errorf("qpdf --json %s: %v %s", path, err, stderr(err))
		}
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.QPDF) < 2 {
		return nil, fmt.Errorf("qpdf --json %s: unreadable output: %v", path, err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(doc.QPDF[1], &raw); err != nil {
		return nil, err
	}
	c := &checker{objs: map[string]any{}, r: &Report{}, mcText: map[mcKey]*strings.Builder{}, mcRefs: map[mcKey]int{}}
	for k, v := range raw {
		var o struct {
			Value  any `json:"value"`
			Stream *struct {
				Dict map[string]any `json:"dict"`
				Data string         `json:"data"`
			} `json:"stream"`
		}
		d := json.NewDecoder(bytes.NewReader(v))
		d.UseNumber()
		if err := d.Decode(&o); err != nil {
			return nil, fmt.Errorf("object %s: %v", k, err)
		}
		key := strings.TrimPrefix(k, "obj:")
		if o.Stream != nil {
			data, err := base64.StdEncoding.DecodeString(o.Stream.Data)
			if err != nil {
				return nil, fmt.Errorf("stream %s: %v", k, err)
			}
			c.objs[key] = &stream{dict: o.Stream.Dict, data: data}
		} else {
			c.objs[key] = o.Value
		}
	}
	c.run()
	return c.r, nil
}

func stderr(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}

type stream struct {
	dict map[string]any
	data []byte
}

type mcKey struct {
	page string // the page object's reference
	mcid int
}

type checker struct {
	objs   map[string]any
	r      *Report
	mcText map[mcKey]*strings.Builder // text of each MCID
	mcRefs map[mcKey]int              // times the tree references it
	mcElem map[mcKey]string           // the element (by reference) that holds it
	order  []mcKey                    // MCIDs in file order
	fonts  map[string]*fontInfo       // by reference
	// annots maps a link annotation's reference to the element holding
	// its OBJR.
	objr map[string]string
	rtl  bool // the document's language reads right to left
}

func (c *checker) problem(format string, a ...any) {
	c.r.Problems = append(c.r.Problems, fmt.Sprintf(format, a...))
}

var reRef = regexp.MustCompile(`^\d+ \d+ R$`)

func isRef(v any) bool {
	s, ok := v.(string)
	return ok && reRef.MatchString(s)
}

// get resolves references.
func (c *checker) get(v any) any {
	for i := 0; i < 32 && isRef(v); i++ {
		v = c.objs[v.(string)]
	}
	return v
}

func (c *checker) dict(v any) map[string]any {
	switch d := c.get(v).(type) {
	case map[string]any:
		return d
	case *stream:
		return d.dict
	}
	return nil
}

func (c *checker) array(v any) []any {
	a, _ := c.get(v).([]any)
	return a
}

func (c *checker) name(v any) string {
	s, _ := c.get(v).(string)
	if strings.HasPrefix(s, "/") {
		return s[1:]
	}
	return ""
}

func (c *checker) num(v any) (int, bool) {
	n, ok := c.get(v).(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil
}

// text decodes a PDF string as qpdf gives it: "u:" Unicode, "b:" hex bytes.
func (c *checker) text(v any) string {
	s, _ := c.get(v).(string)
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		b, _ := hex.DecodeString(s[2:])
		return string(b)
	}
	return ""
}

// run checks the document in steps: the catalog, the pages (their marked
// content and drawing, in one walk each), the structure and parent trees,
// heading levels, fonts and bookmarks.
func (c *checker) run() {
	c.mcElem = map[mcKey]string{}
	c.fonts = map[string]*fontInfo{}
	c.objr = map[string]string{}
	trailer, _ := c.objs["trailer"].(map[string]any)
	cat := c.dict(trailer["/Root"])
	if cat == nil {
		c.problem("no catalog")
		return
	}
	c.catalog(cat, c.dict(trailer["/Info"]))
	pages := c.pageRefs(cat["/Pages"])
	c.readPages(pages)
	str := c.dict(cat["/StructTreeRoot"])
	if str == nil {
		c.problem("the catalog has no /StructTreeRoot (7.1-11)")
		return
	}
	c.structTree(str, pages)
	c.parentTree(str, pages)
	c.headingLevels()
	c.fontsEmbedded()
	if o := c.dict(cat["/Outlines"]); o != nil {
		c.outlines(o["/First"], 1, 0)
	}
}

var pdfuaPart1 = regexp.MustCompile(`<pdfuaid:part>1</pdfuaid:part>|pdfuaid:part="1"`)

// catalog checks the document-wide entries: a title, a language, marked
// content, the title shown, and XMP metadata naming PDF/UA-1.
func (c *checker) catalog(cat, info map[string]any) {
	c.r.Title = c.text(info["/Title"])
	if c.r.Title == "" {
		c.problem("the Info dictionary has no /Title")
	}
	c.r.Lang = c.text(cat["/Lang"])
	c.rtl = rtlLanguage(c.r.Lang)
	if c.r.Lang == "" {
		c.problem("the catalog has no /Lang")
	}
	if mi := c.dict(cat["/MarkInfo"]); mi == nil || c.get(mi["/Marked"]) != true {
		c.problem("the catalog's /MarkInfo is not <</Marked true>> (PDF/UA 6.2-1)")
	}
	if vp := c.dict(cat["/ViewerPreferences"]); vp == nil || c.get(vp["/DisplayDocTitle"]) != true {
		c.problem("the catalog's /ViewerPreferences lacks /DisplayDocTitle true (7.1-10)")
	}
	if md, ok := c.get(cat["/Metadata"]).(*stream); !ok {
		c.problem("the catalog has no /Metadata stream")
	} else {
		x := string(md.data)
		if !pdfuaPart1.MatchString(x) {
			c.problem("XMP lacks pdfuaid:part 1 (5-1)")
		}
		if !strings.Contains(x, "<dc:title>") {
			c.problem("XMP lacks dc:title (7.1-8)")
		}
	}
}

// pageRefs lists the page tree's pages in order.
func (c *checker) pageRefs(root any) []string {
	var pages []string
	var walk func(ref any, depth int)
	walk = func(ref any, depth int) {
		d := c.dict(ref)
		if depth > 32 || d == nil {
			return
		}
		if c.name(d["/Type"]) == "Pages" {
			for _, k := range c.array(d["/Kids"]) {
				walk(k, depth+1)
			}
			return
		}
		pages = append(pages, ref.(string))
	}
	walk(root, 0)
	return pages
}

// readPages walks each page's content once, checking its marked content
// and reading its drawing back, then joins the tagged text in file order.
func (c *checker) readPages(pages []string) {
	c.r.Pages = len(pages)
	for i, p := range pages {
		tags, draw := c.newTagCheck(i, p), c.newDrawReader(p)
		c.walkContent(p, tags, draw)
		c.r.PageText = append(c.r.PageText, tags.finish())
		c.r.Drawing = append(c.r.Drawing, draw.finish(p))
	}
	var content strings.Builder
	for _, k := range c.order {
		content.WriteString(c.mcText[k].String())
	}
	c.r.ContentText = content.String()
}

// structTree reads the structure tree and holds it to the content: the
// same text in the same order, and every MCID referenced exactly once.
func (c *checker) structTree(str map[string]any, pages []string) {
	c.r.Root = &Node{Type: "StructTreeRoot"}
	var tree strings.Builder
	seen := map[string]bool{}
	for _, k := range c.kids(str["/K"]) {
		if n := c.elem(k, "", &tree, seen, 0); n != nil {
			c.r.Root.Kids = append(c.r.Root.Kids, n)
		}
	}
	c.r.TreeText = tree.String()
	if c.r.TreeText != c.r.ContentText {
		c.problem("the structure tree's text differs from the tagged content in file order%s", firstDiff(c.r.TreeText, c.r.ContentText))
	}
	for _, k := range c.order {
		switch n := c.mcRefs[k]; {
		case n == 0:
			c.problem("page %d: MCID %d is not in the structure tree", slices.Index(pages, k.page)+1, k.mcid)
		case n > 1:
			c.problem("page %d: MCID %d is referenced %d times", slices.Index(pages, k.page)+1, k.mcid, n)
		}
	}
	for k := range c.mcRefs {
		if _, ok := c.mcText[k]; !ok {
			c.problem("the tree references MCID %d on %s, which no content has", k.mcid, k.page)
		}
	}
}

// parentTree checks that the parent tree maps each page's MCIDs and each
// link annotation back to its element.
func (c *checker) parentTree(str map[string]any, pages []string) {
	nums := map[int]any{}
	c.numberTree(str["/ParentTree"], nums, 0)
	next, _ := c.num(str["/ParentTreeNextKey"])
	for k := range nums {
		if k >= next {
			c.problem("parent tree key %d is not below /ParentTreeNextKey %d", k, next)
		}
	}
	for i, p := range pages {
		pd := c.dict(p)
		key, ok := c.num(pd["/StructParents"])
		var arr []any
		if ok {
			arr = c.array(nums[key])
		}
		for _, k := range c.order {
			if k.page != p {
				continue
			}
			if !ok {
				c.problem("page %d has marked content but no /StructParents", i+1)
				break
			}
			if k.mcid >= len(arr) || arr[k.mcid] != c.mcElem[k] {
				c.problem("page %d: the parent tree does not map MCID %d to its element", i+1, k.mcid)
			}
		}
		c.annotations(i, pd, nums)
	}
}

// annotations checks page i's link annotations: tab order, words in
// /Contents, and each in a Link element its /StructParent maps to.
func (c *checker) annotations(i int, pd map[string]any, nums map[int]any) {
	annots := c.array(pd["/Annots"])
	if len(annots) > 0 && c.name(pd["/Tabs"]) != "S" {
		c.problem("page %d has annotations but no /Tabs /S (7.18.3-1)", i+1)
	}
	for _, a := range annots {
		ad := c.dict(a)
		if c.name(ad["/Subtype"]) != "Link" {
			continue
		}
		words := c.text(ad["/Contents"])
		c.r.Links = append(c.r.Links, words)
		if strings.TrimSpace(words) == "" {
			c.problem("page %d: a link annotation has no /Contents (7.18.5-2)", i+1)
		}
		ref, _ := a.(string)
		el, in := c.objr[ref]
		if !in {
			c.problem("page %d: link annotation %s is not in the structure tree (7.18.5-1)", i+1, ref)
			continue
		}
		if c.name(c.dict(el)["/S"]) != "Link" {
			c.problem("page %d: link annotation %s sits in a %s element, not a Link", i+1, ref, c.name(c.dict(el)["/S"]))
		}
		if sp, ok := c.num(ad["/StructParent"]); !ok || nums[sp] != el {
			c.problem("page %d: link annotation %s's /StructParent does not map to its element", i+1, ref)
		}
	}
}

// headingLevels checks that the first heading is H1 and that levels never
// skip (7.4.2-1).
func (c *checker) headingLevels() {
	last := 0
	for _, h := range c.r.Headings {
		if last == 0 && h.Level != 1 {
			c.problem("the first heading %q is H%d, not H1", h.Text, h.Level)
		} else if h.Level > last+1 && last > 0 {
			c.problem("heading %q is H%d after an H%d: levels skip (7.4.2-1)", h.Text, h.Level, last)
		}
		last = h.Level
	}
}

// fontsEmbedded lists the fonts used, each of which must be embedded and
// have a ToUnicode map.
func (c *checker) fontsEmbedded() {
	for _, f := range c.fonts {
		c.r.Fonts = append(c.r.Fonts, Font{Name: f.name, ToUnicode: f.cmap != nil, Embedded: f.embedded})
		if f.cmap == nil {
			c.problem("font %s has no ToUnicode map (7.21.7-1)", f.name)
		}
		if !f.embedded {
			c.problem("font %s is not embedded (7.21.4.1-1)", f.name)
		}
	}
	slices.SortFunc(c.r.Fonts, func(a, b Font) int { return strings.Compare(a.Name, b.Name) })
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	clip := func(s string) string {
		s = s[i:]
		if len(s) > 60 {
			s = s[:60]
		}
		return s
	}
	return fmt.Sprintf(" at byte %d: tree %q, content %q", i, clip(a), clip(b))
}

func (c *checker) outlines(ref any, level, depth int) {
	for i := 0; ref != nil && i < 1000 && depth < 16; i++ {
		d := c.dict(ref)
		if d == nil {
			return
		}
		c.r.Outlines = append(c.r.Outlines, Heading{Level: level, Text: c.text(d["/Title"])})
		if d["/First"] != nil {
			c.outlines(d["/First"], level+1, depth+1)
		}
		ref = d["/Next"]
	}
}

func (c *checker) numberTree(v any, out map[int]any, depth int) {
	d := c.dict(v)
	if d == nil || depth > 16 {
		return
	}
	nums := c.array(d["/Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := c.num(nums[i]); ok {
			out[k] = nums[i+1]
		}
	}
	for _, k := range c.array(d["/Kids"]) {
		c.numberTree(k, out, depth+1)
	}
}

// kids is a /K or /Contents value as a list: a single kid or an array.
func (c *checker) kids(v any) []any {
	if v == nil {
		return nil
	}
	if a, ok := c.get(v).([]any); ok {
		return a
	}
	return []any{v}
}

var headingLevel = regexp.MustCompile(`^H([1-6])$`)

// elem reads a structure element (ref) and its kids, appending its text to
// tree in reading order.
func (c *checker) elem(ref any, parentType string, tree *strings.Builder, seen map[string]bool, depth int) *Node {
	r, _ := ref.(string)
	if !isRef(ref) {
		c.problem("a structure element is not an indirect object")
		return nil
	}
	if seen[r] || depth > 64 {
		c.problem("structure element %s appears twice in the tree", r)
		return nil
	}
	seen[r] = true
	d := c.dict(ref)
	n := &Node{Type: c.name(d["/S"]), Alt: c.text(d["/Alt"]), Lang: c.text(d["/Lang"])}
	for _, at := range c.kids(d["/A"]) {
		if ad := c.dict(at); c.name(ad["/O"]) == "List" {
			n.ListNumbering = c.name(ad["/ListNumbering"])
		}
	}
	pg, _ := d["/Pg"].(string)
	start := tree.Len()
	for _, k := range c.kids(d["/K"]) {
		if m, ok := c.num(k); ok {
			c.mcid(mcKey{pg, m}, r, tree)
			continue
		}
		kd := c.dict(k)
		switch {
		case kd == nil:
			c.problem("element %s has a kid that is not an element, MCID, MCR or OBJR", r)
		case c.name(kd["/Type"]) == "MCR":
			p, _ := kd["/Pg"].(string)
			if p == "" {
				p = pg
			}
			m, _ := c.num(kd["/MCID"])
			c.mcid(mcKey{p, m}, r, tree)
		case c.name(kd["/Type"]) == "OBJR":
			o, _ := kd["/Obj"].(string)
			c.objr[o] = r
			n.Annots++
		default:
			if kid := c.elem(k, n.Type, tree, seen, depth+1); kid != nil {
				n.Kids = append(n.Kids, kid)
			}
		}
	}
	n.Text = tree.String()[start:]
	switch {
	case headingLevel.MatchString(n.Type):
		l, _ := strconv.Atoi(n.Type[1:])
		c.r.Headings = append(c.r.Headings, Heading{Level: l, Text: strings.TrimSpace(n.Text)})
	case n.Type == "Figure":
		if strings.TrimSpace(n.Alt) == "" {
			c.problem("a Figure has no /Alt (7.3-1)")
		}
	case n.Type == "H":
		c.problem("a generic H heading: use H1–H6 (7.4.4)")
	}
	allowed := map[string][]string{"L": {"LI", "Caption", "L"}, "LI": {"Lbl", "LBody"}}
	if ok := allowed[n.Type]; ok != nil {
		for _, k := range n.Kids {
			if !slices.Contains(ok, k.Type) {
				c.problem("a %s holds a %s (7.2-17..20)", n.Type, k.Type)
			}
		}
	}
	if n.Type == "L" && n.ListNumbering == "" {
		for _, li := range n.Kids {
			if len(li.Kids) > 0 && li.Kids[0].Type == "Lbl" {
				c.problem("a list with labels has no /ListNumbering attribute")
				break
			}
		}
	}
	if (n.Type == "LI" && parentType != "L") || ((n.Type == "Lbl" || n.Type == "LBody") && parentType != "LI") {
		c.problem("a %s sits in a %s", n.Type, parentType)
	}
	return n
}

func (c *checker) mcid(k mcKey, elem string, tree *strings.Builder) {
	c.mcRefs[k]++
	c.mcElem[k] = elem
	if t := c.mcText[k]; t != nil {
		tree.WriteString(t.String())
	}
}

// fontInfo is a font resource with its Unicode map.
type fontInfo struct {
	name     string
	cmap     map[int]string
	twoByte  bool
	embedded bool
}

func (c *checker) font(ref any) *fontInfo {
	r, _ := ref.(string)
	if f, ok := c.fonts[r]; ok && r != "" {
		return f
	}
	d := c.dict(ref)
	f := &fontInfo{name: c.name(d["/BaseFont"])}
	desc := c.dict(d["/FontDescriptor"])
	if c.name(d["/Subtype"]) == "Type0" {
		if df := c.array(d["/DescendantFonts"]); len(df) > 0 {
			desc = c.dict(c.dict(df[0])["/FontDescriptor"])
		}
		f.twoByte = true
	}
	f.embedded = desc != nil && (desc["/FontFile"] != nil || desc["/FontFile2"] != nil || desc["/FontFile3"] != nil)
	if s, ok := c.get(d["/ToUnicode"]).(*stream); ok {
		f.cmap = parseCMap(string(s.data))
	}
	if r != "" {
		c.fonts[r] = f
	}
	return f
}

var (
	reBlock = regexp.MustCompile(`(?s)begin(bfchar|bfrange)(.*?)end(bfchar|bfrange)`)
	reHex   = regexp.MustCompile(`<([0-9A-Fa-f]*)>|\[|\]`)
)

// parseCMap reads a ToUnicode CMap's bfchar and bfrange entries.
func parseCMap(s string) map[int]string {
	m := map[int]string{}
	hexUTF16 := func(h string) string {
		var u []uint16
		for i := 0; i+4 <= len(h); i += 4 {
			v, _ := strconv.ParseUint(h[i:i+4], 16, 16)
			u = append(u, uint16(v))
		}
		return string(utf16.Decode(u))
	}
	for _, blk := range reBlock.FindAllStringSubmatch(s, -1) {
		toks := reHex.FindAllStringSubmatch(blk[2], -1)
		for i := 0; i < len(toks); {
			if blk[1] == "bfchar" {
				if i+1 >= len(toks) {
					break
				}
				code, _ := strconv.ParseUint(toks[i][1], 16, 32)
				m[int(code)] = hexUTF16(toks[i+1][1])
				i += 2
				continue
			}
			if i+2 >= len(toks) {
				break
			}
			lo, _ := strconv.ParseUint(toks[i][1], 16, 32)
			hi, _ := strconv.ParseUint(toks[i+1][1], 16, 32)
			if toks[i+2][0] == "[" { // an array of destinations
				j := i + 3
				for c := lo; j < len(toks) && toks[j][0] != "]"; c, j = c+1, j+1 {
					m[int(c)] = hexUTF16(toks[j][1])
				}
				i = j + 1
				continue
			}
			dst := []rune(hexUTF16(toks[i+2][1]))
			for code := lo; code <= hi && len(dst) > 0; code++ {
				d := append([]rune(nil), dst...)
				d[len(d)-1] += rune(code - lo)
				m[int(code)] = string(d)
			}
			i += 3
		}
	}
	return m
}

// decode turns shown bytes into text through the font's map.
func (f *fontInfo) decode(b []byte) string {
	var s strings.Builder
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(b); i += step {
		code := int(b[i])
		if step == 2 {
			code = code<<8 | int(b[i+1])
		}
		if t, ok := f.cmap[code]; ok {
			s.WriteString(t)
		} else {
			s.WriteRune('\uFFFD')
		}
	}
	return s.String()
}
