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
