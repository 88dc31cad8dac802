package extract

import "testing"

// TestRelativeClauseAntecedents: a relative clause's verb acts from its
// antecedent when the antecedent owns the activity ("whose activation"),
// is a list ("A and B that V"), or is a place in another argument's
// phrase ("X in the R, which V"). Rows marked "rule" fail without the
// rule; control rows pin what it leaves alone. Sentences use the
// unrelated test lexicon.
func TestRelativeClauseAntecedents(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: whose activation acts as the antecedent", []string{"Naltrexone blocks the mu-opioid receptor, whose activation increases dopamine release."},
			"T:drugB AFFECTS decreases T:receptor; T:receptor AFFECTS increases T:dopamine"},
		{"control: whose blockade turns the action", []string{"Naltrexone blocks BDNF signalling, whose blockade reduces craving."},
			"T:drugB AFFECTS decreases T:bdnf; T:drugB AFFECTS decreases T:craving"},
		{"rule: a list before that", []string{"Lorazepam lowers the anxiety and craving that precipitate relapse."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS decreases T:craving; T:anxiety AFFECTS increases T:relapse; T:craving AFFECTS increases T:relapse"},
		{"rule: a list before which", []string{"Naltrexone binds BDNF signalling and the mu-opioid receptor, which may increase craving."},
			"T:drugB AFFECTS T:bdnf; T:drugB AFFECTS T:receptor; T:bdnf AFFECTS increases T:craving hedged; T:receptor AFFECTS increases T:craving hedged"},
		{"rule: a place in another argument's phrase", []string{"Naltrexone reduces dopamine release in the ventral striatum, which increases craving."},
			"T:drugB AFFECTS decreases T:dopamine; T:dopamine AFFECTS increases T:craving"},
		{"control: a single antecedent", []string{"Lorazepam reduces anxiety, which increases craving."},
			"T:drugA AFFECTS decreases T:anxiety; T:anxiety AFFECTS increases T:craving"},
	})
}
