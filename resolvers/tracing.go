package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Tracing is an executor extension that wraps each GraphQL operation in a
// span: its name and type, the complexity the limits priced it at, and
// the error codes it answered with. It sits between the HTTP request's
// span and the store calls' spans, so a slow request shows which
// operation and which reads made it slow.
type Tracing struct {
	tracer trace.Tracer
}

// NewTracing returns the extension over tp.
func NewTracing(tp trace.TracerProvider) Tracing {
	return Tracing{tracer: tp.Tracer("github.com/kapgraph/kapgraph/resolvers")}
}

var (
	_ graphql.HandlerExtension     = Tracing{}
	_ graphql.OperationInterceptor = Tracing{}
	_ graphql.ResponseInterceptor  = Tracing{}
)

// ExtensionName implements graphql.HandlerExtension.
func (Tracing) ExtensionName() string { return "Tracing" }

// Validate implements graphql.HandlerExtension.
func (Tracing) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation starts the operation's span; it runs after the
// limits, so the complexity is known.
func (t Tracing) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	name, typ := "anonymous", "query"
	if oc.OperationName != "" {
		name = oc.OperationName
	}
	if oc.Operation != nil {
		typ = string(oc.Operation.Operation)
		if oc.Operation.Name != "" {
			name = oc.Operation.Name
		}
	}
	attrs := []attribute.KeyValue{
		attribute.String("graphql.operation.name", name),
		attribute.String("graphql.operation.type", typ),
	}
	if st := extension.GetComplexityStats(ctx); st != nil {
		attrs = append(attrs, attribute.Int("graphql.operation.complexity", st.Complexity),
			attribute.Int("graphql.operation.complexity_limit", st.ComplexityLimit))
	}
	ctx, span := t.tracer.Start(ctx, "graphql "+typ+" "+name, trace.WithAttributes(attrs...))
	handler := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		// The executor runs the resolvers under the context the transport
		// gives the response handler, not the one above: put the span
		// there too, so that store calls nest under the operation.
		resp := handler(trace.ContextWithSpan(ctx, span))
		span.End() // queries and mutations answer once; a second End is a no-op
		return resp
	}
}

// InterceptResponse records the operation's errors on its span and ends
// it once the (single) response is written.
func (t Tracing) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	span := trace.SpanFromContext(ctx)
	if resp != nil && len(resp.Errors) > 0 {
		codesSeen := map[string]bool{}
		var list []string
		for _, e := range resp.Errors {
			if c, ok := e.Extensions["code"].(string); ok && !codesSeen[c] {
				codesSeen[c] = true
				list = append(list, c)
			}
		}
		span.SetAttributes(attribute.Int("graphql.errors", len(resp.Errors)), attribute.StringSlice("graphql.error_codes", list))
		span.SetStatus(codes.Error, resp.Errors[0].Message)
	}
	return resp
}
