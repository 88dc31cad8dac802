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
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kapgraph/kapgraph/loader/build"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/loader"
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
	s, where, err := openForWriting(ctx, getenv, stderr, "loading")
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
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

// openForWriting opens the configured store for a command that writes
// (load, ingest), logging warnings only, and says so when that store is
// the embedded one: it keeps nothing once the process ends, so the run is
// a dry run. verb names what the command does ("loading").
func openForWriting(ctx context.Context, getenv func(string) string, stderr io.Writer, verb string) (graph.Store, string, error) {
	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, where, err := openStore(ctx, getenv, logger)
	if err != nil {
		return nil, "", err
	}
	if _, ok := s.(*memory.Store); ok {
		fmt.Fprintf(stderr, "NEO4J_URI is not set: %s into the embedded store, which lives only in this process (a dry run)\n", verb)
	}
	return s, where, nil
}
