package build

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader/review"
)

// TestClassifyStudyCues: each row is one general cue of the design rules
// (docs/study-designs.md), on a made-up reference, and fails without it.
func TestClassifyStudyCues(t *testing.T) {
	cases := []struct {
		name, title, journal string
		citing               []string
		want, basis          string
	}{
		// Blinding makes the narrower design; placebo control alone does not.
		{"double-blind", "Drug X for alcohol use disorder: a randomized, double-blind, placebo-controlled trial", "Addiction", nil, graph.DesignPlaceboRCT, "double-blind"},
		{"placebo-controlled without blinding", "Drug X for alcohol use disorder: a randomized, placebo-controlled trial", "Addiction", nil, graph.DesignRCT, "randomized"},
		{"placebo-controlled alone", "A placebo-controlled trial of drug X for cocaine withdrawal", "Addiction", nil, graph.DesignRCT, "placebo-controlled"},
		{"a trial of", "Trial of drug X for nightmares in veterans", "N Engl J Med", nil, graph.DesignRCT, "Trial of"},
		{"imaging pilot study", "Drug X changes neural reactivity to cues: an fMRI pilot study", "Sci Rep", nil, graph.DesignImaging, "fMRI pilot study"},
		{"connectivity", "Drug X alters the functional connectivity of the claustrum", "Cereb Cortex", nil, graph.DesignImaging, "functional connectivity"},
		{"blood flow", "Two doses of drug X on cerebral blood flow", "Brain", nil, graph.DesignImaging, "cerebral blood flow"},
		{"receptor availability", "Low dopamine D2 receptor availability in people who use drug X", "Am J Psychiatry", nil, graph.DesignImaging, "receptor availability"},
		{"neural circuitry", "Novel stimulation paradigms may attenuate craving-related neural circuitry", "Neuropsychopharmacology", nil, graph.DesignImaging, "neural circuitry"},
		{"resting state", "Drug X decreases resting state connectivity in healthy subjects", "PLoS One", nil, graph.DesignImaging, "resting state"},
		{"knockout", "Drug X intake in receptor knockout lines", "Addict Biol", nil, graph.DesignPreclinical, "knockout"},
		{"placebo as comparator", "A comparison of drug X, drug Y, and placebo for amphetamine dependence", "Am J Psychiatry", nil, graph.DesignRCT, "and placebo"},
		{"pharmacological profile", "Pharmacological profile of drug X, a partial agonist", "Neuropharmacology", nil, graph.DesignPreclinical, "Pharmacological profile"},
		{"EEG", "Neural correlates of the drug X experience assessed with multivariate EEG", "Sci Rep", nil, graph.DesignImaging, "EEG"},
		{"cue reactivity", "Craving for drug X is associated with neural cocaine cue reactivity", "J Stud Alcohol Drugs", nil, graph.DesignImaging, "neural cocaine cue reactivity"},
		{"brain dopamine", "Low level of brain dopamine D2 receptors in people who use drug X", "Am J Psychiatry", nil, graph.DesignImaging, "brain dopamine"},
		{"amygdala reactivity", "Drug X decreases amygdala reactivity in healthy volunteers", "Biol Psychiatry", nil, graph.DesignImaging, "amygdala reactivity"},
		{"imaging journal", "Emotions are altered a month after drug X", "NeuroImage", nil, graph.DesignImaging, "neuroimaging journal"},
		{"topic in an imaging journal", "Default-mode dysfunction in addiction", "NeuroImage", nil, graph.DesignNarrativeReview, "names a topic"},
		{"laboratory dogs", "Drug X potentiates the pressor effects of drug Y in conscious dogs", "J Pharmacol Exp Ther", nil, graph.DesignPreclinical, "dogs"},
		{"sensitization", "Receptor Z in the midbrain is critical for behavioral sensitization to drug X", "Neuron", nil, graph.DesignPreclinical, "behavioral sensitization"},
		{"binding affinities", "Binding affinities and metabolic stability of selected alkaloids", "J Med Chem", nil, graph.DesignPreclinical, "Binding affinities"},
		{"qualitative", "Drug X and recovery from alcohol use disorder: a qualitative interview study", "J Ethnopharmacol", nil, graph.DesignObservational, "qualitative"},
		{"population study", "Drug X not linked to mental health problems: a population study", "J Psychopharmacol", nil, graph.DesignObservational, "population study"},
		{"follow up unhyphenated", "Loss of tolerance and overdose after inpatient detoxification: follow up study", "BMJ", nil, graph.DesignFollowUp, "follow up study"},
		{"predictive of", "Stress responses are predictive of relapse outcomes", "Arch Gen Psychiatry", nil, graph.DesignObservational, "are predictive of"},
		{"advances in", "Advances in the science and treatment of alcohol use disorder", "Sci Adv", nil, graph.DesignNarrativeReview, "Advances in"},
		{"assessment and treatment of", "Assessment and treatment of insomnia in adults with alcohol use disorder", "Alcohol", nil, graph.DesignNarrativeReview, "Assessment and treatment of"},
		{"organisation's report", "European Drug Report 2023: Trends and Developments", "", nil, graph.DesignUnclassified, "European Drug Report"},
		{"global report", "Global status report on alcohol and health", "", nil, graph.DesignUnclassified, "Global status report"},
		{"practice guidance", "Diagnosis and treatment of liver disease: 2019 practice guidance from a society", "Hepatology", nil, graph.DesignGuideline, "practice guidance"},
		{"prospective", "Changes in drug use after ceremonies: a naturalistic prospective study", "J Psychopharmacol", nil, graph.DesignCohort, "prospective"},
		{"survey over naturalistic", "Smoking cessation after naturalistic drug use: an online survey", "J Psychoactive Drugs", nil, graph.DesignObservational, "survey"},
		{"pharmacovigilance", "Adverse effects of drug X: safety signals in pharmacovigilance data", "Drug Saf", nil, graph.DesignObservational, "pharmacovigilance"},
		{"burden of disease", "The burden of disease attributable to drug use: a systematic analysis", "Lancet Psychiatry", nil, graph.DesignObservational, "burden of disease"},
		{"place preference", "Drug X after conditioning alters expression of place preference", "Drug Alcohol Depend", nil, graph.DesignPreclinical, "place preference"},
		{"G-protein", "Drug X is a G-protein biased kappa-opioid receptor agonist", "Neuropharmacology", nil, graph.DesignPreclinical, "G-protein"},
		{"clinical potential", "Drug X for alcohol use disorders: clinical potential", "Drugs", nil, graph.DesignNarrativeReview, "clinical potential"},
		{"potential mechanisms", "Drug X for addiction: evidence and potential mechanisms", "Neuropharmacology", nil, graph.DesignNarrativeReview, "potential mechanisms"},
		{"topic opener", "Role of alpha2-agonists in the treatment of acute alcohol withdrawal", "Ann Pharmacother", nil, graph.DesignNarrativeReview, "Role of"},
		{"topic opener vetoed by outcomes", "Treatment of opioid use disorder with drug X: detoxification and drug use outcomes", "Am J Drug Alcohol Abuse", nil, graph.DesignUnclassified, "neither"},
		{"Trends journal", "Social effects of drug X in humans: context and person matter", "Trends in Cognitive Sciences", nil, graph.DesignNarrativeReview, "review journal"},
		{"Expert Opin journal", "Drug X for alcohol use disorders: what is new", "Expert Opin Pharmacother", nil, graph.DesignNarrativeReview, "review journal"},
		{"controlled clinical study", "Drug X, hypnosis and alcoholism: a controlled clinical study", "Monogr Psychiatry", nil, graph.DesignControlled, "controlled clinical study"},
		{"uncontrolled stays open-label", "Drug X for cocaine use: an uncontrolled study", "Addiction", nil, graph.DesignOpenLabel, "uncontrolled"},
		{"human laboratory", "Drug X-induced alterations in human ethanol intoxication", "Am J Psychiatry",
			[]string{"In human laboratory paradigms, drug X reduced alcohol-induced stimulation [10]."}, graph.DesignControlled, "human laborator"},
		{"a trial named as one", "Moderation of drug X's efficacy by withdrawal symptoms", "Am J Psychiatry",
			[]string{"In a subsequent trial, the effect of drug X was confined to participants with high withdrawal symptoms (14)."}, graph.DesignRCT, "subsequent trial"},
		{"trials in general are no design", "Mystical experience and outcome in drug X therapy", "J Psychedelic Stud",
			[]string{"This observation has been repeated in modern psilocybin trials.12"}, graph.DesignUnclassified, "neither"},
		{"population described", "Drug X use and associated overdose deaths among US adults", "JAMA Psychiatry", nil, graph.DesignObservational, "among US adults"},
		{"population given a treatment", "Extended-release drug X for dependence among men who have sex with men", "Addiction", nil, graph.DesignNarrativeReview, "names a topic"},
		{"burden of", "The burden of co-occurring alcohol use disorder and PTSD in U.S. military veterans", "Addiction", nil, graph.DesignObservational, "burden of"},
		{"Cochrane abbreviated", "Drug X for alcohol use disorder", "Cochrane Database Syst Rev", nil, graph.DesignSystematicReview, "Cochrane Database"},
		{"Cochrane review in the text", "Drug X drugs for cocaine dependence", "Some Journal",
			[]string{"In a Cochrane review, drug X was associated with a modest increase in abstinence.22"}, graph.DesignSystematicReview, "Cochrane review"},
		{"pilot, randomised by the review", "A pilot trial of drug X for alcohol dependence", "Alcohol Clin Exp Res",
			[]string{"Simpson and colleagues randomized 24 men to drug X or placebo for six weeks (11)."}, graph.DesignPilotRCT, "pilot trial"},
		{"pilot, nothing more said", "A pilot trial of drug X for alcohol dependence", "Alcohol Clin Exp Res",
			[]string{"Drug X reduced drinking in a small sample (11)."}, graph.DesignOpenLabel, "pilot trial"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, level, basis := ClassifyStudy(review.Reference{Title: c.title, Journal: c.journal}, c.citing)
			if d != c.want {
				t.Errorf("ClassifyStudy(%q, %q) = %q (%s), want %q", c.title, c.journal, d, basis, c.want)
			}
			if level != graph.EvidenceLevel(d) {
				t.Errorf("level %d, want %d for %q", level, graph.EvidenceLevel(d), d)
			}
			if !strings.Contains(basis, c.basis) {
				t.Errorf("basis %q does not name %q", basis, c.basis)
			}
		})
	}
}

// TestContinuation: the sentence after one whose subject is the cited
// authors describes the same study, unless it cites something itself or
// starts another paragraph.
func TestContinuation(t *testing.T) {
	ps := func(second review.Passage) []review.Passage {
		return []review.Passage{
			{Index: 0, Section: 1, Paragraph: 2, Text: "Kessler and colleagues (2014) tested a lower dose in 138 heavy drinkers."},
			second,
		}
	}
	next := review.Passage{Index: 1, Section: 1, Paragraph: 2, Text: "Topiramate reduced heavy drinking days relative to placebo."}
	c := review.Citation{Passage: 0, Kind: "author-year", FirstAuthor: "Kessler", Year: 2014}
	cases := []struct {
		name   string
		ps     []review.Passage
		c      review.Citation
		cited  map[int]bool
		want   string
		wantOK bool
	}{
		{"authors as subject", ps(next), c, nil, next.Text, true},
		{"et al.", []review.Passage{{Section: 1, Paragraph: 2, Text: "Kessler et al. (2014) tested a lower dose."}, next}, c, nil, next.Text, true},
		{"next sentence cites another", ps(next), c, map[int]bool{1: true}, "", false},
		{"next paragraph", ps(review.Passage{Index: 1, Section: 1, Paragraph: 3, Text: next.Text}), c, nil, "", false},
		{"citation not the subject", []review.Passage{{Section: 1, Paragraph: 2, Text: "Topiramate helped some drinkers (Kessler et al., 2014)."}, next}, c, nil, "", false},
		{"another author is the subject", ps(next), review.Citation{Passage: 0, Kind: "author-year", FirstAuthor: "Smith", Year: 2014}, nil, "", false},
		{"last passage", ps(next)[:1], c, nil, "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := continuation(tc.ps, tc.c, tc.cited)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("continuation = %q, %v; want %q, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
	// Read after the citing sentence: its words decide first, the
	// continuation's only when it says nothing.
	d, _, basis := ClassifyStudy(review.Reference{Title: "Topiramate for heavy drinkers: moderation by a polymorphism"}, []string{ps(next)[0].Text, next.Text})
	if d != graph.DesignRCT || !strings.Contains(basis, "relative to placebo") {
		t.Errorf("with the continuation: %q (%s), want %q from \"relative to placebo\"", d, basis, graph.DesignRCT)
	}
}
