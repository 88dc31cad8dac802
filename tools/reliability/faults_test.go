package reliability_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/tools/reliability"
)

// TestDatabaseFaults runs `kapgraph serve` (the built binary, configured
// by NEO4J_* as in production) against the isolated Neo4j and breaks the
// database under it: down when kapgraph starts, restarted under traffic,
// and killed with SIGKILL in the middle of the ingest of a large
// document. kapgraph is never restarted: it must report the outage
// clearly (readiness 503, DATABASE_UNAVAILABLE) and recover by itself.
func TestDatabaseFaults(t *testing.T) {
	env := faults.up(t)
	drv, db := faults.driver(t)
	wipeNeo4j(t, drv, db)
	out, err := runKapgraph(t, env, "load")
	if err != nil {
		t.Fatalf("kapgraph load: %v\n%s", err, out)
	}
	seedNodes := countCypher(t, drv, db, "MATCH (n) RETURN count(n)", nil)
	seedRels := countCypher(t, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
	seedEntities := countCypher(t, drv, db, "MATCH (n:Entity) RETURN count(n)", nil) // what Stats counts
	t.Logf("seeds loaded: %d nodes (%d entities), %d relationships", seedNodes, seedEntities, seedRels)

	var kg *kapgraphProc
	parent := t // kapgraph lives across the subtests
	t.Run("down at start", func(t *testing.T) {
		faults.must(t, "stop")
		kg = startKapgraph(parent, env)
		status, body, err := getStatus(kg.base + "/healthz")
		reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j down at start: kapgraph starts and /healthz answers",
			Expect: "listening; /healthz 200", Got: fmt.Sprintf("listening; /healthz %d", status), OK: err == nil && status == 200})

		start := time.Now()
		status, body, err = getStatus(kg.base + "/readyz")
		reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j down at start: /readyz",
			Expect: `503 {"status":"unavailable",...}`, Got: fmt.Sprintf("%d %.80s", status, body), Millis: ms(time.Since(start)),
			OK: err == nil && status == 503 && strings.Contains(body, `"unavailable"`)})

		for _, q := range []string{`{ stats { nodes } }`, `{ search(text: "mTOR") { node { id } } }`, `{ node(id: "CHEBI:6121") { name } }`} {
			a := query(kg.base, q, nil)
			codes := a.Codes()
			reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j down at start: " + q,
				Expect: "200 DATABASE_UNAVAILABLE within 5 s", Got: a.String(), Millis: ms(a.Took),
				OK: a.Err == nil && len(codes) == 1 && codes[0] == "DATABASE_UNAVAILABLE" && a.Took < 5*time.Second})
		}

		up := faults.must(t, "start")
		ready := time.Now()
		recovered := waitReady(kg.base, 60*time.Second)
		lag := time.Since(ready)
		reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j comes back: /readyz recovers without restarting kapgraph",
			Expect: "/readyz 200 within 60 s of Neo4j being ready; same kapgraph process",
			Got:    fmt.Sprintf("ready=%v %v after Neo4j (which took %v to start); process alive=%v", recovered, lag.Round(10*time.Millisecond), up.Round(100*time.Millisecond), kg.alive()),
			OK:     recovered && kg.alive(), Millis: ms(lag)})
		a := query(kg.base, `{ stats { nodes edges } }`, nil)
		want := fmt.Sprintf(`{"stats":{"nodes":%d,"edges":%d}}`, seedEntities, seedRels)
		reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j comes back: queries answer again",
			Expect: "200 " + want, Got: a.String() + " " + string(a.Data), OK: a.Err == nil && len(a.Errors) == 0 && string(a.Data) == want})
	})
	t.Run("restart under traffic", func(t *testing.T) {
		if kg == nil {
			kg = startKapgraph(parent, env)
		}
		if !waitReady(kg.base, 60*time.Second) {
			t.Fatal("kapgraph is not ready")
		}
		restartUnderTraffic(t, kg)
	})

	t.Run("SIGKILL during a large ingest", func(t *testing.T) {
		killDuringIngest(t, seedNodes, seedRels)
	})

	if kg != nil && !kg.alive() {
		t.Errorf("kapgraph exited during the faults:\n%s", tail(kg.stderr.String(), 3000))
	}
}

func waitReady(base string, within time.Duration) bool {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if status, _, err := getStatus(base + "/readyz"); err == nil && status == 200 {
			return true
		}
	}
	return false
}

// mix is the traffic of the restart test: cheap and costly reads.
var mix = []struct{ name, query string }{
	{"stats", `{ stats { nodes edges } }`},
	{"node", `{ node(id: "CHEBI:6121") { name ... on Drug { claims(first: 3) { edges { node { predicate evidence { quote } } } } } } }`},
	{"search", `{ search(text: "mTOR") { node { id } } }`},
	{"paths", `{ mechanismToOutcomePaths(from: "FPLX:GRIN", maxHops: 4, first: 3) { length score } }`},
	{"neighborhood", `{ neighborhood(id: "CHEBI:6121", depth: 1) { nodes { id } } }`},
}

type sample struct {
	start, end time.Time
	name       string
	code       string // "" OK, else the first error code or "TRANSPORT"
}

func restartUnderTraffic(t *testing.T, kg *kapgraphProc) {
	const clients = 16
	goroutines := func() float64 {
		httpClient.CloseIdleConnections()
		time.Sleep(time.Second)
		g, _ := metric(kg.base, "go_goroutines")
		return g
	}
	goroutinesBefore := goroutines()
	var mu sync.Mutex
	var samples []sample
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			for i := c; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				m := mix[i%len(mix)]
				s := sample{start: time.Now(), name: m.name}
				a := query(kg.base, m.query, nil)
				s.end = time.Now()
				switch {
				case a.Err != nil:
					s.code = "TRANSPORT"
				case len(a.Errors) > 0:
					s.code = a.Codes()[0]
				case a.Status != 200:
					s.code = fmt.Sprint(a.Status)
				}
				mu.Lock()
				samples = append(samples, s)
				mu.Unlock()
				if s.code != "" {
					time.Sleep(20 * time.Millisecond) // a client backs off a little
				}
			}
		})
	}
	time.Sleep(3 * time.Second)
	stopAt := time.Now()
	faults.must(t, "stop")
	stoppedAt := time.Now()
	// Neo4j stays down for a while, as it does when a server is really
	// lost: the requests already waiting when it went away take up to the
	// retry budget to fail, and only those sent after kapgraph has learnt
	// it is down show whether it fails fast. A stop and start quicker than
	// that budget (a fast machine) would leave no such request and make
	// the median below a measure of the first wave alone.
	time.Sleep(outageHold)
	faults.must(t, "start")
	startedAt := time.Now()
	recovered := waitReady(kg.base, 60*time.Second)
	readyAt := time.Now()
	time.Sleep(5 * time.Second)
	close(stop)
	wg.Wait()
	// The last window, after a grace second for the pool to refill, must
	// be clean.
	cleanFrom := readyAt.Add(time.Second)

	var before, during, after, inflight, total int
	codes := map[string]int{}
	var slowest, slowestUnavailable time.Duration
	var afterCodes, lateTimeouts []string
	var outage []time.Duration // how long each failure took
	for _, s := range samples {
		total++
		took := s.end.Sub(s.start)
		slowest = max(slowest, took)
		if s.code == "" {
			continue
		}
		codes[s.code]++
		switch {
		case s.end.Before(stopAt):
			before++
		case s.start.After(cleanFrom):
			after++
			afterCodes = append(afterCodes, s.name+":"+s.code)
		default:
			during++
			outage = append(outage, took)
			if s.start.Before(stopAt) {
				inflight++
			}
		}
		switch s.code {
		case "DATABASE_UNAVAILABLE":
			slowestUnavailable = max(slowestUnavailable, took)
		case "TIMEOUT":
			// Only a request that was already waiting on Neo4j while it
			// shut down may run out of time; later ones must fail fast.
			if !s.start.Before(stoppedAt) {
				lateTimeouts = append(lateTimeouts, fmt.Sprintf("%s begun %v after the stop completed (Neo4j started %v after it)", s.name,
					s.start.Sub(stoppedAt).Round(100*time.Millisecond), startedAt.Sub(stoppedAt).Round(100*time.Millisecond)))
			}
		}
	}
	okCodes := true
	for c := range codes {
		if c != "DATABASE_UNAVAILABLE" && c != "TIMEOUT" {
			okCodes = false
		}
	}
	var codeList []string
	for c, n := range codes {
		codeList = append(codeList, fmt.Sprintf("%s×%d", c, n))
	}
	sort.Strings(codeList)
	goroutinesAfter := goroutines()
	slices.Sort(outage)
	var medianFailure time.Duration
	if len(outage) > 0 {
		medianFailure = outage[len(outage)/2]
	}
	detail := fmt.Sprintf("%d requests from %d clients; Neo4j stop took %v, start %v; kapgraph ready %v after Neo4j; failures: %d before the stop, %d during the outage (%d of them in flight when it began; median %v), %d after recovery %v; TIMEOUTs begun after the stop completed (Neo4j starting): %d; slowest DATABASE_UNAVAILABLE %v; slowest request %v; server goroutines %.0f → %.0f",
		total, clients, stoppedAt.Sub(stopAt).Round(100*time.Millisecond), startedAt.Sub(stoppedAt).Round(100*time.Millisecond),
		readyAt.Sub(startedAt).Round(10*time.Millisecond), before, during, inflight, medianFailure.Round(time.Millisecond), after, afterCodes, len(lateTimeouts),
		slowestUnavailable.Round(time.Millisecond), slowest.Round(time.Millisecond), goroutinesBefore, goroutinesAfter)
	t.Log(detail)
	for _, l := range lateTimeouts {
		t.Log("late TIMEOUT: " + l)
	}
	reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j restarted (clean stop, start) under 16 clients of traffic",
		Expect: "no failure before the stop or after recovery; during the outage DATABASE_UNAVAILABLE or TIMEOUT, failing fast (median under 1 s); no request over 15 s; kapgraph not restarted; goroutines back",
		Got:    fmt.Sprintf("%d requests, %d failed: %s; median failure %v", total, before+during+after, strings.Join(codeList, " "), medianFailure.Round(time.Millisecond)),
		OK: recovered && before == 0 && after == 0 && okCodes && medianFailure < time.Second &&
			slowest < 15*time.Second && kg.alive() && goroutinesAfter <= goroutinesBefore+5,
		Detail: detail})
}

// outageHold is how long TestDatabaseFaults keeps Neo4j down under
// traffic: longer than the driver's retry budget (5 s under kapgraph
// serve's default --timeout), so the outage outlasts its first wave.
const outageHold = 8 * time.Second

// bigDocument is a synthetic review of nodes passages and MENTIONS edges
// among them, large enough that its load transaction runs for seconds.
func bigDocument(id string, nodes, edges int) *graph.Document {
	d := &graph.Document{ID: id}
	d.Nodes = append(d.Nodes, graph.Node{ID: id, Category: graph.CategoryReview, Name: "Synthetic review " + id, Document: id})
	for i := 1; i < nodes; i++ {
		d.Nodes = append(d.Nodes, graph.Node{ID: fmt.Sprintf("%s/p%d", id, i), Category: graph.CategoryPassage,
			Name: fmt.Sprintf("Passage %d of the synthetic review", i), Text: strings.Repeat("Ketamine reduced craving in a synthetic passage. ", 4),
			Document: id, Ordinal: i})
	}
	for i := range edges {
		a, b := i%nodes, (i*7919+1)%nodes
		d.Edges = append(d.Edges, graph.Edge{ID: fmt.Sprintf("%s/e%d", id, i), Subject: d.Nodes[a].ID, Predicate: graph.Mentions,
			Object: d.Nodes[b].ID, Document: id, Score: 1})
	}
	return d
}

func killDuringIngest(t *testing.T, seedNodes, seedRels int) {
	ctx := context.Background()
	cfg := faults.config(t)
	drv, db := faults.driver(t)
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(ctx)
	if err := store.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	doc := bigDocument("KAP:reliability-big", 6000, 20000)
	countDoc := func() (nodes, rels, markers int) {
		p := map[string]any{"doc": doc.ID}
		return countCypher(t, drv, db, "MATCH (n:Entity) WHERE n.document = $doc RETURN count(n)", p),
			countCypher(t, drv, db, "MATCH ()-[r:MENTIONS]->() WHERE r.document = $doc RETURN count(r)", p),
			countCypher(t, drv, db, "MATCH (d:KapgraphDocument {id: $doc}) RETURN count(d)", p)
	}

	done := make(chan error, 1)
	started := time.Now()
	go func() {
		_, err := store.Load(ctx, doc)
		done <- err
	}()
	// Wait until the load's one transaction is writing relationships: its
	// nodes are written (uncommitted) by then.
	var phase string
	reached := false
	for deadline := time.Now().Add(3 * time.Minute); !reached; time.Sleep(50 * time.Millisecond) {
		select {
		case err := <-done:
			t.Fatalf("the load finished (err %v) in %v, before Neo4j could be killed; make the document larger", err, time.Since(started))
		default:
		}
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		recs, err := executeRead(sctx, drv, db, "SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.op = 'Load' AND metaData.document = $doc RETURN currentQuery", map[string]any{"doc": doc.ID})
		cancel()
		if err == nil && len(recs) > 0 {
			phase = recs[0]
			// CREATE or MERGE (s)-[r:TYPE ...]->(o): nodes are in.
			reached = strings.Contains(phase, "(s)-[r:")
		}
		if time.Now().After(deadline) {
			t.Fatalf("the load never reached the relationship phase (last statement %.100q)", phase)
		}
	}
	into := time.Since(started)
	faults.must(t, "kill")
	var loadErr error
	select {
	case loadErr = <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("the load did not return after Neo4j was killed")
	}
	reliability.Record(t, reliability.Case{Area: "faults", Name: fmt.Sprintf("SIGKILL of Neo4j %v into the load of a %d-node, %d-edge document (its one transaction writing relationships)", into.Round(100*time.Millisecond), len(doc.Nodes), len(doc.Edges)),
		Expect: "the load fails with EUNAVAILABLE", Got: fmt.Sprintf("%s: %.160v", graph.ErrorCode(loadErr), loadErr),
		OK: loadErr != nil && graph.ErrorCode(loadErr) == graph.EUNAVAILABLE})

	faults.must(t, "start")
	n, r, m := countDoc()
	allNodes := countCypher(t, drv, db, "MATCH (n) RETURN count(n)", nil)
	allRels := countCypher(t, drv, db, "MATCH ()-[r]->() RETURN count(r)", nil)
	reliability.Record(t, reliability.Case{Area: "faults", Name: "after the restart: what the killed load left (counted with the driver)",
		Expect: fmt.Sprintf("0 nodes, 0 relationships, 0 document markers of it; the seeds intact (%d nodes, %d relationships)", seedNodes, seedRels),
		Got:    fmt.Sprintf("%d nodes, %d relationships, %d markers; database %d nodes, %d relationships", n, r, m, allNodes, allRels),
		OK:     n == 0 && r == 0 && m == 0 && allNodes == seedNodes && allRels == seedRels})

	// The store recovers by itself (it was marked down by the failure).
	for deadline := time.Now().Add(time.Minute); store.Ping(ctx) != nil; time.Sleep(200 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the store did not recover after the restart")
		}
	}
	start := time.Now()
	res, err := store.Load(ctx, doc)
	took := time.Since(start)
	n, r, m = countDoc()
	got := fmt.Sprintf("%d nodes, %d relationships, %d marker", n, r, m)
	if err != nil {
		got = fmt.Sprintf("error %v; %s", err, got)
	}
	reliability.Record(t, reliability.Case{Area: "faults", Name: "rerun of the same load after the restart",
		Expect: fmt.Sprintf("completes, not a replacement: %d nodes, %d relationships, 1 marker", len(doc.Nodes), len(doc.Edges)),
		Got:    got, Millis: ms(took),
		OK: err == nil && !res.Replaced && n == len(doc.Nodes) && r == len(doc.Edges) && m == 1})
}

// executeRead runs one read and returns the strings of its first column.
func executeRead(ctx context.Context, drv neo4jdriver.DriverWithContext, db, q string, params map[string]any) ([]string, error) {
	res, err := neo4jdriver.ExecuteQuery(ctx, drv, q, params, neo4jdriver.EagerResultTransformer, neo4jdriver.ExecuteQueryWithDatabase(db))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, rec := range res.Records {
		s, _ := rec.Values[0].(string)
		out = append(out, s)
	}
	return out, nil
}

// TestDriverConfiguration reports the Neo4j driver settings kapgraph runs
// with, as the store opened from the environment holds them, and checks
// each against the value config.go documents. graph/neo4j's
// TestDriverConfiguration checks that they reach the driver, and
// cmd/kapgraph's TestServeFitsDriverToTimeout that `kapgraph serve` then
// fits two of them to its request timeout, as Detail says.
func TestDriverConfiguration(t *testing.T) {
	cfg, _ := neo4j.ConfigFromEnv(func(k string) string {
		if k == "NEO4J_URI" {
			return "bolt://127.0.0.1:7687"
		}
		return ""
	})
	store, err := neo4j.Open(context.Background(), cfg) // contacts no server
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(context.Background())
	cfg = store.Config()
	settings := func(pool int, acquire, retry, connect, liveness, lifetime time.Duration, fetch int) map[string]any {
		return map[string]any{
			"MaxConnectionPoolSize":        pool,
			"ConnectionAcquisitionTimeout": acquire.String(),
			"MaxTransactionRetryTime":      retry.String(),
			"ConnectTimeout":               connect.String(),
			"LivenessCheckTimeout":         liveness.String(),
			"MaxConnectionLifetime":        lifetime.String(),
			"FetchSize":                    fetch,
		}
	}
	got := settings(cfg.MaxConnectionPoolSize, cfg.ConnectionAcquisitionTimeout, cfg.MaxTransactionRetryTime,
		cfg.ConnectTimeout, cfg.LivenessCheckTimeout, cfg.MaxConnectionLifetime, cfg.FetchSize)
	// The documented values, written out rather than read from the
	// constants they check.
	want := settings(50, 5*time.Second, 10*time.Second, 5*time.Second, 30*time.Second, time.Hour, 1000)
	const requestTimeout = 10 * time.Second // kapgraph serve --timeout default
	b, _ := json.Marshal(got)
	detail := "kapgraph serve then sets MaxTransactionRetryTime to half its --timeout (5 s by default: a request retried while Neo4j is unreachable ends as DATABASE_UNAVAILABLE and marks the store down, instead of timing out) and ConnectionAcquisitionTimeout to its --timeout (10 s: a request waiting for a busy pool ends as TIMEOUT at its deadline, instead of DATABASE_UNAVAILABLE with the store marked down while Neo4j answers); kapgraph load keeps the defaults"
	d := cmp.Diff(want, got)
	if d != "" {
		detail = "differs from the documented values (-want +got): " + d
	}
	reliability.Record(t, reliability.Case{Area: "faults", Name: "Neo4j driver pool, retries and timeouts (graph/neo4j/config.go defaults)",
		Expect: "every one set explicitly and bounded; opening a connection bounded below the 10 s request timeout",
		Got:    string(b),
		Detail: detail,
		OK:     d == "" && cfg.ConnectTimeout < requestTimeout})
}
