package bench

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// Ingest is what one load wrote and how fast.
type Ingest struct {
	Size          string  `json:"size"`
	FromDoc       int     `json:"fromDoc"`
	ToDoc         int     `json:"toDoc"` // exclusive
	Nodes         int     `json:"nodes"` // as sent (shared entities once per document that names them)
	Relationships int     `json:"relationships"`
	Seconds       float64 `json:"seconds"` // in Store.Load only, generation excluded
	RelsPerSecond float64 `json:"relsPerSecond"`
	SlowestDocMs  float64 `json:"slowestDocMs"`
	// Stopped is set when the time budget ran out before ToDoc: the
	// documents before Loaded are in.
	Stopped bool `json:"stopped,omitempty"`
	Loaded  int  `json:"loaded"` // exclusive end of what was loaded
	// Of a bulk import only (MeasureBulk): Seconds is the importer's
	// process; the graph answers, with its indexes, only after the
	// server's restart and the schema step. ReadySeconds is the whole
	// Import call: finishing the CSV files, the server's stop, the
	// importer, the server's start, waiting for it, creating the indexes
	// and constraints (until online) and the Stats summary.
	RestartSeconds     float64 `json:"restartSeconds,omitempty"` // the server's stop and start around the importer
	SchemaSeconds      float64 `json:"schemaSeconds,omitempty"`  // after the start: waiting, indexes and constraints, summary
	ReadySeconds       float64 `json:"readySeconds,omitempty"`
	ReadyRelsPerSecond float64 `json:"readyRelsPerSecond,omitempty"`
}

// LoadDocs loads documents [from, to) of cfg into s with Store.Load, one
// document per call as the loader does, generating the next ones in the
// background. progress, if set, is called after each document. With a
// budget, no document is started once the loads took that long (Stopped).
func LoadDocs(ctx context.Context, s graph.Store, cfg synth.Config, from, to int, progress func(i int, res *graph.LoadResult, d time.Duration)) (Ingest, error) {
	return LoadDocsWithin(ctx, s, cfg, from, to, 0, progress)
}

// LoadDocsWithin is LoadDocs with a time budget (0: none).
func LoadDocsWithin(ctx context.Context, s graph.Store, cfg synth.Config, from, to int, budget time.Duration, progress func(i int, res *graph.LoadResult, d time.Duration)) (Ingest, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := Ingest{FromDoc: from, ToDoc: to, Loaded: from}
	began := time.Now()
	g := synth.New(cfg)
	docs := make(chan *graph.Document, 2)
	go func() {
		defer close(docs)
		for i := from; i < to; i++ {
			select {
			case docs <- g.Document(i):
			case <-ctx.Done():
				return
			}
		}
	}()
	i := from
	for d := range docs {
		if budget > 0 && time.Since(began) > budget {
			in.Stopped = true
			break
		}
		t0 := time.Now()
		res, err := s.Load(ctx, d)
		took := time.Since(t0)
		if err != nil {
			return in, fmt.Errorf("loading %s: %w", d.ID, err)
		}
		in.Seconds += took.Seconds()
		in.Nodes += len(d.Nodes)
		in.Relationships += len(d.Edges)
		in.SlowestDocMs = max(in.SlowestDocMs, float64(took.Milliseconds()))
		if progress != nil {
			progress(i, res, took)
		}
		i++
		in.Loaded = i
	}
	if in.Seconds > 0 {
		in.RelsPerSecond = float64(in.Relationships) / in.Seconds
	}
	if in.Stopped {
		return in, nil
	}
	return in, ctx.Err()
}

// Wipe empties the benchmark's database, in batches small enough for the
// development launcher's 128 MB per transaction (a batch of 10,000 nodes
// of the 10k graph, relationships included, exceeds it), relationships
// first: a batch of 1,000 nodes of the 1M graph that holds its hubs,
// deleted with their relationships, exceeds the bench's 1 GB (the ingest
// step's wipe failed so on 2026-12-06). Each batch is its own statement
// and transaction, not one CALL ... IN TRANSACTIONS: that statement's
// outer transaction lives until the last batch, and on the 1M graph it
// outlived the bench's 60 s transaction timeout (2026-12-07).
func Wipe(ctx context.Context, d neo4j.DriverWithContext, db string) error {
	for _, q := range []string{
		"MATCH ()-[r]->() WITH r LIMIT $n DELETE r RETURN count(*) AS k",
		"MATCH (n) WITH n LIMIT $n DETACH DELETE n RETURN count(*) AS k",
	} {
		for {
			res, err := neo4j.ExecuteQuery(ctx, d, q, map[string]any{"n": 20000}, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithWritersRouting())
			if err != nil {
				return err
			}
			if len(res.Records) == 0 {
				break
			}
			k, _ := res.Records[0].Get("k")
			if n, _ := k.(int64); n == 0 {
				break
			}
		}
	}
	return nil
}

// RSS returns the resident set of process pid in bytes, and its peak
// (VmHWM), from /proc.
func RSS(pid int) (rss, peak int64, err error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb << 10
		case "VmHWM:":
			peak = kb << 10
		}
	}
	return rss, peak, nil
}

// SelfRSS is RSS of this process after a full collection.
func SelfRSS() int64 {
	runtime.GC()
	r, _, _ := RSS(os.Getpid())
	return r
}
