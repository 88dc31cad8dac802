package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
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
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/schema"
	"github.com/kapgraph/kapgraph/seeds"
)

const usage = `kapgraph: a knowledge graph of ketamine-assisted psychotherapy for addiction, over GraphQL.

Usage:
  kapgraph serve    [--addr :8080] [--seeds DIR] [--load] [--cors ORIGINS] [--no-playground] [--no-introspection]
                    [--trusted-documents DIR]
  kapgraph load     [--seeds DIR]
  kapgraph validate [--json] [DIR]
  kapgraph draft    [--force] DIR | --accept DIR
  kapgraph schema   lexicon|claims
  kapgraph export   --format kgx|graphml|json --out DIR|- [--seeds DIR] [--date YYYY-MM-DD]
  kapgraph version

Every command takes -h or --help.

Without NEO4J_URI, serve loads the seeds into the embedded store. With
NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE), load writes
the seeds into Neo4j and serve answers from it. The seeds are built into
the binary; --seeds DIR reads a directory instead.
`

// usageError marks mistakes in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	err := dispatch(ctx, args[1], args[2:], getenv, stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil // the command printed its usage: asked for, so success
	}
	return err
}

func dispatch(ctx context.Context, cmd string, rest []string, getenv func(string) string, stdout, stderr io.Writer) error {
	switch cmd {
	case "serve":
		return serve(ctx, rest, getenv, stdout, stderr)
	case "load":
		return load(ctx, rest, getenv, stdout, stderr)
	case "validate":
		return validate(rest, stdout, stderr)
	case "export":
		return exportCmd(ctx, rest, getenv, stdout, stderr)
	case "draft":
		return draft(rest, stdout, stderr)
	case "schema":
		return schemaCmd(rest, stdout, stderr)
	case "version", "--version", "-version", "-v":
		fmt.Fprintln(stdout, "kapgraph", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kapgraph "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses a command's flags. On -h or --help it returns
// flag.ErrHelp, which stops the command before it does anything and which
// run reports as success.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}

// readSeeds builds the documents from dir, or from the embedded seeds when
// dir is empty.
func readSeeds(dir string) ([]loader.Built, error) {
	if dir == "" {
		sub, err := fs.Sub(seeds.FS, ".")
		if err != nil {
			return nil, err
		}
		return loader.LoadFS(sub, "seeds")
	}
	return loader.LoadDir(dir)
}

// openStore picks the engine: Neo4j when NEO4J_URI is set, else the
// embedded store.
func openStore(ctx context.Context, getenv func(string) string, logger *slog.Logger, opts ...func(*neo4j.Config)) (graph.Store, string, error) {
	cfg, ok := neo4j.ConfigFromEnv(getenv)
	if !ok {
		return memory.New(), "embedded", nil
	}
	cfg.Logger = logger
	for _, o := range opts {
		o(&cfg)
	}
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		return nil, "", fmt.Errorf("neo4j at %s: %w", cfg.URI, err)
	}
	return s, "neo4j " + cfg.URI + " database " + cfg.Database, nil
}

func loadAll(ctx context.Context, s graph.Store, built []loader.Built, out io.Writer) error {
	for _, b := range built {
		start := time.Now()
		res, err := s.Load(ctx, b.Document)
		if err != nil {
			return fmt.Errorf("loading %s: %w", b.Report.Source, err)
		}
		verb := "loaded"
		if res.Replaced {
			verb = "replaced"
		}
		fmt.Fprintf(out, "%s %s: %d nodes, %d edges in %s\n", verb, res.Document, res.Nodes, res.Edges, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func load(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("load", stderr)
	dir := fs.String("seeds", "", "seeds directory (default: the seeds built into the binary)")
	if err := parse(fs, args); err != nil {
		return err
	}
	built, err := readSeeds(*dir)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, where, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	if _, ok := s.(*memory.Store); ok {
		fmt.Fprintln(stderr, "NEO4J_URI is not set: loading into the embedded store, which lives only in this process (a dry run)")
	}
	// Fail fast with a clear message rather than after the driver's
	// retries when the database is not there at all.
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := s.Ping(pctx); err != nil {
		return fmt.Errorf("cannot reach %s: %w; nothing was written", where, err)
	}
	fmt.Fprintf(stdout, "store: %s\n", where)
	return loadAll(ctx, s, built, stdout)
}

func validate(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("validate", stderr)
	asJSON := fs.Bool("json", false, "print the full report as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	dir := fs.Arg(0)
	if dir == "" {
		if st, err := os.Stat("seeds"); err == nil && st.IsDir() {
			dir = "seeds"
		}
	}
	built, err := readSeeds(dir)
	if err != nil {
		return err
	}
	if *asJSON {
		reps := make([]*loader.Report, len(built))
		for i, b := range built {
			reps[i] = b.Report
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reps)
	}
	for _, b := range built {
		printReport(stdout, b.Report)
	}
	return nil
}

func printReport(w io.Writer, r *loader.Report) {
	fmt.Fprintf(w, "%s\n  %s\n  document %s\n\n", r.Source, r.Title, r.Document)
	fmt.Fprintf(w, "  %d nodes, %d edges; %d sections, %d sentences, %d references, %d in-text citations, %d mentions\n",
		r.Nodes, r.Edges, r.Sections, r.Passages, r.References, r.Citations, r.Mentions)
	fmt.Fprintf(w, "  %d claims (%d stated, %d inferred)\n", r.Claims, r.Stated, r.Inferred)
	fmt.Fprintf(w, "  extraction: %d claims kept as extracted; curation confirmed %d, corrected %d, rejected %d\n\n", r.Extracted, r.Confirmed, r.Corrected, r.Rejected)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  nodes by category\t\tedges by predicate\t")
	for i := 0; i < len(r.ByCategory) || i < len(r.ByPredicate); i++ {
		var a, b string
		if i < len(r.ByCategory) {
			a = fmt.Sprintf("%s\t%d", r.ByCategory[i].Key, r.ByCategory[i].Count)
		} else {
			a = "\t"
		}
		if i < len(r.ByPredicate) {
			b = fmt.Sprintf("%s\t%d", r.ByPredicate[i].Key, r.ByPredicate[i].Count)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", a, b)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n  references\n")
	for _, s := range r.Studies {
		fmt.Fprintf(w, "  [%d] %s: %s (evidence level %d; %s)\n", s.Number, s.Label, s.Design, s.Level, s.Basis)
	}
	fmt.Fprintf(w, "\n  citation concerns: %d\n", len(r.Concerns))
	for _, c := range r.Concerns {
		// file:line, as compilers print it, so editors and terminals jump there.
		fmt.Fprintf(w, "  %s:%d  %s: %s\n", r.Source, c.Line, c.Kind, c.Message)
	}
	fmt.Fprintln(w)
}

func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", envOr(getenv, "KAPGRAPH_ADDR", "localhost:8080"), "address to listen on")
	dir := fs.String("seeds", "", "seeds directory (default: the seeds built into the binary)")
	loadSeeds := fs.Bool("load", false, "with Neo4j: load the seeds before serving")
	cors := fs.String("cors", getenv("KAPGRAPH_CORS_ORIGINS"), "comma-separated origins allowed to call the API from a browser (\"*\" for any)")
	noPlayground := fs.Bool("no-playground", getenv("KAPGRAPH_PLAYGROUND") == "off", "do not serve the GraphiQL playground")
	noIntrospection := fs.Bool("no-introspection", getenv("KAPGRAPH_INTROSPECTION") == "off", "refuse introspection queries")
	trustedDir := fs.String("trusted-documents", getenv("KAPGRAPH_TRUSTED_DOCUMENTS"), "run only the operations in this folder's *.graphql files (e.g. api/client/operations); the playground's introspection is refused too")
	timeout := fs.Duration("timeout", httpapi.DefaultRequestTimeout, "per-request timeout")
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
	_, embedded := store.(*memory.Store)
	if embedded || *loadSeeds {
		built, err := readSeeds(*dir)
		if err != nil {
			return err
		}
		if err := loadAll(ctx, store, built, logWriter{logger}); err != nil {
			return err
		}
	}
	if embedded {
		if limit, live, set := memlimit.Fit(getenv); set {
			logger.Info("soft memory limit fitted to the loaded graph (KAPGRAPH_MEMORY_LIMIT=fit)",
				"live_mb", live>>20, "limit_mb", limit>>20)
		}
	}
	logger.Info("store ready", "store", where)

	handler := app.NewServer(app.Config{
		HTTP: httpapi.Config{
			AllowedOrigins:    splitList(*cors),
			RequestTimeout:    *timeout,
			DisablePlayground: *noPlayground,
			MaxInFlight:       *maxInFlight,
		},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: !*noIntrospection, TrustedDocuments: trusted}},
		Tracer:  tracer,
	}, store, logger)
	return httpapi.Serve(ctx, *addr, handler, logger, httpapi.ServeOptions{
		WriteTimeout: *timeout + 5*time.Second,
		OnListen: func(a net.Addr) {
			fmt.Fprintf(stdout, "kapgraph serving %s at http://%s/ (GraphQL at /graphql)\n", where, a)
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
