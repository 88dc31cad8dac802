package extract

import "testing"

// TestRoleTargets: a drug-class phrase whose role noun has a direction
// and whose target is named inside it ("a selective X antagonist"),
// set beside a drug as an appositive or said of it with a copula, makes
// that drug act on the target. A describing adjective before the name is
// not the target; a role statement in a negated clause keeps its own
// modality. Rows marked "rule" fail without the rule; control rows pin
// what it leaves alone. The open reading proposes the role phrases.
func TestRoleTargets(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: an appositive role phrase", []string{"Lorazepam, a selective D4 antagonist, was tested in older adults."},
			"T:drugA AFFECTS decreases KAP:proposed-d4-receptor"},
		{"rule: a copula with two predicate nouns", []string{"Naltrexone is a partial D4 agonist and a KOR antagonist."},
			"T:drugB AFFECTS increases KAP:proposed-d4-receptor; T:drugB AFFECTS decreases KAP:proposed-kor-receptor"},
		{"rule: the appositive is asserted in a negated sentence", []string{"Lorazepam, a D4 agonist, was not effective in alcohol use disorder."},
			"T:drugA STUDIED_TO_TREAT T:aud negated; T:drugA AFFECTS increases KAP:proposed-d4-receptor"},
		{"rule: a describing adjective is no target", []string{"Naltrexone is a lipophilic alpha-1 antagonist."},
			""},
	})
}
