package extract

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestHadUnder: people who had more or fewer of a measure on a drug than
// on its comparator: the drug changes the measure in the comparative's
// direction; a harm more common under it is its adverse event; the arm
// after "than" is no end.
func TestHadUnder(t *testing.T) {
	aff := string(graph.Affects) + " "
	tests := []struct {
		name, text string
		want       []string
		absent     []string
	}{
		{"fewer with a drug than with placebo",
			"Patients had fewer heavy drinking days with topiramate than with placebo.",
			[]string{"topiramate " + aff + "decreases ASSERTED heavy drinking days"},
			[]string{"placebo " + aff + "decreases ASSERTED heavy drinking days"}},
		{"more of a good outcome on a drug",
			"Participants with mild use had more cocaine-negative urine samples on modafinil than on placebo.",
			[]string{"modafinil " + aff + "increases ASSERTED cocaine-negative urine samples"}, nil},
		{"a drug as subject is its own verb's subject, not read here",
			"Topiramate had fewer heavy drinking days than zonisamide.",
			nil, []string{"zonisamide " + aff + "decreases ASSERTED heavy drinking days"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantClaims27(t, tt.text, tt.want, tt.absent)
		})
	}
}
