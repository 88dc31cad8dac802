package extract

import "testing"

// TestArmClaims: an arm named as the subject ("patients who received X",
// "participants given X") with a verb of having and a comparative says
// what X did to the measure; the arm after "than" is the comparison and
// no agent. The first, third and fifth cases gave no pair with the rule
// off ("given" was read already).
func TestArmClaims(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"who received, than those who received", []string{"Patients who received lorazepam had less craving than those who received placebo."},
			"T:drugA AFFECTS decreases T:craving"},
		{"given, fewer", []string{"Participants given naltrexone reported fewer heavy drinking days."},
			"T:drugB AFFECTS decreases T:drinking"},
		{"treated with, more", []string{"Patients treated with lorazepam had significantly more relapse."},
			"T:drugA AFFECTS increases T:relapse"},
		{"the comparison arm is no agent", []string{"Patients who received placebo had more relapse than those who received lorazepam."},
			""},
		{"hedged as any claim", []string{"Patients who received lorazepam may have less craving."},
			"T:drugA AFFECTS decreases T:craving hedged"},
	})
}
