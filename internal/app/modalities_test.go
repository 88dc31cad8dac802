package app_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
)

// restate gives three of ketamine's AFFECTS claims on mechanisms another
// modality (HEDGED, NEGATED, PROPOSED), as the shipped review states
// none of its effects so: the lists then hold claims to leave out.
func restate(docs []*graph.Document) {
	mechs := map[string]bool{}
	for _, d := range docs {
		for _, n := range d.Nodes {
			if n.Category == graph.CategoryMechanism {
				mechs[n.ID] = true
			}
		}
	}
	ms := []graph.Modality{graph.ModalityHedged, graph.ModalityNegated, graph.ModalityProposed}
	for _, d := range docs {
		for i := range d.Edges {
			e := &d.Edges[i]
			if len(ms) > 0 && e.Subject == "CHEBI:6121" && e.Predicate == graph.Affects && mechs[e.Object] && e.Status() == graph.ModalityAsserted {
				e.Modality, e.Negated = ms[0], ms[0] == graph.ModalityNegated
				ms = ms[1:]
			}
		}
	}
}

// TestClaimListModalities asks a node's claim lists (claims, effects,
// upstream, downstream) with and without `modalities`, through the HTTP
// handler, over the shipped review on the embedded store and on Neo4j:
// by default a list holds every claim with its modality, `modalities`
// narrows it, totalCount counts the same claims as the list, and both engines
// answer the same bytes. The lists are asked at a planned place (under
// node) and at one the loaders serve (under the root claims list). The
// expected claims come from EdgesOf and graph.HasModality, not from the
// API.
func TestClaimListModalities(t *testing.T) {
	ctx := context.Background()
	store, docs := seededNeo4jWith(t, nil, restate)
	mem := memory.New()
	for _, d := range docs {
		if _, err := mem.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	drug, mech := busiestNonAsserted(t, mem)
	memSrv := httptest.NewServer(app.NewServer(app.Config{}, mem, nil))
	defer memSrv.Close()
	neoSrv := httptest.NewServer(app.NewServer(app.Config{}, store, nil))
	defer neoSrv.Close()

	others := []graph.Modality{graph.ModalityHedged, graph.ModalityNegated, graph.ModalityProposed}
	cases := []struct {
		name, id, field string
		dir             graph.Direction
		preds           []graph.Predicate
		ms              []graph.Modality // nil: the argument is omitted
	}{
		{"claims default", drug, "claims(direction: OUT, predicates: [AFFECTS]", graph.Out, []graph.Predicate{graph.Affects}, nil},
		{"claims others", drug, "claims(direction: OUT, predicates: [AFFECTS], modalities: [HEDGED, NEGATED, PROPOSED]", graph.Out, []graph.Predicate{graph.Affects}, others},
		{"claims both ways, all", drug, "claims(modalities: [ASSERTED, HEDGED, NEGATED, PROPOSED]", graph.Both, graph.CuratedPredicates(), graph.Modalities()},
		{"effects default", drug, "effects(", graph.Out, []graph.Predicate{graph.Affects}, nil},
		{"effects asserted", drug, "effects(modalities: [ASSERTED]", graph.Out, []graph.Predicate{graph.Affects}, []graph.Modality{graph.ModalityAsserted}},
		{"effects others", drug, "effects(modalities: [HEDGED, NEGATED, PROPOSED]", graph.Out, []graph.Predicate{graph.Affects}, others},
		{"downstream default", mech, "downstream(", graph.Out, graph.CausalPredicates(), nil},
		{"upstream others", mech, "upstream(modalities: [PROPOSED, NEGATED, HEDGED]", graph.In, graph.CausalPredicates(), others},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			es, err := mem.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: []string{tc.id}, Direction: tc.dir, Predicates: tc.preds})
			if err != nil {
				t.Fatal(err)
			}
			ms, _ := graph.CheckListModalities(tc.ms)
			want := map[string]bool{}
			for _, e := range es {
				if graph.HasModality(e, ms) {
					want[e.ID] = true
				}
			}
			if tc.ms != nil && len(want) == 0 {
				t.Fatalf("%s has no claim of %v: the case proves nothing", tc.id, tc.ms)
			}
			sel := tc.field + "first: 100) { totalCount edges { node { id modality } } }"
			planned := fmt.Sprintf(`{ node(id: %q) { ... on Drug { %s } ... on Mechanism { %s } } }`, tc.id, ifCat(tc.id == drug, sel), ifCat(tc.id == mech, sel))
			// The same list under a claim's end, which the loaders serve.
			end := endOfSomeClaim(t, mem, tc.id)
			viaLoaders := fmt.Sprintf(`{ claims(filter: {%s: %q}, first: 1) { edges { node { %s {
  ... on Drug { %s } ... on Mechanism { %s } } } } } }`, end, tc.id, end, ifCat(tc.id == drug, sel), ifCat(tc.id == mech, sel))
			for _, q := range []string{planned, viaLoaders} {
				body, _ := json.Marshal(map[string]any{"query": q})
				got, gotMem := post(t, neoSrv.URL, body), post(t, memSrv.URL, body)
				if got != gotMem {
					t.Fatalf("Neo4j and the embedded store answer differently:\n neo4j    %.800s\n embedded %.800s", got, gotMem)
				}
				total, ids, mods := claimList(t, got)
				if total != len(want) || len(ids) != len(want) {
					t.Errorf("totalCount %d and %d claims, want %d: %s", total, len(ids), len(want), got)
				}
				for i, id := range ids {
					if !want[id] {
						t.Errorf("claim %s (%s) is not one of %v", id, mods[i], ms)
					}
				}
			}
		})
	}
}

// endOfSomeClaim is "subject" when id is the subject of an ASSERTED
// curated claim (which the root claims list serves by default), else
// "object".
func endOfSomeClaim(t *testing.T, s graph.Store, id string) string {
	t.Helper()
	es, err := s.EdgesOf(context.Background(), graph.EdgeQuery{NodeIDs: []string{id}, Direction: graph.Out, Predicates: graph.CuratedPredicates()})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Status() == graph.ModalityAsserted {
			return "subject"
		}
	}
	return "object"
}

// ifCat is s when ok, else a selection of nothing but the type name.
func ifCat(ok bool, s string) string {
	if ok {
		return s
	}
	return "__typename"
}

// claimList reads the one claim list of a response, wherever it is.
func claimList(t *testing.T, body string) (total int, ids []string, mods []string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	found := false
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case map[string]any:
			if tc, ok := x["totalCount"].(float64); ok {
				found, total = true, int(tc)
				for _, e := range x["edges"].([]any) {
					n := e.(map[string]any)["node"].(map[string]any)
					ids = append(ids, n["id"].(string))
					mods = append(mods, n["modality"].(string))
				}
				return
			}
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(v)
	if !found || strings.Contains(body, `"errors"`) {
		t.Fatalf("no claim list in %s", body)
	}
	return total, ids, mods
}

// busiestNonAsserted finds, in the review as restated, the drug with the most
// effects that are not ASSERTED (among some that are) and the mechanism
// with the most such causal claims, so that the test follows the data
// rather than naming ids.
func busiestNonAsserted(t *testing.T, s graph.Store) (drug, mech string) {
	t.Helper()
	pick := func(cat graph.Category, dir graph.Direction, preds []graph.Predicate) string {
		page, err := s.ListNodes(context.Background(), graph.NodeQuery{Category: cat, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		best, bestN := "", 0
		for _, n := range page.Nodes {
			es, err := s.EdgesOf(context.Background(), graph.EdgeQuery{NodeIDs: []string{n.ID}, Direction: dir, Predicates: preds})
			if err != nil {
				t.Fatal(err)
			}
			asserted, other := 0, 0
			for _, e := range es {
				if e.Status() == graph.ModalityAsserted {
					asserted++
				} else {
					other++
				}
			}
			if asserted > 0 && other > bestN {
				best, bestN = n.ID, other
			}
		}
		if best == "" {
			t.Fatalf("no %s of the shipped review has both ASSERTED and other claims", cat)
		}
		return best
	}
	return pick(graph.CategoryDrug, graph.Out, []graph.Predicate{graph.Affects}),
		pick(graph.CategoryMechanism, graph.In, graph.CausalPredicates())
}
