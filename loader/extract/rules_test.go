package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// testLex is a small lexicon, unrelated to the seed's wording, so that the
// rules are tested as rules.
var testLex = []LexEntry{
	{ID: "T:drugA", Category: graph.CategoryDrug, Name: "lorazepam"},
	{ID: "T:drugB", Category: graph.CategoryDrug, Name: "naltrexone"},
	{ID: "T:therapy", Category: graph.CategoryTherapy, Name: "cognitive behavioural therapy", Synonyms: []string{"CBT"}},
	{ID: "T:receptor", Category: graph.CategoryMechanism, Name: "mu-opioid receptor"},
	{ID: "T:dopamine", Category: graph.CategoryMechanism, Name: "dopamine release"},
	{ID: "T:bdnf", Category: graph.CategoryMechanism, Name: "BDNF signalling"},
	{ID: "T:craving", Category: graph.CategorySymptom, Name: "craving", Synonyms: []string{"cravings"}},
	{ID: "T:anxiety", Category: graph.CategorySymptom, Name: "anxiety"},
	{ID: "T:relapse", Category: graph.CategoryOutcome, Name: "relapse"},
	{ID: "T:drinking", Category: graph.CategoryOutcome, Name: "heavy drinking days"},
	{ID: "T:aud", Category: graph.CategoryDisorder, Name: "alcohol use disorder", Synonyms: []string{"AUD"}},
	{ID: "T:sedation", Category: graph.CategorySafetyRisk, Name: "sedation"},
	{ID: "T:striatum", Category: graph.CategoryBrainRegion, Name: "ventral striatum"},
	{ID: "T:elderly", Category: graph.CategoryPopulation, Name: "older adults"},
}

func candidatesOf(text string) []Candidate {
	return Extract(testLex, []Sentence{{Index: 0, Text: text, Section: "Test"}}).Candidates
}

func describe(cs []Candidate) string {
	var out []string
	for _, c := range cs {
		s := fmt.Sprintf("%s %s %s %s", c.Subject, c.Predicate, c.Sign, c.Object)
		if c.Negated {
			s += " negated"
		}
		if c.Hedged {
			s += " hedged"
		}
		if c.Modality == graph.ModalityProposed {
			s += " proposed"
		}
		out = append(out, strings.Join(strings.Fields(s), " "))
	}
	return strings.Join(out, "; ")
}

func TestClaimRules(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // candidates as "subject PREDICATE sign object [negated] [hedged]", "; "-joined
	}{
		{"increase verb", "Naltrexone increases BDNF signalling in rodents.", "T:drugB AFFECTS increases T:bdnf"},
		{"decrease verb", "Naltrexone reduced heavy drinking days [3].", "T:drugB AFFECTS decreases T:drinking"},
		{"plural and case folding", "NALTREXONE blocks mu-opioid receptors.", "T:drugB AFFECTS decreases T:receptor"},
		{"hyphen or space", "Naltrexone blocks the mu opioid receptor.", "T:drugB AFFECTS decreases T:receptor"},
		{"passive voice", "Heavy drinking days were reduced by naltrexone.", "T:drugB AFFECTS decreases T:drinking"},
		{"nominal cue", "The trial found a reduction in relapse following naltrexone.", "T:drugB AFFECTS decreases T:relapse"},
		{"nearest cue decides the sign", "Naltrexone leads to lower craving.", "T:drugB AFFECTS decreases T:craving"},
		{"correlation", "Craving is strongly associated with relapse.", "T:craving CORRELATED_WITH increases T:relapse"},
		{"negative correlation", "Trials linked dopamine release to fewer cravings.", "T:dopamine CORRELATED_WITH decreases T:craving"},
		{"chain: each verb its nearest subject (curated reading)", "Naltrexone blocks the mu-opioid receptor and suppresses dopamine release.",
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:dopamine; T:receptor AFFECTS decreases T:dopamine"},
		{"chain: a verb after a relative pronoun takes the nearest noun", "Naltrexone blocks the mu-opioid receptor, which suppresses dopamine release.",
			"T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:dopamine; T:receptor AFFECTS decreases T:dopamine"},
		{"participle after a comma", "Naltrexone reduces dopamine release, leading to less craving.",
			"T:drugB AFFECTS decreases T:dopamine; T:drugB AFFECTS decreases T:craving; T:dopamine AFFECTS decreases T:craving"},
		{"agent noun", "Naltrexone, a mu-opioid receptor antagonist, is licensed.", "T:drugB AFFECTS decreases T:receptor"},
		{"co-intervention is no subject", "Patients receiving naltrexone with CBT showed lower relapse.", "T:drugB AFFECTS decreases T:relapse"},
		{"negation", "Naltrexone did not reduce craving.", "T:drugB AFFECTS decreases T:craving negated"},
		{"negation: failed to", "Lorazepam failed to lower anxiety.", "T:drugA AFFECTS decreases T:anxiety negated"},
		{"hedging", "Naltrexone may reduce craving.", "T:drugB AFFECTS decreases T:craving hedged"},
		{"hedging: suggest", "Studies suggest that naltrexone attenuates craving.", "T:drugB AFFECTS decreases T:craving hedged"},
		{"treatment", "Naltrexone is approved for alcohol use disorder.", "T:drugB STUDIED_TO_TREAT T:aud"},
		{"treatment: disorder first", "In AUD treatment, CBT is common.", "T:therapy STUDIED_TO_TREAT T:aud"},
		{"adverse event", "Lorazepam carries a risk of sedation.", "T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"run-in label", "Reduction in Craving: naltrexone was given for 12 weeks.", "T:drugB AFFECTS decreases T:craving"},
		{"no cue, no claim", "Naltrexone and craving were both measured.", ""},
		{"effects on: no direction", "Naltrexone has effects on craving.", ""},
		{"future research: proposed, not dropped", "Future studies should test whether naltrexone reduces craving.", "T:drugB AFFECTS decreases T:craving proposed"},
		{"recommendation", "Naltrexone should be given for alcohol use disorder.", "T:drugB STUDIED_TO_TREAT T:aud proposed"},
		{"comparison called for", "Comparative studies of naltrexone in AUD treatment are needed.", "T:drugB STUDIED_TO_TREAT T:aud proposed"},
		{"adverse effects listed", "Adverse effects of lorazepam include sedation.", "T:drugA HAS_ADVERSE_EVENT T:sedation"},
		{"harm reported without a drug: the previous sentence's", "Sedation was reported in a third.", ""},
		{"adverse event negated", "No sedation was reported with lorazepam.", "T:drugA HAS_ADVERSE_EVENT T:sedation negated"},
		{"pronoun opening a later clause", "Naltrexone reduced craving, but it did not reduce relapse.", "T:drugB AFFECTS decreases T:craving; T:drugB AFFECTS decreases T:relapse negated"},
		{"no direction: unsigned", "Naltrexone alters dopamine release.", "T:drugB AFFECTS T:dopamine"},
		{"no direction: modulates", "Naltrexone modulates craving.", "T:drugB AFFECTS T:craving"},
		{"needed", "Trials of naltrexone for craving are needed.", ""},
		{"region is a place, not an object", "Naltrexone reduces dopamine release in the ventral striatum.", "T:drugB AFFECTS decreases T:dopamine"},
		{"population is not an object", "Lorazepam increases falls in older adults.", ""},
		{"semicolon separates clauses", "Naltrexone was well tolerated; craving increased in controls.", ""},
		{"look-ahead clause only", "Naltrexone reduced craving, though further research is needed.", "T:drugB AFFECTS decreases T:craving"},
		{"prepositional object is no subject", "It changes the experience of craving, increasing relapse.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(candidatesOf(tt.text)); got != tt.want {
				t.Errorf("%q\n got: %s\nwant: %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestCandidateFields(t *testing.T) {
	s := Sentence{Index: 7, Text: "Naltrexone may reduce craving [4].", Section: "Results", Citations: []int{4}}
	cs := Extract(testLex, []Sentence{s}).Candidates
	if len(cs) != 1 {
		t.Fatalf("got %d candidates, want 1", len(cs))
	}
	c := cs[0]
	if c.Sentence != 7 || c.Section != "Results" || c.Text != s.Text || len(c.Citations) != 1 || c.Cue != "reduce" {
		t.Errorf("candidate does not carry its sentence: %+v", c)
	}
	weakest := graph.EdgeScore(&graph.Edge{Predicate: graph.Affects, Origin: "inferred", Concerns: []string{"c"}}, nil)
	if want := ExtractedFactor * weakest * 0.5; c.Score != want {
		t.Errorf("hedged score = %v, want %v", c.Score, want)
	}
	if unhedged := score(graph.Affects, false); unhedged >= weakest {
		t.Errorf("an extracted candidate (%v) must score below every curated edge (weakest %v)", unhedged, weakest)
	}
}

func TestProposals(t *testing.T) {
	tests := []struct {
		text string
		want string // "id category" pairs of proposed mentions, "; "-joined
	}{
		{"Psilocybin acts on the 5-HT2A receptor.", "KAP:proposed-5-ht2a-receptor Mechanism"},
		{"Kappa opioid receptors mediate dysphoria.", "KAP:proposed-kappa-opioid-receptor Mechanism"},
		{"Rates of cannabis use disorder rose.", "KAP:proposed-cannabis-use-disorder Disorder"},
		{"Heavy drinking days use disorder criteria.", ""}, // "use" here is a verb: no "use disorder" head
		{"Rates of alcohol use disorder rose.", ""},        // the lexicon's own disorder wins
		{"Nicotine dependence is common.", "KAP:proposed-nicotine-dependence Disorder"},
		{"The central executive network was less active.", "KAP:proposed-central-executive-network BrainNetwork"},
		{"Activity in the orbitofrontal cortex fell.", "KAP:proposed-orbitofrontal-cortex BrainRegion"},
		{"Dopamine rises in the nucleus accumbens.", "KAP:proposed-nucleus-accumbens BrainRegion"},
		{"MDMA-assisted therapy was tested.", "KAP:proposed-mdma Drug; KAP:proposed-mdma-assisted-therapy Therapy"},
		{"Intravenous administration of esketamine was safe.", "KAP:proposed-esketamine Drug"},
		{"A single esketamine infusion was given.", "KAP:proposed-esketamine Drug"},
		{"The naltrexone-facilitated approach helped.", ""}, // the lexicon owns naltrexone
		{"Patients used the medication daily.", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Extract(testLex, []Sentence{{Text: tt.text}}).Mentions {
			if m.Proposed {
				if !strings.HasPrefix(m.ID, ProposedPrefix) {
					t.Errorf("%q: proposed id %s lacks %s", tt.text, m.ID, ProposedPrefix)
				}
				got = append(got, m.ID+" "+string(m.Category))
			}
		}
		if g := strings.Join(got, "; "); g != tt.want {
			t.Errorf("%q\n got: %s\nwant: %s", tt.text, g, tt.want)
		}
	}
}

func TestAcronymDefinedInText(t *testing.T) {
	res := Extract(testLex, []Sentence{
		{Index: 0, Text: "MDMA-assisted therapy (MAT) was offered."},
		{Index: 1, Text: "MAT reduced craving."},
	})
	if got := describe(res.Candidates); got != "KAP:proposed-mdma-assisted-therapy AFFECTS decreases T:craving" {
		t.Errorf("got %s", got)
	}
}

func TestCorrelationVerbFirstDefaultsToIncreases(t *testing.T) {
	if got := describe(candidatesOf("Cohort studies linked anxiety to relapse.")); got != "T:anxiety CORRELATED_WITH increases T:relapse" {
		t.Errorf("got %s", got)
	}
}

func TestPronounTakesPreviousTopic(t *testing.T) {
	res := Extract(testLex, []Sentence{
		{Index: 0, Text: "Naltrexone is an established medicine.", Section: "A"},
		{Index: 1, Text: "It lowers craving in most patients.", Section: "A"},
		{Index: 2, Text: "It increases anxiety.", Section: "B"}, // a new section: no antecedent
	})
	if got := describe(res.Candidates); got != "T:drugB AFFECTS decreases T:craving" {
		t.Errorf("got %s", got)
	}
}

func TestUseDisorderExtendsLexiconBehaviour(t *testing.T) {
	lex := append([]LexEntry{{ID: "T:gambling", Category: graph.CategoryOutcome, Name: "gambling use"}}, testLex...)
	var got []string
	for _, m := range Extract(lex, []Sentence{{Text: "Gambling use disorder is rarer than gambling use."}}).Mentions {
		got = append(got, m.ID)
	}
	if g := strings.Join(got, " "); g != "KAP:proposed-gambling-use-disorder T:gambling" {
		t.Errorf("got %s", g)
	}
}

// TestRunInLabels: in a mechanisms section a run-in label that no mention
// covers and that holds no cue names a Mechanism, and it is the subject
// of a body that opens with no argument before its cue.
func TestRunInLabels(t *testing.T) {
	tests := []struct {
		section, text string
		proposed      string // "id category" of proposed mentions
		claims        string
	}{
		{"Proposed Mechanisms", "Reward Sensitivity: Its strength at baseline predicted relapse in two cohorts [2].",
			"KAP:proposed-reward-sensitivity Mechanism", "KAP:proposed-reward-sensitivity CORRELATED_WITH increases T:relapse"},
		{"Mechanisms of Action", "Emotional Breakthrough: Sessions rated as intense reduced cravings at 4 weeks.",
			"KAP:proposed-emotional-breakthrough Mechanism", "KAP:proposed-emotional-breakthrough AFFECTS decreases T:craving"},
		// Outside a mechanisms section a label is only a heading.
		{"Safety", "Reward Sensitivity: Its strength predicted relapse.", "", ""},
		// A label holding a cue states a change; it names nothing.
		{"Mechanisms", "Reduced Anxiety: Patients slept better.", "", ""},
		// A lower-case label is a clause, not a name.
		{"Mechanisms", "In short: naltrexone reduced cravings.", "", "T:drugB AFFECTS decreases T:craving"},
		// The body's own subject wins over the label.
		{"Mechanisms", "Opioid Tone: Naltrexone reduced cravings.", "KAP:proposed-opioid-tone Mechanism", "T:drugB AFFECTS decreases T:craving"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			res := Extract(testLex, []Sentence{{Index: 0, Text: tc.text, Section: tc.section}})
			var got []string
			for _, m := range res.Mentions {
				if m.Proposed {
					got = append(got, m.ID+" "+string(m.Category))
				}
			}
			if g := strings.Join(got, "; "); g != tc.proposed {
				t.Errorf("proposed %q, want %q", g, tc.proposed)
			}
			if g := describe(res.Candidates); g != tc.claims {
				t.Errorf("claims %q, want %q", g, tc.claims)
			}
		})
	}
}

// TestOpenReadingCoordinatedVerbs: the open reading gives coordinated
// verbs their shared subject only.
func TestOpenReadingCoordinatedVerbs(t *testing.T) {
	got := describe(ExtractOpen(testLex, []Sentence{{Text: "Naltrexone blocks the mu-opioid receptor and suppresses dopamine release."}}).Candidates)
	if want := "T:drugB AFFECTS decreases T:receptor; T:drugB AFFECTS decreases T:dopamine"; got != want {
		t.Errorf("got: %s\nwant: %s", got, want)
	}
}

// TestQualifiers: population or species, comparator, time point and dose
// qualify a claim; the population is not one of its ends.
func TestQualifiers(t *testing.T) {
	lex := append(slices.Clone(testLex), LexEntry{ID: "T:rats", Category: graph.CategoryPopulation, Name: "rats"})
	res := Extract(lex, []Sentence{{Text: "In rats, naltrexone 10 mg/kg reduced craving more than placebo at 12 weeks."}})
	if len(res.Candidates) != 1 {
		t.Fatalf("candidates: %s", describe(res.Candidates))
	}
	c := res.Candidates[0]
	want := Qualifiers{Population: "T:rats", Species: true, Comparator: "placebo", Time: "12 weeks", Dose: "10 mg/kg"}
	if c.Subject != "T:drugB" || c.Object != "T:craving" || c.Qualifiers != want {
		t.Errorf("got %s %+v, want T:drugB -> T:craving %+v", describe(res.Candidates), c.Qualifiers, want)
	}
}

func TestShortFormFits(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"GLP-1RAs", "glucagon-like peptide-1 receptor agonists", true},
		{"VTA", "ventral tegmental area", true},
		{"NAC", "N-acetylcysteine", true},
		{"SUDs", "substance use disorders", true},
		{"AUD", "ventral tegmental area", false},
		{"PET", "the treatment", false},
	} {
		if got := shortFormFits(c.short, c.long); got != c.want {
			t.Errorf("shortFormFits(%q, %q) = %v", c.short, c.long, got)
		}
	}
}

// TestOpenReadingVocabularyIdentity: the synonyms of a vocabulary term
// with no id share one proposed id, made from the vocabulary's preferred
// name; an adjective before "infusion" names no drug.
func TestOpenReadingVocabularyIdentity(t *testing.T) {
	res := ExtractOpen(nil, []Sentence{
		{Text: "Insulins lower glucose."},
		{Text: "Insulin also affects appetite."},
		{Text: "A local infusion of the antagonist increased alcohol intake."},
	})
	ids := map[string]map[string]bool{}
	for _, m := range res.Mentions {
		if ids[m.Surface] == nil {
			ids[m.Surface] = map[string]bool{}
		}
		ids[m.Surface][m.ID] = true
	}
	for id := range ids["Insulins"] {
		if !ids["Insulin"][id] {
			t.Errorf("Insulins is %v, Insulin is %v: one vocabulary term, one id", ids["Insulins"], ids["Insulin"])
		}
	}
	if len(ids["Insulins"]) != 1 {
		t.Errorf("Insulins: %v, want one id", ids["Insulins"])
	}
	if len(ids["local"]) > 0 {
		t.Errorf("local named an entity: %v", ids["local"])
	}
}
