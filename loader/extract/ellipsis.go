package extract

import (
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// sharedHeads reads coordination that shares a head ("cocaine and
// cannabis use disorders", "alcohol or opioid dependence"): the first
// conjunct names the disorder (or outcome) with the second's head, not the
// bare substance. The new mention spans the first conjunct as written.
func (rc *recogniser) sharedHeads(idx int, text string, ts []token, tags []string, out []Mention) []Mention {
	for _, m := range slices.Clone(out) {
		if m.last-m.first < 2 || m.first < 2 || !substanceHead[ts[m.first+1].stem] ||
			m.Category != graph.CategoryDisorder && m.Category != graph.CategoryOutcome {
			continue
		}
		conj, a := m.first-1, m.first-2
		if (ts[conj].low != "and" && ts[conj].low != "or") || ts[conj].punctBefore != "" || ts[m.first].punctBefore != "" ||
			ts[a].hyphenated || len(tags) == len(ts) && !(tags[a] == "" || tags[a] == "NN" || tags[a] == "NNP" || tags[a] == "JJ") {
			continue
		}
		// The first conjunct is a bare substance: a one-word drug
		// mention, or a noun no mention took.
		at := -1
		for i, d := range out {
			if d.first <= a && d.last > a {
				at = i
			}
		}
		if at >= 0 && (out[at].first != a || out[at].last != a+1 || out[at].Category != graph.CategoryDrug) {
			continue
		}
		words := append([]token{ts[a]}, ts[m.first+1:m.last]...)
		id := ProposedPrefix + slug(words)
		if _, ok := rc.names[id]; !ok {
			rc.names[id] = ts[a].raw + " " + text[ts[m.first+1].start:ts[m.last-1].end]
		}
		nm := Mention{Sentence: idx, ID: id, Category: m.Category, Surface: ts[a].raw, Start: ts[a].start, End: ts[a].end,
			Proposed: true, Pattern: "shared head of a coordination", first: a, last: a + 1}
		if at >= 0 {
			out[at] = nm
		} else {
			out = append(out, nm)
		}
	}
	return out
}
