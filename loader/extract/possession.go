// A drug that "has" or "carries" a harm: "modafinil is rarely
// self-administered and has low abuse liability", "LSD has low dependence
// liability", "these drugs carry a known liability for misuse". The verb
// of having, with at most a few words of degree before the harm, states
// the harm as the drug's own, whatever its size: "low" is a finding, not
// a denial, and "no" makes the claim NEGATED, not absent.

package extract

import "github.com/kapgraph/kapgraph/graph"

// haveVerbs state that a subject has a property.
var haveVerbs = setOf("has", "have", "had", "carries", "carry", "carried", "possesses", "possess")

// degreeBefore are the words that may stand between a verb of having and
// the harm it has: determiners and words of size.
var degreeBefore = setOf("a", "an", "the", "some", "no", "little", "low", "lower", "high", "higher", "considerable",
	"substantial", "modest", "minimal", "limited", "significant", "greater", "less", "known", "recognised",
	"recognized", "negligible", "appreciable", "certain", "its", "their", "own")

// possessedHarms emits HAS_ADVERSE_EVENT from the nearest drug or therapy
// before a verb of having, in its clause and not a comparator, to the
// symptom or safety risk the verb has.
func possessedHarms(ts []token, args []Mention, clause []int, emit emitFunc) {
	for _, b := range args {
		if b.Category != graph.CategorySafetyRisk && b.Category != graph.CategorySymptom {
			continue
		}
		k := b.first - 1
		for k >= 0 && b.first-k <= 3 && degreeBefore[ts[k].low] && ts[k+1].punctBefore == "" {
			k--
		}
		if k < 0 || !haveVerbs[ts[k].low] || ts[k+1].punctBefore != "" {
			continue
		}
		for i := len(args) - 1; i >= 0; i-- {
			d := args[i]
			if d.last > k || clause[d.first] != clause[k] {
				continue
			}
			if d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy {
				continue
			}
			if !comparator(ts, d) {
				emit(d, b, graph.HasAdverseEvent, graph.Unsigned, cueHit{k, k + 1, cueAdverse}, d.last, b.first)
			}
			break
		}
	}
}
