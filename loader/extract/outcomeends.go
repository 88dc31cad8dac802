// Outcome ends: the general English forms that name what a claim's
// outcome is when the head noun alone would be too short or too long.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// relapseHeads are events of going back to a substance: "relapse to
// heroin", "relapse to drinking", like "return to cocaine use", name the
// substance or use they return to, with it.
var relapseHeads = setOf("relapse", "lapse")

// effectKinds name what a drug's effect is like to the one who takes it:
// "subjective effects", "reinforcing effects", "aversive effects" are
// outcomes of their own (other "effects" name nothing). "rewarding
// effects" is named with its drug ("rewarding effects of alcohol"):
// drugEffectKinds. "perceptual" was tried and left out (one right pair
// on dev, one wrong entity).
var effectKinds = setOf("subjective", "reinforcing", "psychotomimetic", "anxiogenic", "aversive", "sedative",
	"antidepressant", "anxiolytic", "prosocial", "dissociative", "antinociceptive", "analgesic",
	"psychedelic", "hallucinogenic", "mystical-type", "antidepressant-like")

// drugEffectKinds name what a drug does to the one who takes it, named
// with the drug: "rewarding effects of alcohol", "euphoric effects of
// opioids", "cardiovascular effects of cannabis" (kinds that also stand
// alone, "subjective effects", are effectKinds, named without it).
var drugEffectKinds = setOf("rewarding", "euphoric", "cardiovascular")

// drugEffect: token k is the "effects" of "rewarding effects of X".
func drugEffect(ts []token, k int) bool {
	return ts[k].stem == "effect" && k > 0 && drugEffectKinds[ts[k-1].low] && k+1 < len(ts) && ts[k+1].low == "of" && ts[k+1].punctBefore == ""
}

// subjectsOfRelapse are the words after which "relapse" is a verb: a
// plural population ("most patients relapse to heroin") or a pronoun
// ("those who relapse to drinking").
var subjectsOfRelapse = setOf("who", "they", "we", "that", "which", "many", "most", "some", "to", "may", "might",
	"can", "could", "will", "would", "did", "not", "often", "eventually", "later")

// measureOfEvent: the run [k, j) (its last word ts[j-1]) is a measure of
// an event the link ts[j] opens ("reinstatement of drug seeking", "time
// to relapse"), or an event of going back to what "to" opens ("relapse
// to cocaine use"), unless "relapse" there is the verb of a clause.
func measureOfEvent(ts []token, tags []string, k, j int) bool {
	if measureHeads[ts[j-1].stem] && measureLinks[ts[j].low] {
		return true
	}
	if j-2 >= k && drugEffect(ts, j-1) {
		return true // "rewarding effects of alcohol", "euphoric effects of opioids"
	}
	if !relapseHeads[ts[j-1].stem] || ts[j].low != "to" {
		return false
	}
	if k == j-1 && k > 0 && (pluralPopulation(ts, tags, k-1) || subjectsOfRelapse[ts[k-1].low]) {
		return false
	}
	return true
}

// targetStart: where the target of a descriptor [i, e) begins ("the
// selective OX1R antagonist X" acts on OX1R): how a drug acts on its
// target ("selective", "partial") is no part of the target's name.
func targetStart(ts []token, i, e int) int {
	for i+1 < e && !ts[i+1].hyphenated && molecularManner[ts[i].low] {
		i++
	}
	return i
}

// notMannerAdverbs end in "-ally" but say how much or how often, not in
// what way: "substantially reduced", "especially severe".
var notMannerAdverbs = setOf("substantially", "especially", "partially", "initially", "potentially", "essentially",
	"usually", "typically", "generally", "naturally", "originally", "totally", "finally", "additionally",
	"dramatically", "theoretically", "statistically", "marginally", "minimally", "optimally", "incrementally",
	"exceptionally", "occasionally", "fundamentally", "critically", "ideally", "conventionally", "traditionally",
	"equally", "actually", "really", "formally", "informally", "globally", "normally", "only", "virtually")

// mannerStart: where a run that opens at k begins once a manner adverb
// before it is read in: "culturally adapted psychotherapy", "medically
// supervised withdrawal", "sexually transmitted infections" name a kind
// by the way it is adapted, supervised or transmitted, and without the
// adverb the participle alone misnames it.
func mannerStart(ts []token, tags []string, free []bool, k, j int) int {
	if k == 0 || k+1 >= j || !free[k-1] || ts[k].punctBefore != "" || ts[k].hyphenated {
		return k
	}
	a := ts[k-1].low
	if !strings.HasSuffix(a, "ally") || notMannerAdverbs[a] || tags[k-1] != "RB" {
		return k
	}
	if tags[k] != "VBN" && tags[k] != "JJ" || leadingNoise[ts[k].low] || judgements[ts[k].low] {
		return k
	}
	return k - 1
}

// takingHeads name the taking of a substance ("drinking", "cocaine use"):
// like a harm, taking less of it is what improving it means ("their
// drinking improved", "improvement in drinking").
var takingHeads = setOf("drinking", "smoking", "use", "misuse", "consumption", "intake")

// improvesByLess: an end whose improvement is less of it, a harm or the
// taking of a substance.
func improvesByLess(ts []token, e Mention) bool {
	return harmCategory(e.Category) || e.Category == graph.CategoryOutcome && e.last > 0 && e.last <= len(ts) && takingHeads[ts[e.last-1].stem]
}

// phenotypeCompound: the phrase [i, j) ends on a harm the vocabularies
// name ("hypertension", "delirium", "hyperalgesia") after modifiers that
// are no drug: the modifiers say which kind of the harm it is ("rebound
// hypertension", "emergence delirium", "pain hypersensitivity",
// "withdrawal-induced hyperalgesia"), and the compound is one harm.
func phenotypeCompound(ix *resourceIndex, ts []token, tags []string, i, j int) (nounPhrase, bool) {
	if j-i < 2 || ts[j-1].hyphenated {
		return nounPhrase{}, false
	}
	e, ok := ix.lookup(ts, j-1, j)
	if !ok || !harmCategory(e.cat) {
		return nounPhrase{}, false
	}
	for a := i; a < j-1; a++ {
		if _, whole := ix.lookup(ts, a, j); whole && a < j-1 {
			return nounPhrase{}, false // a vocabulary term ends the phrase: read as one ("opioid use disorder")
		}
		if d, named := ix.lookup(ts, a, a+1); named && d.cat == graph.CategoryDrug || chemicalName(ix, ts, a, a+1) {
			return nounPhrase{}, false // "cocaine psychosis": a drug and its harm, two ends
		}
		if !(strings.HasPrefix(tags[a], "NN") || tags[a] == "JJ" || tags[a] == "VBN" && ts[a].hyphenated || tags[a] == "") {
			return nounPhrase{}, false
		}
	}
	return nounPhrase{i: i, j: j, cat: e.cat, rule: "kind of a harm"}, true
}

// codeAfterRole: the words [k, e) after a role noun are a laboratory
// code in parts ("the antagonist VK4-116", "the agonist U50,488"): a
// hyphen or a comma with no space joins capitals and digits into one
// name. It returns the name's end.
func codeAfterRole(ts []token, k, e int) (int, bool) {
	if e < len(ts) && ts[e].punctBefore == "," && ts[e].start == ts[e-1].end+1 && isDigits(ts[e].low) {
		e++ // "U50,488": a comma inside a code, no space after it
	}
	if e == k+1 {
		return 0, false
	}
	var b strings.Builder
	for x := k; x < e; x++ {
		b.WriteString(ts[x].raw)
	}
	w := b.String()
	if !codeName(w) || len(w) < 5 || !strings.ContainsAny(ts[k].raw, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return 0, false
	}
	return e, true
}

// classOfSubstance: the modifier k of a plural role noun at head is a
// substance class word ("opioid agonists", "cannabinoid antagonists"):
// the plural names a drug class by the substance it acts like or
// against; the singular ("a partial opioid agonist") stays a role, and
// so does a plural its members' names follow ("the opioid antagonists
// naltrexone and nalmefene").
func classOfSubstance(ts []token, tags []string, k, head int) bool {
	if k+1 != head || headNounCategory[ts[k].stem] != graph.CategoryDrug || ts[head].hyphenated ||
		!strings.HasSuffix(ts[head].low, "s") || ts[head].low == ts[head].stem {
		return false
	}
	n := head + 1
	return n >= len(ts) || ts[n].punctBefore != "" || stopwords[ts[n].low] || cueVerb(ts[n].low) ||
		tags[n] == "IN" || tags[n] == "CC" || tags[n] == "MD" || tags[n] == "DT" || strings.HasPrefix(tags[n], "VB")
}
