// Claim-end spans, round 2: outcome names the chunker cut short or left
// out, read as general English of trial reports.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// substanceFree: "opioid-free weeks", "cocaine-free urine samples",
// "remained benzodiazepine-free" at token k. A substance hyphen-joined to
// "free" says its absence, and with the nouns after it names the measure
// of abstinence a trial reports; the substance alone is not the outcome
// (nor a drug anyone took). The nouns after "free" are taken even where
// they are words the chunker keeps out of names ("weeks", "rates").
func substanceFree(ix *resourceIndex, ts []token, tags []string, free []bool, k int) (nounPhrase, bool) {
	h := k + 1
	for h < len(ts) && h-k <= 3 && ts[h].low != "free" {
		h++
	}
	if h >= len(ts) || ts[h].low != "free" || !ts[h].hyphenated {
		return nounPhrase{}, false
	}
	for x := k; x <= h; x++ {
		if !free[x] || x > k && x < h && !ts[x].hyphenated && ts[x].punctBefore != "" {
			return nounPhrase{}, false
		}
	}
	if e, ok := ix.lookup(ts, k, h); (!ok || e.cat != graph.CategoryDrug) && !(h == k+1 && headCategory(ts[k].stem) == graph.CategoryDrug) {
		return nounPhrase{}, false // a substance: a drug the vocabulary lists, or one a head noun names ("alcohol")
	}
	e := h + 1
	for e < len(ts) && e-h <= 2 && free[e] && ts[e].punctBefore == "" && !ts[e].hyphenated &&
		(strings.HasPrefix(tagAt(tags, e), "NN") || tagAt(tags, e) == "JJ" && e+1 < len(ts) && strings.HasPrefix(tagAt(tags, e+1), "NN")) &&
		!stopwords[ts[e].low] && !cueVerb(ts[e].low) {
		e++
	}
	return nounPhrase{i: k, j: e, cat: graph.CategoryOutcome, rule: "free of a substance"}, true
}

// complementLinks are outcome heads named with the preposition that opens
// what they are of: "retention in treatment". Trials report it as one
// outcome; the head alone drops what the patients stayed in. "abstinence
// from X" and "dropout from X" were tried too: the dev gold names
// "abstinence from alcohol" whole in one review and as "abstinence" in
// another, and "dropout from treatment" came with a pair the clause
// reading gives the wrong subject ("these deficits predict dropout from
// treatment"); both left out.
var complementLinks = map[string]string{"retention": "in"}

// outcomeComplement: the run [k, j) ends on a complementLinks head that
// its preposition follows, then a substance, a taking of one ("smoking")
// or a treatment ("treatment", "care"): the end of the phrase that names
// the outcome with its complement, or false. A time ("retention in week
// 12") or a study ("retention in modafinil trials") is none.
func outcomeComplement(ix *resourceIndex, ts []token, tags []string, free []bool, k, j int) (int, bool) {
	link, ok := complementLinks[ts[j-1].stem]
	if !ok || j+1 >= len(ts) || ts[j].low != link || ts[j].punctBefore != "" || !free[j] || !free[j+1] || ts[j+1].punctBefore != "" {
		return 0, false
	}
	o := j + 1
	e := o + 1
	for e < len(ts) && ts[e].hyphenated && free[e] {
		e++
	}
	c := headCategory(ts[e-1].stem)
	if d, ok := ix.lookup(ts, o, e); ok && d.cat == graph.CategoryDrug {
		c = graph.CategoryDrug
	}
	if c != graph.CategoryDrug && c != graph.CategoryOutcome && c != graph.CategoryTherapy {
		return 0, false
	}
	if e < len(ts) && free[e] && ts[e].punctBefore == "" && strings.HasPrefix(tagAt(tags, e), "NN") && !verbsNotNouns[ts[e].stem] {
		e = phraseEnd(ix, ts, tags, free, e) // "abstinence from cocaine use"
	}
	if e < len(ts) && ts[e].punctBefore == "" && verbsNotNouns[ts[e].stem] {
		return 0, false // "retention in treatment trials": a study, not the outcome
	}
	return e, true
}
