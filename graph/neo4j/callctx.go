package neo4j

import (
	"context"

	"go.opentelemetry.io/otel/trace"
)

// callContext is the context the store hands the driver for one
// transaction or statement: the request's deadline and cancellation, and
// its span when one records, but none of its other values.
//
// The driver makes a context.WithCancel for every Bolt message it reads,
// and each of those looks for the nearest cancellable parent through
// Value, which walks the whole chain of the request's contexts (the
// middleware's, gqlgen's, the fast path's field contexts): about 2.5% of
// the server's CPU on the 10k mix. Here that walk is made once, by
// context.AfterFunc, and the driver's lookups stop at the first link.
// stop releases the context and must be called when the call is done.
//
// The store still classifies errors by the request's own context
// (mapErr), so a request that timed out or went away reads as it did.
func callContext(ctx context.Context) (call context.Context, stop func()) {
	base := context.Background()
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		base = trace.ContextWithSpan(base, span)
	}
	var cancel context.CancelFunc
	if dl, ok := ctx.Deadline(); ok {
		call, cancel = context.WithDeadline(base, dl)
	} else {
		call, cancel = context.WithCancel(base)
	}
	if ctx.Done() == nil {
		return call, cancel
	}
	if ctx.Err() != nil {
		cancel()
		return call, cancel
	}
	unhook := context.AfterFunc(ctx, cancel)
	return call, func() {
		unhook()
		cancel()
	}
}
