package extract

import (
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// respondedTo reads "Y responded (well) to D", "Y responds to D": a
// disorder or symptom that responded to a drug or therapy is one the
// drug treats (STUDIED_TO_TREAT, unsigned, as "D is effective for Y").
// The word must be a verb ("responded", "did not respond"), not the noun
// of "response to D" or "responders to D", which name a measure.
func respondedTo(ts []token, tags []string, args []Mention, verbs []cueHit, sg segment, subject func(int) []Mention, emit emitFunc) {
	for k := sg.lo + 1; k+2 < sg.hi; k++ {
		if !strings.HasPrefix(ts[k].low, "respond") || !strings.HasPrefix(tags[k], "VB") || tags[k] == "VBG" {
			continue
		}
		to := k + 1
		for to < sg.hi && to <= k+2 && adverb(ts[to].low, tags[to]) {
			to++ // "responded well to", "responded poorly to"
		}
		if to+1 >= sg.hi || ts[to].low != "to" || ts[to].punctBefore != "" {
			continue
		}
		ds := objects(ts, tags, args, verbs, to+1, sg.hi)
		if len(ds) == 0 || ds[0].first > to+2 {
			continue
		}
		for _, d := range ds {
			if d.Category != graph.CategoryDrug && d.Category != graph.CategoryTherapy {
				continue
			}
			for _, s := range subject(k) {
				if s.Category == graph.CategoryDisorder || s.Category == graph.CategorySymptom {
					emit(d, s, graph.StudiedToTreat, graph.Unsigned, cueHit{k, k + 1, cueTreatment}, s.last, to+1)
				}
			}
		}
	}
}
