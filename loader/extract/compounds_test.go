package extract

import (
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
