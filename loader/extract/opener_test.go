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

// TestDoseAnaphor: "Both doses" / "The higher dose" in subject place
// speak of the one drug the previous sentence named, as the object of a
// preposition ("2 mg of X"). With the rule off the first case read "both"
// as two drugs and took the wrong second one, and the second gave none.
func TestDoseAnaphor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"both doses", []string{"Cognitive behavioural therapy was offered to all.", "A trial compared 1 mg and 2 mg of lorazepam with placebo.", "Both doses reduced anxiety."},
			"T:drugA AFFECTS decreases T:anxiety"},
		{"the dose", []string{"A trial gave 50 mg of naltrexone daily.", "The dose reduced craving."},
			"T:drugB AFFECTS decreases T:craving"},
	})
}
