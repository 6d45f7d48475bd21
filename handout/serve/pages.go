package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"handouts/handout"
	"handouts/handout/brand"
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
	Dir                   string // "rtl" for a language written right to left
	Reviewed              string
	Formats               string
	Unavailable           []string // "The one-page summary cannot be made: …"
	Search                string   // what search matches (searchText)
	Broken                bool     // the file has errors: nothing prints
	Warnings              int
	Hidden                bool // filtered out by the query
}

// langNames are the languages' names as their speakers write them, with
// the English name beside those the front desk may not read.
var langNames = map[string]string{
	"en": "English", "es": "Español",
	"ru": "Русский (Russian)", "vi": "Tiếng Việt (Vietnamese)", "el": "Ελληνικά (Greek)",
	"ar": "العربية (Arabic)", "fa": "فارسی (Persian)", "ur": "اردو (Urdu)", "ps": "پښتو (Pashto)",
	"hi": "हिन्दी (Hindi)", "bn": "বাংলা (Bengali)", "pa": "ਪੰਜਾਬੀ (Punjabi)", "am": "አማርኛ (Amharic)",
	"ht": "Kreyòl ayisyen (Haitian Creole)", "tl": "Tagalog", "fr": "Français (French)",
	"pt": "Português (Portuguese)", "pl": "Polski (Polish)", "it": "Italiano (Italian)", "de": "Deutsch (German)",
	"zh": "中文 (Chinese)", "ko": "한국어 (Korean)", "ja": "日本語 (Japanese)", "so": "Soomaali (Somali)",
}

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

var formatNames = map[handout.Kind]string{handout.Guide: "Full guide", handout.Summary: "One-page summary", handout.FAQ: "FAQ sheet"}

func item(e *entry) itemView {
	it := itemView{Name: e.Name, Title: e.title(), Warnings: len(e.Warnings)}
	h := e.Handout
	if h == nil {
		it.Broken = true
		it.Search = " " + strings.Join(strings.FieldsFunc(fold(it.Title+" "+e.Name), notWordRune), " ")
		return it
	}
	it.Subtitle = h.Subtitle.Raw
	it.Language, it.LangName = h.Language, langName(h.Language)
	if handout.RightToLeft(h.Language) {
		it.Dir = "rtl"
	}
	if !h.Reviewed.IsZero() {
		it.Reviewed = h.Reviewed.Format("2 January 2006")
	}
	var fs []string
	for _, k := range e.Formats() {
		fs = append(fs, formatNames[k])
	}
	it.Formats = strings.Join(fs, ", ")
	for _, k := range handout.Kinds() {
		if why, ok := e.Unavailable[k]; ok {
			it.Unavailable = append(it.Unavailable, fmt.Sprintf("The %s cannot be made: %s.", strings.ToLower(formatNames[k][:1])+formatNames[k][1:], why))
		}
	}
	it.Search = e.search
	return it
}

// searchText is every distinct word of a handout, folded (fold), each
// after a space: its title, subtitle, summary, headings, paragraphs,
// items, bullets, steps and questions and answers. Distinct words keep the
// page small; a query's word matches the start of one.
func searchText(h *handout.Handout) string {
	seen := map[string]bool{}
	var words []string
	for _, t := range handout.PlainTexts(h) {
		for _, w := range strings.FieldsFunc(fold(t), notWordRune) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return " " + strings.Join(words, " ")
}

// notWordRune parts words. Marks belong to their word: a Hindi or Bengali
// vowel sign (ि, া) is a spacing mark, and the word goes on after it.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.M, r)
}

// fold is text as search compares it, in any script: lower case (a
// Greek final sigma as any sigma), without the marks a writer may leave
// out — Latin, Greek and Cyrillic accents ("presion" finds "Presión"),
// Arabic vowel marks, Hebrew points — but with the vowel signs Indic
// scripts spell with; without the joiners Persian writes inside words
// (U+200C) or the Arabic tatweel; Arabic and Persian forms of yeh and kaf
// as one; đ as d; and digits of any of the scripts served as 0–9. The
// page's script folds the same way (app.js, fold).
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if foldDropped(r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRunes[r]; ok {
			r = f
		}
		for _, zero := range digitZeros {
			if r >= zero && r <= zero+9 {
				r = '0' + r - zero
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldDropped are the marks and joiners fold leaves out.
func foldDropped(r rune) bool {
	switch {
	case r >= 0x0300 && r <= 0x036F: // combining accents (Latin, Greek, Cyrillic)
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // Arabic vowel marks, hamza and madda above
	case r >= 0x0591 && r <= 0x05BD, r == 0x05BF, r == 0x05C1, r == 0x05C2, r == 0x05C4, r == 0x05C5, r == 0x05C7: // Hebrew points
	case r == 0x200C, r == 0x200D, r == 0x0640: // joiners, tatweel
	default:
		return false
	}
	return true
}

// foldRunes are letters written two ways that search takes as one.
var foldRunes = map[rune]rune{
	'ς': 'σ',
	'ي': 'ی', 'ى': 'ی', 'ك': 'ک', // Arabic yeh, alef maksura and kaf as Persian writes them
	'đ': 'd',
}

// digitZeros are the zeros of the digit sets folded to 0–9: Arabic-Indic,
// Persian, Devanagari, Bengali, Gurmukhi.
var digitZeros = []rune{0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66}

// matches is the search: every word of the query starts a word of the
// handout ("hyperten" finds "hypertension"; "ten" does not).
func matches(search, query string) bool {
	for _, w := range strings.FieldsFunc(fold(query), notWordRune) {
		if !strings.Contains(search, " "+w) {
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
	NoneTicked  bool // "Print the ticked handouts" with none ticked
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := libraryView{view: s.view(r, "Handouts"), Query: q.Get("q"), Lang: q.Get("lang")}
	s.library(w, r, v)
}

func (s *Server) library(w http.ResponseWriter, r *http.Request, v libraryView) {
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RenderTimeout)
	defer cancel()
	entries, err := s.lib.list(ctx)
	switch {
	case errors.Is(err, errBusy):
		v.Problem = "The server is busy. Reload the page in a moment."
	case err != nil:
		s.log.Printf("library %s: %v", s.cfg.Dir, unwrap(err))
		v.Problem = "The folder of handouts cannot be read on this computer. Ask whoever set it up; the server's log says why."
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
	if v.NoneTicked {
		w.WriteHeader(http.StatusBadRequest)
	}
	s.render(w, "library", v)
}

type formatOption struct {
	Value, Label string
	Checked      bool
	Disabled     bool
	Why          string // why it is disabled
}

type handoutView struct {
	view
	Items    []itemView
	Formats  []formatOption
	Today    string
	MaxNote  int
	MaxField int
	Packet   bool
	Lang     string // the handouts' language when they share one
	Dir      string // "rtl" when that language is written right to left
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
		// The library again, saying what to do, rather than a bare error.
		s.library(w, r, libraryView{view: s.view(r, "Handouts"), NoneTicked: true})
		return
	}
	s.printPage(w, r, names)
}

func (s *Server) printPage(w http.ResponseWriter, r *http.Request, names []string) {
	if len(names) > maxPacket {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("A packet holds at most %d handouts. Tick fewer and try again.", maxPacket), nil)
		return
	}
	if d := repeated(names); d != "" {
		s.fail(w, r, http.StatusBadRequest, "A packet holds each handout once. Go back and tick each one once.", nil)
		return
	}
	v := handoutView{Today: s.cfg.Now().Format("2006-01-02"), MaxNote: handout.MaxNote, MaxField: handout.MaxField, Packet: len(names) > 1}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RenderTimeout)
	defer cancel()
	var entries []*entry
	for _, name := range names {
		e, err := s.lib.get(ctx, name)
		if errors.Is(err, errBusy) {
			s.fail(w, r, http.StatusServiceUnavailable, "The server is busy. Reload the page in a moment.", nil)
			return
		}
		if err != nil {
			s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no handout named %q. It may have been renamed or removed; find it on the list of all handouts.", name), nil)
			return
		}
		if e.Handout == nil {
			s.fail(w, r, http.StatusUnprocessableEntity, brokenMessage(e), nil)
			return
		}
		entries = append(entries, e)
		v.Items = append(v.Items, item(e))
	}
	title := v.Items[0].Title
	v.Lang = v.Items[0].Language
	for _, it := range v.Items {
		if it.Language != v.Lang {
			v.Lang = ""
		}
	}
	if v.Lang != "" {
		v.Dir = v.Items[0].Dir
	}
	if v.Packet {
		title = fmt.Sprintf("Packet of %d handouts", len(v.Items))
	}
	v.view = s.view(r, title)
	checked := false
	for _, k := range []handout.Kind{handout.Summary, handout.Guide, handout.FAQ} {
		o := formatOption{Value: string(k), Label: formatNames[k]}
		for _, e := range entries {
			if e.can(k) {
				continue
			}
			o.Disabled = true
			switch why, ok := e.Unavailable[k]; {
			case ok && v.Packet:
				o.Why = fmt.Sprintf("cannot be made for %s: %s", e.title(), why)
			case ok:
				o.Why = "cannot be made: " + why
			case v.Packet:
				o.Why = fmt.Sprintf("%s has no questions", e.title())
			default:
				o.Why = "this handout has no questions"
			}
			break
		}
		if !o.Disabled && !checked {
			o.Checked, checked = true, true
		}
		v.Formats = append(v.Formats, o)
	}
	// The form lists them in their usual order: guide, summary, FAQ.
	v.Formats[0], v.Formats[1] = v.Formats[1], v.Formats[0]
	s.render(w, "handout", v)
}

// repeated returns a name that appears twice, or "".
func repeated(names []string) string {
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			return n
		}
		seen[n] = true
	}
	return ""
}

// brokenMessage is what the front desk reads about a file with errors: no
// path, line or column (those go to the server's log and `handouts check`).
func brokenMessage(e *entry) string {
	return fmt.Sprintf("“%s” cannot be printed: its file has mistakes. Ask whoever looks after the handouts to fix them; the command “handouts check” lists them.", e.title())
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
		io.WriteString(w, s.css)
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
const pageBackground = "#F6F7F8"

// brandCSS carries the clinic's colours into the page, each checked for AA
// contrast the way the PDFs check them (handout.PageColours), and the
// clinic's fonts.
func brandCSS(b *brand.Brand) (string, error) {
	primary, tint, accent, err := handout.PageColours(b, pageBackground)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`@font-face{font-family:"Brand";src:url(/brand/font/regular.ttf) format("truetype");font-weight:400}
@font-face{font-family:"Brand";src:url(/brand/font/bold.ttf) format("truetype");font-weight:700}
:root{--primary:%s;--primary-tint:%s;--accent:%s}
`, primary, tint, accent), nil
}

// font serves the brand's own regular and bold faces, so the page is set
// in the type the handouts are (Atkinson Hyperlegible unless the clinic
// has its own), from the binary: no font service, works offline.
func (s *Server) font(w http.ResponseWriter, r *http.Request) {
	var bold bool
	switch r.PathValue("style") {
	case "regular.ttf":
	case "bold.ttf":
		bold = true
	default:
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "font/ttf")
	w.Write(handout.BrandFont(s.cfg.Brand, bold))
}

func (s *Server) logo(w http.ResponseWriter, r *http.Request) {
	l := s.cfg.Brand.Logo
	if l == nil {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", l.Format.MIMEType())
	w.Write(l.Data)
}

// favicon is the clinic's logo, or a plain page mark without one, so a
// browser's request for it is not a 404 in the log.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Brand.Logo != nil {
		s.logo(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	io.WriteString(w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M3 1h7l3 3v11H3z" fill="#fff" stroke="#1F5A7A"/><path d="M5 7h6M5 9h6M5 11h4" stroke="#1F5A7A"/></svg>`)
}
