package extract

import (
	"slices"
	"testing"
)

// TestOutcomeEnds holds the outcome-span rules of outcomeends.go: each
// row names a sentence, a surface it must name, and a surface it must not
// (a span too long or too short), or "" for none.
func TestOutcomeEnds(t *testing.T) {
	for _, c := range []struct {
		rule, text, want, not string
	}{
		// "relapse to X" names the relapse with what it returns to; after
		// a plural population or a pronoun "relapse" is the verb.
		{"relapse to X", "Poor sleep predicts relapse to drinking in older adults.", "relapse to drinking", "relapse"},
		{"relapse to X", "Stress triggers relapse to cocaine seeking in rats.", "relapse to cocaine seeking", "cocaine seeking"},
		{"relapse to X", "Craving predicted early lapse to heroin use after discharge.", "lapse to heroin use", ""},
		{"relapse to X", "Many smokers relapse to smoking within a week.", "", "relapse to smoking"},
		{"relapse to X", "Those who relapse to heavy drinking rarely return to care.", "", "relapse to heavy drinking"},
		// A manner adverb before a participle names a kind with it; an
		// adverb of degree does not.
		{"manner adverb", "Socially supported detoxification improved retention in older adults.", "Socially supported detoxification", "supported detoxification"},
		{"manner adverb", "Sexually transmitted infections are common among people who inject stimulants.", "Sexually transmitted infections", "transmitted infections"},
		{"manner adverb", "Naltrexone substantially reduced craving in older adults.", "craving", "substantially reduced craving"},
		// A drug's effect named by its kind is an outcome; a kind that
		// names it only with its drug takes the drug.
		{"kind of effect", "Nalmefene blunted the aversive effects of stress in rats.", "aversive effects", ""},
		{"kind of effect", "Ketamine produces antidepressant effects within hours.", "antidepressant effects", ""},
		{"kind of effect", "Naltrexone blunted the rewarding effects of alcohol in heavy drinkers.", "rewarding effects of alcohol", "alcohol"},
		{"kind of effect", "Gabapentin may enhance the euphoric effects of opioids.", "euphoric effects of opioids", "opioids"},
		{"kind of effect", "The rewarding effects were smaller.", "", "rewarding effects"},
		// Misuse is a harm of a medicine, alone or of a substance.
		{"misuse", "Clonidine carries a small risk of misuse in people who use opioids.", "misuse", ""},
		{"misuse", "Gabapentin is linked to opioid misuse in older adults.", "opioid misuse", ""},
		// Modifiers that are no drug name a kind of the harm they precede.
		{"kind of a harm", "Stopping clonidine abruptly can cause rebound hypertension.", "rebound hypertension", "hypertension"},
		{"kind of a harm", "Opioid withdrawal brings pain hypersensitivity and insomnia.", "pain hypersensitivity", "hypersensitivity"},
		{"kind of a harm", "Chronic morphine produced stress-induced hyperalgesia in mice.", "stress-induced hyperalgesia", "hyperalgesia"},
		// A laboratory code in parts after a role noun is one drug name.
		{"code after a role", "The antagonist QX4-207 reduced heroin seeking in rats.", "QX4-207", ""},
		{"code after a role", "The kappa agonists U69,593 and enadoline produced dysphoria.", "U69,593", ""},
		// A participle the tagger read as a verb form names the harm's
		// kind after a preposition or a verb, as one read as an adjective.
		{"kind participle", "Induction is harder now, because precipitated withdrawal is more frequent.", "precipitated withdrawal", ""},
		{"kind participle", "Patients who experience precipitated withdrawal rarely try again.", "precipitated withdrawal", ""},
		{"kind participle", "Nalmefene precipitated withdrawal in dependent mice.", "", "precipitated withdrawal"},
		// A plural role noun after a substance class word names a class;
		// its members' names after it keep the role a descriptor.
		{"class of a substance", "Heroin dependence is treated best with opioid agonists, which lower mortality.", "opioid agonists", ""},
		{"class of a substance", "The cannabinoid antagonists rimonabant and taranabant reduced food intake.", "rimonabant", "cannabinoid antagonists"},
		// How a drug acts on its target is no part of the target's name.
		{"target of a descriptor", "The selective NK1R antagonist GR-205171 reduced alcohol craving in rats.", "NK1R", "selective NK1R"},
		{"target of a descriptor", "The partial 5-HT1A agonist buspirone lowered anxiety in smokers.", "5-HT1A", "partial 5-HT1A"},
	} {
		wantSpan(t, c.rule, c.text, c.want, c.not)
	}
}

// openClaims is the claims ExtractOpen reads in one sentence, each as
// "subject sign object" by surfaces.
func openClaims(text string) []string {
	res := ExtractOpen(nil, []Sentence{{Index: 0, Line: 1, Text: text}})
	surface := map[string]string{}
	for _, m := range res.Mentions {
		surface[m.ID] = m.Surface
	}
	var out []string
	for _, c := range res.Candidates {
		out = append(out, surface[c.Subject]+" "+string(c.Sign)+" "+surface[c.Object])
	}
	return out
}

// TestTakingOutcomes: drinking alone is an outcome a drug changes, and
// improving the taking of a substance is less of it.
func TestTakingOutcomes(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Gabapentin reduced drinking in outpatients.", "Gabapentin decreases drinking"},
		{"Topiramate failed to reduce anxiety or drinking in veterans.", "Topiramate decreases drinking"},
		{"Baclofen led to an improvement in drinking.", "Baclofen decreases drinking"},
		{"Lorazepam improved cannabis use in the trial.", "Lorazepam decreases cannabis use"},
	} {
		if got := openClaims(c.text); !slices.Contains(got, c.want) {
			t.Errorf("%q: claims %q, want %q", c.text, got, c.want)
		}
	}
}

// TestContrastedAway: what "rather than" or "instead of" sets aside is
// denied, whatever prepositions and determiners stand between.
func TestContrastedAway(t *testing.T) {
	tests := []struct {
		sentence, object string
		want             bool
	}{
		{"The drug acts on withdrawal rather than on the rewarding effect of alcohol.", "rewarding", true},
		{"The drug acts on withdrawal instead of the craving it was meant to treat.", "craving", true},
		{"The drug reduced craving rather than drinking.", "drinking", true},
		{"The drug reduced craving and drinking.", "drinking", false},
		{"Rather than sedation, the drug produced craving.", "craving", false},
	}
	for _, tc := range tests {
		ts := tokenize(tc.sentence)
		k := -1
		for i, tok := range ts {
			if tok.low == tc.object {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no token %q", tc.sentence, tc.object)
		}
		if got := contrastedAway(ts, k); got != tc.want {
			t.Errorf("contrastedAway(%q, %q) = %v, want %v", tc.sentence, tc.object, got, tc.want)
		}
	}
}
