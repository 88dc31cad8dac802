package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// cooccurVerbs follow "co-" in a verb that says two conditions are found
// together: "co-occur", "co-exist".
var cooccurVerbs = setOf("occur", "occurs", "occurred", "exist", "exists", "existed")

// cooccur reads "A and B co-occur in ..." and "A and B co-occur with C":
// conditions found together are associated, positively, as "associated
// with" reads without a direction word (the graph signs every
// correlation). With "with", each subject goes with each object; without
// it, the first subject goes with the others. The participle
// ("co-occurring depression") names a population's condition and says
// nothing here.
func cooccur(ts []token, tags []string, args []Mention, aside []int, example []bool, clause []int, emit emitFunc) {
	for k := 1; k+1 < len(ts); k++ {
		v := k + 1
		if ts[k].low != "co" || !ts[v].hyphenated || !cooccurVerbs[ts[v].stem] {
			continue
		}
		lo, hi := k, v
		for lo > 0 && clause[lo-1] == clause[k] {
			lo--
		}
		for hi < len(ts) && clause[hi] == clause[k] {
			hi++
		}
		subj := headSubject(ts, tags, args, aside, example, lo, k)
		cue := cueHit{k, v + 1, cueCorrelation}
		if v+1 < hi && ts[v+1].low == "with" && !strings.ContainsAny(ts[v+1].punctBefore, ",;:(") {
			for _, o := range objects(ts, tags, args, nil, v+2, hi) {
				for _, s := range subj {
					if clauseEnds(s, o) {
						emit(s, o, graph.CorrelatedWith, graph.Increases, cue, s.last, o.first)
					}
				}
			}
			continue
		}
		for _, o := range subj[min(1, len(subj)):] {
			if clauseEnds(subj[0], o) {
				emit(subj[0], o, graph.CorrelatedWith, graph.Increases, cue, subj[0].last, o.first)
			}
		}
	}
}
