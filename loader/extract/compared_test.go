package extract

import "testing"

// TestComparedSubject: a drug named only as what a finding is set against
// ("as effective as X", "more selective than X", "unlike X") is not the
// agent of a verb that follows; the claim goes to the drug the comparison
// is about, or is not made. When the comparison is of the very effect the
// cue names ("as effective as X in reducing Y"), X has it too. "More than
// N" is an amount, no comparator.
func TestComparedSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"as effective as, and a second verb", []string{"Lorazepam appears to be as effective as naltrexone and causes less sedation."},
			"T:drugA AFFECTS decreases T:sedation hedged"},
		{"unlike, fronted", []string{"Unlike naltrexone, which is taken daily, lorazepam is given once, which may reduce craving."},
			"T:drugA AFFECTS decreases T:craving hedged"},
		{"than before a second verb", []string{"Cognitive behavioural therapy reduced anxiety more than lorazepam and also reduced craving."},
			"T:therapy AFFECTS decreases T:anxiety; T:therapy AFFECTS decreases T:craving"},
		{"the compared effect itself", []string{"Lorazepam was as effective as naltrexone in reducing craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"more potent than, in reducing", []string{"Lorazepam was more potent than naltrexone in reducing craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"as well as joins", []string{"Lorazepam as well as naltrexone reduced craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
	})
}

// TestDefinedPopulation: the relative clause that defines a population a
// finding was made in ("in patients who drink to relieve anxiety", "in
// people whose drinking is driven by anxiety") says who was studied; no
// verb before the population reaches its nouns. The sentence's own verb
// after "and" is outside it, and a prepositional phrase ("in patients
// with alcohol use disorder") is not cut.
func TestDefinedPopulation(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"who", []string{"Naltrexone reduced relapse in patients who drink to relieve anxiety."},
			"T:drugB AFFECTS decreases T:relapse"},
		{"whose", []string{"Naltrexone might reduce relapse, particularly in people whose drinking is driven by anxiety."},
			"T:drugB AFFECTS decreases T:relapse hedged"},
		{"those who", []string{"Naltrexone reduced relapse in those who develop anxiety."},
			"T:drugB AFFECTS decreases T:relapse"},
		{"the sentence's verb after and", []string{"Naltrexone accumulates in patients who drink heavily and can cause sedation."},
			"T:drugB AFFECTS increases T:sedation hedged"},
	})
}

// TestUnnamedAntecedent: the verb of a relative clause whose antecedent
// names no entity ("a change that is thought to contribute to X") says
// what that noun does, not what the sentence's subject does. An
// apposition right after an argument ("X, a hormone that reduces Y";
// "increases dopamine release, a change that contributes to relapse")
// renames that argument, which keeps the clause's claim.
func TestUnnamedAntecedent(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"a change that contributes", []string{"Lorazepam increases dopamine release, a change that is thought to contribute to relapse."},
			"T:drugA AFFECTS increases T:dopamine; T:dopamine AFFECTS increases T:relapse hedged"},
		{"an effect that may reduce", []string{"Naltrexone blocks the mu-opioid receptor in vitro, an effect that may reduce craving."},
			"T:drugB AFFECTS decreases T:receptor"},
		{"apposition of the subject", []string{"Naltrexone, a medication that reduces craving, is approved."},
			"T:drugB AFFECTS decreases T:craving"},
	})
}
