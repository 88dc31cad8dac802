package bench

import (
	"context"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
)

// The call trace is graph/traced's spans: every Store call the server
// makes is one recorded call, plan reads and claim pages included, with
// the sizes it was asked.
func TestTracingStoreRecordsTracedCalls(t *testing.T) {
	ctx := context.Background()
	ts := NewTracingStore(memory.New())
	ts.Reset()
	if _, err := ts.Read(ctx, graph.ReadPlan{IDs: []string{"a", "b"}, Root: graph.PlanNode{Pages: []*graph.PlanPage{{Key: "c", First: 2}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := ts.EdgePages(ctx, graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{"a"}, Direction: graph.Out}, First: 3}); err != nil {
		t.Fatal(err)
	}
	_, err := ts.Node(ctx, "missing")
	calls := ts.Calls()
	if len(calls) != 3 {
		t.Fatalf("%d calls recorded, want 3: %+v", len(calls), calls)
	}
	want := []struct{ method, arg string }{
		{"Read", "ids 2 pages 1"},
		{"EdgePages", "ids 1 direction OUT predicates 0 first 3"},
		{"Node", ""},
	}
	for i, w := range want {
		if calls[i].Method != w.method || calls[i].Arg != w.arg {
			t.Errorf("call %d: %s %q, want %s %q", i, calls[i].Method, calls[i].Arg, w.method, w.arg)
		}
	}
	if err == nil || calls[2].Err == nil {
		t.Errorf("the failed Node call: err %v, recorded %v", err, calls[2].Err)
	}
	ts.Reset()
	if len(ts.Calls()) != 0 {
		t.Error("Reset kept calls")
	}
}
