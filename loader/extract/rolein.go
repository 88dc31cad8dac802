package extract

import (
	"github.com/kapgraph/kapgraph/graph"
)

// roleIn reads "a role for/of A in B" and "S plays (a key) role in B":
// A (or S) takes part in B, an association with no direction
// (CORRELATED_WITH, unsigned): "supporting a role for kappa signalling in
// alcohol intake", "dynorphin plays a key role in relapse". A
// drug's or therapy's role in a disorder is its use to treat it, which
// studiedIn reads ("the role of lofexidine in opioid use disorder"), and
// its role in a symptom is not read as an association either.
func roleIn(ts []token, args []Mention, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo; k+2 < sg.hi; k++ {
		if ts[k].low != "role" && ts[k].low != "roles" {
			continue
		}
		var agents []Mention
		in := k + 1
		switch {
		case ts[k+1].low == "of" || ts[k+1].low == "for":
			j := k + 2
			for j < sg.hi && determinersPossessive[ts[j].low] {
				j++
			}
			agents = listAt(ts, args, j, func(m Mention) bool { return m.Category != graph.CategoryPopulation })
			if len(agents) == 0 {
				continue
			}
			in = agents[len(agents)-1].last
		case k > sg.lo && playsRole(ts, k):
			agents = subject(k)
		}
		if len(agents) == 0 || in+1 >= sg.hi || ts[in].low != "in" || ts[in].punctBefore != "" {
			continue
		}
		j := in + 1
		for j < sg.hi && determinersPossessive[ts[j].low] {
			j++
		}
		for _, b := range listAt(ts, args, j, func(m Mention) bool { return m.Category != graph.CategoryPopulation }) {
			for _, a := range agents {
				if a.ID == b.ID || (a.Category == graph.CategoryDrug || a.Category == graph.CategoryTherapy) && (b.Category == graph.CategoryDisorder || b.Category == graph.CategorySymptom) {
					continue
				}
				if clauseEnds(a, b) {
					emit(a, b, graph.CorrelatedWith, graph.Unsigned, cueHit{k, k + 1, cueCorrelation}, a.last, b.first)
				}
			}
		}
	}
}

// playsRole: "role" at k is the object of "play"/"have" within three
// words ("plays a key role", "has an important role").
func playsRole(ts []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if ts[j+1].punctBefore != "" {
			return false
		}
		if w := ts[j].low; w == "play" || w == "plays" || w == "played" || w == "playing" || w == "has" || w == "have" || w == "had" {
			return true
		}
	}
	return false
}
