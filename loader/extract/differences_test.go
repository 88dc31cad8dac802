package extract

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestDifferences: a drug that did not differ from placebo on a measure
// makes a NEGATED unsigned claim on it; two treatments that did not
// differ were alike, which denies neither's effect; the comparator is
// never an end.
func TestDifferences(t *testing.T) {
	aff := string(graph.Affects) + "  "
	tests := []struct {
		name, text string
		want       []string
		absent     []string
	}{
		{"verb, from placebo",
			"Gabapentin did not differ significantly from placebo in craving scores.",
			[]string{"Gabapentin " + aff + "NEGATED craving"}, nil},
		{"verb, two drugs alike",
			"Baclofen and gabapentin did not differ in drinking days.",
			[]string{"Baclofen " + aff + "ASSERTED drinking days", "gabapentin " + aff + "ASSERTED drinking days"}, nil},
		{"verb, from another drug: the comparator is no end",
			"Pregabalin did not differ from lorazepam on withdrawal severity.",
			[]string{"Pregabalin " + aff + "ASSERTED withdrawal severity"},
			[]string{"lorazepam " + aff + "ASSERTED withdrawal severity"}},
		{"noun, between a drug and placebo",
			"A later trial found no significant difference between varenicline and placebo in smoking abstinence.",
			[]string{"varenicline " + aff + "NEGATED smoking abstinence"}, nil},
		{"noun, from placebo after the study's drug",
			"A trial of topiramate found no difference from placebo in drinking days.",
			[]string{"topiramate " + aff + "NEGATED drinking days"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantClaims27(t, tt.text, tt.want, tt.absent)
		})
	}
}
