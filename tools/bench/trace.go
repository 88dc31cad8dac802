package bench

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/traced"
)

// TracingStore records every call the API makes to a store, with its
// start (relative to Reset) and duration: which round trips one GraphQL
// request costs, and the gaps between them. The calls are the spans of
// graph/traced, the wrapper production runs with tracing on, so the trace
// shows the calls the server really makes and cannot drift from them.
type TracingStore struct {
	graph.Store
	rec *callRecorder
}

// TracedCall is one recorded store call.
type TracedCall struct {
	Method string
	Arg    string
	Start  time.Duration
	Took   time.Duration
	Err    error
}

// NewTracingStore wraps s in graph/traced, recording its spans.
func NewTracingStore(s graph.Store) *TracingStore {
	rec := &callRecorder{t0: time.Now()}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	return &TracingStore{Store: traced.Wrap(s, tp), rec: rec}
}

// Reset forgets the calls so far and restarts the clock.
func (t *TracingStore) Reset() {
	t.rec.mu.Lock()
	t.rec.calls, t.rec.t0 = nil, time.Now()
	t.rec.mu.Unlock()
}

// Calls returns the calls since Reset, in the order they started.
func (t *TracingStore) Calls() []TracedCall {
	t.rec.mu.Lock()
	defer t.rec.mu.Unlock()
	out := append([]TracedCall(nil), t.rec.calls...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// callRecorder is a span processor keeping graph/traced's store spans
// as TracedCalls.
type callRecorder struct {
	mu    sync.Mutex
	t0    time.Time
	calls []TracedCall
}

func (r *callRecorder) OnStart(context.Context, sdktrace.ReadWriteSpan) {}

func (r *callRecorder) OnEnd(s sdktrace.ReadOnlySpan) {
	method, ok := strings.CutPrefix(s.Name(), "store.")
	if !ok {
		return
	}
	var args []string
	var err error
	for _, kv := range s.Attributes() {
		k := strings.TrimPrefix(string(kv.Key), "kapgraph.")
		if k == "error_code" {
			continue
		}
		args = append(args, k+" "+attrValue(kv.Value))
	}
	for _, ev := range s.Events() {
		if ev.Name == "exception" {
			for _, kv := range ev.Attributes {
				if kv.Key == "exception.message" {
					err = fmt.Errorf("%s", kv.Value.AsString())
				}
			}
		}
	}
	r.mu.Lock()
	r.calls = append(r.calls, TracedCall{method, strings.Join(args, " "), s.StartTime().Sub(r.t0), s.EndTime().Sub(s.StartTime()), err})
	r.mu.Unlock()
}

func (r *callRecorder) Shutdown(context.Context) error   { return nil }
func (r *callRecorder) ForceFlush(context.Context) error { return nil }

func attrValue(v attribute.Value) string {
	if v.Type() == attribute.STRING {
		return v.AsString()
	}
	return v.Emit()
}

// FormatCalls renders calls one per line.
func FormatCalls(calls []TracedCall, wall time.Duration) string {
	var b strings.Builder
	var inStore time.Duration
	for _, c := range calls {
		inStore += c.Took
		e := ""
		if c.Err != nil {
			e = " error: " + c.Err.Error()
		}
		fmt.Fprintf(&b, "  +%7.2f ms  %-15s %-36s %7.2f ms%s\n", ms(c.Start), c.Method, c.Arg, ms(c.Took), e)
	}
	fmt.Fprintf(&b, "  %d store calls, %.2f ms inside the store, %.2f ms wall for the request\n", len(calls), ms(inStore), ms(wall))
	return b.String()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
