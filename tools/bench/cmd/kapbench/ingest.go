package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// ingest is the corpus-ingest step: after the read benchmark it empties
// the database and measures bench.MeasureIngest over a synthetic corpus of
// -ingest-docs articles, for the Targets table.
func (h *harness) ingest(ctx context.Context) error {
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer drv.Close(context.Background())
	say("ingest: wiping the database for a corpus of %d articles", h.o.ingestDocs)
	if err := bench.Wipe(ctx, drv, cfg.Database); err != nil {
		return fmt.Errorf("ingest: wiping: %w", err)
	}
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	dir := filepath.Join(h.o.work, "corpus")
	os.RemoveAll(dir)
	f, err := bench.MeasureIngest(ctx, dir, h.o.ingestDocs, store)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	say("ingest: %.1f docs/s on 1 core, %.1f on %d; first load %.1f s, 1%% re-ingest %.1f s", f.DocsPerSec1, f.DocsPerSecAll, f.CPUs, f.FirstSeconds, f.ReloadSeconds)
	h.res.Ingest = f
	return nil
}

// bulk is the bulk import step, last as it restarts the server: it empties
// the database and measures bench.MeasureBulk over the -bulk-size graph.
func (h *harness) bulk(ctx context.Context) error {
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer drv.Close(context.Background())
	say("bulk: wiping the database for the %s graph", h.o.bulkSize)
	if err := bench.Wipe(ctx, drv, cfg.Database); err != nil {
		return fmt.Errorf("bulk: wiping: %w", err)
	}
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	dir := filepath.Join(h.o.work, "bulk-csv")
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	in, res, err := bench.MeasureBulk(ctx, store, h.o.bulkSize, dir, neo4j.CommandImporter(strings.Fields(h.o.importCmd), nil, os.Stderr))
	if err != nil {
		return fmt.Errorf("bulk: %w", err)
	}
	say("bulk: %d relationships, the graph answering after %.1f s: %.0f rels/s (CSV %.1f s, importer %.1f s = %.0f rels/s, server restart %.1f s, indexes %.1f s)",
		in.Relationships, in.ReadySeconds, in.ReadyRelsPerSecond, res.CSV.Seconds(), in.Seconds, in.RelsPerSecond,
		in.RestartSeconds, res.Schema.Seconds())
	h.res.BulkImport = in
	return nil
}
