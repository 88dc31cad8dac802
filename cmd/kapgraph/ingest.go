package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

// ingest loads a corpus folder incrementally (loader.Ingest).
func ingestCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	workers := fs.Int("workers", 0, "articles parsed and extracted at once (default: one per CPU)")
	progress := fs.String("progress", "auto", "progress output: bar (a line redrawn in place), lines (a line every --every), off, or auto (bar on a terminal, else lines)")
	every := fs.Duration("every", 5*time.Second, "with --progress lines: how often to print a line")
	bulk := addBulkFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"ingest takes one folder: kapgraph ingest DIR"}
	}
	corpus, err := loader.DirFolder(fs.Arg(0))
	if err != nil {
		return err
	}
	base, err := builtinSeeds()
	if err != nil {
		return err
	}
	mode := *progress
	if mode == "auto" {
		mode = "lines"
		if isTerminal(stderr) {
			mode = "bar"
		}
	}
	var show func(loader.Progress)
	switch mode {
	case "bar":
		show = barProgress(stderr)
	case "lines":
		show = lineProgress(stderr, *every)
	case "off":
	default:
		return usageError{fmt.Sprintf("unknown --progress %q: want auto, bar, lines or off", *progress)}
	}

	s, where, err := openForWriting(ctx, getenv, stderr, "ingesting")
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	// Longer than load's 15 s: a first ingest into an empty database
	// creates the schema first.
	pctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := s.Ping(pctx); err != nil {
		return fmt.Errorf("cannot reach %s: %w; nothing was written", where, err)
	}
	cs, ok := s.(graph.CorpusStore)
	if !ok {
		return fmt.Errorf("%s cannot ingest a corpus", where)
	}
	fmt.Fprintf(stdout, "store: %s\n", where)
	opt := loader.IngestOptions{Corpus: corpus, Base: []loader.Folder{base}, Workers: *workers, Progress: show}
	var res *loader.IngestResult
	if *bulk.on {
		res, err = bulkIngest(ctx, s, bulk, getenv, opt, stdout, stderr)
	} else {
		res, err = loader.Ingest(ctx, cs, opt)
	}
	if mode == "bar" {
		fmt.Fprintln(stderr)
	}
	if res != nil {
		fmt.Fprintf(stdout, "%s: %d loaded, %d unchanged, %d removed, %d skipped (cannot be read); %d edges written in %s (%.1f files/s)\n",
			corpus.Label, res.Loaded, res.Unchanged, res.Removed, res.Failed, res.Edges, res.Elapsed.Round(time.Millisecond), res.Rate())
		if len(res.Problems) > 0 {
			fmt.Fprintln(stderr, "warning: some files could not be read and were skipped:")
			loader.FormatProblems(stderr, res.Problems)
		}
	}
	return err
}

func builtinSeeds() (loader.Folder, error) {
	sub, err := fs.Sub(seeds.FS, ".")
	if err != nil {
		return loader.Folder{}, err
	}
	return loader.Folder{FS: sub, Label: "seeds"}, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func progressText(p loader.Progress) string {
	eta := "?"
	if d := p.ETA(); d > 0 {
		eta = d.Round(time.Second).String()
	}
	return fmt.Sprintf("%d/%d files (%d loaded, %d unchanged, %d failed) %.1f files/s, ETA %s",
		p.Done, p.Total, p.Loaded, p.Unchanged, p.Failed, p.Rate(), eta)
}

// barProgress redraws one line in place: a bar, the counts, the rate and
// the time left. It redraws at most ten times a second.
func barProgress(w io.Writer) func(loader.Progress) {
	var last time.Time
	return func(p loader.Progress) {
		if now := time.Now(); now.Sub(last) < 100*time.Millisecond && p.Done < p.Total {
			return
		} else {
			last = now
		}
		const width = 30
		fill := 0
		if p.Total > 0 {
			fill = width * p.Done / p.Total
		}
		fmt.Fprintf(w, "\r[%s%s] %3.0f%% %s\033[K", strings.Repeat("#", fill), strings.Repeat(".", width-fill),
			100*float64(p.Done)/float64(max(p.Total, 1)), progressText(p))
	}
}

// lineProgress prints a plain line every interval and at the end, for
// logs and CI, where a redrawn line would be noise.
func lineProgress(w io.Writer, every time.Duration) func(loader.Progress) {
	var last time.Time
	return func(p loader.Progress) {
		now := time.Now()
		if last.IsZero() {
			last = now
		}
		if now.Sub(last) < every && p.Done < p.Total {
			return
		}
		last = now
		fmt.Fprintf(w, "ingest: %s\n", progressText(p))
	}
}
