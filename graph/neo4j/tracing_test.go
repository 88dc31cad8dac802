package neo4j

import (
	"context"
	"strings"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/kapgraph/kapgraph/graph"
)

// Under a recording span, every statement is a client span with its text
// and the server's timings, and never its parameters; a transaction's
// statements nest under the transaction's span.
func TestStatementSpans(t *testing.T) {
	s := testStore(t)
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	ctx, root := tp.Tracer("test").Start(context.Background(), "request")

	const secret = "KAP:traced-id-that-must-not-leak"
	if _, err := s.Node(ctx, secret); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("Node: %v", err)
	}
	if _, err := s.Search(ctx, graph.SearchQuery{Text: "traced-words-that-must-not-leak"}); err != nil {
		t.Fatalf("Search: %v", err)
	}
	root.End()

	var single, tx, stmt []sdktrace.ReadOnlySpan
	for _, sp := range rec.Ended() {
		for _, a := range sp.Attributes() {
			if v := a.Value.Emit(); strings.Contains(v, secret) || strings.Contains(v, "must-not-leak") {
				t.Errorf("span %s attribute %s holds a parameter: %s", sp.Name(), a.Key, v)
			}
		}
		switch sp.Name() {
		case "neo4j Node":
			single = append(single, sp)
		case "neo4j Search":
			tx = append(tx, sp)
		case "neo4j statement":
			stmt = append(stmt, sp)
		}
	}
	if len(single) != 1 || len(tx) != 1 || len(stmt) == 0 {
		t.Fatalf("spans: %d Node, %d Search, %d statements; want 1, 1, >0", len(single), len(tx), len(stmt))
	}
	attr := func(sp sdktrace.ReadOnlySpan, k string) string {
		for _, a := range sp.Attributes() {
			if string(a.Key) == k {
				return a.Value.Emit()
			}
		}
		return ""
	}
	if q := attr(single[0], "db.query.text"); !strings.Contains(q, "MATCH") || !strings.Contains(q, "$id") {
		t.Errorf("Node's statement text %q", q)
	}
	if attr(single[0], "db.namespace") != s.cfg.Database || single[0].SpanKind() != trace.SpanKindClient {
		t.Errorf("Node span: namespace %q, kind %v", attr(single[0], "db.namespace"), single[0].SpanKind())
	}
	if attr(single[0], "neo4j.result_available_after_ms") == "" {
		t.Errorf("Node span has no server timing: %v", single[0].Attributes())
	}
	if single[0].Parent().SpanID() != root.SpanContext().SpanID() {
		t.Error("Node's span is not under the request's")
	}
	if attr(tx[0], "neo4j.access_mode") != "read" || attr(tx[0], "neo4j.attempts") != "1" {
		t.Errorf("Search transaction span: %v", tx[0].Attributes())
	}
	for _, sp := range stmt {
		if sp.Parent().SpanID() != tx[0].SpanContext().SpanID() {
			t.Errorf("a statement span is not under its transaction's")
		}
	}

	// Without a recording span, nothing is made.
	before := len(rec.Ended())
	if _, err := s.Stats(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(rec.Ended()); n != before {
		t.Errorf("%d spans made without a trace", n-before)
	}
}
