package brand

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"handouts/handout/labels"
	"handouts/handout/suggest"
	"handouts/handout/yamldoc"
)

// decodeLabels reads a brand file's `labels:`: a mapping of BCP 47 tags to
// mappings of label keys (labels.Keys) to one-line text. Every mistake is
// reported where it was typed: a tag that is no language (with the tag
// meant, when it is a language's name or near a supported tag), an unknown
// key (with the key meant), a label without its placeholders.
func decodeLabels(doc *yamldoc.Doc, n *yaml.Node, dir string) Value {
	v := Value{Pos: doc.Pos(n), Dir: dir}
	n = yamldoc.Deref(n)
	if n.Kind != yaml.MappingNode {
		doc.Errs.Errorf(doc.Pos(n), "labels must be a mapping of language tags to labels (like `labels: {es: {short_version: Lo más importante}}`), not %s", yamldoc.KindName(n))
		return v
	}
	if len(n.Content) == 0 {
		doc.Errs.Errorf(v.Pos, "labels: the mapping is empty; give labels per language, such as `es: {short_version: Lo más importante}`, or remove it")
		return v
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		tag := k.Value
		if msg := tagProblem(tag); msg != "" {
			doc.Errs.Errorf(doc.Pos(k), "labels: %s", msg)
			continue
		}
		norm := strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
		if seen[norm] {
			doc.Errs.Errorf(doc.Pos(k), "labels: language %q is given twice; give each language's labels once", tag)
			continue
		}
		seen[norm] = true
		what := "labels." + tag
		doc.Fields(val, what, labels.KeyNames(), nil, func(key string, t *yaml.Node) {
			text, ok := doc.OneLine(t, what+"."+key)
			if !ok {
				return
			}
			lk, _ := labels.LookupKey(key)
			if msg := lk.Check(text); msg != "" {
				doc.Errs.Errorf(doc.Pos(t), "%s.%s %s", what, key, msg)
				return
			}
			v.Labels = append(v.Labels, Label{Tag: tag, Key: key, Text: text, Pos: doc.Pos(t)})
		})
	}
	return v
}

// tagProblem says why tag cannot name a language's labels, or "".
func tagProblem(tag string) string {
	if labels.Known(tag) {
		parts := strings.Split(strings.ReplaceAll(tag, "_", "-"), "-")
		if len(parts) > 1 && len(parts[1]) == 4 && !isDigits(parts[1]) {
			sc := strings.ToUpper(parts[1][:1]) + strings.ToLower(parts[1][1:])
			if !strings.Contains(scripts, " "+sc+" ") {
				msg := fmt.Sprintf("%q names the script %q, which is not an ISO 15924 script code", tag, parts[1])
				// A script the tool has labels in for this language first:
				// zh-Hanz is zh-Hans, not zh-Hang.
				var own []string
				for _, c := range strings.Fields(scripts) {
					if _, ok := labels.Match(parts[0] + "-" + c); ok {
						own = append(own, c)
					}
				}
				s := suggest.Closest(sc, own)
				if s == "" {
					s = suggest.Closest(sc, strings.Fields(scripts))
				}
				if s != "" {
					msg += fmt.Sprintf("; did you mean `%s`?", strings.Replace(tag, parts[1], s, 1))
				}
				return msg
			}
		}
		return ""
	}
	msg := fmt.Sprintf("%q is not a language tag", tag)
	primary, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	if t, ok := labels.ByName(tag); ok {
		return msg + fmt.Sprintf("; did you mean `%s`?", t)
	} else if t, ok := countryNotLanguage[strings.ToLower(primary)]; ok {
		return msg + fmt.Sprintf(" (%s is a country code); did you mean `%s`?", strings.ToUpper(primary), t)
	} else if s := suggest.Closest(strings.ToLower(primary), labels.Supported); s != "" && labels.WellFormed(tag) {
		return msg + fmt.Sprintf("; did you mean `%s`?", s)
	}
	return msg + fmt.Sprintf(" (BCP 47, as a handout's `language`: %s)", strings.Join(labels.Supported, ", "))
}

// scripts are the ISO 15924 codes of scripts in use for living languages,
// space-separated with a space at each end.
const scripts = " Adlm Arab Armn Bali Bamu Batk Beng Bopo Brai Bugi Cakm Cans Cher Cyrl Deva Ethi Geor Grek Gujr Guru Hang Hani Hans Hant Hebr Hira Hmng Hrkt Java Jpan Kana Khmr Knda Kore Laoo Latn Lepc Limb Mlym Mong Mtei Mymr Nkoo Olck Orya Rohg Saur Shaw Sinh Sund Sylo Syrc Tale Talu Taml Tavt Telu Tfng Tglg Thaa Thai Tibt Vaii Yiii Zmth Zsye Zyyy "

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// countryNotLanguage maps country codes that are often typed for their
// language, and are no language code themselves, to the language's tag.
var countryNotLanguage = map[string]string{"sp": "es", "jp": "ja", "cn": "zh", "kr": "ko", "gr": "el", "vn": "vi", "ua": "uk", "cz": "cs", "dk": "da", "ir": "fa", "pk": "ur", "bd": "bn"}

// LabelsFor returns the labels a handout in language lang prints: the
// tool's own (labels.For) with the brand's wording over them. The brand's
// labels for a tag apply to every handout whose tag it covers, less
// specific first: `es` to es-MX, then `es-MX` over it; `zh-Hant` to zh-TW.
// ok is false when neither the tool nor the brand has every label in the
// language: the rest print in English, and check warns.
func (b *Brand) LabelsFor(lang string) (l *labels.Labels, ok bool) {
	l, ok = labels.For(lang)
	if b == nil || len(b.Labels) == 0 {
		return l, ok
	}
	apply := b.labelsFor(lang)
	if len(apply) == 0 {
		return l, ok
	}
	var os []labels.Override
	given := map[string]bool{}
	for _, x := range apply {
		os = append(os, labels.Override{Key: x.Key, Text: x.Text})
		given[x.Key] = true
	}
	return l.With(os), ok || len(given) == len(labels.Keys)
}

// LabelsApplied returns the brand's labels that a handout in lang prints,
// in the order they apply, for checks that cover each (a font that cannot
// print one) and for warnings that name what is missing.
func (b *Brand) LabelsApplied(lang string) []Label {
	if b == nil {
		return nil
	}
	return b.labelsFor(lang)
}

func (b *Brand) labelsFor(lang string) []Label {
	low := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	want, wantOK := labels.Match(lang)
	var out []Label
	for _, x := range b.Labels {
		tag := strings.ToLower(strings.ReplaceAll(x.Tag, "_", "-"))
		got, gotOK := labels.Match(x.Tag)
		sameLabels := got == want && gotOK == wantOK
		switch {
		case tag == low:
		case strings.HasPrefix(low, tag+"-") && sameLabels:
		// zh-Hant covers zh-TW: both are the Traditional labels, and the
		// brand's tag is the labels' own name.
		case gotOK && sameLabels && tag == strings.ToLower(got):
		default:
			continue
		}
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool { return specificity(out[i].Tag) < specificity(out[j].Tag) })
	return out
}

func specificity(tag string) int { return strings.Count(strings.ReplaceAll(tag, "_", "-"), "-") }
