package extract

import "testing"

// TestContrastedAntecedents: a drug a sentence sets its subject against
// ("Unlike X, Y ...", "than X") is no antecedent of a pronoun that opens
// a later clause; the pronoun stands for the subject. Rows marked "rule"
// fail without the rule; control rows pin what it leaves alone.
func TestContrastedAntecedents(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: a pronoun after a contrast stands for the subject", []string{"Unlike lorazepam, naltrexone does not increase anxiety, but it reduces craving."},
			"T:drugB AFFECTS increases T:anxiety negated; T:drugB AFFECTS decreases T:craving"},
		{"rule: after a semicolon, with a role noun", []string{"Unlike lorazepam, naltrexone does not increase anxiety; instead, it acts as a weak agonist at BDNF signalling and as an antagonist at the mu-opioid receptor."},
			"T:drugB AFFECTS increases T:anxiety negated; T:drugB AFFECTS increases T:bdnf; T:drugB AFFECTS decreases T:receptor"},
		{"control: no contrast, the first drug", []string{"Lorazepam was given with naltrexone, but it did not reduce craving."},
			"T:drugA AFFECTS decreases T:craving negated"},
	})
}
