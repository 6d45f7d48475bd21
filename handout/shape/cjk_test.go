package shape

import (
	"slices"
	"strings"
	"testing"

	"handouts/handout/fontset"
)

func TestCJKBreaks(t *testing.T) {
	var b Breaker
	// Between Han characters a line may break.
	if got := b.CJKBreaks("睡眠很重要"); !slices.Equal(got, []int{3, 6, 9, 12}) {
		t.Errorf("breaks in 睡眠很重要: %v", got)
	}
	// Never before closing punctuation, a small kana or the prolonged
	// sound mark, and never after opening punctuation: each of them
	// between two Han characters. UAX #14 alone would break before "～".
	for _, r := range noLineStart {
		s := "日本" + string(r) + "語"
		if slices.Contains(b.CJKBreaks(s), len("日本")) {
			t.Errorf("%q: a line may start with %q", s, r)
		}
	}
	for _, r := range noLineEnd {
		s := "日本" + string(r) + "語"
		if slices.Contains(b.CJKBreaks(s), len("日本"+string(r))) {
			t.Errorf("%q: a line may end with %q", s, r)
		}
	}
	// An address or number inside the text is never cut, only beside the
	// Han characters around it.
	s := "请访问www.cdc.gov/sleep-help或拨打800-100-2030。"
	for _, at := range b.CJKBreaks(s) {
		if in := strings.Index(s, "www"); at > in && at < strings.Index(s, "或") {
			t.Errorf("%q broken at %d, inside the address", s, at)
		}
		if in := strings.Index(s, "800"); at > in {
			t.Errorf("%q broken at %d, inside the number", s, at)
		}
	}
}

// Korean keeps its words whole (keep-all): lines break at spaces only.
func TestKoreanKeepAll(t *testing.T) {
	m := ForLanguage(fontset.Default(), "ko")
	if m == nil {
		t.Fatal("no measurer for ko")
	}
	if got := m.Breaks("수면이중요한이유"); got != nil {
		t.Errorf("Korean word broken at %v", got)
	}
	if got := ForLanguage(fontset.Default(), "zh-Hans").Breaks("睡眠很重要"); len(got) != 4 {
		t.Errorf("Chinese breaks %v", got)
	}
	if got := ForLanguage(fontset.Default(), "ar").Breaks("abc"); got != nil {
		t.Errorf("Arabic word broken at %v", got)
	}
}
