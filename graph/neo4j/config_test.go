package neo4j

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kapgraph/kapgraph/graph"
)

// driverSettings are the driver fields kapgraph sets, as the driver
// receives them.
type driverSettings struct {
	MaxConnectionPoolSize          int
	ConnectionAcquisitionTimeout   time.Duration
	MaxTransactionRetryTime        time.Duration
	SocketConnectTimeout           time.Duration
	ConnectionLivenessCheckTimeout time.Duration
	MaxConnectionLifetime          time.Duration
	FetchSize                      int
	SocketKeepalive                bool
	UserAgent                      string
	Logs                           bool
}

// TestDriverConfiguration checks the values the driver is given: with
// nothing set, the documented defaults (config.go, and RELIABILITY.md's
// "Neo4j driver pool, retries and timeouts"); with a setting made, that
// setting, as bench's larger pool and kapgraph serve's timeouts need.
func TestDriverConfiguration(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want driverSettings
	}{
		{
			name: "defaults",
			cfg:  Config{URI: "bolt://127.0.0.1:7687"},
			want: driverSettings{
				MaxConnectionPoolSize:          50,
				ConnectionAcquisitionTimeout:   5 * time.Second,
				MaxTransactionRetryTime:        10 * time.Second,
				SocketConnectTimeout:           5 * time.Second,
				ConnectionLivenessCheckTimeout: 30 * time.Second,
				MaxConnectionLifetime:          time.Hour,
				FetchSize:                      1000,
				SocketKeepalive:                true,
				UserAgent:                      "kapgraph",
				Logs:                           true,
			},
		},
		{
			name: "every setting overridden",
			cfg: Config{URI: "neo4j+s://db.example:7687",
				MaxConnectionPoolSize: 100, ConnectionAcquisitionTimeout: 12 * time.Second, MaxTransactionRetryTime: 3 * time.Second,
				ConnectTimeout: 2 * time.Second, LivenessCheckTimeout: time.Minute, MaxConnectionLifetime: 10 * time.Minute, FetchSize: -1},
			want: driverSettings{
				MaxConnectionPoolSize:          100,
				ConnectionAcquisitionTimeout:   12 * time.Second,
				MaxTransactionRetryTime:        3 * time.Second,
				SocketConnectTimeout:           2 * time.Second,
				ConnectionLivenessCheckTimeout: time.Minute,
				MaxConnectionLifetime:          10 * time.Minute,
				FetchSize:                      -1,
				SocketKeepalive:                true,
				UserAgent:                      "kapgraph",
				Logs:                           true,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(context.Background(), tc.cfg) // makes the driver; contacts no server
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close(context.Background()) })
			var dc config.Config
			s.Config().driverConfig(nil)(&dc)
			got := driverSettings{
				MaxConnectionPoolSize:          dc.MaxConnectionPoolSize,
				ConnectionAcquisitionTimeout:   dc.ConnectionAcquisitionTimeout,
				MaxTransactionRetryTime:        dc.MaxTransactionRetryTime,
				SocketConnectTimeout:           dc.SocketConnectTimeout,
				ConnectionLivenessCheckTimeout: dc.ConnectionLivenessCheckTimeout,
				MaxConnectionLifetime:          dc.MaxConnectionLifetime,
				FetchSize:                      dc.FetchSize,
				SocketKeepalive:                dc.SocketKeepalive,
				UserAgent:                      dc.UserAgent,
				Logs:                           dc.Log != nil,
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("driver configuration (-want +got):\n%s", d)
			}
		})
	}
}

// TestConfigFromEnvOverrides: each NEO4J_* variable reaches the store.
func TestConfigFromEnvOverrides(t *testing.T) {
	env := map[string]string{"NEO4J_URI": " bolt://graph.internal:7688 ", "NEO4J_USERNAME": "reader", "NEO4J_PASSWORD": "secret", "NEO4J_DATABASE": " reviews "}
	cfg, ok := ConfigFromEnv(func(k string) string { return env[k] })
	if !ok {
		t.Fatal("NEO4J_URI set, but ok is false")
	}
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	got := s.Config()
	if got.URI != "bolt://graph.internal:7688" || got.Username != "reader" || got.Password != "secret" || got.Database != "reviews" {
		t.Errorf("store configured with uri=%q user=%q password=%q database=%q", got.URI, got.Username, got.Password, got.Database)
	}
}

// TestConfigRejectsNegativeSettings: a negative pool size or timeout is a
// mistake to report, not a default to take.
func TestConfigRejectsNegativeSettings(t *testing.T) {
	for name, cfg := range map[string]Config{
		"pool":        {MaxConnectionPoolSize: -1},
		"acquisition": {ConnectionAcquisitionTimeout: -time.Second},
		"retry":       {MaxTransactionRetryTime: -time.Second},
		"connect":     {ConnectTimeout: -time.Second},
		"liveness":    {LivenessCheckTimeout: -time.Second},
		"lifetime":    {MaxConnectionLifetime: -time.Second},
	} {
		cfg.URI = "bolt://127.0.0.1:7687"
		if _, err := Open(context.Background(), cfg); graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("negative %s: Open gave %v, want %s", name, err, graph.EINVALID)
		}
	}
}
