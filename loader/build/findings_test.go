package build

import "testing"

// findingsTestdata: sentences that report a research result (and so need a
// citation) and sentences that do not, phrased many ways; none of the
// flagged ones shares a topic word with a rule.
var findingsTestdata = []struct {
	sentence string
	list     bool
	finding  bool
}{
	// Reported results.
	{"A 2021 national survey found that 38% of respondents had tried to quit.", false, true},
	{"In a poll of 500 clinicians, most favoured supervised dosing.", false, true},
	{"A registry analysis found that relapse was rarer after three sessions.", false, true},
	{"Smokers given psilocybin were twice as likely to remain abstinent as those given patches.", false, true},
	{"More recent U.S.-based research confirms ketamine's ability to reduce withdrawal-related affective symptoms.", false, true},
	{"Effect sizes were large but confidence intervals were wide.", false, true},
	{"Participants describe a shift in identity from smoker to non-smoker that persists after the session.", false, true},
	{"Abstinence at six months was 80 percent.", false, true},
	{"One in five patients relapsed within a month.", false, true},
	{"Craving scores fell significantly after the second session.", false, true},
	{"Veterans in the cohort reported fewer drinking days than before treatment.", false, true},
	{"Interview data linked the acute experience to lasting change.", false, true},
	{"Heavy drinkers showed a 3-fold rise in retention.", false, true},
	// Not findings.
	{"Tobacco use remains the leading preventable cause of death worldwide.", false, false},
	{"Future research should focus on long-term outcomes and comparative studies with psilocybin.", false, false},
	{"Larger blinded trials with active comparators are needed before routine use.", false, false},
	{"Whether booster sessions help is unknown.", false, false},
	{"This review summarises proposed mechanisms and early randomized data.", false, false},
	{"Clinicians must monitor for misuse in vulnerable populations.", false, false},
	{"The largest cohort, however, was recruited by Dr. Harlow in a community clinic.", false, false},
	{"Ketamine alters activity in the default mode network.", false, false},
	{"Daily smokers with at least one failed quit attempt", true, false},
	{"Three mechanisms are usually proposed:", false, false},
	{"Does integration therapy change the outcome?", false, false},
	{"Ketamine may be most appropriate for dual-diagnosis patients.", false, false},
	{"Psilocybin-assisted therapy is a promising but unproven option for tobacco dependence.", false, false},
}

func TestReportsFinding(t *testing.T) {
	for _, tc := range findingsTestdata {
		if got := reportsFinding(tc.sentence, tc.list); got != tc.finding {
			t.Errorf("reportsFinding(%q) = %v, want %v", tc.sentence, got, tc.finding)
		}
	}
}
