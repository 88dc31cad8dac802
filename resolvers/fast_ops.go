package resolvers

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// What the fast path learns of an operation once and keeps across
// requests: whether it covers it (fastCovers walks the whole document),
// and, for an operation with no directive anywhere, the fields each of
// its selection sets collects on each type (graphql.CollectFields, which
// then depends on nothing a request brings: only @skip and @include read
// the variables). gqlgen's query cache keeps one parsed document per
// query text, so the operation's pointer stands for its text; the entry
// holds the pointer, so it cannot be another document's.

// maxFastOps bounds the operations remembered; when full, the table
// starts again empty (clients that write ids into the query text, not
// variables, make a new operation a request).
const maxFastOps = 1024

// fastOps is the table, one per schema.
type fastOps struct {
	m sync.Map // *ast.OperationDefinition -> *fastOp
	n atomic.Int64
}

// fastOp is one operation's entry.
type fastOp struct {
	covers bool
	// static is that no selection of the operation, nor any fragment it
	// spreads, carries a directive.
	static bool
	// sets are the collected fields published by the requests answered
	// so far (a static operation's only); never changed once published,
	// but replaced by a longer list.
	sets atomic.Pointer[[]collectedSet]
}

// of is the entry of op, made on first sight.
func (t *fastOps) of(op *ast.OperationDefinition) *fastOp {
	if v, ok := t.m.Load(op); ok {
		return v.(*fastOp)
	}
	static := true
	e := &fastOp{covers: fastCovers(op, &static)}
	e.static = e.covers && static
	if t.n.Add(1) > maxFastOps {
		t.m.Clear()
		t.n.Store(1)
	}
	if v, loaded := t.m.LoadOrStore(op, e); loaded {
		return v.(*fastOp)
	}
	return e
}

// shared is the published collected fields of w's operation, or nil.
func (w *fastWriter) shared(set ast.SelectionSet, typ string) ([]graphql.CollectedField, bool) {
	if w.op == nil || !w.op.static {
		return nil, false
	}
	p := w.op.sets.Load()
	if p == nil {
		return nil, false
	}
	sel := firstOf(set)
	for i := range *p {
		if c := &(*p)[i]; c.sel == sel && c.n == len(set) && c.typ == typ {
			return c.fields, true
		}
	}
	return nil, false
}

// publish adds what w collected that the operation's entry lacked, once
// w has answered: the next requests find it there.
func (w *fastWriter) publish() {
	if w.op == nil || !w.op.static || len(w.collected) == 0 {
		return
	}
	old := w.op.sets.Load()
	var sets []collectedSet
	if old != nil {
		sets = slices.Clone(*old)
	}
	sets = append(sets, w.collected...)
	w.op.sets.CompareAndSwap(old, &sets) // a request that lost the race tells the next one nothing new
}

func firstOf(set ast.SelectionSet) *ast.Selection {
	if len(set) == 0 {
		return nil
	}
	return &set[0]
}
