package extract

import "testing"

// TestStudiedIn: one study of a drug in a disorder ("no trial of X in
// Y", "the role of X in Y") makes the drug studied to treat the
// disorder, whatever the study's status. The first two cases gave no
// pair with the rule off; the third guards "in" that does not follow the
// list, the fourth a literature's scope ("trials of A and B in Y").
func TestStudiedIn(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a trial of two drugs in a disorder", []string{"No randomized trial of lorazepam and naltrexone in alcohol use disorder has been published."},
			"T:drugA STUDIED_TO_TREAT T:aud negated; T:drugB STUDIED_TO_TREAT T:aud negated"},
		{"the role of a drug in a disorder", []string{"The role of naltrexone in alcohol use disorder remains uncertain."},
			"T:drugB STUDIED_TO_TREAT T:aud"},
		{"in after other words", []string{"The efficacy of naltrexone was lower in older adults."}, ""},
		{"a literature's scope", []string{"We searched for trials of lorazepam and naltrexone in alcohol use disorder."}, ""},
	})
}
