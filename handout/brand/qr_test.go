package brand

import (
	"sync"
	"testing"

	"github.com/boombuler/barcode/qr"
)

// The code is the website's, made once however many layouts and workers
// ask for it at the same time.
func TestWebsiteQR(t *testing.T) {
	b := &Brand{Website: "https://riverbend.example"}
	want, err := qr.Encode(b.Website, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]QR, 8)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Go(func() { codes[i] = b.WebsiteQR() })
	}
	wg.Wait()
	n := want.Bounds().Dx()
	if len(codes[0]) != n {
		t.Fatalf("%d rows, want %d", len(codes[0]), n)
	}
	for r := range n {
		for c := range n {
			if codes[0][r][c] != dark(want.At(c, r)) {
				t.Fatalf("module (%d, %d) differs from the encoder's", r, c)
			}
		}
	}
	for i, c := range codes {
		if &c[0][0] != &codes[0][0][0] {
			t.Errorf("call %d encoded the code again", i)
		}
	}
	if (&Brand{}).WebsiteQR() != nil {
		t.Error("a brand without a website has a QR code")
	}
}
