package extract

import (
	"slices"
	"testing"
)

// TestLaypersonPhenotypes: HPO's RELATED layperson synonyms are the words
// reviews use for adverse effects; the converted resource carries them.
func TestLaypersonPhenotypes(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Mirtazapine commonly causes sedation and weight gain.", "weight gain"},
		{"Oral semaglutide often causes abdominal discomfort early in treatment.", "abdominal discomfort"},
	} {
		if got := mentionSurfaces(c.text); !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
	}
}
