package traced_test

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"context"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"

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
		case "Ping", "Close", "FanOut": // not reads, or a cached summary: no span
			if rec.seen["store."+m] != 0 {
				t.Errorf("store.%s is a span; it should pass straight through", m)
			}
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
