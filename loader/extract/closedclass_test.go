package extract

import (
	"slices"
	"testing"
)

// TestClosedClassWords: a preposition or subordinator is never part of a
// name, whatever its capital or the tagger's reading.
func TestClosedClassWords(t *testing.T) {
	for _, c := range []struct{ text, want, not string }{
		// A glued superscript leaves "Unlike" capitalised mid-sentence.
		{"9 Unlike amphetamines, modafinil is rarely self-administered by humans.", "amphetamines", "Unlike amphetamines"},
		{"During infusion, ketamine causes dissociation.", "ketamine", "During"},
		{"A reduction in negative affect was reported after infusion.", "negative affect", "after"},
	} {
		got := mentionSurfaces(c.text)
		if !slices.Contains(got, c.want) {
			t.Errorf("%q names %q, want %q among them", c.text, got, c.want)
		}
		if slices.Contains(got, c.not) {
			t.Errorf("%q names %q, which is no name", c.text, c.not)
		}
	}
}
