// Command kapbench runs kapgraph's benchmark (see package bench and
// scripts/bench.sh, which builds everything and starts Neo4j first):
// for each graph size it grows the Neo4j database with Store.Load,
// starts the embedded server on the same data, checks that all four
// systems give the same answers, times them, reads their memory, and at
// the end writes BENCHMARKS.md and the plots.
//
// Neo4j is reached through NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
// NEO4J_DATABASE; its contents are wiped first.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/bench"
)

type options struct {
	ingestDocs  int    // articles of the ingest step (ingest.go); 0: none
	bulkSize    string // synthetic graph of the bulk import step (ingest.go); "": none
	importCmd   string // the Importer's command line
	sizes       []string
	conc        []int
	dur, mixDur time.Duration
	minReq      int
	turns       int
	warm        int
	embeddedMax int
	kapgraph    string
	kapserve    string
	peerDir     string
	node        string
	work        string
	out         string
	plots       string
	analysis    string
	neo4jPID    int
	neo4jCfg    string
	evidence    bool
	timeout     time.Duration
	loadBudget  time.Duration
	from        string
	again       bool
	reuse       bool
	merge       string
	sample      int
	seed        uint64
}

func main() {
	var o options
	sizes := flag.String("sizes", "10k,100k,1m", "graph sizes, smallest first (10k, 100k, 1m or a node count)")
	conc := flag.String("concurrency", "1,8,32", "concurrent clients")
	flag.DurationVar(&o.dur, "duration", 1500*time.Millisecond, "time per (system, question, concurrency) cell")
	flag.DurationVar(&o.mixDur, "mix-duration", 3*time.Second, "time per mix cell")
	flag.IntVar(&o.minReq, "min-requests", 10, "requests per cell at least")
	flag.IntVar(&o.turns, "turns", 4, "rounds of turns per cell: the systems are timed in turns, forward then backward, each turn a share of the cell")
	flag.IntVar(&o.warm, "warmup", 3, "rounds of the mix per system before timing")
	flag.IntVar(&o.embeddedMax, "embedded-max", 100_000, "largest size (nodes) the embedded server is measured at")
	flag.StringVar(&o.kapgraph, "kapgraph", ".cache/bench/bin/kapgraph", "the kapgraph binary")
	flag.StringVar(&o.kapserve, "kapserve", ".cache/bench/bin/kapserve", "the kapserve binary")
	flag.StringVar(&o.peerDir, "peer", "tools/bench/peer", "the peer's node project (npm ci done)")
	flag.StringVar(&o.node, "node", "node", "the node binary")
	flag.StringVar(&o.work, "work", ".cache/bench", "directory for logs and results")
	flag.StringVar(&o.out, "out", "BENCHMARKS.md", "report to write")
	flag.StringVar(&o.plots, "plots", "tools/bench/plots", "directory for the PNG plots")
	flag.StringVar(&o.analysis, "analysis", "tools/bench/ANALYSIS.md", "hand-written analysis to append to the report, if it exists")
	flag.IntVar(&o.neo4jPID, "neo4j-pid", 0, "pid of the Neo4j server, for its memory and CPU time (0: whoever listens on NEO4J_URI's port)")
	flag.IntVar(&o.sample, "sample", bench.DefaultSampleSize, "ids per parameterised question the timed requests draw from (Zipf-skewed)")
	flag.Uint64Var(&o.seed, "seed", bench.DefaultSeed, "seed of the samples and of the request sequence")
	flag.StringVar(&o.neo4jCfg, "neo4j-config", os.Getenv("BENCH_NEO4J_CONFIG"), "Neo4j settings, for the report")
	flag.BoolVar(&o.evidence, "evidence", true, "profile the slow spots at the largest size")
	flag.DurationVar(&o.timeout, "timeout", 60*time.Second, "per-request timeout")
	flag.DurationVar(&o.loadBudget, "load-budget", 15*time.Minute, "time allowed for growing Neo4j to one size; when it runs out the size is measured as far as it was loaded")
	flag.StringVar(&o.from, "from-results", "", "only render BENCHMARKS.md and the plots again from this results.json")
	flag.BoolVar(&o.reuse, "reuse", false, "keep the database's contents and load only the reviews it lacks (a run resumed at a larger size)")
	flag.StringVar(&o.merge, "merge", "", "results.json of an earlier run whose sizes this run does not measure are kept in the report")
	flag.BoolVar(&o.again, "evidence-again", false, "with -from-results: gather the evidence again over the database the run left (NEO4J_URI)")
	flag.IntVar(&o.ingestDocs, "ingest-docs", 10_000, "articles of the synthetic corpus the ingest step reads and loads into Neo4j, after the rest (0: no ingest step)")
	flag.StringVar(&o.bulkSize, "bulk-size", "1m", "synthetic graph the bulk import step loads into the emptied Neo4j with its importer, last (10k, 100k, 1m; empty: no bulk step)")
	flag.StringVar(&o.importCmd, "import-cmd", "bash scripts/neo4j.sh import", "with -bulk-size: the command that runs Neo4j's importer on a directory (it stops and restarts the server)")
	flag.Parse()
	for _, s := range strings.Split(*sizes, ",") {
		o.sizes = append(o.sizes, strings.TrimSpace(s))
	}
	if o.from != "" {
		if err := rerender(o); err != nil {
			fatal(err)
		}
		return
	}
	for _, c := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			fatal(fmt.Errorf("bad concurrency %q", c))
		}
		o.conc = append(o.conc, n)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, o); err != nil {
		fatal(err)
	}
}

// rerender writes the report and plots of an earlier run again (after a
// change to tools/bench/ANALYSIS.md or to the report's layout).
func rerender(o options) error {
	b, err := os.ReadFile(o.from)
	if err != nil {
		return err
	}
	h := &harness{o: o, res: &bench.Results{}}
	if err := json.Unmarshal(b, h.res); err != nil {
		return err
	}
	h.o.work = filepath.Dir(o.from)
	if o.again && len(h.res.Sizes) > 0 {
		// Gather the evidence again over the database the run left.
		ctx := context.Background()
		cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
		h.db = cfg.Database
		if h.drv, err = neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, "")); err != nil {
			return err
		}
		defer h.drv.Close(ctx)
		if h.store, err = neo4j.Open(ctx, cfg); err != nil {
			return err
		}
		defer h.store.Close(ctx)
		h.res.Profiles = nil
		h.gatherEvidence(ctx)
	}
	return h.write()
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "kapbench:", err)
	os.Exit(1)
}

func say(format string, args ...any) {
	fmt.Printf("%s kapbench: %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func sizeNodes(s string) (int, error) {
	if n, ok := synth.Sizes[strings.ToLower(s)]; ok {
		return n, nil
	}
	return strconv.Atoi(s)
}

func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "127.0.0.1:18181"
	}
	defer l.Close()
	return l.Addr().String()
}

// env is the Neo4j environment of the servers.
func neo4jEnv() []string {
	var out []string
	for _, k := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		out = append(out, k+"="+os.Getenv(k))
	}
	return out
}

func sizeNames(ss []bench.SizeResult) string {
	var n []string
	for _, s := range ss {
		n = append(n, s.Name)
	}
	return strings.Join(n, ", ")
}

func hasSize(ss []bench.SizeResult, name string) bool {
	for _, s := range ss {
		if s.Name == name || strings.TrimSuffix(s.Name, "-partial") == name {
			return true
		}
	}
	return false
}

type harness struct {
	merged  bool
	earlier []bench.SizeResult
	o       options
	res     *bench.Results
	drv     neo4jdrv.DriverWithContext
	db      string
	store   *neo4j.Store
	kapURL  string
	peerURL string
	procs   []*bench.Process
	kap     *bench.Process
	peer    *bench.Process
	// traced is a second kapgraph-neo4j with tracing on, exporting every
	// span by OTLP to a collector that discards them: the mix at the
	// largest concurrency is measured on it at the first size, for the
	// tracing target.
	traced    *bench.Process
	tracedURL string
}

func run(ctx context.Context, o options) error {
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	h := &harness{o: o, res: &bench.Results{
		Started: time.Now(), Command: "scripts/bench.sh " + strings.Join(os.Args[1:], " "),
		Settings: bench.Settings{Concurrency: o.conc, Duration: o.dur, MixDuration: o.mixDur, MinRequests: o.minReq, Warmup: o.warm, Turns: o.turns, Seed: synth.DefaultSeed,
			Sample: o.sample, RequestSeed: o.seed},
	}}
	if a := os.Getenv("BENCH_COMMAND"); a != "" {
		h.res.Command = a
	}
	defer h.stopAll()
	err := h.run(ctx)
	if err == nil && o.ingestDocs > 0 {
		err = h.ingest(ctx)
	}
	if err == nil && o.bulkSize != "" {
		err = h.bulk(ctx)
	}
	if err != nil {
		h.res.Failed = err.Error()
	}
	h.res.Finished = time.Now()
	h.res.Machine.LoadAvg += "; at the end " + loadAvg()
	if werr := h.write(); werr != nil {
		return errors.Join(err, werr)
	}
	return err
}

func (h *harness) stopAll() {
	for _, p := range h.procs {
		p.Stop(15 * time.Second)
	}
}

func (h *harness) start(name string, env []string, bin string, args ...string) (*bench.Process, error) {
	p, err := bench.Start(name, filepath.Join(h.o.work, name+".log"), env, bin, args...)
	if err != nil {
		return nil, err
	}
	h.procs = append(h.procs, p)
	return p, nil
}

func (h *harness) run(ctx context.Context) error {
	cfg, ok := neo4j.ConfigFromEnv(os.Getenv)
	if !ok {
		return fmt.Errorf("NEO4J_URI is not set (scripts/bench.sh starts Neo4j and sets it)")
	}
	h.db = cfg.Database
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""), func(c *neo4jdrv.Config) {
		c.MaxConnectionPoolSize = 100
	})
	if err != nil {
		return err
	}
	h.drv = drv
	defer drv.Close(context.Background())
	if err := drv.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("Neo4j at %s: %w", cfg.URI, err)
	}
	h.machine(ctx)

	loaded := 0
	if h.o.reuse {
		res, err := neo4jdrv.ExecuteQuery(ctx, drv, "MATCH (d:KapgraphDocument) RETURN count(d)", nil, neo4jdrv.EagerResultTransformer, neo4jdrv.ExecuteQueryWithDatabase(h.db))
		if err != nil {
			return err
		}
		loaded = int(res.Records[0].Values[0].(int64))
		say("reusing the database: %d reviews are in", loaded)
		h.res.Notes = append(h.res.Notes, fmt.Sprintf("This run resumed over a database that already held %d reviews (-reuse); the ingest figures of that step cover only the reviews it loaded.", loaded))
	} else {
		say("wiping the benchmark database")
		if err := bench.Wipe(ctx, drv, h.db); err != nil {
			return fmt.Errorf("wiping: %w", err)
		}
	}
	if h.store, err = neo4j.Open(ctx, cfg); err != nil {
		return err
	}
	defer h.store.Close(context.Background())
	if err := h.store.EnsureSchema(ctx); err != nil {
		return err
	}

	// The servers that follow the database as it grows.
	addr := freeAddr()
	h.kapURL = "http://" + addr + "/graphql"
	if h.kap, err = h.start("kapgraph-neo4j", neo4jEnv(), h.o.kapgraph, "serve", "--addr", addr,
		"--timeout", h.o.timeout.String(), "--no-playground", "--log-format", "json"); err != nil {
		return err
	}
	if err := bench.WaitHTTP(ctx, h.kap, "http://"+addr+"/readyz", 2*time.Minute); err != nil {
		return err
	}
	collector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK) // an empty ExportTraceServiceResponse
	}))
	defer collector.Close()
	taddr := freeAddr()
	h.tracedURL = "http://" + taddr + "/graphql"
	if h.traced, err = h.start(bench.SysKapgraphTraced, append(neo4jEnv(), "OTEL_EXPORTER_OTLP_ENDPOINT="+collector.URL, "OTEL_SERVICE_NAME=kapgraph-bench"),
		h.o.kapgraph, "serve", "--addr", taddr, "--timeout", h.o.timeout.String(), "--no-playground", "--log-format", "json"); err != nil {
		return err
	}
	if err := bench.WaitHTTP(ctx, h.traced, "http://"+taddr+"/readyz", 2*time.Minute); err != nil {
		return err
	}
	cypherFile := filepath.Join(h.o.work, "peer-cypher.json")
	b, _ := json.MarshalIndent(bench.PeerCypher(), "", "  ")
	if err := os.WriteFile(cypherFile, b, 0o644); err != nil {
		return err
	}
	peerAddr := freeAddr()
	_, port, _ := net.SplitHostPort(peerAddr)
	h.peerURL = "http://" + peerAddr + "/graphql"
	abs, _ := filepath.Abs(cypherFile)
	if h.peer, err = h.start("neo4j-graphql", append(neo4jEnv(), "PEER_PORT="+port, "PEER_CYPHER="+abs, "NODE_ENV=production"),
		h.o.node, filepath.Join(h.o.peerDir, "server.mjs")); err != nil {
		return err
	}
	if err := waitGraphQL(ctx, h.peer, h.peerURL, 2*time.Minute); err != nil {
		return err
	}

	for _, name := range h.o.sizes {
		nodes, err := sizeNodes(name)
		if err != nil {
			return fmt.Errorf("size %q: %w", name, err)
		}
		if err := h.size(ctx, name, nodes, &loaded); err != nil {
			return fmt.Errorf("size %s: %w", name, err)
		}
		if n := len(h.res.Sizes); n > 0 && strings.HasSuffix(h.res.Sizes[n-1].Name, "-partial") {
			break // a larger size would not load either
		}
		if err := h.write(); err != nil { // keep what was measured
			return err
		}
	}
	if h.o.evidence && len(h.res.Sizes) > 0 {
		h.gatherEvidence(ctx)
	}
	return h.reviewMemory(ctx)
}

func waitGraphQL(ctx context.Context, p *bench.Process, url string, timeout time.Duration) error {
	s := bench.NewPeer(url, bench.Params{})
	deadline := time.Now().Add(timeout)
	for {
		_, err := s.Raw(ctx, "{ __typename }", nil)
		if err == nil {
			return nil
		}
		if !p.Alive() {
			return fmt.Errorf("%s exited (see %s)", p.Name, p.Log)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not answer within %s: %v (see %s)", p.Name, timeout, err, p.Log)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
