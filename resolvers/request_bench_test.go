package resolvers_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// BenchmarkMixRequest sends each question of the benchmark's mix
// (tools/bench's KapgraphQueries) through the whole handler, in process
// and without a network, over the embedded store holding the seeds: what
// a request costs the server besides the store, in CPU and allocations
// (allocs/op does not depend on the machine's load, which the shared
// benchmark machine's timings do), and the process's CPU time per request
// (cpu-ns/op: user and system time, the garbage collector's included,
// which other processes on the machine disturb less than wall time).
// Profile it with
//
//	go test -run '^$' -bench MixRequest -benchmem -cpuprofile cpu.out ./resolvers/
func BenchmarkMixRequest(b *testing.B) {
	h := app.NewServer(app.Config{}, seedStore(b), nil)
	const drug = "CHEBI:6121" // ketamine: claims two levels deep, paths, a neighbourhood
	vars := map[bench.QueryID]map[string]any{
		bench.QEntity: {"id": drug}, bench.QPaths4: {"from": drug}, bench.QPaths6: {"from": drug},
		bench.QNeighborhood: {"id": drug},
	}
	for _, q := range bench.Mix {
		body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[q], "variables": vars[q]})
		b.Run(string(q), func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cpuTime(b)
			for b.Loop() {
				r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				r.Header.Set("Content-Type", "application/json")
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
					b.Fatalf("%s: %d %s", q, w.Code, w.Body)
				}
			}
			b.ReportMetric(float64(cpuTime(b)-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the CPU time the process has used so far.
func cpuTime(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
