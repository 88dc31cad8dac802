package extract

import "testing"

// TestComparedSubject: a drug named only as what a finding is set against
// ("as effective as X", "more selective than X", "unlike X") is not the
// agent of a verb that follows; the claim goes to the drug the comparison
// is about, or is not made. Two amounts of one drug ("after 25 mg than
// after 1 mg of X") are no comparison of drugs: X keeps the finding. When the comparison is of the very effect the
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
		{"two amounts of one drug", []string{"Sedation was reported more often after 25 mg than after 1 mg of lorazepam."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"two amounts, versus", []string{"Sedation was more common at 10 mg versus 2 mg of naltrexone."},
			"T:drugB HAS_ADVERSE_EVENT T:sedation"},
	})
}

// TestDefinedPopulation: the relative clause that defines a population a
// finding was made in ("in patients who drink to relieve anxiety", "in
// people whose drinking is driven by anxiety") says who was studied; no
// verb before the population reaches its nouns, though the clause's own
// verb does. The sentence's own verb
// after "and" is outside it, and a prepositional phrase ("in patients
// with alcohol use disorder") is not cut.
func TestDefinedPopulation(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"who", []string{"Naltrexone reduced relapse in patients who drink to relieve anxiety."},
			"T:drugB AFFECTS decreases T:relapse"},
		// The clause's own statement stays: anxiety drives these people's
		// drinking (the blind 12-07 gold records such claims).
		{"whose", []string{"Naltrexone might reduce relapse, particularly in people whose drinking is driven by anxiety."},
			"T:drugB AFFECTS decreases T:relapse hedged; T:anxiety AFFECTS increases KAP:proposed-drinking hedged"},
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

// TestDefinedPopulationSubject: a noun of a population's defining clause
// is no agent of a verb outside it ("improved sleep in people who use
// lorazepam but had no effect on relapse").
func TestDefinedPopulationSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"verb after the clause", []string{"Naltrexone improved anxiety in people who use lorazepam but had inconsistent effects on relapse."},
			"T:drugB AFFECTS decreases T:anxiety; T:drugB AFFECTS increases T:relapse hedged"}, // improved anxiety is less anxiety (improvement.go)
		{"withdrawal after who use", []string{"Because naltrexone is an antagonist, it can precipitate anxiety in people who also use lorazepam."},
			"T:drugB AFFECTS increases T:anxiety"},
	})
}

// TestPopulationClauseEnds: the defining clause of a population after
// "in" or "among" holds the nouns from "who" or "whose" to the next
// punctuation or "and"/"but" before a verb; a claim with one end inside
// and the other outside is cut either way round, and one with both ends
// inside or both outside is not.
func TestPopulationClauseEnds(t *testing.T) {
	text := "Bupropion improved memory in people who use cocaine but had no effect on relapse, and naltrexone reduced craving."
	ts := tokenize(text)
	tags := tagSentences([]string{text})[0]
	at := func(w string) Mention {
		for k, tk := range ts {
			if tk.low == w {
				return Mention{first: k, last: k + 1}
			}
		}
		t.Fatalf("no %q", w)
		return Mention{}
	}
	for _, c := range []struct {
		a, b string
		cut  bool
	}{
		{"bupropion", "cocaine", true}, // object inside
		{"cocaine", "relapse", true},   // subject inside, verb outside
		{"bupropion", "memory", false}, // both before
		{"bupropion", "relapse", false},
		{"naltrexone", "craving", false}, // after the clause's end
		{"people", "cocaine", true},
	} {
		if got := definedPopulation(ts, tags, at(c.a), at(c.b)); got != c.cut {
			t.Errorf("%s -> %s: cut %v, want %v", c.a, c.b, got, c.cut)
		}
	}
}

// TestFrontedSetting: the prepositional phrase a sentence opens with sets
// the time, place or study; a term in it that is no drug or therapy is
// no agent of the verb after its comma. "Comparing X with Y" makes Y a
// comparator.
func TestFrontedSetting(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"during", []string{"During relapse, lorazepam reduced craving."},
			"T:drugA AFFECTS decreases T:craving"},
		{"in a trial", []string{"In an anxiety trial, lorazepam was as effective as naltrexone in reducing craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:craving"},
		{"comparing with", []string{"Trials comparing lorazepam with naltrexone for alcohol use disorder are needed."},
			"T:drugA STUDIED_TO_TREAT T:aud proposed"},
	})
}

// TestDuringPhrase: a term after "during" or "throughout" says when a
// finding held; no verb takes it as its object.
func TestDuringPhrase(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"during", []string{"Naltrexone reduced craving during relapse."},
			"T:drugB AFFECTS decreases T:craving"},
		{"throughout", []string{"Lorazepam lowered anxiety throughout the early relapse period."},
			"T:drugA AFFECTS decreases T:anxiety"},
	})
}

// TestAgentNounSubject: an agent noun ("inhibitor", "antagonist",
// "antagonism") names what a drug is; a receptor, process or effect
// named near it is not its agent. A correlation's agent noun
// ("predictor", "risk factor") is left alone.
func TestAgentNounSubject(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"effect before the agent noun", []string{"The anxiety was blocked by the mu-opioid receptor antagonist naltrexone."},
			"T:drugB AFFECTS decreases KAP:proposed-mu-opioid-receptor; T:drugB AFFECTS decreases T:anxiety"},
		{"receptor before antagonism", []string{"Naltrexone is an antagonist at the mu-opioid receptor, with weaker antagonism at BDNF signalling."},
			"T:drugB AFFECTS decreases T:bdnf; T:drugB AFFECTS decreases T:receptor"},
	})
}

// TestClauseSubjectTaggedAdjective: ", and" + a name the tagger read as
// an adjective + a finite verb still opens a clause with a subject of
// its own (clausesubject.go): no claim joins the first clause's object
// to the second clause's.
func TestClauseSubjectTaggedAdjective(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"drug tagged JJ", []string{"Both can cause anxiety and sedation, and lofexidine appears to cause less sedation than clonidine."},
			"DRUGBANK:DB04948 AFFECTS decreases T:sedation hedged; DRUGBANK:DB04948 HAS_ADVERSE_EVENT T:anxiety hedged; DRUGBANK:DB04948 HAS_ADVERSE_EVENT T:sedation hedged"},
	})
}
