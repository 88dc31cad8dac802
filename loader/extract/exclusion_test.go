package extract

import "testing"

// TestExclusions: "X, but not Y, reduced Z" states X's claim and denies
// Y's, and "reduced A, but not B, in mice" denies B's; the parenthesis
// opens no clause, so X keeps its claim, and a modal stays on X's claim.
// Without the closing comma, or with a clause of its own after "but not",
// the sentence is read as before.
func TestExclusions(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"excluded subject", []string{"Lorazepam, but not naltrexone, reduced craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving negated"},
		{"excluded subject, other order", []string{"Naltrexone, but not lorazepam, increased relapse."},
			"T:drugB AFFECTS increases T:relapse; T:drugA AFFECTS increases T:relapse negated"},
		{"hedged claim", []string{"Naltrexone, but not lorazepam, may reduce craving."},
			"T:drugB AFFECTS decreases T:craving hedged; T:drugA AFFECTS decreases T:craving negated hedged"},
		{"excluded object", []string{"Naltrexone reduced craving, but not anxiety, in older adults."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:anxiety negated"},
		{"a subject list before the parenthesis", []string{"CBT and naltrexone, but not lorazepam, reduced heavy drinking days."},
			"T:therapy AFFECTS decreases T:drinking; T:drugB AFFECTS decreases T:drinking; T:drugA AFFECTS decreases T:drinking negated"},
		{"a clause of its own", []string{"Naltrexone reduced craving, but not all patients responded."},
			"T:drugB AFFECTS decreases T:craving"},
	})
}

// TestNotOnly: "not only A but also B" adds B to A and denies neither;
// a plain "not" still denies.
func TestNotOnly(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"objects", []string{"Naltrexone reduced not only craving but also anxiety."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:anxiety"},
		{"subjects", []string{"Not only lorazepam but also naltrexone increased relapse."},
			"T:drugA AFFECTS increases T:relapse; T:drugB AFFECTS increases T:relapse"},
		{"verbs", []string{"Naltrexone not only reduced craving but also lowered anxiety."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:anxiety"},
		{"a plain not", []string{"Naltrexone did not reduce craving."},
			"T:drugB AFFECTS decreases T:craving negated"},
	})
}

// TestAddedParentheses: ", along with Y," and ", and to a lesser extent
// Y," give Y the neighbour's claim as stated; ", and possibly Y," gives
// it hedged.
func TestAddedParentheses(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"along with", []string{"Lorazepam, along with naltrexone, reduced craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"to a lesser extent", []string{"Naltrexone, and to a lesser extent lorazepam, reduced craving."},
			"T:drugB AFFECTS decreases T:craving; T:drugA AFFECTS decreases T:craving"},
		{"possibly", []string{"Naltrexone, and possibly lorazepam, reduced craving."},
			"T:drugB AFFECTS decreases T:craving; T:drugA AFFECTS decreases T:craving hedged"},
		{"object", []string{"Naltrexone reduced craving, and possibly anxiety, in older adults."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:anxiety hedged"},
	})
}
