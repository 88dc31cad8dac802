package batch

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// store answers from fixed nodes and edges, counting calls.
type store struct {
	graph.Store
	nodes map[string]*graph.Node
	edges []*graph.Edge
	calls atomic.Int32
	asked [][]string
	mu    sync.Mutex
}

func (s *store) NodesByID(_ context.Context, ids []string) ([]*graph.Node, error) {
	s.calls.Add(1)
	s.mu.Lock()
	s.asked = append(s.asked, slices.Clone(ids))
	s.mu.Unlock()
	var out []*graph.Node
	for i := len(ids) - 1; i >= 0; i-- { // reversed: no fixed order
		if n, ok := s.nodes[ids[i]]; ok {
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *store) EdgesOf(_ context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	s.calls.Add(1)
	var out []*graph.Edge
	for _, e := range s.edges {
		if (len(q.Predicates) == 0 || slices.Contains(q.Predicates, e.Predicate)) &&
			(q.Direction != graph.In && slices.Contains(q.NodeIDs, e.Subject) || q.Direction != graph.Out && slices.Contains(q.NodeIDs, e.Object)) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *store) EdgesByID(_ context.Context, ids []string) ([]*graph.Edge, error) {
	s.calls.Add(1)
	var out []*graph.Edge
	for _, e := range s.edges {
		if slices.Contains(ids, e.ID) {
			out = append(out, e)
		}
	}
	return out, nil
}

func fixture() *store {
	s := &store{nodes: map[string]*graph.Node{}}
	for _, id := range []string{"a", "b", "c"} {
		s.nodes[id] = &graph.Node{ID: id, Name: id}
	}
	s.edges = []*graph.Edge{
		{ID: "e2", Subject: "a", Predicate: graph.Affects, Object: "b"},
		{ID: "e1", Subject: "b", Predicate: graph.Affects, Object: "c"},
		{ID: "e3", Subject: "a", Predicate: graph.Mentions, Object: "c"},
		{ID: "e4", Subject: "c", Predicate: graph.Affects, Object: "c"},
	}
	return s
}

func TestNodesBatchAndOrder(t *testing.T) {
	s := fixture()
	l := New(s, Options{})
	ctx := context.Background()
	var wg sync.WaitGroup
	got := make([]*graph.Node, 3)
	for i, id := range []string{"a", "b", "zz"} {
		wg.Go(func() { got[i], _ = l.MaybeNode(ctx, id) })
	}
	wg.Wait()
	if got[0].ID != "a" || got[1].ID != "b" || got[2] != nil {
		t.Errorf("got %v", got)
	}
	if n := s.calls.Load(); n != 1 {
		t.Errorf("%d store calls for three concurrent loads, want 1", n)
	}
	ns, err := l.Nodes(ctx, []string{"c", "zz", "a"})
	if err != nil || ns[0].ID != "c" || ns[1] != nil || ns[2].ID != "a" {
		t.Errorf("Nodes = %v, %v", ns, err)
	}
	if _, err := l.Node(ctx, "zz"); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("missing node: %v, want ENOTFOUND", err)
	}
	l.Prime(&graph.Node{ID: "p"})
	if n, _ := l.Node(ctx, "p"); n == nil || n.ID != "p" {
		t.Errorf("primed node not served from cache")
	}
}

func TestEdgesOfSplitsPerNode(t *testing.T) {
	for _, tc := range []struct {
		dir  graph.Direction
		want map[string][]string
	}{
		{graph.Out, map[string][]string{"a": {"e2"}, "b": {"e1"}, "c": {"e4"}}},
		{graph.In, map[string][]string{"a": {}, "b": {"e2"}, "c": {"e1", "e4"}}},
		{graph.Both, map[string][]string{"a": {"e2"}, "b": {"e1", "e2"}, "c": {"e1", "e4"}}},
	} {
		s := fixture()
		l := New(s, Options{})
		all, err := l.EdgesOfAll(context.Background(), []string{"a", "b", "c"}, tc.dir, []graph.Predicate{graph.Affects})
		if err != nil {
			t.Fatal(err)
		}
		for i, id := range []string{"a", "b", "c"} {
			var ids []string
			for _, e := range all[i] {
				ids = append(ids, e.ID)
			}
			if !slices.Equal(ids, tc.want[id]) && !(len(ids) == 0 && len(tc.want[id]) == 0) {
				t.Errorf("%s %s: edges %v, want %v", tc.dir, id, ids, tc.want[id])
			}
		}
		if n := s.calls.Load(); n != 1 {
			t.Errorf("%s: %d store calls, want 1", tc.dir, n)
		}
	}
}

func TestEdgesOfValidates(t *testing.T) {
	l := New(fixture(), Options{})
	if _, err := l.EdgesOf(context.Background(), "a", "SIDEWAYS", nil); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("bad direction: %v", err)
	}
	if _, err := l.EdgesOf(context.Background(), "a", graph.Out, []graph.Predicate{"TREATS"}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("bad predicate: %v", err)
	}
}

func TestMaxBatch(t *testing.T) {
	s := fixture()
	l := New(s, Options{MaxBatch: 2})
	if _, err := l.Nodes(context.Background(), []string{"a", "b", "c"}); err != nil {
		t.Fatal(err)
	}
	for _, ids := range s.asked {
		if len(ids) > 2 {
			t.Errorf("a fetch asked for %d ids, above the batch capacity of 2", len(ids))
		}
	}
}

func TestMiddlewareAndFor(t *testing.T) {
	if For(context.Background()) != nil {
		t.Fatal("loaders from nowhere")
	}
	l := New(fixture(), Options{})
	if For(With(context.Background(), l)) != l {
		t.Fatal("With/For lost the loaders")
	}
}

// Read and EdgePages go through this double's own calls (the references
// in graph), as they did when they were optional features it lacked.
func (s *store) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	return graph.ReadByCalls(ctx, s, p)
}

func (s *store) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	return graph.PageByEdgesOf(ctx, s, q)
}

// TestPlacedKey holds placedKey to what it stands for, place + "\x00" +
// pageKey's key, over directions, unsorted and repeated predicates,
// default and named modalities and cursors, and to pageKey's errors.
func TestPlacedKey(t *testing.T) {
	after := &graph.Cursor{Key: "0042", ID: "KAP:e1"}
	for _, c := range []struct {
		dir   graph.Direction
		preds []graph.Predicate
		ms    []graph.Modality
		after *graph.Cursor
	}{
		{graph.Out, []graph.Predicate{graph.Affects}, nil, nil},
		{"", nil, []graph.Modality{graph.ModalityNegated, graph.ModalityAsserted}, after},
		{graph.In, []graph.Predicate{graph.CorrelatedWith, graph.Affects, graph.Affects}, graph.Modalities(), nil},
		{graph.Both, []graph.Predicate{graph.Affects}, []graph.Modality{graph.ModalityHedged}, after},
		{"SIDEWAYS", nil, nil, nil},
		{graph.Out, []graph.Predicate{"NO_SUCH"}, nil, nil},
		{graph.Out, nil, []graph.Modality{"PERHAPS"}, nil},
	} {
		for _, place := range []string{"", "node.claims.edges.node.object.claims"} {
			_, _, key, werr := pageKey(c.dir, c.preds, c.ms, 5, c.after)
			got, err := placedKey(place, c.dir, c.preds, c.ms, 5, c.after)
			if (err != nil) != (werr != nil) {
				t.Errorf("%+v: error %v, pageKey's %v", c, err, werr)
				continue
			}
			if want := place + "\x00" + key; err == nil && got != want {
				t.Errorf("%+v at %q: key %q, want %q", c, place, got, want)
			}
		}
	}
}
