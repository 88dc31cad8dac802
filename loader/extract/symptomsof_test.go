package extract

import "testing"

// TestSymptomsOf: a claim on "the N symptoms of Y" is a claim on Y, the
// phrase's own argument; and "loss of Y" is less Y, also after a
// correlation ("associated with loss of Y").
func TestSymptomsOf(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"symptoms of a disorder", []string{"Lorazepam relieves the autonomic symptoms of alcohol use disorder."},
			"T:drugA AFFECTS decreases T:aud"},
		{"signs of a disorder", []string{"Naltrexone reduced the somatic signs of alcohol use disorder."},
			"T:drugB AFFECTS decreases T:aud"},
		{"loss of after a correlation", []string{"Lorazepam is associated with a loss of BDNF signalling."},
			"T:drugA CORRELATED_WITH decreases T:bdnf"},
	})
}
