package traced_test

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"context"

	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/graph/traced"
)

// names records the names of ended spans.
type names struct {
	mu   sync.Mutex
	seen map[string]int
}

func (n *names) OnStart(context.Context, sdktrace.ReadWriteSpan) {}
func (n *names) OnEnd(s sdktrace.ReadOnlySpan) {
	n.mu.Lock()
	n.seen[s.Name()]++
	n.mu.Unlock()
}
func (n *names) Shutdown(context.Context) error   { return nil }
func (n *names) ForceFlush(context.Context) error { return nil }

// The wrapped store passes the whole conformance suite, answering as the
// engine inside does, and every read of graph.Store is a span of its own
// (but FanOut, a cached summary): none is left to a default that would
// read another way.
func TestWrappedStoreConforms(t *testing.T) {
	rec := &names{seen: map[string]int{}}
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	storetest.Run(t, func(t *testing.T) graph.Store {
		s := traced.Wrap(memory.New(), tp)
		if _, ok := s.(*traced.Store); !ok {
			t.Fatalf("Wrap returned %T, not a traced store", s)
		}
		return s
	})
	st := reflect.TypeOf((*graph.Store)(nil)).Elem()
	for i := 0; i < st.NumMethod(); i++ {
		m := st.Method(i).Name
		switch m {
		case "Ping", "Close": // not reads: no span
			if rec.seen["store."+m] != 0 {
				t.Errorf("store.%s is a span; it should pass straight through", m)
			}
			continue
		case "FanOut": // a span only when it fails: TestFanOutSpanOnlyOnFailure
			continue
		}
		if rec.seen["store."+m] == 0 {
			t.Errorf("no store.%s span after the conformance suite (spans: %v)", m, keys(rec.seen))
		}
	}
}

func keys(m map[string]int) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return strings.Join(ks, " ")
}

// failingFanOut is a store whose FanOut fails with err (nil: answers).
type failingFanOut struct {
	graph.Store
	err error
}

func (f failingFanOut) FanOut(ctx context.Context) (*graph.FanOut, error) {
	if f.err != nil {
		return nil, f.err
	}
	return f.Store.FanOut(ctx)
}

// FanOut, asked on every request for a cached summary, is a span only
// when it fails, and then with the error's code.
func TestFanOutSpanOnlyOnFailure(t *testing.T) {
	for _, tc := range []struct {
		name  string
		err   error
		spans int
	}{
		{"answers", nil, 0},
		{"fails", graph.Errorf(graph.EUNAVAILABLE, "the graph's fan-out is still being counted"), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := tracetest.NewSpanRecorder()
			tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
			s := traced.Wrap(failingFanOut{memory.New(), tc.err}, tp)
			if _, err := s.FanOut(t.Context()); (err != nil) != (tc.err != nil) {
				t.Fatalf("FanOut: %v, want %v", err, tc.err)
			}
			ended := rec.Ended()
			if len(ended) != tc.spans {
				t.Fatalf("%d spans, want %d", len(ended), tc.spans)
			}
			if tc.spans == 1 {
				sp := ended[0]
				if sp.Name() != "store.FanOut" || sp.Status().Code != codes.Error || sp.Status().Description != graph.ErrorCode(tc.err) {
					t.Errorf("span %s status %v, want store.FanOut with error %s", sp.Name(), sp.Status(), graph.ErrorCode(tc.err))
				}
				if sp.EndTime().Before(sp.StartTime()) {
					t.Errorf("span ends before it starts")
				}
			}
		})
	}
}
