package serve

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
)

// BenchmarkRenderPersonalisedSummary is one POST /api/render of a
// personalised one-page summary of the seed, through the whole handler,
// from parallel clients (-cpu sets how many).
func BenchmarkRenderPersonalisedSummary(b *testing.B) {
	f := newFixture(b, Config{})
	renderPersonalised(b, f)
}

// BenchmarkRenderSummary is the same without personalisation, which shares
// font subsets between renders.
func BenchmarkRenderSummary(b *testing.B) {
	f := newFixture(b, Config{})
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := f.do(httptest.NewRequest("POST", "/api/render", strings.NewReader(`{"handouts": ["group-therapy"]}`)))
			if rec.Code != 200 {
				b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
		}
	})
}

// BenchmarkRenderPersonalisedSummaryBranded is the first benchmark with the
// example clinic's brand: its logo and band.
func BenchmarkRenderPersonalisedSummaryBranded(b *testing.B) {
	br := exampleBrand(b)
	f := newFixture(b, Config{Brand: br})
	renderPersonalised(b, f)
}

// renderPersonalised posts personalised summaries from parallel clients,
// each with its own patient's name so nothing can be shared between them.
func renderPersonalised(b *testing.B, f *fixture) {
	var n atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			body := `{"handouts": ["group-therapy"], "patient": "Patient ` + strconv.FormatInt(i, 10) + `", "clinician": "Dr. Amara Okafor", "date": "2026-11-29", "note": "Bring your questions to group."}`
			rec := f.do(httptest.NewRequest("POST", "/api/render", strings.NewReader(body)))
			if rec.Code != 200 {
				b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
		}
	})
}
