package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph/memory"
)

// exportFile is one file of an export and what it holds, for the summary.
type exportFile struct {
	name  string
	what  string
	write func(io.Writer) error
}

// exportCmd writes the whole graph in an exchange format. Without
// NEO4J_URI it exports the seeds as the embedded store would serve them;
// with it, the database as it is, so the export is what users query.
func exportCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	format := fs.String("format", "kgx", "kgx (nodes.jsonl, edges.jsonl, manifest.json), graphml (kapgraph.graphml) or json (kapgraph.json)")
	out := fs.String("out", "", `directory to write into (required); "-" writes to standard output (kgx as a .tar.gz)`)
	dir := fs.String("seeds", "", "seeds directory for the embedded store (default: the seeds built into the binary)")
	date := fs.String("date", "", "build date stamped in the KGX manifest, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{`export needs --out DIR (a directory to write into) or --out - (standard output)`}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("export takes no arguments, got %q", fs.Arg(0))}
	}
	switch *format {
	case "kgx", "graphml", "json":
	default:
		return usageError{fmt.Sprintf("unknown export format %q: want kgx, graphml or json", *format)}
	}
	meta := export.Meta{Version: version()}
	var err error
	if meta.Date, err = buildDate(*date, getenv); err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	store, where, err := openStore(ctx, getenv, logger)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	if _, ok := store.(*memory.Store); ok {
		built, err := readSeeds(*dir)
		if err != nil {
			return err
		}
		if err := loadAll(ctx, store, built, io.Discard); err != nil {
			return err
		}
		where += " (" + plural(len(built), "document") + " from the seeds)"
	} else {
		if *dir != "" {
			fmt.Fprintln(stderr, "NEO4J_URI is set: exporting the database as it is; --seeds is ignored")
		}
		pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
		defer cancel()
		if err := store.Ping(pctx); err != nil {
			return fmt.Errorf("cannot reach %s: %w", where, err)
		}
	}

	g, err := export.Snapshot(ctx, store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "store: %s: %d nodes, %d edges\n", where, len(g.Nodes), len(g.Edges))

	nodes := fmt.Sprintf("%d nodes", len(g.Nodes))
	edges := fmt.Sprintf("%d edges", len(g.Edges))
	both := nodes + ", " + edges
	var files []exportFile
	switch {
	case *format == "kgx" && *out == "-":
		files = []exportFile{{"kapgraph-kgx.tar.gz", "KGX nodes.jsonl, edges.jsonl and manifest.json, " + both,
			func(w io.Writer) error { return export.WriteKGXArchive(w, g, meta) }}}
	case *format == "kgx":
		files = []exportFile{
			{export.KGXNodesFile, "KGX " + nodes, func(w io.Writer) error { return export.WriteKGXNodes(w, g) }},
			{export.KGXEdgesFile, "KGX " + edges, func(w io.Writer) error { return export.WriteKGXEdges(w, g) }},
			{export.KGXManifestFile, "KGX manifest, Biolink " + export.BiolinkVersion + ", date " + meta.Date.Format(time.DateOnly),
				func(w io.Writer) error { return export.WriteKGXManifest(w, g, meta) }},
		}
	case *format == "graphml":
		files = []exportFile{{export.GraphMLFile, "GraphML " + both, func(w io.Writer) error { return export.WriteGraphML(w, g) }}}
	default:
		files = []exportFile{{export.JSONFile, "kapgraph JSON " + both + " in " + plural(len(g.Documents), "document"),
			func(w io.Writer) error { return export.WriteJSON(w, g) }}}
	}

	if *out == "-" {
		for _, f := range files {
			cw := &byteCounter{w: stdout}
			if err := f.write(cw); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "wrote %s to standard output: %s, %d bytes\n", f.name, f.what, cw.n)
		}
		return nil
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range files {
		path := filepath.Join(*out, f.name)
		n, err := writeFileAtomic(path, f.write)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s: %s, %d bytes\n", path, f.what, n)
	}
	return nil
}

// buildDate picks the manifest date: the flag, else SOURCE_DATE_EPOCH (the
// reproducible-builds convention), else today.
func buildDate(flagValue string, getenv func(string) string) (time.Time, error) {
	if flagValue != "" {
		t, err := time.Parse(time.DateOnly, flagValue)
		if err != nil {
			return time.Time{}, usageError{fmt.Sprintf("--date %q: want YYYY-MM-DD", flagValue)}
		}
		return t, nil
	}
	if s := getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds: %w", s, err)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// writeFileAtomic writes through a temporary file in the same directory
// and renames it into place, so an export that fails half-way never leaves
// a truncated file where a good one was.
func writeFileAtomic(path string, write func(io.Writer) error) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	cw := &byteCounter{w: tmp}
	if err := write(cw); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("export %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return cw.n, nil
}

type byteCounter struct {
	w io.Writer
	n int64
}

func (c *byteCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
