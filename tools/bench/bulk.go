// The bulk first load's figure (issue 19): relationships/s of Neo4j's
// importer over the synthetic graph, for the Targets table.

package bench

import (
	"context"
	"fmt"
	"runtime"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// MeasureBulk bulk-loads the synthetic graph of a size (synth.Sizes) into
// store, which must be empty, with importer, writing the CSV files into
// dir. Seconds and RelsPerSecond are the importer's own (neo4j-admin
// database import, without the server's stop and start around it or the
// CSV writing and indexing, which Bulk times apart); generating the
// documents is not timed.
func MeasureBulk(ctx context.Context, store *neo4j.Store, size, dir string, importer neo4j.Importer) (*Ingest, *neo4j.BulkResult, error) {
	n, ok := synth.Sizes[size]
	if !ok {
		return nil, nil, fmt.Errorf("unknown size %q", size)
	}
	b, err := store.NewBulk(ctx, dir)
	if err != nil {
		return nil, nil, err
	}
	cfg := synth.Config{Nodes: n}
	nodes := 0
	if err := synth.All(cfg, runtime.GOMAXPROCS(0), func(_ int, d *graph.Document) error {
		nodes += len(d.Nodes)
		_, err := b.Load(ctx, d)
		return err
	}); err != nil {
		return nil, nil, err
	}
	res, err := b.Import(ctx, importer)
	if err != nil {
		return nil, nil, err
	}
	docs := cfg.Documents()
	return &Ingest{Size: size, ToDoc: docs, Loaded: docs, Nodes: nodes, Relationships: res.Relationships,
		Seconds: res.Import.Seconds(), RelsPerSecond: res.RelationshipsPerSecond()}, &res, nil
}
