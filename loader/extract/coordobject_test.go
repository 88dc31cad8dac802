package extract

import "testing"

// TestCoordinatedVerbSubject: the object of one verb is not the subject
// of the verb coordinated with it ("S blocks X and reduces Y", "S blocks
// X, increasing Y", "S, which blocks X, reduced Y"): the claim goes to S,
// or is not made when S is no entity. A noun of its own before the second
// verb is that verb's subject and keeps its claim.
func TestCoordinatedVerbSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"and thereby", []string{"Lorazepam blocks the mu-opioid receptor and thereby reduces dopamine release."},
			"T:drugA AFFECTS decreases T:receptor; T:drugA AFFECTS decreases T:dopamine"},
		{"participle after a comma", []string{"Naltrexone blocks the mu-opioid receptor, increasing dopamine release."},
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS increases T:dopamine"},
		{"relative clause in the subject", []string{"Lorazepam, which blocks the mu-opioid receptor, reduced craving."},
			"T:drugA AFFECTS decreases T:receptor; T:drugA AFFECTS decreases T:craving"},
		{"subject no entity", []string{"The combination inhibits the mu-opioid receptor and thereby reduces dopamine release."},
			""},
		{"relative clause whose verb is no cue", []string{"Lorazepam, which occupies the mu-opioid receptor, reduced craving."},
			"T:drugA AFFECTS decreases T:craving"},
		{"verb list", []string{"Lorazepam reduced craving, lowered anxiety and increased relapse."},
			"T:drugA AFFECTS decreases T:craving; T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS increases T:relapse"},
		{"second clause with its own subject", []string{"Lorazepam reduced craving, and anxiety increased relapse."},
			"T:drugA AFFECTS decreases T:craving; T:anxiety AFFECTS increases T:relapse"},
	})
}

// TestSubjectClauses: ", and" opens a clause of its own when a noun and
// then a finite verb follow it, however long the subject: no claim joins
// an argument before the joiner to one after it. A pronoun or possessive
// subject refers back, and a copula describes: those clauses are not cut.
func TestSubjectClauses(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"long subject of its own", []string{"Anxiety occurred in a fifth of participants, and the first dose of lorazepam can cause sedation."},
			"T:drugA AFFECTS increases T:sedation hedged; T:drugA HAS_ADVERSE_EVENT T:anxiety"},
		{"fronted phrase before the subject", []string{"Naltrexone reduced craving, and at the higher doses used in trials lorazepam increased relapse."},
			"T:drugB AFFECTS decreases T:craving; T:drugA AFFECTS increases T:relapse"},
		{"pronoun subject refers back", []string{"Lorazepam reduced anxiety, and in rats it increased relapse."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS increases T:relapse"},
	})
}

// TestListedAttribute: a direction word inside a list of nouns describes
// the member it stands before; no member changes another. A verb after an
// apposition ("X, an analogue, reduced Y") is still X's verb.
func TestListedAttribute(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"adverse-event list", []string{"Common adverse events were sedation, anxiety, decreased craving and relapse."},
			""},
		{"apposition then verb", []string{"Lorazepam, a related drug, reduced craving."},
			"T:drugA AFFECTS decreases T:craving"},
	})
}
