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
	})
}
