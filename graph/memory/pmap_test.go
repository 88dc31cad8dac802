package memory

import (
	"fmt"
	"hash/maphash"
	"maps"
	"math/rand/v2"
	"testing"
)

// TestPmapMatchesMap applies random sets and deletes to a pmap and a Go
// map, keeping every published version, and checks that each version
// still holds exactly what the map held then: a change must never reach
// a map already handed out. With a weak hash it also exercises the deep
// levels and the collision lists that real hashes almost never reach.
func TestPmapMatchesMap(t *testing.T) {
	for _, weak := range []bool{false, true} {
		t.Run(fmt.Sprint("weak=", weak), func(t *testing.T) {
			r := rand.New(rand.NewPCG(3, 4))
			hash := seededHash(maphash.MakeSeed())
			if weak {
				hash = func(k string) uint64 { return uint64(len(k)%3) << 61 } // few hashes, equal low digits
			}
			m := newPmap[int](hash)
			type version struct {
				m    pmap[int]
				want map[string]int
			}
			var versions []version
			want := map[string]int{}
			for round := range 200 {
				tx := &txn{}
				for range r.IntN(40) {
					k := fmt.Sprint("k", r.IntN(300))
					if r.IntN(3) == 0 {
						removed := false
						if m.root != nil {
							m.root = m.delIn(tx, m.root, hash(k), 0, k, &removed)
						}
						if _, ok := want[k]; ok != removed {
							t.Fatalf("round %d: delete %s removed=%v, present=%v", round, k, removed, ok)
						}
						if removed {
							m.n--
						}
						delete(want, k)
					} else {
						added := false
						m.root = m.setIn(tx, m.root, hash(k), 0, k, round, &added)
						if added {
							m.n++
						}
						want[k] = round
					}
				}
				versions = append(versions, version{m, maps.Clone(want)})
			}
			for i, v := range versions {
				got := map[string]int{}
				for k, x := range v.m.all {
					got[k] = x
				}
				if !maps.Equal(got, v.want) || v.m.len() != len(v.want) {
					t.Fatalf("version %d: holds %d entries (len %d), want %d", i, len(got), v.m.len(), len(v.want))
				}
				for k, x := range v.want {
					if y, ok := v.m.lookup(hash(k), k); !ok || y != x {
						t.Fatalf("version %d: %s = %d, %v; want %d", i, k, y, ok, x)
					}
				}
				if _, ok := v.m.lookup(hash("absent"), "absent"); ok {
					t.Fatalf("version %d: found an absent key", i)
				}
			}
		})
	}
}
