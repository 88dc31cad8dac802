package extract

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestWordHeads: the embedded WordNet table gives feelings and conditions
// their category, leaves out the anchors measured away (a physical
// condition such as pregnancy) and nouns first of another kind.
func TestWordHeads(t *testing.T) {
	ix, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		w    string
		want graph.Category
	}{
		{"shame", graph.CategorySymptom}, {"hypnosis", graph.CategorySymptom}, {"somnolence", graph.CategorySymptom},
		{"insomnia", graph.CategoryDisorder}, {"acidosis", graph.CategoryDisorder},
		{"pregnancy", ""}, {"interest", ""}, {"table", ""},
	} {
		if got := ix.wordHead(joinStems(c.w)); got != c.want {
			t.Errorf("wordHead(%q) = %q, want %q", c.w, got, c.want)
		}
	}
}

// TestWordHeadSpans: a lone lower-case noun WordNet files as a feeling or
// condition is named; a modifier or a capitalised short form is not read by
// WordNet.
func TestWordHeadSpans(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		{"MDMA-assisted therapy increased self-compassion and reduced shame, which predicted relapse.", "shame", ""},
		{"MDMA-assisted therapy increased self-compassion and reduced shame, which predicted relapse.", "self-compassion", ""},
		{"Some programmes combined LSD with hypnosis.", "hypnosis", ""},
		{"Some programmes combined LSD with Hypnosis.", "", "Hypnosis"},
		{"Relapse was studied in patients with MS receiving baclofen.", "", "MS"},
	} {
		got := mentionSurfaces(c.text)
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q names %q, which WordNet should not have named", c.text, c.not)
		}
	}
}
