package memory

// An edge's id, kept without a string: a structural edge's as the number
// its hex digits spell, any other's as an offset into its document's
// packed ids. Comparing and sorting read the parts in place.

import (
	"cmp"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// idAt is where r's id is kept (see idOff and idLen); not for a
// structural edge.
func (r *edgeRec) idAt() (off, n uint32) {
	if c := r.claim(); c != nil {
		return c.idOff, c.idLen
	}
	return r.idOff, r.idLen
}

// ownIDKept says whether r's id is kept without its document's id.
func (r *edgeRec) ownIDKept() bool {
	if r.shape.structural {
		return true
	}
	_, n := r.idAt()
	return n&ownID != 0
}

// id is the edge's id. An edge whose id begins with its document's id
// makes a new string.
func (r *edgeRec) id() string {
	if r.shape.structural {
		var rest [structuralRest]byte
		r.structuralRest(&rest)
		var b strings.Builder
		b.Grow(len(r.shape.docID) + len(rest))
		b.WriteString(r.shape.docID)
		b.Write(rest[:])
		return b.String()
	}
	a, b := r.split()
	if b == "" {
		return a
	}
	return a + b
}

// split is the id as two parts that make it when joined, without making
// a string; not for a structural edge.
func (r *edgeRec) split() (string, string) {
	sh := r.shape
	off, n := r.idAt()
	rest := sh.ids[off : off+n&^ownID]
	if n&ownID != 0 {
		return sh.docID, rest
	}
	return rest, ""
}

// parts is split for any edge: a structural edge writes its id's rest
// into buf, which the second part then reads.
func (r *edgeRec) parts(buf *[structuralRest]byte) (string, []byte, string) {
	if r.shape.structural {
		r.structuralRest(buf)
		return r.shape.docID, buf[:], ""
	}
	a, b := r.split()
	return a, nil, b
}

// cmpID compares r's id with id, as strings.Compare does, without making
// a string.
func (r *edgeRec) cmpID(id string) int {
	var buf [structuralRest]byte
	a, rb, b := r.parts(&buf)
	if len(id) < len(a) {
		if c := strings.Compare(a[:len(id)], id); c != 0 {
			return c
		}
		return 1 // id is a proper prefix of r's
	}
	if c := strings.Compare(a, id[:len(a)]); c != 0 {
		return c
	}
	if rb != nil {
		return cmpBytes(rb, id[len(a):])
	}
	return strings.Compare(b, id[len(a):])
}

// cmpEdgeIDs compares the ids of a and b, as strings.Compare does.
func cmpEdgeIDs(a, b *edgeRec) int {
	if a.ownIDKept() && b.ownIDKept() && a.shape.docID == b.shape.docID {
		if a.shape.structural && b.shape.structural {
			// The same length, and lowercase hex sorts as the number.
			return cmp.Compare(a.structuralNum(), b.structuralNum())
		}
		var x, y [structuralRest]byte
		_, xb, xs := a.parts(&x)
		_, yb, ys := b.parts(&y)
		switch {
		case xb != nil:
			return cmpBytes(xb, ys)
		case yb != nil:
			return -cmpBytes(yb, xs)
		}
		return strings.Compare(xs, ys)
	}
	return strings.Compare(a.id(), b.id())
}

// cmpBytes compares b with s, as strings.Compare does, without making a
// string of b: the conversion escaped to the heap, one allocation a
// comparison.
func cmpBytes(b []byte, s string) int {
	for i := range min(len(b), len(s)) {
		if b[i] != s[i] {
			return cmp.Compare(b[i], s[i])
		}
	}
	return cmp.Compare(len(b), len(s))
}

// structuralRest is the length of what follows the document's id in a
// structural edge's id: ".e." and 16 hex digits.
const structuralRest = 19

// structuralID is the number the hex digits of id write, when id is a
// structural edge id of document doc (graph.StructuralEdgeID's shape,
// lowercase digits only, so that writing the number gives id back).
func structuralID(doc, id string) (uint64, bool) {
	if len(id) != len(doc)+structuralRest || !strings.HasPrefix(id, doc) {
		return 0, false
	}
	if d, ok := graph.StructuralEdgeDocument(id); !ok || d != doc {
		return 0, false
	}
	var v uint64
	for _, c := range []byte(id[len(doc)+3:]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint64(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// structuralNum is the number a structural edge's id writes.
func (r *edgeRec) structuralNum() uint64 { return uint64(r.idOff)<<32 | uint64(r.idLen) }

// structuralRest writes what follows the document's id in structural
// edge r's id into buf.
func (r *edgeRec) structuralRest(buf *[structuralRest]byte) {
	const digits = "0123456789abcdef"
	copy(buf[:], ".e.")
	v := r.structuralNum()
	for i := structuralRest - 1; i >= 3; i-- {
		buf[i] = digits[v&15]
		v >>= 4
	}
}
