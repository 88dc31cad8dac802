package resolvers_test

import (
	"bytes"
	"encoding/json"
	"sync"
	"testing"

	"github.com/kapgraph/kapgraph/tools/bench"
)

// TestFastPathConcurrent sends the bench's questions through one endpoint
// from several goroutines at once, each about its own id, and holds every
// answer to the one the executor alone gives: the writers and their
// buffers are pooled and given back after each answer is written, and an
// operation's collected fields are shared across requests, so a buffer
// given back too early, or a shared list written while read, shows here
// as a wrong answer (and under -race as a race).
func TestFastPathConcurrent(t *testing.T) {
	p := newDiffPair(seedStore(t))
	type ask struct {
		body []byte
		want []byte
	}
	var asks []ask
	for _, q := range bench.Mix {
		for _, id := range []string{"CHEBI:6121", "GO:0031929", "CHEBI:28119"} {
			vars := map[string]any{"id": id, "from": id}
			if q == bench.QList || q == bench.QStats {
				vars = nil
			}
			body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[q], "variables": vars})
			_, want := serve(p.exec, body)
			asks = append(asks, ask{body, bytes.Clone(want)})
		}
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 40 {
				a := asks[(g*7+i)%len(asks)]
				if _, got := serve(p.fast, a.body); !bytes.Equal(got, a.want) {
					t.Errorf("goroutine %d, request %d: %.200s\nwant %.200s", g, i, got, a.want)
					return
				}
			}
		})
	}
	wg.Wait()
}
