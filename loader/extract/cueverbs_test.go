package extract

import "testing"

// TestCueVerbsOfMoreAndLess: general verbs of making a thing better or
// less ("ameliorate", "shorten", "protect against", "hinder",
// "impede") and of making it worse or more ("exacerbate", "intensify",
// "accelerate", "evoke", "reinstated") are cues. Each case gave no pair
// before the verb was in the cue lexicon.
func TestCueVerbsOfMoreAndLess(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"ameliorating", []string{"Lorazepam was effective in ameliorating craving."}, "T:drugA AFFECTS decreases T:craving"},
		{"shortened", []string{"Naltrexone shortened relapse episodes."}, "T:drugB AFFECTS decreases T:relapse"},
		{"protects against", []string{"Lorazepam protects against relapse."}, "T:drugA AFFECTS decreases T:relapse"},
		{"hindered", []string{"Lorazepam hindered dopamine release."}, "T:drugA AFFECTS decreases T:dopamine"},
		{"impedes", []string{"Naltrexone impedes dopamine release."}, "T:drugB AFFECTS decreases T:dopamine"},
		{"exacerbated", []string{"Lorazepam exacerbated anxiety."}, "T:drugA AFFECTS increases T:anxiety"},
		{"intensifies", []string{"Naltrexone intensifies craving."}, "T:drugB AFFECTS increases T:craving"},
		{"accelerated", []string{"Lorazepam accelerated relapse."}, "T:drugA AFFECTS increases T:relapse"},
		{"evoked", []string{"Lorazepam evoked dopamine release."}, "T:drugA AFFECTS increases T:dopamine"},
		{"reinstated", []string{"Naltrexone reinstated heavy drinking days in rats."}, "T:drugB AFFECTS increases T:drinking"},
	})
}
