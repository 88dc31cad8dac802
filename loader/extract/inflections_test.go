package extract

import "testing"

// TestInflectedClosedClassWords: word sets built with setOf hold stems, so
// a lookup must use the token's stem; the raw word missed every inflected
// form ("remains", "does", "develops", "shows", "co-occurs"). Each row
// failed with the raw-word lookup.
func TestInflectedClosedClassWords(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"remains before a frequency word", []string{"Craving affects most patients treated with lorazepam.", "Sedation remains common."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"does after a fronted negative", []string{"In no trial does lorazepam reduce craving."},
			"T:drugA AFFECTS decreases T:craving negated"},
		{"develops: a population's condition", []string{"A patient with alcohol use disorder often develops anxiety and craving."},
			"T:aud CORRELATED_WITH increases T:anxiety; T:aud CORRELATED_WITH increases T:craving"},
		{"shows: a population's condition", []string{"A patient with alcohol use disorder often shows anxiety and craving."},
			"T:aud CORRELATED_WITH increases T:anxiety; T:aud CORRELATED_WITH increases T:craving"},
		{"co-occurs with", []string{"Anxiety frequently co-occurs with alcohol use disorder."},
			"T:anxiety CORRELATED_WITH increases T:aud"},
	})
}
