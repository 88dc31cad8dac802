// The layout of a compiled plan's claim rows (plan.go): which position
// of a row holds which value. The compiler (planCompiler.page), the
// studies' look-up (pubsExpr) and the decoder (planDecoder) all place
// values by newRowLayout, so the three cannot disagree.

package neo4j

import (
	"github.com/kapgraph/kapgraph/graph"
)

// rowLayout is where a page's row, one claim, holds each value. A row is
// one flat list: the driver makes a boxed list and a boxed value of every
// element it decodes, so nesting the claim's properties and its ends'
// fields in lists of their own cost four allocations a claim more, and an
// end's id read beside the end's fields two more. In order: the claim's
// properties (the values of claim, or one whole property map when claim
// is nil); its type, where the page has more than one; its subject's and
// object's ids, where neither the page's own node nor an end read gives
// them; the ids of its cited studies, when the page asks for them; then
// for each end read (subject, then object) its fields (the values of the
// end's fs, or one whole map) and, when it has pages, their list.
// Positions of values a row does not hold are -1.
type rowLayout struct {
	claim                      []field
	props                      int
	typ, subject, object, pubs int
	ends                       [2]endLayout // the subject's, the object's
	n                          int          // the row's length
}

// endLayout is where a row holds one of the claim's end nodes.
type endLayout struct {
	plan  *graph.PlanNode // nil: the end is not read
	fs    []field         // nil: one whole property map
	node  int             // its first value
	pages int             // its pages, -1 when it has none
}

// width is how many values a claim or node read as fs takes.
func width(fs []field) int {
	if fs == nil {
		return 1
	}
	return len(fs)
}

// newRowLayout is the layout of pg's rows.
func newRowLayout(pg *graph.PlanPage) *rowLayout {
	l := &rowLayout{claim: claimFields(pg), typ: -1, subject: -1, object: -1, pubs: -1}
	next := func(w int) int {
		at := l.n
		l.n += w
		return at
	}
	l.props = next(width(l.claim))
	if multiType(pg.Predicates) {
		l.typ = next(1)
	}
	if pg.Direction != graph.Out && pg.Subject == nil {
		l.subject = next(1)
	}
	if pg.Direction != graph.In && pg.Object == nil {
		l.object = next(1)
	}
	if pg.Studies {
		l.pubs = next(1)
	}
	for i, n := range [2]*graph.PlanNode{pg.Subject, pg.Object} {
		e := &l.ends[i]
		e.plan, e.node, e.pages = n, -1, -1
		if n == nil {
			continue
		}
		e.fs = nodeFields(n)
		e.node = next(width(e.fs))
		if len(n.Pages) > 0 {
			e.pages = next(1)
		}
	}
	return l
}

// multiType is whether a page of predicates ps (every predicate when
// empty) can hold claims of more than one relationship type, so that its
// rows must say each claim's type (relTypes then joins several).
func multiType(ps []graph.Predicate) bool {
	if len(ps) == 0 {
		return true
	}
	for _, p := range ps[1:] {
		if p != ps[0] {
			return true
		}
	}
	return false
}

// rowString is the string at position i of row, "" where the layout
// holds none (i < 0) or the value is null.
func rowString(row []any, i int) string {
	if i < 0 {
		return ""
	}
	s, _ := row[i].(string)
	return s
}
