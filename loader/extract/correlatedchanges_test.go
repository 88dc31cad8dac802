package extract

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestCorrelatedChanges: a correlation whose other side is a change noun
// takes its sign from the noun, reaches every object the noun lists, and
// a repeated "with" opens a second change; the first change's object is
// no agent of the second.
func TestCorrelatedChanges(t *testing.T) {
	cor := string(graph.CorrelatedWith) + " "
	tests := []struct {
		name, text string
		want       []string
		absent     []string
	}{
		{"one change noun over a coordinated object",
			"Baseline impulsivity correlated with the reduction in drinking and craving after treatment.",
			[]string{"impulsivity " + cor + "decreases ASSERTED drinking", "impulsivity " + cor + "decreases ASSERTED craving"}, nil},
		{"a second change after 'and with'",
			"Striatal dopamine release was associated with reductions in craving and with increases in self-efficacy.",
			[]string{"Striatal dopamine release " + cor + "decreases ASSERTED craving", "Striatal dopamine release " + cor + "increases ASSERTED self-efficacy"},
			[]string{"craving " + string(graph.Affects) + " increases ASSERTED self-efficacy"}},
		{"an improvement in a harm is less of it",
			"Plasma cortisol levels were associated with an improvement in anxiety.",
			[]string{"Plasma cortisol levels " + cor + "decreases ASSERTED anxiety"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantClaims27(t, tt.text, tt.want, tt.absent)
		})
	}
}
