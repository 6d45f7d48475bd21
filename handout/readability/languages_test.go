package readability

import (
	"math"
	"strings"
	"testing"
)

// Syllables in French, German, Italian, Portuguese and Russian, against
// each word's written syllabification (shown). The French and German
// counts are vowel groups: a hiatus inside a group (German Fa-mi-li-e)
// counts one short, which the cases below do not hide.
func TestSyllablesByLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang *Language
		word string
		want int
	}{
		{French, "médecin", 3},     // mé-de-cin
		{French, "porte", 2},       // por-te: hyphenation counts the final e
		{French, "maladie", 3},     // ma-la-die
		{French, "aujourd'hui", 3}, // au-jour-d'hui
		{French, "hôpital", 3},     // hô-pi-tal
		{French, "eau", 1},         //
		{French, "traitement", 3},  // trai-te-ment
		{French, "cœur", 1},        //
		{German, "Arzt", 1},
		{German, "Krankenhaus", 3}, // Kran-ken-haus
		{German, "Behandlung", 3},  // Be-hand-lung
		{German, "Übelkeit", 3},    // Ü-bel-keit
		{German, "Ärztin", 2},      // Ärz-tin
		{German, "Tablette", 3},    // Tab-let-te
		{German, "Familie", 3},     // Fa-mi-li-e is 4: a hiatus inside "ie"
		{Italian, "medico", 3},     // me-di-co
		{Italian, "più", 1},        //
		{Italian, "ospedale", 4},   // o-spe-da-le
		{Italian, "quando", 2},     // quan-do
		{Italian, "famiglia", 3},   // fa-mi-glia
		{Portuguese, "saúde", 3},   // sa-ú-de
		{Portuguese, "coração", 3}, // co-ra-ção
		{Portuguese, "mão", 1},     //
		{Portuguese, "põe", 1},     //
		{Portuguese, "remédio", 3}, // re-mé-dio
		{Portuguese, "pressão", 2}, // pres-são
		{Portuguese, "poeta", 3},   // po-e-ta
		{Russian, "врач", 1},
		{Russian, "здоровье", 3},  // здо-ро-вье
		{Russian, "лекарство", 3}, // ле-кар-ство
		{Russian, "пение", 3},     // пе-ни-е: every vowel letter is a syllable
		{Russian, "идея", 3},      // и-де-я
		{Russian, "COVID-19", 3},  // a Latin word by vowel groups, and a number
	} {
		if got := tc.lang.Syllables(tc.word); got != tc.want {
			t.Errorf("%s %q: %d syllables, want %d", tc.lang.Tag, tc.word, got, tc.want)
		}
	}
}

// Each formula, on hand-computed counts: 2 sentences, 20 words, 30
// syllables, 100 letters.
func TestFormulasHandComputed(t *testing.T) {
	s := Stats{Sentences: 2, Words: 20, Syllables: 30, Letters: 100}
	for _, tc := range []struct {
		name string
		f    func(Stats) (float64, bool)
		want float64
	}{
		{"Kandel–Moles", Stats.KandelMoles, 207 - 1.015*10 - 73.6*1.5}, // 86.45
		{"Amstad", Stats.Amstad, 180 - 10 - 58.5*1.5},                  // 82.25
		{"Martins", Stats.Martins, 248.835 - 1.015*10 - 84.6*1.5},      // 111.785
		{"Oborneva", Stats.Oborneva, 206.835 - 1.3*10 - 60.1*1.5},      // 103.685
		{"GULPEASE", Stats.GULPEASE, 89 + (300*2-10*100)/20.0},         // 69
	} {
		got, ok := tc.f(s)
		if !ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("%s = %v, %v; want %v", tc.name, got, ok, tc.want)
		}
		if _, ok := tc.f(Stats{}); ok {
			t.Errorf("%s of nothing is ok", tc.name)
		}
	}
}

// Italian counts letters for GULPEASE; the others do not pay for it.
func TestLettersCountedForItalianOnly(t *testing.T) {
	const text = "Prenda una compressa. Beva acqua su https://example.org ogni giorno."
	it := Italian.Measure(text)
	// Prenda(6) una(3) compressa(9); Beva(4) acqua(5) su(2) address(2) ogni(4) giorno(6)
	if it.Sentences != 2 || it.Words != 9 || it.Letters != 41 {
		t.Errorf("Italian: %+v", it)
	}
	if fr := French.Measure(text); fr.Letters != 0 || fr.Words != 9 {
		t.Errorf("French: %+v", fr)
	}
}

// Levels: the formula named, the score's band, and the target.
func TestLevelsByLanguage(t *testing.T) {
	hard := Stats{Sentences: 5, Words: 150, Syllables: 330, Letters: 900}
	easy := Stats{Sentences: 15, Words: 150, Syllables: 210, Letters: 600}
	for _, tc := range []struct {
		lang     *Language
		formula  string
		hardText string
	}{
		{French, "Kandel–Moles", "Kandel–Moles"},
		{German, "Amstad", "Amstad"},
		{Italian, "GULPEASE", "GULPEASE"},
		{Portuguese, "Flesch (Martins)", "Martins"},
		{Russian, "Oborneva", "Oborneva"},
	} {
		lv, ok := tc.lang.Level(hard)
		if !ok || lv.Formula != tc.formula || !lv.TooHard || !strings.Contains(lv.Text, tc.hardText) || !strings.Contains(lv.Target, "or above") {
			t.Errorf("%s hard: %+v", tc.lang.Tag, lv)
		}
		if lv, _ := tc.lang.Level(easy); lv.TooHard {
			t.Errorf("%s easy: %+v", tc.lang.Tag, lv)
		}
	}
}

// Sentences end at each script's own full stop and question mark; Chinese
// and Japanese ones need no space after them; Greek asks with ';'.
func TestSentenceEndsByScript(t *testing.T) {
	for _, tc := range []struct {
		lang *Language
		text string
		want []string
	}{
		{English, "هل تشعر بالألم؟ تناول الدواء مع الطعام.", []string{"هل تشعر بالألم؟", "تناول الدواء مع الطعام."}},
		{English, "آیا درد دارید؟ من می\u200cخواهم بروم.", []string{"آیا درد دارید؟", "من می\u200cخواهم بروم."}},
		{English, "یہ دوا کھانے کے ساتھ لیں۔ پانی پیئیں۔", []string{"یہ دوا کھانے کے ساتھ لیں۔", "پانی پیئیں۔"}},
		{English, "यह दवा खाने के साथ लें। पानी पिएं।", []string{"यह दवा खाने के साथ लें।", "पानी पिएं।"}},
		{English, "খাবারের সাথে ওষুধ খান। পানি পান করুন।", []string{"খাবারের সাথে ওষুধ খান।", "পানি পান করুন।"}},
		{English, "ਦਵਾਈ ਖਾਣੇ ਨਾਲ ਲਓ। ਪਾਣੀ ਪੀਓ।", []string{"ਦਵਾਈ ਖਾਣੇ ਨਾਲ ਲਓ।", "ਪਾਣੀ ਪੀਓ।"}},
		{English, "መድሃኒቱን ከምግብ ጋር ይውሰዱ። ህመም አለዎት፧", []string{"መድሃኒቱን ከምግብ ጋር ይውሰዱ።", "ህመም አለዎት፧"}},
		{English, "请随餐服药。多喝水！有问题吗？", []string{"请随餐服药。", "多喝水！", "有问题吗？"}},
		{English, "食事と一緒に飲んでください。水を飲みましょう。", []string{"食事と一緒に飲んでください。", "水を飲みましょう。"}},
		{English, "他说：「好。」然后走了。", []string{"他说：「好。」", "然后走了。"}},
		{Splitter("el"), "Πώς είστε; Πάρτε το φάρμακο.", []string{"Πώς είστε;", "Πάρτε το φάρμακο."}},
		{English, "Take it; then rest.", []string{"Take it; then rest."}},
		{Splitter("ru"), "Пейте воду, напр. чай или сок. Отдыхайте, т. е. спите больше.", []string{"Пейте воду, напр. чай или сок.", "Отдыхайте, т. е. спите больше."}},
		{Splitter("de"), "Nehmen Sie z. B. Ibuprofen. Trinken Sie Wasser.", []string{"Nehmen Sie z. B. Ibuprofen.", "Trinken Sie Wasser."}},
		{Splitter("fr-CA"), "Appelez le Dr Roy, p. ex. le matin. Reposez-vous.", []string{"Appelez le Dr Roy, p. ex. le matin.", "Reposez-vous."}},
	} {
		var got []string
		for _, s := range tc.lang.Sentences(tc.text) {
			got = append(got, s.Text)
			if tc.text[s.Offset:s.Offset+len(s.Text)] != s.Text {
				t.Errorf("%q: offset %d does not hold %q", tc.text, s.Offset, s.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s %q:\ngot  %q\nwant %q", tc.lang.Tag, tc.text, got, tc.want)
		}
	}
	// A Persian word with a zero-width non-joiner is one word.
	if st := English.Measure("من می\u200cخواهم بروم."); st.Words != 3 {
		t.Errorf("Persian words: %+v", st)
	}
}

func TestSplitterAndUnspaced(t *testing.T) {
	for tag, want := range map[string]*Language{"fr": French, "es-MX": Spanish, "el": greek, "EL-gr": greek, "ar": English, "zh-Hans": English, "": English} {
		if got := Splitter(tag); got != want {
			t.Errorf("Splitter(%q) = %s", tag, got.Tag)
		}
	}
	for tag, want := range map[string]bool{"zh": true, "zh-Hant-TW": true, "ja": true, "th": true, "ko": false, "vi": false, "en": false} {
		if Unspaced(tag) != want {
			t.Errorf("Unspaced(%q) = %v", tag, !want)
		}
	}
}
