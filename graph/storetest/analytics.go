package storetest

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

type hitView struct {
	ID      string  `json:"id"`
	Score   float64 `json:"score"`
	Matched string  `json:"matched"`
}

func testSearch(t *testing.T, s graph.Store) {
	cases := map[string]graph.SearchQuery{
		"mtor":          {Text: "mTOR"},
		"ketamine":      {Text: "ketamine", First: 5},
		"prefix-crav":   {Text: "crav"},
		"two-words":     {Text: "salience network"},
		"study-lovden":  {Text: "Lovden", Categories: []graph.Category{graph.CategoryStudy}},
		"use-disorders": {Text: "use disorder", Categories: []graph.Category{graph.CategoryDisorder}},
	}
	got := map[string][]hitView{}
	for name, q := range cases {
		hs, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(hs) == 0 && name != "study-lovden" {
			t.Errorf("%s: no hits", name)
		}
		var v []hitView
		for _, h := range hs {
			v = append(v, hitView{h.Node.ID, h.Score, h.Matched})
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
