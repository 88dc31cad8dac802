package main

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph/neo4j"
)

// TestServeFitsDriverToTimeout opens the store as `kapgraph serve` does
// (from NEO4J_* and --timeout) and checks the two driver waits fitted to
// the request timeout: retries get half of it, capped at the default;
// waiting for a pooled connection gets all of it, never less than the
// default. Opening makes the driver without contacting a server.
func TestServeFitsDriverToTimeout(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_DATABASE": "reviews"}
	for _, tc := range []struct {
		timeout            time.Duration
		retry, acquisition time.Duration
	}{
		{timeout: 10 * time.Second, retry: 5 * time.Second, acquisition: 10 * time.Second}, // the --timeout default
		{timeout: 30 * time.Second, retry: 10 * time.Second, acquisition: 30 * time.Second},
		{timeout: 2 * time.Second, retry: time.Second, acquisition: 5 * time.Second},
	} {
		t.Run(tc.timeout.String(), func(t *testing.T) {
			s, where, err := openStore(context.Background(), envFunc(env), slog.New(slog.DiscardHandler), fitToTimeout(tc.timeout))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close(context.Background()) })
			ns, ok := s.(*neo4j.Store)
			if !ok {
				t.Fatalf("NEO4J_URI set but the store is %T (%s)", s, where)
			}
			c := ns.Config()
			if c.MaxTransactionRetryTime != tc.retry || c.ConnectionAcquisitionTimeout != tc.acquisition {
				t.Errorf("--timeout %s: retry %s, acquisition %s; want %s, %s", tc.timeout,
					c.MaxTransactionRetryTime, c.ConnectionAcquisitionTimeout, tc.retry, tc.acquisition)
			}
			if c.Database != "reviews" || c.MaxConnectionPoolSize != neo4j.DefaultMaxConnectionPoolSize || c.ConnectTimeout != neo4j.DefaultConnectTimeout {
				t.Errorf("settings serve does not fit changed: %+v", c)
			}
		})
	}
}
