package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// Tracing is an executor extension that names the GraphQL operation on
// the request's span (api/httpapi's server span): its name and type, the
// complexity the limits priced it at, and the error codes it answered
// with. It adds no span of its own: a request is one operation, so a span
// for it would repeat the request's (same start but for parsing, same
// end) and cost a fifth of a traced request's spans; the store calls
// nest directly under the request. Without a recording span it does
// nothing.
type Tracing struct{}

// NewTracing returns the extension.
func NewTracing() Tracing { return Tracing{} }

var (
	_ graphql.HandlerExtension     = Tracing{}
	_ graphql.OperationInterceptor = Tracing{}
	_ graphql.ResponseInterceptor  = Tracing{}
)

// ExtensionName implements graphql.HandlerExtension.
func (Tracing) ExtensionName() string { return "Tracing" }

// Validate implements graphql.HandlerExtension.
func (Tracing) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation puts the operation on the request's span; it runs
// after the limits, so the complexity is known.
func (Tracing) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	span := trace.SpanFromContext(ctx)
	if !span.IsRecording() {
		return next(ctx)
	}
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
	// One call: each grows the span's attributes. The complexity limit
	// is the server's configuration, the same on every request, so it is
	// not repeated here.
	attrs := make([]attribute.KeyValue, 2, 3)
	attrs[0], attrs[1] = attribute.String("graphql.operation.name", name), attribute.String("graphql.operation.type", typ)
	if st := extension.GetComplexityStats(ctx); st != nil {
		attrs = append(attrs, attribute.Int("graphql.operation.complexity", st.Complexity))
	}
	span.SetAttributes(attrs...)
	return next(ctx)
}

// InterceptResponse records the operation's errors on the request's
// span.
func (t Tracing) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	span := trace.SpanFromContext(ctx)
	if resp != nil && span.IsRecording() && len(resp.Errors) > 0 {
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
