// Package recycle lets the code that writes a response give back what
// the code that made it lent: the GraphQL fast path (package resolvers)
// writes its answer into a pooled buffer, and only the transport (package
// api/gql), once it has written the answer to the client, knows the
// buffer is free again. The transport puts a Bin on the request's
// context; the fast path, finding one, takes a pooled buffer and holds it
// in the bin, and without one allocates as before.
package recycle

import "context"

// Releaser is something lent for one response: Release gives it back,
// after which nothing may read what it held.
type Releaser interface{ Release() }

// Bin holds what one response borrowed until the response is written.
// It is used by one request's goroutine at a time.
type Bin struct {
	first Releaser   // a response borrows one thing, most often
	more  []Releaser // and anything after it
}

// Hold keeps r until Release. A nil bin holds nothing and says so: the
// caller must then not lend r's memory out.
func (b *Bin) Hold(r Releaser) bool {
	if b == nil {
		return false
	}
	if b.first == nil {
		b.first = r
	} else {
		b.more = append(b.more, r)
	}
	return true
}

// Release gives back everything held, once.
func (b *Bin) Release() {
	if b == nil {
		return
	}
	if r := b.first; r != nil {
		b.first = nil
		r.Release()
	}
	for i, r := range b.more {
		b.more[i] = nil
		r.Release()
	}
	b.more = b.more[:0]
}

// binCtx is a context carrying a bin, in one allocation with it.
type binCtx struct {
	context.Context
	bin Bin
}

type key struct{}

// Value implements context.Context.
func (c *binCtx) Value(k any) any {
	if k == (key{}) {
		return &c.bin
	}
	return c.Context.Value(k)
}

// With returns ctx with a new bin, and the bin.
func With(ctx context.Context) (context.Context, *Bin) {
	c := &binCtx{Context: ctx}
	return c, &c.bin
}

// From is the bin on ctx, or nil.
func From(ctx context.Context) *Bin {
	b, _ := ctx.Value(key{}).(*Bin)
	return b
}
