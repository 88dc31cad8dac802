// Head nouns: what a phrase's last word says it is, and the word lists
// the chunker reads heads and slots by.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// headWord is the head of a phrase: its last word, or a hyphenated
// compound ("self-administration") as one word.
func headWord(ts []token, head, j int) string {
	if j-head == 1 {
		return ts[head].stem
	}
	parts := make([]string, 0, j-head)
	for k := head; k < j; k++ {
		parts = append(parts, ts[k].stem)
	}
	joined := strings.Join(parts, "-")
	if headCategory(joined) != "" {
		return joined
	}
	return ts[j-1].stem
}

func headCategory(w string) graph.Category {
	if c, ok := headNounCategory[w]; ok {
		return c
	}
	return degreeHead(w)
}

// cueVerb: a finite verb form of a direction or correlation cue
// ("increases", "reduced", "predicts"), which ends a noun phrase even when
// the tagger reads it as a plural noun. Nouns of change that head an
// entity ("activation") are not verbs here.
func cueVerb(w string) bool {
	if headCategory(stem(w)) != "" || nounOrVerb[w] {
		return false
	}

	for _, c := range cueTable {
		if len(c.words) == 1 && c.kind != cueAdverse && c.kind != cueTreatment && strings.HasPrefix(w, c.words[0]) {
			return true
		}
	}
	return false
}

// abstractNoun: an English noun of action, state or quality by its ending
// ("ingestion", "balance", "settings"): such a word in a list with a drug
// is not another drug. (A drug is never proposed from its ending; this
// only keeps ordinary nouns out.)
func abstractNoun(w string) bool {
	for _, suf := range []string{"tion", "sion", "ment", "ness", "ance", "ence", "ity", "ing", "ings", "al", "ship", "ure", "ism", "ist", "ists"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// pluralPopulation: a plural population noun ("smokers", "patients")
// modifies no noun after it (English compounds take the singular:
// "patient safety"), so "most smokers relapse" is a subject and its verb.
func pluralPopulation(ts []token, tags []string, k int) bool {
	if irregularPlurals[ts[k].low] && species[ts[k].stem] {
		return true // "in mice LSD reduced ...": the tagger often reads "mice" as singular
	}
	return tags[k] == "NNS" && headCategory(ts[k].stem) == graph.CategoryPopulation && ts[k].low != ts[k].stem
}

// molecularHeads name molecules, whose full names keep every modifier.
var molecularHeads = map[string]bool{"receptor": true, "channel": true, "transporter": true, "enzyme": true, "kinase": true}

// drugClassNouns describe a substance by its relation to another
// ("metabolite", "congener"); the name after one is a drug.
var drugClassNouns = map[string]bool{"metabolite": true, "congener": true, "derivative": true, "compound": true,
	"analogue": true, "analog": true, "alkaloid": true, "prodrug": true}

// nounSlots retags as a noun a word the tagger called an adjective where
// English allows no adjective: right before a finite verb or a relative
// pronoun ("noribogaine/JJ is", "noribogaine/JJ, which"), and not after a
// copula or an adverb, where it is predicative ("is potent").
func nounSlots(ts []token, tags []string) []string {
	var out []string
	for k := range ts {
		if tags[k] != "JJ" || ts[k].hyphenated || k+1 < len(ts) && ts[k+1].hyphenated {
			continue
		}
		if k > 0 && (beVerbs[ts[k-1].low] || strings.HasPrefix(tags[k-1], "RB") || ts[k-1].low == "become" || ts[k-1].low == "remain") {
			continue
		}
		next := ""
		if k+1 < len(ts) {
			next = tags[k+1]
		}
		if k+1 < len(ts) && (next == "VBZ" || next == "VBP" || next == "VBD" || next == "MD" || next == "WDT" && strings.Contains(ts[k+1].punctBefore, ",")) && ts[k+1].punctBefore == "" ||
			k+1 < len(ts) && next == "WDT" && strings.Contains(ts[k+1].punctBefore, ",") {
			if out == nil {
				out = slices.Clone(tags)
			}
			out[k] = "NN"
		}
	}
	if out == nil {
		return tags
	}
	return out
}

// clinicalCourse: "acute" and "chronic" name a disease or harm ("acute
// kidney injury", "chronic obstructive pulmonary disease"); before
// anything else they say how it was given ("chronic cocaine").
func clinicalCourse(ts []token, i, j int) bool {
	if j-i < 2 || ts[i].low != "acute" && ts[i].low != "chronic" {
		return false
	}
	c := headCategory(ts[j-1].stem)
	return c == graph.CategoryDisorder || c == graph.CategorySafetyRisk || c == graph.CategorySymptom
}

// pharmRoles name what a drug does to a target ("agonist", "inhibitor"):
// agent nouns of pharmacology, not of people ("smoker", "drinker").
var pharmRoles = map[string]bool{"agonist": true, "antagonist": true, "inhibitor": true, "blocker": true, "modulator": true,
	"activator": true, "enhancer": true, "stimulator": true}

// namedTarget: the words [i, head) before an agent noun name what it acts
// on: a noun or name other than a bare "receptor" ("GLP-1 receptor",
// "5-HT2A", "NMDA"), not only adjectives ("partial", "potent").
func namedTarget(ts []token, tags []string, i, head int) bool {
	for k := i; k < head; k++ {
		if ts[k].stem == "receptor" || leadingNoise[ts[k].low] {
			continue
		}
		if t := tags[k]; strings.HasPrefix(t, "NN") && !(k == 0 && t == "NNP") || t == "" || t == "CD" || t == "FW" || !isASCII(ts[k].low) || nameLike(ts, k) {
			return true
		}
		if classOfSubstance(ts, tags, k, head) {
			return true // "opioid agonists", "cannabinoid antagonists": a class named by the substance it mimics
		}
		if subtypeLetters[ts[k].low] && k+1 < head && ts[k+1].hyphenated && strings.HasSuffix(ts[head].low, "s") {
			// "mu-opioid agonists": a subtype's letter names the
			// receptor of a class; "a partial mu-opioid agonist" stays
			// a role (its drug acts on the receptor).
			return true
		}
	}
	return false
}

// subtypeLetters: Greek letters written out that name a receptor subtype
// when joined by a hyphen to its family ("mu-opioid", "kappa-opioid",
// "alpha-2", "beta-adrenergic").
var subtypeLetters = setOf("mu", "kappa", "delta", "alpha", "beta", "gamma", "sigma")

// hasMolecule: a word of [i, j) names a molecule (receptor, channel,
// transporter, ...).
func hasMolecule(ts []token, i, j int) bool {
	for k := i; k < j; k++ {
		if molecularHeads[ts[k].stem] {
			return true
		}
	}
	return false
}

// molecularManner: how a drug acts on a molecule ("non-competitive
// antagonist"), and siteAdjectives: where the molecule sits ("presynaptic
// receptors", "cardiac channels"). Neither is part of a molecule's name.
var (
	molecularManner = setOf("non-competitive", "noncompetitive", "competitive", "selective", "nonselective",
		"non-selective", "partial", "full", "inverse", "allosteric", "biased")
	siteAdjectives = setOf("presynaptic", "postsynaptic", "cardiac", "striatal", "cortical", "neuronal", "hepatic",
		"peripheral", "central", "synaptic", "glial", "astrocytic", "accumbal", "hippocampal", "hypothalamic", "prefrontal")
	sideWords = setOf("left", "right", "bilateral", "unilateral", "ipsilateral", "contralateral")
	// kindNouns say what kind of substance a drug is.
	kindNouns  = setOf("agent", "alkaloid", "antidote", "prodrug", "analogue", "analog", "derivative", "compound", "acid", "drug", "medication", "metabolite", "congener")
	judgements = setOf("rigid", "comorbid", "evidence-based", "maladaptive", "pathological", "excessive")
)

// classTarget: the target a drug class is named by ("GLP-1 receptor" of
// "GLP-1 receptor agonists", "5-HT2A" of "5-HT2A antagonists"): the
// words before a role noun, ending in a molecule's head or a name
// (capitals or digits), not a kind of substance ("opioid antagonists").
func classTarget(ix *resourceIndex, ts []token, tags []string, np nounPhrase) (nounPhrase, bool) {
	head := np.j - 1
	if np.cat != graph.CategoryDrug || head <= np.i || !pharmRoles[ts[head].stem] || ts[head].hyphenated || len(tags) != len(ts) {
		return nounPhrase{}, false
	}
	if !molecularHeads[ts[head-1].stem] && !nameLike(ts, head-1) {
		return nounPhrase{}, false
	}
	if !namedTarget(ts, tags, np.i, head) {
		return nounPhrase{}, false
	}
	if e, ok := ix.lookup(ts, np.i, head); ok {
		return nounPhrase{np.i, head, graph.CategoryMechanism, e.id, e.name, "target of a class"}, true
	}
	if !molecularHeads[ts[head-1].stem] {
		// "alpha-1 antagonists", "GABA-B agonists": a receptor named by
		// its subtype alone is the receptor ("alpha-1 receptors" a
		// sentence later), one entity under both names.
		var words []string
		for k := np.i; k < head; k++ {
			words = append(words, ts[k].raw)
		}
		name := strings.Join(words, " ") + " receptor"
		rt := tokenize(name)
		if e, ok := ix.lookup(rt, 0, len(rt)); ok && e.id != "" {
			return nounPhrase{np.i, head, graph.CategoryMechanism, e.id, e.name, "target of a class"}, true
		}
		return nounPhrase{np.i, head, graph.CategoryMechanism, ProposedPrefix + slug(rt), name, "target of a class"}, true
	}
	return nounPhrase{i: np.i, j: head, cat: graph.CategoryMechanism, rule: "target of a class"}, true
}

// codeName: a compound's code ("LY341495", "SB-334867"): capitals and
// digits.
func codeName(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// measureHeads name a measure of an event, and measureLinks join it to the
// event: "reinstatement of drug seeking", "time to relapse". A measure of
// a substance or a learned response is named with it too ("plasma
// concentrations of clobazam", "efflux of dopamine", "extinction of
// conditioned fear", "incubation of craving"); "release of X" was tried
// and left out: the dev gold names "release of dopamine" whole in some
// reviews and only the transmitter in others (three right pairs, three
// wrong).
var (
	measureHeads = setOf("reinstatement", "escalation", "time", "percentage", "proportion", "resumption", "return", "feeling", "quality",
		"efflux", "concentration", "extinction", "incubation")
	measureLinks = setOf("of", "to")
)

// nameLike: token k is written as a name: with a digit ("GLP-1",
// "5-HT2A"), as an acronym ("NMDA"), or capitalised inside the sentence
// (a capital opening the sentence says nothing).
func nameLike(ts []token, k int) bool {
	r := ts[k].raw
	return strings.ContainsAny(r, "0123456789") || isAcronym(r) || k > 0 && r != ts[k].low
}

// nameAfterRole: a drug's name starts at k right after a role or class
// noun: a compound's code ("LY341495"), or, after "the/a ... antagonist",
// a noun or hyphenated compound no rule reads otherwise
// ("nor-binaltorphimine"). It returns the name's end.
func nameAfterRole(ts []token, tags []string, free, covered []bool, k int) (int, bool) {
	t := ts[k]
	if covered[k] || !free[k] || k == 0 || t.punctBefore != "" || t.hyphenated || !(pharmRoles[ts[k-1].stem] || drugClassNouns[ts[k-1].stem]) {
		return 0, false
	}
	e := k + 1
	for e < len(ts) && ts[e].hyphenated && free[e] && !covered[e] {
		e++
	}
	if e < len(ts) && strings.HasPrefix(ts[e].punctBefore, "-(") {
		return 0, false // "exendin-(9-39)": a name this reading cannot span
	}
	if e == k+1 && codeName(t.raw) && len(t.raw) >= 5 {
		return e, true
	}
	if c, ok := codeAfterRole(ts, k, e); ok {
		return c, true
	}
	last := ts[e-1]
	tag := tags[k]
	if !(strings.HasPrefix(tag, "NN") || tag == "JJ" || tag == "" || e > k+1) || !pharmRoles[ts[k-1].stem] || !nounAfterArticle(ts, k-1) ||
		len(last.low) < 6 || abstractNoun(last.low) || stopwords[t.low] || verbsNotNouns[t.stem] || headCategory(last.stem) != "" ||
		cueVerb(t.low) || e == k+1 && e < len(ts) && ts[e].punctBefore == "" && strings.HasPrefix(tags[e], "NN") {
		return 0, false
	}
	return e, true
}
