package storetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

type hitView struct {
	ID      string           `json:"id"`
	Claim   string           `json:"claim,omitempty"`
	Kind    graph.SearchKind `json:"kind"`
	Field   string           `json:"field"`
	Score   float64          `json:"score"`
	Matched string           `json:"matched"`
	Snippet string           `json:"snippet"`
}

func testSearch(t *testing.T, s graph.Store) {
	cases := map[string]graph.SearchQuery{
		"mtor":          {Text: "mTOR"},
		"ketamine":      {Text: "ketamine", First: 5},
		"prefix-crav":   {Text: "crav"},
		"two-words":     {Text: "salience network"},
		"study-lovden":  {Text: "Lovden", Categories: []graph.Category{graph.CategoryStudy}},
		"use-disorders": {Text: "use disorder", Categories: []graph.Category{graph.CategoryDisorder}},
		// Passages by their sentence, claims by their quotes, references
		// by title and authors; kinds narrow.
		"sentence-words":   {Text: "mindfulness relapse prevention", First: 8},
		"claims-only":      {Text: "abstinence", Kinds: []graph.SearchKind{graph.SearchClaim}, First: 5},
		"passages-only":    {Text: "glutamate release", Kinds: []graph.SearchKind{graph.SearchPassage}},
		"reference-title":  {Text: "synaptic", Kinds: []graph.SearchKind{graph.SearchReference}},
		"reference-author": {Text: "Krystal", Kinds: []graph.SearchKind{graph.SearchReference}},
		"nothing":          {Text: "zzyzx quokka"},
	}
	got := map[string][]hitView{}
	for name, q := range cases {
		hs, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if empty := name == "nothing"; empty != (len(hs) == 0) {
			t.Errorf("%s: %d hits", name, len(hs))
		}
		nq, _ := q.Normalize()
		v := []hitView{}
		for _, h := range hs {
			hv := hitView{ID: h.Node.ID, Kind: h.Kind, Field: h.Field, Score: h.Score, Matched: h.Matched, Snippet: h.Snippet}
			if h.Claim != nil {
				hv.Claim = h.Claim.ID
				if h.Kind != graph.SearchClaim || h.Node.Category != graph.CategoryPassage {
					t.Errorf("%s: claim hit %s is %s on a %s", name, h.Claim.ID, h.Kind, h.Node.Category)
				}
			} else if h.Kind != graph.SearchKindOf(h.Node.Category) {
				t.Errorf("%s: hit %s of category %s is %s", name, h.Node.ID, h.Node.Category, h.Kind)
			}
			if !slices.Contains(nq.Kinds, h.Kind) {
				t.Errorf("%s: hit %s of kind %s not asked for", name, h.Node.ID, h.Kind)
			}
			if !strings.Contains(h.Snippet, graph.SnippetMark) {
				t.Errorf("%s: snippet %q of %s marks nothing", name, h.Snippet, h.Node.ID)
			}
			v = append(v, hv)
		}
		got[name] = v
	}
	golden(t, "search", got)
	_, err := s.Search(ctx, graph.SearchQuery{Text: "  "})
	wantCode(t, err, graph.EINVALID)
}

func testStats(t *testing.T, s graph.Store) {
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.MetaGraph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range st.ByPredicate {
		total += c.Count
	}
	if total != st.Edges {
		t.Errorf("predicate counts add to %d, edges %d", total, st.Edges)
	}
	total = 0
	for _, me := range m {
		total += me.Count
	}
	if total != st.Edges {
		t.Errorf("meta-graph counts add to %d, edges %d", total, st.Edges)
	}
	golden(t, "stats", st)
	golden(t, "metagraph", m)
}
