package memory

// Node numbers: every nodeRec gets a number when it is made (storeDoc),
// never reused, and the state maps the numbers of the nodes in force to
// their records (numVec). The search postings list numbers, 4 bytes an
// entry, where a pointer took 8: a node is listed under every token of
// its name, text and synonyms, a dozen on average, and the postings were
// the largest index of the store.

// maxNodeNum bounds the numbers a store hands out over its life: a load
// that would pass it fails (load), the store being left as it was.
const maxNodeNum = 1<<32 - 1

// numVec is a persistent vector from node number to record: a trie of 32
// slots a level that a load changes by copying the nodes on the path to
// each number it sets, as pmap does for strings. Numbers are dense
// (handed out in order), so the leaves are nearly full.
type numVec struct {
	root  *vnode
	shift uint // of the root's digit; 0 when the root is a leaf
}

type vnode struct {
	owner *txn
	sub   *[vWidth]*vnode   // inner node
	leaf  *[vWidth]*nodeRec // leaf
}

const (
	vBits  = 5
	vWidth = 1 << vBits
	vMask  = vWidth - 1
)

// get is the record of number k, or nil.
func (v numVec) get(k uint32) *nodeRec {
	n := v.root
	if n == nil || uint64(k)>>(v.shift+vBits) != 0 {
		return nil
	}
	for s := v.shift; s > 0; s -= vBits {
		n = n.sub[(k>>s)&vMask]
		if n == nil {
			return nil
		}
	}
	return n.leaf[k&vMask]
}

// set returns the vector with number k mapped to r (nil: unmapped).
func (v numVec) set(tx *txn, k uint32, r *nodeRec) numVec {
	if r == nil && v.get(k) == nil {
		return v
	}
	if v.root == nil {
		v.root = &vnode{owner: tx, leaf: new([vWidth]*nodeRec)}
	}
	for uint64(k)>>(v.shift+vBits) != 0 {
		up := &vnode{owner: tx, sub: new([vWidth]*vnode)}
		up.sub[0] = v.root
		v.root, v.shift = up, v.shift+vBits
	}
	v.root = v.root.setIn(tx, v.shift, k, r)
	return v
}

// setIn is n with number k mapped to r, nil when that leaves it empty.
func (n *vnode) setIn(tx *txn, shift uint, k uint32, r *nodeRec) *vnode {
	if n == nil {
		if r == nil {
			return nil
		}
		n = &vnode{owner: tx}
		if shift == 0 {
			n.leaf = new([vWidth]*nodeRec)
		} else {
			n.sub = new([vWidth]*vnode)
		}
	} else if n.owner != tx {
		c := &vnode{owner: tx}
		if n.leaf != nil {
			l := *n.leaf
			c.leaf = &l
		} else {
			s := *n.sub
			c.sub = &s
		}
		n = c
	}
	if shift == 0 {
		n.leaf[k&vMask] = r
		if r == nil && *n.leaf == [vWidth]*nodeRec{} {
			return nil
		}
		return n
	}
	i := (k >> shift) & vMask
	n.sub[i] = n.sub[i].setIn(tx, shift-vBits, k, r)
	if n.sub[i] == nil && *n.sub == [vWidth]*vnode{} {
		return nil
	}
	return n
}
