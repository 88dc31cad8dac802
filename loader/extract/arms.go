// Study arms: "Patients who received X had less Y than those who
// received placebo" says what X did to Y, though X is no subject.

package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// receiptWords say that people were given a treatment: the drug or
// therapy right after them (after "with" or "the", and one modifier:
// "high-frequency rTMS") defines a study arm.
var receiptWords = setOf("received", "receiving", "given", "taking", "took", "treated", "allocated", "assigned", "randomized", "randomised")

// armOutcomeVerbs report what the people of an arm had or did.
var armOutcomeVerbs = setOf("had", "have", "showed", "show", "reported", "report", "experienced", "achieved", "made", "drank", "used")

// armComparatives give the direction of what an arm had: "less craving",
// "fewer heavy drinking days", "more negative urine tests".
var armComparatives = map[string]cueKind{"less": cueDecrease, "fewer": cueDecrease, "lower": cueDecrease,
	"more": cueIncrease, "higher": cueIncrease, "greater": cueIncrease}

// armClaims reads an arm named as a subject ("patients who received X",
// "participants given X", "smokers treated with X") whose verb of having
// is followed by a comparative and a measure: X AFFECTS the measure in the
// comparative's direction. An arm after "than" or "versus" is the
// comparison ("than those who received placebo") and is no agent; a
// hedge or negation on the line is read as for any claim.
func armClaims(ts []token, ms, args []Mention, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	for k := 0; k+1 < len(ts); k++ {
		if !receiptWords[ts[k].low] || comparedArm(ts, k) {
			continue
		}
		at := k + 1
		for at < len(ts) && (ts[at].low == "with" || ts[at].low == "the" || ts[at].low == "to") {
			at++
		}
		// The arm's drug may sit inside a population's name ("patients who
		// received X"), so it is looked for among all the mentions.
		i := slices.IndexFunc(ms, func(a Mention) bool {
			return a.first >= at && a.first <= at+1 && (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy)
		})
		if i < 0 {
			continue
		}
		drug := ms[i]
		v := drug.last
		for v < len(ts) && v < drug.last+7 && !armOutcomeVerbs[ts[v].low] && ts[v].punctBefore == "" {
			v++
		}
		if v >= len(ts) || !armOutcomeVerbs[ts[v].low] || ts[v].punctBefore != "" {
			continue
		}
		c := v + 1
		for c < len(ts) && c < v+3 && (ts[c].low == "a" || ts[c].low == "significantly" || ts[c].low == "much" || ts[c].low == "substantially") {
			c++
		}
		kind, ok := armComparatives[ts[min(c, len(ts)-1)].low]
		if !ok || c >= len(ts) {
			continue
		}
		j := slices.IndexFunc(args, func(a Mention) bool { return a.first > c && a.first <= c+3 && armMeasure(a) })
		if j < 0 || ts[args[j].first].punctBefore != "" {
			continue
		}
		emit(drug, args[j], graph.Affects, signOf(kind), cueHit{c, c + 1, kind}, drug.last, args[j].first)
	}
}

// comparedArm: the receipt word at k follows "than", "versus" or
// "compared with" within four words: it names the comparison arm.
func comparedArm(ts []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		switch ts[j].low {
		case "than", "versus", "vs", "compared":
			return true
		}
	}
	return false
}
