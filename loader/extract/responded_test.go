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

// TestRoleIn: "a role for/of A in B" and "S plays a (key) role in B"
// associate A (S) with B, unsigned; a drug's role in a disorder stays a
// study of treatment.
func TestRoleIn(t *testing.T) {
	corr, treats := string(graph.CorrelatedWith), string(graph.StudiedToTreat)
	tests := []struct {
		name, text   string
		want, absent string
	}{
		{"plays a key role in", "Dynorphin plays a key role in relapse.",
			"Dynorphin " + corr + "  ASSERTED relapse", ""},
		{"a role for A in B", "These findings support a role for kappa signalling in alcohol intake.",
			"kappa signalling " + corr + "  ASSERTED alcohol intake", ""},
		{"a possible role: hedged", "A possible role of orexin signalling in relapse has been proposed.",
			"orexin signalling " + corr + "  HEDGED relapse", ""},
		{"a drug's role in a disorder is treatment", "The role of lofexidine in opioid use disorder remains to be studied.",
			"lofexidine " + treats + "  PROPOSED opioid use disorder", "lofexidine " + corr + "  PROPOSED opioid use disorder"},
		{"a drug's role in a symptom is no association", "The role of lofexidine in opioid withdrawal remains to be studied.",
			"", "lofexidine " + corr + "  PROPOSED opioid withdrawal"},
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
