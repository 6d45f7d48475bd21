package shape

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// Kinsoku shori, the Japanese and Chinese rules for line ends, on top of
// UAX #14 (which already keeps closing punctuation off a line's start in
// most cases): a line never starts with closing or middle punctuation, a
// small kana or the prolonged sound mark, and never ends with opening
// punctuation.
const (
	noLineStart = "，。、．・：；？！）」』】〕〉》］｝〙〗’”%‰℃々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ゠〜～…‥,.:;?!)]}"
	noLineEnd   = "（「『【〔〈《［｛〘〖‘“([{"
)

// CJKBreaks returns the byte offsets in word (text without spaces) before
// which a line may break, for Chinese or Japanese text: where UAX #14
// allows it and the kinsoku rules do not forbid it, and only beside a
// Han, kana or fullwidth character, so that a Latin word, a number or an
// address inside the text is never cut (a hyphen in "COVID-19" is no
// place to break). Korean is not broken inside words (keep-all): its
// words are written with spaces between them.
func (b *Breaker) CJKBreaks(word string) []int {
	all := b.Breaks(word)
	out := all[:0]
	for _, at := range all {
		prev, _ := utf8.DecodeLastRuneInString(word[:at])
		next, _ := utf8.DecodeRuneInString(word[at:])
		if !isCJK(prev) && !isCJK(next) {
			continue
		}
		if strings.ContainsRune(noLineStart, next) || strings.ContainsRune(noLineEnd, prev) {
			continue
		}
		out = append(out, at)
	}
	return out
}

// isCJK is a Han, kana, Hangul or CJK punctuation or fullwidth character.
func isCJK(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30ff, r >= 0xff00 && r <= 0xffef, r >= 0x31f0 && r <= 0x31ff:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hangul)
}
