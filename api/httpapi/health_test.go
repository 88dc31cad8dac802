package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
)

// TestProbes checks liveness (always up) and readiness (up only while the
// store answers its ping in time).
func TestProbes(t *testing.T) {
	t.Parallel()
	unreachable := pingerFunc(func(ctx context.Context) error {
		return graph.WrapError(graph.EUNAVAILABLE, errors.New("dial tcp 127.0.0.1:7687: connection refused"), "neo4j ping")
	})
	// hung never answers on its own; only the probe's deadline ends it.
	hung := pingerFunc(func(ctx context.Context) error {
		<-ctx.Done()
		return graph.WrapError(graph.ETIMEOUT, ctx.Err(), "neo4j ping")
	})
	tests := []struct {
		name   string
		opts   []option
		path   string
		status int
		want   map[string]string
	}{
		{name: "healthz", path: "/healthz", status: 200, want: map[string]string{"status": "ok"}},
		{name: "healthz with the store down", opts: []option{withPinger(unreachable)}, path: "/healthz",
			status: 200, want: map[string]string{"status": "ok"}},
		// "*": any value but the empty one (the store's version).
		{name: "readyz with the seeded store", path: "/readyz", status: 200, want: map[string]string{"status": "ready", "graphVersion": "*"}},
		{name: "readyz with the store down", opts: []option{withPinger(unreachable)}, path: "/readyz", status: 503,
			want: map[string]string{"status": "unavailable", "error": "neo4j ping: dial tcp 127.0.0.1:7687: connection refused"}},
		{name: "readyz with the store hung", opts: []option{withPinger(hung)}, path: "/readyz", status: 503,
			want: map[string]string{"status": "unavailable", "error": "neo4j ping: context deadline exceeded"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env := newEnv(t, httpapi.Config{}, tt.opts...)
			start := time.Now()
			w := env.do(t, httptest.NewRequest(http.MethodGet, tt.path, nil))
			if elapsed := time.Since(start); elapsed > 4*time.Second {
				t.Errorf("probe took %v; the ping must be cut at 2s", elapsed)
			}
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cc := w.Header().Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control %q", cc)
			}
			var got map[string]string
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Errorf("body %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if v == "*" && got[k] != "" {
					continue
				}
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// TestReadyzDeadline checks the ping gets the 2 s budget, not the whole
// request timeout.
func TestReadyzDeadline(t *testing.T) {
	var left time.Duration
	env := newEnv(t, httpapi.Config{RequestTimeout: time.Minute}, withPinger(pingerFunc(func(ctx context.Context) error {
		d, ok := ctx.Deadline()
		if !ok {
			return errors.New("no deadline")
		}
		left = time.Until(d)
		return nil
	})))
	if w := env.do(t, httptest.NewRequest(http.MethodGet, "/readyz", nil)); w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if left <= 0 || left > 2*time.Second {
		t.Errorf("ping deadline %v away, want at most 2s", left)
	}
}
