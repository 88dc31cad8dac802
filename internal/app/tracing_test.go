package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/loader"
)

// One request, one trace: the HTTP request's span at the root (joining
// the caller's trace from its traceparent), the GraphQL operation under
// it with its name and complexity, and the store calls under that.
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
	op, ok := byName["graphql query Ketamine"]
	if !ok {
		t.Fatalf("no operation span; spans: %v", names(spans))
	}
	if op.Parent().SpanID() != httpSpan.SpanContext().SpanID() {
		t.Errorf("the operation's span is not under the HTTP span")
	}
	attrs := map[string]any{}
	for _, a := range op.Attributes() {
		attrs[string(a.Key)] = a.Value.AsInterface()
	}
	if c, _ := attrs["graphql.operation.complexity"].(int64); c <= 0 {
		t.Errorf("operation span attributes %v: want a positive complexity", attrs)
	}
	if len(storeSpans) == 0 {
		t.Fatalf("no store spans; spans: %v", names(spans))
	}
	for _, s := range storeSpans {
		// The complexity limit prices the operation, with the store's
		// FanOut, before the operation's span starts: that one call sits
		// under the HTTP span.
		if s.Name() == "store.FanOut" && s.Parent().SpanID() == httpSpan.SpanContext().SpanID() {
			continue
		}
		if s.Parent().SpanID() != op.SpanContext().SpanID() {
			t.Errorf("store span %s is not under the operation's span", s.Name())
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
