// Implied agents: "Drinking days and heavy drinking days decreased after
// the first dosing session" says what the drug the paragraph is about did.

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// impliedAgent reads a sentence that opens with the measures that changed
// and a verb of increase or decrease with no agent ("Blood pressure and
// heart rate rise modestly during dosing", "Heavy drinking days decreased
// after the first session"), in a sentence that names no drug or therapy
// of its own: the change is the previous sentence's drug's (its topic,
// else the one drug or therapy it named). A passive with "by" names its
// agent and is left to the clause rules.
func impliedAgent(ts []token, tags []string, args []Mention, cues []cueHit, topic *Mention, prevMs []Mention, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	if len(args) == 0 || len(tags) != len(ts) {
		return
	}
	for _, a := range args {
		if a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy && !administration(a) || a.Category == graph.CategoryPopulation {
			return
		}
	}
	k := 0
	for k < len(ts) && (ts[k].low == "the" || ts[k].low == "both") {
		k++
	}
	var subj []Mention
	for _, a := range args {
		if a.first != k || !armMeasure(a) {
			break
		}
		subj = append(subj, a)
		k = a.last
		if k < len(ts) && (ts[k].low == "and" || ts[k].low == "or") {
			k++
		}
	}
	if len(subj) == 0 {
		return
	}
	for k < len(ts) && strings.HasPrefix(tags[k], "RB") {
		k++
	}
	var verb *cueHit
	for i := range cues {
		if c := &cues[i]; c.i == k && (c.kind == cueIncrease || c.kind == cueDecrease) && strings.HasPrefix(tags[k], "VB") {
			verb = c
		}
	}
	if verb == nil || verb.j < len(ts) && ts[verb.j].low == "by" {
		return
	}
	// The measures changed; they did not act: no object follows the verb
	// ("GDNF activates Ret signalling" is the clause rules' claim).
	n := verb.j
	for n < len(ts) && strings.HasPrefix(tags[n], "RB") && ts[n].punctBefore == "" {
		n++
	}
	if n < len(ts) && ts[n].punctBefore == "" && !strings.HasPrefix(tags[n], "IN") && !strings.HasPrefix(tags[n], "TO") && tags[n] != "CC" {
		return
	}
	var agent *Mention
	if topic != nil && (topic.Category == graph.CategoryDrug || topic.Category == graph.CategoryTherapy && !administration(*topic)) {
		agent = topic
	} else if named := drugsOf(outermost(prevMs)); len(named) == 1 {
		agent = &named[0]
	}
	if agent == nil {
		return
	}
	d := *agent
	d.first, d.last = 0, 0 // no place in this sentence
	for _, s := range subj {
		emit(d, s, graph.Affects, signOf(verb.kind), *verb, s.last, verb.i)
	}
}

// armMeasure: an argument whose change a sentence can report.
func armMeasure(a Mention) bool {
	switch a.Category {
	case graph.CategoryOutcome, graph.CategorySymptom, graph.CategorySafetyRisk, graph.CategoryMechanism:
		return true
	}
	return false
}

// outermost: the mentions no other mention contains ("alcohol" inside
// "volunteers with alcohol dependence" names no drug given).
func outermost(ms []Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		inside := false
		for _, o := range ms {
			if o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

// inheritPopulation: a claim whose agent came from the previous sentence
// was made in the population that sentence named ("ten volunteers with
// alcohol dependence received psilocybin. Drinking days decreased ..."),
// unless its own sentence names one.
func inheritPopulation(cs []Candidate, prevMs []Mention) {
	for i := range cs {
		if cs[i].Qualifiers.Population != "" {
			continue
		}
		for _, m := range prevMs {
			if m.Category == graph.CategoryPopulation {
				cs[i].Qualifiers.Population = m.ID
				break
			}
		}
	}
}
