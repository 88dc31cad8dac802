package loader_test

import (
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

// A synonym is another name, not a possessive of the name ("ketamine's"):
// search and the name matcher find it through the name. (Plurals stay:
// the curators list them where the text uses them.)
func TestNoInflectedSynonyms(t *testing.T) {
	built, err := loader.LoadFS(seeds.FS, "seeds")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, d := range loader.Documents(built) {
		for _, n := range d.Nodes {
			name := strings.ToLower(n.Name)
			for _, s := range n.Synonyms {
				checked++
				s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
				for _, inflected := range []string{name + "'s", name + "'"} {
					if s == inflected {
						t.Errorf("%s (%s): synonym %q is a possessive of the name", n.ID, n.Name, s)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no synonyms in the seeds: nothing was checked")
	}
}
