package memory

import (
	"hash/maphash"
	"math/bits"
)

// txn marks the nodes of persistent structures that one load created.
// Nothing a reader can see is ever changed in place: only nodes owned by
// the running load's txn are, because they are not yet published. A load
// makes a new txn and drops it when it publishes, so ownership cannot leak
// into the next load. It is not empty so that two txns never share an
// address.
type txn struct{ _ byte }

// pmap is a persistent hash map (a hash array mapped trie) from strings
// to V. A load derives a new map from the old one by copying only the
// O(log₃₂ n) nodes on the path to each key it changes, where a Go map
// would have to be copied whole for readers to keep the old snapshot:
// that copy per load is what made loading n documents O(n²).
type pmap[V any] struct {
	root *pnode[V]
	n    int
	// hash is maphash with the store's seed; it is a field so that the
	// tests can force deep tries and hash collisions.
	hash func(string) uint64
}

const (
	pBits  = 5
	pWidth = 1 << pBits
	pMask  = pWidth - 1
)

// pnode holds the slots of one level, compressed by a bitmap of which of
// the 32 hash digits are present. Below the last digit (shift ≥ 64) a
// node is a collision list: keys with equal hashes, searched linearly.
type pnode[V any] struct {
	bitmap uint32
	owner  *txn
	slots  []pslot[V]
}

// pslot is a subtree (sub != nil) or one entry.
type pslot[V any] struct {
	sub *pnode[V]
	key string
	val V
}

func newPmap[V any](hash func(string) uint64) pmap[V] { return pmap[V]{hash: hash} }

// seededHash is the hash of every pmap of a store: a random seed per
// store keeps ids chosen by a document's author from colliding on purpose.
func seededHash(seed maphash.Seed) func(string) uint64 {
	return func(k string) uint64 { return maphash.String(seed, k) }
}

func (m pmap[V]) len() int { return m.n }

func (m pmap[V]) get(k string) (V, bool) {
	if m.root == nil {
		var zero V
		return zero, false
	}
	return m.lookup(m.hash(k), k)
}

// lookup finds k, whose hash is h.
func (m pmap[V]) lookup(h uint64, k string) (V, bool) {
	n := m.root
	if n == nil {
		var zero V
		return zero, false
	}
	for shift := uint(0); ; shift += pBits {
		if shift >= 64 {
			for i := range n.slots {
				if n.slots[i].key == k {
					return n.slots[i].val, true
				}
			}
			var zero V
			return zero, false
		}
		bit := uint32(1) << ((h >> shift) & pMask)
		if n.bitmap&bit == 0 {
			var zero V
			return zero, false
		}
		s := &n.slots[bits.OnesCount32(n.bitmap&(bit-1))]
		if s.sub == nil {
			if s.key == k {
				return s.val, true
			}
			var zero V
			return zero, false
		}
		n = s.sub
	}
}

// editable returns n itself when tx owns it, else a copy that tx owns.
func (n *pnode[V]) editable(tx *txn, extra int) *pnode[V] {
	if n.owner == tx {
		return n
	}
	c := &pnode[V]{bitmap: n.bitmap, owner: tx, slots: make([]pslot[V], len(n.slots), len(n.slots)+extra)}
	copy(c.slots, n.slots)
	return c
}

// growSlot is slots one longer. A node a load owns takes several keys
// in place; append would double its array, and the room left over then
// stayed in the published trie (a node has at most 32 slots, so the
// exact copy is cheap).
func growSlot[V any](slots []pslot[V]) []pslot[V] {
	if len(slots) < cap(slots) {
		return slots[:len(slots)+1]
	}
	out := make([]pslot[V], len(slots)+1)
	copy(out, slots)
	return out
}

// set returns the map with k bound to v.
func (m pmap[V]) set(tx *txn, k string, v V) pmap[V] {
	added := false
	m.root = m.setIn(tx, m.root, m.hash(k), 0, k, v, &added)
	if added {
		m.n++
	}
	return m
}

func (m pmap[V]) setIn(tx *txn, n *pnode[V], h uint64, shift uint, k string, v V, added *bool) *pnode[V] {
	if n == nil {
		*added = true
		n = &pnode[V]{owner: tx, slots: []pslot[V]{{key: k, val: v}}}
		if shift < 64 {
			n.bitmap = 1 << ((h >> shift) & pMask)
		}
		return n
	}
	if shift >= 64 {
		for i := range n.slots {
			if n.slots[i].key == k {
				n = n.editable(tx, 0)
				n.slots[i].val = v
				return n
			}
		}
		*added = true
		n = n.editable(tx, 1)
		n.slots = growSlot(n.slots)
		n.slots[len(n.slots)-1] = pslot[V]{key: k, val: v}
		return n
	}
	bit := uint32(1) << ((h >> shift) & pMask)
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	if n.bitmap&bit == 0 {
		*added = true
		n = n.editable(tx, 1)
		n.slots = growSlot(n.slots)
		copy(n.slots[i+1:], n.slots[i:])
		n.slots[i] = pslot[V]{key: k, val: v}
		n.bitmap |= bit
		return n
	}
	s := n.slots[i]
	switch {
	case s.sub != nil:
		sub := m.setIn(tx, s.sub, h, shift+pBits, k, v, added)
		if sub == s.sub {
			return n // changed in place: tx owns the whole path
		}
		n = n.editable(tx, 0)
		n.slots[i].sub = sub
	case s.key == k:
		n = n.editable(tx, 0)
		n.slots[i].val = v
	default:
		// Two keys share this digit: push both one level down.
		*added = true
		var ignore bool
		sub := m.setIn(tx, nil, m.hash(s.key), shift+pBits, s.key, s.val, &ignore)
		sub = m.setIn(tx, sub, h, shift+pBits, k, v, &ignore)
		n = n.editable(tx, 0)
		n.slots[i] = pslot[V]{sub: sub}
	}
	return n
}

// del returns the map without k.
func (m pmap[V]) del(tx *txn, k string) pmap[V] {
	if m.root == nil {
		return m
	}
	removed := false
	m.root = m.delIn(tx, m.root, m.hash(k), 0, k, &removed)
	if removed {
		m.n--
	}
	return m
}

// delIn returns n without k, nil when that leaves it empty. A subtree left
// with a single entry is folded into its parent so that a map's shape
// depends only on its keys, not on its history.
func (m pmap[V]) delIn(tx *txn, n *pnode[V], h uint64, shift uint, k string, removed *bool) *pnode[V] {
	if shift >= 64 {
		for i := range n.slots {
			if n.slots[i].key == k {
				*removed = true
				if len(n.slots) == 1 {
					return nil
				}
				n = n.editable(tx, 0)
				n.slots = append(n.slots[:i], n.slots[i+1:]...)
				return n
			}
		}
		return n
	}
	bit := uint32(1) << ((h >> shift) & pMask)
	if n.bitmap&bit == 0 {
		return n
	}
	i := bits.OnesCount32(n.bitmap & (bit - 1))
	s := n.slots[i]
	if s.sub == nil {
		if s.key != k {
			return n
		}
		*removed = true
		if len(n.slots) == 1 {
			return nil
		}
		n = n.editable(tx, 0)
		n.slots = append(n.slots[:i], n.slots[i+1:]...)
		n.bitmap &^= bit
		return n
	}
	sub := m.delIn(tx, s.sub, h, shift+pBits, k, removed)
	if sub == s.sub {
		return n
	}
	if sub == nil {
		if len(n.slots) == 1 {
			return nil
		}
		n = n.editable(tx, 0)
		n.slots = append(n.slots[:i], n.slots[i+1:]...)
		n.bitmap &^= bit
		return n
	}
	n = n.editable(tx, 0)
	if len(sub.slots) == 1 && sub.slots[0].sub == nil {
		n.slots[i] = sub.slots[0]
	} else {
		n.slots[i].sub = sub
	}
	return n
}

// all yields every entry, in no fixed order.
func (m pmap[V]) all(yield func(string, V) bool) {
	if m.root != nil {
		m.root.walk(yield)
	}
}

func (n *pnode[V]) walk(yield func(string, V) bool) bool {
	for i := range n.slots {
		s := &n.slots[i]
		if s.sub != nil {
			if !s.sub.walk(yield) {
				return false
			}
		} else if !yield(s.key, s.val) {
			return false
		}
	}
	return true
}
