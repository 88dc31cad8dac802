// The layout of a compiled plan's claim rows (plan.go): which position
// of a row holds which value. The compiler (planCompiler.page), the
// studies' look-up (pubsExpr) and the decoder (planDecoder) all place
// values by newRowLayout, so the three cannot disagree.

package neo4j

import (
	"strings"

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
//
// Those positions are the row's values in order; as sent, a row packs
// every scalar among them (strings, integers, booleans: packKind) into one
// string (packExpr), its first value, followed by the values it does not
// pack (floats, lists, maps, pages), or is that string alone when it
// packs them all. The driver makes two allocations of every string it decodes and
// one of every number, and the values packed are most of a claim's row:
// the decoder (rowVals) reads them as slices of the one string.
type rowLayout struct {
	claim                      []field
	props                      int
	typ, subject, object, pubs int
	ends                       [2]endLayout // the subject's, the object's
	n                          int          // the row's positions
	// kinds are the positions' kinds: kindRaw for a value the row holds
	// itself.
	kinds []fieldKind
	// slot is where a position lies in the packed string (-1 for one the
	// row holds itself), at where in the row as sent (-1 for a packed
	// one).
	slot, at []int
	npack    int
	// sent is the row's length as sent, 0 when the row is the packed
	// string alone.
	sent int
}

// kindRaw marks a position whose value the row holds itself.
const kindRaw fieldKind = -1

// endLayout is where a row holds one of the claim's end nodes.
type endLayout struct {
	// plan is the end's plan node, nil when the end is not read. A
	// layout kept with a statement (compileRead) serves later plans of
	// the same shape: only its nil-ness holds for them.
	plan  *graph.PlanNode
	fs    []field // nil: one whole property map
	node  int     // its first value
	pages int     // its pages, -1 when it has none
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
	kinds := func(fs []field) {
		if fs == nil {
			l.kinds = append(l.kinds, kindRaw)
		}
		for _, f := range fs {
			l.kinds = append(l.kinds, packKind(f.kind))
		}
	}
	l.props = next(width(l.claim))
	kinds(l.claim)
	if multiType(pg.Predicates) {
		l.typ = next(1)
		l.kinds = append(l.kinds, kindString)
	}
	if pg.Direction != graph.Out && pg.Subject == nil {
		l.subject = next(1)
		l.kinds = append(l.kinds, kindString)
	}
	if pg.Direction != graph.In && pg.Object == nil {
		l.object = next(1)
		l.kinds = append(l.kinds, kindString)
	}
	if pg.Studies {
		l.pubs = next(1)
		l.kinds = append(l.kinds, kindRaw)
	}
	for i, n := range [2]*graph.PlanNode{pg.Subject, pg.Object} {
		e := &l.ends[i]
		e.plan, e.node, e.pages = n, -1, -1
		if n == nil {
			continue
		}
		e.fs = nodeFields(n)
		e.node = next(width(e.fs))
		kinds(e.fs)
		if len(n.Pages) > 0 {
			e.pages = next(1)
			l.kinds = append(l.kinds, kindRaw)
		}
	}
	l.pack()
	return l
}

// packKind is the kind of a field's value as packed, or kindRaw when the
// row holds it itself: a list, or a float, whose text Neo4j would write
// with Java's Double.toString twice a row (its length and its text) for
// one allocation saved here.
func packKind(k fieldKind) fieldKind {
	if k == kindStrings || k == kindFloat {
		return kindRaw
	}
	return k
}

// pack places the positions: in the packed string the JSON texts last
// (the longest values, which then need no length and are copied once as
// Cypher joins the string), the others in order; in the row as sent the
// packed string first.
func (l *rowLayout) pack() {
	l.slot, l.at = make([]int, l.n), make([]int, l.n)
	for _, json := range []bool{false, true} {
		for i, k := range l.kinds {
			if k != kindRaw && (k == kindJSON) == json {
				l.slot[i] = l.npack
				l.npack++
			}
		}
	}
	if l.npack > 0 {
		l.sent = 1
	}
	for i, k := range l.kinds {
		l.at[i] = -1
		if k == kindRaw {
			l.slot[i] = -1
			l.at[i] = l.sent
			l.sent++
		}
	}
	if l.sent == 1 && l.npack > 0 {
		l.sent = 0 // the packed string alone
	}
}

// packExpr is the Cypher string packing the expressions vals of the
// layout's positions (by position) into slot order: each value as
// "<length in characters>:<text>", or "-" for null, the last without its
// length ("<:text>"). Neo4j's size() counts code points (Unicode
// characters), which unpack counts back.
func (l *rowLayout) packExpr(vals []string) string {
	parts := make([]string, l.npack)
	for i, k := range l.kinds {
		if k == kindRaw {
			continue
		}
		x := vals[i]
		if k != kindString && k != kindJSON {
			x = "toString(" + x + ")"
		}
		if l.slot[i] == l.npack-1 {
			parts[l.slot[i]] = "coalesce(':' + " + x + ", '-')"
		} else {
			parts[l.slot[i]] = "coalesce(toString(size(" + x + ")) + ':' + " + x + ", '-')"
		}
	}
	return strings.Join(parts, " + ")
}

// sentExpr is the Cypher of one row as sent, from the expressions vals
// of the layout's positions.
func (l *rowLayout) sentExpr(vals []string) string {
	if l.sent == 0 {
		return l.packExpr(vals)
	}
	out := make([]string, 0, l.sent)
	if l.npack > 0 {
		out = append(out, l.packExpr(vals))
	}
	for i, k := range l.kinds {
		if k == kindRaw {
			out = append(out, vals[i])
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
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
