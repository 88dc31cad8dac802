//go:build loadprofile

package neo4j

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// timedTx logs each statement's time (and, with profile, its plan) so a
// Load can be taken apart statement by statement: the first profile of
// Load found planning, not execution, to be where its time went, which
// no benchmark of the whole call could show.
type timedTx struct {
	neo4j.ManagedTransaction
	tb      testing.TB
	profile bool
	explain bool // time an EXPLAIN (planning only) before the statement
}

type timedResult struct {
	neo4j.ResultWithContext
	tb      testing.TB
	start   time.Time
	cypher  string
	profile bool
}

func (t timedTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	if t.profile {
		cypher = "PROFILE " + cypher
	}
	if t.explain {
		start := time.Now()
		res, err := t.ManagedTransaction.Run(ctx, "EXPLAIN "+cypher, params)
		if err != nil {
			return nil, err
		}
		if _, err := res.Consume(ctx); err != nil {
			return nil, err
		}
		t.tb.Logf("%8.3fs  (explain)", time.Since(start).Seconds())
	}
	start := time.Now()
	res, err := t.ManagedTransaction.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return &timedResult{res, t.tb, start, cypher, t.profile}, nil
}

func (r *timedResult) done(ctx context.Context) {
	sum, err := r.ResultWithContext.Consume(ctx)
	c := r.cypher
	if len(c) > 160 {
		c = c[:160] + "..."
	}
	r.tb.Logf("%8.3fs  %s", time.Since(r.start).Seconds(), c)
	if err == nil && r.profile && sum.Profile() != nil {
		var b strings.Builder
		printPlan(&b, sum.Profile(), 0)
		r.tb.Log("\n" + b.String())
	}
}

func printPlan(b *strings.Builder, p neo4j.ProfiledPlan, depth int) {
	args := p.Arguments()
	fmt.Fprintf(b, "%s%s rows=%d dbhits=%d %v\n", strings.Repeat("  ", depth), p.Operator(), p.Records(), p.DbHits(), args["Details"])
	for _, c := range p.Children() {
		printPlan(b, c, depth+1)
	}
}

func (r *timedResult) Collect(ctx context.Context) ([]*neo4j.Record, error) {
	recs, err := r.ResultWithContext.Collect(ctx)
	if err == nil {
		r.done(ctx)
	}
	return recs, err
}

func (r *timedResult) Consume(ctx context.Context) (neo4j.ResultSummary, error) {
	defer r.done(ctx)
	return r.ResultWithContext.Consume(ctx)
}

// TestLoadProfile loads the synthetic 10k graph into an empty database and
// again unchanged, logging every statement's time (KAPGRAPH_LOAD_PROFILE=1),
// its PROFILE plan (=2) or the time of an EXPLAIN before it, that is its
// planning when the plan is not cached (=3); then, after a wipe, the time
// of each whole Load. It is a tool, not a check, so it is built only with
// the loadprofile tag (mode 1 unless KAPGRAPH_LOAD_PROFILE says otherwise):
//
//	KAPGRAPH_LOAD_PROFILE=2 go test -tags loadprofile -run TestLoadProfile -v ./graph/neo4j/
func TestLoadProfile(t *testing.T) {
	mode := os.Getenv("KAPGRAPH_LOAD_PROFILE")
	if mode == "" {
		mode = "1"
	}
	s := testStore(t)
	wipe(t, s)
	benchData = ""
	ctx := context.Background()
	docs := genDocs(t)
	for pass := range 2 {
		for _, d := range docs {
			plan, err := planLoad(d)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			_, err = runTx(ctx, s, "Load", neo4j.AccessModeWrite, nil, func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
				return plan.run(ctx, timedTx{tx, t, mode == "2", mode == "3"})
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("pass %d %s: %d nodes %d edges in %.3fs", pass, d.ID, len(d.Nodes), len(d.Edges), time.Since(start).Seconds())
		}
	}
	wipe(t, s)
	for _, d := range docs {
		start := time.Now()
		if _, err := s.knownShared(ctx, d); err != nil {
			t.Fatal(err)
		}
		t.Logf("knownShared %s: %.3fs", d.ID, time.Since(start).Seconds())
		start = time.Now()
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		t.Logf("Load %s: %.3fs", d.ID, time.Since(start).Seconds())
	}
}
