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
