package extract

import (
	"testing"
)

// TestClaimStructureRules2: clause forms and modalities from the second
// round on claim structure (branch extract13). Every row marked "rule"
// fails without its rule; control rows pin what the rule must leave alone.
// The sentences use the unrelated test lexicon.
func TestClaimStructureRules2(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: can after a stated cause is asserted", []string{"Because naltrexone is an antagonist, naltrexone can increase craving."},
			"T:drugB AFFECTS increases T:craving"},
		{"control: a bare can is a possibility", []string{"Naltrexone can increase craving."},
			"T:drugB AFFECTS increases T:craving hedged"},
		{"rule: a contrast ends a negation's reach", []string{"Lorazepam did not reduce craving but was associated with lower anxiety."},
			"T:drugA AFFECTS decreases T:craving negated; T:drugA CORRELATED_WITH decreases T:anxiety"},
		{"control: a negation reaches a coordinated object", []string{"Lorazepam did not reduce craving or anxiety."},
			"T:drugA AFFECTS decreases T:craving negated; T:drugA AFFECTS decreases T:anxiety negated"},
		{"rule: probably hedges its clause", []string{"Naltrexone probably reduces craving."},
			"T:drugB AFFECTS decreases T:craving hedged"},
		{"rule: expected to hedges", []string{"Naltrexone was expected to reduce craving."},
			"T:drugB AFFECTS decreases T:craving hedged"},
		{"rule: an appositive description (and its relative clause) acts as the drug", []string{"Lorazepam, a mu-opioid receptor antagonist that increases dopamine release, reduced craving."},
			"T:drugA AFFECTS increases T:dopamine; T:drugA AFFECTS decreases T:craving; T:drugA AFFECTS decreases KAP:proposed-mu-opioid-receptor"},
		{"rule: a reason before advice is asserted", []string{"Because naltrexone increases craving, doses should be increased slowly."},
			"T:drugB AFFECTS increases T:craving"},
		{"rule: a reason after advice is asserted", []string{"Patients should be monitored closely, because naltrexone increases craving."},
			"T:drugB AFFECTS increases T:craving"},
		{"control: advice stays proposed", []string{"Naltrexone should be used to reduce craving, because it is safe."},
			"T:drugB AFFECTS decreases T:craving proposed"},
		{"rule: interest as a treatment is hedged", []string{"Naltrexone reduces craving and has attracted interest as a treatment for alcohol use disorder."},
			"T:drugB AFFECTS decreases T:craving; T:drugB STUDIED_TO_TREAT T:aud hedged; T:drugB AFFECTS decreases T:aud hedged"},
		{"rule: inconsistent results hedge", []string{"Naltrexone reduced anxiety but had inconsistent effects on craving."},
			"T:drugB AFFECTS decreases T:anxiety; T:drugB AFFECTS decreases T:craving hedged"},
		{"rule: designed to hedges", []string{"Naltrexone, which was designed to reduce craving, is widely used."},
			"T:drugB AFFECTS decreases T:craving hedged"},
		{"rule: as well as joins objects", []string{"Naltrexone is an antagonist.", "It reduces anxiety, which increases craving, and it reduces relapse as well as heavy drinking days."},
			"T:drugB AFFECTS decreases T:anxiety; T:anxiety AFFECTS increases T:craving; T:drugB AFFECTS decreases T:relapse; T:drugB AFFECTS decreases T:drinking"},
		{"rule: a cue word inside a subject list describes", []string{"In most patients, craving, anxiety and reduced dopamine release are common."},
			""}, // without the rule: craving and anxiety "decrease" dopamine release
	})
}
