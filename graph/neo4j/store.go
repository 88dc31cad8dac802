// Package neo4j is kapgraph's production graph engine: graph.Store over a
// Neo4j 5 server through the official Go driver.
//
// The design follows the driver's own advice. One driver (and so one
// connection pool) per Store, and one Store per process. Single statements
// go through neo4j.ExecuteQuery; multi-statement reads and the load go
// through managed transactions (session.ExecuteRead / ExecuteWrite) whose
// callbacks are idempotent and consume every result inside the
// transaction, so the driver may retry them. Every call names the
// database, reads run in read transactions (which the server itself
// refuses to write in), and a request's deadline reaches the server as the
// transaction timeout.
//
// Cypher takes user input only as parameters. Labels and relationship
// types cannot be parameters, so they are spliced into query text, but
// only after graph.Category.Valid or graph.Predicate.Valid accepted them;
// hop counts are spliced as integers that graph's Normalize bounded.
//
// Every query method answers exactly what graph/memory answers for the
// same data: both pass graph/storetest and compare with the same golden
// files. Path ranking is expressed in Cypher exactly (see traverse.go),
// so only the paths asked for leave the database; where Cypher cannot
// express a rule identically (search scoring), the database narrows the
// candidates and the shared helpers in package graph decide.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"

	"github.com/kapgraph/kapgraph/graph"
)

// Store is the Neo4j engine. It is safe for concurrent use.
type Store struct {
	cfg    Config
	driver neo4j.DriverWithContext
	log    *slog.Logger

	// down is set when the last attempt to reach the server failed (and
	// initially, before anything is known). While it is set, a request
	// first makes one quick connection attempt and fails fast with
	// EUNAVAILABLE instead of spending the driver's whole retry budget.
	down atomic.Bool

	schemaMu sync.Mutex
	schemaOK atomic.Bool

	loadMu sync.Mutex // serialises this process's loads; the database serialises the rest

	fan fanOutCache // the last FanOut, by version of the graph

	plans planStatements // the statement of each plan shape Read has compiled

	wholeOnce sync.Once
	whole     *pathsWhole // the paths' second statement (pathsWhole), built on first use

	txMeta sync.Map // op → its transactions' metadata option (txConfig), for operations without metadata of their own
}

var _ graph.Store = (*Store)(nil)

// Open makes the driver. It does not contact the server, so a process can
// start while Neo4j is down and report itself not ready (see Ping); the
// schema is ensured on first use.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, graph.WrapError(graph.EINVALID, err, "")
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""), cfg.driverConfig(logger))
	if err != nil {
		return nil, graph.WrapError(graph.EINVALID, err, "neo4j: configuring the driver")
	}
	s := &Store{cfg: cfg, driver: drv, log: logger}
	s.down.Store(true)
	return s, nil
}

// driverConfig hands every setting of c to the driver; a function of its
// own so that a test can check that each one arrives, since the driver
// does not show its configuration once made.
func (c Config) driverConfig(logger *slog.Logger) func(*config.Config) {
	return func(dc *config.Config) {
		dc.MaxConnectionPoolSize = c.MaxConnectionPoolSize
		dc.ConnectionAcquisitionTimeout = c.ConnectionAcquisitionTimeout
		dc.MaxTransactionRetryTime = c.MaxTransactionRetryTime
		dc.SocketConnectTimeout = c.ConnectTimeout
		dc.ConnectionLivenessCheckTimeout = c.LivenessCheckTimeout
		dc.MaxConnectionLifetime = c.MaxConnectionLifetime
		dc.SocketKeepalive = true
		dc.FetchSize = c.FetchSize
		dc.UserAgent = "kapgraph"
		dc.Log = slogAdapter{logger}
	}
}

// Config returns the configuration in force, defaults filled in.
func (s *Store) Config() Config { return s.cfg }

// Close implements graph.Store: it closes the pool.
func (s *Store) Close(ctx context.Context) error {
	if err := s.driver.Close(ctx); err != nil {
		return s.mapErr(ctx, "close", err)
	}
	return nil
}

// Ping implements graph.Store: the server answers, the schema is in place,
// and a read transaction on the configured database runs.
func (s *Store) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return s.mapErr(ctx, "ping", err)
	}
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return s.mapErr(ctx, "ping", err)
	}
	s.down.Store(false)
	_, err := s.query(ctx, "ping", "RETURN 1 AS ok", nil)
	return err
}

// ---- transactions -------------------------------------------------------

type txWork[T any] func(ctx context.Context, tx neo4j.ManagedTransaction) (T, error)

// downProbeTimeout bounds the connectivity check of a request made while
// the server is known to be down.
const downProbeTimeout = time.Second

// ready is what every operation does first: fail fast while the server is
// known to be unreachable, and make sure the schema exists.
func (s *Store) ready(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return s.mapErr(ctx, op, err)
	}
	if s.down.Load() {
		// The probe gets a second, not the request's deadline: a server
		// shutting down or starting up may accept a connection and never
		// answer it, and a request must not wait out its deadline on that
		// (it would answer TIMEOUT after seconds instead of
		// DATABASE_UNAVAILABLE at once).
		pctx, cancel := context.WithTimeout(ctx, downProbeTimeout)
		err := s.driver.VerifyConnectivity(pctx)
		cancel()
		if err != nil {
			if ctx.Err() == nil {
				return graph.WrapError(graph.EUNAVAILABLE, err, "neo4j %s: database unavailable", op)
			}
			return s.mapErr(ctx, op, err)
		}
		s.down.Store(false)
	}
	if !s.schemaOK.Load() {
		if err := s.EnsureSchema(ctx); err != nil {
			return err
		}
	}
	return nil
}

// txConfig passes the request's deadline to the server as the transaction
// timeout, and names the operation in the transaction's metadata (visible
// in SHOW TRANSACTIONS and the query log). The metadata of an operation
// without metadata of its own (every read) is made once and kept
// (Store.txMeta): the driver only reads it, and a fresh map a statement
// cost four allocations for the same two entries.
func (s *Store) txConfig(ctx context.Context, op string, meta map[string]any) ([]func(*neo4j.TransactionConfig), error) {
	cfgs := make([]func(*neo4j.TransactionConfig), 1, 2)
	if meta == nil {
		if opt, ok := s.txMeta.Load(op); ok {
			cfgs[0] = opt.(func(*neo4j.TransactionConfig))
		} else {
			cfgs[0] = neo4j.WithTxMetadata(map[string]any{"app": "kapgraph", "op": op})
			s.txMeta.Store(op, cfgs[0])
		}
	} else {
		md := map[string]any{"app": "kapgraph", "op": op}
		for k, v := range meta {
			md[k] = v
		}
		cfgs[0] = neo4j.WithTxMetadata(md)
	}
	if dl, ok := ctx.Deadline(); ok {
		left := time.Until(dl)
		if left <= 0 {
			return nil, graph.WrapError(graph.ETIMEOUT, context.DeadlineExceeded, "neo4j %s", op)
		}
		cfgs = append(cfgs, neo4j.WithTxTimeout(txTimeout(left)))
	}
	return cfgs, nil
}

// txTimeout is the transaction timeout for time left: whole milliseconds,
// as the server counts them. The driver rounds any other value up and logs
// an INFO line saying so for every transaction, which under load is a log
// line per statement, formatted and written on the cores the database
// needs. Truncating keeps the server's timeout within the request's
// deadline; under a millisecond left still gets one millisecond, because a
// zero timeout would mean none at all.
func txTimeout(left time.Duration) time.Duration {
	return max(left.Truncate(time.Millisecond), time.Millisecond)
}

func (s *Store) sessionConfig(mode neo4j.AccessMode) neo4j.SessionConfig {
	return neo4j.SessionConfig{
		AccessMode:   mode,
		DatabaseName: s.cfg.Database,
		// The same bookmark manager as ExecuteQuery, so a read after a
		// load sees the load even on a cluster.
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
		FetchSize:       s.cfg.FetchSize,
		BoltLogger:      s.cfg.BoltLogger,
	}
}

// readTx runs work in one managed read transaction.
func readTx[T any](ctx context.Context, s *Store, op string, work txWork[T]) (T, error) {
	return runTx(ctx, s, op, neo4j.AccessModeRead, nil, work)
}

func runTx[T any](ctx context.Context, s *Store, op string, mode neo4j.AccessMode, meta map[string]any, work txWork[T]) (T, error) {
	var zero T
	if err := s.ready(ctx, op); err != nil {
		return zero, err
	}
	cfgs, err := s.txConfig(ctx, op, meta)
	if err != nil {
		return zero, err
	}
	sess := s.driver.NewSession(ctx, s.sessionConfig(mode))
	defer s.closeSession(ctx, sess)
	tctx, span := s.startTx(ctx, op, mode)
	tctx, stop := callContext(tctx)
	defer stop()
	attempts := 0
	fn := func(tx neo4j.ManagedTransaction) (any, error) {
		attempts++
		return work(tctx, tx)
	}
	var res any
	if mode == neo4j.AccessModeRead {
		res, err = sess.ExecuteRead(tctx, fn, cfgs...)
	} else {
		res, err = sess.ExecuteWrite(tctx, fn, cfgs...)
	}
	if span.IsRecording() {
		span.SetAttributes(attribute.Int("neo4j.attempts", attempts))
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}
	if err != nil {
		return zero, s.mapErr(ctx, op, err)
	}
	v, _ := res.(T)
	return v, nil
}

func (s *Store) closeSession(ctx context.Context, sess neo4j.SessionWithContext) {
	// Close on a context of its own: a cancelled request must still hand
	// its connection back to the pool cleanly.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := sess.Close(cctx); err != nil {
		s.log.Debug("neo4j: closing session", "err", err)
	}
}

// query runs one read statement and returns its records.
//
// The statement runs as an auto-commit transaction of a read session:
// RUN and PULL go out together and the last record ends it, where a
// managed transaction (ExecuteQuery) costs a BEGIN and, after the
// records, a COMMIT round trip more, and the driver's transaction
// machinery; the session's access mode still makes it a read transaction
// the server refuses writes in. Only a failure the driver would retry (a
// pooled connection the server closed, a cluster member gone) is sent
// again, through ExecuteQuery and its retries, as before.
func (s *Store) query(ctx context.Context, op, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if err := s.ready(ctx, op); err != nil {
		return nil, err
	}
	recs, err := s.autoRead(ctx, op, cypher, params)
	if err != nil && neo4j.IsRetryable(err) && ctx.Err() == nil {
		return s.executeRaw(ctx, op, cypher, params, neo4j.ExecuteQueryWithReadersRouting())
	}
	if err != nil {
		return nil, s.mapErr(ctx, op, err)
	}
	return recs, nil
}

// autoRead runs one statement as an auto-commit transaction of a read
// session and collects its records (query).
func (s *Store) autoRead(ctx context.Context, op, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	cfgs, err := s.txConfig(ctx, op, nil)
	if err != nil {
		return nil, err
	}
	sess := s.driver.NewSession(ctx, s.sessionConfig(neo4j.AccessModeRead))
	defer s.closeSession(ctx, sess)
	sctx, span := s.startStatement(ctx, op, cypher)
	sctx, stop := callContext(sctx)
	defer stop()
	res, err := sess.Run(sctx, cypher, params, cfgs...)
	var recs []*neo4j.Record
	if err == nil {
		recs, err = res.Collect(sctx)
	}
	var sum neo4j.ResultSummary
	if err == nil && span.IsRecording() {
		sum, _ = res.Consume(sctx) // all records are read: the summary is already here
	}
	endStatement(span, len(recs), sum, err)
	return recs, err
}

func (s *Store) execute(ctx context.Context, op, cypher string, params map[string]any, routing neo4j.ExecuteQueryConfigurationOption) ([]*neo4j.Record, error) {
	if err := s.ready(ctx, op); err != nil {
		return nil, err
	}
	return s.executeRaw(ctx, op, cypher, params, routing)
}

// executeRaw is execute without the readiness check (EnsureSchema uses it).
func (s *Store) executeRaw(ctx context.Context, op, cypher string, params map[string]any, routing neo4j.ExecuteQueryConfigurationOption) ([]*neo4j.Record, error) {
	cfgs, err := s.txConfig(ctx, op, nil)
	if err != nil {
		return nil, err
	}
	opts := []neo4j.ExecuteQueryConfigurationOption{
		neo4j.ExecuteQueryWithDatabase(s.cfg.Database), routing,
		neo4j.ExecuteQueryWithTransactionConfig(cfgs...),
	}
	if s.cfg.BoltLogger != nil {
		opts = append(opts, neo4j.ExecuteQueryWithBoltLogger(s.cfg.BoltLogger))
	}
	sctx, span := s.startStatement(ctx, op, cypher)
	sctx, stop := callContext(sctx)
	defer stop()
	res, err := neo4j.ExecuteQuery(sctx, s.driver, cypher, params, neo4j.EagerResultTransformer, opts...)
	if err != nil {
		endStatement(span, 0, nil, err)
		return nil, s.mapErr(ctx, op, err)
	}
	endStatement(span, len(res.Records), res.Summary, nil)
	return res.Records, nil
}

// collect runs one statement inside a transaction and consumes its result.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	sctx, span := startTxStatement(ctx, cypher)
	res, err := tx.Run(sctx, cypher, params)
	if err != nil {
		endStatement(span, 0, nil, err)
		return nil, err
	}
	recs, err := res.Collect(sctx)
	var sum neo4j.ResultSummary
	if err == nil && span.IsRecording() {
		sum, _ = res.Consume(sctx) // all records are read: the summary is already here
	}
	endStatement(span, len(recs), sum, err)
	return recs, err
}

// ---- errors -------------------------------------------------------------

// mapErr turns a driver or server error into a domain error: unreachable
// server → EUNAVAILABLE, deadline, cancellation or a server-side
// transaction timeout → ETIMEOUT, anything else EINTERNAL. Domain errors
// raised inside a transaction callback pass through unchanged.
func (s *Store) mapErr(ctx context.Context, op string, err error) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		if ge.Code == graph.EUNAVAILABLE {
			s.down.Store(true)
		}
		return err
	}
	code := classify(err)
	if ctx.Err() != nil {
		code = graph.ETIMEOUT
	}
	switch code {
	case graph.EUNAVAILABLE:
		s.down.Store(true)
		return graph.WrapError(code, err, "neo4j %s: database unavailable", op)
	case graph.ETIMEOUT:
		if ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
			err = fmt.Errorf("%w (%w)", ctx.Err(), err)
		}
		return graph.WrapError(code, err, "neo4j %s: deadline exceeded or cancelled", op)
	}
	return graph.WrapError(graph.EINTERNAL, err, "neo4j %s", op)
}

// Server error codes that mean "the database is not there to ask".
var unavailableCodes = map[string]bool{
	"Neo.TransientError.General.DatabaseUnavailable": true,
	"Neo.ClientError.Database.DatabaseNotFound":      true,
}

func classify(err error) string {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return graph.ETIMEOUT
	}
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) {
		// The retry budget ran out: what matters is why the last try failed.
		if n := len(tel.Errors); n > 0 {
			return classify(tel.Errors[n-1])
		}
		if strings.Contains(tel.Cause, "context") {
			return graph.ETIMEOUT
		}
		return graph.EUNAVAILABLE
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		if ce.Inner != nil && classify(ce.Inner) == graph.ETIMEOUT {
			return graph.ETIMEOUT
		}
		return graph.EUNAVAILABLE
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case strings.HasPrefix(ne.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
			return graph.ETIMEOUT
		case unavailableCodes[ne.Code]:
			return graph.EUNAVAILABLE
		}
		return graph.EINTERNAL
	}
	var nerr net.Error
	if errors.As(err, &nerr) || errors.Is(err, io.EOF) {
		return graph.EUNAVAILABLE
	}
	return graph.EINTERNAL
}
