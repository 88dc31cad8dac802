// A drug that "has" or "carries" a harm: "modafinil is rarely
// self-administered and has low abuse liability", "LSD has low dependence
// liability", "these drugs carry a known liability for misuse". The verb
// of having, with at most a few words of degree before the harm, states
// the harm as the drug's own, whatever its size: "low" is a finding, not
// a denial, and "no" makes the claim NEGATED, not absent.

package extract

import (
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// haveVerbs state that a subject has a property.
var haveVerbs = setOf("has", "have", "had", "carries", "carry", "carried", "possesses", "possess")

// degreeBefore are the words that may stand between a verb of having and
// the harm it has: determiners and words of size.
var degreeBefore = setOf("a", "an", "the", "some", "no", "little", "low", "lower", "high", "higher", "considerable",
	"substantial", "modest", "minimal", "limited", "significant", "greater", "less", "known", "recognised",
	"recognized", "negligible", "appreciable", "certain", "its", "their", "own")

// possessedHarms emits HAS_ADVERSE_EVENT from the nearest drug or therapy
// before a verb of having, in its clause, not a comparator and not after
// a population of the clause (whose members are what has it), to the
// symptom or safety risk the verb has.
func possessedHarms(ts []token, args []Mention, clause []int, emit emitFunc) {
	for _, b := range args {
		if b.Category != graph.CategorySafetyRisk && b.Category != graph.CategorySymptom {
			continue
		}
		k := b.first - 1
		for k >= 0 && b.first-k <= 3 && degreeBefore[ts[k].stem] && ts[k+1].punctBefore == "" {
			k--
		}
		if k < 0 || !haveVerbs[ts[k].stem] || ts[k+1].punctBefore != "" {
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
			if !comparator(ts, d) && !slices.ContainsFunc(args[:i], func(p Mention) bool {
				return p.Category == graph.CategoryPopulation && clause[p.first] == clause[k]
			}) {
				// not "patients who received X had less Y": the patients have it
				emit(d, b, graph.HasAdverseEvent, graph.Unsigned, cueHit{k, k + 1, cueAdverse}, d.last, b.first)
			}
			break
		}
	}
}

// harmsAssociated: a harm followed at once by "associated with" or
// "linked to" and a drug or therapy ("the respiratory depression or
// physical dependence associated with benzodiazepines", "fatalities
// temporally associated with ibogaine") is that drug's adverse event, as
// are the harms listed with it. After a verb ("X is associated with Y")
// the pair reading has the subject; here the harm is a noun the
// participle describes, and a drug is never a signed claim's object.
func harmsAssociated(ts []token, args []Mention, emit emitFunc) {
	for i, n := range args {
		if n.Category != graph.CategorySafetyRisk && n.Category != graph.CategorySymptom && n.Category != graph.CategoryDisorder {
			continue
		}
		k := n.last
		if k < len(ts) && strings.HasSuffix(ts[k].low, "ly") && ts[k].punctBefore == "" {
			k++ // "temporally associated with"
		}
		if k+2 >= len(ts) || ts[k].punctBefore != "" || ts[k+1].punctBefore != "" ||
			!(ts[k].low == "associated" && ts[k+1].low == "with" || ts[k].low == "linked" && ts[k+1].low == "to") {
			continue
		}
		j := k + 2
		for j < len(ts) && determinersPossessive[ts[j].low] {
			j++
		}
		d := slices.IndexFunc(args, func(m Mention) bool { return m.first == j })
		if d < 0 || args[d].Category != graph.CategoryDrug && args[d].Category != graph.CategoryTherapy || comparator(ts, args[d]) {
			continue
		}
		harms := []Mention{n}
		for h := i; h > 0 && args[h-1].last <= args[h].first && onlyJoiners(ts, args[h-1].last, args[h].first); h-- {
			if c := args[h-1].Category; c == graph.CategorySafetyRisk || c == graph.CategorySymptom || c == graph.CategoryDisorder {
				harms = append(harms, args[h-1])
			}
		}
		for _, h := range harms {
			emit(args[d], h, graph.HasAdverseEvent, graph.Unsigned, cueHit{k, k + 2, cueAdverse}, h.first, args[d].first)
		}
	}
}
