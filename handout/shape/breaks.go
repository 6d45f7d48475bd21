package shape

import (
	"github.com/go-text/typesetting/segmenter"
)

// Breaker finds where lines may break, by the Unicode line-breaking
// algorithm (UAX #14): after spaces, and inside runs of text with no
// spaces where a script allows it (between Chinese or Japanese
// characters, after a hyphen or a slash), never before closing
// punctuation. A Breaker is for one goroutine at a time.
type Breaker struct {
	seg segmenter.Segmenter
}

// Breaks returns the byte offsets in text before which a line may break,
// in increasing order, without 0 and without len(text).
func (b *Breaker) Breaks(text string) []int {
	if text == "" {
		return nil
	}
	if err := b.seg.InitWithString(text); err != nil {
		return nil // not UTF-8: no opportunities but the spaces the caller sees
	}
	var out []int
	it := b.seg.LineIterator()
	for it.Next() {
		ln := it.Line()
		end := ln.OffsetInBytes + ln.LengthInBytes
		if end > 0 && end < len(text) {
			out = append(out, end)
		}
	}
	return out
}
