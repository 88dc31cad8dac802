package extract

import "testing"

// TestAffinityFor: "has (high) affinity for X" and "with affinity for X"
// say the subject binds X: AFFECTS, unsigned, like "binds". Rows marked
// "rule" fail without the rule; control rows pin what it leaves alone.
func TestAffinityFor(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"rule: has affinity for", []string{"Naltrexone also has weak affinity for the mu-opioid receptor."},
			"T:drugB AFFECTS T:receptor"},
		{"rule: a predicate noun with affinity for", []string{"Lorazepam is a partial agonist with high affinity for BDNF signalling."},
			"T:drugA AFFECTS T:bdnf"},
		{"control: affinity without for", []string{"The affinity of naltrexone was measured in older adults."},
			""},
	})
}
