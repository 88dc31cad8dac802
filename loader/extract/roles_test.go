package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestRoleNounsAndSpans: on a review nobody curated, a pharmacological
// role noun ("antagonist", "agonist") names the target its modifiers give
// and makes the drug it describes act on it, whichever side of the noun
// the drug stands; how a drug acts and where a molecule sits are not part
// of the molecule's name, nor the side of a region; a role with no target
// named, or a drug's kind ("an indole alkaloid"), is no entity.
func TestRoleNounsAndSpans(t *testing.T) {
	tests := []struct {
		text         string
		surfaces     []string // mentions that must be found, as written
		notSurfaces  []string // spans that must not be entities
		subj, target string   // surfaces of a candidate that must be made
		sign         graph.Sign
	}{
		{"Ketamine is a non-competitive NMDA receptor antagonist.", []string{"NMDA receptor"}, []string{"non-competitive NMDA receptor"},
			"Ketamine", "NMDA receptor", graph.Decreases},
		{"Craving was blocked by the 5-HT2A antagonist ketanserin.", []string{"5-HT2A", "ketanserin"}, nil,
			"ketanserin", "5-HT2A", graph.Decreases},
		{"Pretreatment with the mGluR2/3 antagonist LY341495 blocked reinstatement.", []string{"mGluR2/3", "LY341495"}, nil,
			"LY341495", "mGluR2/3", graph.Decreases},
		{"The kappa-opioid receptor antagonist nor-binaltorphimine likewise reduced drinking.", []string{"nor-binaltorphimine", "kappa-opioid receptor"}, nil,
			"nor-binaltorphimine", "kappa-opioid receptor", graph.Decreases},
		{"The kappa-opioid receptor antagonist nor-binaltorphimine reduced alcohol intake.", nil, nil,
			"nor-binaltorphimine", "alcohol intake", graph.Decreases},
		{"Opioid antagonists such as naltrexone reduce craving.", nil, []string{"Opioid"}, "", "", ""},
		{"Varenicline, a partial agonist at nicotinic receptors, reduced craving.", nil, []string{"partial agonist"}, "", "", ""},
		{"Cocaine lowers striatal dopamine transporter availability.", []string{"dopamine transporter availability"},
			[]string{"striatal dopamine transporter availability"}, "", "", ""},
		{"Naltrexone reduced cue-induced reinstatement of alcohol seeking and the percentage of days abstinent.",
			[]string{"cue-induced reinstatement of alcohol seeking", "percentage of days abstinent"}, []string{"cue-induced reinstatement"}, "", "", ""},
		{"Ibogaine, an indole alkaloid, reduced activity in the left dorsolateral prefrontal cortex.", []string{"dorsolateral prefrontal cortex"},
			[]string{"indole alkaloid", "left dorsolateral prefrontal cortex"}, "", "", ""},
		{"Heavy drinkers and smokers were enrolled.", []string{"smokers"}, nil, "", "", ""},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		var got []string
		surface := map[string]string{}
		for _, m := range res.Mentions {
			got = append(got, m.Surface)
			surface[m.ID] = m.Surface
		}
		for _, s := range tt.surfaces {
			if !slices.Contains(got, s) {
				t.Errorf("%q: no mention %q in %q", tt.text, s, got)
			}
		}
		for _, s := range tt.notSurfaces {
			if slices.Contains(got, s) {
				t.Errorf("%q: %q is an entity: %q", tt.text, s, got)
			}
		}
		if tt.subj == "" {
			continue
		}
		found := false
		var cs []string
		for _, c := range res.Candidates {
			cs = append(cs, strings.Join([]string{surface[c.Subject], string(c.Predicate), string(c.Sign), surface[c.Object]}, " "))
			found = found || surface[c.Subject] == tt.subj && surface[c.Object] == tt.target && c.Sign == tt.sign && c.Predicate == graph.Affects
		}
		if !found {
			t.Errorf("%q: no %s AFFECTS %s %s in %q", tt.text, tt.subj, tt.sign, tt.target, cs)
		}
	}
}

// TestClassMembers: a drug class named by its target, with an example
// list, makes each listed drug act on the target (the class recorded on
// the claim); what the class is said to do stays the class's.
func TestClassMembers(t *testing.T) {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Section: "Test",
		Text: "GLP-1 receptor agonists such as exenatide and liraglutide reduce alcohol craving."}})
	surface := map[string]string{}
	for _, m := range res.Mentions {
		surface[m.ID] = m.Surface
	}
	var got []string
	for _, c := range res.Candidates {
		got = append(got, strings.Join([]string{surface[c.Subject], string(c.Predicate), string(c.Sign), surface[c.Object], "class=" + c.Class}, " "))
	}
	for _, want := range []string{
		"exenatide AFFECTS increases GLP-1 receptor class=GLP-1 receptor agonists",
		"liraglutide AFFECTS increases GLP-1 receptor class=GLP-1 receptor agonists",
		"GLP-1 receptor agonists AFFECTS decreases alcohol craving class=",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "exenatide AFFECTS decreases alcohol craving") {
			t.Errorf("a class's effect was given to a member: %q", g)
		}
	}
}
