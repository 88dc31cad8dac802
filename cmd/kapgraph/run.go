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

	"github.com/kapgraph/kapgraph/loader/build"

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

// usageError marks mistakes in the command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) < 2 {
		topUsage(stderr)
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
	case "ingest":
		return ingestCmd(ctx, rest, getenv, stdout, stderr)
	case "export":
		return exportCmd(ctx, rest, getenv, stdout, stderr)
	case "draft":
		return draft(rest, stdout, stderr)
	case "schema":
		return schemaCmd(rest, stdout, stderr)
	case "version", "--version", "-version", "-v":
		if err := parse(newFlags("version", stderr), rest); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "kapgraph", version())
		return nil
	case "help", "-h", "--help":
		if len(rest) > 0 {
			if _, ok := lookupCommand(rest[0]); ok {
				return dispatch(ctx, rest[0], []string{"--help"}, getenv, stdout, stderr)
			}
		}
		topUsage(stdout)
		return nil
	}
	topUsage(stderr)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
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

// folderFlags are the flags that choose the review folders: --seeds
// (only these, instead of the built-in seeds), --add (more beside them)
// and --strict (refuse on any problem rather than skip the file).
type folderFlags struct {
	seeds  *string
	add    dirList
	strict *bool
}

func addFolderFlags(fs *flag.FlagSet) *folderFlags {
	f := &folderFlags{}
	f.seeds = fs.String("seeds", "", "read only the reviews in this directory (default: the seeds built into the binary)")
	fs.Var(&f.add, "add", "also read the reviews in this directory, with the lexicon of the seeds (repeatable)")
	f.strict = fs.Bool("strict", false, "refuse to start when any file cannot be read (default: skip it and name it)")
	return f
}

// dirList is a repeatable directory flag.
type dirList []string

func (d *dirList) String() string     { return strings.Join(*d, ",") }
func (d *dirList) Set(v string) error { *d = append(*d, v); return nil }

// readFolders reads the base folder (dir, or the embedded seeds when dir
// is empty) and the added ones.
func readFolders(dir string, add []string, strict bool) (*loader.Loaded, error) {
	var folders []loader.Folder
	if dir == "" {
		sub, err := fs.Sub(seeds.FS, ".")
		if err != nil {
			return nil, err
		}
		folders = append(folders, loader.Folder{FS: sub, Label: "seeds"})
	}
	for _, d := range append([]string{dir}, add...) {
		if d == "" {
			continue
		}
		f, err := loader.DirFolder(d)
		if err != nil {
			return nil, err
		}
		folders = append(folders, f)
	}
	return loader.LoadFolders(folders, strict)
}

// readSeeds builds the documents from dir, or from the embedded seeds when
// dir is empty, refusing on any problem.
func readSeeds(dir string) ([]loader.Built, error) {
	l, err := readFolders(dir, nil, true)
	if err != nil {
		return nil, err
	}
	return l.Built, nil
}

func countProblems(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// reportSkipped names, on w, every file left out of the graph.
func reportSkipped(w io.Writer, l *loader.Loaded) {
	if len(l.Problems) == 0 {
		return
	}
	fmt.Fprintln(w, "warning: some files could not be read and were skipped (--strict refuses instead):")
	loader.FormatProblems(w, l.Problems)
	for _, s := range l.Skipped {
		fmt.Fprintf(w, "  %s\n", s)
	}
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
	ff := addFolderFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	loaded, err := readFolders(*ff.seeds, ff.add, *ff.strict)
	if err != nil {
		return err
	}
	reportSkipped(stderr, loaded)
	built := loaded.Built
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
	var add dirList
	fs.Var(&add, "add", "also check the reviews in this directory, with the lexicon of DIR (repeatable)")
	if err := parse(fs, args); err != nil {
		return err
	}
	dir := fs.Arg(0)
	if dir == "" {
		if st, err := os.Stat("seeds"); err == nil && st.IsDir() {
			dir = "seeds"
		}
	}
	loaded, err := readFolders(dir, add, false)
	var pe *loader.ProblemsError
	switch {
	case errors.As(err, &pe):
		loaded = &loader.Loaded{Problems: pe.Problems}
	case err != nil:
		return err
	}
	if *asJSON {
		reps := make([]*build.Report, len(loaded.Built))
		for i, b := range loaded.Built {
			reps[i] = b.Report
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if len(loaded.Problems) > 0 {
			// The reports and the problems, in one document a program can read.
			if err := enc.Encode(struct {
				Reviews  []*build.Report     `json:"reviews"`
				Problems []graph.LoadWarning `json:"problems"`
			}{reps, loaded.Problems}); err != nil {
				return err
			}
			return fmt.Errorf("%s: see \"problems\"", countProblems(len(loaded.Problems)))
		}
		return enc.Encode(reps)
	}
	for _, b := range loaded.Built {
		printReport(stdout, b.Report)
	}
	if len(loaded.Problems) > 0 {
		loader.FormatProblems(stdout, loaded.Problems)
		return fmt.Errorf("%s (listed above)", countProblems(len(loaded.Problems)))
	}
	return nil
}

func printReport(w io.Writer, r *build.Report) {
	fmt.Fprintf(w, "%s\n  %s\n  document %s\n\n", r.Source, r.Title, r.Document)
	fmt.Fprintf(w, "  %d nodes, %d edges; %d sections, %d sentences, %d references, %d in-text citations, %d mentions\n",
		r.Nodes, r.Edges, r.Sections, r.Passages, r.References, r.Citations, r.Mentions)
	printArticle(w, r)
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
	_, embedded := store.(*memory.Store)
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
