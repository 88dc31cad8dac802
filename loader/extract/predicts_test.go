package extract

import "testing"

// TestCorrelationVerbTaggedNoun: a correlation verb in the third person
// that the tagger took for a plural noun ("predicts/NNS") after a noun is
// the clause's verb, so its subject is the clause's head noun, not an
// argument in a prepositional phrase before it ("anxiety during heavy
// drinking days predicts relapse": anxiety). Rows marked "rule" fail
// without the rule; control rows pin what it leaves alone.
func TestCorrelationVerbTaggedNoun(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: the head noun before a phrase is the subject", []string{"Craving during early abstinence predicts relapse."},
			"T:craving CORRELATED_WITH increases T:relapse"},
		{"rule: in a fronted reason clause", []string{"Because craving during early abstinence predicts relapse, patients should be followed closely."},
			"T:craving CORRELATED_WITH increases T:relapse"},
		{"control: a correlation noun", []string{"Craving during early abstinence is a predictor of relapse."},
			"KAP:proposed-abstinence CORRELATED_WITH increases T:relapse; T:craving CORRELATED_WITH increases T:relapse"},
	})
}
