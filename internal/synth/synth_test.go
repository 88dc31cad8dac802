package synth

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

func TestDeterministic(t *testing.T) {
	a := New(Config{Nodes: 10_000}).Document(2)
	// Another generator, another order of calls, the same document.
	g := New(Config{Nodes: 1_000_000, Seed: DefaultSeed})
	g.Document(7)
	b := g.Document(2)
	if !reflect.DeepEqual(a, b) {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		t.Fatalf("document 2 differs between two generators:\n%.300s\n%.300s", ja, jb)
	}
	if c := New(Config{Nodes: 10_000, Seed: 7}).Document(2); reflect.DeepEqual(a, c) {
		t.Fatal("another seed gave the same document")
	}
}

// TestDocumentsLoad: every document is valid for Store.Load given the
// shared entities of the documents before it, sizes are about what was
// asked, and the graph has the shape the benchmark relies on.
func TestDocumentsLoad(t *testing.T) {
	cfg := Config{Nodes: 30_000}
	shared := map[string]bool{}
	nodes := map[string]bool{}
	edges := 0
	outCausal := map[string]int{}
	inDegree := map[string]int{}
	cats := map[graph.Category]int{}
	err := All(cfg, 2, func(i int, d *graph.Document) error {
		if d.ID != DocumentID(i) {
			t.Fatalf("document %d has id %s", i, d.ID)
		}
		if err := d.Validate(func(id string) bool { return shared[id] }); err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		own := 0
		for _, n := range d.Nodes {
			if n.Document == "" {
				shared[n.ID] = true
			} else {
				own++
			}
			if !nodes[n.ID] {
				cats[n.Category]++
			}
			nodes[n.ID] = true
		}
		if own < 1000 || own > 5000 {
			t.Errorf("document %d owns %d nodes, want 1k–5k", i, own)
		}
		for _, e := range d.Edges {
			edges++
			inDegree[e.Object]++
			if slices.Contains(graph.CausalPredicates(), e.Predicate) {
				outCausal[e.Subject]++
				if len(e.Evidence) == 0 || e.Evidence[0].Quote == "" || e.Evidence[0].Passage == "" {
					t.Fatalf("claim %s has no evidence", e.ID)
				}
			}
			if e.Score <= 0 || e.Score > 1 {
				t.Fatalf("edge %s has score %v", e.ID, e.Score)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(nodes); n < cfg.Nodes*8/10 || n > cfg.Nodes*12/10 {
		t.Errorf("%d nodes, want about %d", n, cfg.Nodes)
	}
	if r := float64(edges) / float64(len(nodes)); r < 2.5 {
		t.Errorf("%.1f edges per node, want several", r)
	}
	for _, c := range graph.Categories() {
		if cats[c] == 0 {
			t.Errorf("no %s nodes", c)
		}
	}
	// Skew: the best-connected entity has far more links than the median.
	var degs []int
	for id, d := range inDegree {
		if shared[id] {
			degs = append(degs, d)
		}
	}
	slices.Sort(degs)
	if med, top := degs[len(degs)/2], degs[len(degs)-1]; top < 20*max(med, 1) {
		t.Errorf("in-degree of shared entities: median %d, max %d; want a power-law-like skew", med, top)
	}
}

func TestSizes(t *testing.T) {
	for name, n := range Sizes {
		c := Config{Nodes: n}
		if got := c.Documents() * c.DocNodes(); got < n*8/10 || got > n*12/10 {
			t.Errorf("%s: %d documents of ~%d nodes for %d nodes", name, c.Documents(), c.DocNodes(), n)
		}
	}
}

// TestDesignsAreTheDomains: the generator draws exactly the designs of
// graph.Designs, each with a share, and no other.
func TestDesignsAreTheDomains(t *testing.T) {
	var got []string
	total := 0
	for _, d := range designShares {
		got = append(got, d.design)
		if d.share <= 0 {
			t.Errorf("%q has share %d", d.design, d.share)
		}
		total += d.share
	}
	if total != 1000 {
		t.Errorf("shares sum to %d per mille", total)
	}
	want := graph.Designs()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("generator designs %q, domain designs %q", got, want)
	}
}

// TestStudiesScoreAsRealOnes: every generated study carries the evidence
// level and Biolink class the domain gives its design (as the loader
// does), and every claim's score is what those levels give. A generator
// keeping levels of its own (case series at 5, unclassified at 0, as it
// once did) fails here.
func TestStudiesScoreAsRealOnes(t *testing.T) {
	d := New(Config{Nodes: 10_000}).Document(0)
	levels := map[string]int{}
	seen := map[string]int{}
	for _, n := range d.Nodes {
		if n.Category != graph.CategoryStudy {
			continue
		}
		seen[n.Design]++
		want := graph.EvidenceLevel(n.Design)
		if want == 0 {
			t.Errorf("study %s has design %q, which the domain does not know", n.ID, n.Design)
		}
		if n.EvidenceLevel != want {
			t.Errorf("study %s (%s) has evidence level %d, the domain gives %d", n.ID, n.Design, n.EvidenceLevel, want)
		}
		if b := graph.StudyBiolink(n.Design); n.Biolink != b {
			t.Errorf("study %s (%s) is a %s, want %s", n.ID, n.Design, n.Biolink, b)
		}
		levels[n.ID] = want
	}
	for _, design := range graph.Designs() {
		if seen[design] == 0 {
			t.Errorf("no %q study in a document of %d studies", design, len(levels))
		}
	}
	claims := 0
	for _, e := range d.Edges {
		if !e.Predicate.Curated() {
			continue
		}
		claims++
		if want := graph.EdgeScore(&e, func(id string) int { return levels[id] }); e.Score != want {
			t.Errorf("claim %s scores %v, the domain's levels give %v", e.ID, e.Score, want)
		}
	}
	if claims == 0 {
		t.Fatal("the document has no claims")
	}
}
