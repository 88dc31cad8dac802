package app_test

import (
	"context"
	"os"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/loader"
)

// seededNeo4j opens the Neo4j that NEO4J_URI names (a test fails under
// CI=true without one, else skips), holds the shared database's lock for
// the rest of the test, wipes the database and loads the shipped review.
// set adjusts the configuration first (a Bolt logger, a recheck period).
// It returns the store and the documents loaded.
func seededNeo4j(t *testing.T, set func(*neo4j.Config)) (*neo4j.Store, []*graph.Document) {
	t.Helper()
	return seededNeo4jWith(t, set, nil)
}

// seededNeo4jWith is seededNeo4j with the documents passed through edit
// (when not nil) before they are loaded.
func seededNeo4jWith(t *testing.T, set func(*neo4j.Config), edit func([]*graph.Document)) (*neo4j.Store, []*graph.Document) {
	t.Helper()
	ctx := context.Background()
	neo4jtest.RequireServer(t)
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	unlock, err := neo4jtest.Lock(cfg.URI, cfg.Database)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	wipe(t, cfg)
	if set != nil {
		set(&cfg)
	}
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close(ctx) })
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	built, err := loader.LoadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	docs := loader.Documents(built)
	if edit != nil {
		edit(docs)
	}
	for _, d := range docs {
		if _, err := store.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	return store, docs
}
