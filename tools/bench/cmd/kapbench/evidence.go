package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/api/httpapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// gatherEvidence profiles the slow spots on the largest graph: the Cypher
// plans of path enumeration, where the Go engine spends its time, and what
// the dataloader's batching window costs a nested query.
func (h *harness) gatherEvidence(ctx context.Context) {
	sr := h.res.Sizes[len(h.res.Sizes)-1]
	p := sr.Params
	add := func(title, text string) {
		h.res.Profiles = append(h.res.Profiles, bench.Profile{Size: sr.Name, Title: title, Text: text})
		say("evidence: %s", title)
	}

	// 1. What kapgraph sends Neo4j for (b) and (e), recorded as sent (text
	// and typed parameters) through its own handler, each PROFILEd beside
	// the hand-written floor's statement.
	rec := &neo4jtest.Recorder{}
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	cfg.BoltLogger = rec
	if rs, err := neo4j.Open(ctx, cfg); err != nil {
		add("Recording kapgraph's statements failed", err.Error())
	} else {
		srv := httptest.NewServer(bench.Handler(rs, nil, h.o.timeout))
		ks := bench.NewKapgraph("recorded", srv.URL+"/graphql", p, bench.Cursor.ForKapgraph)
		for _, q := range []bench.QueryID{bench.QEntity, bench.QPaths6} {
			ks.Ask(ctx, q, 0, false) // warm, so the record holds the request's statements only
			rec.Take()
			_, err := ks.Ask(ctx, q, 0, false)
			stmts := rec.Take()
			if err != nil {
				add(fmt.Sprintf("kapgraph's statements for (%s) failed", q), err.Error())
				continue
			}
			for i, st := range stmts {
				add(fmt.Sprintf("PROFILE of kapgraph's statement %d of %d for (%s), as graph/neo4j sent it", i+1, len(stmts), q),
					st.Cypher+"\n\n"+profile(ctx, h.drv, h.db, st.Cypher, st.Params))
			}
		}
		srv.Close()
		rs.Close(ctx)
	}
	for _, c := range []struct {
		title, cypher string
		params        map[string]any
	}{
		{"PROFILE of the hand-written Cypher floor for (b)", bench.CypherEntity, map[string]any{"id": p.Entity}},
		{"PROFILE of the hand-written Cypher floor for (e): every path enumerated, ranked and cut to 10 in the database", bench.CypherPaths(6),
			map[string]any{"from": p.PathFrom, "first": 10}},
		{"PROFILE of the hand-written Cypher floor for (a), the dashboard stats", bench.CypherStats, map[string]any{}},
	} {
		add(c.title, profile(ctx, h.drv, h.db, c.cypher, c.params))
	}

	// 2. The dataloader's batching window: the same handler with the
	// default window (5 ms) and with 50 µs, in process over the same store.
	var b strings.Builder
	fmt.Fprintf(&b, "p50 over 30 requests at 1 client, in-process handler over graph/neo4j (no other load):\n")
	for _, wait := range []time.Duration{0, 50 * time.Microsecond} {
		srv := httptest.NewServer(handlerWithWait(h.store, wait))
		label := "default window (batch.DefaultWait = 1ms)"
		if wait > 0 {
			label = "window " + wait.String()
		}
		s := bench.NewKapgraph("in-process", srv.URL+"/graphql", p, bench.Cursor.ForKapgraph)
		for _, q := range []bench.QueryID{bench.QEntity, bench.QList, bench.QPaths6, bench.QNeighborhood} {
			bench.Warm(ctx, s, 1, h.o.timeout)
			c := bench.Measure(ctx, s, bench.NewSequence(p), bench.Meter{}, []bench.QueryID{q}, 1, bench.Load{Duration: time.Millisecond, MaxRequests: 30, MinRequests: 30, Timeout: h.o.timeout})
			fmt.Fprintf(&b, "  %-44s %-15s p50 %7.2f ms  p99 %7.2f ms\n", label, q, c.P50Ms, c.P99Ms)
		}
		srv.Close()
	}
	add("What the dataloader window costs nested questions", b.String())

	// 3. The store calls behind one request of each question.
	ts := bench.NewTracingStore(h.store)
	srv := httptest.NewServer(bench.Handler(ts, nil, h.o.timeout))
	s := bench.NewKapgraph("in-process", srv.URL+"/graphql", p, bench.Cursor.ForKapgraph)
	var tb strings.Builder
	for _, q := range bench.Mix {
		s.Ask(ctx, q, 0, false) // warm
		ts.Reset()
		t0 := time.Now()
		_, err := s.Ask(ctx, q, 0, false)
		wall := time.Since(t0)
		fmt.Fprintf(&tb, "%s%s\n%s\n", q, errSuffix(err), bench.FormatCalls(ts.Calls(), wall))
	}
	srv.Close()
	add("Store calls behind one request of each question (kapgraph's handler in process over graph/neo4j, after one warm-up request)", tb.String())

	// 4. Where one more document's Store.Load spends its time, by statement.
	add("Statements of one Store.Load into Neo4j (the next synthetic review), sampled with SHOW TRANSACTIONS every 100 ms", h.sampleLoad(ctx))

	// 5. Where graph/neo4j spends CPU on (e), without HTTP and GraphQL.
	if top, err := h.cpuProfile(ctx, func(ctx context.Context) error {
		_, err := h.store.MechanismPaths(ctx, graph.MechanismPathQuery{From: p.PathFrom, MaxHops: 6, First: 10})
		return err
	}); err == nil {
		add("CPU profile of graph/neo4j MechanismPaths (maxHops 6), 8 goroutines, 4 s, in the harness process (go tool pprof -top)", top)
	} else {
		add("CPU profile of graph/neo4j MechanismPaths failed", err.Error())
	}
	if top, err := h.cpuProfile(ctx, func(ctx context.Context) error {
		_, err := h.store.Stats(ctx)
		return err
	}); err == nil {
		add("CPU profile of graph/neo4j Stats, 8 goroutines, 4 s (go tool pprof -top)", top)
	}
}

// sampleLoad loads the next document of the generator while sampling the
// statement the load transaction runs, and tallies the samples.
func (h *harness) sampleLoad(ctx context.Context) string {
	sr := h.res.Sizes[len(h.res.Sizes)-1]
	g := synth.New(synth.Config{Nodes: sr.TargetNodes})
	d := g.Document(sr.Documents)
	seen := map[string]int{}
	var order []string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
			res, err := neo4jdrv.ExecuteQuery(ctx, h.drv, "SHOW TRANSACTIONS YIELD currentQuery, metaData WHERE metaData.op = 'Load' RETURN currentQuery",
				nil, neo4jdrv.EagerResultTransformer, neo4jdrv.ExecuteQueryWithDatabase(h.db))
			if err != nil {
				continue
			}
			for _, r := range res.Records {
				q := strings.Join(strings.Fields(fmt.Sprint(r.Values[0])), " ")
				if len(q) > 150 {
					q = q[:150] + "…"
				}
				if q == "" {
					q = "(between statements: client side)"
				}
				if seen[q] == 0 {
					order = append(order, q)
				}
				seen[q]++
			}
		}
	}()
	t0 := time.Now()
	_, err := h.store.Load(ctx, d)
	took := time.Since(t0)
	close(stop)
	wg.Wait()
	var b strings.Builder
	fmt.Fprintf(&b, "document %s: %d nodes, %d relationships, Store.Load took %s (err %v); samples per statement (x 100 ms):\n", d.ID, len(d.Nodes), len(d.Edges), took.Round(time.Millisecond), err)
	for _, q := range order {
		fmt.Fprintf(&b, "  %4d  %s\n", seen[q], q)
	}
	return b.String()
}

func errSuffix(err error) string {
	if err != nil {
		return " (error: " + err.Error() + ")"
	}
	return ""
}

func handlerWithWait(store graph.Store, wait time.Duration) http.Handler {
	return app.NewServer(app.Config{
		HTTP:    httpapi.Config{RequestTimeout: time.Minute},
		GraphQL: gql.Options{Limits: gql.Limits{Introspection: true}},
		Batch:   batch.Options{Wait: wait},
	}, store, nil)
}

func (h *harness) cpuProfile(ctx context.Context, call func(context.Context) error) (string, error) {
	path := filepath.Join(h.o.work, fmt.Sprintf("cpu-%d.pprof", time.Now().UnixNano()))
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return "", err
	}
	deadline := time.Now().Add(4 * time.Second)
	var wg sync.WaitGroup
	var calls, fails int
	var mu sync.Mutex
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				err := call(ctx)
				mu.Lock()
				calls++
				if err != nil {
					fails++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	pprof.StopCPUProfile()
	f.Close()
	exe, _ := os.Executable()
	out, err := exec.Command("go", "tool", "pprof", "-top", "-nodecount=25", exe, path).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go tool pprof: %v: %s", err, out)
	}
	// Keep the summary and the table.
	lines := strings.Split(string(out), "\n")
	var keep []string
	for _, l := range lines {
		if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Type:") || strings.HasPrefix(l, "Time:") {
			continue
		}
		keep = append(keep, l)
	}
	return fmt.Sprintf("%d calls (%d failed) in 4 s\n%s", calls, fails, strings.Join(keep, "\n")), nil
}

// profile runs PROFILE cypher and renders the plan: operators with rows
// and db hits, plus the wall time of the (profiled) run.
func profile(ctx context.Context, d neo4jdrv.DriverWithContext, db, cypher string, params map[string]any) string {
	t0 := time.Now()
	res, err := neo4jdrv.ExecuteQuery(ctx, d, "PROFILE "+cypher, params, neo4jdrv.EagerResultTransformer,
		neo4jdrv.ExecuteQueryWithDatabase(db), neo4jdrv.ExecuteQueryWithReadersRouting())
	took := time.Since(t0)
	if err != nil {
		return "PROFILE failed: " + err.Error()
	}
	var b bytes.Buffer
	pl := res.Summary.Profile()
	total := int64(0)
	var walk func(p neo4jdrv.ProfiledPlan, depth int)
	walk = func(p neo4jdrv.ProfiledPlan, depth int) {
		total += p.DbHits()
		det := ""
		if x, ok := p.Arguments()["Details"]; ok {
			det = fmt.Sprint(x)
		}
		if len(det) > 110 {
			det = det[:110] + "…"
		}
		fmt.Fprintf(&b, "%s%-*s rows %-8d db hits %-9d %s\n", strings.Repeat("  ", depth), 34-2*depth, p.Operator(), p.Records(), p.DbHits(), det)
		for _, c := range p.Children() {
			walk(c, depth+1)
		}
	}
	if pl != nil {
		walk(pl, 0)
	}
	return fmt.Sprintf("%d records returned to the client, %d db hits, %s wall (profiled)\n%s", len(res.Records), total, took.Round(time.Millisecond), b.String())
}
