// Drugs named only by being listed with one.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// coordinatedDrugs: a lone noun the rules could not place, listed with a
// drug ("ibogaine and noribogaine", "naltrexone, acamprosate or X"), is a
// drug too. Only single nouns: a longer phrase in a list has a head that
// says what it is.
func coordinatedDrugs(ts []token, tags []string, free []bool, nps []nounPhrase) []nounPhrase {
	drugAt := map[int]bool{}
	covered := make([]bool, len(ts))
	for _, np := range nps {
		for k := np.i; k < np.j; k++ {
			covered[k] = true
		}
		if np.cat == graph.CategoryDrug {
			drugAt[np.i], drugAt[np.j-1] = true, true
		}
	}
	// "tabernanthalog, a non-hallucinogenic analogue", "X is a kappa
	// agonist": a name followed by an appositive or predicate noun whose
	// head is a drug class is a drug.
	classAfter := map[int]bool{}
	for _, np := range nps {
		if np.cat == graph.CategoryDrug && (np.rule == "head noun" || np.rule == kindDescriptor) {
			for k := np.i - 1; k >= 1 && k >= np.i-3; k-- {
				if ts[k].low != "a" && ts[k].low != "an" {
					continue
				}
				if strings.Contains(ts[k].punctBefore, ",") {
					classAfter[k-1] = true
				} else if k >= 2 && (ts[k-1].low == "is" || ts[k-1].low == "was") {
					classAfter[k-2] = true // "noribogaine is a kappa agonist"
				}
			}
		}
	}
	for k, t := range ts {
		// "the mGluR2/3 antagonist LY341495", "the kappa-opioid receptor
		// antagonist nor-binaltorphimine": a name after a role or class
		// noun is a drug.
		if e, ok := nameAfterRole(ts, tags, free, covered, k); ok {
			nps = append(nps, nounPhrase{i: k, j: e, cat: graph.CategoryDrug, rule: "name after its role"})
			// The role's modifiers name its target ("mGluR2/3").
			t := k - 1
			for t > 0 && !covered[t-1] && free[t-1] && (ts[t].punctBefore == "" || ts[t].hyphenated) &&
				(strings.HasPrefix(tags[t-1], "NN") || tags[t-1] == "" || tags[t-1] == "CD" || tags[t-1] == "JJ") && !stopwords[ts[t-1].low] {
				t--
			}
			if t < k-1 && pharmRoles[ts[k-1].stem] && namedTarget(ts, tags, t, k-1) {
				nps = append(nps, nounPhrase{i: targetStart(ts, t, k-1), j: k - 1, cat: graph.CategoryMechanism, rule: "target of a descriptor"})
			}
			continue
		}
		if covered[k] || !free[k] || !strings.HasPrefix(tags[k], "NN") || stopwords[t.low] || leadingNoise[t.low] ||
			verbsNotNouns[t.stem] || t.low == "placebo" || len(t.low) < 4 || isDigits(t.low) || abstractNoun(t.low) ||
			k > 0 && ts[k].hyphenated || k+1 < len(ts) && (ts[k+1].hyphenated || ts[k+1].punctBefore == "" && strings.HasPrefix(tags[k+1], "NN")) ||
			k > 0 && ts[k].punctBefore == "" && strings.HasPrefix(tags[k-1], "NN") {
			continue
		}
		before := k >= 2 && drugAt[k-2] && (ts[k-1].low == "and" || ts[k-1].low == "or") ||
			k >= 1 && drugAt[k-1] && strings.Contains(ts[k].punctBefore, ",")
		after := k+2 < len(ts) && drugAt[k+2] && (ts[k+1].low == "and" || ts[k+1].low == "or") ||
			k+1 < len(ts) && drugAt[k+1] && strings.Contains(ts[k+1].punctBefore, ",")
		if k == 1 && governors[ts[0].low] || !before && frontedPhrase(ts, k) {
			continue // "By contrast, naltrexone ...", "In a trial in Russia, X ...": a fronted phrase, no list
		}
		if headCategory(t.stem) != "" || adverbForm(t.low) {
			continue // "naltrexone and patients", "X and weakly": the word says what it is, and no drug
		}
		if before || after || classAfter[k] {
			nps = append(nps, nounPhrase{i: k, j: k + 1, cat: graph.CategoryDrug, rule: "listed with a drug"})
		}
	}
	return slices.DeleteFunc(nps, func(np nounPhrase) bool { return np.rule == kindDescriptor })
}
