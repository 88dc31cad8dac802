package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/resolvers"
)

// notOwnClaims are the claim lists of a node that are not a page of the
// node's own claims (so not planned): the claims citing a study, those a
// concern reaches.
var notOwnClaims = []string{"supports", "affectedClaims"}

// TestPlannedFields holds claimPages (the table the resolvers and the
// planner both read) to the schema: every node field that returns a
// ClaimConnection is in it or is one of notOwnClaims, and every entry is
// such a field. Then each entry, planned, is answered from the plan: the
// query costs the node's plan and nothing else, which fails if a field's
// resolver asked for another page than the planner read.
func TestPlannedFields(t *testing.T) {
	s := loadSDL(t)
	pages := resolvers.ClaimPages()
	seen := map[string]bool{}
	for _, typ := range s.GetPossibleTypes(s.Types["Node"]) {
		for _, f := range typ.Fields {
			if f.Type.Name() != "ClaimConnection" {
				continue
			}
			seen[f.Name] = true
			if !slices.Contains(pages, f.Name) && !slices.Contains(notOwnClaims, f.Name) {
				t.Errorf("%s.%s returns a page of claims but is not in claimPages (resolvers/fields.go): it would not be planned", typ.Name, f.Name)
			}
		}
	}
	for _, p := range pages {
		if !seen[p] {
			t.Errorf("claimPages lists %s, which no node type has", p)
		}
	}

	// Each field, planned, on every seed node of each type that has it,
	// costs the plan's one Store call.
	store := seedStore(t)
	for _, field := range pages {
		t.Run(field, func(t *testing.T) {
			cs := &planCounting{countingStore: newCounting(store), inner: store}
			srv := server(t, cs, gql.Options{})
			total := 0
			for _, typ := range s.GetPossibleTypes(s.Types["Node"]) {
				if typ.Fields.ForName(field) == nil {
					continue
				}
				p, err := store.ListNodes(context.Background(), graph.NodeQuery{Category: graph.Category(typ.Name), First: graph.MaxPageSize})
				if err != nil {
					t.Fatal(err)
				}
				for _, n := range p.Nodes {
					q := fmt.Sprintf(`{ node(id: %q) { ... on %s { %s(first: 3) { totalCount edges { node { id subject { id } object { id } } } } } } }`, n.ID, typ.Name, field)
					before := cs.Total()
					res := post(t, srv.URL, q, nil)
					if len(res.Errors) > 0 {
						t.Fatalf("errors: %s", res.raw)
					}
					if calls := cs.Total() - before; calls != 1 {
						t.Errorf("%s of %s: %d store calls (%s), want the plan's one", field, n.ID, calls, cs)
					}
					var data struct {
						Node map[string]struct{ TotalCount int }
					}
					if err := json.Unmarshal(res.Data, &data); err != nil {
						t.Fatal(err)
					}
					if n := data.Node[field].TotalCount; n > total {
						total = n
					}
				}
			}
			if total == 0 {
				t.Errorf("no seed node has %s: the check above proved nothing", field)
			}
		})
	}
}

// planCounting reads plans in one counted call (as Neo4j does), from the
// real store; any other call the resolvers make is counted too.
type planCounting struct {
	*countingStore
	inner graph.Store
}

func (c *planCounting) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	c.count("Read")
	p, err := p.Normalize()
	if err != nil {
		return nil, err
	}
	return graph.ExecutePlan(ctx, c.inner, p)
}

// TestNodeFieldsRead holds nodeFieldsRead to the resolvers: every field
// it lists answers the same for every seed node when the node carries only
// the properties listed (what a planned partial read gives) as when it is
// whole. A field that reads a property the table leaves out answers
// otherwise for some node, and fails here.
func TestNodeFieldsRead(t *testing.T) {
	s := loadSDL(t)
	store := seedStore(t)
	ids := allNodeIDs(t, store)
	full := server(t, store, gql.Options{})
	for field, props := range resolvers.NodeFieldsRead {
		if field == "__typename" {
			continue
		}
		sel := field
		if def := s.Types["Node"].Fields.ForName(field); def != nil {
			if typ := s.Types[def.Type.Name()]; typ != nil && typ.Kind == ast.Object {
				var sub []string
				for _, f := range typ.Fields {
					sub = append(sub, f.Name)
				}
				sel = field + " { " + strings.Join(sub, " ") + " }"
			}
		} else {
			t.Errorf("nodeFieldsRead lists %s, which the Node interface lacks", field)
			continue
		}
		t.Run(field, func(t *testing.T) {
			partial := server(t, partialStore{Store: store, keep: props}, gql.Options{})
			q := `query($ids: [ID!]!) { nodes(ids: $ids) { id ` + sel + ` } }`
			vars := map[string]any{"ids": ids}
			want, got := post(t, full.URL, q, vars), post(t, partial.URL, q, vars)
			if len(want.Errors) > 0 || len(got.Errors) > 0 {
				t.Fatalf("errors: %s / %s", want.raw, got.raw)
			}
			if !bytes.Equal(want.Data, got.Data) {
				t.Errorf("%s reads more of graph.Node than %v:\nwhole:   %.300s\npartial: %.300s", field, props, want.Data, got.Data)
			}
		})
	}
}

// allNodeIDs are the ids of every node of every category, at most
// graph.MaxIDs.
func allNodeIDs(t *testing.T, s graph.Store) []string {
	t.Helper()
	var ids []string
	for _, c := range graph.Categories() {
		p, err := s.ListNodes(context.Background(), graph.NodeQuery{Category: c, First: graph.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range p.Nodes {
			ids = append(ids, n.ID)
		}
	}
	if len(ids) < 20 {
		t.Fatalf("only %d seed nodes", len(ids))
	}
	return ids[:min(len(ids), graph.MaxIDs)]
}

// partialStore answers node lookups with nodes that carry only id,
// category and the keep properties (by JSON name), as a partial plan read
// would; everything else is the real store's.
type partialStore struct {
	graph.Store
	keep []string
}

func (p partialStore) project(n *graph.Node) *graph.Node {
	if n == nil {
		return nil
	}
	b, _ := json.Marshal(n)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(b, &m)
	for k := range m {
		if k != "id" && k != "category" && !slices.Contains(p.keep, k) {
			delete(m, k)
		}
	}
	b, _ = json.Marshal(m)
	var out graph.Node
	_ = json.Unmarshal(b, &out)
	return &out
}

func (p partialStore) Node(ctx context.Context, id string) (*graph.Node, error) {
	n, err := p.Store.Node(ctx, id)
	return p.project(n), err
}

func (p partialStore) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	ns, err := p.Store.NodesByID(ctx, ids)
	out := make([]*graph.Node, len(ns))
	for i, n := range ns {
		out[i] = p.project(n)
	}
	return out, err
}
