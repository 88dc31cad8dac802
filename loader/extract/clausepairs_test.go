package extract

import "testing"

// TestPairAnaphors: "both" standing alone as a subject, and "both drugs"
// whose two drugs were named in different earlier sentences, stand for
// the two drugs the text named last. Each case failed with the rule off:
// "Both can cause" reached only the nearer drug, "Both drugs raise" after
// two one-drug sentences only the last, and "common with both drugs" two
// sentences on gave no pair.
func TestPairAnaphors(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"both alone as the subject", []string{"Anxiety is managed with lorazepam or naltrexone.", "Both can cause sedation."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation hedged; T:drugB HAS_ADVERSE_EVENT T:sedation hedged; T:drugA AFFECTS increases T:sedation hedged; T:drugB AFFECTS increases T:sedation hedged"},
		{"both before a past verb", []string{"Anxiety is managed with lorazepam or naltrexone.", "Both reduced craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"both drugs named in two sentences", []string{"Lorazepam is used in Europe.", "Naltrexone is used in Asia.", "Both drugs raise dopamine release."},
			"T:drugB AFFECTS increases T:dopamine; T:drugA AFFECTS increases T:dopamine"},
		{"harms common with both drugs, two sentences on", []string{"Lorazepam and naltrexone reduced anxiety.", "Anxiety is common.", "Sedation is common with both drugs."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugB HAS_ADVERSE_EVENT T:sedation"},
		{"both before its nouns is no pronoun", []string{"Anxiety is common.", "Both lorazepam and naltrexone reduce craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
	})
}
