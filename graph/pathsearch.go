package graph

import (
	"context"
	"math"
)

// Best-first path search, shared by both engines so that they rank
// identically. The answer to a path question is the first First paths in
// a total order (RankShortestFirst or RankBestSupported: length, score and
// the edge-id key in some order). Enumerating every simple path and
// sorting finds them but costs the number of paths, which grows
// exponentially with maxHops on a hub. The search here instead pops
// partial paths from a priority queue ordered by the best rank any of
// their completions could have, so it stops as soon as First answers are
// out and never expands a prefix that cannot beat them.
//
// The bound of a prefix P ending at node v, with remaining hop budget R:
//   - length: len(P) + the fewest hops from v to an answer (a walk, so
//     ignoring simplicity: admissible);
//   - score: P's product times the best product of a walk of at most R
//     hops (of exactly that fewest number for RankShortestFirst) from v to
//     an answer, computed by dynamic programming over the hop-bounded
//     region, slightly inflated to cover floating-point reassociation and
//     then rounded like Path.Score (round4 is monotone);
//   - key: P's own key, which is a prefix of every completion's key, and
//     a string is never greater than its extensions.
//
// Every completion of P ranks at or after P's bound, and strictly after
// it when score and length tie, its key being longer than P's. So the
// queue puts a complete path before a bound equal to its rank, and when a
// complete path is popped, no path
// still to be found ranks before it, and the answers come out in exactly
// the order, with exactly the tie-breaks and scores, that sorting every
// simple path gives. The search reads the graph only through Arcs and
// Accept, so both engines run this same code on their own adjacency.

// PathOrder is the order of a path question's answers.
type PathOrder int

const (
	// OrderShortestFirst is RankShortestFirst: length, score, key.
	OrderShortestFirst PathOrder = iota
	// OrderBestSupported is RankBestSupported: score, length, key.
	OrderBestSupported
)

// Arc is one way out of a node: an edge and the node at its other end.
// Forward is false when an undirected walk takes the edge from object to
// subject.
type Arc struct {
	Edge    *Edge
	To      string
	Forward bool
}

// PathSearch is one path question over an engine's adjacency.
type PathSearch struct {
	From    string
	MaxHops int
	First   int
	Order   PathOrder
	// Arcs calls yield for each arc a path may take out of a node: edge
	// types, direction and per-edge filters applied, arcs to nodes that do
	// not exist left out. It is called at most once per node; a callback
	// rather than a slice so that an engine's adjacency is read without
	// copying.
	Arcs func(id string, yield func(Arc))
	// Accept says whether a path ending at a node is an answer and
	// whether a path may go on past it. It is called at most once per
	// node.
	Accept func(id string) (answer, goOn bool)
	// StatedOnly leaves out the arcs of claims a curator inferred
	// (Edge.Origin "inferred"): chains the review itself states, hop by
	// hop. Applied here, to every engine's arcs alike.
	StatedOnly bool
	// Modalities, when set, are the claim modalities arcs may follow
	// (HasModality); nil follows every claim. SignedOnly keeps only signed
	// effects (Edge.SignedEffect), as mechanism paths must. Both are
	// applied here, to every engine's arcs alike.
	Modalities []Modality
	SignedOnly bool
	// Via, when set, is a node every answer must pass through (its start
	// or end counts). The search then ranks prefixes by the best walk
	// that still reaches Via before an answer, so answers come out in
	// exactly the order of filtering the unrestricted enumeration.
	Via string
}

// MaxSearchedPaths bounds the paths (partial and complete) one search may
// queue, about 100 MB of queue. It is a safety net against a pathological
// graph, not a limit a question is expected to meet: the bounds keep the
// queue to the prefixes that could still rank among the first answers,
// where the enumeration before it listed every path and refused questions
// with more than 20,000 (graph.MaxEnumeratedPaths).
const MaxSearchedPaths = 2_000_000

// TooManyPaths is the error for a search that would queue more than
// MaxSearchedPaths partial paths.
func TooManyPaths() error {
	return Errorf(ELIMIT, "the path search explored more than %d partial paths; lower maxHops or restrict edgeTypes", MaxSearchedPaths)
}

// regionArc is an Arc inside a region, its end interned.
type regionArc struct {
	edge    *Edge
	to      int32
	forward bool
}

// region is the part of the graph within MaxHops of From, interned to
// dense indexes: node 0 is From.
type region struct {
	ids    []string
	index  map[string]int32
	depth  []int8
	answer []bool
	goOn   []bool
	// arcs[start[v]:end[v]] are the arcs out of v; empty for nodes never
	// left (too deep, or !goOn).
	arcs       []regionArc
	start, end []int32
	// unbounded is set when an edge score is negative, infinite or NaN,
	// where products stop being monotone: every score bound is then +Inf,
	// and the search degrades to an exact enumeration in rank order.
	unbounded bool
}

func (q *PathSearch) region(ctx context.Context) (*region, error) {
	const hint = 64 // most regions are small; a few regrowths cost less than a guess too large
	r := &region{index: make(map[string]int32, hint), ids: make([]string, 1, hint), depth: make([]int8, 1, hint),
		answer: make([]bool, 1, hint), goOn: make([]bool, 1, hint), start: make([]int32, 1, hint), end: make([]int32, 1, hint),
		arcs: make([]regionArc, 0, 2*hint)}
	r.index[q.From], r.ids[0], r.goOn[0] = 0, q.From, true
	var d int
	yield := func(a Arc) {
		if q.StatedOnly && a.Edge.Origin == OriginInferred {
			return
		}
		if (q.Modalities != nil && !HasModality(a.Edge, q.Modalities)) || (q.SignedOnly && !a.Edge.SignedEffect()) {
			return
		}
		if a.To == q.From {
			return // a simple path never returns to its start
		}
		if sc := a.Edge.Score; !(sc >= 0) || math.IsInf(sc, 1) {
			r.unbounded = true
		}
		j, ok := r.index[a.To]
		if !ok {
			j = int32(len(r.ids))
			r.index[a.To] = j
			r.ids = append(r.ids, a.To)
			r.depth = append(r.depth, int8(d+1))
			ans, on := q.Accept(a.To)
			r.answer = append(r.answer, ans)
			r.goOn = append(r.goOn, on)
			r.start = append(r.start, 0)
			r.end = append(r.end, 0)
		}
		r.arcs = append(r.arcs, regionArc{edge: a.Edge, to: j, forward: a.Forward})
	}
	for head := 0; head < len(r.ids); head++ {
		if head%1024 == 1023 && ctx.Err() != nil {
			return nil, WrapError(ETIMEOUT, ctx.Err(), "path search")
		}
		d = int(r.depth[head])
		if d >= q.MaxHops || !r.goOn[head] {
			continue
		}
		r.start[head] = int32(len(r.arcs))
		q.Arcs(r.ids[head], yield)
		r.end[head] = int32(len(r.arcs))
	}
	return r, nil
}

// bounds holds, for each hop count k and node v, whether a walk of
// exactly k hops leads from v to an answer (through nodes a path may go
// on past) and the best product of the edge scores of such a walk.
type bounds struct {
	n     int
	reach []bool    // [k*n + v]
	best  []float64 // [k*n + v]
}

func (r *region) bounds(maxHops int) *bounds {
	return r.fillBounds(maxHops, func(b *bounds, k, w int, a regionArc) (float64, bool) {
		switch {
		case k == 1 && r.answer[w]:
			return 1, true
		case k > 1 && r.goOn[w] && b.reach[(k-1)*b.n+w]:
			return b.best[(k-1)*b.n+w], true
		}
		return 0, false
	})
}

// viaBounds is bounds for the prefixes that have not passed through via
// yet: a walk of exactly k hops from v that enters via (by then, any walk
// of any counts, as in after) and then reaches an answer. Walks ignore
// simplicity, so the bound stays admissible.
func (r *region) viaBounds(maxHops int, via int32, after *bounds) *bounds {
	return r.fillBounds(maxHops, func(b *bounds, k, w int, a regionArc) (float64, bool) {
		switch {
		case a.to == via && k == 1 && r.answer[w]:
			return 1, true
		case a.to == via && k > 1 && r.goOn[w] && after.reach[(k-1)*b.n+w]:
			return after.best[(k-1)*b.n+w], true
		case a.to != via && k > 1 && r.goOn[w] && b.reach[(k-1)*b.n+w]:
			return b.best[(k-1)*b.n+w], true
		}
		return 0, false
	})
}

// fillBounds fills a bounds table hop count by hop count: rest says what
// the best walk on from arc a's end w is worth when a is the first of k
// hops, or false when none leads to an answer.
func (r *region) fillBounds(maxHops int, rest func(b *bounds, k, w int, a regionArc) (float64, bool)) *bounds {
	n := len(r.ids)
	b := &bounds{n: n, reach: make([]bool, (maxHops+1)*n), best: make([]float64, (maxHops+1)*n)}
	for k := 1; k <= maxHops; k++ {
		for v := range n {
			// v can only sit where at least depth[v] hops are spent.
			if r.start[v] == r.end[v] || int(r.depth[v]) > maxHops-k {
				continue
			}
			found, best := false, 0.0
			for _, a := range r.arcs[r.start[v]:r.end[v]] {
				x, ok := rest(b, k, int(a.to), a)
				if !ok {
					continue
				}
				if x *= a.edge.Score; !found || x > best {
					found, best = true, x
				}
			}
			b.reach[k*n+v], b.best[k*n+v] = found, best
		}
	}
	return b
}

// slack covers the difference between a left-to-right product (how
// Path.Score is computed) and the differently associated product of the
// bounds: a few ulps over at most 2*MaxHopsCap multiplications.
const slack = 1 + 1e-12

// searchItem is a path in the queue: complete (an answer, ranked by its
// own measures) or partial (standing for its strict extensions, ranked by
// their bound).
type searchItem struct {
	parent   int32 // index in the arena, -1 for the start
	at       int32
	arc      regionArc
	length   int
	product  float64 // left-to-right product of the hops' scores
	key      string
	complete bool
	passed   bool // the path has been through PathSearch.Via (or there is none)
	// rank measures: exact for a complete path, bounds for a partial one
	score   float64
	rankLen int
}

type pathQueue struct {
	order PathOrder
	arena []searchItem
	heap  []int32
}

func (pq *pathQueue) less(i, j int32) bool {
	a, b := &pq.arena[i], &pq.arena[j]
	if pq.order == OrderBestSupported {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.rankLen != b.rankLen {
			return a.rankLen < b.rankLen
		}
	} else {
		if a.rankLen != b.rankLen {
			return a.rankLen < b.rankLen
		}
		if a.score != b.score {
			return a.score > b.score
		}
	}
	if a.key != b.key {
		return a.key < b.key
	}
	if a.complete != b.complete {
		return a.complete
	}
	return i < j
}

func (pq *pathQueue) push(it searchItem) {
	i := int32(len(pq.arena))
	pq.arena = append(pq.arena, it)
	pq.heap = append(pq.heap, i)
	for c := len(pq.heap) - 1; c > 0; {
		p := (c - 1) / 2
		if !pq.less(pq.heap[c], pq.heap[p]) {
			break
		}
		pq.heap[c], pq.heap[p] = pq.heap[p], pq.heap[c]
		c = p
	}
}

func (pq *pathQueue) pop() int32 {
	h := pq.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && pq.less(h[c+1], h[c]) {
			c++
		}
		if !pq.less(h[c], h[p]) {
			break
		}
		h[c], h[p] = h[p], h[c]
		p = c
	}
	pq.heap = h
	return top
}

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
