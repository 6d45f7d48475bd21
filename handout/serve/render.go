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

	"handouts/handout"
	"handouts/handout/content"
	"handouts/handout/format"
	"handouts/handout/pdfwriter"
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
	// The logo is the brand's, nothing of a patient's: every render
	// shares its parsing.
	spec := handout.RenderSpec{Brand: s.cfg.Brand, Version: s.cfg.Version, Images: s.images}
	switch req.Format {
	case "":
		spec.Kind = format.Summary
	case string(format.Guide), string(format.Summary), string(format.FAQ):
		spec.Kind = format.Kind(req.Format)
	default:
		return nil, badRequest("unknown format %q (use guide, summary or faq)", req.Format)
	}
	switch strings.ToLower(req.Paper) {
	case "", "letter":
		spec.Options.Paper = format.Letter
	case "a4":
		spec.Options.Paper = format.A4
	default:
		return nil, badRequest("unknown paper %q (use letter or a4)", req.Paper)
	}
	spec.Options.LargePrint = req.LargePrint
	if len(req.Handouts) == 0 {
		return nil, badRequest(`name at least one handout in "handouts", such as ["group-therapy"]`)
	}
	if len(req.Handouts) > maxPacket {
		return nil, badRequest("a packet holds at most %d handouts", maxPacket)
	}
	p := format.Personal{Patient: req.Patient, Clinician: req.Clinician, Date: req.Date, NextVisit: req.NextVisit, Note: req.Note}.Normalize()
	if err := p.Check(s.cfg.Brand.Fonts); err != nil {
		return nil, badRequest("%v", err)
	}
	if !p.IsZero() {
		spec.Options.Personal = &p
	}
	// Font subsets are shared between renders, and kept, only when the
	// personal fields add no character to them: a name with a letter
	// outside the common set gets subsets of its own, so nothing derived
	// from it outlives the render.
	if pdfwriter.CommonText(p.Patient + p.Clinician + p.Date + p.NextVisit + p.Note) {
		spec.Subsets = s.subsets
	}
	var hs []*content.Handout
	for _, name := range req.Handouts {
		if !isName(name) {
			return nil, badRequest("%q is not a handout name: use a content file's base name, such as group-therapy", name)
		}
		e, err := s.lib.get(name)
		if errors.Is(err, errNoHandout) {
			return nil, &problem{status: http.StatusNotFound, msg: fmt.Sprintf("no handout named %q", name)}
		}
		if err != nil {
			return nil, &problem{status: http.StatusInternalServerError, msg: fmt.Sprintf("%s could not be read", name)}
		}
		if e.Handout == nil {
			return nil, &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("%s has errors; fix them and try again", e.File), findings: findingLines(e)}
		}
		hs = append(hs, e.Handout)
	}

	ctx, cancel := context.WithTimeout(ctx, s.cfg.RenderTimeout)
	defer cancel()
	s.waiting.Add(1)
	select {
	case s.slots <- struct{}{}:
		s.waiting.Add(-1)
	case <-ctx.Done():
		s.waiting.Add(-1)
		return nil, &problem{status: http.StatusServiceUnavailable, msg: "the server is busy; try again in a moment"}
	}
	var buf bytes.Buffer
	pages, err := handout.Render(&buf, hs, spec)
	<-s.slots
	if err != nil {
		return nil, renderProblem(err, &p, req.Format)
	}
	name := req.Handouts[0]
	if len(req.Handouts) > 1 {
		name = "packet"
	}
	return &rendered{pdf: buf.Bytes(), pages: pages, filename: fmt.Sprintf("%s-%s.pdf", name, spec.Kind)}, nil
}

func renderProblem(err error, p *format.Personal, kind string) *problem {
	var re *handout.RenderError
	if !errors.As(err, &re) {
		return &problem{status: http.StatusInternalServerError, msg: "the PDF could not be made: " + err.Error()}
	}
	var tooLong *format.ErrTooLong
	switch {
	case errors.Is(err, format.ErrNoFAQ):
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("%s has no questions, so it has no FAQ sheet; choose the guide or the summary", re.Handout.Name)}
	case errors.As(err, &tooLong) && p.Note != "":
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("with this note the summary of %s does not fit on %s; shorten the note, or print the guide instead", re.Handout.Name, pagesWord(tooLong.Pages))}
	case errors.As(err, &tooLong) && !p.IsZero():
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("with the patient's details the summary of %s does not fit on %s; shorten them, or print the guide instead", re.Handout.Name, pagesWord(tooLong.Pages))}
	case errors.As(err, &tooLong):
		return &problem{status: http.StatusUnprocessableEntity, msg: fmt.Sprintf("%s: %v", re.Handout.File, err)}
	}
	return &problem{status: http.StatusUnprocessableEntity, msg: re.Error()}
}

func pagesWord(n int) string {
	if n == 1 {
		return "one page"
	}
	return fmt.Sprintf("%d pages", n)
}

func findingLines(e *entry) []string {
	var out []string
	for _, f := range e.Errors {
		out = append(out, f.String())
	}
	return out
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
	s.render(w, "error", errorView{view: s.view(r, http.StatusText(status)), Status: status, Message: msg, Findings: findings})
}
