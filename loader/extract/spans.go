// Entity spans from vocabulary and word shape: measured quantities named by
// the phenotype vocabulary (HPO names an abnormality as a change of a
// quantity, "Increased heart rate", so what follows the change word is a
// quantity a review measures, "heart rate"), words a noun run keeps though
// the word lists would not, terms read whole over a preposition, degree
// prefixes, and names written in capitals.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// changeWords open an HPO name that states a quantity's change.
var changeWords = map[string]bool{"increased": true, "decreased": true, "elevated": true, "reduced": true,
	"abnormal": true, "high": true, "low": true, "fast": true, "slow": true, "impaired": true, "prolonged": true,
	"raised": true}

// addQuantities adds, for each phenotype surface "<change> X Y…", the
// quantity "X Y…" as an Outcome form, unless a resource already names it.
// Only quantities of two words or more: a one-word remainder is as often a
// body part ("face", "hands") or an ordinary word ("play") as a measure.
func (ix *resourceIndex) addQuantities() {
	add := map[string]int{}
	for key, e := range ix.forms {
		if e.cat != graph.CategorySymptom {
			continue
		}
		first, rest, ok := strings.Cut(key, " ")
		if !ok || !changeWords[first] {
			continue
		}
		if n := strings.Count(rest, " ") + 1; n >= 2 {
			add[rest] = n
		}
	}
	for q, n := range add {
		if _, ok := ix.forms[q]; ok {
			continue
		}
		ix.forms[q] = resEntry{name: q, cat: graph.CategoryOutcome}
		ix.maxWords = max(ix.maxWords, n)
	}
}

// keptInRun: token k stays in a noun run although the word lists would
// keep it out: it ends a vocabulary term ("rate" of "heart rate"), it is
// "outcomes" after a behaviour head ("drinking outcomes": the outcomes of
// a behaviour are its measure; "scores" after an instrument's acronym,
// "AUDIT scores"; after a named state, "mystical experience scores", the
// state is what a finding is about), it completes a hyphenated compound head
// ("self-efficacy", where "efficacy" alone is no name), or it is joined to
// "-release"/"-acting" ("slow-release": a formulation, whatever "slow" is
// elsewhere).
func keptInRun(ix *resourceIndex, ts []token, k int) bool {
	if k+1 < len(ts) && ts[k+1].hyphenated && (ts[k+1].low == "release" || ts[k+1].low == "acting") {
		return true
	}
	if k == 0 {
		return false
	}
	if ts[k].stem == "outcome" && ts[k].punctBefore == "" && headCategory(ts[k-1].stem) == graph.CategoryOutcome {
		return true
	}
	if ts[k].stem == "score" && ts[k].punctBefore == "" && isAcronym(ts[k-1].raw) {
		return true // "AUDIT scores", "CAPS scores": an instrument's scores are the measure a trial reports
	}
	if ts[k].hyphenated && headCategory(ts[k-1].stem+"-"+ts[k].stem) != "" {
		return true
	}
	return inResourceTerm(ix, ts, k)
}

// inResourceTerm: token k ends a resource term of two or more words that
// starts within the three words before it, unbroken by punctuation ("rate"
// of "heart rate", "interval" of "QT interval"): a word the tagger or the
// word lists would not take as a noun is still part of the vocabulary's
// term.
func inResourceTerm(ix *resourceIndex, ts []token, k int) bool {
	for a := k - 1; a >= 0 && a >= k-3; a-- {
		if ts[a+1].punctBefore != "" && !ts[a+1].hyphenated {
			return false
		}
		if e, ok := ix.lookup(ts, a, k+1); ok && e.cat != graph.CategoryDrug {
			return true
		}
	}
	return false
}

// degreePrefixes say that a state is above or below its norm
// ("hyperexcitability", "hypoactivity", "hypersensitivity").
var degreePrefixes = []string{"hyper", "hypo"}

// degreeHead: a noun made of a degree prefix and a head noun is of the
// head's category ("hyperexcitability" is excitability, a Mechanism;
// "hyperactivity" is activity). A word the head lists name themselves
// ("hypoglycaemia") never reaches here.
func degreeHead(w string) graph.Category {
	for _, p := range degreePrefixes {
		if base, ok := strings.CutPrefix(w, p); ok && len(base) >= 5 {
			return headNounCategory[strings.TrimPrefix(base, "-")]
		}
	}
	return ""
}

// properName: every word of [i, j) (two or more) is capitalised and none
// is an acronym ("United States", "New South Wales"): a place or a body
// named in capitals, whose last word ("States") is not the common noun the
// head lists mean.
func properName(ts []token, i, j int) bool {
	if j-i < 2 {
		return false
	}
	for k := i; k < j; k++ {
		r := ts[k].raw
		if r == "" || r[0] < 'A' || r[0] > 'Z' || isAcronym(r) || ts[k].hyphenated {
			return false
		}
	}
	return true
}

// bridgedTerm: a phenotype or quantity term of two or more words starts at
// token k and runs over a word no noun phrase takes ("torsades de
// pointes", where "de" is a preposition to the tagger): the term is read
// whole. Drug names are left to the lexicon forms and the chunker.
func bridgedTerm(ix *resourceIndex, ts []token, tags []string, free []bool, k int) (nounPhrase, bool) {
	for n := min(ix.maxWords, len(ts)-k); n >= 3; n-- {
		bridged := false
		for x := k + 1; x < k+n; x++ {
			if !free[x] || ts[x].punctBefore != "" && !ts[x].hyphenated {
				bridged = false
				break
			}
			if !inPhrase(ix, ts, tags, x) {
				bridged = true
			}
		}
		if !bridged {
			continue
		}
		if e, ok := ix.lookup(ts, k, k+n); ok && e.cat != graph.CategoryDrug {
			return nounPhrase{i: k, j: k + n, cat: e.cat, id: e.id, name: e.name, rule: "resource"}, true
		}
	}
	return nounPhrase{}, false
}

// listedHarmChange: a phenotype term that opens with a change word starts at
// token k, right after a comma ("sedation, increased appetite and weight
// gain", "nausea, decreased appetite"): an item of a list of harms is a
// name, and the change is part of it. Elsewhere the change word is as
// often the verb of a claim ("X increased appetite"), whose sign it is.
func listedHarmChange(ix *resourceIndex, ts []token, free []bool, k int) (nounPhrase, bool) {
	if !changeWords[ts[k].low] || !strings.Contains(ts[k].punctBefore, ",") || !free[k] {
		return nounPhrase{}, false
	}
	for n := min(ix.maxWords, len(ts)-k); n >= 2; n-- {
		ok := true
		for x := k + 1; x < k+n; x++ {
			ok = ok && free[x] && ts[x].punctBefore == ""
		}
		if !ok {
			continue
		}
		if e, found := ix.lookup(ts, k, k+n); found && e.cat == graph.CategorySymptom {
			return nounPhrase{i: k, j: k + n, cat: e.cat, id: e.id, name: e.name, rule: "listed change"}, true
		}
	}
	return nounPhrase{}, false
}

// measureLink: a measure phrase ending at e that ends on a measure head
// takes one more "of" link ("time to resumption of X"); it returns the
// phrase's new end.
func measureLink(ix *resourceIndex, ts []token, tags []string, free []bool, e int) int {
	if e+1 < len(ts) && measureHeads[ts[e-1].stem] && ts[e].low == "of" && ts[e].punctBefore == "" && free[e+1] && inPhrase(ix, ts, tags, e+1) {
		return phraseEnd(ix, ts, tags, free, e+2)
	}
	return e
}

// measureObject: token j is the "to" after "time" and the word after it
// opens the event; it returns that word's index. After "to" the tagger
// reads a head noun as a verb ("time to/TO relapse/VB", "time to lapse"),
// and an ordinal may come first ("time to first relapse"): a head noun
// there is the event the time is measured to, not a verb of the clause.
// (Read so after the other measure heads too, "a return to use" is named,
// but the claim rules then give it a wrong subject: left to them.)
func measureObject(ix *resourceIndex, ts []token, tags []string, free []bool, j int) (int, bool) {
	if j+1 >= len(ts) || !measureLinks[ts[j].low] || ts[j].punctBefore != "" {
		return 0, false
	}
	o := j + 1
	if ts[j].low == "to" && ordinals[ts[o].low] && o+1 < len(ts) && ts[o+1].punctBefore == "" && headCategory(ts[o+1].stem) != "" {
		o++
	}
	if !free[o] || ts[o].punctBefore != "" || !free[j+1] {
		return 0, false
	}
	if inPhrase(ix, ts, tags, o) || ts[j].low == "to" && headCategory(ts[o].stem) != "" && !cueVerb(ts[o].low) {
		return o, true
	}
	return 0, false
}

// ordinals count events: "time to first relapse".
var ordinals = setOf("first", "second", "third")

// timeToEvent: "time to relapse", "time to first lapse" at token k. A
// measure head the chunker keeps out of names when it stands alone
// ("time" is as often the clause's "at the same time") names a measure
// when "to" and an event follow it: the time until the event is the
// trial's outcome.
func timeToEvent(ix *resourceIndex, ts []token, tags []string, free []bool, k int) (nounPhrase, bool) {
	if !free[k] || !measureHeads[ts[k].stem] || inPhrase(ix, ts, tags, k) || k+1 >= len(ts) || ts[k+1].low != "to" {
		return nounPhrase{}, false
	}
	o, ok := measureObject(ix, ts, tags, free, k+1)
	if !ok {
		return nounPhrase{}, false
	}
	e := measureLink(ix, ts, tags, free, phraseEnd(ix, ts, tags, free, o+1))
	return nounPhrase{i: k, j: e, cat: graph.CategoryOutcome, rule: "measure of an event"}, true
}

// compartments name where in the body a substance is measured: "plasma
// cortisol", "salivary cortisol", "extrasynaptic glutamate", "urinary
// THC-COOH". Reviews name the measured level with its compartment (the
// dev reviews' gold keeps it in about three of four); "serum" and
// "intracellular" were as often left out, and a region's adjective
// ("striatal", "cortical") says where a molecule sits, not what is
// measured.
var compartments = setOf("plasma", "salivary", "urinary", "synaptic", "extrasynaptic", "extracellular")

// measuredSubstance: the phrase [i, j) ends on a drug term that follows
// a compartment word: the compartment and the substance name its level
// there, a Mechanism of its own, not the drug given; the words before
// them are read as a phrase of their own.
func measuredSubstance(ix *resourceIndex, ts []token, tags []string, i, j int) ([]nounPhrase, bool) {
	for k := i + 1; k < j; k++ {
		e, ok := ix.lookup(ts, k, j)
		if !ok {
			continue
		}
		if e.cat != graph.CategoryDrug || !compartments[ts[k-1].low] || ts[k].hyphenated || ts[k-1].hyphenated {
			return nil, false
		}
		var out []nounPhrase
		if k-1 > i {
			out = phrases(ix, ts, tags, i, k-1)
		}
		return append(out, nounPhrase{i: k - 1, j: j, cat: graph.CategoryMechanism, rule: "substance where measured"}), true
	}
	return nil, false
}

// taggedDrug: token k is a drug the vocabulary names, one word ("heroin",
// "cocaine"), whatever the tagger made of it: "not heroin/VB
// self-administration" opens with the substance, not with a verb the
// phrase should drop.
func taggedDrug(ix *resourceIndex, ts []token, k int) bool {
	e, ok := ix.lookup(ts, k, k+1)
	return ok && e.cat == graph.CategoryDrug
}
