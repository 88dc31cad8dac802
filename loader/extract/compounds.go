// Drugs named by chemists' conventions rather than listed in the drug
// dictionary: a research compound's code, and a metabolite or derivative
// named by a chemical prefix on a listed drug.

package extract

import (
	"regexp"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// compoundCodeForm is a research compound's code as companies and
// laboratories write it ("GS39783", "WAY-100635", "MK-801", "SB-334867",
// "SR141716A"): one to four capitals, an optional hyphen, three to six
// digits, an optional capital. A trial registration ("NCT01234567") has
// more digits; a gene or cytochrome ("CYP2D6", "GLP-1") has fewer.
var compoundCodeForm = regexp.MustCompile(`^[A-Z]{1,4}-?[0-9]{3,6}[A-Z]?$`)

// metabolitePrefixes are the chemical prefixes that name a metabolite or
// derivative of the drug they precede ("noribogaine" of ibogaine,
// "desmethylsertraline", "tetrahydroharmine" of harmine,
// "hydroxybupropion").
var metabolitePrefixes = []string{"nor", "des", "desmethyl", "demethyl", "didesmethyl", "dihydro", "tetrahydro", "hydroxy", "dehydro"}

// chemicalName: tokens [i, j) name a drug by a chemist's convention: a
// compound's code, or one word made of a metabolite prefix and a drug the
// dictionary lists. The rest of the rules read such a word as an unknown
// noun. A name right after a role or class noun ("the mGluR2/3 antagonist
// LY341495") is nameAfterRole's, which reads the descriptor's target too.
func chemicalName(ix *resourceIndex, ts []token, i, j int) bool {
	if j-i > 2 || j-i == 2 && !ts[i+1].hyphenated || i > 0 && (pharmRoles[ts[i-1].stem] || drugClassNouns[ts[i-1].stem]) {
		return false
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte('-')
		}
		b.WriteString(ts[k].raw)
	}
	if c := ts[i].raw[0]; c >= 'A' && c <= 'Z' && compoundCodeForm.MatchString(b.String()) {
		return true
	}
	if j-i != 1 {
		return false
	}
	return metaboliteOfListed(ix, ts[i].low)
}

// isoforms: a molecule's name goes on to the letter or number of its
// isoform or subtype ("monoamine oxidase A", "vesicular monoamine
// transporter 2", "dopamine receptor 1"): a single capital or a single
// digit right after an enzyme or a molecular head noun, not starting a
// quantity of something ("transporter 2 weeks"). The whole is another
// molecule than the family the vocabularies list, so it keeps no id.
func isoforms(ts []token, tags []string, free []bool, nps []nounPhrase) []nounPhrase {
	for n, np := range nps {
		k := np.j
		if k >= len(ts) || !free[k] || ts[k].punctBefore != "" || ts[k].hyphenated || len(ts[k].raw) != 1 {
			continue
		}
		last := ts[np.j-1]
		if !molecularHeads[last.stem] && !isoformFamilies[last.stem] && !enzymeName(last.low) {
			continue
		}
		c := ts[k].raw[0]
		letter := c >= 'A' && c <= 'Z'
		digit := c >= '1' && c <= '9' && !(k+1 < len(ts) && ts[k+1].punctBefore == "" && strings.HasPrefix(tags[k+1], "NN"))
		if !letter && !digit || k+1 < len(ts) && strings.HasPrefix(ts[k+1].punctBefore, "/") {
			// "receptors 2/3" names two subtypes: no one span here.
			continue
		}
		nps[n] = nounPhrase{i: np.i, j: k + 1, cat: graph.CategoryMechanism, rule: "isoform"}
	}
	return nps
}

// nounOnlyWords are nouns made of a particle and a verb, which English
// never uses as verbs ("alcohol intake by 29%", "dopamine efflux"); the
// tagger sometimes reads them as one.
var nounOnlyWords = setOf("intake", "uptake", "reuptake", "efflux", "influx", "outflow", "onset", "outcome")

// nounVerbs are the few words with a noun-making suffix that are verbs
// too ("drugs that function as", "cues condition").
var nounVerbs = setOf("function", "condition", "position", "question", "mention", "caution", "station", "ration", "partition",
	"sanction", "witness", "transition", "envision", "commission", "petition", "section", "proportion", "motion", "vision",
	"provision", "audition", "requisition", "pension")

// nounOnly: w is never a verb: a particle noun, or a word with a suffix
// that makes nouns ("consumption", "expression", "availability",
// "contingency", "pregnancy"); "-ment"
// makes verbs too ("supplement", "augment").
func nounOnly(w string) bool {
	if nounOnlyWords[joinStems(w)] {
		return true
	}
	if nounVerbs[joinStems(w)] {
		return false
	}
	for _, suf := range []string{"tion", "tions", "sion", "sions", "ity", "ities", "ness", "ency", "encies", "ancy", "ancies"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return true
		}
	}
	return false
}

// abstinenceKinds are the standard measures of abstinence in cessation
// trials (the Russell Standard and the SRNT's measures): "continuous",
// "prolonged" and "point-prevalence abstinence" are outcomes of their
// own, so the word is part of the name, not a manner to drop. Other
// words ("sustained", "complete") only describe abstinence.
var abstinenceKinds = setOf("continuous", "prolonged", "point-prevalence")

// abstinenceMeasure: tokens [i, j) name a measure of abstinence whose
// first word says which.
func abstinenceMeasure(ts []token, i, j int) bool {
	if j-i < 2 || j > len(ts) || ts[j-1].stem != "abstinence" {
		return false
	}
	w := ts[i].low
	if i+2 < j && ts[i+1].hyphenated {
		w += "-" + ts[i+1].low
	}
	return abstinenceKinds[w]
}

// innerNoun: a word the reading drops as an opener ("current", "total")
// is a noun of the name when it stands between an adjective and a head
// noun of the phrase ("transcranial direct current stimulation"): an
// opener comes first.
func innerNoun(ts []token, tags []string, k int) bool {
	if k == 0 || k+1 >= len(ts) || ts[k].punctBefore != "" || ts[k+1].punctBefore != "" {
		return false
	}
	// A participle on either side ("weighted average", "existing
	// treatments") is a description, not a name.
	if strings.HasSuffix(ts[k-1].low, "ed") || strings.HasSuffix(ts[k].low, "ing") {
		return false
	}
	return tags[k-1] == "JJ" && !leadingNoise[ts[k-1].low] && headCategory(ts[k+1].stem) != ""
}

// paceWords say how fast a procedure goes.
var paceWords = setOf("slow", "rapid", "gradual", "fast")

// paceOfTherapy: tokens [i, j) name a procedure by its pace ("slow
// titration", "rapid naltrexone induction"): the pace says which
// procedure, as a release form says which product, though "slow" is a
// cue verb and "rapid" an evaluation elsewhere.
func paceOfTherapy(ts []token, i, j int) bool {
	if j-i < 2 || j-i > 3 || j > len(ts) || !paceWords[ts[i].low] || ts[i].hyphenated || j < len(ts) && ts[j].hyphenated {
		return false
	}
	for k := i + 1; k < j; k++ {
		if ts[k].punctBefore != "" {
			return false
		}
	}
	return headCategory(ts[j-1].stem) == graph.CategoryTherapy
}

// adjectiveDrug: the one-word drug term [a, b) is an adjective the tagger
// reads as one, before a noun of the phrase ending at j ("sympathomimetic
// arousal", "antidepressant effects", "generic drugs"): the drug
// dictionary lists such class words, but in that place they modify, and
// name no drug. Only words of an adjective's ending ("-ic", "-ant"): a
// drug's own name the tagger takes for an adjective ("oxytocin/JJ
// signalling") still names it.
func adjectiveDrug(ts []token, tags []string, e resEntry, a, b, j int) bool {
	if e.cat != graph.CategoryDrug || b-a != 1 || b >= j || tags[a] != "JJ" || ts[a].hyphenated || ts[b].hyphenated {
		return false
	}
	w := ts[a].low
	return strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "ant") // English adjective endings; drug names keep theirs
}

// interiorVerb: token k, written with a final "-s" the tagger read as a
// plural noun, stands between a singular noun and more of a noun phrase
// ("exposure damages dopaminergic terminals", "disulfiram deters
// drinking"): English seldom puts a plural noun before another noun, so
// it is the clause's verb, and ends one phrase before another.
func interiorVerb(ix *resourceIndex, ts []token, tags []string, k int) bool {
	if k == 0 || k+1 >= len(ts) || tags[k] != "NNS" && tags[k] != "VBZ" || ts[k].low == ts[k].stem || !strings.HasSuffix(ts[k].low, "s") {
		return false
	}
	if ts[k].punctBefore != "" || ts[k+1].punctBefore != "" || ts[k].hyphenated || ts[k+1].hyphenated {
		return false
	}
	if tags[k-1] != "NN" && tags[k-1] != "NNP" || tags[k+1] != "JJ" && !strings.HasPrefix(tags[k+1], "NN") && tags[k+1] != "VBG" && !headAsVerb(ts, tags, k+1) {
		return false
	}
	if stopwords[ts[k+1].low] || leadingNoise[ts[k+1].low] {
		return false // "withdrawal signs such as": a determiner-like word after a plural head
	}
	if headCategory(ts[k].stem) != "" || molecularHeads[ts[k].stem] || verbsNotNouns[ts[k].stem] {
		return false
	}
	_, named := ix.lookup(ts, k, k+1)
	return !named
}
