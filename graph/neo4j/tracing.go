package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Each statement is a client span under whatever span the request's
// context holds (a store call's, a GraphQL operation's), made by that
// span's own provider: tracing needs no wiring into the Store, and a
// context without a recording span costs a no-op. A span carries the
// statement's text, its server timings and summary counters, never its
// parameters (they hold what users asked about).
const tracerName = "github.com/kapgraph/kapgraph/graph/neo4j"

// startStatement starts the span of a statement run on its own
// (ExecuteQuery): it names the store operation and the database.
func (s *Store) startStatement(ctx context.Context, op, cypher string) (context.Context, trace.Span) {
	return startSpan(ctx, "neo4j "+op,
		attribute.String("db.system.name", "neo4j"),
		attribute.String("db.namespace", s.cfg.Database),
		attribute.String("db.operation.name", op),
		attribute.String("db.query.text", cypher))
}

// startTxStatement starts the span of a statement inside a transaction;
// the transaction's span (startTx) above it names the operation.
func startTxStatement(ctx context.Context, cypher string) (context.Context, trace.Span) {
	return startSpan(ctx, "neo4j statement",
		attribute.String("db.system.name", "neo4j"),
		attribute.String("db.query.text", cypher))
}

// startTx starts the span of a managed transaction: its statements, and
// the driver's retries of them, nest under it.
func (s *Store) startTx(ctx context.Context, op string, mode neo4j.AccessMode) (context.Context, trace.Span) {
	m := "write"
	if mode == neo4j.AccessModeRead {
		m = "read"
	}
	return startSpan(ctx, "neo4j "+op,
		attribute.String("db.system.name", "neo4j"),
		attribute.String("db.namespace", s.cfg.Database),
		attribute.String("db.operation.name", op),
		attribute.String("neo4j.access_mode", m))
}

func startSpan(ctx context.Context, name string, attrs ...attribute.KeyValue) (context.Context, trace.Span) {
	parent := trace.SpanFromContext(ctx)
	if !parent.IsRecording() {
		return ctx, parent
	}
	return parent.TracerProvider().Tracer(tracerName).Start(ctx, name,
		trace.WithSpanKind(trace.SpanKindClient), trace.WithAttributes(attrs...))
}

// endStatement finishes a statement's span with what the server said of
// it; sum may be nil when the statement failed.
func endStatement(span trace.Span, records int, sum neo4j.ResultSummary, err error) {
	if !span.IsRecording() {
		return
	}
	defer span.End()
	span.SetAttributes(attribute.Int("db.response.returned_rows", records))
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return
	}
	if sum == nil {
		return
	}
	span.SetAttributes(
		attribute.Int64("neo4j.result_available_after_ms", sum.ResultAvailableAfter().Milliseconds()),
		attribute.Int64("neo4j.result_consumed_after_ms", sum.ResultConsumedAfter().Milliseconds()),
	)
	if c := sum.Counters(); c != nil && c.ContainsUpdates() {
		span.SetAttributes(
			attribute.Int("neo4j.nodes_created", c.NodesCreated()),
			attribute.Int("neo4j.nodes_deleted", c.NodesDeleted()),
			attribute.Int("neo4j.relationships_created", c.RelationshipsCreated()),
			attribute.Int("neo4j.relationships_deleted", c.RelationshipsDeleted()),
			attribute.Int("neo4j.properties_set", c.PropertiesSet()),
			attribute.Int("neo4j.labels_added", c.LabelsAdded()),
		)
	}
	if c := sum.Counters(); c != nil && c.ContainsSystemUpdates() {
		span.SetAttributes(attribute.Int("neo4j.system_updates", c.SystemUpdates()))
	}
}
