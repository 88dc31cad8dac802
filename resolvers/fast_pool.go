package resolvers

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/internal/recycle"
)

// The fast path's writers (see fast.go) are pooled with their answer
// buffers: api/gql's transport puts a recycle.Bin on the request's
// context and gives back what the answer borrowed once it has written it.

// writer is a fast writer for the operation oc: from the schema's pool
// when the request's transport gives it back once the answer is written
// (a recycle.Bin on ctx), else a new one.
func (s *executableSchema) writer(ctx context.Context, oc *graphql.OperationContext) *fastWriter {
	var w *fastWriter
	if recycle.From(ctx) != nil {
		w, _ = s.writers.Get().(*fastWriter)
	}
	if w == nil {
		w = &fastWriter{}
	}
	w.r, w.oc, w.sat, w.l = s.resolver, oc, s.satisfies, s.resolver.loaders(ctx)
	w.pool = &s.writers
	return w
}

// maxPooledBuffer bounds the answer buffer a pooled writer keeps: a rare
// large answer's buffer goes to the collector rather than stay in the
// pool. The bench's answers are 5 to about 200 KB.
const maxPooledBuffer = 1 << 20

// maxJoins bounds the places a pooled writer remembers across operations
// (join): a place depends only on the aliases it joins, so they stay
// right for every operation, but a writer serving many different
// queries must not grow without end.
const maxJoins = 256

// Release implements recycle.Releaser: the writer, its buffer and its
// caches go back to the pool, with nothing of the operation kept but the
// places made (which depend only on aliases). A writer not from a pool
// is left to the collector.
func (w *fastWriter) Release() {
	p := w.pool
	if p == nil {
		return
	}
	w.pool, w.r, w.oc, w.sat, w.l, w.op = nil, nil, nil, nil, nil, nil
	if w.buf.Cap() > maxPooledBuffer {
		return
	}
	w.buf.Reset()
	clear(w.collected)
	w.collected = w.collected[:0]
	clear(w.args)
	w.args = w.args[:0]
	if len(w.joins) > maxJoins {
		clear(w.joins)
		w.joins = w.joins[:0]
	}
	p.Put(w)
}
