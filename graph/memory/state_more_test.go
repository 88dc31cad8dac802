package memory

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// hubDoc is a document of n passages that all mention one shared hub,
// which affects each of them: enough edges at one vertex to cut its lists
// into several parts.
func hubDoc(id string, n int) *graph.Document {
	d := &graph.Document{ID: id, Nodes: []graph.Node{{ID: "HUB:1", Category: graph.CategoryDrug, Name: "hubamine"}}}
	for i := range n {
		p := fmt.Sprintf("%s/p%d", id, i)
		d.Nodes = append(d.Nodes, graph.Node{ID: p, Category: graph.CategoryPassage, Name: "hub passage " + p, Document: id})
		d.Edges = append(d.Edges,
			graph.Edge{ID: p + ".m", Subject: p, Predicate: graph.Mentions, Object: "HUB:1", Document: id},
			graph.Edge{ID: p + ".a", Subject: "HUB:1", Predicate: graph.Affects, Sign: graph.Increases, Object: p, Document: id})
	}
	return d
}

// TestHubMatchesScratch loads documents that each add hundreds of edges
// to one vertex, out of id order so that their edges go between others',
// then shrinks and removes some, comparing with a build from scratch.
func TestHubMatchesScratch(t *testing.T) {
	s := New()
	for _, d := range []*graph.Document{hubDoc("hub-b", 700), hubDoc("hub-a", 300), hubDoc("hub-d", 900), hubDoc("hub-c", 5)} {
		mustLoad(t, s, d)
		check(t, s, "load "+d.ID)
	}
	if parts := len(s.cur().vertex("HUB:1").in().parts); parts < 4 {
		t.Fatalf("the hub's incoming edges are in %d parts; the test needs several", parts)
	}
	for _, d := range []*graph.Document{hubDoc("hub-b", 650), hubDoc("hub-a", 1200), hubDoc("hub-d", 0), hubDoc("hub-c", 400)} {
		mustLoad(t, s, d)
		check(t, s, "reload "+d.ID)
	}
	for _, id := range []string{"hub-c", "hub-a", "hub-d", "hub-b"} {
		if _, err := s.Remove(context.Background(), id); err != nil {
			t.Fatal(err)
		}
		check(t, s, "remove "+id)
	}
}

// TestFailedLoadChangesNothing checks that a document that does not
// validate leaves the published snapshot as it was.
func TestFailedLoadChangesNothing(t *testing.T) {
	s := New()
	docs := testDocs(t)
	for _, d := range docs[:5] {
		mustLoad(t, s, d)
	}
	before := s.cur()
	bad := &graph.Document{ID: docs[0].ID, Edges: []graph.Edge{{ID: "x", Subject: "nowhere", Predicate: graph.Affects, Sign: graph.Increases, Object: "nowhere", Document: docs[0].ID}}}
	if _, err := s.Load(context.Background(), bad); err == nil {
		t.Fatal("a document with a dangling edge loaded")
	}
	if s.cur() != before {
		t.Fatal("a failed load published a new snapshot")
	}
	check(t, s, "failed load")
}

// TestReadersSeeWholeDocuments reads while another goroutine loads: every
// snapshot a reader sees must be the state after some whole number of
// documents, never a document half in. Under -race it also checks that
// loads change nothing a published snapshot shares.
func TestReadersSeeWholeDocuments(t *testing.T) {
	docs := testDocs(t)
	// The counts after each prefix of the documents, from a first run.
	want := map[int][2]int{0: {0, 0}}
	ref := New()
	for i, d := range docs {
		mustLoad(t, ref, d)
		st := ref.cur().stats
		want[i+1] = [2]int{st.Nodes, st.Edges}
	}
	s := New()
	ctx := context.Background()
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 4)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				st, err := s.Stats(ctx)
				if err != nil {
					errs <- err
					return
				}
				if w := want[st.Documents]; w != [2]int{st.Nodes, st.Edges} {
					errs <- fmt.Errorf("after %d documents saw %d nodes and %d edges, want %v", st.Documents, st.Nodes, st.Edges, w)
					return
				}
				// Walk a snapshot while loads go on.
				snap, n := s.cur(), 0
				for range snap.allNodes {
					n++
				}
				if n != snap.nodeCount {
					errs <- fmt.Errorf("a snapshot of %d nodes holds %d", snap.nodeCount, n)
					return
				}
			}
		}()
	}
	for _, d := range docs {
		mustLoad(t, s, d)
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
