package export_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
)

// pagingStore serves small pages and checks that Snapshot stays within
// the limits the API enforces, so the cursor and batching loops run on a
// graph of test size.
type pagingStore struct {
	graph.Store
	t        *testing.T
	pageSize int
	pages    atomic.Int64
	batches  atomic.Int64
}

func (s *pagingStore) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	if q.First > graph.MaxPageSize {
		s.t.Errorf("ListNodes asked for %d, above MaxPageSize", q.First)
	}
	s.pages.Add(1)
	q.First = s.pageSize
	return s.Store.ListNodes(ctx, q)
}

func (s *pagingStore) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	if len(q.NodeIDs) > graph.MaxIDs {
		s.t.Errorf("EdgesOf asked for %d ids, above MaxIDs", len(q.NodeIDs))
	}
	s.batches.Add(1)
	return s.Store.EdgesOf(ctx, q)
}

// bigDoc has more passages than one EdgesOf batch takes, chained by
// edges, so batching and de-duplication both matter.
func bigDoc(n int) *graph.Document {
	d := &graph.Document{ID: "KAP:big"}
	d.Nodes = append(d.Nodes, graph.Node{ID: "KAP:big", Category: graph.CategoryReview, Name: "big", Document: "KAP:big"})
	for i := range n {
		id := fmt.Sprintf("KAP:big/p%04d", i)
		d.Nodes = append(d.Nodes, graph.Node{ID: id, Category: graph.CategoryPassage, Name: id, Document: "KAP:big"})
		d.Edges = append(d.Edges, graph.Edge{ID: fmt.Sprintf("KAP:big/e/has/%04d", i), Subject: "KAP:big", Predicate: graph.HasPassage, Object: id, Document: "KAP:big"})
		if i > 0 {
			prev := fmt.Sprintf("KAP:big/p%04d", i-1)
			d.Edges = append(d.Edges, graph.Edge{ID: fmt.Sprintf("KAP:big/e/next/%04d", i), Subject: prev, Predicate: graph.Mentions, Object: id, Document: "KAP:big"})
		}
	}
	return d
}

func TestSnapshotPagesAndBatches(t *testing.T) {
	const passages = 2*graph.MaxIDs + 37
	base := newStore(t, seedDocs(t), []*graph.Document{bigDoc(passages)})
	want := snapshot(t, base)
	st, err := base.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Nodes) != st.Nodes || len(want.Edges) != st.Edges {
		t.Fatalf("snapshot has %d nodes, %d edges; Stats says %d, %d", len(want.Nodes), len(want.Edges), st.Nodes, st.Edges)
	}

	ps := &pagingStore{Store: base, t: t, pageSize: 7}
	got := snapshot(t, ps)
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Fatalf("with 7-node pages: %d nodes, %d edges; want %d, %d", len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	// Compared by value: the embedded store builds lexical edges afresh
	// on each read, so the same edge need not be the same pointer twice.
	for i := range want.Nodes {
		if diff := cmp.Diff(want.Nodes[i], got.Nodes[i]); diff != "" {
			t.Fatalf("node %d (%s) differs (-want +got):\n%s", i, want.Nodes[i].ID, diff)
		}
	}
	for i := range want.Edges {
		if diff := cmp.Diff(want.Edges[i], got.Edges[i]); diff != "" {
			t.Fatalf("edge %d (%s) differs (-want +got):\n%s", i, want.Edges[i].ID, diff)
		}
	}
	if ps.pages.Load() < int64(passages/7) {
		t.Errorf("only %d pages read: the cursor loop did not run", ps.pages.Load())
	}
	if ps.batches.Load() < 3 {
		t.Errorf("only %d EdgesOf batches", ps.batches.Load())
	}
	for i := 1; i < len(got.Nodes); i++ {
		if got.Nodes[i-1].ID >= got.Nodes[i].ID {
			t.Fatalf("nodes out of order at %s", got.Nodes[i].ID)
		}
	}
	if strings.Join(got.Documents, ",") != "KAP:big,KAP:ward-2025-ketamine-assisted" {
		t.Errorf("documents %v", got.Documents)
	}
}

// changingStore reports a different node count on every Stats call, as
// a store being reloaded under the export would.
type changingStore struct {
	graph.Store
	calls     atomic.Int64
	settleGap int64 // after this many calls the counts stop changing; 0 never
}

func (s *changingStore) Stats(ctx context.Context) (*graph.Stats, error) {
	st, err := s.Store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	n := s.calls.Add(1)
	if s.settleGap == 0 || n <= s.settleGap {
		cp := *st
		cp.Nodes += int(n)
		return &cp, nil
	}
	return st, nil
}

func TestSnapshotRetriesWhileTheGraphChanges(t *testing.T) {
	base := newStore(t, fixtureDocs(t))
	if _, err := export.Snapshot(context.Background(), &changingStore{Store: base}); err == nil ||
		!strings.Contains(err.Error(), "changed during the export") {
		t.Errorf("a graph that never settles: err = %v", err)
	}
	// The first attempt's two Stats calls disagree; the second attempt's
	// agree with what it read.
	s := &changingStore{Store: base, settleGap: 2}
	g, err := export.Snapshot(context.Background(), s)
	if err != nil {
		t.Fatalf("a graph that settles: %v", err)
	}
	if len(g.Nodes) == 0 || s.calls.Load() != 4 {
		t.Errorf("%d nodes after %d Stats calls", len(g.Nodes), s.calls.Load())
	}
}

func TestSnapshotHonoursTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := export.Snapshot(ctx, newStore(t, fixtureDocs(t))); err == nil {
		t.Error("a cancelled context gave a snapshot")
	}
}

func TestSnapshotOfAnEmptyStore(t *testing.T) {
	g := snapshot(t, memory.New())
	if len(g.Nodes)+len(g.Edges)+len(g.Documents) != 0 {
		t.Errorf("%+v", g)
	}
}
