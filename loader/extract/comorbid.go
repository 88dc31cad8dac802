// Comorbidity stated of a population: "People with OUD also have high
// rates of depression, chronic pain and hepatitis C infection".

package extract

import "github.com/kapgraph/kapgraph/graph"

// havingVerbs state what a population has: conditions, not actions.
var havingVerbs = setOf("have", "has", "had", "develop", "develops", "developed", "show", "shows", "showed", "experience", "experienced")

// frequencyAdverbs may stand between a population and its verb.
var frequencyAdverbs = setOf("also", "often", "frequently", "commonly", "usually", "typically", "still", "more", "similarly")

// comorbidity reads a population defined by a disorder ("patients with
// AUD", "people with OUD") that is the subject of a verb of having, with
// the conditions it has as the verb's objects: the disorder goes with
// each condition (CORRELATED_WITH, increases: "often have liver
// disease", "high rates of depression"). A population with its own
// clause ("patients with X who received Y had ...") is left to the
// clause rules: its verb says what happened in a trial, not what the
// disorder goes with.
func comorbidity(ts []token, ms, args []Mention, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	for _, p := range args {
		if p.Category != graph.CategoryPopulation {
			continue
		}
		var disorder *Mention
		for i := range ms {
			if d := &ms[i]; d.Category == graph.CategoryDisorder && d.first > p.first && d.last == p.last {
				disorder = d
			}
		}
		if disorder == nil {
			continue
		}
		v := p.last
		for v < len(ts) && frequencyAdverbs[ts[v].low] && ts[v].punctBefore == "" {
			v++
		}
		if v >= len(ts) || !havingVerbs[ts[v].stem] || ts[v].punctBefore != "" {
			continue
		}
		last := v + 1
		for _, o := range args {
			if o.first <= v || o.first > last+4 || crossesClause(ts, last, o.first) {
				continue
			}
			if o.first > v+1 && o.first > last && (ts[o.first].punctBefore != "" && !joinedList(ts, last, o.first)) {
				break
			}
			switch o.Category {
			case graph.CategoryDisorder, graph.CategorySymptom, graph.CategorySafetyRisk:
				emit(*disorder, o, graph.CorrelatedWith, graph.Increases, cueHit{i: v, j: v + 1, kind: cueCorrelation}, v, o.first)
				last = o.last
			default:
				return
			}
		}
	}
}

// joinedList: only a comma, "and" or "or" stand in [lo, hi).
func joinedList(ts []token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if ts[k].low != "and" && ts[k].low != "or" {
			return false
		}
	}
	return true
}
