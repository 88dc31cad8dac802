package memory

import (
	"math/rand/v2"
	"testing"
)

// vecLen counts the numbers v maps.
func vecLen(n *vnode) int {
	c := 0
	switch {
	case n == nil:
	case n.leaf != nil:
		for _, r := range n.leaf {
			if r != nil {
				c++
			}
		}
	default:
		for _, s := range n.sub {
			c += vecLen(s)
		}
	}
	return c
}

// TestNumVec sets and clears numbers at random, small and large, in a
// chain of versions, and checks every version against a map: a version
// must not change when a later one is derived from it, and clearing every
// number leaves no nodes behind.
func TestNumVec(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	recs := make([]*nodeRec, 50)
	for i := range recs {
		recs[i] = &nodeRec{num: uint32(i)}
	}
	type version struct {
		v    numVec
		want map[uint32]*nodeRec
	}
	var v numVec
	want := map[uint32]*nodeRec{}
	var versions []version
	keys := []uint32{0, 1, 31, 32, 33, 1023, 1024, 1 << 20, 1<<32 - 1}
	for step := range 400 {
		tx := &txn{}
		for range 1 + r.IntN(5) {
			var k uint32
			if r.IntN(3) == 0 {
				k = keys[r.IntN(len(keys))]
			} else {
				k = uint32(r.IntN(5000))
			}
			if r.IntN(3) == 0 {
				v = v.set(tx, k, nil)
				delete(want, k)
			} else {
				rec := recs[r.IntN(len(recs))]
				v = v.set(tx, k, rec)
				want[k] = rec
			}
		}
		cp := map[uint32]*nodeRec{}
		for k, x := range want {
			cp[k] = x
		}
		versions = append(versions, version{v, cp})
		if step%50 == 49 {
			for i, ver := range versions {
				if got := vecLen(ver.v.root); got != len(ver.want) {
					t.Fatalf("version %d maps %d numbers, want %d", i, got, len(ver.want))
				}
				for k, x := range ver.want {
					if got := ver.v.get(k); got != x {
						t.Fatalf("version %d: get(%d) = %p, want %p", i, k, got, x)
					}
				}
				for _, k := range keys {
					if got := ver.v.get(k); got != ver.want[k] {
						t.Fatalf("version %d: get(%d) = %p, want %p", i, k, got, ver.want[k])
					}
				}
			}
		}
	}
	tx := &txn{}
	for k := range want {
		v = v.set(tx, k, nil)
	}
	if v.root != nil {
		t.Errorf("a vector with every number cleared keeps %d numbers in its nodes", vecLen(v.root))
	}
}
