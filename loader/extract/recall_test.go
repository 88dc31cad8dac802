package extract

import "testing"

// TestRecallRules: claim-recall rules of issue 18's last stop, on the
// unrelated test lexicon so that each is tested as general English.
func TestRecallRules(t *testing.T) {
	runClauseCases(t, []clauseCase{
		// harms listed as common or rare, the drug named before
		{"harms said to be common, the drug the previous subject", []string{"Lorazepam reduced heavy drinking days.", "Sedation and anxiety are also common."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety"},
		{"harms said to be common, the one drug the previous sentence named", []string{"Craving affects most patients treated with lorazepam.", "Sedation and anxiety are also common."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA HAS_ADVERSE_EVENT T:anxiety"},
		{"two drugs before: no agent is guessed", []string{"Craving affects most patients on lorazepam and on naltrexone.", "Sedation and anxiety are also common."},
			""},
		{"an adverb of frequency is no predicate adjective", []string{"Craving affects most patients treated with lorazepam.", "Relapse is frequently preceded by anxiety."},
			""},
		{"a drug a cue changes is no agent of harms", []string{"Sedation is common with both agonists, and smoking can reduce naltrexone."},
			""},
		{"a therapy the previous sentence was about has the harms", []string{"CBT reduced craving in older adults.", "Anxiety and sedation at the clinic were the most frequent adverse events."},
			"T:therapy HAS_ADVERSE_EVENT T:anxiety; T:therapy HAS_ADVERSE_EVENT T:sedation"},
		{"a condition that causes the harms is their agent, not the topic", []string{"CBT reduced craving in older adults.", "Alcohol use disorder produces anxiety and sedation."},
			"T:aud AFFECTS increases T:anxiety; T:aud AFFECTS increases T:sedation"},
		{"a later member of a compared list is no agent", []string{"Sedation was more frequent after lorazepam than after CBT or naltrexone."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"a way of giving treatment has no harms", []string{"Slow titration over six weeks reduced craving.", "Anxiety and sedation were also reported."},
			""},
		// comorbidity stated of a population defined by a disorder
		{"a population with a disorder has conditions", []string{"Patients with alcohol use disorder also have high rates of anxiety and craving."},
			"T:aud CORRELATED_WITH increases T:anxiety; T:aud CORRELATED_WITH increases T:craving"},
		{"a population with a clause of its own", []string{"Patients with alcohol use disorder who received lorazepam had less anxiety."},
			"T:drugA AFFECTS decreases T:anxiety"},
		// measures that changed, the agent the drug named before
		{"measures that fell after the drug named before", []string{"Patients received two doses of lorazepam.", "Anxiety and craving decreased significantly after the first session."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS decreases T:craving"},
		{"a measure that acts on an object is no change", []string{"Patients received two doses of lorazepam.", "Anxiety increases craving in the first week."},
			"T:anxiety AFFECTS increases T:craving"},
		{"a sentence with its own drug", []string{"Patients received two doses of lorazepam.", "Anxiety decreased after naltrexone."},
			"T:drugB AFFECTS decreases T:anxiety"}, // not lorazepam's; naltrexone's, read by the clause rules (changedAfter)
		// a drug or transmitter whose amount a verb changes
		{"a drug as the direct object of a verb of increase", []string{"Lorazepam binds weakly to the mu-opioid receptor and raises extracellular naltrexone in the ventral striatum."},
			"T:drugA AFFECTS T:receptor; T:drugA AFFECTS increases T:drugB"},
		{"a pronoun subject raises a drug's amount", []string{"Lorazepam reduced anxiety.", "It also increases naltrexone and decreases dopamine release."},
			"T:drugA AFFECTS decreases T:dopamine; T:drugA AFFECTS increases T:drugB"},
		{"a drug naming a kind of effect is no amount", []string{"Lorazepam produces rapid naltrexone effects."},
			""},
		{"the drug of an of-phrase does not act", []string{"Blockade of presynaptic lorazepam increases naltrexone."},
			""},
		{"a drug after with is no object", []string{"Lorazepam reduced craving when combined with naltrexone."},
			"T:drugA AFFECTS decreases T:craving"},
		// a class's claim is its listed members' claim
		{"a class's claim reaches the drugs it lists", []string{"Agonist-like stimulants such as lorazepam and naltrexone may reduce craving."},
			"KAP:proposed-agonist-like-stimulants AFFECTS decreases T:craving hedged; T:drugA AFFECTS decreases T:craving hedged; T:drugB AFFECTS decreases T:craving hedged"},
		{"a class named by its target keeps its physiology", []string{"GLP-1 receptor agonists such as lorazepam and naltrexone reduce craving."},
			"KAP:proposed-glucagon-like-peptide-1-receptor-agonists AFFECTS decreases T:craving; T:drugA AFFECTS increases KAP:proposed-glp-1-receptor; T:drugB AFFECTS increases KAP:proposed-glp-1-receptor"},
	})
}

// TestImpliedAgentPopulation: a change whose agent came from the previous
// sentence keeps that sentence's population.
func TestImpliedAgentPopulation(t *testing.T) {
	ss := []Sentence{
		{Index: 0, Text: "Older adults received two doses of lorazepam.", Section: "Test"},
		{Index: 1, Text: "Anxiety and craving decreased significantly after the first session.", Section: "Test"},
	}
	n := 0
	for _, c := range ExtractOpen(testLex, ss).Candidates {
		if c.Sentence != 1 {
			continue
		}
		n++
		if c.Subject != "T:drugA" || c.Qualifiers.Population != "T:elderly" {
			t.Errorf("%s -> %s: population %q, want lorazepam's claim in T:elderly", c.Subject, c.Object, c.Qualifiers.Population)
		}
	}
	if n != 2 {
		t.Errorf("%d claims on the second sentence, want 2", n)
	}
}
