package extract

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestChemicalNames: a research compound's code and a metabolite named by
// a chemical prefix on a listed drug are drugs on a review nobody curated;
// a trial registration, a cytochrome and an ordinary word with a prefix's
// letters are not.
func TestChemicalNames(t *testing.T) {
	tests := []struct {
		text    string
		surface string
		drug    bool
	}{
		{"Modulators such as GS39783 reduced alcohol self-administration in rats.", "GS39783", true},
		{"The effect was absent after WAY-100635 was given.", "WAY-100635", true},
		{"Its metabolite persists, and noribogaine inhibits the serotonin transporter.", "noribogaine", true},
		{"Tetrahydroharmine weakly inhibits serotonin reuptake.", "Tetrahydroharmine", true},
		{"The trial NCT01234567 enrolled adults with alcohol use disorder.", "NCT01234567", false},
		{"CYP2D6 metabolises ibogaine.", "CYP2D6", false},
		{"Normal sleep returned after two weeks.", "Normal", false},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		got := false
		for _, m := range res.Mentions {
			if m.Surface == tt.surface && m.Category == graph.CategoryDrug {
				got = true
			}
		}
		if got != tt.drug {
			t.Errorf("%q: %q read as a drug: %v, want %v (%v)", tt.text, tt.surface, got, tt.drug, res.Mentions)
		}
	}
}

// TestIsoforms: a molecule's name takes its isoform's letter or number.
func TestIsoforms(t *testing.T) {
	tests := []struct {
		text, want, notWant string
	}{
		{"Beta-carbolines inhibit monoamine oxidase A in the gut.", "monoamine oxidase A", "monoamine oxidase"},
		{"Methamphetamine inhibits vesicular monoamine transporter 2 in dopamine terminals.", "vesicular monoamine transporter 2", ""},
		{"NAC stimulates metabotropic glutamate receptors 2/3 in the accumbens.", "", "metabotropic glutamate receptors 2"},
		{"The transporter 2 weeks later was unchanged.", "", "transporter 2"},
	}
	for _, tt := range tests {
		res := ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}})
		var got []string
		for _, m := range res.Mentions {
			got = append(got, m.Surface)
		}
		if tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%q: no mention %q in %q", tt.text, tt.want, got)
		}
		if tt.notWant != "" && slices.Contains(got, tt.notWant) {
			t.Errorf("%q: %q is a mention: %q", tt.text, tt.notWant, got)
		}
	}
}

// TestNounOnly: a noun English never uses as a verb stays in its noun
// phrase when the tagger reads it as one.
func TestNounOnly(t *testing.T) {
	for w, want := range map[string]bool{"intake": true, "efflux": true, "consumption": true, "availability": true,
		"contingency": true, "pregnancies": true, "function": false, "transition": false, "condition": false, "supplement": false, "reduce": false} {
		if got := nounOnly(w); got != want {
			t.Errorf("nounOnly(%q) = %v, want %v", w, got, want)
		}
	}
	for _, tt := range []struct {
		text []string
		want string
	}{
		{[]string{"In a secondary analysis, dulaglutide reduced alcohol intake by 29% relative to placebo over 12 weeks."}, "alcohol intake"},
		// Tagged as one document, the second sentence made the tagger
		// read "contingency" as a verb in both.
		{[]string{"Cognitive behavioural therapy and contingency management are effective for cocaine use disorder.",
			"NAC may be considered as an adjunct to contingency management for adolescents with cannabis use disorder."}, "contingency management"},
	} {
		var ss []Sentence
		for i, x := range tt.text {
			ss = append(ss, Sentence{Index: i, Text: x, Section: "Test"})
		}
		n := 0
		for _, m := range ExtractOpen(nil, ss).Mentions {
			if m.Surface == tt.want {
				n++
			}
		}
		if n != len(tt.text) {
			t.Errorf("%q: %q found in %d of %d sentences", tt.text, tt.want, n, len(tt.text))
		}
	}
}

// TestAbstinenceMeasures: a standard measure of abstinence keeps the word
// that says which; a word that only describes abstinence does not.
func TestAbstinenceMeasures(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Both drugs increase continuous abstinence compared with placebo.", "continuous abstinence"},
		{"Varenicline increased seven-day point-prevalence abstinence at week 12.", "seven-day point-prevalence abstinence"},
		{"Psilocybin was followed by sustained abstinence in most participants.", "abstinence"},
	} {
		var got []string
		for _, m := range ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}}).Mentions {
			got = append(got, m.Surface)
		}
		if !slices.Contains(got, tt.want) {
			t.Errorf("%q: no mention %q in %q", tt.text, tt.want, got)
		}
	}
}

// TestInnerNoun: an opener word between an adjective and the head is a
// noun of the name; after a participle it is still a description.
func TestInnerNoun(t *testing.T) {
	for _, tt := range []struct{ text, want, notWant string }{
		{"Transcranial direct current stimulation reduced craving in two trials.", "Transcranial direct current stimulation", ""},
		{"The weighted average treatment effect was small.", "", "weighted average treatment"},
	} {
		var got []string
		for _, m := range ExtractOpen(nil, []Sentence{{Index: 0, Text: tt.text, Section: "Test"}}).Mentions {
			got = append(got, m.Surface)
		}
		if tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("%q: no mention %q in %q", tt.text, tt.want, got)
		}
		if tt.notWant != "" && slices.Contains(got, tt.notWant) {
			t.Errorf("%q: %q is a mention: %q", tt.text, tt.notWant, got)
		}
	}
}
