package extract

import "github.com/kapgraph/kapgraph/graph"

// patternCategories are the categories the proposal patterns cover.
var patternCategories = []graph.Category{graph.CategoryMechanism, graph.CategoryDisorder, graph.CategoryBrainNetwork,
	graph.CategoryBrainRegion, graph.CategoryDrug, graph.CategoryTherapy}

// HeldOutMetrics measure the proposal patterns, which no curated review can
// score directly (a proposal is by definition not in the lexicon): the
// entities of the categories the patterns cover are taken out of the
// lexicon, the review is read again, and the proposals are compared with
// the mentions the full lexicon found.
type HeldOutMetrics struct {
	HeldOut       int // mentions of held-out entities with the full lexicon
	Covered       int // of those, overlapped by a proposal
	Proposals     int // proposed mentions without the held-out entities
	OnHeldOut     int // of those, overlapping a held-out mention
	Recall        float64
	Precision     float64
	MissedSurface []string // held-out mentions no proposal found, as written
}

// HeldOut runs the held-out measurement.
func HeldOut(lex []LexEntry, sents []Sentence) HeldOutMetrics {
	held := map[string]bool{}
	var kept []LexEntry
	for _, e := range lex {
		isPattern := false
		for _, c := range patternCategories {
			isPattern = isPattern || e.Category == c
		}
		if isPattern {
			held[e.ID] = true
		} else {
			kept = append(kept, e)
		}
	}
	full := Extract(lex, sents).Mentions
	part := Extract(kept, sents).Mentions
	overlap := func(a, b Mention) bool { return a.Sentence == b.Sentence && a.Start < b.End && b.Start < a.End }
	var m HeldOutMetrics
	for _, f := range full {
		if !held[f.ID] {
			continue
		}
		m.HeldOut++
		found := false
		for _, p := range part {
			if p.Proposed && overlap(f, p) {
				found = true
			}
		}
		if found {
			m.Covered++
		} else {
			m.MissedSurface = append(m.MissedSurface, f.Surface)
		}
	}
	for _, p := range part {
		if !p.Proposed {
			continue
		}
		m.Proposals++
		for _, f := range full {
			if held[f.ID] && overlap(f, p) {
				m.OnHeldOut++
				break
			}
		}
	}
	m.Recall, m.Precision = ratio(m.Covered, m.HeldOut), ratio(m.OnHeldOut, m.Proposals)
	return m
}
