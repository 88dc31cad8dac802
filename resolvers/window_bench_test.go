package resolvers_test

import (
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/resolvers/batch"
)

// BenchmarkDeepQueryWindow times the deep query of the batching test over
// the embedded store at several dataloader windows, and reports the store
// calls per request: the window trades waiting (each nesting level waits
// one window) against batching (too short a window splits a level into
// several calls). It is how batch.DefaultWait was chosen.
//
//	go test -run '^$' -bench DeepQueryWindow ./resolvers/
func BenchmarkDeepQueryWindow(b *testing.B) {
	for _, tc := range []struct {
		name string
		wait time.Duration
	}{
		{"50us", 50 * time.Microsecond},
		{"default", 0},
		{"1ms", time.Millisecond},
		{"5ms", 5 * time.Millisecond},
	} {
		b.Run(tc.name, func(b *testing.B) {
			cs := newCounting(seedStore(b))
			srv := serverWith(b, cs, app.Config{
				GraphQL: gql.Options{Limits: gql.Limits{MaxDepth: 20, MaxComplexity: 1 << 40}},
				Batch:   batch.Options{Wait: tc.wait},
			})
			for b.Loop() {
				res := post(b, srv.URL, deepQuery, nil)
				if len(res.Errors) > 0 {
					b.Fatalf("errors: %s", res.raw)
				}
			}
			b.ReportMetric(float64(cs.Total())/float64(b.N), "calls/op")
		})
	}
}
