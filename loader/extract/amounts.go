// Claims of issue 18's last stop that widen which ends a verb may link.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// amountObject: a drug or transmitter is the direct object of a verb of
// increase or decrease, with at most two adjectives between ("raises
// extracellular dopamine", "increases glutamate", "depletes synaptic
// serotonin"). The verb changes how much of it there is, an effect like
// any other, for a drug or therapy that acts ("blockade of receptors
// increases noradrenaline" leaves the mechanism to the clause rules), though a drug is otherwise no object of a signed claim
// ("combined with X", "compared with Y").
func amountObject(ts []token, tags []string, v cueHit, s, o Mention) bool {
	if s.Category != graph.CategoryDrug && s.Category != graph.CategoryTherapy || o.Category != graph.CategoryDrug || v.kind != cueIncrease && v.kind != cueDecrease {
		return false
	}
	if messengerNamed(s) && o.messenger {
		return false // "serotonin reduces dopamine": physiology, as signedEnds reads it
	}
	if o.first < v.j || o.first > v.j+2 || o.first < len(ts) && ts[o.first].punctBefore != "" {
		return false
	}
	if modifier(ts, tags, s) || modifier(ts, tags, o) {
		return false // "produces antidepressant effects", "DPP-4 inhibitors raise"
	}
	k := s.first - 1
	for k >= 0 && (strings.HasPrefix(tags[k], "JJ") || ts[k+1].punctBefore == "-") {
		k--
	}
	if s.last > 0 && k >= 0 && prepositions[ts[k].low] {
		return false // "blockade of presynaptic receptors increases": the blockade acts
	}
	for k := v.j; k < o.first; k++ {
		if !strings.HasPrefix(tags[k], "JJ") || ts[k].punctBefore != "" {
			return false
		}
	}
	return true
}

// modifier: a noun follows the mention with nothing between, so the
// mention only describes it ("antidepressant effects").
func modifier(ts []token, tags []string, m Mention) bool {
	return m.last > m.first && m.last < len(ts) && strings.HasPrefix(tags[m.last], "NN") && ts[m.last].punctBefore == ""
}
