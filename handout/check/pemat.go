package check

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"handouts/handout/content"
	"handouts/handout/diag"
	"handouts/handout/plainwords"
)

// AHRQ's Patient Education Materials Assessment Tool for printable
// materials (PEMAT-P, 2013; updated 2020) has 24 items, most of which need a
// person's judgement (is the purpose evident, are the visual aids clear).
// PEMAT reports the items a program can check from the content file; it is
// never a PEMAT score, and says so.
//
// The items, with the PEMAT-P number and the test a program can apply:
//
//   - 11 a summary: the handout has its `summary` (always printed first, in
//     a box, as "The short version").
//   - 8 short sections: every section holds at most MaxSectionWords words
//     of text.
//   - 9 informative headings: no heading is a generic one ("Introduction",
//     "Overview", "More information", "Información", …).
//   - 3 common, everyday language: no word from the plain-language list
//     (English and Spanish only).
//   - 20 at least one action for the reader: a sentence, bullet or step that
//     starts with an instruction ("Call…", "Take…", "Llame…", "Tome…";
//     English and Spanish only), or steps.
//   - 21 the reader addressed directly: "you"/"your" (usted, su…, tú, tu…)
//     or an instruction (English and Spanish only).
//   - 22 explicit steps: at least one section has `steps:`.
//   - 12 visual cues for key points beyond the summary box: a callout
//     section, **bold** text, or bullets, labelled items or steps in a
//     section.

// MaxSectionWords is how long a section may be and still count as one of
// PEMAT's "short sections": about what fits beside its heading on half a
// page, and the length plain-language guides give for a chunk.
const MaxSectionWords = 150

type pematItem struct {
	name string
	met  bool
	why  string // why it is not met
}

// PEMAT notes which PEMAT-P items a program can check are met, naming the
// unmet ones.
func PEMAT(h *content.Handout) diag.List {
	primary, _, _ := strings.Cut(strings.ToLower(h.Language), "-")
	lang := actionWords()[primary]
	var items []pematItem
	var unchecked []string

	items = append(items, pematItem{name: "a summary", met: len(h.Summary) > 0, why: "no `summary`"})

	var long []string
	for _, s := range h.Sections {
		if n := sectionWords(s); n > MaxSectionWords {
			long = append(long, fmt.Sprintf("%q has %d words", s.Heading.Raw, n))
		}
	}
	items = append(items, pematItem{name: "short sections", met: len(long) == 0,
		why: strings.Join(long, ", ") + fmt.Sprintf("; split sections over %d words", MaxSectionWords)})

	var generic []string
	for _, s := range h.Sections {
		if genericHeadings()[normalHeading(s.Heading.Raw)] {
			generic = append(generic, fmt.Sprintf("%q", s.Heading.Raw))
		}
	}
	items = append(items, pematItem{name: "informative headings", met: len(generic) == 0,
		why: strings.Join(generic, ", ") + " says what kind of text follows, not what it says"})

	prose := proseTexts(h)
	if list, ok := plainwords.For(h.Language); ok {
		hard := 0
		taught := terms{}
		for _, t := range prose {
			for _, m := range list.Find(t) {
				if !taught.saw(m) {
					hard++
				}
			}
		}
		items = append(items, pematItem{name: "everyday words", met: hard == 0,
			why: fmt.Sprintf("%d %s an everyday alternative in the notes", hard, map[bool]string{true: "word has", false: "words have"}[hard == 1])})
	} else {
		unchecked = append(unchecked, "everyday words")
	}

	steps := false
	for _, s := range h.Sections {
		steps = steps || len(s.Steps) > 0
	}
	if lang != nil {
		actions, you := 0, 0
		for _, t := range prose {
			a, y := lang.scan(t)
			actions += a
			you += y
		}
		items = append(items,
			pematItem{name: "an action for the reader", met: actions > 0 || steps,
				why: "no sentence, bullet or step starts with an instruction such as " + lang.example},
			pematItem{name: "the reader addressed as " + lang.you, met: you > 0 || actions > 0,
				why: "the text never speaks to the reader as " + lang.you})
	} else {
		unchecked = append(unchecked, "an action for the reader", "the reader addressed directly")
	}
	items = append(items, pematItem{name: "explicit steps", met: steps, why: "no section has `steps:`"})

	cues := false
	for _, s := range h.Sections {
		cues = cues || s.Style == content.Callout || len(s.Bullets) > 0 || len(s.Items) > 0 || len(s.Steps) > 0
		for _, t := range s.Body {
			for _, sp := range t.Spans {
				cues = cues || sp.Bold
			}
		}
	}
	items = append(items, pematItem{name: "visual cues for key points", met: cues,
		why: "beyond the summary box, no callout, bold text, bullets, items or steps"})

	met := 0
	var unmet []string
	for _, it := range items {
		if it.met {
			met++
		} else {
			unmet = append(unmet, it.name+" ("+it.why+")")
		}
	}
	msg := fmt.Sprintf("PEMAT-P items a program can check: %d of %d met.", met, len(items))
	if len(unmet) > 0 {
		msg += " Not met: " + strings.Join(unmet, "; ") + "."
	}
	if len(unchecked) > 0 {
		msg += fmt.Sprintf(" Not checked in language %q: %s.", h.Language, strings.Join(unchecked, ", "))
	}
	msg += " This is not a PEMAT score: the other PEMAT-P items need a reviewer."
	var out diag.List
	out.Notef(titlePos(h), "%s", msg)
	return out
}

// sectionWords counts the words a section prints in the guide.
func sectionWords(s content.Section) int {
	n := 0
	count := func(t content.Text) { n += len(strings.Fields(content.PlainText(t.Spans))) }
	for _, t := range s.Body {
		count(t)
	}
	for _, it := range s.Items {
		count(it.Label)
		count(it.Text)
	}
	for _, t := range s.Bullets {
		count(t)
	}
	for _, t := range s.Steps {
		count(t)
	}
	return n
}

// proseTexts are the texts a reader reads as sentences: the summary, the
// sections' briefs, bodies, items, bullets and steps, and the answers.
func proseTexts(h *content.Handout) []string {
	var out []string
	add := func(ts ...content.Text) {
		for _, t := range ts {
			out = append(out, content.PlainText(t.Spans))
		}
	}
	add(h.Summary...)
	for _, s := range h.Sections {
		add(s.Brief)
		add(s.Body...)
		for _, it := range s.Items {
			add(it.Text)
		}
		add(s.Bullets...)
		add(s.Steps...)
	}
	for _, q := range h.FAQ {
		add(q.A)
	}
	return out
}

func normalHeading(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.TrimRight(s, ".:!?")
}

// genericHeadings name a kind of text rather than its point (made on
// first use, as actionWords).
var genericHeadings = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"introduction": true, "overview": true, "background": true, "information": true,
		"general information": true, "more information": true, "additional information": true,
		"details": true, "other": true, "others": true, "more": true, "miscellaneous": true,
		"notes": true, "note": true, "misc": true, "general": true, "section": true, "text": true,
		"introducción": true, "información": true, "información general": true,
		"más información": true, "otra información": true, "generalidades": true,
		"otros": true, "otras": true, "detalles": true, "notas": true, "nota": true,
		"antecedentes": true, "varios": true, "texto": true,
	}
})

// actionLang holds what tells an instruction and direct address apart in
// one language.
type actionLang struct {
	you      string          // how the item is named: `"you"`
	example  string          // an instruction, for the message
	verbs    map[string]bool // instructions: a sentence starting with one is an action
	skip     map[string]bool // words that may come before the verb: "please", "no"
	youWords map[string]bool
}

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// actionWords are the instructions and direct address of each language
// with them, made on first use: only the PEMAT notes read them, and
// those word sets are most of what the package would otherwise build
// each time the program starts.
var actionWords = sync.OnceValue(func() map[string]*actionLang {
	return map[string]*actionLang{
		"en": {
			you: `"you"`, example: `"Call us if…"`,
			verbs: set("call", "take", "ask", "talk", "tell", "bring", "keep", "avoid", "use", "eat",
				"drink", "stop", "start", "make", "try", "get", "go", "see", "check", "write", "wash",
				"rest", "sleep", "walk", "read", "wear", "put", "follow", "come", "find", "choose",
				"plan", "limit", "join", "watch", "learn", "share", "give", "do", "don't", "never",
				"always", "remember", "look", "sit", "stand", "breathe", "move", "store", "throw",
				"visit", "text", "email", "contact", "set", "leave", "let", "fill", "mark", "note",
				"measure", "weigh", "count", "cover", "clean", "open", "close", "turn", "lie", "hold",
				"attend", "bring", "practice", "practise", "schedule", "return", "seek", "report"),
			skip:     set("please", "then", "first", "next", "now", "also", "and", "not"),
			youWords: set("you", "your", "yours", "yourself", "yourselves", "you're", "you'll", "you've", "you'd"),
		},
		"es": {
			you: "usted or tú", example: `"Llame si…"`,
			verbs: set("llame", "tome", "pregunte", "hable", "diga", "traiga", "evite", "use", "coma",
				"beba", "deje", "empiece", "haga", "intente", "vaya", "vea", "revise", "escriba", "lave",
				"descanse", "duerma", "camine", "lleve", "siga", "mida", "pida", "busque", "guarde",
				"recuerde", "mantenga", "ponga", "venga", "consulte", "avise", "cuente", "elija", "anote",
				"acuda", "respire", "limite", "compre", "cambie", "aprenda", "comparta",
				"llama", "toma", "pregunta", "habla", "di", "trae", "evita", "usa", "come", "bebe",
				"deja", "empieza", "haz", "intenta", "ve", "revisa", "escribe", "lava", "descansa",
				"duerme", "camina", "lleva", "sigue", "mide", "pide", "busca", "guarda", "recuerda",
				"mantén", "pon", "ven", "consulta", "avisa", "cuenta", "elige", "anota", "acude",
				"respira", "limita", "cambia", "aprende", "comparte"),
			skip:     set("por", "favor", "no", "luego", "primero", "después", "ahora", "también", "y", "nunca", "siempre"),
			youWords: set("usted", "ustedes", "tú", "tu", "tus", "te", "ti", "contigo", "su", "sus", "le"),
		},
	}
})

// scan counts the sentences of text that start with an instruction, and
// its words that address the reader.
func (l *actionLang) scan(text string) (actions, you int) {
	start := true // the next word starts a sentence (or the text)
	skipping := false
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			if r == '.' || r == '!' || r == '?' || r == ':' || r == ';' {
				start, skipping = true, false
			}
			i += w
			continue
		}
		j := i
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && r != '\'' && r != '’' {
				break
			}
			j += w
		}
		word := strings.ToLower(strings.ReplaceAll(text[i:j], "’", "'"))
		if l.youWords[word] {
			you++
		}
		if start || skipping {
			switch {
			case l.verbs[word]:
				actions++
				start, skipping = false, false
			case l.skip[word]:
				start, skipping = false, true
			default:
				start, skipping = false, false
			}
		}
		i = j
	}
	return actions, you
}
