package extract

import (
	"slices"
	"testing"
)

// reviewSurfaces reads sentences as one review and gives the surfaces
// each names, in order.
func reviewSurfaces(texts ...string) [][]string {
	sents := make([]Sentence, len(texts))
	for i, t := range texts {
		sents[i] = Sentence{Index: i, Line: i + 1, Text: t}
	}
	res := ExtractOpen(nil, sents)
	out := make([][]string, len(texts))
	for _, m := range res.Mentions {
		out[m.Sentence] = append(out[m.Sentence], m.Surface)
	}
	return out
}

// TestMixedCaseShortForms: a receptor's short form in mixed case with a
// number ("mGluR5"), defined in brackets after its name, names it for the
// rest of the review; before a class's plural short form or a noun of
// blocking it is no name of its own.
func TestMixedCaseShortForms(t *testing.T) {
	def := "The metabotropic opioid receptor 2 (mOpR2) shapes this signal."
	for _, c := range []struct {
		later, want, not string
	}{
		{"Sleep loss depends on mOpR2 in the thalamus.", "mOpR2", ""},
		{"Mice lacking mOpR2 drank less alcohol.", "mOpR2", ""},
		{"In rats, mOpR2 NAMs reduced alcohol seeking.", "", "mOpR2"},
		{"We propose that mOpR2 blockade lowers alcohol seeking.", "", "mOpR2"},
	} {
		got := reviewSurfaces(def, c.later)
		if !slices.Contains(got[0], "mOpR2") {
			t.Fatalf("%q names %q, want the short form among them", def, got[0])
		}
		if c.want != "" && !slices.Contains(got[1], c.want) {
			t.Errorf("%q names %q, want %q among them", c.later, got[1], c.want)
		}
		if c.not != "" && slices.Contains(got[1], c.not) {
			t.Errorf("%q names %q, want no span %q", c.later, got[1], c.not)
		}
	}
	for _, s := range []string{"mGluR5", "mOpR2", "CB1r"} {
		if !mixedCaseCode(s) {
			t.Errorf("mixedCaseCode(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"18-MC", "5HTx", "Homer", "receptor5", "T4"} {
		if mixedCaseCode(s) {
			t.Errorf("mixedCaseCode(%q) = true, want false", s)
		}
	}
}

// TestSubstanceFree: a substance hyphen-joined to "free" names a measure
// of abstinence with the nouns after it, not the substance.
func TestSubstanceFree(t *testing.T) {
	for _, c := range []struct {
		text, want, not string
	}{
		{"Naltrexone increased the number of heroin-free weeks in the trial.", "heroin-free weeks", "heroin"},
		{"The vaccine raised the rate of nicotine-free urine tests in smokers.", "nicotine-free urine tests", "nicotine"},
		{"Most patients stayed alcohol-free during the first month.", "alcohol-free", "alcohol"},
		{"Alcohol use rose sharply in the first month.", "Alcohol use", ""},
	} {
		got := mentionSurfaces(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, want no span %q", c.text, got, c.not)
		}
	}
}

// TestVerbSeriesObjects: in "S raised A, lowered B and improved C" each
// direction verb takes its own object, even one the tagger read as a
// participle; after a correlation a participle only describes its noun.
func TestVerbSeriesObjects(t *testing.T) {
	for _, c := range []struct {
		text, want, not string
	}{
		{"In a trial in 90 outpatients, naltrexone increased the rate of heroin-free weeks, lowered craving and improved retention (4).", "naltrexone increases retention", "naltrexone decreases retention"},
	} {
		got := openClaims(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q: claims %q, want %q", c.text, got, c.want)
		}
		if slices.Contains(got, c.not) {
			t.Errorf("%q: claims %q, want no %q", c.text, got, c.not)
		}
	}
}

// TestOutcomeComplement: "retention in treatment" is named with what the
// patients stayed in; a time or a study after "in" is no part of it.
func TestOutcomeComplement(t *testing.T) {
	for _, c := range []struct {
		text, want, not string
	}{
		{"Methadone improved retention in treatment among older adults.", "retention in treatment", "retention"},
		{"Contingency management raised retention in care at six months.", "retention in care", "retention"},
		{"Retention in week 12 was higher with buprenorphine.", "", "Retention in week"},
		{"Retention in lithium trials was poor.", "", "Retention in lithium"},
	} {
		got := mentionSurfaces(c.text)
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, want no span %q", c.text, got, c.not)
		}
	}
}

// TestMeasureOfSubstance: a measure of a substance or of a learned
// response is named with what it measures.
func TestMeasureOfSubstance(t *testing.T) {
	for _, c := range []struct {
		text, want, not string
	}{
		{"Fluvoxamine raised plasma concentrations of clozapine in two patients.", "plasma concentrations of clozapine", "clozapine"},
		{"Propranolol impaired the extinction of conditioned fear in rats.", "extinction of conditioned fear", ""},
		{"Baclofen blocked the incubation of craving for sucrose.", "incubation of craving", ""},
		{"Reserpine reduced the efflux of dopamine from striatal slices.", "efflux of dopamine", "dopamine"},
	} {
		got := mentionSurfaces(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, want no span %q", c.text, got, c.not)
		}
	}
}

// TestNotParticiple: a word with an ending no past participle has is a
// noun where the tagger read a participle ("its own abuse/VBN
// potential"); whose a thing is ("its own") is no part of its name.
func TestNotParticiple(t *testing.T) {
	for w, want := range map[string]bool{"abuse": true, "misuse": true, "release": true, "dose": true, "relapse": true,
		"abused": false, "released": false, "given": false, "made": false, "done": false, "led": false} {
		if got := notParticiple(w); got != want {
			t.Errorf("notParticiple(%q) = %v, want %v", w, got, want)
		}
	}
	got := mentionSurfaces("Gabapentin has its own withdrawal syndrome in heavy users.")
	if !slices.Contains(got, "withdrawal syndrome") || slices.Contains(got, "own withdrawal syndrome") {
		t.Errorf("names %q, want \"withdrawal syndrome\" without \"own\"", got)
	}
}

// TestAdjectiveAndVerbTags: "-sive" and "-ctive" words are adjectives,
// never verbs ("reduces depressive/VBP symptoms"); a cue verb's "-s" form
// after a noun and an adverb is the verb of a clause that ", and" opens,
// whatever verb came before the comma.
func TestAdjectiveAndVerbTags(t *testing.T) {
	for _, w := range []string{"depressive", "aggressive", "addictive", "protective"} {
		if !adjectiveShape(w) {
			t.Errorf("adjectiveShape(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"drive", "give", "receive", "survive"} {
		if adjectiveShape(w) {
			t.Errorf("adjectiveShape(%q) = true, want false", w)
		}
	}
	texts := []string{"Psychosis is frequent in this group, and clozapine rapidly reduces aggressive behaviour in inpatients.",
		"Anxiety is common in withdrawal, and ketamine quickly reduces depressive symptoms in smokers."}
	text := texts[0]
	ts := tokenize(text)
	tags := tagSentences(texts)[0]
	for k, tok := range ts {
		if tok.low == "reduces" && tags[k] != "VBZ" {
			t.Errorf("%q: reduces/%s, want VBZ (tags %q)", text, tags[k], tags)
		}
	}
}

// TestCompletionHead: "completion" heads an outcome ("treatment
// completion", "taper completion"), and alone names nothing.
func TestCompletionHead(t *testing.T) {
	for _, c := range []struct {
		text, want, not string
	}{
		{"Clonidine increased treatment completion in inpatients.", "treatment completion", ""},
		{"Taper completion was higher with counselling.", "Taper completion", ""},
		{"Completion was poor in the first month.", "", "Completion"},
	} {
		got := mentionSurfaces(c.text)
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, want no span %q", c.text, got, c.not)
		}
	}
}
