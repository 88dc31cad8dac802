package extract

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestReportedChange: a change noun a finding verb governs takes the
// clause's subject (or the drug its "trial of" tested) as its agent, with
// the noun's sign; "no" before it denies the finding (kept, NEGATED); the
// first change's object, or a population or disorder the trial enrolled,
// is no agent.
func TestReportedChange(t *testing.T) {
	aff := string(graph.Affects) + " "
	tests := []struct {
		name, text string
		want       []string
		absent     []string
	}{
		{"trial of a drug in a population, negated and coordinated",
			"A small trial of topiramate in veterans with insomnia found no reduction in cannabis use and no improvement in anxiety.",
			[]string{"topiramate " + aff + "decreases NEGATED cannabis use", "topiramate " + aff + "decreases NEGATED anxiety"},
			[]string{"cannabis use " + aff + "decreases NEGATED anxiety", "cannabis use " + aff + "increases NEGATED anxiety"}},
		{"plural trials, a disorder in the study phrase",
			"Three trials of gabapentin in alcohol use disorder reported reductions in craving or drinking days.",
			[]string{"gabapentin " + aff + "decreases ASSERTED craving", "gabapentin " + aff + "decreases ASSERTED drinking days"},
			[]string{"alcohol use disorder " + aff + "decreases ASSERTED craving"}},
		{"the clause after ', and' has its own subject",
			"Insomnia is frequent in withdrawal, and drugs such as baclofen and pregabalin produce only small reductions in craving.",
			[]string{"baclofen " + aff + "decreases ASSERTED craving", "pregabalin " + aff + "decreases ASSERTED craving"},
			[]string{"Insomnia " + aff + "decreases ASSERTED craving"}},
		{"no effect on a measure, after a study of a drug",
			"A trial of acamprosate found no effect on sleep quality.",
			[]string{"acamprosate " + aff + " NEGATED sleep quality"}, nil},
		{"a reported change, then 'but no effect on' a second measure",
			"A pooled analysis of trials of baclofen found a reduction in craving but no effect on abstinence.",
			[]string{"baclofen " + aff + "decreases ASSERTED craving", "baclofen " + aff + " NEGATED abstinence"}, nil},
		{"no change noun before a connector: the change is denied",
			"Mice showed no increase in locomotor activity after amphetamine.",
			[]string{"amphetamine " + aff + "increases NEGATED locomotor activity"},
			[]string{"amphetamine " + aff + "increases ASSERTED locomotor activity"}},
		{"the connector's drug acts, not the object of an earlier verb",
			"Knockout rats did not acquire heroin self-administration and showed no increase in locomotor activity after amphetamine.",
			[]string{"amphetamine " + aff + "increases NEGATED locomotor activity"},
			[]string{"heroin self-administration " + aff + "increases NEGATED locomotor activity"}},
		{"a study's drug, hedged",
			"A pilot study of varenicline suggested a reduction in alcohol consumption.",
			[]string{"varenicline " + aff + "decreases HEDGED alcohol consumption"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantClaims27(t, tt.text, tt.want, tt.absent)
		})
	}
}
