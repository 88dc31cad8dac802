//go:build loadprofile

package neo4j

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// TestPathProfile logs the PROFILE plan and the time of the region
// statements of the path questions of the benchmarks, over the seeds and
// the synthetic 10k graph. A tool, not a check (built with the loadprofile
// tag, like TestLoadProfile):
//
//	go test -tags loadprofile -run TestPathProfile -v ./graph/neo4j/
func TestPathProfile(t *testing.T) {
	ctx := context.Background()
	s := testStore(t)
	causal, err := relTypes(graph.CausalPredicates())
	if err != nil {
		t.Fatal(err)
	}
	curated, err := relTypes([]graph.Predicate{graph.Affects, graph.AssociatedWith, graph.ConsideredFor, graph.CorrelatedWith,
		graph.HasAdverseEvent, graph.HasPart, graph.LocatedIn, graph.PartOf, graph.StudiedToTreat})
	if err != nil {
		t.Fatal(err)
	}
	type question struct {
		name, types, arrow string
		hops               int
		outcome            string
		from, to           string
	}
	for _, data := range []struct {
		name string
		docs func(testing.TB) []*graph.Document
		qs   []question
	}{
		{"seeds", storetest.Seeds, []question{
			{"paths ketamine-craving 3", curated, "-", 3, "false", "CHEBI:6121", "KAP:craving"},
			{"shortest ketamine-craving 4", curated, "-", 4, "false", "CHEBI:6121", "KAP:craving"},
			{"paths ketamine-craving 6", curated, "-", 6, "false", "CHEBI:6121", "KAP:craving"},
			{"mechanism ketamine 6", causal, "->", 6, "v:Outcome", "CHEBI:6121", ""},
		}},
		{"gen10k", genDocs, []question{
			{"mechanism hub drug 6", causal, "->", 6, "v:Outcome", genDrug(), ""},
		}},
	} {
		wipe(t, s)
		benchData = ""
		for _, d := range data.docs(t) {
			if _, err := s.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		for _, q := range data.qs {
			cypher, err := regionCypher(q.types, q.arrow, q.hops, q.outcome, q.to != "")
			if err != nil {
				t.Fatal(err)
			}
			params := map[string]any{"from": q.from, "to": q.to, "ends": []string{q.from}}
			_, err = readTx(ctx, s, "profile", func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
				res, err := tx.Run(ctx, "PROFILE "+cypher, params)
				if err != nil {
					return nil, err
				}
				recs, err := res.Collect(ctx)
				if err != nil {
					return nil, err
				}
				sum, err := res.Consume(ctx)
				if err != nil {
					return nil, err
				}
				arcs, _, _ := neo4j.GetRecordValue[[]any](recs[0], "arcs")
				var b strings.Builder
				printPlan(&b, sum.Profile(), 0)
				t.Logf("%s %s: %d arcs\n%s", data.name, q.name, len(arcs), b.String())
				if _, err := collect(ctx, tx, cypher, params); err != nil { // plan it
					return nil, err
				}
				start := time.Now()
				for range 20 {
					if _, err := collect(ctx, tx, cypher, params); err != nil {
						return nil, err
					}
				}
				t.Logf("%s %s: region statement %.2f ms", data.name, q.name, float64(time.Since(start).Microseconds())/20/1000)
				return nil, nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}
