package extract

import "testing"

// TestPossessedHarms: a drug that has or carries a harm, with words of
// degree between ("has low abuse liability"), has it as an adverse event,
// not the compared drug before it. Each case gave no pair with the rule
// off: the sentences have no word of harm.
func TestPossessedHarms(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a verb phrase before", []string{"Naltrexone is rarely misused by older adults and has low sedation."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation"},
		{"not the compared drug", []string{"Unlike lorazepam, naltrexone has low sedation in older adults."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation"},
		{"no: negated, kept", []string{"Naltrexone has no sedation."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation negated"},
		{"patients who received it had: the patients have it", []string{"Older adults who received naltrexone had less sedation."},
			"T:drugB AFFECTS decreases T:sedation"},
	})
}

// TestHarmsAssociated: harms described by "associated with" and a drug
// right after them are that drug's adverse events, the listed ones too;
// after a verb ("is associated with") the pair reading decides. The first
// two cases failed with the rule off (a drug is no signed object; the
// first gave the harms NEGATED, from the other drug's "does not"); the
// third guards the verb form.
func TestHarmsAssociated(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a list of harms associated with a drug", []string{"Naltrexone does not produce the anxiety or sedation associated with lorazepam."},
			"T:drugB AFFECTS increases T:anxiety negated; T:drugB AFFECTS increases T:sedation negated; T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety"},
		{"an adverb before the participle", []string{"Sedation commonly associated with naltrexone limits its use in older adults."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation"},
		{"after a verb: not this rule", []string{"Sedation was associated with lorazepam in older adults."}, ""},
	})
}
