package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// BenchmarkFastPath sends each of the benchmark's six questions through
// the GraphQL endpoint (api/gql, no HTTP middleware) twice over one store,
// with the fast path and with the executor alone, in the same process:
// on the seed graph (ketamine, the NMDA mechanism) and on the synthetic
// graph (its most connected drug, its first mechanism). It reports the
// process's CPU time per request (cpu-ns/op) beside the allocations,
// which do not depend on the machine's load.
//
//	go test -run '^$' -bench FastPath -benchmem ./resolvers/
func BenchmarkFastPath(b *testing.B) {
	syn := syntheticStore(b)
	best, most := "", -1
	for j := 0; j < 50; j++ {
		id := synth.EntityID(graph.CategoryDrug, j)
		p, err := syn.EdgePages(context.Background(), graph.EdgePageQuery{EdgeQuery: graph.EdgeQuery{NodeIDs: []string{id}, Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}}, First: 1})
		if err != nil || p[id] == nil {
			continue
		}
		if p[id].TotalCount > most {
			best, most = id, p[id].TotalCount
		}
	}
	// The drug with the most paths (of the first 50) for d and e.
	pathFrom, paths := best, 0
	for j := 0; j < 50; j++ {
		id := synth.EntityID(graph.CategoryDrug, j)
		ps, err := syn.MechanismPaths(context.Background(), graph.MechanismPathQuery{From: id, MaxHops: 6, First: 10})
		if err == nil && len(ps) > paths {
			pathFrom, paths = id, len(ps)
		}
	}
	synPair := newDiffPair(syn)
	for _, g := range []struct {
		name               string
		p                  *diffPair
		drug, from, centre string
	}{{"seeds", newDiffPair(seedStore(b)), "CHEBI:6121", "CHEBI:6121", "GO:0031929"}, {"synthetic", synPair, best, pathFrom, existingMechanism(b, synPair)}} {
		for _, q := range bench.Mix {
			vars := map[string]any{"id": g.drug}
			switch q {
			case bench.QPaths4, bench.QPaths6:
				vars = map[string]any{"from": g.from}
			case bench.QNeighborhood:
				vars = map[string]any{"id": g.centre}
			case bench.QList:
				vars = map[string]any{"after": listEndCursor(b, g.p)}
			case bench.QStats:
				vars = nil
			}
			body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[q], "variables": vars})
			for _, path := range []struct {
				name string
				h    http.Handler
			}{{"fast", g.p.fast}, {"executor", g.p.exec}} {
				b.Run(g.name+"/"+string(q)+"/"+path.name, func(b *testing.B) {
					b.ReportAllocs()
					before := resolvers.FastAnswered(g.p.es)
					cpu0 := cpuTime(b)
					for b.Loop() {
						code, out := serve(path.h, body)
						if code != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
							b.Fatalf("%d %s", code, out)
						}
					}
					b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
					if path.name == "fast" && resolvers.FastAnswered(g.p.es) == before {
						b.Fatalf("the fast path did not answer %s", q)
					}
				})
			}
		}
	}
}
