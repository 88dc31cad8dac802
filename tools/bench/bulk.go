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
// dir. Seconds and RelsPerSecond are the importer's process alone
// (neo4j-admin database import, its JVM's start included); ReadySeconds
// and ReadyRelsPerSecond are the whole Import, until the graph answers
// with every index online (the server's stop and start, the indexes and
// constraints, the Stats summary). Generating the documents and writing
// their rows as they come are not timed (Store.Load's figure does not
// time generation either).
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
	in := &Ingest{Size: size, ToDoc: docs, Loaded: docs, Nodes: nodes, Relationships: res.Relationships,
		Seconds: res.Import.Seconds(), RelsPerSecond: res.RelationshipsPerSecond(),
		RestartSeconds: (res.Run - res.Import).Seconds(), SchemaSeconds: res.Schema.Seconds(),
		ReadySeconds: (res.CSV + res.Run + res.Schema).Seconds()}
	if in.ReadySeconds > 0 {
		in.ReadyRelsPerSecond = float64(res.Relationships) / in.ReadySeconds
	}
	return in, &res, nil
}
