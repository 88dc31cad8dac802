package neo4j

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Two processes that open a fresh database at once (two loaders, two
// parallel test packages) both see an index missing and both CREATE ...
// IF NOT EXISTS it; the server then refuses the slower one with
// EquivalentSchemaRuleAlreadyExists. CI failed on exactly that once.
// Each round drops relationship indexes and lets several independent
// Stores (own drivers, as separate processes would have) race to make
// them again: every one must succeed and the indexes must be back.
func TestEnsureSchemaConcurrentOpeners(t *testing.T) {
	base := testStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var victims []string
	for _, st := range schemaStatements() {
		// Relationship property indexes only: dropping them for a moment
		// costs speed, never correctness, for anyone else on the server.
		if len(victims) < 6 && strings.HasPrefix(st.name, "kapgraph_rel_") {
			victims = append(victims, st.name)
		}
	}
	if len(victims) == 0 {
		t.Fatal("no relationship indexes in schemaStatements")
	}
	const openers = 6
	for round := 0; round < 3; round++ {
		for _, name := range victims {
			if _, err := base.executeRaw(ctx, "test", "DROP INDEX "+name+" IF EXISTS", nil, neo4j.ExecuteQueryWithWritersRouting()); err != nil {
				t.Fatalf("dropping %s: %v", name, err)
			}
		}
		stores := make([]*Store, openers)
		for i := range stores {
			s, err := Open(ctx, server.cfg)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer s.Close(context.Background())
			stores[i] = s
		}
		var wg sync.WaitGroup
		errs := make([]error, openers)
		start := make(chan struct{})
		for i, s := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = s.EnsureSchema(ctx)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d, opener %d: %v", round, i, err)
			}
		}
		recs, err := base.executeRaw(ctx, "test", "SHOW INDEXES YIELD name, state WHERE name IN $names RETURN name, state",
			map[string]any{"names": victims}, neo4j.ExecuteQueryWithWritersRouting())
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(victims) {
			t.Fatalf("round %d: %d of %d dropped indexes are back", round, len(recs), len(victims))
		}
		for _, r := range recs {
			if r.Values[1] != "ONLINE" {
				t.Errorf("round %d: index %v is %v after EnsureSchema", round, r.Values[0], r.Values[1])
			}
		}
	}
}
