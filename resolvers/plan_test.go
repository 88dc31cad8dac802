package resolvers_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kapgraph/kapgraph/api/gql"

	"github.com/kapgraph/kapgraph/graph"
)

// unplannedStore reads only the roots of a plan, so that everything below
// them is resolved through the loaders: the answer planning must give.
type unplannedStore struct{ graph.Store }

func (s unplannedStore) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	res := &graph.ReadResult{Nodes: map[string]*graph.Node{}, Partial: map[string]*graph.Node{}, Pages: map[graph.PageKey]*graph.EdgePage{}}
	ns, err := s.NodesByID(ctx, p.IDs)
	for _, n := range ns {
		res.Nodes[n.ID] = n
	}
	return res, err
}

// strippingStore reads plans as an engine that projects claims does: the
// claims of a page naming ClaimFields keep only those fields (and id,
// ends, predicate and score).
type strippingStore struct{ graph.Store }

func (s strippingStore) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	res, err := s.Store.Read(ctx, p)
	if err != nil {
		return nil, err
	}
	fields := map[string][]string{}
	var walk func(n *graph.PlanNode)
	walk = func(n *graph.PlanNode) {
		if n == nil {
			return
		}
		for _, pg := range n.Pages {
			if pg.ClaimFields != nil {
				fields[pg.Key] = pg.ClaimFields
			}
			walk(pg.Subject)
			walk(pg.Object)
		}
	}
	walk(&p.Root)
	for k, pg := range res.Pages {
		fs, ok := fields[k.Page]
		if !ok {
			continue
		}
		out := &graph.EdgePage{TotalCount: pg.TotalCount, HasNext: pg.HasNext}
		for _, e := range pg.Edges {
			out.Edges = append(out.Edges, strip(e, fs))
		}
		res.Pages[k] = out
	}
	return res, nil
}

// strip keeps the named fields of e, by JSON name, and its identity.
func strip(e *graph.Edge, fs []string) *graph.Edge {
	b, _ := json.Marshal(e)
	var all, kept map[string]json.RawMessage
	_ = json.Unmarshal(b, &all)
	kept = map[string]json.RawMessage{}
	for _, f := range append([]string{"id", "subject", "predicate", "object", "score"}, fs...) {
		if v, ok := all[f]; ok {
			kept[f] = v
		}
	}
	b, _ = json.Marshal(kept)
	out := &graph.Edge{}
	_ = json.Unmarshal(b, out)
	return out
}

// Plans with partial claims answer as the loaders alone would: every
// claim field a query can select is read where it is selected, the same
// page at two places, and one field name asking different pages of
// different types.
func TestPartialClaimsAnswerAsUnplanned(t *testing.T) {
	mem := seedStore(t)
	planned := server(t, strippingStore{mem}, gql.Options{})
	unplanned := server(t, unplannedStore{mem}, gql.Options{})
	claim := `id predicate biolink sign negated qualifiers { disorder { id } population { text } mechanism disorderId combinedWithIds comparator { text node { id } } } origin curation hedged
  knowledgeLevel agentType note score evidence { quote passageId studies { id } } concerns { id } document review { id }
  documents reviews { id } inferredFromIds inferredFrom { id evidence { quote } } subject { id } object { id name }`
	queries := map[string]string{
		"every field": `{ node(id: "CHEBI:6121") { id claims(first: 8) { totalCount edges { cursor node { ` + claim + ` } } } } }`,
		"one field at a time": `{ node(id: "CHEBI:6121") { a: claims(first: 5) { edges { node { id sign } } }
  b: claims(first: 5) { edges { node { id evidence { quote } } } } c: claims(first: 5) { edges { node { id note qualifiers { disorder { id } } } } }
  d: claims(first: 5) { pageInfo { hasNextPage endCursor } edges { cursor } } } }`,
		"fragments of two types": `{ nodes(ids: ["CHEBI:6121", "GO:0031929"]) { id
  ... on Drug { claims(first: 2) { edges { node { id sign } } } }
  ... on Mechanism { claims(first: 4) { edges { node { id evidence { quote } } } } } } }`,
		"nested": `{ node(id: "CHEBI:6121") { claims(direction: OUT, first: 4) { edges { node { id
  object { id claims(first: 3) { edges { node { id origin inferredFromIds } } } } } } } } }`,
		"list root": `{ drugs(first: 3) { edges { node { id claims(first: 2) { edges { node { id concerns { id } review { id } } } } } } } }`,
	}
	for name, q := range queries {
		t.Run(name, func(t *testing.T) {
			got, want := post(t, planned.URL, q, nil), post(t, unplanned.URL, q, nil)
			if len(want.Errors) > 0 || len(want.Data) < 20 {
				t.Fatalf("the unplanned answer: %s", want.raw)
			}
			if string(got.raw) != string(want.raw) {
				t.Errorf("planned with partial claims:\n %s\nunplanned:\n %s", got.raw, want.raw)
			}
		})
	}
}
