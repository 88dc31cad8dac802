package neo4j

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// Study lists by year read their page through the :Study(year) index and
// their total from the Stats summary, and page exactly as the embedded
// engine does: every page, cursor, total and hasNext, with the summary
// covering the studies and with it gone (the total is then counted).
func TestStudyListsFromIndexAndSummary(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	mem := memory.New()
	for _, d := range storetest.Seeds(t) {
		for _, st := range []graph.Store{mem, s} {
			if _, err := st.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
	rec := &neo4jtest.Recorder{}
	s.cfg.BoltLogger = rec
	t.Cleanup(func() { s.cfg.BoltLogger = nil })

	queries := []graph.NodeQuery{
		{Category: graph.CategoryStudy, OrderBy: graph.OrderByYear, Descending: true, YearFrom: 1990, MaxEvidence: 3, First: 2},
		{Category: graph.CategoryStudy, OrderBy: graph.OrderByYear, YearFrom: 2005, First: 2},
		{Category: graph.CategoryStudy, OrderBy: graph.OrderByYear, Descending: true, YearFrom: 1, YearTo: 2020, First: 2},
		{Category: graph.CategoryStudy, OrderBy: graph.OrderByName, MaxEvidence: 2, First: 2},
		{Category: graph.CategoryStudy, OrderBy: graph.OrderByYear, Descending: true, First: 2}, // no bound: sorted, not by the index
	}
	check := func(label string, wantSummary bool) {
		pages := 0
		for _, q := range queries {
			after := ""
			for {
				q.After = after
				want, err := mem.ListNodes(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				rec.Take()
				got, err := s.ListNodes(ctx, q)
				if err != nil {
					t.Fatalf("%s %+v: %v", label, q, err)
				}
				stmts := rec.Take()
				if len(stmts) != 1 {
					t.Fatalf("%s: %d statements, want 1", label, len(stmts))
				}
				if idx := strings.Contains(stmts[0].Cypher, "n.year >= $yearFrom"); idx != (q.OrderBy == graph.OrderByYear && q.YearFrom > 0) {
					t.Errorf("%s %+v: read by the year index %v:\n%s", label, q, idx, stmts[0].Cypher)
				}
				if sum := strings.Contains(stmts[0].Cypher, labelStat); sum != wantSummary {
					t.Errorf("%s %+v: total from the summary %v, want %v", label, q, sum, wantSummary)
				}
				pages++
				if got.TotalCount != want.TotalCount || got.HasNext != want.HasNext || !slices.Equal(got.Cursors, want.Cursors) || !slices.Equal(ids(got.Nodes), ids(want.Nodes)) {
					t.Fatalf("%s %+v:\n neo4j    total %d next %v %v\n embedded total %d next %v %v", label, q,
						got.TotalCount, got.HasNext, ids(got.Nodes), want.TotalCount, want.HasNext, ids(want.Nodes))
				}
				if !got.HasNext {
					break
				}
				after = got.EndCursor
			}
		}
		if pages < len(queries)+3 {
			t.Fatalf("%s: only %d pages; the seeds should page every list", label, pages)
		}
	}
	check("summary", true)
	// A graph written without the summary (or by an older kapgraph): the
	// same answers, counted.
	cypher(t, s, "MATCH (x:"+labelStat+") DELETE x", nil)
	queries = queries[:4]
	check("counted", true) // the statement still asks the summary, which no longer covers
}

func ids(ns []*graph.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.ID
	}
	return out
}
