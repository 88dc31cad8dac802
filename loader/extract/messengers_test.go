package extract

import "testing"

// TestMessengerObjects: the body's own transmitters and hormones, which
// the drug resources list as drugs, may be the object of a drug's signed
// claim; not after "of" (the process named is the effect), and not when
// the subject is itself a messenger. The first two cases gave one pair or
// none with the rule off (a drug was never an object but for the first
// of a list).
func TestMessengerObjects(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a list of transmitters released", []string{"Lorazepam releases serotonin, noradrenaline and dopamine."},
			"DRUGBANK:DB00186 AFFECTS increases DRUGBANK:DB08839; DRUGBANK:DB00186 AFFECTS increases DRUGBANK:DB00368; DRUGBANK:DB00186 AFFECTS increases DRUGBANK:DB00988"},
		{"hormones", []string{"Naltrexone raises oxytocin and cortisol."},
			"T:drugB AFFECTS increases DRUGBANK:DB00107; T:drugB AFFECTS increases DRUGBANK:DB00741"},
		{"after of: the process is the effect", []string{"Lorazepam inhibits the reuptake of serotonin and noradrenaline."}, ""},
		{"a messenger acting on a messenger", []string{"Serotonin reduces dopamine in the striatum."}, ""},
	})
}
