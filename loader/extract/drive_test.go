package extract

import "testing"

// TestDrivingVerbs: "drive" and its forms are verbs of increase ("X
// drives Y", "Y is driven by X", "thought to drive Y"); the bare "drive"
// is a noun unless a word that opens a verb group comes before it, and a
// hyphenated "-driven" modifies the noun after it. Rows marked "rule"
// fail without the rule; control rows pin what it leaves alone.
func TestDrivingVerbs(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: drives", []string{"In most patients, craving drives relapse."},
			"T:craving AFFECTS increases T:relapse"},
		{"rule: a passive with by", []string{"Relapse is often driven by anxiety."},
			"T:anxiety AFFECTS increases T:relapse"},
		{"rule: to drive", []string{"Anxiety is thought to drive relapse."},
			"T:anxiety AFFECTS increases T:relapse hedged"},
		{"rule: that drive after a list", []string{"Lorazepam relieves the anxiety and craving that drive relapse."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS decreases T:craving; T:anxiety AFFECTS increases T:relapse; T:craving AFFECTS increases T:relapse"},
		{"control: the noun drive", []string{"In these patients, anxiety and a strong drive for relapse were common."},
			""},
	})
}
