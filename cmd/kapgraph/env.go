package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/memlimit"
	"github.com/kapgraph/kapgraph/schema"
)

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", envOr(getenv, "KAPGRAPH_ADDR", "localhost:8080"), "address to listen on")
	ff := addFolderFlags(fs)
	loadSeeds := fs.Bool("load", false, "with Neo4j: load the seeds before serving")
	cors := fs.String("cors", getenv("KAPGRAPH_CORS_ORIGINS"), "comma-separated origins allowed to call the API from a browser (\"*\" for any)")
	noPlayground := fs.Bool("no-playground", getenv("KAPGRAPH_PLAYGROUND") == "off", "do not serve the GraphiQL playground")
	noIntrospection := fs.Bool("no-introspection", getenv("KAPGRAPH_INTROSPECTION") == "off", "refuse introspection queries")
	trustedDir := fs.String("trusted-documents", getenv("KAPGRAPH_TRUSTED_DOCUMENTS"), "run only the operations in this folder's *.graphql files (e.g. api/client/operations); the playground's introspection is refused too")
	timeout := fs.Duration("timeout", httpapi.DefaultRequestTimeout, "per-request timeout")
	pidfile := fs.String("pidfile", getenv("KAPGRAPH_PIDFILE"), "write \"PID ADDRESS\" into this file on start, and remove it on exit")
	defInFlight, err := envInt(getenv, "KAPGRAPH_MAX_INFLIGHT", httpapi.DefaultMaxInFlight)
	if err != nil {
		return err
	}
	maxInFlight := fs.Int("max-inflight", defInFlight, "GraphQL and TRAPI queries executing at once; others queue until their deadline (negative: no cap)")
	logFormat := fs.String("log-format", envOr(getenv, "KAPGRAPH_LOG_FORMAT", "auto"), "log format: text, json, or auto (text on a terminal, else JSON)")
	if err := parse(fs, args); err != nil {
		return err
	}
	logger, err := newLogger(*logFormat, stderr)
	if err != nil {
		return err
	}
	tp, err := tracerFromEnv(ctx, getenv)
	if err != nil {
		return err
	}
	var tracer trace.TracerProvider
	if tp != nil {
		tracer = tp
		defer func() {
			// Flush what is buffered, on a context of its own: ctx is
			// already cancelled when serve returns on a signal.
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			if err := tp.Shutdown(sctx); err != nil {
				logger.Warn("tracing: flushing spans", "err", err)
			}
		}()
		logger.Info("tracing: exporting spans by OTLP over HTTP")
	}
	// Read before the store is opened: a bad list is a mistake in the
	// command line, found before anything is loaded.
	var trusted *gql.TrustedDocuments
	if *trustedDir != "" {
		if trusted, err = readTrustedDocuments(*trustedDir); err != nil {
			return err
		}
		logger.Info("only trusted documents run", "dir", *trustedDir, "operations", strings.Join(trusted.Names(), ","))
		if !*noPlayground {
			// GraphiQL's own schema query is not on the list.
			logger.Warn("the playground at / cannot work with --trusted-documents: its queries are refused; pass --no-playground to stop serving it")
		}
	}

	store, where, err := openStore(ctx, getenv, logger, fitToTimeout(*timeout))
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	mem, embedded := store.(*memory.Store)
	var warnings []graph.LoadWarning
	if embedded || *loadSeeds {
		loaded, err := readFolders(*ff.seeds, ff.add, *ff.strict)
		if err != nil {
			return err
		}
		warnings = loaded.Warnings()
		for _, w := range warnings {
			logger.Warn("skipped a file that cannot be read (--strict refuses instead)", "file", w.File, "line", w.Line, "problem", w.Message)
		}
		if err := loadAll(ctx, store, loaded.Built, logWriter{logger}); err != nil {
			return err
		}
	}
	if embedded {
		// The loaded indexes into few large arrays, so that the load's
		// garbage no longer pins the memory they sit in (memory.Pack).
		mem.Pack()
		if limit, live, set := memlimit.Fit(getenv); set {
			logger.Info("soft memory limit fitted to the loaded graph (KAPGRAPH_MEMORY_LIMIT=fit)",
				"live_mb", live>>20, "limit_mb", limit>>20)
		} else {
			// The load's garbage goes back to the system before serving
			// (not a limit: the collector keeps its default pacing).
			memlimit.Settle()
		}
	}
	// The collector's goal is at least memlimit.DefaultHeapFloor: over
	// Neo4j almost nothing stays live, and at the default pacing the
	// collector took a quarter of the server's CPU (see memlimit.Floor).
	if stopFloor, started := memlimit.Floor(getenv, memlimit.DefaultHeapFloor); started {
		defer stopFloor()
	}
	logger.Info("store ready", "store", where)

	handler := app.NewServer(app.Config{
		HTTP: httpapi.Config{
			AllowedOrigins:    splitList(*cors),
			RequestTimeout:    *timeout,
			DisablePlayground: *noPlayground,
			MaxInFlight:       *maxInFlight,
		},
		GraphQL:  gql.Options{Limits: gql.Limits{Introspection: !*noIntrospection, TrustedDocuments: trusted}},
		Tracer:   tracer,
		Warnings: warnings,
	}, store, logger)
	pid := os.Getpid()
	removePidfile := func() {}
	// Fail before listening when the pidfile cannot be written; it is
	// written again with the bound address once listening.
	if removePidfile, err = writePidfile(*pidfile, pid, pendingAddr(*addr)); err != nil {
		return err
	}
	defer func() { removePidfile() }()
	return httpapi.Serve(ctx, *addr, handler, logger, httpapi.ServeOptions{
		WriteTimeout: *timeout + 5*time.Second,
		OnListen: func(a net.Addr) {
			if _, err := writePidfile(*pidfile, pid, a); err != nil {
				logger.Error("writing the pidfile", "err", err)
			}
			printBanner(stdout, where, a, pid, !*noPlayground)
		},
	})
}

// readTrustedDocuments reads the trusted-document list in dir and checks
// every operation on it against the schema the server serves, so that a
// list gone stale with the schema stops the server at start rather than
// failing its clients.
func readTrustedDocuments(dir string) (*gql.TrustedDocuments, error) {
	td, err := gql.ReadTrustedDocuments(dir)
	if err != nil {
		return nil, fmt.Errorf("--trusted-documents: %w", err)
	}
	sdl, err := schema.SDL()
	if err != nil {
		return nil, fmt.Errorf("--trusted-documents: reading the schema: %w", err)
	}
	s, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(sdl)})
	if gerr != nil {
		return nil, fmt.Errorf("--trusted-documents: loading the schema: %w", gerr)
	}
	if err := td.Validate(s); err != nil {
		return nil, fmt.Errorf("--trusted-documents: %w", err)
	}
	return td, nil
}

// newLogger makes serve's logger. Everything serve says on stderr goes
// through it, so the lines share one format: text for a person at a
// terminal, JSON (one object a line) for a log collector.
func newLogger(format string, stderr io.Writer) (*slog.Logger, error) {
	if format == "auto" {
		format = "json"
		if f, ok := stderr.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				format = "text"
			}
		}
	}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(stderr, nil)), nil
	case "text":
		return slog.New(slog.NewTextHandler(stderr, nil)), nil
	}
	return nil, usageError{fmt.Sprintf("unknown log format %q: want text, json or auto", format)}
}

// logWriter turns the lines loadAll prints into log records.
type logWriter struct{ l *slog.Logger }

func (w logWriter) Write(p []byte) (int, error) {
	for _, line := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		if line != "" {
			w.l.Info(line)
		}
	}
	return len(p), nil
}

// fitToTimeout fits the driver's waits into the request timeout.
//
// Retries get half of it. With the whole timeout to retry in, a request
// in flight when Neo4j goes away spends all of it retrying and ends as a
// TIMEOUT after the full deadline, and the store never learns that the
// database is down; with half, the retries give up in time to answer
// DATABASE_UNAVAILABLE, the store is marked down, and the requests that
// follow fail at once until Neo4j answers again. A blip shorter than the
// budget is still bridged by the retries.
//
// Waiting for a pooled connection gets all of it. Every connection busy
// means the server is overloaded, not that the database is unavailable:
// a request that cannot get one before its deadline ends as a TIMEOUT
// rather than as DATABASE_UNAVAILABLE (which would also mark the store
// down while Neo4j is answering). Opening a connection keeps its own,
// shorter, timeout.
func fitToTimeout(timeout time.Duration) func(*neo4j.Config) {
	return func(c *neo4j.Config) {
		if budget := timeout / 2; budget > 0 && budget < c.MaxTransactionRetryTime {
			c.MaxTransactionRetryTime = budget
		}
		if timeout > c.ConnectionAcquisitionTimeout {
			c.ConnectionAcquisitionTimeout = timeout
		}
	}
}

// envInt reads an integer setting from the environment; a value that is
// not an integer is an error rather than silently the default.
func envInt(getenv func(string) string, key string, def int) (int, error) {
	v := strings.TrimSpace(getenv(key))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("%s=%q: not an integer", key, v)
	}
	return n, nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func version() string { return "0.1.0" }
