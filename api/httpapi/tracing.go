package httpapi

import (
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// tracerName names the instrumentation scope of the HTTP spans.
const tracerName = "github.com/kapgraph/kapgraph/api/httpapi"

// traceRequests starts the root span of a request's trace: a server span
// named by method and route (never the raw path, which would make every
// id its own span name), continuing the caller's trace when it sends a
// W3C traceparent, so that kapgraph's spans join the calling service's.
// The spans below it (GraphQL operation, store calls, Neo4j statements)
// find it in the request context. A nil provider means no tracing.
func traceRequests(tp trace.TracerProvider, next http.Handler) http.Handler {
	if tp == nil {
		return next
	}
	tracer := tp.Tracer(tracerName)
	prop := propagation.TraceContext{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := prop.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		ctx, span := tracer.Start(ctx, "HTTP "+r.Method, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(
				attribute.String("http.request.method", r.Method),
				attribute.String("url.path", r.URL.Path),
				attribute.String("http.request_id", RequestID(r.Context())),
			))
		defer span.End()
		// observe, outside, records the status already; reuse its recorder.
		rec, ok := w.(*statusRecorder)
		if !ok {
			rec = &statusRecorder{ResponseWriter: w}
		}
		next.ServeHTTP(rec, r.WithContext(ctx))
		status := rec.statusCode()
		if info, ok := ctx.Value(infoKey).(*requestInfo); ok {
			span.SetName(r.Method + " " + info.route)
			span.SetAttributes(attribute.Int("http.response.status_code", status), attribute.String("http.route", info.route))
		} else {
			span.SetAttributes(attribute.Int("http.response.status_code", status))
		}
		if status >= 500 {
			span.SetStatus(codes.Error, http.StatusText(status))
		}
	})
}
