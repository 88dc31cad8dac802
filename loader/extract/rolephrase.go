package extract

import (
	"slices"
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

// roleSigns: a target named right after its role noun ("but acts as a
// partial agonist at T", "and an antagonist at T") is reached only
// through that role, so a claim on T from a subject before the noun takes
// the role's sign, not that of an earlier verb whose object list ran on
// ("S blocks X but acts as a partial agonist at T": S raises T).
func roleSigns(ts []token, args []Mention, agents []agentCue, out []Candidate) {
	for _, ag := range agents {
		if ag.cue.j >= len(ts) || !agentLinks[ts[ag.cue.j].low] || ag.object.first <= ag.cue.j ||
			ag.cue.kind != cueIncrease && ag.cue.kind != cueDecrease {
			continue
		}
		for k := range out {
			c := &out[k]
			if c.Object != ag.object.ID || c.Predicate != graph.Affects || c.Sign == graph.Unsigned {
				continue
			}
			if slices.ContainsFunc(args, func(a Mention) bool { return a.ID == c.Subject && a.last <= ag.cue.i }) {
				c.Sign = signOf(ag.cue.kind)
			}
		}
	}
}
