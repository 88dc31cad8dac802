package memory

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"unsafe"

	"github.com/kapgraph/kapgraph/graph"
)

// nodeRec is a node as the store keeps it: the fields every node has
// (id, name, category, document) in place, and the others by kind, each
// only when set. graph.Node is flat, 488 bytes with its empty fields, and
// a passage sets a handful of them: at 1M nodes those structs were a
// quarter of the heap. Readers get a graph.Node built from the record
// (node), so a read pays for the nodes it returns, not the store for every
// node it holds.
type nodeRec struct {
	id string
	// cols holds the record's document and, from strOff and intOff on,
	// its values: refs its name (see name), then the string fields that
	// set marks, in field order; ints the int fields it marks, then the
	// length of each list and, when it has lists, where their elements
	// begin in lists (end to end, in field order). The owned nodes of a
	// document share one nodeCols (a record of its own cost two slices,
	// 48 bytes, and two small allocations a node); a shared entity has
	// its own, so that a document reusing it keeps no other's alive. A
	// value that does not fit an int32 makes the record wide: each int is
	// then two entries. With nameBit set, the name is the first ints[last]
	// bytes of Text followed by what refs keeps as the name: a passage is
	// named by its sentence cut short. The name is in refs rather than
	// in place so that the record is 48 bytes, not 64.
	cols           *nodeCols
	strOff, intOff uint32
	set            uint64
	num            uint32 // the record's number (nodenums.go)
	cat            uint8  // index in categoryList
}

// nodeCols are the values of one or more nodeRecs, end to end.
type nodeCols struct {
	doc string // the owning document; "" for a shared entity
	// refs are the string values, each the offset in block of the value's
	// length (a uvarint) followed by its bytes. A string header is 16
	// bytes for a value of a few bytes, and these arrays were the largest
	// part of the documents (ANALYSIS.md, "Embedded memory, seventh
	// step"): a 4-byte offset, with the length kept before the bytes,
	// takes a quarter. Each distinct value is in block once.
	refs  []uint32
	block string
	ints  []int32
	// lists are the elements of the records' lists, as strings in block:
	// a read hands lists out as views of this array, where building them
	// from refs cost an allocation for each node read with a list (an
	// entity's synonyms, a study's authors; a path question reads dozens).
	// They are a small part of the values.
	lists []string
}

// at is the value at offset o of c.block.
func (c *nodeCols) at(o uint32) string {
	b := c.block
	n := uint32(b[o])
	o++
	if n >= 0x80 {
		n &= 0x7f
		for sh := 7; ; sh += 7 {
			x := uint32(b[o])
			o++
			n |= (x & 0x7f) << sh
			if x < 0x80 {
				break
			}
		}
	}
	return b[o : o+n]
}

// str is the k-th string value of c.
func (c *nodeCols) str(k uint32) string { return c.at(c.refs[k]) }

// colsBuilder makes a nodeCols: the values go into buf end to end, each
// once, as at reads them.
type colsBuilder struct {
	c     *nodeCols
	buf   []byte
	offs  map[string]uint32
	lists []uint32 // the offsets of the lists' elements
}

func newColsBuilder(doc string) *colsBuilder {
	return &colsBuilder{c: &nodeCols{doc: doc}, offs: map[string]uint32{}}
}

// add appends a reference to v to the values.
func (b *colsBuilder) add(v string) { b.c.refs = append(b.c.refs, b.put(v)) }

// put is the offset of v in the block, which it adds v to if needed.
func (b *colsBuilder) put(v string) uint32 {
	o, ok := b.offs[v]
	if !ok {
		if uint64(len(b.buf))+uint64(len(v))+binary.MaxVarintLen32 > math.MaxUint32 {
			panic("memory: a document's values exceed 4 GiB")
		}
		o = uint32(len(b.buf))
		b.buf = binary.AppendUvarint(b.buf, uint64(len(v)))
		b.buf = append(b.buf, v...)
		b.offs[v] = o
	}
	return o
}

// finish gives the nodeCols, its arrays without the room append left:
// they live as long as the document. The block is a copy in the store's
// arena when it fits one (a shared entity's few values), so that the
// load's garbage shares no span with it. in learns the copies of the
// values longer than an interned string, so that a claim quoting a
// passage's whole text (the loader's evidence does) shares it rather
// than keeping the caller's string too.
func (b *colsBuilder) finish(in interner) *nodeCols {
	c := b.c
	c.refs, c.ints = slices.Clone(c.refs), slices.Clone(c.ints)
	if in.a != nil {
		c.block = in.a.copy(unsafe.String(unsafe.SliceData(b.buf), len(b.buf)))
	} else {
		c.block = string(b.buf)
	}
	for v, o := range b.offs {
		if len(v) > longStr {
			in.learn(v, c.at(o))
		}
	}
	if len(b.lists) > 0 {
		c.lists = make([]string, len(b.lists))
		for i, o := range b.lists {
			c.lists[i] = c.at(o)
		}
	}
	b.buf, b.offs, b.lists = nil, nil, nil
	return c
}

// name is what the record keeps as the node's name: all of it, or
// with nameBit set its end after the part of Text it begins with.
func (r *nodeRec) name() string { return r.cols.str(r.strOff) }

// doc is the document that owns the node, "" for a shared entity.
func (r *nodeRec) doc() string { return r.cols.doc }

// The optional fields, in the order their bits and values take. Biolink
// is kept only when it is not the category's own.
var (
	strFields = []func(*graph.Node) *string{
		func(n *graph.Node) *string { return &n.Biolink },
		func(n *graph.Node) *string { return &n.Kind },
		func(n *graph.Node) *string { return &n.Description },
		func(n *graph.Node) *string { return &n.Affiliation },
		func(n *graph.Node) *string { return &n.Citation },
		func(n *graph.Node) *string { return &n.Submitted },
		func(n *graph.Node) *string { return &n.Accepted },
		func(n *graph.Node) *string { return &n.Published },
		func(n *graph.Node) *string { return &n.CorrespondingAuthor },
		func(n *graph.Node) *string { return &n.ArticleCode },
		func(n *graph.Node) *string { return &n.Title },
		func(n *graph.Node) *string { return &n.Journal },
		func(n *graph.Node) *string { return &n.Volume },
		func(n *graph.Node) *string { return &n.Issue },
		func(n *graph.Node) *string { return &n.Pages },
		func(n *graph.Node) *string { return &n.Design },
		func(n *graph.Node) *string { return &n.DesignBasis },
		func(n *graph.Node) *string { return &n.Text },
		func(n *graph.Node) *string { return &n.Section },
		func(n *graph.Node) *string { return &n.ConcernKind },
	}
	intFields = []func(*graph.Node) *int{
		func(n *graph.Node) *int { return &n.RefNumber },
		func(n *graph.Node) *int { return &n.Year },
		func(n *graph.Node) *int { return &n.EvidenceLevel },
		func(n *graph.Node) *int { return &n.Level },
		func(n *graph.Node) *int { return &n.Ordinal },
		func(n *graph.Node) *int { return &n.Start },
		func(n *graph.Node) *int { return &n.End },
		func(n *graph.Node) *int { return &n.Line },
	}
	// A list is kept when it is not nil, so that an empty list comes back
	// empty and not nil.
	listFields = []func(*graph.Node) *[]string{
		func(n *graph.Node) *[]string { return &n.Synonyms },
		func(n *graph.Node) *[]string { return &n.Xrefs },
		func(n *graph.Node) *[]string { return &n.Authors },
		func(n *graph.Node) *[]string { return &n.Keywords },
		func(n *graph.Node) *[]string { return &n.Warnings },
		func(n *graph.Node) *[]string { return &n.Claims },
	}
	categoryList = graph.Categories()
)

// Bit positions of the fields the store reads without building a node.
const (
	fBiolink     = 0
	fKind        = 1
	fDesign      = 15
	fText        = 17
	fConcernKind = 19
	intBase      = 20 // bit of intFields[0]
	fYear        = 1
	fEvidence    = 2
	listBase     = intBase + 8
	nameBit      = 62
	wideBit      = 63
)

// namePrefix is how much of text name begins with, when the rest of name
// is a short ending ("…") and the start a good part of it: a passage's
// name is its sentence cut short, and as a string of its own it cost as
// much as the rest of the passage record.
func namePrefix(name, text string) (int, bool) {
	if len(name) < 16 || len(name) > len(text) {
		return 0, false
	}
	k := 0
	for k < len(name) && name[k] == text[k] {
		k++
	}
	return k, k >= 16 && len(name)-k <= 8
}

// interner gives one copy of each string it has seen: within a document
// the same section, design or journal is named by many nodes, and ids are
// repeated by every edge that points at them. With an arena, the copy of
// a short string (longStr and under) is made there, so that the store
// keeps nothing of the caller's short strings: each was an allocation of
// its own, made among the caller's garbage, and the spans they shared
// with it stayed in use after the load for the few bytes the store kept
// (ANALYSIS.md, "Embedded memory, fifth step").
type interner struct {
	m map[string]string
	a *strArena
}

func newInterner(a *strArena) interner { return interner{m: map[string]string{}, a: a} }

func (in interner) of(s string) string {
	if s == "" || in.m == nil {
		return s
	}
	if c, ok := in.m[s]; ok {
		return c
	}
	c := s
	if len(s) <= longStr && in.a != nil {
		c = in.a.copy(s)
	}
	in.m[s] = c
	return c
}

// known is the copy of s made so far, "" when there is none.
func (in interner) known(s string) string { return in.m[s] }

// learn makes c the copy of s.
func (in interner) learn(s, c string) {
	if in.m != nil {
		in.m[s] = c
	}
}

// longStr is the length above which a value is not interned: a text or
// a description is seldom repeated. Node values, short or long, are kept
// in their nodeCols' block; longStr still decides which of them claims
// may share (colsBuilder.finish).
const longStr = 64

// makeNodeRec fills r with n, with values of its own. The id goes
// through in, so a document keeps one copy of it.
func makeNodeRec(r *nodeRec, n *graph.Node, in interner) {
	b := newColsBuilder(in.of(n.Document))
	makeNodeRecIn(r, n, in, b)
	r.cols = b.finish(in)
}

// makeNodeRecIn fills r with n, appending its values to b; r.cols is
// b's nodeCols, whose values are readable after b.finish.
func makeNodeRecIn(r *nodeRec, n *graph.Node, in interner, b *colsBuilder) {
	cols := b.c
	*r = nodeRec{id: in.of(n.ID), cols: cols, cat: uint8(categoryIndex(n.Category)),
		strOff: uint32(len(cols.refs)), intOff: uint32(len(cols.ints))}
	name := n.Name
	nStr, nInt := 1, 0
	for i, f := range strFields {
		v := *f(n)
		if i == fBiolink {
			if v == n.Category.Biolink() {
				continue
			}
		} else if v == "" {
			continue
		}
		r.set |= 1 << i
		nStr++
	}
	wide := false
	for i, f := range intFields {
		if v := *f(n); v != 0 {
			r.set |= 1 << (intBase + i)
			nInt++
			wide = wide || v != int(int32(v))
		}
	}
	hasLists := false
	for i, f := range listFields {
		if l := *f(n); l != nil {
			r.set |= 1 << (listBase + i)
			nInt++
			wide = wide || len(l) > math.MaxInt32
			hasLists = true
		}
	}
	if hasLists {
		nInt++
		wide = wide || len(b.lists) > math.MaxInt32
	}
	prefix, derived := namePrefix(n.Name, n.Text)
	if n.Name == n.Text {
		derived = false
	} else if derived {
		r.set |= 1 << nameBit
		nInt++
		name = n.Name[prefix:]
	}
	if wide {
		r.set |= 1 << wideBit
		nInt *= 2
	}
	cols.refs = slices.Grow(cols.refs, nStr)
	cols.ints = slices.Grow(cols.ints, nInt)
	putInt := func(v int) {
		if wide {
			cols.ints = append(cols.ints, int32(v>>32), int32(uint32(v)))
		} else {
			cols.ints = append(cols.ints, int32(v))
		}
	}
	b.add(name)
	for i, f := range strFields {
		if r.set&(1<<i) != 0 {
			b.add(*f(n))
		}
	}
	for i, f := range intFields {
		if r.set&(1<<(intBase+i)) != 0 {
			putInt(*f(n))
		}
	}
	for i, f := range listFields {
		if r.set&(1<<(listBase+i)) != 0 {
			putInt(len(*f(n)))
		}
	}
	if hasLists {
		putInt(len(b.lists))
		for i, f := range listFields {
			if r.set&(1<<(listBase+i)) != 0 {
				for _, v := range *f(n) {
					b.lists = append(b.lists, b.put(v))
				}
			}
		}
	}
	if derived {
		putInt(prefix)
	}
}

func categoryIndex(c graph.Category) int {
	i, _ := slices.BinarySearch(categoryList, c)
	return i
}

func (r *nodeRec) category() graph.Category { return categoryList[r.cat] }

// str is string field i (an index in strFields), "" when unset; Biolink
// unset is the category's.
func (r *nodeRec) str(i int) string {
	if r.set&(1<<i) == 0 {
		if i == fBiolink {
			return r.category().Biolink()
		}
		return ""
	}
	return r.cols.str(r.strOff + 1 + uint32(bits.OnesCount64(r.set&(1<<i-1))))
}

// intAt is int field i (an index in intFields), 0 when unset.
func (r *nodeRec) intAt(i int) int {
	b := intBase + i
	if r.set&(1<<b) == 0 {
		return 0
	}
	return r.intVal(bits.OnesCount64(r.set & (1<<b - 1) &^ (1<<intBase - 1)))
}

// intVal is the k-th int value.
func (r *nodeRec) intVal(k int) int {
	ints := r.cols.ints[r.intOff:]
	if r.set&(1<<wideBit) != 0 {
		return int(ints[2*k])<<32 | int(uint32(ints[2*k+1]))
	}
	return int(ints[k])
}

// fill sets *n to the node r stands for.
func (r *nodeRec) fill(n *graph.Node) {
	cat := r.category()
	c := r.cols
	s := r.strOff
	*n = graph.Node{ID: r.id, Name: c.str(s), Document: c.doc, Category: cat, Biolink: cat.Biolink()}
	s++
	k := 0
	for i, f := range strFields {
		if r.set&(1<<i) != 0 {
			*f(n) = c.str(s)
			s++
		}
	}
	for i, f := range intFields {
		if r.set&(1<<(intBase+i)) != 0 {
			*f(n) = r.intVal(k)
			k++
		}
	}
	if lists := bits.OnesCount64(r.set >> listBase & (1<<len(listFields) - 1)); lists > 0 {
		l := c.lists[r.intVal(k+lists):]
		for i, f := range listFields {
			if r.set&(1<<(listBase+i)) != 0 {
				m := r.intVal(k)
				k++
				if m == 0 {
					*f(n) = []string{}
				} else {
					*f(n) = l[:m:m]
				}
				l = l[m:]
			}
		}
		k++ // where the lists begin
	}
	if r.set&(1<<nameBit) != 0 {
		n.Name = n.Text[:r.intVal(k)] + r.name()
	}
}

// fillForQuery sets in *n what graph.MatchNode and graph.SortKey read
// when q does not match on names (NameContains), and leaves the rest
// empty: ListNodes looks at every node of a category, and building them
// whole to filter them cost more than the filtering.
func (r *nodeRec) fillForQuery(n *graph.Node, q graph.NodeQuery) {
	if q.NameContains != "" {
		r.fill(n)
		return
	}
	*n = graph.Node{ID: r.id, Document: r.cols.doc, Category: r.category(),
		Kind: r.str(fKind), Design: r.str(fDesign), EvidenceLevel: r.intAt(fEvidence), Year: r.intAt(fYear)}
	if q.OrderBy != graph.OrderByID && q.OrderBy != graph.OrderByYear {
		n.Name = r.name()
		if r.set&(1<<nameBit) != 0 {
			r.fill(n)
		}
	}
}

// node is a new graph.Node equal to the one r was made from, or nil for
// nil. Its lists share r's storage; like every node the store returns, it
// must not be modified.
func (r *nodeRec) node() *graph.Node {
	if r == nil {
		return nil
	}
	n := new(graph.Node)
	r.fill(n)
	return n
}
