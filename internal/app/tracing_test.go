package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// One request, one trace: the HTTP request's span at the root (joining
// the caller's trace from its traceparent), carrying the GraphQL
// operation's name and complexity, and the store calls under it.
func TestTraceOfOneRequest(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	built, err := loader.LoadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range loader.Documents(built) {
		if _, err := store.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	srv := httptest.NewServer(app.NewServer(app.Config{Tracer: tp}, store, nil))
	defer srv.Close()

	const callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736"
	body, _ := json.Marshal(map[string]any{"query": `query Ketamine { node(id: "CHEBI:6121") { id name
  ... on Drug { claims(first: 3) { edges { node { id object { id } } } } } } }`})
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("traceparent", "00-"+callerTrace+"-00f067aa0ba902b7-01")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}

	spans := rec.Ended()
	byName := map[string]sdktrace.ReadOnlySpan{}
	var storeSpans []sdktrace.ReadOnlySpan
	for _, s := range spans {
		byName[s.Name()] = s
		if strings.HasPrefix(s.Name(), "store.") {
			storeSpans = append(storeSpans, s)
		}
		if got := s.SpanContext().TraceID().String(); got != callerTrace {
			t.Errorf("span %s is in trace %s, not the caller's %s", s.Name(), got, callerTrace)
		}
	}
	httpSpan, ok := byName["POST /graphql"]
	if !ok {
		t.Fatalf("no HTTP span; spans: %v", names(spans))
	}
	if httpSpan.SpanKind() != trace.SpanKindServer || httpSpan.Parent().SpanID().String() != "00f067aa0ba902b7" {
		t.Errorf("HTTP span: kind %v, parent %v; want a server span under the caller's", httpSpan.SpanKind(), httpSpan.Parent().SpanID())
	}
	if _, ok := byName["graphql query Ketamine"]; ok {
		t.Errorf("the operation is a span of its own; it belongs on the request's span")
	}
	attrs := map[string]any{}
	for _, a := range httpSpan.Attributes() {
		attrs[string(a.Key)] = a.Value.AsInterface()
	}
	if c, _ := attrs["graphql.operation.complexity"].(int64); c <= 0 || attrs["graphql.operation.name"] != "Ketamine" || attrs["graphql.operation.type"] != "query" {
		t.Errorf("request span attributes %v: want the operation's name, type and a positive complexity", attrs)
	}
	if len(storeSpans) == 0 {
		t.Fatalf("no store spans; spans: %v", names(spans))
	}
	for _, s := range storeSpans {
		if s.Parent().SpanID() != httpSpan.SpanContext().SpanID() {
			t.Errorf("store span %s is not under the request's span", s.Name())
		}
	}
	if _, ok := byName["store.Read"]; !ok {
		t.Errorf("the planned read is not a span of its own; spans: %v", names(spans))
	}
}

func names(spans []sdktrace.ReadOnlySpan) []string {
	var out []string
	for _, s := range spans {
		out = append(out, s.Name())
	}
	return out
}

// A traced request costs one span, plus one per store call (and, over
// Neo4j, one per statement): no span for the operation, none for the
// complexity limit's FanOut, none per field. Each of the bench's
// questions is one store call.
func TestSpansPerRequest(t *testing.T) {
	ctx := context.Background()
	store := memory.New()
	built, err := loader.LoadDir("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range loader.Documents(built) {
		if _, err := store.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	h := app.NewServer(app.Config{Tracer: tp}, store, nil)
	const drug = "CHEBI:6121"
	vars := map[bench.QueryID]map[string]any{
		bench.QEntity: {"id": drug}, bench.QPaths4: {"from": drug}, bench.QPaths6: {"from": drug},
		bench.QNeighborhood: {"id": drug}, bench.QList: {"after": nil},
	}
	for _, tc := range []struct {
		q    bench.QueryID
		want []string
	}{
		{bench.QStats, []string{"POST /graphql", "store.Stats"}},
		{bench.QEntity, []string{"POST /graphql", "store.Read"}},
		{bench.QList, []string{"POST /graphql", "store.ListNodes"}},
		{bench.QPaths4, []string{"POST /graphql", "store.MechanismPaths"}},
		{bench.QPaths6, []string{"POST /graphql", "store.MechanismPaths"}},
		{bench.QNeighborhood, []string{"POST /graphql", "store.Neighborhood"}},
	} {
		t.Run(string(tc.q), func(t *testing.T) {
			before := len(rec.Ended())
			body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[tc.q], "variables": vars[tc.q]})
			r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK || bytes.Contains(w.Body.Bytes(), []byte(`"errors"`)) {
				t.Fatalf("%d %s", w.Code, w.Body)
			}
			got := names(rec.Ended()[before:])
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("spans %v, want %v", got, tc.want)
			}
		})
	}
}
