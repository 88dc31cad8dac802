package memory

import (
	"context"
	"strconv"

	"github.com/kapgraph/kapgraph/graph"
)

// FanOut implements graph.Store. It walks the whole state once, the first
// time it is asked after a load, and keeps the answer with the state: a
// state never changes, so the answer holds until the next load publishes
// another.
func (s *Store) FanOut(ctx context.Context) (*graph.FanOut, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "fan-out")
	}
	st := s.cur()
	st.fanOnce.Do(func() { st.fanOut = st.computeFanOut() })
	return st.fanOut, nil
}

// computeFanOut counts each node's edges the way EdgesOf returns them
// (each edge id once, whichever documents repeat it).
func (st *state) computeFanOut() *graph.FanOut {
	f := graph.NewFanOut("memory-" + strconv.FormatUint(st.version, 10))
	perDoc := map[string]map[graph.Category]int{}
	count := func(l adj) map[graph.Predicate]int {
		m := map[graph.Predicate]int{}
		seen := map[string]bool{}
		for e := range l.all {
			if id := e.id(); !seen[id] {
				seen[id] = true
				m[e.predicate()]++
			}
		}
		return m
	}
	for _, v := range st.vertices.all {
		if v.node == nil {
			continue
		}
		n := v.node
		f.Observe(graph.NodeFanOut{Category: n.category(), Document: n.doc(), Out: count(v.out()), In: count(v.in())})
		if d := n.doc(); d != "" {
			if perDoc[d] == nil {
				perDoc[d] = map[graph.Category]int{}
			}
			perDoc[d][n.category()]++
		}
	}
	for _, cats := range perDoc {
		for c, k := range cats {
			f.ObserveDocument(c, k)
		}
	}
	return f
}
