package bench

// The quick version of the benchmark, for CI: the 10k graph only, in
// process where it can be (kapgraph's handler over both stores via
// httptest, the Cypher floor through the driver) and the real peer
// (node tools/bench/peer/server.mjs) over the same Neo4j. TestAnswersEqual is a
// real test: the four systems must give the same answers, for every id of
// every sample. The benchmarks time each question and the mix at 1 and 8
// clients, drawing the ids per request as kapbench does, and report CPU
// ms per request beside throughput (the server's: for the in-process
// systems the whole test process, load generator included; and Neo4j's,
// read in 10 ms ticks, so at -benchtime 20x good to 0.5 ms per request):
//
//	cd bench && go test -run '^$' -bench . -benchtime 20x
//
// Neo4j: by default the tests start their own server with scripts/neo4j.sh
// (KAPGRAPH_NEO4J_HOME=.cache/bench-neo4j-ci, NEO4J_PORT=$BENCH_CI_NEO4J_PORT
// or 7732), because the other packages' tests wipe the runner's database
// while they run; BENCH_NEO4J=runner uses NEO4J_URI etc. as they are.
// Without Java, Maven or Node the tests skip, except with CI=true, where
// they fail. Neo4j's pid, for its CPU time, is BENCH_NEO4J_PID, else the
// pid file scripts/neo4j.sh keeps, else whoever listens on NEO4J_URI's
// port. Runner mode wipes that database, so it must not be one that
// others' tests use at the same time.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/synth"
)

const quickNodes = 10_000

var env struct {
	skip    string // why the suite cannot run here
	fail    error  // setup failed
	systems []System
	meters  map[string]Meter // by system name
	params  Params
	seq     *Sequence
	drv     neo4jdrv.DriverWithContext
	db      string
	cleanup []func()
}

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	if err := setup(ctx); err != nil {
		env.fail = err
	}
	cancel()
	code := m.Run()
	for i := len(env.cleanup) - 1; i >= 0; i-- {
		env.cleanup[i]()
	}
	os.Exit(code)
}

func need(tb testing.TB) {
	tb.Helper()
	if env.fail != nil {
		tb.Fatalf("benchmark setup failed: %v", env.fail)
	}
	if env.skip != "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("cannot run the benchmark suite (CI=true forbids skipping): %s", env.skip)
		}
		tb.Skip(env.skip)
	}
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(filepath.Dir(filepath.Dir(file)))
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench setup: "+format+"\n", args...)
}

func setup(ctx context.Context) error {
	root := repoRoot()
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			env.skip = tool + " is not installed (the peer runs on Node 20+)"
			return nil
		}
	}
	neoEnv := map[string]string{}
	neoHome := ""
	if os.Getenv("BENCH_NEO4J") == "runner" {
		for _, k := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
			neoEnv[k] = os.Getenv(k)
		}
		if neoEnv["NEO4J_URI"] == "" {
			env.skip = "BENCH_NEO4J=runner but NEO4J_URI is not set"
			return nil
		}
	} else {
		for _, tool := range []string{"java", "mvn"} {
			if _, err := exec.LookPath(tool); err != nil {
				env.skip = tool + " is not installed (scripts/neo4j.sh needs it)"
				return nil
			}
		}
		port := os.Getenv("BENCH_CI_NEO4J_PORT")
		if port == "" {
			port = "7732"
		}
		home := filepath.Join(root, ".cache", "bench-neo4j-ci")
		neoHome = home
		script := filepath.Join(root, "scripts", "neo4j.sh")
		nenv := append(os.Environ(), "KAPGRAPH_NEO4J_HOME="+home, "NEO4J_PORT="+port,
			"KAPGRAPH_NEO4J_HEAP=1g", "KAPGRAPH_NEO4J_PAGECACHE=512m", "KAPGRAPH_NEO4J_START_TIMEOUT=300")
		logf("starting Neo4j (%s, port %s)", home, port)
		reset := exec.CommandContext(ctx, script, "reset")
		reset.Env, reset.Stderr = nenv, os.Stderr
		reset.Run()
		start := exec.CommandContext(ctx, script, "start")
		start.Env, start.Stderr = nenv, os.Stderr
		out, err := start.Output()
		if err != nil {
			return fmt.Errorf("scripts/neo4j.sh start: %w", err)
		}
		env.cleanup = append(env.cleanup, func() {
			stop := exec.Command(script, "stop")
			stop.Env, stop.Stderr = nenv, os.Stderr
			stop.Run()
		})
		sc := bufio.NewScanner(strings.NewReader(string(out)))
		for sc.Scan() {
			if k, v, ok := strings.Cut(strings.TrimPrefix(sc.Text(), "export "), "="); ok {
				neoEnv[k] = strings.Trim(v, `'"`)
			}
		}
	}
	getenv := func(k string) string { return neoEnv[k] }
	cfg, ok := neo4j.ConfigFromEnv(getenv)
	if !ok {
		return fmt.Errorf("no NEO4J_URI from scripts/neo4j.sh")
	}
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	env.cleanup = append(env.cleanup, func() { drv.Close(context.Background()) })
	if err := drv.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("Neo4j at %s: %w", cfg.URI, err)
	}

	// The data, through Store.Load into both stores.
	if err := Wipe(ctx, drv, cfg.Database); err != nil {
		return err
	}
	store, err := neo4j.Open(ctx, cfg)
	if err != nil {
		return err
	}
	env.cleanup = append(env.cleanup, func() { store.Close(context.Background()) })
	mem := memory.New()
	gcfg := synth.Config{Nodes: quickNodes}
	t0 := time.Now()
	in, err := LoadDocs(ctx, store, gcfg, 0, gcfg.Documents(), nil)
	if err != nil {
		return err
	}
	logf("loaded %d relationships into Neo4j in %.1f s (%.0f rels/s)", in.Relationships, time.Since(t0).Seconds(), in.RelsPerSecond)
	if _, err := LoadDocs(ctx, mem, gcfg, 0, gcfg.Documents(), nil); err != nil {
		return err
	}

	// kapgraph over both stores, in process.
	kapNeo := httptest.NewServer(Handler(store, nil, time.Minute))
	kapMem := httptest.NewServer(Handler(mem, nil, time.Minute))
	env.cleanup = append(env.cleanup, kapNeo.Close, kapMem.Close)

	// The peer.
	peerDir := filepath.Join(root, "tools", "bench", "peer")
	if _, err := os.Stat(filepath.Join(peerDir, "node_modules", "@neo4j", "graphql")); err != nil {
		logf("npm ci in %s", peerDir)
		npm := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund")
		npm.Dir, npm.Stdout, npm.Stderr = peerDir, os.Stderr, os.Stderr
		if err := npm.Run(); err != nil {
			return fmt.Errorf("npm ci: %w", err)
		}
	}
	work, err := os.MkdirTemp("", "kapbench-ci-")
	if err != nil {
		return err
	}
	env.cleanup = append(env.cleanup, func() { os.RemoveAll(work) })
	cypherFile := filepath.Join(work, "cypher.json")
	if err := os.WriteFile(cypherFile, mustMarshal(PeerCypher()), 0o644); err != nil {
		return err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	peerAddr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(peerAddr)
	var penv []string
	for k, v := range neoEnv {
		penv = append(penv, k+"="+v)
	}
	peer, err := Start("neo4j-graphql", filepath.Join(work, "peer.log"), append(penv, "PEER_PORT="+port, "PEER_CYPHER="+cypherFile),
		"node", filepath.Join(peerDir, "server.mjs"))
	if err != nil {
		return err
	}
	env.cleanup = append(env.cleanup, func() { peer.Stop(10 * time.Second) })
	peerURL := "http://" + peerAddr + "/graphql"
	for deadline := time.Now().Add(2 * time.Minute); ; {
		if _, err := NewPeer(peerURL, Params{}).Raw(ctx, "{ __typename }", nil); err == nil {
			break
		} else if !peer.Alive() || time.Now().After(deadline) {
			log, _ := os.ReadFile(peer.Log)
			return fmt.Errorf("the peer did not start: %v\n%s", err, log)
		}
		time.Sleep(200 * time.Millisecond)
	}

	t0 = time.Now()
	p, err := Choose(ctx, drv, cfg.Database, DefaultSampleSize, DefaultSeed)
	if err != nil {
		return err
	}
	logf("drew the samples in %.1f s: %d entities (degree %v), %d path sources (paths within 6 hops %v), %d centres (degree %v), %d list pages",
		time.Since(t0).Seconds(), len(p.Entities), p.EntityBand, len(p.PathFroms), p.Paths6Band, len(p.Centres), p.CentreBand, len(p.ListAfters))
	if err := Cursors(ctx, &p,
		NewKapgraph(SysKapgraphNeo4j, kapNeo.URL+"/graphql", p, Cursor.ForKapgraph),
		NewKapgraph(SysKapgraphMem, kapMem.URL+"/graphql", p, Cursor.ForEmbedded),
		NewPeer(peerURL, p)); err != nil {
		return err
	}
	env.params, env.seq, env.drv, env.db = p, NewSequence(p), drv, cfg.Database
	db := neo4jProc(neoHome, cfg.URI)
	env.meters = map[string]Meter{
		SysKapgraphNeo4j: {Server: SelfProc("kapgraph's handler in process"), DB: db},
		SysKapgraphMem:   {Server: SelfProc("kapgraph's handler in process")},
		SysCypher:        {Server: SelfProc("the driver"), DB: db},
		SysPeer:          {Server: Proc{Label: "node (the peer)", PID: peer.PID()}, DB: db},
	}
	env.systems = []System{
		NewKapgraph(SysKapgraphNeo4j, kapNeo.URL+"/graphql", p, Cursor.ForKapgraph),
		NewKapgraph(SysKapgraphMem, kapMem.URL+"/graphql", p, Cursor.ForEmbedded),
		NewCypher(drv, cfg.Database, p),
		NewPeer(peerURL, p),
	}
	logf("ready: most popular ids: entity %s, path source %s (%d/%d paths), centre %s; Neo4j %+v",
		p.Entity, p.PathFrom, p.Paths4, p.Paths6, p.Centre, db)
	return nil
}

// neo4jProc is the Neo4j server for the CPU figures: BENCH_NEO4J_PID if
// set, else the pid file under home, else whoever listens on uri's port;
// a Proc without label (not measured) when none is found.
func neo4jProc(home, uri string) Proc {
	if s := os.Getenv("BENCH_NEO4J_PID"); s != "" {
		if pid, err := strconv.Atoi(s); err == nil {
			return Proc{Label: "neo4j", PID: pid}
		}
	}
	port := 7687
	if u, err := url.Parse(uri); err == nil && u.Port() != "" {
		port, _ = strconv.Atoi(u.Port())
	}
	pid, err := Neo4jPID(home, port)
	if err != nil {
		logf("Neo4j's CPU time will not be measured: %v", err)
		return Proc{PID: -1}
	}
	return Proc{Label: "neo4j", PID: pid}
}

func mustMarshal(v any) []byte {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		panic(err)
	}
	return b
}

// TestAnswersEqual: the four systems give the same answer to every
// question of the mix about every id of its sample (normalised: ids,
// sets, counts).
func TestAnswersEqual(t *testing.T) {
	need(t)
	t0 := time.Now()
	answers, errs := Check(context.Background(), env.systems, env.params, time.Minute)
	t.Logf("checked %d answers of %d systems in %.1f s", countAnswers(answers), len(env.systems), time.Since(t0).Seconds())
	for _, err := range errs {
		t.Error(err)
	}
	for _, q := range Mix {
		if want := max(1, len(env.params.IDs(q))); len(answers[q]) != want {
			t.Errorf("%s: %d answers checked, want one per id of the sample (%d)", q, len(answers[q]), want)
		}
		empty := 0
		for _, a := range answers[q] {
			if len(a) < 20 || a == "[]" || strings.Contains(a, `"claims":[]`) && q == QEntity {
				empty++
			}
		}
		if empty > 0 {
			t.Errorf("%s: %d of %d answers are (nearly) empty, so agreeing proves little: %.200s", q, empty, len(answers[q]), answers[q][0])
		}
	}
	// Where the data has them, at least 100 ids per question, so that no
	// timed loop can live off one hot id; the 10k graph has fewer drugs
	// and pages than that, so all of them, but still several.
	for _, q := range []QueryID{QEntity, QList, QPaths6, QNeighborhood} {
		if n := len(env.params.IDs(q)); n < 10 {
			t.Errorf("%s: a sample of %d ids", q, n)
		}
	}
	if n := len(env.params.Centres); n < 100 {
		t.Errorf("%d centres: the 10k graph has over 400 mechanisms, the sample should take %d", n, DefaultSampleSize)
	}
	if env.params.Paths4 == 0 || env.params.Paths6 < env.params.Paths4 {
		t.Errorf("path counts %d (4 hops) and %d (6 hops): the generator should make mechanism paths", env.params.Paths4, env.params.Paths6)
	}
}

// benchCell times b.N requests of qs against one system with conc clients
// and reports latency percentiles.
func benchCell(b *testing.B, s System, qs []QueryID, conc int) {
	need(b)
	ctx := context.Background()
	if err := Warm(ctx, s, 1, time.Minute); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	c := Measure(ctx, s, env.seq, env.meters[s.Name()], qs, conc, Load{Duration: 0, MaxRequests: b.N, MinRequests: b.N, Timeout: time.Minute})
	b.StopTimer()
	if c.Errors > 0 {
		b.Fatalf("%d errors, first: %s", c.Errors, c.FirstError)
	}
	b.ReportMetric(c.P50Ms, "p50-ms")
	b.ReportMetric(c.P99Ms, "p99-ms")
	b.ReportMetric(c.Throughput, "req/s")
	// CPU milliseconds per request: the server's (for the in-process
	// systems the whole test process's, load generator included) and
	// Neo4j's.
	if c.ServerProc != "" {
		b.ReportMetric(c.ServerCPU*1000, "server-cpu-ms/req")
	}
	if c.DBProc != "" { // not for the embedded store, which has none
		b.ReportMetric(c.DBCPU*1000, "neo4j-cpu-ms/req")
	}
}

func countAnswers(m map[QueryID][]string) int {
	n := 0
	for _, as := range m {
		n += len(as)
	}
	return n
}

func BenchmarkQuestion(b *testing.B) {
	need(b)
	for _, q := range Mix {
		for _, s := range env.systems {
			for _, c := range []int{1, 8} {
				b.Run(fmt.Sprintf("%s/%s/c=%d", q, s.Name(), c), func(b *testing.B) { benchCell(b, s, []QueryID{q}, c) })
			}
		}
	}
}

// BenchmarkMix times the mix at 1, 8 and 32 clients (32: the report's
// load, where the server's fixed cost per request shows; profile it with
// -bench 'Mix/kapgraph-neo4j/c=32' -cpuprofile).
func BenchmarkMix(b *testing.B) {
	need(b)
	for _, s := range env.systems {
		for _, c := range []int{1, 8, 32} {
			b.Run(fmt.Sprintf("%s/c=%d", s.Name(), c), func(b *testing.B) { benchCell(b, s, Mix, c) })
		}
	}
}

// TestSamplesTakeWhatTheDataAllows: each sample has DefaultSampleSize
// ids, or every candidate when the data has fewer, all distinct, and the
// same draw again gives the same samples in the same order.
func TestSamplesTakeWhatTheDataAllows(t *testing.T) {
	need(t)
	ctx := context.Background()
	count := func(cypher string) int {
		recs, err := cypherRows(ctx, env.drv, env.db, cypher, nil)
		if err != nil {
			t.Fatal(err)
		}
		return int(recs[0].Values[0].(int64))
	}
	p := env.params
	for _, c := range []struct {
		name  string
		ids   []string
		avail int
	}{
		{"entities", p.Entities, count(`MATCH (n:Drug) WHERE EXISTS { (n)-[:AFFECTS]->() } RETURN count(n)`)},
		{"centres", p.Centres, count(`MATCH (n:Mechanism) WHERE EXISTS { (n)-[:` + curatedTypes() + `]-() } RETURN count(n)`)},
	} {
		if want := min(DefaultSampleSize, c.avail); len(c.ids) != want {
			t.Errorf("%s: %d in the sample, want %d (%d in the data)", c.name, len(c.ids), want, c.avail)
		}
	}
	for _, q := range []QueryID{QEntity, QList, QPaths6, QNeighborhood} {
		ids := p.IDs(q)
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: %s twice in the sample", q, id)
			}
			seen[id] = true
		}
	}
	again, err := Choose(ctx, env.drv, env.db, DefaultSampleSize, DefaultSeed)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []QueryID{QEntity, QList, QPaths6, QNeighborhood} {
		if !slices.Equal(again.IDs(q), p.IDs(q)) {
			t.Errorf("%s: drawn again, the sample differs", q)
		}
	}
}
