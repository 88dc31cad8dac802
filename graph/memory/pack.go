package memory

import "unsafe"

// Packing the state after a large load.
//
// A load of a million nodes interleaves what the store keeps for good
// (vertices, trie nodes, edge arrays, posting parts: millions of objects
// of a few dozen bytes) with what it drops (the documents, the trie and
// posting nodes each load copies and the next replaces, its maps). Small
// objects of one size share 8 KiB spans, and a span is handed back to the
// system only when every object in it is free, so after the load the
// process held 1.2 GB for 0.75 GB of objects at 1M (ANALYSIS.md, "Embedded
// memory, fourth step"). Pack copies the kept objects of the state's
// persistent indexes into a few large arrays (slabs) and publishes that
// copy: the originals become garbage together, their spans empty out and
// the collector can hand them back.
//
// The copy is an ordinary published state: every index it packs is
// persistent, and no node of it is owned by a load (owner nil), so a
// later load copies what it changes, as it does for any published state.
// Slices handed out of a slab are cut to their length (cap == len), so
// that nothing appends into a neighbour.

// slabBytes is the size of a slab: above the largest small-object class
// (32 KiB), so each slab is a span of its own, and small enough that the
// room left at the end of the last one is little.
const slabBytes = 256 << 10

// slab hands out slices of T from large arrays.
type slab[T any] struct {
	buf   []T
	chunk int
}

func newSlab[T any]() *slab[T] {
	var zero T
	return &slab[T]{chunk: max(1, slabBytes/max(1, int(unsafe.Sizeof(zero))))}
}

// take is a zeroed slice of n Ts, nil when n is 0, with cap n.
func (s *slab[T]) take(n int) []T {
	switch {
	case n == 0:
		return nil
	case n > s.chunk/4:
		return make([]T, n) // large enough to be a span of its own
	case n > len(s.buf):
		s.buf = make([]T, s.chunk)
	}
	out := s.buf[:n:n]
	s.buf = s.buf[n:]
	return out
}

// one is a pointer to a zeroed T.
func (s *slab[T]) one() *T { return &s.take(1)[0] }

// packed is the state with its indexes copied into slabs (see above).
// It holds the same graph: the version, and what readers see, are the
// same.
func (old *state) packed() *state {
	// The search tokens, one copy each in an arena, shared by the
	// postings and the entities' token lists.
	var arena strArena
	toks := map[string]string{}
	tok := func(t string) string {
		c, ok := toks[t]
		if !ok {
			c = arena.copy(t)
			toks[t] = c
		}
		return c
	}
	lists := newSlab[string]()
	st := &state{
		foreign: packPmap(old.foreign, nil),
		entityToks: packPmap(old.entityToks, func(l []string) []string {
			c := lists.take(len(l))
			for i, t := range l {
				c[i] = tok(t)
			}
			return c
		}),
		docLens: old.docLens, edgeCount: old.edgeCount,
		tokens: old.tokens.packed(tok), nextNum: old.nextNum,
		counts: old.counts, nodeCount: old.nodeCount, stats: old.stats, meta: old.meta,
		sorted: map[sortKey]*sortedList{}, version: old.version,
		quotes: &lazyQuotes{},
	}
	// The shared entities' records, with their values, in slabs; the
	// documents' node arrays, the vertices and the number vector point
	// at the copies. A record was allocated on its own when the first
	// review naming the entity was loaded, among that load's garbage.
	ents := newEntityPacker()
	sds, recs := newSlab[storedDoc](), newSlab[*nodeRec]()
	st.docs = packPmap(old.docs, func(sd *storedDoc) *storedDoc {
		c := sds.one()
		*c = *sd
		c.nodes = recs.take(len(sd.nodes))
		for i, r := range sd.nodes {
			c.nodes[i] = ents.of(r)
		}
		return c
	})
	st.nums = old.nums.packed(ents.of)
	verts, edges := newSlab[vertex](), newSlab[*edgeRec]()
	mores, named := newSlab[vertexMore](), newSlab[docNode]()
	st.vertices = packPmap(old.vertices, func(v *vertex) *vertex {
		c := verts.one()
		*c = *v
		c.node = ents.of(v.node)
		c.small = edges.take(len(v.small))
		copy(c.small, v.small)
		if v.more != nil {
			c.more = mores.one()
			*c.more = *v.more
			if len(v.more.named) > 0 {
				c.more.named = named.take(len(v.more.named))
				for i, dn := range v.more.named {
					c.more.named[i] = docNode{dn.doc, ents.of(dn.n)}
				}
			}
		}
		return c
	})
	return st
}

// packPmap is m with its nodes and slots copied into slabs, in the order a
// walk visits them (a lookup's path then lies close together), and each
// value passed through val when val is not nil.
func packPmap[V any](m pmap[V], val func(V) V) pmap[V] {
	if m.root == nil {
		return m
	}
	nodes, slots := newSlab[pnode[V]](), newSlab[pslot[V]]()
	var copyNode func(n *pnode[V]) *pnode[V]
	copyNode = func(n *pnode[V]) *pnode[V] {
		c := nodes.one()
		c.bitmap = n.bitmap
		c.slots = slots.take(len(n.slots))
		for i, s := range n.slots {
			switch {
			case s.sub != nil:
				c.slots[i].sub = copyNode(s.sub)
			case val != nil:
				c.slots[i] = pslot[V]{key: s.key, val: val(s.val)}
			default:
				c.slots[i] = s
			}
		}
		return c
	}
	m.root = copyNode(m.root)
	return m
}

// packed is the postings with their chunks, lists and parts copied into
// slabs, and each token passed through tok.
func (p postings) packed(tok func(string) string) postings {
	chunks, items := newSlab[tokenChunk](), newSlab[tokenPosting]()
	heads, nums := newSlab[[]uint32](), newSlab[uint32]()
	out := postings{chunks: make([]*tokenChunk, len(p.chunks))}
	for ci, c := range p.chunks {
		nc := chunks.one()
		nc.items = items.take(len(c.items))
		for i, tp := range c.items {
			parts := heads.take(len(tp.parts))
			for j, part := range tp.parts {
				parts[j] = nums.take(len(part))
				copy(parts[j], part)
			}
			nc.items[i] = tokenPosting{token: tok(tp.token), parts: parts}
		}
		out.chunks[ci] = nc
	}
	return out
}

// packed is the vector with its nodes and arrays copied into slabs, and
// each record passed through rec.
func (v numVec) packed(rec func(*nodeRec) *nodeRec) numVec {
	if v.root == nil {
		return v
	}
	nodes, subs, leaves := newSlab[vnode](), newSlab[[vWidth]*vnode](), newSlab[[vWidth]*nodeRec]()
	var copyNode func(n *vnode) *vnode
	copyNode = func(n *vnode) *vnode {
		if n == nil {
			return nil
		}
		c := nodes.one()
		if n.leaf != nil {
			c.leaf = leaves.one()
			for i, r := range n.leaf {
				c.leaf[i] = rec(r)
			}
			return c
		}
		c.sub = subs.one()
		for i, s := range n.sub {
			c.sub[i] = copyNode(s)
		}
		return c
	}
	v.root = copyNode(v.root)
	return v
}

// entityPacker copies shared entities' records into slabs, each once.
type entityPacker struct {
	recs   *slab[nodeRec]
	cols   *slab[nodeCols]
	refs   *slab[uint32]
	lists  *slab[string]
	ints   *slab[int32]
	blocks *strArena
	copies map[*nodeRec]*nodeRec
}

func newEntityPacker() *entityPacker {
	return &entityPacker{recs: newSlab[nodeRec](), cols: newSlab[nodeCols](), refs: newSlab[uint32](), lists: newSlab[string](),
		ints: newSlab[int32](), blocks: &strArena{}, copies: map[*nodeRec]*nodeRec{}}
}

// of is the copy of r when r is a shared entity's record, r itself
// otherwise: an owned record lies in its document's array, with its
// values in the document's nodeCols, and lives and dies with it.
func (p *entityPacker) of(r *nodeRec) *nodeRec {
	if r == nil || r.doc() != "" {
		return r
	}
	if c, ok := p.copies[r]; ok {
		return c
	}
	c := p.recs.one()
	*c = *r
	cols := p.cols.one()
	cols.doc = r.cols.doc
	cols.refs = p.refs.take(len(r.cols.refs))
	copy(cols.refs, r.cols.refs)
	cols.block = p.blocks.copy(r.cols.block)
	if len(r.cols.lists) > 0 {
		cols.lists = p.lists.take(len(r.cols.lists))
		for i, v := range r.cols.lists {
			if v == "" {
				continue
			}
			// The same bytes in the copy of the block.
			off := uintptr(unsafe.Pointer(unsafe.StringData(v))) - uintptr(unsafe.Pointer(unsafe.StringData(r.cols.block)))
			cols.lists[i] = cols.block[off : off+uintptr(len(v))]
		}
	}
	cols.ints = p.ints.take(len(r.cols.ints))
	copy(cols.ints, r.cols.ints)
	c.cols = cols
	p.copies[r] = c
	return c
}
