package extract

import "testing"

// TestForLists: "for" governs the whole list after it, so each disorder
// or symptom listed is what the drug is for, whichever comes first; a
// list that no "for" opens ("in patients with ...") names no treatment.
func TestForLists(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"disorder then symptom", []string{"Lorazepam is prescribed for alcohol use disorder and anxiety."},
			"T:drugA STUDIED_TO_TREAT T:aud; T:drugA STUDIED_TO_TREAT T:anxiety"},
		{"symptoms then disorder", []string{"Lorazepam is prescribed for anxiety, craving and alcohol use disorder."},
			"T:drugA STUDIED_TO_TREAT T:aud; T:drugA STUDIED_TO_TREAT T:anxiety; T:drugA STUDIED_TO_TREAT T:craving"},
		{"no for", []string{"Lorazepam was given to older adults with anxiety and alcohol use disorder."}, ""},
		{"for a time", []string{"Lorazepam was given for two weeks, and anxiety and craving fell."}, ""},
	})
}

// TestCorrelationLists: a correlation cue's own preposition opens the
// whole list after it ("linked to A and B"); each member is correlated.
func TestCorrelationLists(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"linked to a list", []string{"Anxiety has been linked to relapse and craving."},
			"T:anxiety CORRELATED_WITH increases T:relapse; T:anxiety CORRELATED_WITH increases T:craving"},
		{"three members", []string{"Anxiety was linked to sedation, relapse and craving."},
			"T:anxiety CORRELATED_WITH increases T:sedation; T:anxiety CORRELATED_WITH increases T:relapse; T:anxiety CORRELATED_WITH increases T:craving"},
	})
}
