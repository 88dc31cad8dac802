package extract

import "testing"

// TestOpeningSubject: a pronoun in a later clause speaks of the drug that
// is the subject of the sentence's first clause, though no cue verb
// follows that subject. Without the rule the first case's pronoun took the
// previous sentence's subject; the second guards the rule's exception (an
// opening anaphor is not itself the antecedent, so "they" stays both).
func TestOpeningSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"it after a copula clause", []string{"Naltrexone reduced anxiety.", "Lorazepam is more selective than naltrexone for this subtype, which is thought to explain why it lowers dopamine release less."},
			"T:drugA AFFECTS decreases T:dopamine hedged"},
		{"an anaphor opening the sentence still stands for both", []string{"Naltrexone and lorazepam reduced anxiety.", "Neither drug is a mu-opioid receptor agonist, which explains why they do not produce sedation."},
			"T:drugB AFFECTS increases T:sedation negated; T:drugB AFFECTS increases KAP:proposed-mu-opioid-receptor negated; T:drugA AFFECTS increases T:sedation negated; T:drugA AFFECTS increases KAP:proposed-mu-opioid-receptor negated"},
	})
}
