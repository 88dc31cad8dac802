package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// sinkEnv, when set in a test binary's environment, turns it into an OTLP
// receiver that discards what it is sent (see TestMain): the OTLP mode of
// BenchmarkTracingCost exports to it in a process of its own, so that
// the receiver's CPU is measured apart from the server's.
const sinkEnv = "KAPGRAPH_OTLP_SINK"

func TestMain(m *testing.M) {
	if os.Getenv(sinkEnv) != "" {
		serveSink()
		return
	}
	os.Exit(m.Run())
}

// serveSink answers OTLP/HTTP exports with an empty response, printing
// its address, until its stdin closes.
func serveSink() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().String())
	go func() { _ = http.Serve(ln, http.HandlerFunc(sink)) }()
	_, _ = io.Copy(io.Discard, os.Stdin)
}

func sink(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/x-protobuf")
	w.WriteHeader(http.StatusOK)
}

// BenchmarkTracingCost is what tracing costs a request of the mix over
// the synthetic 10k graph, through the whole handler, in process, from 32
// clients at once (as in the mix cell at 32): the
// embedded store (loaded here) and Neo4j (whatever NEO4J_URI holds; load
// the 10k graph first, e.g. KAPGRAPH_PROFILE_LOAD=10000 with graph/neo4j's
// TestEntityProfile), each with tracing
//
//   - off: no tracer provider (production without an OTLP endpoint);
//   - unsampled: the SDK's provider sampling nothing;
//   - recorded: every span recorded and ended, with no processor;
//   - batch: every span through the SDK's batch processor to an exporter
//     that drops it;
//   - otlp: as kapgraph serve exports, by OTLP over HTTP to a receiver in a
//     process of its own (recv-cpu-ns/op is its CPU).
//
// cpu-ns/op is this process's CPU (the handler, the driver, the span
// processor and exporter, the garbage collector), spans/op the spans a
// request makes. The samples of the questions are bench.Choose's, drawn
// from Neo4j; requests cycle through the mix and its samples.
//
//	go test -run '^$' -bench TracingCost -benchmem -cpuprofile cpu.out ./internal/app/
func BenchmarkTracingCost(b *testing.B) {
	ctx := context.Background()
	neo4jtest.RequireServer(b)
	cfg, _ := neo4j.ConfigFromEnv(os.Getenv)
	drv, err := neo4jdriver.NewDriverWithContext(cfg.URI, neo4jdriver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer drv.Close(ctx)
	p, err := bench.Choose(ctx, drv, cfg.Database, 16, bench.DefaultSeed)
	if err != nil {
		b.Fatalf("choosing the samples (is the 10k graph loaded?): %v", err)
	}
	n4, err := neo4j.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer n4.Close(ctx)
	mem := memory.New()
	if err := synth.All(synth.Config{Nodes: 10000}, 2, func(_ int, d *graph.Document) error {
		_, err := mem.Load(ctx, d)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	bodies := mixBodies(p)
	stores := []struct {
		name  string
		store graph.Store
	}{{"embedded", mem}, {"neo4j", n4}}
	for _, st := range stores {
		for _, mode := range []string{"off", "unsampled", "recorded", "batch", "otlp"} {
			b.Run(st.name+"/"+mode, func(b *testing.B) {
				count := &countingProcessor{}
				tp, recv := providerFor(b, mode, count)
				var tracer trace.TracerProvider
				if tp != nil {
					tracer = tp
				}
				h := app.NewServer(app.Config{Tracer: tracer}, st.store, nil)
				for _, body := range bodies { // warm the caches, the pools, the plan cache
					postMix(b, h, body)
				}
				count.n.Store(0)
				count.attrBytes.Store(0)
				b.ReportAllocs()
				cpu0, r0 := processCPU(b), pidCPU(b, recv)
				// 32 clients on the bench's two cores, as the mix's
				// cell at 32 has them (the span processor's queue and
				// the spans' locks are shared).
				b.SetParallelism(32 / max(runtime.GOMAXPROCS(0), 1))
				var next atomic.Int64
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						postMix(b, h, bodies[int(next.Add(1))%len(bodies)])
					}
				})
				if tp != nil {
					_ = tp.ForceFlush(ctx)
				}
				b.ReportMetric(float64(processCPU(b)-cpu0)/float64(b.N), "cpu-ns/op")
				if recv > 0 {
					b.ReportMetric(float64(pidCPU(b, recv)-r0)/float64(b.N), "recv-cpu-ns/op")
				}
				b.ReportMetric(float64(count.n.Load())/float64(b.N), "spans/op")
				b.ReportMetric(float64(count.attrBytes.Load())/float64(b.N), "attr-B/op")
				if tp != nil {
					_ = tp.Shutdown(ctx)
				}
			})
		}
	}
}

// mixBodies are the request bodies of the mix: each question with each of
// the first ids of its sample, interleaved.
func mixBodies(p bench.Params) [][]byte {
	var out [][]byte
	for k := range 8 {
		for _, q := range bench.Mix {
			var vars map[string]any
			ids := p.IDs(q)
			switch q {
			case bench.QEntity, bench.QNeighborhood:
				vars = map[string]any{"id": ids[k%len(ids)]}
			case bench.QPaths4, bench.QPaths6:
				vars = map[string]any{"from": ids[k%len(ids)]}
			case bench.QList:
				vars = map[string]any{"after": nil}
			}
			body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[q], "variables": vars})
			out = append(out, body)
		}
	}
	return out
}

// providerFor builds mode's tracer provider (nil for off) and, for otlp,
// starts the receiver, returning its pid.
func providerFor(b *testing.B, mode string, count *countingProcessor) (*sdktrace.TracerProvider, int) {
	switch mode {
	case "off":
		return nil, 0
	case "unsampled":
		return sdktrace.NewTracerProvider(sdktrace.WithSampler(sdktrace.NeverSample()), sdktrace.WithSpanProcessor(count)), 0
	case "recorded":
		return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(count)), 0
	case "batch":
		return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(count), sdktrace.WithBatcher(dropExporter{})), 0
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), sinkEnv+"=1")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	buf := make([]byte, 64)
	n, err := stdout.Read(buf)
	if err != nil {
		b.Fatal(err)
	}
	addr := string(bytes.TrimSpace(buf[:n]))
	exp, err := otlptracehttp.New(context.Background(), otlptracehttp.WithEndpointURL("http://"+addr+"/v1/traces"))
	if err != nil {
		b.Fatal(err)
	}
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(count), sdktrace.WithBatcher(exp)), cmd.Process.Pid
}

// countingProcessor counts the spans that end and the bytes of their
// attributes' keys and values (what an exporter has to encode besides
// the ids and times).
type countingProcessor struct{ n, attrBytes atomic.Int64 }

func (c *countingProcessor) OnStart(context.Context, sdktrace.ReadWriteSpan) {}
func (c *countingProcessor) OnEnd(s sdktrace.ReadOnlySpan) {
	c.n.Add(1)
	n := len(s.Name())
	for _, kv := range s.Attributes() {
		n += len(kv.Key) + len(kv.Value.Emit())
	}
	c.attrBytes.Add(int64(n))
}
func (c *countingProcessor) Shutdown(context.Context) error   { return nil }
func (c *countingProcessor) ForceFlush(context.Context) error { return nil }

type dropExporter struct{}

func (dropExporter) ExportSpans(context.Context, []sdktrace.ReadOnlySpan) error { return nil }
func (dropExporter) Shutdown(context.Context) error                             { return nil }

func postMix(b *testing.B, h http.Handler, body []byte) {
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
		b.Fatalf("%d %s", w.Code, w.Body)
	}
}

// processCPU is the CPU time this process has used so far.
func processCPU(b *testing.B) time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		b.Fatal(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// pidCPU is the CPU time process pid has used so far (0 for pid 0).
func pidCPU(b *testing.B, pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	d, err := bench.CPUTime(pid)
	if err != nil {
		b.Fatal(err)
	}
	return d
}
