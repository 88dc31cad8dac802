package neo4j

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/log"
)

// Config says how to reach Neo4j and how the driver's pool behaves. Zero
// durations and sizes take the defaults below, which are chosen here on
// purpose rather than inherited from the driver, so that a reader of this
// file knows what production runs with.
type Config struct {
	URI      string // bolt://host:7687, neo4j://host:7687 (routing), +s/+ssc for TLS
	Username string
	Password string
	Database string // always named: the driver never has to resolve a home database

	// MaxConnectionPoolSize bounds open connections per server.
	MaxConnectionPoolSize int
	// ConnectionAcquisitionTimeout bounds the wait for a pooled connection
	// (including opening a new one).
	ConnectionAcquisitionTimeout time.Duration
	// MaxTransactionRetryTime bounds the driver's retries of a managed
	// transaction on transient errors (deadlocks, leader switches, lost
	// connections); a request deadline still cuts it shorter.
	MaxTransactionRetryTime time.Duration
	// ConnectTimeout bounds opening one TCP/TLS connection.
	ConnectTimeout time.Duration
	// LivenessCheckTimeout: a pooled connection idle for longer than this
	// is checked (RESET round trip) before it is handed out, so a firewall
	// that silently dropped it costs a reconnect rather than a failed query.
	LivenessCheckTimeout time.Duration
	// MaxConnectionLifetime retires connections older than this.
	MaxConnectionLifetime time.Duration
	// FetchSize is the number of records pulled per batch (-1: all).
	FetchSize int
	// FanOutRecheck is how long FanOut answers from its cached counts
	// before it reads the graph's version again to see whether another
	// process loaded a document (a load through this Store renews the
	// counts at once). Default 500ms: several servers over one graph
	// price with a load's counts within a second of it, for one small
	// read (a node per review) per interval under load.
	FanOutRecheck time.Duration

	// Logger receives the driver's own log lines; nil discards them.
	Logger *slog.Logger

	// BoltLogger, when set, sees every Bolt message the store's
	// statements exchange with the server (a RUN per statement): for
	// debugging a connection, and for tests that count the statements a
	// request costs. It is never set from the environment.
	BoltLogger log.BoltLogger
}

// Defaults used where a Config leaves a setting zero.
const (
	DefaultDatabase                     = "neo4j"
	DefaultMaxConnectionPoolSize        = 50
	DefaultConnectionAcquisitionTimeout = 5 * time.Second
	DefaultMaxTransactionRetryTime      = 10 * time.Second
	DefaultConnectTimeout               = 5 * time.Second
	DefaultLivenessCheckTimeout         = 30 * time.Second
	DefaultMaxConnectionLifetime        = time.Hour
	DefaultFetchSize                    = 1000
	DefaultFanOutRecheck                = 500 * time.Millisecond
)

// ConfigFromEnv reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE (default "neo4j"). ok is false when NEO4J_URI is unset,
// which callers take as "use the embedded engine".
func ConfigFromEnv(getenv func(string) string) (Config, bool) {
	c := Config{
		URI:      strings.TrimSpace(getenv("NEO4J_URI")),
		Username: getenv("NEO4J_USERNAME"),
		Password: getenv("NEO4J_PASSWORD"),
		Database: strings.TrimSpace(getenv("NEO4J_DATABASE")),
	}
	if c.Database == "" {
		c.Database = DefaultDatabase
	}
	return c.withDefaults(), c.URI != ""
}

// withDefaults fills every zero setting.
func (c Config) withDefaults() Config {
	if c.Database == "" {
		c.Database = DefaultDatabase
	}
	if c.MaxConnectionPoolSize == 0 {
		c.MaxConnectionPoolSize = DefaultMaxConnectionPoolSize
	}
	if c.ConnectionAcquisitionTimeout == 0 {
		c.ConnectionAcquisitionTimeout = DefaultConnectionAcquisitionTimeout
	}
	if c.MaxTransactionRetryTime == 0 {
		c.MaxTransactionRetryTime = DefaultMaxTransactionRetryTime
	}
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = DefaultConnectTimeout
	}
	if c.LivenessCheckTimeout == 0 {
		c.LivenessCheckTimeout = DefaultLivenessCheckTimeout
	}
	if c.MaxConnectionLifetime == 0 {
		c.MaxConnectionLifetime = DefaultMaxConnectionLifetime
	}
	if c.FetchSize == 0 {
		c.FetchSize = DefaultFetchSize
	}
	if c.FanOutRecheck == 0 {
		c.FanOutRecheck = DefaultFanOutRecheck
	}
	return c
}

func (c Config) validate() error {
	if c.URI == "" {
		return fmt.Errorf("neo4j: no URI configured (set NEO4J_URI)")
	}
	u, err := url.Parse(c.URI)
	if err != nil {
		return fmt.Errorf("neo4j: malformed URI: %w", err)
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return fmt.Errorf("neo4j: unsupported URI scheme %q", u.Scheme)
	}
	if c.MaxConnectionPoolSize < 0 || c.ConnectionAcquisitionTimeout < 0 || c.MaxTransactionRetryTime < 0 ||
		c.ConnectTimeout < 0 || c.LivenessCheckTimeout < 0 || c.MaxConnectionLifetime < 0 {
		return fmt.Errorf("neo4j: negative pool or timeout setting")
	}
	return nil
}

// Redacted describes the configuration for logs, without the password.
func (c Config) Redacted() string {
	return fmt.Sprintf("uri=%s user=%s database=%s pool=%d", c.URI, c.Username, c.Database, c.MaxConnectionPoolSize)
}

// slogAdapter lets the driver log through slog. The driver reports errors
// that it may still recover from by retrying, so they are warnings here.
type slogAdapter struct{ l *slog.Logger }

var _ log.Logger = slogAdapter{}

func (a slogAdapter) Error(name, id string, err error) {
	a.l.Warn("neo4j driver", "component", name, "id", id, "err", err)
}

func (a slogAdapter) Warnf(name, id string, msg string, args ...any) {
	a.l.Warn("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (a slogAdapter) Infof(name, id string, msg string, args ...any) {
	a.l.Info("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (a slogAdapter) Debugf(name, id string, msg string, args ...any) {
	if a.l.Enabled(context.Background(), slog.LevelDebug) {
		a.l.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
	}
}
