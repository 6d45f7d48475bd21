package readability

import (
	"sort"
	"strings"
)

// Tally counts long words across texts, to name the ones that weigh most
// on a grade: each long word adds to SMOG's polysyllable count and to the
// syllables per word every formula uses, so the most frequent weigh most,
// and of equally frequent ones the longest.
type Tally struct {
	words map[string]*WordCount
	order []*WordCount
}

// WordCount is one word of a Tally.
type WordCount struct {
	Word      string // in lower case
	Count     int
	Syllables int
}

// Add counts words.
func (t *Tally) Add(words []Word) {
	if t.words == nil {
		t.words = map[string]*WordCount{}
	}
	for _, w := range words {
		key := strings.ToLower(w.Text)
		c := t.words[key]
		if c == nil {
			c = &WordCount{Word: key, Syllables: w.Syllables}
			t.words[key] = c
			t.order = append(t.order, c)
		}
		c.Count++
	}
}

// Top returns the n words that weigh most: most frequent first, then the
// longest, then the first met.
func (t *Tally) Top(n int) []WordCount {
	all := make([]*WordCount, len(t.order))
	copy(all, t.order)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Syllables > all[j].Syllables
	})
	out := make([]WordCount, 0, min(n, len(all)))
	for _, c := range all[:min(n, len(all))] {
		out = append(out, *c)
	}
	return out
}

// Merge adds the counts of o to t.
func (t *Tally) Merge(o *Tally) {
	if t.words == nil {
		t.words = map[string]*WordCount{}
	}
	for _, c := range o.order {
		if have := t.words[c.Word]; have != nil {
			have.Count += c.Count
			continue
		}
		cp := *c
		t.words[c.Word] = &cp
		t.order = append(t.order, &cp)
	}
}
