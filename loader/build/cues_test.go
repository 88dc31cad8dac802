package build

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

func TestDirectionCues(t *testing.T) {
	for _, tc := range []struct {
		p     graph.Predicate
		sign  graph.Sign
		quote string
		cued  bool
	}{
		{graph.Affects, graph.Increases, "Ketamine increases glutamate release", true},
		{graph.Affects, graph.Decreases, "NMDA receptor antagonist", true},
		{graph.Affects, graph.Decreases, "Ketamine appears to normalize this circuitry", true},
		{graph.Affects, graph.Increases, "first-line medications (e.g., varenicline vs. nicotine replacement) roughly double that rate", true},
		{graph.CorrelatedWith, graph.Increases, "predicted abstinence in several cohorts", true},
		{graph.CorrelatedWith, graph.Decreases, "Okafor et al. (2021) linked this shift to fewer lapses.", true},
		// No direction in the words: "alters", "effects persisted", a rate.
		{graph.Affects, graph.Decreases, "Ketamine alters activity in the default mode network (DMN)", false},
		{graph.Affects, graph.Decreases, "Importantly, effects persisted beyond the acute pharmacological window", false},
		{graph.Affects, graph.Increases, "12 were biologically verified abstinent at 6 months [2].", false},
		{graph.Affects, graph.Increases, "normalize this circuitry, reducing hyper-salient responses to substance-related cues", false},
		{graph.Affects, graph.Increases, "associated with ruminative thought patterns", false}, // association is a cue for correlations only
	} {
		if got := hasCue(tc.p, tc.sign, tc.quote); got != tc.cued {
			t.Errorf("hasCue(%s %s, %q) = %v, want %v", tc.p, tc.sign, tc.quote, got, tc.cued)
		}
	}
}
