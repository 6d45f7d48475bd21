package serve

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A packet of exactly the most handouts it may hold is printed, by the
// API and by the page; one more is refused (serve_test.go).
func TestPacketOfExactlyTheMaximum(t *testing.T) {
	f := newFixture(t, Config{})
	var names, query []string
	for i := range maxPacket {
		name := fmt.Sprintf("sheet-%02d", i+1)
		write(t, f.dir, name+".yaml", fmt.Sprintf("title: Sheet %d\nsummary:\n  - Rest well.\n  - Drink water.\nsections:\n  - heading: Why\n    body: Rest helps.\n", i+1))
		names = append(names, `"`+name+`"`)
		query = append(query, "h="+name)
	}
	rec := f.api(`{"handouts": [` + strings.Join(names, ", ") + `], "format": "summary"}`)
	wantStatus(t, rec, 200)
	if got := rec.Header().Get("X-Page-Count"); got != fmt.Sprint(maxPacket) {
		t.Errorf("a packet of %d one-page summaries has %s pages", maxPacket, got)
	}
	wantStatus(t, f.get("/packet?"+strings.Join(query, "&")), 200)
}

// The font subsets a server keeps from one render to the next hold only
// what any handout might print: a patient's name with a letter outside
// the common set (Ż, Ł) gets subsets of its own, which go with the
// render, so nothing kept says anything about the name. A name in common
// letters may share them.
func TestPatientNameNotInSharedSubsets(t *testing.T) {
	f := newFixture(t, Config{})
	// A handout with letters beyond the common set (Ő, ≥), which the
	// shared subsets may keep: it is not about a patient.
	write(t, f.dir, "dosing.yaml", "title: Dosing in Győr\nsummary:\n  - Take ≥ 2 tablets.\n  - Drink water.\nsections:\n  - heading: Why\n    body: ŐRÜLT.\n")
	for _, patient := range []string{"Ann Lee", "Żaneta Łukasiewicz"} {
		rec := f.api(`{"handouts": ["dosing", "group-therapy"], "format": "summary", "patient": "` + patient + `"}`)
		wantStatus(t, rec, 200)
	}
	kept, maps := keptKeys(reflect.ValueOf(f.srv.cache).Elem().FieldByName("subsets").Elem())
	if maps < 2 {
		t.Fatalf("found %d caches in the shared font subsets (pdfwriter.Subsets); this test reads every map's keys and must be told of a new layout", maps)
	}
	if !slices.ContainsFunc(kept, func(k string) bool { return strings.Contains(k, "≥") }) {
		t.Fatalf("the shared subsets do not keep the handout's own letters (%q): this test would pass whatever they kept", kept)
	}
	for _, k := range kept {
		if strings.ContainsAny(k, "ŻżŁł") {
			t.Errorf("the shared font subsets keep a key with the patient's letters: %q", k)
		}
	}
}

// keptKeys returns the text of every map key held in v (a struct),
// and how many maps it has: a key that is a string, or a struct's string
// fields.
func keptKeys(v reflect.Value) (keys []string, maps int) {
	for i := range v.NumField() {
		fv := v.Field(i)
		if fv.Kind() != reflect.Map {
			continue
		}
		maps++
		for _, k := range fv.MapKeys() {
			switch k.Kind() {
			case reflect.String:
				keys = append(keys, k.String())
			case reflect.Struct:
				for j := range k.NumField() {
					if k.Field(j).Kind() == reflect.String {
						keys = append(keys, k.Field(j).String())
					}
				}
			}
		}
	}
	return keys, maps
}
