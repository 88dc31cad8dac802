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

// TestImprovedHarm: improvement, relief or resolution of a harm is less of
// it (improvement.go); each of the first four rows was signed increases
// without the rule; the last two keep the sign of what is no harm or is
// not the verb's object (the last failed without improvedObject).
func TestImprovedHarm(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"an improvement in a symptom after a drug", []string{"Lorazepam produced an improvement in anxiety."},
			"T:drugA AFFECTS decreases T:anxiety"},
		{"a verb of improving with harms as objects", []string{"Lorazepam improved anxiety and craving."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS decreases T:craving"},
		{"improvement in a disorder as a correlation's subject", []string{"Improvement in alcohol use disorder was associated with greater craving."},
			"T:aud CORRELATED_WITH decreases T:craving"},
		{"resolution of a symptom", []string{"Lorazepam led to resolution of anxiety."},
			"T:drugA AFFECTS decreases T:anxiety"},
		{"improving what is not a harm", []string{"Lorazepam improved dopamine release."},
			"T:drugA AFFECTS increases T:dopamine"},
		{"a harm after a contrast is no improved object", []string{"Lorazepam improved dopamine release without worsening anxiety."},
			"T:drugA AFFECTS increases T:dopamine; T:drugA AFFECTS increases T:anxiety negated; T:drugA HAS_ADVERSE_EVENT T:anxiety negated"},
	})
}

// TestClassHarmsReachMembers: harms of the previous sentence's class
// topic reach the members it listed (classlists.go memberHarms); the
// first two rows gave the class alone without the rule.
func TestClassHarmsReachMembers(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"harms said to be common of a class with members", []string{"Benzodiazepines such as lorazepam and naltrexone reduced craving.", "Sedation and anxiety are also common."},
			"KAP:proposed-benzodiazepines HAS_ADVERSE_EVENT T:sedation; KAP:proposed-benzodiazepines HAS_ADVERSE_EVENT T:anxiety; T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugB HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety; T:drugB HAS_ADVERSE_EVENT T:anxiety"},
		{"adverse events of a class with members", []string{"Benzodiazepines, including lorazepam, reduced craving.", "Adverse events included sedation."},
			"KAP:proposed-benzodiazepines HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"a class without members keeps its harms", []string{"Benzodiazepines reduced craving.", "Sedation and anxiety are also common."},
			"KAP:proposed-benzodiazepines HAS_ADVERSE_EVENT T:sedation; KAP:proposed-benzodiazepines HAS_ADVERSE_EVENT T:anxiety"},
	})
}
