package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/handout"
)

// renderRequest is the API's JSON body; the page's form fills the same.
type renderRequest struct {
	Handouts   []string `json:"handouts"`
	Format     string   `json:"format"`
	Paper      string   `json:"paper"`
	LargePrint bool     `json:"large_print"`
	Patient    string   `json:"patient"`
	Clinician  string   `json:"clinician"`
	Date       string   `json:"date"`
	NextVisit  string   `json:"next_visit"`
	Note       string   `json:"note"`
}

// problem is a request that cannot be rendered, with the status it gets.
// Messages never hold personal fields' values.
type problem struct {
	status   int
	msg      string
	findings []string
}

func (p *problem) Error() string { return p.msg }

func badRequest(format string, args ...any) *problem {
	return &problem{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// rendered is a finished PDF.
type rendered struct {
	pdf      []byte
	pages    int
	filename string
}

func (s *Server) renderAPI(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	var req renderRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.failJSON(w, bodyProblem(err))
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			// Valid JSON padded past the limit is still too large.
			s.failJSON(w, bodyProblem(err))
			return
		}
		s.failJSON(w, badRequest("the body must be one JSON object"))
		return
	}
	out, p := s.renderPDF(r.Context(), req)
	if p != nil {
		s.failJSON(w, p)
		return
	}
	writePDF(w, out, false)
}

// renderForm serves the page's form: the preview and print buttons (which
// the page's script sends with fetch) and, without JavaScript, the same
// form posted directly.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, bodyProblem(err).status, bodyProblem(err).msg, nil)
		return
	}
	f := r.PostForm
	req := renderRequest{
		Handouts:   f["h"],
		Format:     f.Get("format"),
		Paper:      f.Get("paper"),
		LargePrint: f.Get("large_print") != "",
		Patient:    f.Get("patient"),
		Clinician:  f.Get("clinician"),
		Date:       f.Get("date"),
		NextVisit:  f.Get("next_visit"),
		Note:       f.Get("note"),
	}
	out, p := s.renderPDF(r.Context(), req)
	if p != nil {
		s.fail(w, r, p.status, p.msg, p.findings)
		return
	}
	writePDF(w, out, f.Get("download") != "")
}

func bodyProblem(err error) *problem {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &problem{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("the request body is over %d KB", maxBody>>10)}
	}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return badRequest("the body is not valid JSON (at byte %d)", syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return badRequest("%q must be %s", typ.Field, typ.Type.String())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return badRequest("the body is not valid JSON (it ends too soon)")
	}
	if errors.Is(err, io.EOF) {
		return badRequest(`the body is empty; send {"handouts": ["name"]}`)
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return badRequest("unknown field %s (fields: handouts, format, paper, large_print, patient, clinician, date, next_visit, note)", f)
	}
	return badRequest("the body could not be read: %s", strings.TrimPrefix(msg, "json: "))
}

func writePDF(w http.ResponseWriter, out *rendered, download bool) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	disp := "inline"
	if download {
		disp = "attachment"
	}
	h.Set("Content-Disposition", fmt.Sprintf("%s; filename=%q", disp, out.filename))
	h.Set("Content-Length", strconv.Itoa(len(out.pdf)))
	h.Set("X-Page-Count", strconv.Itoa(out.pages))
	w.Write(out.pdf)
}

// renderPDF checks a request, waits for a render slot and renders it in
// memory.
func (s *Server) renderPDF(ctx context.Context, req renderRequest) (*rendered, *problem) {
	// Renders share the parsed logo and the font subsets; Render keeps a
	// patient's uncommon letters out of the shared subsets.
	spec := handout.RenderSpec{Brand: s.cfg.Brand, Version: s.cfg.Version, Cache: s.cache}
	spec.Kind, spec.Options.Paper = handout.Summary, handout.Letter
	if req.Format != "" {
		k, err := handout.ParseKind(req.Format)
		if err != nil {
			return nil, badRequest("unknown format %q (use guide, summary or faq)", req.Format)
		}
		spec.Kind = k
	}
	if req.Paper != "" {
		p, err := handout.ParsePaper(req.Paper)
		if err != nil {
			return nil, badRequest("unknown paper %q (use letter or a4)", req.Paper)
		}
		spec.Options.Paper = p
	}
	spec.Options.LargePrint = req.LargePrint
	if len(req.Handouts) == 0 {
		return nil, badRequest(`name at least one handout in "handouts", such as ["group-therapy"]`)
	}
	if len(req.Handouts) > maxPacket {
		return nil, badRequest("a packet holds at most %d handouts", maxPacket)
	}
	if d := repeated(req.Handouts); d != "" {
		return nil, badRequest("%q is named twice: a packet holds each handout once", d)
	}

	ctx, cancel := context.WithTimeout(ctx, s.cfg.RenderTimeout)
	defer cancel()
	var hs []*handout.Handout
	for _, name := range req.Handouts {
		if !isName(name) {
			return nil, badRequest("%q is not a handout name: use a content file's base name, such as group-therapy", name)
		}
		e, err := s.lib.get(ctx, name)
		if errors.Is(err, errNoHandout) {
			return nil, &problem{status: http.StatusNotFound, msg: fmt.Sprintf("no handout named %q", name)}
		}
		if errors.Is(err, errBusy) {
			return nil, &problem{status: http.StatusServiceUnavailable, msg: "the server is busy; try again in a moment"}
		}
		if err != nil {
			s.log.Printf("render: %s: %v", name, unwrap(err))
			return nil, &problem{status: http.StatusInternalServerError, msg: fmt.Sprintf("%s could not be read on this computer; the server's log says why", name)}
		}
		if e.Handout == nil {
			return nil, &problem{status: http.StatusUnprocessableEntity, msg: brokenMessage(e)}
		}
		if why, bad := e.Unavailable[spec.Kind]; bad {
			return nil, &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("The %s of “%s” cannot be made: %s. Choose another format.", lowerFirst(formatNames[spec.Kind]), e.title(), why)}
		}
		hs = append(hs, e.Handout)
	}
	p := handout.Personal{Patient: req.Patient, Clinician: req.Clinician, Date: req.Date, NextVisit: req.NextVisit, Note: req.Note}.Normalize()
	if msg := s.checkPersonal(&p, hs); msg != "" {
		return nil, badRequest("%s", msg)
	}
	if !p.IsZero() {
		spec.Options.Personal = &p
	}
	spec.MaxPages = s.cfg.MaxPages

	if !s.acquire(ctx) {
		return nil, &problem{status: http.StatusServiceUnavailable, msg: "the server is busy; try again in a moment"}
	}
	var buf bytes.Buffer
	pages, err := handout.Render(&buf, hs, spec)
	s.release()
	if err != nil {
		// The log gets the file and line, never the personal fields.
		s.log.Printf("render %s %s: %s", strings.Join(req.Handouts, ","), spec.Kind, redact(err.Error(), &p))
		return nil, renderProblem(err, &p, spec)
	}
	name := req.Handouts[0]
	if len(req.Handouts) > 1 {
		name = "packet"
	}
	return &rendered{pdf: buf.Bytes(), pages: pages, filename: fmt.Sprintf("%s-%s.pdf", name, spec.Kind)}, nil
}

// renderProblem says in the front desk's words why a render failed and
// what to do; the file and line went to the log.
func renderProblem(err error, p *handout.Personal, spec handout.RenderSpec) *problem {
	var many *handout.ErrTooManyPages
	if errors.As(err, &many) {
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("This would print %d pages, more than the %d one print may have. Print fewer handouts at once, or choose the one-page summary.", many.Pages, many.Max)}
	}
	var re *handout.RenderError
	if !errors.As(err, &re) {
		return &problem{status: http.StatusInternalServerError, msg: "The PDF could not be made on this computer; the server's log says why. Try again, or try another format."}
	}
	title := re.Handout.Title.Raw
	where := "one page"
	if spec.Options.LargePrint {
		where = "one page in large print"
	}
	var tooLong *handout.ErrTooLong
	switch {
	case errors.Is(err, handout.ErrNoFAQ):
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("“%s” has no questions, so it has no FAQ sheet. Choose the full guide or the one-page summary.", title)}
	case errors.As(err, &tooLong) && len(tooLong.Brand) > 0:
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("The summary of “%s” does not fit on %s with this clinic's contact details. Print the full guide; whoever set up the clinic's details can shorten them.", title, where)}
	case errors.As(err, &tooLong) && p.Note != "":
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("With this note the summary of “%s” does not fit on %s. Shorten the note, or print the full guide instead.", title, where)}
	case errors.As(err, &tooLong) && !p.IsZero():
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("With the patient's details the summary of “%s” does not fit on %s. Shorten them, or print the full guide instead.", title, where)}
	case errors.As(err, &tooLong):
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("The summary of “%s” does not fit on %s. Print the full guide instead.", title, where)}
	}
	return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("“%s” could not be made in this format; the server's log says why. Try another format.", title)}
}

// redact takes the personal fields out of a message for the log, should
// an error ever quote the text it could not set.
func redact(msg string, p *handout.Personal) string {
	for _, v := range []string{p.Patient, p.Clinician, p.Date, p.NextVisit, p.Note} {
		if v != "" {
			msg = strings.ReplaceAll(msg, v, "[personal field]")
		}
		for _, line := range strings.Split(v, "\n") {
			if len(line) > 3 {
				msg = strings.ReplaceAll(msg, line, "[personal field]")
			}
		}
	}
	return msg
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// fieldLabels are the form's labels of the personal fields.
var fieldLabels = map[string]string{
	"patient":    "Patient name",
	"clinician":  "Clinician or care team",
	"date":       "Date",
	"next_visit": "Next appointment",
	"note":       "Note from the care team",
}

// checkPersonal checks the fields as handout.CheckPersonal does, against
// the fonts each handout is set in (its language's family, with the
// brand's fonts as its fallback: a Cyrillic name prints on a Russian
// handout, not on an English one set in a Latin face), and says what is
// wrong as the form labels the field, in words the front desk can act on:
// the character itself, not its code point. It never logs.
func (s *Server) checkPersonal(p *handout.Personal, hs []*handout.Handout) string {
	var (
		err error
		h   *handout.Handout
	)
	for _, h = range hs {
		if err = handout.CheckPersonal(p, h, s.cfg.Brand); err != nil {
			break
		}
	}
	if err == nil {
		return ""
	}
	var fe *handout.FieldError
	if !errors.As(err, &fe) {
		return err.Error()
	}
	label := fieldLabels[fe.Field]
	value := map[string]string{"patient": p.Patient, "clinician": p.Clinician, "date": p.Date, "next_visit": p.NextVisit, "note": p.Note}[fe.Field]
	limit := handout.MaxField
	if fe.Field == "note" {
		limit = handout.MaxNote
	}
	if n := utf8.RuneCountInString(value); n > limit {
		return fmt.Sprintf("%s is %d characters, %d more than the %d it may have. Shorten it.", label, n, n-limit, limit)
	}
	for _, r := range value {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return fmt.Sprintf("%s has an invisible control character, perhaps pasted in. Clear the field and type it again.", label)
		}
	}
	var missing []string
	for _, r := range handout.Unprintable(value, h, s.cfg.Brand) {
		if len(missing) < 5 {
			missing = append(missing, showRune(r))
		}
	}
	font := "the handout's font"
	if len(hs) > 1 {
		font = fmt.Sprintf("the font of “%s”", h.Title.Raw)
	}
	if len(missing) == 1 {
		return fmt.Sprintf("%s has a character %s cannot print: %s. Remove it, or write it another way.", label, font, missing[0])
	}
	if len(missing) > 1 {
		return fmt.Sprintf("%s has characters %s cannot print: %s. Remove them, or write them another way.", label, font, strings.Join(missing, " "))
	}
	return fmt.Sprintf("%s cannot be printed. Clear the field and type it again.", label)
}

// showRune is a character as the page can show it: visible ones as
// themselves, invisible ones by name.
func showRune(r rune) string {
	if unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return string(r)
	}
	return fmt.Sprintf("an invisible character (U+%04X)", r)
}

// failJSON is the API's error: {"error": "…", "findings": [...]}.
func (s *Server) failJSON(w http.ResponseWriter, p *problem) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(p.status)
	json.NewEncoder(w).Encode(struct {
		Error    string   `json:"error"`
		Findings []string `json:"findings,omitempty"`
	}{p.msg, p.findings})
}

// fail answers in JSON to the API and to the page's script (which asks for
// JSON), and with a page to a browser.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, findings []string) {
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.Contains(r.Header.Get("Accept"), "application/json") || r.URL.Path == "/healthz" {
		s.failJSON(w, &problem{status: status, msg: msg, findings: findings})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	title, ok := errorTitles[status]
	if !ok {
		title = http.StatusText(status)
	}
	s.render(w, "error", errorView{view: s.view(r, title), Status: status, Message: msg, Findings: findings})
}

// errorTitles head the error page in words for the front desk.
var errorTitles = map[int]string{
	http.StatusBadRequest:            "This cannot be done",
	http.StatusUnauthorized:          "Sign in first",
	http.StatusForbidden:             "Not allowed",
	http.StatusNotFound:              "Not found",
	http.StatusMethodNotAllowed:      "Not allowed",
	http.StatusRequestEntityTooLarge: "Too much to send",
	http.StatusUnprocessableEntity:   "This cannot be printed",
	http.StatusServiceUnavailable:    "Busy",
}
