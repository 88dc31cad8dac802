package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/kapgraph/kapgraph/graph"
)

// ProposedPrefix starts the id of every entity the patterns propose. It is
// a project-local id under the KAP prefix, marked so that nobody mistakes
// it for a curated one: a curator maps it to the lexicon or rejects it.
const ProposedPrefix = "KAP:proposed-"

// LexEntry is one curated lexicon entity, as the engine needs it.
type LexEntry struct {
	ID       string
	Category graph.Category
	Name     string
	Synonyms []string
}

// Mention is one entity found in one sentence.
type Mention struct {
	Sentence    int // Sentence.Index
	ID          string
	Category    graph.Category
	Surface     string // as written
	Start, End  int    // byte offsets in Sentence.Text
	Proposed    bool   // found by a category pattern, not in the lexicon
	Pattern     string // the pattern that proposed it
	first, last int    // token range, inclusive start, exclusive end
	messenger   bool   // a transmitter a drug may act on (messengers.go), set by the claim reading
}

type form struct {
	words []string
	id    string
	cat   graph.Category
}

// recogniser holds the lexicon forms, longest first, and the acronyms a
// review defines as it goes.
type recogniser struct {
	forms    []form
	category map[string]graph.Category
	names    map[string]string // proposed id -> surface, for the report
	ix       *resourceIndex    // nil: no resources and no chunker (a curated review)
	// guessed holds the ids of names read from their use alone (an
	// undefined acronym as a subject): a definition met later ("X (ABC)")
	// takes the surface over.
	guessed map[string]bool
	// reviewName holds the ids of the substances the review defines
	// (substances.go).
	reviewName map[string]bool
	// prose is the review's text in lower case, where a name rebuilt from
	// an ellipsis is looked for written out (elidedHeads).
	prose string
}

func newRecogniser(lex []LexEntry) *recogniser {
	rc := &recogniser{category: map[string]graph.Category{}, names: map[string]string{}, guessed: map[string]bool{}, reviewName: map[string]bool{}}
	for _, e := range lex {
		rc.category[e.ID] = e.Category
		for _, f := range append([]string{e.Name}, e.Synonyms...) {
			if w := stems(f); len(w) > 0 && len(strings.Join(w, "")) >= 2 {
				rc.forms = append(rc.forms, form{w, e.ID, e.Category})
			}
		}
	}
	rc.sortForms()
	return rc
}

func (rc *recogniser) sortForms() {
	sort.SliceStable(rc.forms, func(i, j int) bool {
		a, b := rc.forms[i], rc.forms[j]
		if len(a.words) != len(b.words) {
			return len(a.words) > len(b.words)
		}
		return len(strings.Join(a.words, " ")) > len(strings.Join(b.words, " "))
	})
}

// addAlias makes a surface a form of an entity for the rest of the review:
// a bracketed acronym of the entity it follows, or a proposed name.
func (rc *recogniser) addAlias(word string, id string, cat graph.Category) {
	w := stems(word)
	for n, f := range rc.forms {
		if slices.Equal(f.words, w) {
			if rc.guessed[f.id] && !rc.guessed[id] && f.id != id {
				rc.forms[n] = form{w, id, cat} // a definition overrides a guess
			}
			return // the lexicon (or an earlier definition) already owns it
		}
	}
	rc.forms = append(rc.forms, form{w, id, cat})
	rc.sortForms()
}

// find returns the mentions in the tokens of one sentence, in text order.
func (rc *recogniser) find(idx int, text string, ts []token, tags []string) []Mention {
	taken := make([]bool, len(ts))
	var out []Mention
	add := func(i, j int, id string, cat graph.Category, proposed bool, pattern string) {
		if rc.ix != nil && cat == graph.CategoryDrug && molecularHeads[ts[j-1].stem] {
			cat = graph.CategoryMechanism // "kappa-opioid receptor" is a target, whatever list named it
		}
		for k := i; k < j; k++ {
			taken[k] = true
		}
		out = append(out, Mention{Sentence: idx, ID: id, Category: cat, Surface: text[ts[i].start:ts[j-1].end],
			Start: ts[i].start, End: ts[j-1].end, Proposed: proposed, Pattern: pattern, first: i, last: j})
	}
	for _, f := range rc.forms {
		n := len(f.words)
		for i := 0; i+n <= len(ts); i++ {
			if slices.Contains(taken[i:i+n], true) || !wordsAt(ts, i, f.words) {
				continue
			}
			if rc.ix != nil && i+n < len(ts) && ts[i+n].punctBefore == "" && headCategory(ts[i+n].stem) != "" && headCategory(ts[i+n].stem) != f.cat &&
				!givenHeads[ts[i+n].stem] {
				continue // "GLP-1 receptor": a name modifying a head is part of another entity, the chunker's
			}
			if rc.reviewName[f.id] && i > 0 && ts[i].punctBefore == "" && (pharmRoles[ts[i-1].stem] || drugClassNouns[ts[i-1].stem]) {
				continue // "the mGluR2/3 agonist LY341495": the chunker reads the name with its descriptor's target
			}
			if rc.reviewName[f.id] && i+n < len(ts) && ts[i+n].punctBefore == "" && !ts[i+n].hyphenated && strings.HasPrefix(tagAt(tags, i+n), "NN") &&
				!givenHeads[ts[i+n].stem] {
				continue // "noribogaine concentrations": a name modifying a noun is the chunker's to read
			}
			if i+n < len(ts) && ts[i+n].punctBefore == "" && !ts[i+n].hyphenated && (pluralAcronym(ts[i+n].raw) || blockingNouns[ts[i+n].stem]) {
				// "mGluR5 NAMs", "GABA-B PAMs": a class of drugs named by
				// its target; "mGluR5 blockade": acting against the
				// target, whose name alone would take the opposite sign.
				continue
			}
			if rc.ix != nil && strings.HasPrefix(f.id, ProposedPrefix) && i+n < len(ts) && ts[i+n].hyphenated {
				continue // "ayahuasca-assisted therapy": a proposed name hyphen-joined to the next word is part of a compound
			}
			// A form the lexicon did not give (an alias, a name the review
			// defines, with a vocabulary's id or a proposed one) is a
			// proposal: its node is made from its mentions.
			add(i, i+n, f.id, f.cat, strings.HasPrefix(f.id, ProposedPrefix) || rc.category[f.id] == "", "")
		}
	}
	// "substance use" + "disorder": a lexicon behaviour followed by the
	// head that makes it a disorder is the disorder the lexicon lacks.
	for n, m := range out {
		k := m.last
		if m.Category != graph.CategoryDisorder && k < len(ts) && !taken[k] && ts[k-1].stem == "use" && ts[k].stem == "disorder" {
			id := ProposedPrefix + slug(ts[m.first:k+1])
			surface := text[ts[m.first].start:ts[k].end]
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = surface
			}
			taken[k] = true
			out[n] = Mention{Sentence: idx, ID: id, Category: graph.CategoryDisorder, Surface: surface, Start: m.Start, End: ts[k].end,
				Proposed: true, Pattern: "X use disorder", first: m.first, last: k + 1}
			rc.addAlias(surface, id, graph.CategoryDisorder)
		}
	}
	if rc.ix != nil && len(tags) == len(ts) {
		free := make([]bool, len(ts))
		for k := range ts {
			free[k] = !taken[k]
		}
		for _, np := range chunk(rc.ix, ts, tags, free) {
			id := np.id
			switch {
			case id == "" && np.name != "":
				// A vocabulary term without an id: its synonyms ("GLP-1",
				// "glucagon-like peptide-1") are one entity, named by the
				// vocabulary's preferred name, so the id comes from that.
				id = ProposedPrefix + slug(tokenize(np.name))
			case id == "":
				id = ProposedPrefix + slug(ts[np.i:np.j])
			}
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = text[ts[np.i].start:ts[np.j-1].end]
				if np.name != "" {
					rc.names[id] = np.name
				}
			}
			add(np.i, np.j, id, np.cat, true, np.rule)
		}
	}
	for _, p := range proposals(ts, taken) {
		id := ProposedPrefix + slug(ts[p.i:p.j])
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = text[ts[p.i].start:ts[p.j-1].end]
		}
		add(p.i, p.j, id, p.cat, true, p.pattern)
		// A name proposed once is a name everywhere after: "ketamine
		// infusion" teaches "ketamine" for the rest of the review.
		rc.addAlias(text[ts[p.i].start:ts[p.j-1].end], id, p.cat)
	}
	if rc.ix != nil {
		for _, p := range append(definedSubstances(ts, tags, taken), acronymSubjects(ts, tags, taken)...) {
			id := ProposedPrefix + slug(ts[p.i:p.j])
			if p.pattern == acronymRule {
				rc.guessed[id] = true
			}
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = text[ts[p.i].start:ts[p.j-1].end]
			}
			add(p.i, p.j, id, p.cat, true, p.pattern)
			rc.addAlias(text[ts[p.i].start:ts[p.j-1].end], id, p.cat)
		}
		out = rc.sharedHeads(idx, text, ts, tags, out)
		out = rc.elidedHeads(idx, text, ts, tags, out)
		out = rc.substanceUseDisorders(idx, text, ts, out)
		out = rc.molecularLists(idx, text, ts, out)
		out = rc.bracketedMolecules(idx, text, ts, out)
		out = rc.testResults(idx, text, ts, out)
		// "GLP-1 receptor agonists": a drug class named by its target
		// names the target too, which its members act on.
		for _, m := range slices.Clone(out) {
			t, ok := classTarget(rc.ix, ts, tags, nounPhrase{i: m.first, j: m.last, cat: m.Category})
			if !ok {
				continue
			}
			id := t.id
			if id == "" {
				id = ProposedPrefix + slug(ts[t.i:t.j])
			}
			if _, ok := rc.names[id]; !ok {
				rc.names[id] = text[ts[t.i].start:ts[t.j-1].end]
				if t.name != "" {
					rc.names[id] = t.name
				}
			}
			out = append(out, Mention{Sentence: idx, ID: id, Category: t.cat, Surface: text[ts[t.i].start:ts[t.j-1].end],
				Start: ts[t.i].start, End: ts[t.j-1].end, Proposed: strings.HasPrefix(id, ProposedPrefix), Pattern: t.rule, first: t.i, last: t.j})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// "X (ABC)": ABC names X from here on.
	for _, m := range slices.Clone(out) {
		k := m.last
		if k >= len(ts) {
			continue
		}
		// A short form may be hyphen-joined words ("GLP-1RAs").
		e := k + 1
		for e < len(ts) && ts[e].hyphenated {
			e++
		}
		short := text[ts[k].start:ts[e-1].end]
		if (isAcronym(short) || mixedCaseCode(short)) && shortFormFits(short, m.Surface) && strings.HasSuffix(ts[k].punctBefore, "(") &&
			(e == len(ts) || strings.HasPrefix(ts[e].punctBefore, ")")) {
			rc.addAlias(short, m.ID, m.Category)
			if !slices.Contains(taken[k:e], true) {
				for x := k; x < e; x++ {
					taken[x] = true
				}
				out = append(out, Mention{Sentence: idx, ID: m.ID, Category: m.Category, Surface: short,
					Start: ts[k].start, End: ts[e-1].end, Proposed: m.Proposed, Pattern: "(acronym)", first: k, last: e})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func wordsAt(ts []token, i int, words []string) bool {
	for k, w := range words {
		if ts[i+k].stem != w {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	upper := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return upper >= 2 && upper*2 >= len(s)
}

// mixedCaseCode: a short form in mixed case with a number ("mGluR5",
// "OX1R", "nAChR4"): receptors and subtypes are written so, with fewer
// capitals than an acronym has but a digit an ordinary word lacks. Read
// only as a bracketed short form right after the name it fits.
func mixedCaseCode(s string) bool {
	upper, lower, digit := 0, 0, 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		case r >= '0' && r <= '9':
			digit++
		default:
			return false
		}
	}
	return upper >= 1 && lower >= 1 && digit >= 1 && len(s) <= 8 && (s[0] < '0' || s[0] > '9')
}

// pluralAcronym: a short form's plural ("NAMs", "PAMs", "SSRIs"): a
// class of drugs, whose target is the name before it.
func pluralAcronym(r string) bool {
	return len(r) >= 3 && r[len(r)-1] == 's' && isAcronym(r[:len(r)-1]) && strings.ToUpper(r[:len(r)-1]) == r[:len(r)-1]
}

// blockingNouns name acting against the target named before them.
var blockingNouns = setOf("blockade", "antagonism", "knockout", "deletion")

// stopwords never start or extend a proposed name.
var stopwords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "in": true, "on": true, "to": true,
	"with": true, "for": true, "by": true, "from": true, "at": true, "as": true, "its": true, "their": true,
	"this": true, "that": true, "these": true, "those": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "which": true, "such": true, "both": true, "between": true, "into": true, "via": true,
	"than": true, "not": true, "no": true, "has": true, "have": true, "had": true, "e": true, "g": true, "i": true,
	"it": true, "his": true, "her": true, "our": true, "other": true, "each": true, "one": true, "two": true,
	"three": true, "more": true, "most": true, "less": true, "also": true, "but": true, "only": true, "single": true,
	"high": true, "low": true, "dose": true, "using": true, "used": true, "use": true, "s": true,
}

// proposal is a token range [i, j) a pattern claims for a category.
type proposal struct {
	i, j    int
	cat     graph.Category
	pattern string
}

// regionHeads name brain regions on their own (no modifier needed).
var regionHeads = map[string]bool{"amygdala": true, "striatum": true, "insula": true, "thalamus": true,
	"hippocampus": true, "hypothalamus": true, "cerebellum": true, "habenula": true}

// mannerWords say how, where or how often a drug is given, never which.
var mannerWords = setOf("local", "systemic", "intravenous", "intramuscular", "intranasal", "subcutaneous", "oral",
	"intracerebral", "intracerebroventricular", "peripheral", "central", "continuous", "single", "repeated", "daily",
	"weekly", "slow", "rapid", "acute", "chronic", "bilateral")

// proposals applies the category patterns to the tokens no lexicon form
// took. Each pattern names a head word and how many modifier words before
// it belong to the name.
func proposals(ts []token, taken []bool) []proposal {
	var out []proposal
	// manner: a word saying how or where something is given names no
	// substance ("local infusion", "intravenous infusion").
	manner := func(k int) bool { return mannerWords[ts[k].low] }
	free := func(k int) bool {
		return k >= 0 && k < len(ts) && !taken[k] && !stopwords[ts[k].low] && !isDigits(ts[k].low)
	}
	claim := func(i, j int, cat graph.Category, pattern string) {
		for k := i; k < j; k++ {
			if taken[k] {
				return
			}
		}
		for k := i; k < j; k++ {
			taken[k] = true
		}
		out = append(out, proposal{i, j, cat, pattern})
	}
	// digitPart: a number joined by a hyphen belongs to a name ("5-HT2A").
	digitPart := func(k int) bool { return k >= 0 && !taken[k] && isDigits(ts[k].low) && ts[k+1].hyphenated }
	// modifiers walks back from head over up to max free words.
	modifiers := func(head, max int) int {
		i := head
		for i > 0 && head-i < max && (free(i-1) || digitPart(i-1)) && (ts[i].punctBefore == "" || ts[i].hyphenated) {
			i--
		}
		return i
	}
	for k := range ts {
		if taken[k] {
			continue
		}
		switch w := ts[k].stem; {
		case w == "receptor":
			if i := modifiers(k, 2); i < k {
				claim(i, k+1, graph.CategoryMechanism, "X receptor")
			}
		case w == "disorder" && k >= 2 && ts[k-1].stem == "use" && free(k-2):
			claim(k-2, k+1, graph.CategoryDisorder, "X use disorder")
		case w == "dependence" && free(k-1):
			claim(k-1, k+1, graph.CategoryDisorder, "X dependence")
		case w == "network":
			if i := modifiers(k, 2); i < k {
				claim(i, k+1, graph.CategoryBrainNetwork, "X network")
			}
		case w == "cortex":
			if i := modifiers(k, 2); i < k {
				claim(i, k+1, graph.CategoryBrainRegion, "X cortex")
			}
		case w == "nucleu" || w == "nucleus":
			if k+1 < len(ts) && !taken[k+1] && !stopwords[ts[k+1].low] {
				claim(k, k+2, graph.CategoryBrainRegion, "nucleus X")
			}
		case w == "area" && k >= 2 && ts[k-1].low == "tegmental":
			claim(k-2, k+1, graph.CategoryBrainRegion, "X tegmental area")
		case regionHeads[w]:
			claim(k, k+1, graph.CategoryBrainRegion, "named region")
		case (w == "assisted" || w == "facilitated") && ts[k].hyphenated && k > 0 && !stopwords[ts[k-1].low]:
			if k+1 < len(ts) && !taken[k+1] && (strings.HasPrefix(ts[k+1].low, "therap") || strings.HasPrefix(ts[k+1].low, "psychotherap") || ts[k+1].low == "treatment") {
				// The therapy is named even when the lexicon knows its
				// drug: the drug mention stays, nested in the therapy's.
				taken[k], taken[k+1] = true, true
				if free(k - 1) {
					taken[k-1] = true
					out = append(out, proposal{k - 1, k, graph.CategoryDrug, "X-assisted"})
				}
				out = append(out, proposal{k - 1, k + 2, graph.CategoryTherapy, "X-assisted therapy"})
			} else if free(k - 1) {
				claim(k-1, k, graph.CategoryDrug, "X-assisted")
			}
		case w == "infusion" && free(k-1) && !manner(k-1) && !closedClass[ts[k-1].low]: // "during infusion"
			claim(k-1, k, graph.CategoryDrug, "X infusion")
		case w == "administration" && k+2 < len(ts) && ts[k+1].low == "of" && free(k+2):
			claim(k+2, k+3, graph.CategoryDrug, "administration of X")
		}
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// shortFormFits is Schwartz and Hearst's test (2003) that a bracketed
// short form abbreviates the words before it: its letters and digits occur
// in the long form in order, read from the end, and its first one starts
// a word ("GLP-1RAs" in "glucagon-like peptide-1 receptor agonists").
func shortFormFits(short, long string) bool {
	var sf []rune
	for _, r := range strings.ToLower(short) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sf = append(sf, r)
		}
	}
	lf := []rune(strings.ToLower(long))
	li := len(lf) - 1
	for si := len(sf) - 1; si >= 0; si-- {
		c := sf[si]
		for li >= 0 && (lf[li] != c || si == 0 && li > 0 && (unicode.IsLetter(lf[li-1]) || unicode.IsDigit(lf[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		li--
	}
	return len(sf) > 0
}
