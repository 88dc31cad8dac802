package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/bench"
)

func (h *harness) size(ctx context.Context, name string, nodes int, loaded *int) error {
	gcfg := synth.Config{Nodes: nodes}
	docs := gcfg.Documents()
	sr := bench.SizeResult{Name: name, TargetNodes: nodes, Documents: docs}
	say("%s: loading reviews %d..%d into Neo4j with Store.Load", name, *loaded, docs-1)
	in, err := bench.LoadDocsWithin(ctx, h.store, gcfg, *loaded, docs, h.o.loadBudget, func(i int, res *graph.LoadResult, d time.Duration) {
		if (i+1)%25 == 0 || i == docs-1 {
			say("%s: review %d/%d loaded (%d relationships in %s)", name, i+1, docs, res.Edges, d.Round(time.Millisecond))
		}
	})
	if err != nil {
		return err
	}
	in.Size = name
	*loaded = in.Loaded
	sr.Ingest = in
	if in.Stopped {
		sr.Documents = in.Loaded
		sr.Name = name + "-partial"
		say("%s: the load budget (%s) ran out after %d of %d reviews: measuring the graph as loaded", name, h.o.loadBudget, in.Loaded, docs)
		h.res.Notes = append(h.res.Notes, fmt.Sprintf("%s: growing Neo4j to %d reviews did not fit the load budget of %s; %d reviews (%d relationships this step) were loaded, and that graph was measured as %q.",
			name, docs, h.o.loadBudget, in.Loaded, in.Relationships, sr.Name))
		name = sr.Name
	}
	say("%s: ingest %d relationships in %.1f s: %.0f rels/s", name, in.Relationships, in.Seconds, in.RelsPerSecond)
	recs, err := neo4jdrv.ExecuteQuery(ctx, h.drv, "MATCH (n:Entity) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r", nil,
		neo4jdrv.EagerResultTransformer, neo4jdrv.ExecuteQueryWithDatabase(h.db))
	if err != nil {
		return err
	}
	sr.Nodes = int(recs.Records[0].Values[0].(int64))
	sr.Relationships = int(recs.Records[0].Values[1].(int64))

	// The embedded server on the same data.
	var emb *bench.Process
	var embURL string
	if nodes <= h.o.embeddedMax {
		addr := freeAddr()
		embURL = "http://" + addr + "/graphql"
		t0 := time.Now()
		say("%s: starting the embedded server (it loads %d reviews with Store.Load)", name, sr.Documents)
		if emb, err = h.start("kapgraph-embedded-"+name, nil, h.o.kapserve, "--nodes", strconv.Itoa(nodes), "--docs", strconv.Itoa(sr.Documents), "--addr", addr,
			"--timeout", h.o.timeout.String()); err != nil {
			return err
		}
		if err := bench.WaitHTTP(ctx, emb, "http://"+addr+"/readyz", 40*time.Minute); err != nil {
			return err
		}
		sr.EmbeddedLoad = time.Since(t0).Seconds()
		say("%s: embedded server ready after %.1f s", name, sr.EmbeddedLoad)
		defer emb.Stop(10 * time.Second)
	} else {
		sr.EmbeddedNote = fmt.Sprintf("not run: above -embedded-max %d", h.o.embeddedMax)
	}

	say("%s: choosing the parameters", name)
	p, err := bench.Choose(ctx, h.drv, h.db, h.o.sample, h.o.seed)
	if err != nil {
		return err
	}
	kg := bench.NewKapgraph(bench.SysKapgraphNeo4j, h.kapURL, p, bench.Cursor.ForKapgraph)
	peer := bench.NewPeer(h.peerURL, p)
	var em *bench.GraphQLSystem
	if emb != nil {
		em = bench.NewKapgraph(bench.SysKapgraphMem, embURL, p, bench.Cursor.ForEmbedded)
	}
	if err := bench.Cursors(ctx, &p, kg, em, peer); err != nil {
		return err
	}
	sr.Params = p
	if p.ListNote != "" {
		say("%s: %s", name, p.ListNote)
	}
	say("%s: samples: %d entities (degree %v), %d path sources (paths within 6 hops %v), %d centres (degree %v), %d list pages; most popular %s, %s, %s",
		name, len(p.Entities), p.EntityBand, len(p.PathFroms), p.Paths6Band, len(p.Centres), p.CentreBand, len(p.ListAfters), p.Entity, p.PathFrom, p.Centre)
	systems := []bench.System{bench.NewKapgraph(bench.SysKapgraphNeo4j, h.kapURL, p, bench.Cursor.ForKapgraph)}
	if emb != nil {
		systems = append(systems, bench.NewKapgraph(bench.SysKapgraphMem, embURL, p, bench.Cursor.ForEmbedded))
	}
	systems = append(systems, bench.NewCypher(h.drv, h.db, p), bench.NewPeer(h.peerURL, p))

	say("%s: checking that the %d systems agree on every id of the samples", name, len(systems))
	answers, errs := bench.Check(ctx, systems, p, h.o.timeout)
	os.WriteFile(filepath.Join(h.o.work, "answers-"+name+".json"), mustJSON(answers), 0o644)
	var mismatches []error
	failed := map[string]map[bench.QueryID]bool{}
	for _, e := range errs {
		var ae bench.AskError
		if errors.As(e, &ae) {
			say("%s: FAILURE: %v", name, ae)
			sr.Failures = append(sr.Failures, bench.Failure{System: ae.System, Query: string(ae.Query), Error: ae.Err.Error()})
			if failed[ae.System] == nil {
				failed[ae.System] = map[bench.QueryID]bool{}
			}
			failed[ae.System][ae.Query] = true
			continue
		}
		mismatches = append(mismatches, e)
	}
	if len(mismatches) > 0 {
		h.res.Sizes = append(h.res.Sizes, sr)
		return fmt.Errorf("the systems disagree; nothing was timed:\n%s", bench.JoinErrors(mismatches))
	}
	if len(failed) > 0 {
		h.res.Notes = append(h.res.Notes, fmt.Sprintf("%s: some systems failed questions in the correctness check (see the failures above); the answers of the others agreed.", name))
	}
	for _, s := range systems {
		if len(failed[s.Name()]) > 0 {
			continue
		}
		if err := bench.Warm(ctx, s, h.o.warm, h.o.timeout); err != nil {
			return err
		}
	}
	seq := bench.NewSequence(p)
	meters := h.meters(emb)
	load := func(d time.Duration, c int) bench.Load {
		return bench.Load{Duration: d, MaxRequests: 1_000_000, MinRequests: max(h.o.minReq, 2*c), Timeout: h.o.timeout}
	}
	for _, c := range h.o.conc {
		for _, q := range bench.Mix {
			// The systems take turns within the cell (bench.MeasureTurns),
			// so that none is always timed first.
			var asked []bench.System
			for _, s := range systems {
				if !failed[s.Name()][q] {
					asked = append(asked, s)
				}
			}
			for _, cell := range bench.MeasureTurns(ctx, asked, seq, meters, []bench.QueryID{q}, c, load(h.o.dur, c), h.o.turns) {
				cell.Size = name
				sr.Cells = append(sr.Cells, cell)
				say("%s c=%-2d %-15s %-18s %7.1f req/s p50 %7.2f p99 %8.2f ms%s%s", name, c, q, cell.System, cell.Throughput, cell.P50Ms, cell.P99Ms, cpuNote(cell), errNote(cell))
			}
		}
		mixSystems := systems
		if c == slices.Max(h.o.conc) && len(h.res.Sizes) == 0 && len(failed[bench.SysKapgraphNeo4j]) == 0 {
			// Tracing's cost: the same server with tracing on, measured
			// in turns with it on the mix (first size only).
			traced := bench.NewKapgraph(bench.SysKapgraphTraced, h.tracedURL, p, bench.Cursor.ForKapgraph)
			if err := bench.Warm(ctx, traced, h.o.warm, h.o.timeout); err != nil {
				return err
			}
			mixSystems = append([]bench.System{systems[0], traced}, systems[1:]...)
		}
		var mixed []bench.System
		for _, s := range mixSystems {
			if len(failed[s.Name()]) == 0 {
				mixed = append(mixed, s)
			}
		}
		for _, cell := range bench.MeasureTurns(ctx, mixed, seq, meters, bench.Mix, c, load(h.o.mixDur, c), h.o.turns) {
			cell.Size = name
			sr.Cells = append(sr.Cells, cell)
			say("%s c=%-2d %-15s %-18s %7.1f req/s p50 %7.2f p99 %8.2f ms%s%s", name, c, "mix", cell.System, cell.Throughput, cell.P50Ms, cell.P99Ms, cpuNote(cell), errNote(cell))
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	sr.Memory = h.memory(emb)
	h.res.Sizes = append(h.res.Sizes, sr)
	return nil
}

func errNote(c bench.Cell) string {
	if c.Errors == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d errors: %.160s)", c.Errors, c.FirstError)
}
