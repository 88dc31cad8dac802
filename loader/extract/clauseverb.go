// A verb group's claims and their sign, for the clause analyser
// (clause.go).

package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// emitVerb emits one verb group's claims: active (subject acts on
// objects), passive with an agent ("X is reduced by Y": Y acts on X), and
// correlation ("X was associated with Y", never turned round).
// It returns the arguments that act, and false when it read no agent.
func emitVerb(ts []token, tags []string, args []Mention, verbs []cueHit, v cueHit, sg segment, subj []Mention, emit emitFunc) ([]Mention, bool) {
	w := ts[v.j-1].low
	passive := v.kind != cueCorrelation && beBefore(ts, tags, v, sg.lo) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")) // "is reduced", "is driven"
	if passive {
		by := v.j
		for by < sg.hi && by <= v.j+1 && ts[by].low != "by" {
			by++
		}
		if by >= sg.hi || ts[by].low != "by" {
			return nil, false // no agent: "X was reduced in rats"
		}
		agents := objects(ts, tags, args, verbs, by+1, sg.hi)
		for _, agent := range agents {
			for _, o := range subj {
				if clauseEnds(agent, o) {
					p, sign := verbSign(ts, v, by, agent)
					emit(agent, o, p, sign, v, o.last, agent.first)
				}
			}
		}
		return agents, len(agents) > 0
	}
	for _, o := range objects(ts, tags, args, verbs, v.j, sg.hi) {
		for _, s := range subj {
			if clauseEnds(s, o) || amountObject(ts, tags, v, s, o) {
				p, sign := verbSign(ts, v, v.j, o)
				lo := min(s.last, v.i)
				if s.last > v.i {
					lo = max(v.i-3, 0)
				}
				if s.last <= sg.lo {
					// A subject carried in from an earlier clause ("S
					// failed to reduce X at doses that lowered Y"): that
					// clause's negation is not this one's.
					lo = sg.lo
				}
				emit(s, o, p, sign, v, lo, o.first)
			}
		}
	}
	return subj, true
}

// verbSign: a correlation verb is signed by a direction word before its
// object ("associated with fewer relapses"), increases by default; a
// change verb is unsigned; a direction verb gives its own sign, unless a
// direction word right before the object turns it ("leads to lower X").
func verbSign(ts []token, v cueHit, from int, o Mention) (graph.Predicate, graph.Sign) {
	dir := graph.Sign("")
	for k := from; k < o.first; k++ {
		if hasPrefixIn(ts[k].low, []string{"lower", "fewer", "less", "reduc", "decreas"}) {
			dir = graph.Decreases
		} else if hasPrefixIn(ts[k].low, []string{"higher", "greater", "more", "increas", "elevat"}) {
			dir = graph.Increases
		}
	}
	switch v.kind {
	case cueCorrelation:
		if dir == "" {
			dir = graph.Increases
		}
		return graph.CorrelatedWith, dir
	case cueChange:
		return graph.Affects, graph.Unsigned
	}
	if dir != "" && v.j-v.i > 1 {
		return graph.Affects, dir // "leads to lower X"
	}
	return graph.Affects, signOf(v.kind)
}
