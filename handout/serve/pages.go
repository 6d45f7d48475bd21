package serve

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"

	"handouts/handout/brand"
	"handouts/handout/colour"
	"handouts/handout/content"
	"handouts/handout/fontset"
	"handouts/handout/format"
	"handouts/handout/layout"
)

// The page works offline: templates, style and script are in the binary.
//
//go:embed assets
var assets embed.FS

func parsePages() (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"join": strings.Join,
	}).ParseFS(assets, "assets/*.html")
}

// view is what every page shows: the clinic's name and logo.
type view struct {
	Title    string
	Clinic   string
	Tagline  string
	HasLogo  bool
	SignedIn bool // a token is in use, so the page offers to sign out
	Version  string
}

func (s *Server) view(r *http.Request, title string) view {
	b := s.cfg.Brand
	tagline, _ := b.Tagline.For("en") // the pages are in English
	return view{Title: title, Clinic: b.Name, Tagline: tagline, HasLogo: b.Logo != nil, SignedIn: s.cfg.Token != "" && s.authorized(r), Version: s.cfg.Version}
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	h := w.Header()
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", "text/html; charset=utf-8")
	}
	// The preview frame shows a PDF the page made (a blob: URL).
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self' blob:; frame-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
	if err := s.pages.ExecuteTemplate(w, name, data); err != nil {
		s.log.Printf("template %s: %v", name, err)
	}
}

// itemView is one handout on the library page.
type itemView struct {
	Name, Title, Subtitle string
	Language, LangName    string
	Reviewed              string
	Formats               string
	Search                string // what search matches: title and headings, lower case
	Findings              []string
	Warnings              int
	Hidden                bool // filtered out by the query
}

var langNames = map[string]string{"en": "English", "es": "Español"}

func langName(tag string) string {
	primary := strings.ToLower(strings.SplitN(tag, "-", 2)[0])
	if n, ok := langNames[primary]; ok {
		if primary != strings.ToLower(tag) {
			return n + " (" + tag + ")"
		}
		return n
	}
	return tag
}

var formatNames = map[format.Kind]string{format.Guide: "Full guide", format.Summary: "One-page summary", format.FAQ: "FAQ sheet"}

func item(e *entry) itemView {
	it := itemView{Name: e.Name, Title: e.Name, Warnings: len(e.Warnings)}
	h := e.Handout
	if h == nil {
		it.Findings = findingLines(e)
		it.Search = strings.ToLower(e.Name)
		return it
	}
	it.Title, it.Subtitle = h.Title.Raw, h.Subtitle.Raw
	it.Language, it.LangName = h.Language, langName(h.Language)
	if !h.Reviewed.IsZero() {
		it.Reviewed = h.Reviewed.Format("2 January 2006")
	}
	var fs []string
	for _, k := range e.Formats() {
		fs = append(fs, formatNames[k])
	}
	it.Formats = strings.Join(fs, ", ")
	it.Search = searchText(h)
	return it
}

func searchText(h *content.Handout) string {
	parts := []string{h.Title.Raw, h.Subtitle.Raw}
	for _, s := range h.Sections {
		parts = append(parts, s.Heading.Raw)
	}
	return strings.ToLower(strings.Join(parts, " \u2022 "))
}

// matches is the search: every word of the query in the title, subtitle
// or a heading.
func matches(search, query string) bool {
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(search, w) {
			return false
		}
	}
	return true
}

type langOption struct {
	Tag, Name string
	Selected  bool
}

type libraryView struct {
	view
	Query, Lang string
	Langs       []langOption
	Items       []itemView
	Shown       int
	Problem     string
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := libraryView{view: s.view(r, "Handouts"), Query: q.Get("q"), Lang: q.Get("lang")}
	entries, err := s.lib.list()
	if err != nil {
		v.Problem = fmt.Sprintf("The handouts folder %s cannot be read: %v", s.cfg.Dir, unwrap(err))
	}
	seen := map[string]bool{}
	for _, e := range entries {
		it := item(e)
		it.Hidden = !matches(it.Search, v.Query) || v.Lang != "" && it.Language != v.Lang
		if !it.Hidden {
			v.Shown++
		}
		v.Items = append(v.Items, it)
		if it.Language != "" && !seen[it.Language] {
			seen[it.Language] = true
			v.Langs = append(v.Langs, langOption{Tag: it.Language, Name: langName(it.Language), Selected: it.Language == v.Lang})
		}
	}
	s.render(w, "library", v)
}

type formatOption struct {
	Value, Label string
	Checked      bool
	Disabled     bool
}

type handoutView struct {
	view
	Items   []itemView
	Formats []formatOption
	Today   string
	MaxNote int
	Packet  bool
}

func (s *Server) handoutPage(w http.ResponseWriter, r *http.Request) {
	s.printPage(w, r, []string{r.PathValue("name")})
}

// packetPage is the same page for several handouts, ticked on the library
// page (their names in the query: names are not PHI).
func (s *Server) packetPage(w http.ResponseWriter, r *http.Request) {
	names := r.URL.Query()["h"]
	if len(names) == 1 {
		http.Redirect(w, r, "/handout/"+url.PathEscape(names[0]), http.StatusSeeOther)
		return
	}
	if len(names) == 0 {
		s.fail(w, r, http.StatusBadRequest, "Tick one or more handouts on the library page, then choose “Print the ticked handouts”.", nil)
		return
	}
	s.printPage(w, r, names)
}

func (s *Server) printPage(w http.ResponseWriter, r *http.Request, names []string) {
	if len(names) > maxPacket {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("A packet holds at most %d handouts.", maxPacket), nil)
		return
	}
	v := handoutView{Today: s.cfg.Now().Format("2006-01-02"), MaxNote: format.MaxNote, Packet: len(names) > 1}
	faq := true
	for _, name := range names {
		e, err := s.lib.get(name)
		if err != nil {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no handout named %q.", name), nil)
			return
		}
		if e.Handout == nil {
			s.fail(w, r, http.StatusUnprocessableEntity, fmt.Sprintf("%s has errors, so it cannot be printed until they are fixed:", e.File), findingLines(e))
			return
		}
		faq = faq && len(e.Handout.FAQ) > 0
		v.Items = append(v.Items, item(e))
	}
	title := v.Items[0].Title
	if v.Packet {
		title = fmt.Sprintf("Packet of %d handouts", len(v.Items))
	}
	v.view = s.view(r, title)
	for _, k := range format.Kinds {
		o := formatOption{Value: string(k), Label: formatNames[k], Checked: k == format.Summary}
		if k == format.FAQ && !faq {
			o.Disabled = true
		}
		v.Formats = append(v.Formats, o)
	}
	s.render(w, "handout", v)
}

type loginView struct {
	view
	Error string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Token == "" || s.authorized(r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, "login", loginView{view: s.view(r, "Sign in")})
}

type errorView struct {
	view
	Status   int
	Message  string
	Findings []string
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, "There is no page at this address.", nil)
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var ctype string
	switch path.Ext(name) {
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	default:
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	if name == "brand.css" {
		io.WriteString(w, brandCSS(s.cfg.Brand))
		return
	}
	data, err := assets.ReadFile("assets/" + name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	w.Write(data)
}

// pageBackground is the page's grey (style.css's html background).
var pageBackground = colour.Color{R: 0xF6, G: 0xF7, B: 0xF8}

// brandCSS carries the clinic's colours into the page, each checked for AA
// contrast the way the PDFs check them: the primary is darkened until it
// reaches 4.5:1 as text on white, on the page's grey and on its own tint,
// and so white text on it does too. The accent only draws borders.
func brandCSS(b *brand.Brand) string {
	tint := b.Primary.Tint(0.08)
	primary := b.Primary.Readable(colour.White).Readable(pageBackground).Readable(tint)
	return fmt.Sprintf(`@font-face{font-family:"Brand";src:url(/brand/font/regular.ttf) format("truetype");font-weight:400}
@font-face{font-family:"Brand";src:url(/brand/font/bold.ttf) format("truetype");font-weight:700}
:root{--primary:%s;--primary-tint:%s;--accent:%s}
`, primary, tint, b.Accent)
}

// font serves the brand's own regular and bold faces, so the page is set
// in the type the handouts are (Atkinson Hyperlegible unless the clinic
// has its own), from the binary: no font service, works offline.
func (s *Server) font(w http.ResponseWriter, r *http.Request) {
	var style fontset.Style
	switch r.PathValue("style") {
	case "regular.ttf":
		style = fontset.Regular
	case "bold.ttf":
		style = fontset.Bold
	default:
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "font/ttf")
	w.Write(s.cfg.Brand.Fonts.Face(style).Data)
}

func (s *Server) logo(w http.ResponseWriter, r *http.Request) {
	l := s.cfg.Brand.Logo
	if l == nil {
		s.notFound(w, r)
		return
	}
	ctype := "image/png"
	if l.Format == layout.JPEG {
		ctype = "image/jpeg"
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(l.Data)
}
