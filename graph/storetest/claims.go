package storetest

import (
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

type claimPageView struct {
	Claims     []string  `json:"claims"`
	Scores     []float64 `json:"scores"`
	TotalCount int       `json:"totalCount"`
	HasNext    bool      `json:"hasNext"`
}

// testClaims covers Store.Claims: each filter alone and a few together,
// both orders, paging through a list with cursors, the nodes a page
// brings, and refused arguments. Every claim returned must pass the
// filter (graph.ClaimQuery.Match); the pages are the same on every
// engine (claims.golden.json).
func testClaims(t *testing.T, s graph.Store) {
	kind := func(id string) string {
		n, err := s.Node(ctx, id)
		if err != nil {
			return ""
		}
		return n.Kind
	}
	cases := map[string]graph.ClaimQuery{
		"all-curated-best-first":    {First: 8},
		"affects-decreases":         {Filter: graph.ClaimFilter{Predicates: []graph.Predicate{graph.Affects}, Sign: graph.Decreases}, First: 10},
		"subject-ketamine":          {Filter: graph.ClaimFilter{Subject: "CHEBI:6121"}, First: 10},
		"object-abstinence":         {Filter: graph.ClaimFilter{Object: "KAP:abstinence"}},
		"disorder-aud":              {Filter: graph.ClaimFilter{Disorder: "MONDO:0002046"}},
		"study-duman":               {Filter: graph.ClaimFilter{Study: "KAP:study.duman-2016-synaptic"}},
		"inferred":                  {Filter: graph.ClaimFilter{Origin: graph.OriginInferred}, First: 30},
		"stated-from-ketamine":      {Filter: graph.ClaimFilter{Origin: graph.OriginStated, Subject: "CHEBI:6121"}, First: 5},
		"concern-disorder-mismatch": {Filter: graph.ClaimFilter{ConcernKind: "disorder-mismatch"}},
		"min-score-0.7":             {Filter: graph.ClaimFilter{MinScore: 0.7}, First: 50},
		"by-id":                     {OrderBy: graph.ClaimsByID, First: 5},
		"lexical-cites":             {Filter: graph.ClaimFilter{Predicates: []graph.Predicate{graph.Cites}}, First: 3},
		"nothing":                   {Filter: graph.ClaimFilter{Subject: "CHEBI:6121", Object: "KAP:no-such-node"}},
	}
	got := map[string]claimPageView{}
	for name, q := range cases {
		p, err := s.Claims(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		nq, _ := q.Normalize()
		v := claimPageView{TotalCount: p.TotalCount, HasNext: p.HasNext, Claims: []string{}, Scores: []float64{}}
		have := map[string]bool{}
		for _, n := range p.Nodes {
			have[n.ID] = true
		}
		for i, e := range p.Edges {
			if !nq.Match(e, kind) {
				t.Errorf("%s: claim %s does not pass the filter", name, e.ID)
			}
			if !have[e.Subject] || !have[e.Object] {
				t.Errorf("%s: the page lacks the ends of %s", name, e.ID)
			}
			for _, st := range e.Publications() {
				if !have[st] {
					t.Errorf("%s: the page lacks study %s of %s", name, st, e.ID)
				}
			}
			if len(p.Cursors) != len(p.Edges) || p.Cursors[i] != nq.Cursor(e) {
				t.Errorf("%s: cursor %d of %s is not the claim's", name, i, e.ID)
			}
			v.Claims = append(v.Claims, e.ID)
			v.Scores = append(v.Scores, e.Score)
		}
		if (name == "nothing") != (p.TotalCount == 0) {
			t.Errorf("%s: %d claims", name, p.TotalCount)
		}
		got[name] = v
	}
	golden(t, "claims", got)

	// Paging by cursor walks the same list one big page holds.
	for _, order := range []graph.ClaimOrder{graph.ClaimsByScore, graph.ClaimsByID} {
		f := graph.ClaimFilter{Predicates: []graph.Predicate{graph.Affects, graph.CorrelatedWith}}
		whole, err := s.Claims(ctx, graph.ClaimQuery{Filter: f, OrderBy: order, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		var walked []string
		var after *graph.Cursor
		for pages := 0; pages < 50; pages++ {
			p, err := s.Claims(ctx, graph.ClaimQuery{Filter: f, OrderBy: order, First: 7, After: after})
			if err != nil {
				t.Fatal(err)
			}
			if p.TotalCount != whole.TotalCount {
				t.Errorf("%s page %d: total %d, want %d", order, pages, p.TotalCount, whole.TotalCount)
			}
			for _, e := range p.Edges {
				walked = append(walked, e.ID)
			}
			if !p.HasNext {
				break
			}
			c, err := graph.DecodeCursor(p.Cursors[len(p.Cursors)-1])
			if err != nil {
				t.Fatal(err)
			}
			after = &c
		}
		var want []string
		for _, e := range whole.Edges {
			want = append(want, e.ID)
		}
		if !slices.Equal(walked, want) {
			t.Errorf("%s: paging walks %v, one page holds %v", order, walked, want)
		}
	}

	// Refused the same way everywhere.
	_, err := s.Claims(ctx, graph.ClaimQuery{First: 1000})
	wantCode(t, err, graph.ELIMIT)
	_, err = s.Claims(ctx, graph.ClaimQuery{After: &graph.Cursor{Key: "", ID: "x"}})
	wantCode(t, err, graph.EINVALID) // an ID-order cursor in score order
	_, err = s.Claims(ctx, graph.ClaimQuery{Filter: graph.ClaimFilter{MinScore: 2}})
	wantCode(t, err, graph.EINVALID)
	_, err = s.Claims(ctx, graph.ClaimQuery{Filter: graph.ClaimFilter{Origin: "guessed"}})
	wantCode(t, err, graph.EINVALID)
	_, err = s.Claims(ctx, graph.ClaimQuery{Filter: graph.ClaimFilter{Predicates: []graph.Predicate{"NOPE"}}})
	wantCode(t, err, graph.EINVALID)
}
