package testutil

import (
	"bytes"
	"context"
	"testing"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
)

// GraphJSON is the whole graph of s as export's canonical JSON, with its
// node and edge counts. Tests that ask "is this graph the same as a clean
// load?" (incremental and resumed ingest, kill -9 runs) compare these
// bytes, so that ids, counts and every property take part.
func GraphJSON(t testing.TB, s graph.Store) (b []byte, nodes, edges int) {
	t.Helper()
	g, err := export.Snapshot(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), len(g.Nodes), len(g.Edges)
}
