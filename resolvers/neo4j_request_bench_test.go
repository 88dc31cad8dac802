package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// BenchmarkNeo4jRequest is BenchmarkMixRequest over Neo4j: the six
// questions of the mix through the whole handler, in process (c-list
// asks for page 1),
// over whatever graph the database at NEO4J_URI holds (load one first,
// e.g. with graph/neo4j's TestEntityProfile and KAPGRAPH_PROFILE_LOAD).
// It reads nothing but writes nothing either. cpu-ns/op is the server's
// CPU per request (this process: the handler, the driver's decoding, the
// garbage collector); with KAPGRAPH_BENCH_NEO4J_PID set, neo4j-cpu-ns/op
// is Neo4j's. The ids are the drug with the most AFFECTS claims up to
// the bench's band (60) and the mechanism with the most curated edges up
// to 100. Profile the server with
//
//	go test -run '^$' -bench Neo4jRequest -benchmem -cpuprofile cpu.out ./resolvers/
func BenchmarkNeo4jRequest(b *testing.B) {
	ctx := context.Background()
	neo4jtest.RequireServer(b)
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close(ctx) })
	h := app.NewServer(app.Config{}, store, nil)
	drug, centre := busiest(b, h, graph.CategoryDrug), busiest(b, h, graph.CategoryMechanism)
	vars := map[bench.QueryID]map[string]any{
		bench.QEntity: {"id": drug}, bench.QPaths4: {"from": drug}, bench.QPaths6: {"from": drug},
		bench.QNeighborhood: {"id": centre},
	}
	pid, _ := strconv.Atoi(os.Getenv("KAPGRAPH_BENCH_NEO4J_PID"))
	for _, q := range bench.Mix {
		body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[q], "variables": vars[q]})
		b.Run(string(q), func(b *testing.B) {
			b.ReportAllocs()
			var lat latencies
			cpu0, n0 := cpuTime(b), neo4jCPU(b, pid)
			for b.Loop() {
				t0 := time.Now()
				postNeo4j(b, h, body)
				lat = append(lat, time.Since(t0))
			}
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(lat.p50(), "p50-ns")
			if pid > 0 {
				b.ReportMetric(float64(neo4jCPU(b, pid)-n0)/float64(b.N), "neo4j-cpu-ns/op")
			}
		})
	}
	// The floor's b-entity statement about the same drug, through its own
	// driver as the bench's floor asks it, for the same figures beside
	// kapgraph's (which include the handler; neither includes HTTP).
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { drv.Close(ctx) })
	floor := bench.NewCypher(drv, cfg.Database, bench.Params{Entity: drug})
	b.Run(string(bench.QEntity)+"-floor", func(b *testing.B) {
		b.ReportAllocs()
		var lat latencies
		cpu0, n0 := cpuTime(b), neo4jCPU(b, pid)
		for b.Loop() {
			t0 := time.Now()
			if _, err := floor.Ask(ctx, bench.QEntity, 0, false); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
		}
		b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
		b.ReportMetric(lat.p50(), "p50-ns")
		if pid > 0 {
			b.ReportMetric(float64(neo4jCPU(b, pid)-n0)/float64(b.N), "neo4j-cpu-ns/op")
		}
	})
}

// latencies are the wall times of a benchmark's requests, for their
// median beside the mean ns/op (the bench's targets are p50s).
type latencies []time.Duration

// p50 is the median in nanoseconds.
func (l latencies) p50() float64 {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	return float64(s[len(s)/2])
}

// postNeo4j posts one GraphQL request to h and fails on any error.
func postNeo4j(b *testing.B, h http.Handler, body []byte) []byte {
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
		b.Fatalf("%d %s", w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// busiest is the node of category cat with the most claims, up to the
// bench's bands, among the first 100 of that category by name.
func busiest(b *testing.B, h http.Handler, cat graph.Category) string {
	root, page := "drugs", "claims(direction: OUT, predicates: [AFFECTS], first: 1)"
	if cat == graph.CategoryMechanism {
		root, page = "mechanisms", "claims(first: 1)"
	}
	body, _ := json.Marshal(map[string]any{"query": "{ " + root + "(first: 100) { edges { node { id " + page + " { totalCount } } } } }"})
	var out struct {
		Data struct {
			Drugs, Mechanisms struct {
				Edges []struct {
					Node struct {
						ID     string
						Claims struct{ TotalCount int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(postNeo4j(b, h, body), &out); err != nil {
		b.Fatal(err)
	}
	best, k := "", -1
	for _, e := range append(out.Data.Drugs.Edges, out.Data.Mechanisms.Edges...) {
		if n := e.Node.Claims.TotalCount; n > k && n <= 60 {
			best, k = e.Node.ID, n
		}
	}
	if best == "" {
		b.Fatalf("no %s in the graph", cat)
	}
	b.Logf("%s: %s (%d claims)", cat, best, k)
	return best
}

// neo4jCPU is Neo4j's CPU time so far, 0 without its pid.
func neo4jCPU(b *testing.B, pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * 10 * time.Millisecond
}
