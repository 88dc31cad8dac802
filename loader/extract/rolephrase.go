package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// predicateHolder: the drug d is the predicate noun of a copula, or its
// "of" phrase, and a relative clause after it holds the role noun at e
// ("DMT is a tryptamine that acts as an agonist at T", "S is an
// endogenous metabolite of GABA that acts as an agonist at T"): the
// relative clause says what the copula's subject does, so the drugs and
// therapies subject of the copula act on T, not d.
func predicateHolder(ts []token, tags []string, args []Mention, aside []int, example []bool, clause []int, d Mention, e int) []Mention {
	rel := false
	for k := d.last; k < e; k++ {
		if w := ts[k].low; (w == "that" || w == "which") && tags[k] != "DT" || w == "who" {
			rel = true
		}
	}
	if !rel {
		return nil
	}
	lo := d.first
	for lo > 0 && clause[lo-1] == clause[d.first] {
		lo--
	}
	for k := d.first - 1; k > lo && k >= d.first-8; k-- {
		if beVerbs[ts[k].low] {
			var out []Mention
			for _, s := range headSubject(ts, tags, args, aside, example, lo, k) {
				if s.Category == graph.CategoryDrug || s.Category == graph.CategoryTherapy {
					out = append(out, s)
				}
			}
			return out
		}
		if strings.ContainsAny(ts[k+1].punctBefore, ",;:()") {
			return nil
		}
		if t := tags[k]; t != "DT" && t != "JJ" && t != "RB" && t != "VBN" && !strings.HasPrefix(t, "NN") && ts[k].low != "of" {
			return nil
		}
	}
	return nil
}
