package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// locativeVerbs say where a molecule is: "GLP-1 receptors are expressed
// in the VTA", "receptors located on neurons of the nucleus accumbens".
// General English of anatomy, not any review's words.
var locativeVerbs = setOf("expressed", "located", "localized", "localised", "found", "enriched", "concentrated",
	"distributed", "present", "abundant", "dense")

// locativeLinks open the place after a locative verb.
var locativeLinks = setOf("in", "on", "within", "throughout", "across", "at")

// locatedIn reads "X receptors are expressed in A, B and C": the molecule
// (a Mechanism before the verb, in its clause) is LOCATED_IN each brain
// region of the place phrase after it. The place phrase runs to the end of
// the clause or to a relative pronoun ("..., which together form ...")
// and may name the regions through cells ("on neurons of the VTA").
func locatedIn(ts []token, args []Mention, clause []int, emit func(a, b Mention, p graph.Predicate, sign graph.Sign, cue cueHit, lo, hi int)) {
	for v := 1; v+1 < len(ts); v++ {
		if !locativeVerbs[ts[v].low] || !locativeLinks[ts[v+1].low] || ts[v+1].punctBefore != "" {
			continue
		}
		// The molecule: the last Mechanism argument before the verb in
		// its clause, with only a verb group ("are", "is highly")
		// between.
		var subj *Mention
		for i := len(args) - 1; i >= 0; i-- {
			a := args[i]
			if a.last > v || clause[a.first] != clause[v] {
				continue
			}
			if a.Category == graph.CategoryMechanism && molecularHeads[ts[a.last-1].stem] && v-a.last <= 3 {
				subj = &args[i]
			}
			break
		}
		if subj == nil {
			continue
		}
		for _, b := range args {
			if b.first <= v+1 || clause[b.first] != clause[v] || b.Category != graph.CategoryBrainRegion {
				continue
			}
			if placeEnds(ts, v+1, b.first) {
				break
			}
			emit(*subj, b, graph.LocatedIn, graph.Unsigned, cueHit{v, v + 1, cueChange}, subj.last, b.first)
		}
	}
}

// placeEnds: a relative pronoun, a semicolon or colon, or another verb
// lies in [lo, hi): the place phrase has ended before hi.
func placeEnds(ts []token, lo, hi int) bool {
	for k := lo; k < hi && k < len(ts); k++ {
		if relativeWords[ts[k].low] || strings.ContainsAny(ts[k].punctBefore, ";:") || beVerbs[ts[k].low] || cueVerb(ts[k].low) {
			return true
		}
	}
	return false
}
