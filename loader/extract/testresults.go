// Test results as outcomes: "methamphetamine-negative urine samples",
// "drug-negative urine screens", "urine samples positive for opioids".
// Trials of stimulant and opioid medications count these; the substance
// named inside is what the test looks for, not the claim's end.

package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

var (
	specimens     = setOf("urine", "blood", "breath", "saliva", "hair", "oral")
	specimenHeads = setOf("sample", "test", "screen", "specimen", "result", "toxicology")
	testReadings  = setOf("negative", "positive")
)

// testResults reads the two English shapes of a test result and names the
// whole span one Outcome, in place of the mentions inside it: "<X>-negative
// <specimen> <samples>" and "<specimen> <samples> positive for <X>".
func (rc *recogniser) testResults(idx int, text string, ts []token, out []Mention) []Mention {
	mentionAt := map[int]Mention{}
	for _, m := range out {
		mentionAt[m.first] = m
	}
	type span struct{ i, j int }
	var spans []span
	for k := 1; k+2 < len(ts); k++ {
		// "methamphetamine-negative urine samples"
		if testReadings[ts[k].low] && ts[k].hyphenated && specimens[ts[k+1].low] && specimenHeads[ts[k+2].stem] &&
			ts[k+1].punctBefore == "" && ts[k+2].punctBefore == "" {
			i := k - 1
			for i > 0 && ts[i].hyphenated {
				i-- // "3,4-methylenedioxy-..." or "GLP-1-negative": one name in several tokens
			}
			spans = append(spans, span{i, k + 3})
			continue
		}
		// "urine samples positive for opioids"
		if specimens[ts[k-1].low] && specimenHeads[ts[k].stem] && testReadings[ts[k+1].low] && k+3 < len(ts) && ts[k+2].low == "for" &&
			ts[k].punctBefore == "" && ts[k+1].punctBefore == "" && ts[k+2].punctBefore == "" {
			if m, ok := mentionAt[k+3]; ok && m.Category == graph.CategoryDrug {
				spans = append(spans, span{k - 1, m.last})
			}
		}
	}
	for _, s := range spans {
		out = slices.DeleteFunc(out, func(m Mention) bool { return m.first < s.j && m.last > s.i })
		id := ProposedPrefix + slug(ts[s.i:s.j])
		surface := text[ts[s.i].start:ts[s.j-1].end]
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = surface
		}
		out = append(out, Mention{Sentence: idx, ID: id, Category: graph.CategoryOutcome, Surface: surface,
			Start: ts[s.i].start, End: ts[s.j-1].end, Proposed: true, Pattern: "test result", first: s.i, last: s.j})
	}
	return out
}
