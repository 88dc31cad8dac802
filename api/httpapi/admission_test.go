package httpapi_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
)

// TestAdmission: with MaxInFlight slots taken, a request waits its turn
// and runs when one frees; one whose deadline passes while it waits gets
// 503 TIMEOUT with Retry-After, and never reaches the executor.
func TestAdmission(t *testing.T) {
	var (
		mu      sync.Mutex
		entered int
	)
	release := make(chan struct{})
	started := make(chan struct{}, 8)
	block := aroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		mu.Lock()
		entered++
		first := entered == 1
		mu.Unlock()
		if first {
			started <- struct{}{}
			<-release
		}
		return next(ctx)
	})

	t.Run("a queued request runs once a slot frees", func(t *testing.T) {
		mu.Lock()
		entered = 0
		mu.Unlock()
		env := newEnv(t, httpapi.Config{MaxInFlight: 1}, block)
		first := make(chan int, 1)
		go func() { first <- env.do(t, post(t, map[string]any{"query": typenameQuery}, jsonType)).Code }()
		<-started
		second := make(chan int, 1)
		go func() { second <- env.do(t, post(t, map[string]any{"query": typenameQuery}, jsonType)).Code }()
		// The second request queues: the gauge shows it, and it has not
		// reached the executor.
		deadline := time.Now().Add(5 * time.Second)
		for queued(t, env) != 1 {
			if time.Now().After(deadline) {
				t.Fatal("the second request never showed as queued")
			}
			time.Sleep(5 * time.Millisecond)
		}
		mu.Lock()
		if entered != 1 {
			t.Errorf("%d requests reached the executor while one slot was taken, want 1", entered)
		}
		mu.Unlock()
		close(release)
		if c := <-first; c != 200 {
			t.Errorf("first: status %d", c)
		}
		if c := <-second; c != 200 {
			t.Errorf("second (queued): status %d", c)
		}
		if g := queued(t, env); g != 0 {
			t.Errorf("queued gauge %v after both finished, want 0", g)
		}
	})

	t.Run("a request whose deadline passes in the queue gets 503 TIMEOUT", func(t *testing.T) {
		mu.Lock()
		entered = 0
		mu.Unlock()
		release = make(chan struct{})
		defer close(release)
		env := newEnv(t, httpapi.Config{MaxInFlight: 1, RequestTimeout: 200 * time.Millisecond}, block)
		go env.do(t, post(t, map[string]any{"query": typenameQuery}, jsonType))
		<-started
		w := env.do(t, post(t, map[string]any{"query": typenameQuery}, responseType))
		if w.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503: %s", w.Code, w.Body)
		}
		if got := decode(t, w).codes(); len(got) != 1 || got[0] != gql.CodeTimeout {
			t.Errorf("codes %v, want [%s]", got, gql.CodeTimeout)
		}
		if w.Header().Get("Retry-After") == "" {
			t.Error("no Retry-After header")
		}
		if !strings.Contains(w.Body.String(), "busy") {
			t.Errorf("the message should say the server is busy: %s", w.Body)
		}
		mu.Lock()
		if entered != 1 {
			t.Errorf("%d requests reached the executor, want 1 (the timed-out one must not)", entered)
		}
		mu.Unlock()
	})
}

// queued reads kapgraph_graphql_requests_queued from the server's registry.
func queued(t *testing.T, env *testEnv) float64 {
	t.Helper()
	families, err := env.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() == "kapgraph_graphql_requests_queued" {
			return f.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatal("no kapgraph_graphql_requests_queued metric")
	return 0
}
