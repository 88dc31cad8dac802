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

// TestTreatedSymptoms: a symptom right after "<treatment word> for" is
// what the clause's drug is for ("promising adjuncts for insomnia",
// "approved for anxiety"). The first two cases gave no pair with the rule
// off; the third guards a bare "for" (who, not what); the fourth was
// ASSERTED before "promising" joined the hedge words.
func TestTreatedSymptoms(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"adjuncts for two symptoms", []string{"Naltrexone and lorazepam are useful adjuncts for anxiety and craving in early recovery."},
			"T:drugA STUDIED_TO_TREAT T:anxiety; T:drugA STUDIED_TO_TREAT T:craving; T:drugB STUDIED_TO_TREAT T:anxiety; T:drugB STUDIED_TO_TREAT T:craving"},
		{"approved for", []string{"Lorazepam is approved for anxiety in older adults."}, "T:drugA STUDIED_TO_TREAT T:anxiety"},
		{"a bare for", []string{"Lorazepam was given for anxiety in older adults."}, ""},
		{"promising: a hedge", []string{"Lorazepam is a promising treatment for anxiety."}, "T:drugA STUDIED_TO_TREAT T:anxiety hedged"},
	})
}
