package extract

import "testing"

// TestSecondClausePronoun: a pronoun opening a later clause stands for
// the drug the sentence's first clause is about, also when that subject
// is itself a pronoun carried from the sentence before ("It binds X
// weakly, but it increases Y"). With the rule off the later clause's
// verb took the first clause's object as its subject.
func TestSecondClausePronoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"pronoun, then pronoun after but", []string{"Lorazepam is widely prescribed.", "It binds mu-opioid receptors weakly, but it increases BDNF signalling."},
			"T:drugA AFFECTS T:receptor; T:drugA AFFECTS increases T:bdnf"},
		{"fronted phrase, pronoun, then pronoun after and", []string{"Naltrexone is widely prescribed.", "In rats, it blocks mu-opioid receptors, and it reduces dopamine release."},
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:dopamine"},
		{"plural pronoun twice", []string{"Naltrexone and lorazepam are widely prescribed.", "They have little affinity for mu-opioid receptors, and they lower anxiety."},
			"T:drugB AFFECTS T:receptor; T:drugB AFFECTS decreases T:anxiety"},
		{"named subject, then pronoun", []string{"Anxiety is common.", "Naltrexone binds mu-opioid receptors, but it reduces craving."},
			"T:drugB AFFECTS T:receptor; T:drugB AFFECTS decreases T:craving"},
	})
}
