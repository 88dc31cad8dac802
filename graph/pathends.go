package graph

import (
	"context"
	"math"
)

// Run answers the question: the first q.First paths in q.Order, exactly
// as sorting every simple path of at most q.MaxHops hops would give them.
func (q PathSearch) Run(ctx context.Context) ([]*Path, error) {
	if err := ctx.Err(); err != nil {
		return nil, WrapError(ETIMEOUT, err, "path search")
	}
	if q.First <= 0 || q.MaxHops <= 0 {
		return nil, nil
	}
	r, err := q.region(ctx)
	if err != nil {
		return nil, err
	}
	b := r.bounds(q.MaxHops)
	// via is the interned Via; a start at Via passes it at once, and a Via
	// outside the region lies on no path.
	via, passed := int32(-1), true
	bv := b
	if q.Via != "" && q.Via != q.From {
		j, ok := r.index[q.Via]
		if !ok {
			return nil, nil
		}
		via, passed = j, false
		bv = r.viaBounds(q.MaxHops, via, b)
	}
	pq := &pathQueue{order: q.Order}

	// extend queues the strict extensions of a prefix ending at v, if any
	// can reach an answer within the hops left.
	extend := func(it searchItem) {
		v := int(it.at)
		left := q.MaxHops - it.length
		if left <= 0 || r.start[v] == r.end[v] {
			return
		}
		b := b
		if !it.passed {
			b = bv
		}
		dmin, best := 0, 0.0
		for k := 1; k <= left; k++ {
			if !b.reach[k*b.n+v] {
				continue
			}
			x := b.best[k*b.n+v]
			if dmin == 0 {
				dmin, best = k, x
			} else if q.Order == OrderBestSupported && x > best {
				best = x
			}
		}
		if dmin == 0 {
			return
		}
		it.complete = false
		it.rankLen = it.length + dmin
		if r.unbounded {
			it.score = math.Inf(1)
		} else {
			it.score = round4(it.product * best * slack)
		}
		pq.push(it)
	}
	extend(searchItem{parent: -1, at: 0, product: 1, passed: passed})

	var out []*Path
	for pops := 0; len(pq.heap) > 0 && len(out) < q.First; pops++ {
		if pops%4096 == 4095 && ctx.Err() != nil {
			return nil, WrapError(ETIMEOUT, ctx.Err(), "path search")
		}
		if len(pq.arena) > MaxSearchedPaths {
			return nil, TooManyPaths()
		}
		i := pq.pop()
		it := pq.arena[i]
		if it.complete {
			out = append(out, pq.path(r, i))
			continue
		}
		for _, a := range r.arcs[r.start[it.at]:r.end[it.at]] {
			if pq.onPath(i, a.to) {
				continue
			}
			w := int(a.to)
			child := searchItem{parent: i, at: a.to, arc: a, length: it.length + 1,
				product: it.product * a.edge.Score, key: it.key + a.edge.ID + "|", passed: it.passed || a.to == via}
			if r.answer[w] && child.passed {
				done := child
				done.complete = true
				done.score = round4(done.product)
				done.rankLen = done.length
				pq.push(done)
			}
			if r.goOn[w] {
				extend(child)
			}
		}
	}
	return out, nil
}

// onPath reports whether node v is on the path that item i ends.
func (pq *pathQueue) onPath(i, v int32) bool {
	for ; i >= 0; i = pq.arena[i].parent {
		if pq.arena[i].at == v {
			return true
		}
	}
	return false
}

// path rebuilds the complete path that item i ends.
func (pq *pathQueue) path(r *region, i int32) *Path {
	n := pq.arena[i].length
	hops := make([]Hop, n)
	for ; n > 0; i = pq.arena[i].parent {
		it := &pq.arena[i]
		n--
		hops[n] = Hop{Edge: it.arc.edge, From: r.ids[pq.arena[it.parent].at], To: r.ids[it.at], Forward: it.arc.forward}
	}
	return NewPath(r.ids[0], hops)
}

// MeetInTheMiddle returns the arcs of a path search with one target,
// restricted to those that can lie on a path of at most maxHops hops from
// from to to: the arcs out of the nodes within a hops of from and the arcs
// into the nodes within b hops of to, for some a + b = maxHops - 2. A hop
// at position i of such a path leaves a node within i hops of from and
// enters one within maxHops-1-i hops of to, so it is in one of the two
// sets. Two balls of about half the radius hold far fewer nodes than one
// of the whole radius around a hub, which is what the search would
// otherwise walk; and each level goes to the side with the smaller
// frontier, so a source with few edges meets a hub target mostly from the
// source's side. out lists the arcs out of a node (PathSearch.Arcs); in
// lists the arcs into a node, each with To set to the node it comes from
// and Forward as a path walking it towards the node would have it.
func MeetInTheMiddle(ctx context.Context, from, to string, maxHops int, out, in func(string, func(Arc))) (func(string, func(Arc)), error) {
	type key struct {
		from string
		edge *Edge
	}
	arcs := map[string][]Arc{}
	seen := map[key]bool{}
	add := func(u string, a Arc) {
		if k := (key{u, a.Edge}); !seen[k] {
			seen[k] = true
			arcs[u] = append(arcs[u], a)
		}
	}
	type side struct {
		visited  map[string]bool
		frontier []string
		next     func(string, func(Arc))
		backward bool
	}
	fwd := &side{visited: map[string]bool{from: true}, frontier: []string{from}, next: out}
	bwd := &side{visited: map[string]bool{to: true}, frontier: []string{to}, next: in, backward: true}
	// expand takes the arcs of a side's frontier and moves it one level on.
	expand := func(sd *side) error {
		var next []string
		for i, u := range sd.frontier {
			if i%1024 == 1023 && ctx.Err() != nil {
				return WrapError(ETIMEOUT, ctx.Err(), "path search")
			}
			sd.next(u, func(a Arc) {
				if sd.backward {
					add(a.To, Arc{Edge: a.Edge, To: u, Forward: a.Forward})
				} else {
					add(u, a)
				}
				if !sd.visited[a.To] {
					sd.visited[a.To] = true
					next = append(next, a.To)
				}
			})
		}
		sd.frontier = next
		return nil
	}
	// maxHops levels in all: (a+1) + (b+1). An empty frontier means that
	// side's whole closure is in, which covers every path already.
	for range maxHops {
		if len(fwd.frontier) == 0 || len(bwd.frontier) == 0 {
			break
		}
		sd := fwd
		if len(bwd.frontier) < len(fwd.frontier) {
			sd = bwd
		}
		if err := expand(sd); err != nil {
			return nil, err
		}
	}
	return func(id string, yield func(Arc)) {
		for _, a := range arcs[id] {
			yield(a)
		}
	}, nil
}

// PathEnd is one named end of a path question: its role ("from", "to",
// "disorder") and id; an empty id is an end the question leaves open.
type PathEnd struct{ Role, ID string }

// LookupEnds finds the ends of a path question with an engine's own
// lookup, in order (nil for an open end), and refuses a missing one the
// same way on every engine: "<role>: no node with id ...".
func LookupEnds(lookup func(id string) *Node, ends ...PathEnd) ([]*Node, error) {
	out := make([]*Node, len(ends))
	for i, e := range ends {
		if e.ID == "" {
			continue
		}
		if out[i] = lookup(e.ID); out[i] == nil {
			return nil, Errorf(ENOTFOUND, "%s: no node with id %q", e.Role, e.ID)
		}
	}
	return out, nil
}
