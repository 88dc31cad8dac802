package graph

import "testing"

// TestEdgeScore pins the formula Claim.score documents: a sentence weighs
// as its best study for the claim, a flagged study at most as the weakest
// level; stated claims take their best sentence, inferred claims their
// weakest, halved; any concern costs a quarter.
func TestEdgeScore(t *testing.T) {
	levels := map[string]int{"meta": 1, "rct": 2, "review": 5}
	level := func(id string) int { return levels[id] }
	ev := func(flagged []string, studies ...string) Evidence {
		return Evidence{Studies: studies, Flagged: flagged}
	}
	for _, tc := range []struct {
		name string
		e    Edge
		want float64
	}{
		{"stated, best sentence", Edge{Predicate: Affects, Origin: "stated", Evidence: []Evidence{ev(nil), ev(nil, "rct")}}, 0.85},
		{"uncited", Edge{Predicate: Affects, Origin: "stated", Evidence: []Evidence{ev(nil)}}, 0.3},
		{"no evidence", Edge{Predicate: Affects, Origin: "stated"}, 0.3},
		{"flagged meta-analysis counts as the weakest level", Edge{Predicate: Affects, Origin: "stated",
			Evidence: []Evidence{ev([]string{"meta"}, "meta")}, Concerns: []string{"c"}}, 0.4 * 0.75},
		{"a fitting study beside a flagged one still counts", Edge{Predicate: Affects, Origin: "stated",
			Evidence: []Evidence{ev([]string{"meta"}, "meta", "rct")}}, 0.85},
		{"flagged never below uncited", Edge{Predicate: Affects, Origin: "stated", Evidence: []Evidence{ev([]string{"review"}, "review")}}, 0.4},
		{"inferred takes its weakest premise, halved", Edge{Predicate: Affects, Origin: "inferred",
			Evidence: []Evidence{ev(nil, "meta"), ev(nil)}}, 0.3 * 0.5},
		{"inferred on two cited sentences", Edge{Predicate: Affects, Origin: "inferred",
			Evidence: []Evidence{ev(nil, "meta"), ev(nil, "rct")}}, 0.85 * 0.5},
		{"weakest curated edge", Edge{Predicate: Affects, Origin: "inferred", Concerns: []string{"c"}}, 0.1125},
		{"lexical", Edge{Predicate: Cites}, 1},
	} {
		if got := EdgeScore(&tc.e, level); got != round4(tc.want) {
			t.Errorf("%s: score %v, want %v", tc.name, got, round4(tc.want))
		}
	}
}
