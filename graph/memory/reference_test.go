package memory

import (
	"context"
	"slices"

	"github.com/kapgraph/kapgraph/graph"
)

// The enumerate-rank-cut path code the best-first search replaced, kept
// as the reference the differential tests hold the search to: walk lists
// every simple path, graph.RankShortestFirst or graph.RankBestSupported
// sorts them, and the first are kept. It refused with ELIMIT a question
// with more than refPathCap paths.

const refPathCap = 20000

func refTooMany() error {
	return graph.Errorf(graph.ELIMIT, "the query matches more than %d paths", refPathCap)
}

func (s *Store) refPaths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	if err := st.mustExist(q.From, q.To, q.Via); err != nil {
		return nil, err
	}
	allowed := predicateSet(q.Predicates, false)
	found, err := st.walk(ctx, q.From, q.MaxHops, !q.Directed, allowed, nil,
		func(n *graph.Node) (bool, bool) { return n.ID == q.To, n.ID != q.To })
	if err != nil {
		return nil, err
	}
	found = restrict(found, q.StatedOnly, q.Via, q.Modalities)
	graph.RankShortestFirst(found)
	if len(found) > q.First {
		found = found[:q.First]
	}
	return found, nil
}

func (s *Store) refShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	q.First = 1
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	if err := st.mustExist(q.From, q.To, q.Via); err != nil {
		return nil, err
	}
	allowed := predicateSet(q.Predicates, false)
	for h := 1; h <= q.MaxHops; h++ {
		found, err := st.walk(ctx, q.From, h, !q.Directed, allowed, nil,
			func(n *graph.Node) (bool, bool) { return n.ID == q.To, n.ID != q.To })
		if err != nil {
			return nil, err
		}
		if found = restrict(found, q.StatedOnly, q.Via, q.Modalities); len(found) > 0 {
			graph.RankShortestFirst(found)
			return found[0], nil
		}
	}
	return nil, nil
}

func (s *Store) refMechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	from, to, dis, err := st.mechanismEndpoints(q)
	if err != nil {
		return nil, err
	}
	if err := graph.CheckMechanismEndpoints(from, to, dis); err != nil {
		return nil, err
	}
	allowed := predicateSet(graph.CausalPredicates(), false)
	edgeOK := func(e *graph.Edge) bool { return graph.DisorderAllows(e, q.Disorder) && e.SignedEffect() }
	accept := func(n *graph.Node) (bool, bool) {
		if to != nil {
			return n.ID == to.ID, n.ID != to.ID
		}
		return graph.MechanismTarget(n.Category), true
	}
	found, err := st.walk(ctx, q.From, q.MaxHops, false, allowed, edgeOK, accept)
	if err != nil {
		return nil, err
	}
	found = restrict(found, q.StatedOnly, q.Via, q.Modalities)
	graph.RankBestSupported(found)
	if len(found) > q.First {
		found = found[:q.First]
	}
	return found, nil
}

// restrict keeps the enumerated paths a statedOnly, via or modalities
// question wants: the definition the search's StatedOnly, Via and
// Modalities are held to.
func restrict(ps []*graph.Path, statedOnly bool, via string, ms []graph.Modality) []*graph.Path {
	ps = slices.DeleteFunc(ps, func(p *graph.Path) bool {
		if via != "" && !slices.Contains(p.Nodes, via) {
			return true
		}
		if slices.ContainsFunc(p.Hops, func(h graph.Hop) bool { return !graph.HasModality(h.Edge, ms) }) {
			return true
		}
		return statedOnly && slices.ContainsFunc(p.Hops, func(h graph.Hop) bool { return h.Edge.Origin == graph.OriginInferred })
	})
	if len(ps) == 0 {
		return nil // as the enumeration finding nothing
	}
	return ps
}

// walk enumerates simple paths from start of at most maxHops hops. accept
// says whether a path ending at a node is an answer and whether to go on
// past it.
func (st *state) walk(ctx context.Context, start string, maxHops int, undirected bool,
	allowed func(graph.Predicate) bool, edgeOK func(*graph.Edge) bool,
	accept func(*graph.Node) (bool, bool)) ([]*graph.Path, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "path search")
	}
	var found []*graph.Path
	onPath := map[string]bool{start: true}
	hops := make([]graph.Hop, 0, maxHops)
	steps := 0
	var limitErr error
	view := newEdgeView()
	var dfs func(at string, v *vertex)
	dfs = func(at string, v *vertex) {
		if limitErr != nil {
			return
		}
		if steps++; steps%4096 == 0 && ctx.Err() != nil {
			limitErr = graph.WrapError(graph.ETIMEOUT, ctx.Err(), "path search")
			return
		}
		try := func(e *graph.Edge, next string, forward bool) {
			if limitErr != nil || onPath[next] || !allowed(e.Predicate) || (edgeOK != nil && !edgeOK(e)) {
				return
			}
			nv := st.vertex(next)
			if nv == nil || nv.node == nil {
				return
			}
			// accept reads the id and category only.
			n := &graph.Node{ID: nv.node.id, Category: nv.node.category()}
			hops = append(hops, graph.Hop{Edge: e, From: at, To: next, Forward: forward})
			ok, goOn := accept(n)
			if ok {
				found = append(found, graph.NewPath(start, slices.Clone(hops)))
				if len(found) > refPathCap {
					limitErr = refTooMany()
				}
			}
			if goOn && len(hops) < maxHops {
				onPath[next] = true
				dfs(next, nv)
				delete(onPath, next)
			}
			hops = hops[:len(hops)-1]
		}
		for part := range v.out().each {
			for _, e := range part {
				try(view.of(e), e.object(), true)
			}
		}
		if undirected {
			for part := range v.in().each {
				for _, e := range part {
					try(view.of(e), e.subject(), false)
				}
			}
		}
	}
	if v := st.vertex(start); v != nil {
		dfs(start, v)
	}
	if limitErr != nil {
		return nil, limitErr
	}
	return found, nil
}
