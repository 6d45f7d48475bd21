package pdfwriter

import (
	"bytes"
	"errors"
	"fmt"
	"handouts/handout/linkcheck"
	"handouts/handout/spaces"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// assemble turns fpdf's output into a Tagged PDF. fpdf has no hook for what
// tagging needs in its objects (the catalog's /StructTreeRoot, /MarkInfo
// and /ViewerPreferences, the pages' /StructParents, /Tabs and indirect
// link annotations), so the file is rewritten once it is complete: fpdf's
// cross-reference table gives every object's place, each object is copied
// as it is except the catalog and the pages, which get their extra
// entries, the pages' content streams, which are replaced by the drawer's,
// and the resource dictionary, which gets the fonts; then the fonts, the
// structure tree, the annotations and the Unicode maps are added. The
// structure elements and font dictionaries go into a compressed object
// stream (most of their bytes are repeated keys and widths), which needs a
// cross-reference stream (PDF 1.5) in place of the table.
//
// This depends on how fpdf lays out a file (a table, not a stream; every
// dictionary closing with ">>" before "endobj"; page objects listed in
// object 1's /Kids, sharing one resource dictionary with an empty /Font
// entry). Those are checked here and fail loudly, and the structural tests
// read every written file back with qpdf.
//
// Rewriting rather than appending an incremental update leaves no dead
// copies of the objects replaced, costs the same (one copy of the bytes),
// and keeps the output a single revision, which some checkers prefer.

var (
	reKids      = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	reRef       = regexp.MustCompile(`(\d+) 0 R`)
	reContents  = regexp.MustCompile(`/Contents (\d+) 0 R`)
	reResources = regexp.MustCompile(`/Resources (\d+) 0 R`)
)

// fontMap is one simple font's characters by code, for its ToUnicode map.
type fontMap struct {
	name  string // the BaseFont
	n     int    // 0: WinAnsi; else codes from 32 in order
	runes []rune
}

type fpdfFile struct {
	src     []byte
	offsets []int // by object number; 0 for none
	ends    []int // where each object's bytes end
	order   []int // object numbers in file order
	size    int   // the old /Size
	root    int
	info    int
	pages   []int
	// contents are the pages' content stream objects, by the page's
	// index: fpdf's page set-up, replaced by what drawer wrote.
	contents map[int]int
	// resources is the resource dictionary all pages share, which gets
	// the fonts.
	resources int
}

func parseFpdf(src []byte) (*fpdfFile, error) {
	fin := &fpdfFile{src: src}
	i := bytes.LastIndex(src, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	xref, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(src[i+len("startxref"):])), "%%EOF")))
	if err != nil || xref <= 0 || xref >= len(src) {
		return nil, errors.New("bad startxref")
	}
	rest := src[xref:]
	if !bytes.HasPrefix(rest, []byte("xref\n0 ")) {
		return nil, errors.New("not an xref table")
	}
	var n int
	if _, err := fmt.Sscanf(string(rest[len("xref\n0 "):]), "%d", &n); err != nil || n < 3 {
		return nil, errors.New("bad xref header")
	}
	nl := bytes.IndexByte(rest[len("xref\n"):], '\n')
	body := rest[len("xref\n")+nl+1:]
	if len(body) < 20*n {
		return nil, errors.New("short xref table")
	}
	fin.size = n
	fin.offsets = make([]int, n)
	for k := 1; k < n; k++ {
		e := body[20*k : 20*k+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[17] != 'n' || off <= 0 || off >= xref {
			return nil, fmt.Errorf("bad xref entry %d", k)
		}
		fin.offsets[k] = off
	}
	// Each object ends where the next one in the file starts, or at the
	// table.
	fin.order = make([]int, 0, n-1)
	for k := 1; k < n; k++ {
		fin.order = append(fin.order, k)
	}
	slices.SortFunc(fin.order, func(a, b int) int { return fin.offsets[a] - fin.offsets[b] })
	fin.ends = make([]int, n)
	for i, k := range fin.order {
		fin.ends[k] = xref
		if i+1 < len(fin.order) {
			fin.ends[k] = fin.offsets[fin.order[i+1]]
		}
	}
	trailer := string(body[20*n:])
	if _, err := fmt.Sscanf(trailer[strings.Index(trailer, "/Root ")+len("/Root "):], "%d", &fin.root); err != nil {
		return nil, errors.New("no /Root")
	}
	if _, err := fmt.Sscanf(trailer[strings.Index(trailer, "/Info ")+len("/Info "):], "%d", &fin.info); err != nil {
		return nil, errors.New("no /Info")
	}
	m := reKids.FindSubmatch(fin.object(1))
	if m == nil {
		return nil, errors.New("no /Kids in the page tree")
	}
	for _, r := range reRef.FindAllSubmatch(m[1], -1) {
		p, _ := strconv.Atoi(string(r[1]))
		fin.pages = append(fin.pages, p)
	}
	fin.contents = map[int]int{}
	for i, p := range fin.pages {
		c := reContents.FindSubmatch(fin.object(p))
		r := reResources.FindSubmatch(fin.object(p))
		if c == nil || r == nil {
			return nil, fmt.Errorf("page object %d has no /Contents or /Resources", p)
		}
		k, _ := strconv.Atoi(string(c[1]))
		fin.contents[k] = i
		res, _ := strconv.Atoi(string(r[1]))
		if i > 0 && res != fin.resources {
			return nil, fmt.Errorf("page object %d has resources of its own", p)
		}
		fin.resources = res
	}
	return fin, nil
}

// object returns object k's bytes, from "k 0 obj" up to the next object
// or the table.
func (fin *fpdfFile) object(k int) []byte { return fin.src[fin.offsets[k]:fin.ends[k]] }

// extend inserts entries at the end of dictionary object k, which must
// not be a stream.
func (fin *fpdfFile) extend(k int, entries string) ([]byte, error) {
	obj := fin.object(k)
	e := bytes.LastIndex(obj, []byte("endobj"))
	if e < 0 || bytes.Contains(obj, []byte("\nstream\n")) {
		return nil, fmt.Errorf("object %d is not a dictionary", k)
	}
	d := bytes.LastIndex(obj[:e], []byte(">>"))
	if d < 0 {
		return nil, fmt.Errorf("object %d is not a dictionary", k)
	}
	out := make([]byte, 0, len(obj)+len(entries)+1)
	out = append(out, obj[:d]...)
	out = append(out, ' ')
	out = append(out, entries...)
	return append(out, obj[d:]...), nil
}

// pdfWriter assembles the new file with its cross-reference entries.
type pdfWriter struct {
	buf    bytes.Buffer
	typ    []byte // per object: 0 free, 1 in the file, 2 in the object stream
	off    []int  // offset, or the object stream's number
	idx    []int  // index in the object stream
	stream struct {
		head, body bytes.Buffer
		n          int
	}
	scratch bytes.Buffer // a stream while it is compressed
}

func (w *pdfWriter) grow(n int) {
	for len(w.typ) < n {
		w.typ = append(w.typ, 0)
		w.off = append(w.off, 0)
		w.idx = append(w.idx, 0)
	}
}

// direct writes object k into the file.
func (w *pdfWriter) direct(k int, obj []byte) {
	w.grow(k + 1)
	w.typ[k], w.off[k] = 1, w.buf.Len()
	w.buf.Write(obj)
}

// packed puts object k (a dictionary, no stream) into the object stream.
func (w *pdfWriter) packed(k int, obj string) {
	w.grow(k + 1)
	w.typ[k], w.idx[k] = 2, w.stream.n
	var h [24]byte
	hb := strconv.AppendInt(h[:0], int64(k), 10)
	hb = append(strconv.AppendInt(append(hb, ' '), int64(w.stream.body.Len()), 10), ' ')
	w.stream.head.Write(hb)
	w.stream.body.WriteString(obj)
	w.stream.body.WriteByte('\n')
	w.stream.n++
}

// fixed2 is a number with exactly two decimals, as annotation rectangles
// are written.
type fixed2 float64

func (v fixed2) appendPDF(b []byte) []byte { return strconv.AppendFloat(b, float64(v), 'f', 2, 64) }

// packedObj puts object k, a dictionary, into the object stream.
func (w *pdfWriter) packedObj(k int, d pdfDict) { w.packed(k, string(d.appendPDF(nil))) }

// streamObj writes object k as a compressed stream with extra dictionary
// entries.
func (w *pdfWriter) streamObj(k int, dict string, data []byte) {
	w.grow(k + 1)
	w.typ[k], w.off[k] = 1, w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n<<%s /Filter /FlateDecode /Length %d>>\nstream\n", k, dict, len(data))
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// deflated writes object k as a stream of the parts, one after the other,
// compressed: the object stream's header and objects are never joined.
func (w *pdfWriter) deflated(k int, dict string, c *Subsets, parts ...[]byte) {
	w.scratch.Reset()
	c.deflateTo(&w.scratch, parts...)
	w.streamObj(k, dict, w.scratch.Bytes())
}

// pdfText is s as a PDF text string (see appendText).
func pdfText(s string) string { return string(appendText(nil, s)) }

// pdfURI is a URI action's address: an ASCII string (ISO 32000-1,
// 12.6.4.7), so any other byte is percent-encoded, as RFC 3986 does.
func pdfURI(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c < 0x21 || c > 0x7E {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return pdfText(b.String())
}

// assembly is what the rewrite needs besides fpdf's bytes.
type assembly struct {
	tags      *tagger
	linkText  map[int]string // visible words of each link, by annotation
	fonts     []embeddedFont
	glyphs    []embeddedGlyphFont // Type0 fonts of shaped text
	content   [][]byte            // each page's content stream, uncompressed
	pageH     float64
	subsets   *Subsets
	structAlt func(st int) string
}

// assemble rewrites src (fpdf's output) as a Tagged PDF, in steps: number
// the new objects, copy fpdf's with the catalog, pages and resources
// extended, then write the fonts, the structure tree, the annotations and
// the cross-reference stream.
func assemble(src []byte, in assembly) ([]byte, error) {
	fin, err := parseFpdf(src)
	if err != nil {
		return nil, fmt.Errorf("reading fpdf's output: %w", err)
	}
	if len(fin.pages) != len(in.tags.pages) {
		return nil, fmt.Errorf("reading fpdf's output: %d pages, drew %d", len(fin.pages), len(in.tags.pages))
	}
	n := numberObjects(fin, in)
	w, err := startFile(src, fin, in)
	if err != nil {
		return nil, err
	}
	if err := n.copyFpdf(w, fin, in); err != nil {
		return nil, fmt.Errorf("rewriting fpdf's output: %w", err)
	}
	n.writeFonts(w, in)
	if err := n.writeStructTree(w, in); err != nil {
		return nil, err
	}
	n.writeAnnots(w, in)
	n.writeParentTree(w, in)
	n.writeXref(w, fin, in)
	return w.buf.Bytes(), nil
}

// numbers are the object numbers of everything assemble adds to fpdf's
// objects, allocated after them, the structure tree in reading order.
type numbers struct {
	next     int
	root     int   // the StructTreeRoot
	elem     []int // structure element -> object
	order    []int // elements in reading order
	pageRefs []pdfRef
	// The footer's links to one address, one on each page, share one
	// Link element, so a reader hears each address once, not once a page.
	footElem  []int   // one Link element per address
	footGroup [][]int // its annotations
	annot     []int   // annotation -> object
	annotElem []int   // the Link element holding it
	font      []int   // simple font -> its first object
	glyphFont []int   // Type0 font -> its first object
}

func (n *numbers) alloc() int { n.next++; return n.next - 1 }

// numberObjects allocates the new objects' numbers.
func numberObjects(fin *fpdfFile, in assembly) *numbers {
	t := in.tags
	n := &numbers{next: fin.size}
	n.root = n.alloc()
	n.elem = make([]int, len(t.elems))
	var visit func(e int)
	visit = func(e int) {
		n.elem[e] = n.alloc()
		n.order = append(n.order, e)
		for _, k := range t.elems[e].kids {
			if k.elem >= 0 {
				visit(k.elem)
			}
		}
	}
	visit(0)
	byURL := map[string]int{}
	for _, a := range t.footLinks {
		g, ok := byURL[t.annots[a].url]
		if !ok {
			g = len(n.footElem)
			byURL[t.annots[a].url] = g
			n.footElem = append(n.footElem, n.alloc())
			n.footGroup = append(n.footGroup, nil)
		}
		n.footGroup[g] = append(n.footGroup[g], a)
	}
	n.annot = make([]int, len(t.annots))
	n.annotElem = make([]int, len(t.annots))
	for i := range t.annots {
		n.annot[i] = n.alloc()
	}
	for g, as := range n.footGroup {
		for _, a := range as {
			n.annotElem[a] = n.footElem[g]
		}
	}
	for i, a := range t.annots {
		if a.st >= 0 {
			n.annotElem[i] = n.elem[a.st]
		}
	}
	// Each simple font is a dictionary, a descriptor, a program and a
	// Unicode map; a glyph font a Type0 font, its CID font and
	// descriptor, a program and a Unicode map.
	n.font = make([]int, len(in.fonts))
	for i := range in.fonts {
		n.font[i] = n.alloc()
		n.next += 3
	}
	n.glyphFont = make([]int, len(in.glyphs))
	for i := range in.glyphs {
		n.glyphFont[i] = n.alloc()
		n.next += 4
	}
	n.pageRefs = make([]pdfRef, len(fin.pages))
	for p, o := range fin.pages {
		n.pageRefs[p] = pdfRef(o)
	}
	return n
}

// startFile makes the writer, its buffers sized for the whole file, and
// writes the header.
func startFile(src []byte, fin *fpdfFile, in assembly) (*pdfWriter, error) {
	t := in.tags
	w := &pdfWriter{}
	// Room for fpdf's bytes, the font programs, the pages' streams (which
	// compress to less than a third) and what tagging adds, from make
	// rather than Grow: Grow clears the whole buffer, touching pages that
	// the PDF never reaches. Growing by doubling would copy it all again.
	size := len(src) + len(src)/4 + 16<<10
	for _, ft := range in.fonts {
		size += len(ft.program) + 1<<10
	}
	for _, ft := range in.glyphs {
		size += len(ft.gf.sub.program) + 1<<10
	}
	for _, c := range in.content {
		size += len(c) / 3
	}
	w.buf = *bytes.NewBuffer(make([]byte, 0, size))
	w.scratch = *bytes.NewBuffer(make([]byte, 0, 16<<10))
	// The object stream: its structure elements and annotations take
	// about 60 bytes each, a font's dictionaries about 1 KB.
	packed := len(t.elems) + len(t.annots) + 2*len(in.fonts) + 3*len(in.glyphs) + 1
	w.stream.head = *bytes.NewBuffer(make([]byte, 0, 10*packed))
	w.stream.body = *bytes.NewBuffer(make([]byte, 0, 64*packed+1<<10*(len(in.fonts)+len(in.glyphs))))
	// The header, with the version objects streams need.
	header := src[:fin.offsets[fin.order[0]]]
	if !bytes.HasPrefix(header, []byte("%PDF-1.")) {
		return nil, errors.New("reading fpdf's output: no PDF header")
	}
	w.buf.WriteString("%PDF-1.7")
	w.buf.Write(header[len("%PDF-1.x"):])
	return w, nil
}

// copyFpdf copies fpdf's objects in their order: the catalog gets the
// structure tree, the pages their structure parents and annotations, the
// shared resources the fonts, and each page's content stream is replaced
// by the drawer's.
func (n *numbers) copyFpdf(w *pdfWriter, fin *fpdfFile, in assembly) error {
	t := in.tags
	pageNum := map[int]int{}
	for i, p := range fin.pages {
		pageNum[p] = i
	}
	annotsOn := make([][]int, len(fin.pages))
	for i, a := range t.annots {
		annotsOn[a.page] = append(annotsOn[a.page], n.annot[i])
	}
	for _, k := range fin.order {
		obj := fin.object(k)
		var err error
		switch p, isPage := pageNum[k]; {
		case k == fin.root:
			obj, err = fin.extend(k, n.catalogEntries())
		case isPage:
			if bytes.Contains(obj, []byte("/Annots")) {
				return fmt.Errorf("page %d has fpdf's own annotations", p+1)
			}
			obj, err = fin.extend(k, pageEntries(p, annotsOn[p]))
		case k == fin.resources:
			obj, err = fin.addFonts(k, in.fonts, n.font, in.glyphs, n.glyphFont)
		default:
			if p, ok := fin.contents[k]; ok {
				w.deflated(k, "", in.subsets, in.content[p])
				continue
			}
			if bytes.Contains(obj, []byte("/Type /Font")) {
				err = fmt.Errorf("object %d is a font of fpdf's own", k)
			}
		}
		if err != nil {
			return err
		}
		w.direct(k, obj)
	}
	return nil
}

// catalogEntries are what a Tagged PDF adds to the catalog.
func (n *numbers) catalogEntries() string {
	d := pdfDict{
		{"MarkInfo", pdfDict{{"Marked", pdfBool(true)}}},
		{"StructTreeRoot", pdfRef(n.root)},
		{"ViewerPreferences", pdfDict{{"DisplayDocTitle", pdfBool(true)}}},
	}.appendPDF(nil)
	return string(d[2 : len(d)-2])
}

// pageEntries are what a Tagged PDF adds to page p: its key in the parent
// tree, and its annotations with the order they are visited in.
func pageEntries(p int, annots []int) string {
	d := pdfDict{{"StructParents", pdfInt(p)}}
	if len(annots) > 0 {
		refs := make(pdfArray, len(annots))
		for i, a := range annots {
			refs[i] = pdfRef(a)
		}
		d = append(d, entry{"Tabs", pdfName("S")}, entry{"Annots", refs})
	}
	b := d.appendPDF(nil)
	return string(b[2 : len(b)-2])
}

// writeFonts writes the simple fonts and the glyph fonts.
func (n *numbers) writeFonts(w *pdfWriter, in assembly) {
	for i, ft := range in.fonts {
		writeFont(w, n.font[i], ft, in.subsets)
	}
	for i, ft := range in.glyphs {
		writeGlyphFont(w, n.glyphFont[i], ft, in.subsets)
	}
}

// writeStructTree writes the structure elements and the footer's Link
// elements. Elements are most
// of what tagging writes, so they are appended directly, not built as
// dictionaries first.
func (n *numbers) writeStructTree(w *pdfWriter, in assembly) error {
	t := in.tags
	var el []byte
	ref := func(o int) { el = pdfRef(o).appendPDF(el) }
	for _, e := range n.order {
		if t.types[e] == "" {
			return fmt.Errorf("structure role %s has no PDF structure type: map it in structType", t.tree.Structs[e].Role)
		}
		elem := t.elems[e]
		parent := n.root
		if e != 0 {
			parent = n.elem[elem.parent]
		}
		el = append(el[:0], "<</S "...)
		el = appendName(el, t.types[e])
		el = append(el, " /P "...)
		ref(parent)
		pg := -1
		for _, k := range elem.kids {
			if k.elem < 0 && k.annot < 0 {
				pg = k.page
				break
			}
		}
		if pg >= 0 {
			el = n.pageRefs[pg].appendPDF(append(el, " /Pg "...))
		}
		if alt := in.structAlt(e); alt != "" {
			el = appendText(append(el, " /Alt "...), alt)
		}
		if lang := t.tree.Structs[e].Lang; lang != "" {
			el = appendText(append(el, " /Lang "...), lang)
		}
		// PDF/UA: a list whose items have labels says how they count (only
		// lists carry Numbering).
		if n := t.tree.Structs[e].Numbering.String(); n != "" {
			el = appendName(append(el, " /A <</O /List /ListNumbering "...), n)
			el = append(el, ">>"...)
		}
		nk := len(elem.kids)
		if e == 0 {
			nk += len(n.footElem)
		}
		el = append(el, " /K "...)
		if nk != 1 {
			el = append(el, '[')
		}
		for i, k := range elem.kids {
			if i > 0 {
				el = append(el, ' ')
			}
			switch {
			case k.elem >= 0:
				ref(n.elem[k.elem])
			case k.annot >= 0:
				el = append(el, "<</Type /OBJR /Obj "...)
				ref(n.annot[k.annot])
				el = append(n.pageRefs[t.annots[k.annot].page].appendPDF(append(el, " /Pg "...)), ">>"...)
			case k.page == pg:
				el = strconv.AppendInt(el, int64(k.mcid), 10)
			default:
				el = n.pageRefs[k.page].appendPDF(append(el, "<</Type /MCR /Pg "...))
				el = append(strconv.AppendInt(append(el, " /MCID "...), int64(k.mcid), 10), ">>"...)
			}
		}
		if e == 0 {
			// The footer's links close the document.
			for i, f := range n.footElem {
				if i > 0 || len(elem.kids) > 0 {
					el = append(el, ' ')
				}
				ref(f)
			}
		}
		if nk != 1 {
			el = append(el, ']')
		}
		el = append(el, ">>"...)
		w.packed(n.elem[e], string(el))
	}
	for g, as := range n.footGroup {
		// The link's text is pagination, so the element says it in /Alt.
		first := t.annots[as[0]]
		kids := make(pdfArray, len(as))
		for i, a := range as {
			kids[i] = pdfDict{{"Type", pdfName("OBJR")}, {"Obj", pdfRef(n.annot[a])}, {"Pg", n.pageRefs[t.annots[a].page]}}
		}
		w.packedObj(n.footElem[g], pdfDict{
			{"S", pdfName("Link")}, {"P", pdfRef(n.elem[0])}, {"Pg", n.pageRefs[first.page]},
			{"Alt", textString(linkWords(in.linkText[as[0]], first.url))}, {"K", kids},
		})
	}
	return nil
}

// writeParentTree writes the StructTreeRoot with its parent tree: each
// page's MCIDs, then each annotation, each pair followed by a space.
func (n *numbers) writeParentTree(w *pdfWriter, in assembly) {
	t := in.tags
	b := pdfDict{{"Type", pdfName("StructTreeRoot")}, {"K", pdfRef(n.elem[0])}}.appendPDF(nil)
	b = append(b[:len(b)-2], " /ParentTree <</Nums ["...)
	for p, mcids := range t.pages {
		refs := make(pdfArray, len(mcids))
		for i, st := range mcids {
			refs[i] = pdfRef(n.elem[st])
		}
		b = append(refs.appendPDF(append(strconv.AppendInt(b, int64(p), 10), ' ')), ' ')
	}
	for i := range t.annots {
		b = strconv.AppendInt(b, int64(len(n.pageRefs)+i), 10)
		b = append(pdfRef(n.annotElem[i]).appendPDF(append(b, ' ')), ' ')
	}
	b = append(b, "]>> /ParentTreeNextKey "...)
	b = append(strconv.AppendInt(b, int64(len(n.pageRefs)+len(t.annots)), 10), ">>"...)
	w.packed(n.root, string(b))
}

// writeAnnots writes the link annotations, each an indirect object that
// its Link element points at, with its words in /Contents.
func (n *numbers) writeAnnots(w *pdfWriter, in assembly) {
	for i, a := range in.tags.annots {
		x1, y1 := a.x, in.pageH-a.y-a.h
		w.packedObj(n.annot[i], pdfDict{
			{"Type", pdfName("Annot")}, {"Subtype", pdfName("Link")},
			{"Rect", pdfArray{fixed2(x1), fixed2(y1), fixed2(x1 + a.w), fixed2(y1 + a.h)}},
			{"Border", pdfArray{pdfInt(0), pdfInt(0), pdfInt(0)}}, {"F", pdfInt(4)},
			{"Contents", textString(linkWords(in.linkText[i], a.url))},
			{"StructParent", pdfInt(len(n.pageRefs) + i)},
			{"A", pdfDict{{"S", pdfName("URI")}, {"URI", rawObject(pdfURI(a.url))}}},
		})
	}
}

// writeXref writes the object stream, then the cross-reference stream
// that finds every object, in the file or in the object stream.
func (n *numbers) writeXref(w *pdfWriter, fin *fpdfFile, in assembly) {
	objStm := n.alloc()
	w.deflated(objStm, fmt.Sprintf("/Type /ObjStm /N %d /First %d", w.stream.n, w.stream.head.Len()), in.subsets, w.stream.head.Bytes(), w.stream.body.Bytes())
	for k := range w.typ {
		if w.typ[k] == 2 {
			w.off[k] = objStm
		}
	}
	xref := n.alloc()
	w.grow(xref + 1)
	w.typ[xref], w.off[xref] = 1, w.buf.Len()
	w.idx[0] = 0xFFFF // the free list's head has the highest generation
	var x bytes.Buffer
	for k := range w.typ {
		o := w.off[k]
		x.Write([]byte{w.typ[k], byte(o >> 24), byte(o >> 16), byte(o >> 8), byte(o), byte(w.idx[k] >> 8), byte(w.idx[k])})
	}
	start := w.buf.Len()
	w.deflated(xref, fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Info %d 0 R", xref+1, fin.root, fin.info), in.subsets, x.Bytes())
	fmt.Fprintf(&w.buf, "startxref\n%d\n%%%%EOF\n", start)
}

// addFonts lists the fonts in the resource dictionary k, where fpdf,
// which was given none, left an empty /Font dictionary.
func (fin *fpdfFile) addFonts(k int, fonts []embeddedFont, num []int, glyphs []embeddedGlyphFont, glyphNum []int) ([]byte, error) {
	obj := fin.object(k)
	const empty = "/Font <<\n>>"
	i := bytes.Index(obj, []byte(empty))
	if i < 0 {
		return nil, fmt.Errorf("resources %d have no empty /Font dictionary", k)
	}
	out := make([]byte, 0, len(obj)+len(fonts)*16)
	out = append(out, obj[:i]...)
	out = append(out, "/Font <<"...)
	for n, ft := range fonts {
		out = append(append(append(out, " /"...), ft.key...), ' ')
		out = append(strconv.AppendInt(out, int64(num[n]), 10), " 0 R"...)
	}
	for n, ft := range glyphs {
		out = append(appendName(append(out, ' '), ft.key), ' ')
		out = pdfRef(glyphNum[n]).appendPDF(out)
	}
	out = append(out, ">>"...)
	return append(out, obj[i+len(empty):]...), nil
}

// writeFont writes a simple TrueType font as objects k to k+3: its
// dictionary and descriptor into the object stream (the widths are most of
// their bytes, and compress well), its program and Unicode map as streams.
func writeFont(w *pdfWriter, k int, ft embeddedFont, subsets *Subsets) {
	var b []byte
	ref := func(o int) { b = append(strconv.AppendInt(b, int64(o), 10), " 0 R"...) }
	b = append(append(b, "<</Type /Font /Subtype /TrueType /BaseFont /"...), ft.name...)
	b = append(b, " /FirstChar 32 /LastChar 255 /Widths ["...)
	for i, wd := range ft.widths {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(wd), 10)
	}
	b = append(b, "] /FontDescriptor "...)
	ref(k + 1)
	if ft.diff == "" {
		b = append(b, " /Encoding /WinAnsiEncoding"...)
	} else {
		b = append(append(append(b, " /Encoding <</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ["...), ft.diff...), "]>>"...)
	}
	b = append(b, " /ToUnicode "...)
	ref(k + 3)
	b = append(b, ">>"...)
	w.packed(k, string(b))

	face := ft.face
	b = append(append(b[:0], "<</Type /FontDescriptor /FontName /"...), ft.name...)
	b = fmt.Appendf(b, " /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 ",
		ft.flags, face.BBox[0], face.BBox[1], face.BBox[2], face.BBox[3], int(face.ItalicAngle), int(face.Ascent), int(face.Descent), face.CapHeight, face.StemV, face.Advance(0))
	ref(k + 2)
	b = append(b, ">>"...)
	w.packed(k+1, string(b))

	w.streamObj(k+2, fmt.Sprintf(" /Length1 %d", ft.size), ft.program)
	w.streamObj(k+3, "", subsets.toUnicode(ft.fontMap))
}

// linkWords is a link annotation's /Contents: what it links to, in words.
// That is the link's own text, with the address added when the text does
// not already show it (linkcheck.Shown, the rule the page's own printed
// address follows).
func linkWords(text, url string) string {
	text = spaces.Fold(text)
	if text == "" {
		return url
	}
	if linkcheck.Shown(text, url) {
		return text
	}
	return text + " (" + url + ")"
}
