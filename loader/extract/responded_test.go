package extract

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestRespondedAndImplicated: "Y responded to D" says D treats Y (the
// noun "response to D" names a measure and says nothing); "S is
// implicated in Y" associates S with Y as "S is associated with Y" does.
func TestRespondedAndImplicated(t *testing.T) {
	treats, corr := string(graph.StudiedToTreat), string(graph.CorrelatedWith)
	tests := []struct {
		name, text   string
		want, absent string
	}{
		{"responded to", "Depression responded to ketamine.",
			"ketamine " + treats + "  ASSERTED Depression", ""},
		{"responded well to", "Withdrawal symptoms responded well to clonidine.",
			"clonidine " + treats + "  ASSERTED Withdrawal symptoms", ""},
		{"did not respond to: negated", "Depression did not respond to ketamine.",
			"ketamine " + treats + "  NEGATED Depression", "ketamine " + treats + "  ASSERTED Depression"},
		{"the noun states nothing", "Craving during the response to naltrexone was variable.",
			"", "naltrexone " + treats + "  ASSERTED Craving"},
		{"implicated in", "Dynorphin is implicated in craving.",
			"Dynorphin " + corr + " increases ASSERTED craving", ""},
		{"hedged implicated in", "Kappa-opioid receptors may be implicated in stress-induced relapse.",
			"Kappa-opioid receptors " + corr + " increases HEDGED stress-induced relapse", ""},
	}
	for _, tt := range tests {
		cs := claimsOf27(tt.text)
		if tt.want != "" && !slices.Contains(cs, tt.want) {
			t.Errorf("%s: %q: no %q in %q", tt.name, tt.text, tt.want, cs)
		}
		if tt.absent != "" && slices.Contains(cs, tt.absent) {
			t.Errorf("%s: %q: %q made: %q", tt.name, tt.text, tt.absent, cs)
		}
	}
}
