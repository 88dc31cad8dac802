package extract

import "testing"

// TestGerundObjects: the object of a gerund of increase or decrease that
// opens its clause is no agent ("Blocking the mu-opioid receptor is
// thought to reduce craving" says nothing the receptor does); a gerund of
// giving leaves its drug the agent. Rows marked "rule" fail without the
// rule; control rows pin what it leaves alone.
func TestGerundObjects(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: the blocked receptor is no agent", []string{"Blocking the mu-opioid receptor is thought to reduce craving."},
			""},
		{"control: a gerund of giving", []string{"Combining naltrexone with lorazepam may increase sedation."},
			"T:drugB AFFECTS increases T:sedation hedged; T:drugA AFFECTS increases T:sedation hedged"},
	})
}
