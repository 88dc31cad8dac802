package extract

import (
	"strings"
	"testing"
)

// TestClauseStructure: the open reading's clause analyser attaches
// subjects as a parse would (not the nearest argument), reads passives,
// relative clauses, "without", "the effect of ... on" and predicate
// nouns, and resolves anaphors to the previous subject. Sentences use an
// unrelated lexicon, so the rules are tested as general English.
func TestClauseStructure(t *testing.T) {
	runClauseCases(t, []clauseCase{
		{"fronted phrase is no subject", []string{"In older adults with anxiety, naltrexone reduced heavy drinking days."},
			"T:drugB AFFECTS decreases T:drinking"},
		{"passive with agent", []string{"Heavy drinking days were reduced by naltrexone."},
			"T:drugB AFFECTS decreases T:drinking"},
		{"reduced passive", []string{"Sedation caused by lorazepam may increase relapse."},
			"T:sedation AFFECTS increases T:relapse hedged; T:drugA HAS_ADVERSE_EVENT T:sedation; T:drugA AFFECTS increases T:sedation"}, // "may" qualifies its own verb, not the participle before it,
		{"without V-ing is negated", []string{"Naltrexone reduced craving without causing sedation."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS increases T:sedation negated; T:drugB HAS_ADVERSE_EVENT T:sedation negated"},
		{"no effect on", []string{"Lorazepam reduced anxiety.", "It had no effect on relapse."},
			"T:drugA AFFECTS T:relapse negated"},
		{"relative clause", []string{"Lorazepam, which reduces anxiety, increased relapse."},
			"T:drugA AFFECTS decreases T:anxiety; T:drugA AFFECTS increases T:relapse"},
		{"anaphor in a later clause", []string{"Naltrexone reduced craving, and it lowered heavy drinking days."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:drinking"},
		{"denied plural anaphor", []string{"Lorazepam and naltrexone reduced anxiety.", "Neither drug is an agonist at the mu-opioid receptor."},
			"T:drugA AFFECTS increases T:receptor negated; T:drugB AFFECTS increases T:receptor negated"},
		{"predicate noun", []string{"Naltrexone is a potent inhibitor of dopamine release."},
			"T:drugB AFFECTS decreases T:dopamine"},
		{"elliptic subject after but", []string{"Naltrexone reduced craving but did not reduce relapse."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:relapse negated"},
		{"no pair across a clause with its own subject", []string{"Lorazepam increased sedation, and patients reported less anxiety."},
			"T:drugA AFFECTS increases T:sedation"},
		{"its effect on", []string{"Naltrexone blocks the mu-opioid receptor, and this was required for its effect on relapse."},
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS T:relapse"},
		{"no difference between arms", []string{"Craving did not differ between naltrexone and placebo."},
			"T:drugB AFFECTS T:craving negated"},
		{"harm common during treatment", []string{"Sedation is common during lorazepam treatment."},
			"T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"superior on a measure", []string{"Naltrexone was superior to lorazepam on relapse."},
			"T:drugB AFFECTS T:relapse"},
		{"predicate adjective with for", []string{"Lorazepam is effective for alcohol use disorder."},
			"T:drugA STUDIED_TO_TREAT T:aud"},
		{"repeated preposition in a list", []string{"Naltrexone was associated with lower craving and with less anxiety."},
			"T:drugB CORRELATED_WITH decreases T:craving; T:drugB CORRELATED_WITH decreases T:anxiety"},
		{"hedge in a later clause only", []string{"Naltrexone reduced craving, although it may increase sedation."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS increases T:sedation hedged"},
		{"modal after the first verb", []string{"Naltrexone reduces craving and may increase sedation."},
			"T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS increases T:sedation hedged"},
		{"reporting hedge reaches its complement", []string{"These data suggest that naltrexone reduces craving."},
			"T:drugB AFFECTS decreases T:craving hedged"},
		{"untested is proposed", []string{"Whether naltrexone reduces relapse has not been tested."},
			"T:drugB AFFECTS decreases T:relapse proposed"},
		{"a later clause refutes the finding", []string{"Early reports linked naltrexone to anxiety, but these associations were not confirmed in trials."},
			"T:drugB CORRELATED_WITH increases T:anxiety negated; T:drugB HAS_ADVERSE_EVENT T:anxiety negated"},
		{"event anaphor", []string{"Naltrexone increased dopamine release, and this dopamine signal is thought to increase craving."},
			"T:drugB AFFECTS increases T:dopamine; T:dopamine AFFECTS increases T:craving hedged"},
		{"a decrease anaphor turns the sign", []string{"Naltrexone reduced dopamine release, and this reduction correlated with less craving."},
			"T:drugB AFFECTS decreases T:dopamine; T:dopamine CORRELATED_WITH increases T:craving"},
		{"a dose is no effect", []string{"Sedation was common at higher doses in alcohol use disorder."},
			""}, // without the rule: sedation AFFECTS increases AUD
		{"plural verb skips a singular antecedent", []string{"Lorazepam and naltrexone are antagonists of the mu-opioid receptor that reduce craving."},
			"T:drugA AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:craving; T:drugA AFFECTS decreases T:receptor"},
		{"singular verb keeps its antecedent", []string{"Naltrexone blocks the mu-opioid receptor, which reduces craving."},
			"T:drugB AFFECTS decreases T:receptor; T:receptor AFFECTS decreases T:craving"},
		{"examples of the object", []string{"Lorazepam increased withdrawal symptoms such as anxiety and craving."},
			"T:drugA AFFECTS increases KAP:proposed-withdrawal-symptoms; T:drugA AFFECTS increases T:anxiety; T:drugA AFFECTS increases T:craving"},
		{"the authors' proposal", []string{"We propose that naltrexone reduces craving."},
			"T:drugB AFFECTS decreases T:craving hedged proposed"},
		{"a proposal others made is a hedge", []string{"Naltrexone has been proposed to reduce craving."},
			"T:drugB AFFECTS decreases T:craving hedged"},
		{"shared head", []string{"CBT is effective for cocaine and alcohol use disorders."},
			"T:therapy STUDIED_TO_TREAT KAP:proposed-cocaine-use-disorder; T:therapy STUDIED_TO_TREAT T:aud"},
	})
}

// clauseCase is one sentence sequence and the candidates the open reading
// must give its last sentence (describe's form).
type clauseCase struct {
	name string
	text []string // sentences, read in order
	want string   // candidates of the last sentence
}

// runClauseCases reads each case's sentences with the unrelated test
// lexicon and compares the last sentence's candidates.
func runClauseCases(t *testing.T, tests []clauseCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []Sentence
			for i, s := range tt.text {
				ss = append(ss, Sentence{Index: i, Text: s, Section: "Test"})
			}
			var last []Candidate
			for _, c := range ExtractOpen(testLex, ss).Candidates {
				if c.Sentence == len(ss)-1 {
					last = append(last, c)
				}
			}
			if got := describe(last); got != tt.want {
				t.Errorf("%s\ngot:  %s\nwant: %s", strings.Join(tt.text, " "), got, tt.want)
			}
		})
	}
}
