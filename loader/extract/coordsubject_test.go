package extract

import "testing"

// TestCoordinatedSubjects: each drug of an "and"/"or" run that is a
// verb's subject gets the claim the pairing gave its nearest member; a
// fronted "Unlike X," is no member, a ", and"
// that opens a clause of its own ends one, and a member named again
// after the run keeps only that later mention's claims.
func TestCoordinatedSubjects(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"run before a relative clause", []string{"Relapse is managed with lorazepam or naltrexone, which reduce craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"fronted comparison", []string{"Unlike CBT, lorazepam and naltrexone reduced craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"a clause of its own", []string{"Patients took lorazepam, and naltrexone reduced craving."},
			"T:drugB AFFECTS decreases T:craving"},
		{"member named again", []string{"Lorazepam and naltrexone reduced anxiety, but naltrexone increased relapse."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugB AFFECTS decreases T:anxiety; T:drugB AFFECTS increases T:relapse"},
	})
}
