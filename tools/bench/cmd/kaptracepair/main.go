// Command kaptracepair measures what tracing costs kapgraph's throughput
// on the bench's mix, paired: two `kapgraph serve` over the graph already
// in Neo4j (NEO4J_URI; load the 10k one first), one with tracing off and
// one exporting every span by OTLP to a receiver that discards them, as
// kapbench's traced cell does, timed in turns (bench.MeasureTurns, A B B
// A) in each of several rounds. It prints each round's throughputs, the
// ratio traced/untraced and each server's (and Neo4j's, during its
// turns) CPU per request, then the
// median ratio: the traced mix cell of a full kapbench run is one such
// pairing among the other systems' turns, and a shared machine's noise
// moves one pairing by several per cent, which this tool's rounds show.
//
//	go build -o .cache/kapgraph ./cmd/kapgraph
//	go run ./tools/bench/cmd/kaptracepair -kapgraph .cache/kapgraph -rounds 6
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	neo4jdrv "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/tools/bench"
)

func main() {
	bin := flag.String("kapgraph", ".cache/bench/bin/kapgraph", "the kapgraph binary")
	rounds := flag.Int("rounds", 6, "rounds; each times both servers in turns (A B B A)")
	dur := flag.Duration("duration", 6*time.Second, "time per round, shared by the turns")
	conc := flag.Int("concurrency", 32, "concurrent clients")
	sample := flag.Int("sample", bench.DefaultSampleSize, "ids per parameterised question")
	work := flag.String("work", ".cache/tracepair", "directory for the servers' logs")
	flag.Parse()
	if err := run(context.Background(), *bin, *work, *rounds, *dur, *conc, *sample); err != nil {
		fmt.Fprintln(os.Stderr, "kaptracepair:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, bin, work string, rounds int, dur time.Duration, conc, sample int) error {
	cfg, ok := neo4j.ConfigFromEnv(os.Getenv)
	if !ok {
		return fmt.Errorf("NEO4J_URI is not set")
	}
	drv, err := neo4jdrv.NewDriverWithContext(cfg.URI, neo4jdrv.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	u, err := url.Parse(cfg.URI)
	if err != nil {
		return err
	}
	port, _ := strconv.Atoi(u.Port())
	dbPID, _ := bench.ListenerPID(port)

	// The receiver runs in this process, as kapbench's does.
	recv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(http.StatusOK)
	})}
	rl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = recv.Serve(rl) }()
	defer recv.Close()

	start := func(name string, env ...string) (*bench.Process, string, error) {
		addr := freeAddr()
		p, err := bench.Start(name, filepath.Join(work, name+".log"), env, bin,
			"serve", "--addr", addr, "--no-playground", "--log-format", "json")
		if err != nil {
			return nil, "", err
		}
		if err := bench.WaitHTTP(ctx, p, "http://"+addr+"/readyz", 2*time.Minute); err != nil {
			p.Stop(5 * time.Second)
			return nil, "", err
		}
		return p, "http://" + addr + "/graphql", nil
	}
	off, offURL, err := start(bench.SysKapgraphNeo4j)
	if err != nil {
		return err
	}
	defer off.Stop(10 * time.Second)
	on, onURL, err := start(bench.SysKapgraphTraced, "OTEL_EXPORTER_OTLP_ENDPOINT=http://"+rl.Addr().String(), "OTEL_SERVICE_NAME=kapgraph-bench")
	if err != nil {
		return err
	}
	defer on.Stop(10 * time.Second)

	p, err := bench.Choose(ctx, drv, cfg.Database, sample, bench.DefaultSeed)
	if err != nil {
		return err
	}
	kg := bench.NewKapgraph(bench.SysKapgraphNeo4j, offURL, p, bench.Cursor.ForKapgraph)
	if err := bench.Cursors(ctx, &p, kg, nil, nil); err != nil {
		return err
	}
	systems := []bench.System{
		bench.NewKapgraph(bench.SysKapgraphNeo4j, offURL, p, bench.Cursor.ForKapgraph),
		bench.NewKapgraph(bench.SysKapgraphTraced, onURL, p, bench.Cursor.ForKapgraph),
	}
	for _, s := range systems {
		if err := bench.Warm(ctx, s, 3, time.Minute); err != nil {
			return err
		}
	}
	db := bench.Proc{Label: "Neo4j", PID: dbPID}
	meters := map[string]bench.Meter{
		bench.SysKapgraphNeo4j:  {Server: bench.Proc{Label: "kapgraph serve", PID: off.PID()}, DB: db},
		bench.SysKapgraphTraced: {Server: bench.Proc{Label: "kapgraph serve (tracing on)", PID: on.PID()}, DB: db},
	}
	seq := bench.NewSequence(p)
	load := bench.Load{Duration: dur, MaxRequests: 1_000_000, MinRequests: 2 * conc, Timeout: time.Minute}
	fmt.Printf("mix at %d clients, %d rounds of %s, each A B B A\n", conc, rounds, dur)
	fmt.Printf("%-5s %10s %10s %7s %14s %14s %14s %14s %9s\n", "round", "off req/s", "on req/s", "on/off", "off server µs", "on server µs", "off Neo4j µs", "on Neo4j µs", "load avg")
	var ratios []float64
	for r := 1; r <= rounds; r++ {
		cells := bench.MeasureTurns(ctx, systems, seq, meters, bench.Mix, conc, load, 2)
		k, t := cells[0], cells[1]
		if k.Errors > 0 || t.Errors > 0 {
			return fmt.Errorf("round %d: %d and %d errors", r, k.Errors, t.Errors)
		}
		ratio := t.Throughput / k.Throughput
		ratios = append(ratios, ratio)
		fmt.Printf("%-5d %10.1f %10.1f %7.3f %14.0f %14.0f %14.0f %14.0f %9s\n", r, k.Throughput, t.Throughput, ratio, k.ServerCPU*1e6, t.ServerCPU*1e6, k.DBCPU*1e6, t.DBCPU*1e6, loadAvg())
	}
	slices.Sort(ratios)
	fmt.Printf("median on/off %.3f (min %.3f, max %.3f)\n", ratios[len(ratios)/2], ratios[0], ratios[len(ratios)-1])
	return nil
}

func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().String()
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil || len(b) < 4 {
		return "?"
	}
	f := string(b)
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			return f[:i]
		}
	}
	return f
}
