// Package servertest starts a real kapgraph server for the client's
// tests: app.NewServer, as `kapgraph serve` builds it, over the embedded
// store loaded with the seeds built into the binary, behind httptest. The
// client is tested against what users run, not against a mock that could
// drift from the schema.
package servertest

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

// Start serves the seeds with cfg until the test ends and returns the
// server's base URL (GraphQL at /graphql).
func Start(t testing.TB, cfg app.Config) string {
	t.Helper()
	built, err := loader.LoadFS(seeds.FS, "seeds")
	if err != nil {
		t.Fatalf("reading the seeds: %v", err)
	}
	store := memory.New()
	ctx := context.Background()
	for _, d := range loader.Documents(built) {
		if _, err := store.Load(ctx, d); err != nil {
			t.Fatalf("loading %s: %v", d.ID, err)
		}
	}
	srv := httptest.NewServer(app.NewServer(cfg, store, nil))
	t.Cleanup(srv.Close)
	return srv.URL
}
