package memory

import (
	"context"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// mechanismSearch is the search for a normalized MechanismPathQuery whose
// target, if any, is to.
func (st *state) mechanismSearch(q graph.MechanismPathQuery, to *graph.Node) graph.PathSearch {
	allowed := predicateSet(graph.CausalPredicates(), false)
	edgeOK := func(e *graph.Edge) bool { return graph.DisorderAllows(e, q.Disorder) }
	// No meeting in the middle with a target: causal claims fan out
	// little from a source but converge on outcomes, so the ball around
	// the source is the small one.
	arcs := st.arcs(newEdgeView(), allowed, edgeOK, false)
	accept := func(id string) (bool, bool) {
		if to != nil {
			return id == to.ID, id != to.ID
		}
		n := st.node(id)
		return n != nil && graph.MechanismTarget(n.category()), true
	}
	return graph.PathSearch{
		From: q.From, MaxHops: q.MaxHops, First: q.First, Order: graph.OrderBestSupported,
		Arcs: arcs, Accept: accept, StatedOnly: q.StatedOnly, Via: q.Via, Modalities: q.Modalities, SignedOnly: true,
	}
}

func (st *state) mechanismEndpoints(q graph.MechanismPathQuery) (from, to, dis *graph.Node, err error) {
	ns, err := graph.LookupEnds(st.nodeOut, graph.PathEnd{Role: "from", ID: q.From}, graph.PathEnd{Role: "to", ID: q.To}, graph.PathEnd{Role: "disorder", ID: q.Disorder}, graph.PathEnd{Role: "via", ID: q.Via})
	if err != nil {
		return nil, nil, nil, err
	}
	return ns[0], ns[1], ns[2], nil
}

func (st *state) mustExist(from, to, via string) error {
	_, err := graph.LookupEnds(st.nodeOut, graph.PathEnd{Role: "from", ID: from}, graph.PathEnd{Role: "to", ID: to}, graph.PathEnd{Role: "via", ID: via})
	return err
}

// arcs lists the arcs a path search may take out of a node: edges of the
// allowed types that pass edgeOK (when given), forward, and backward too
// when undirected, to nodes that exist (a dangling edge leads nowhere).
// The search's edges come from view, one pointer per edge.
func (st *state) arcs(view *edgeView, allowed func(graph.Predicate) bool, edgeOK func(*graph.Edge) bool, undirected bool) func(string, func(graph.Arc)) {
	return func(id string, yield func(graph.Arc)) {
		v := st.vertex(id)
		if v == nil {
			return
		}
		add := func(r *edgeRec, next string, forward bool) {
			if !allowed(r.predicate()) {
				return
			}
			e := view.of(r)
			if edgeOK != nil && !edgeOK(e) {
				return
			}
			if nv := st.vertex(next); nv == nil || nv.node == nil {
				return
			}
			yield(graph.Arc{Edge: e, To: next, Forward: forward})
		}
		for part := range v.out().each {
			for _, e := range part {
				add(e, e.object(), true)
			}
		}
		if undirected {
			for part := range v.in().each {
				for _, e := range part {
					add(e, e.subject(), false)
				}
			}
		}
	}
}

// arcsIn lists the arcs into a node for graph.MeetInTheMiddle: To is the
// node a path would come from, Forward whether it walks the edge from
// subject to object.
func (st *state) arcsIn(view *edgeView, allowed func(graph.Predicate) bool, edgeOK func(*graph.Edge) bool, undirected bool) func(string, func(graph.Arc)) {
	return func(id string, yield func(graph.Arc)) {
		v := st.vertex(id)
		if v == nil {
			return
		}
		add := func(r *edgeRec, prev string, forward bool) {
			if !allowed(r.predicate()) {
				return
			}
			e := view.of(r)
			if edgeOK != nil && !edgeOK(e) {
				return
			}
			if pv := st.vertex(prev); pv == nil || pv.node == nil {
				return
			}
			yield(graph.Arc{Edge: e, To: prev, Forward: forward})
		}
		for part := range v.in().each {
			for _, e := range part {
				add(e, e.subject(), true)
			}
		}
		if undirected {
			for part := range v.out().each {
				for _, e := range part {
					add(e, e.object(), false)
				}
			}
		}
	}
}

// Search implements graph.Store: node candidates from the token index
// (postings), claim candidates from the quote index (quotes.go), each
// with a token starting with the query's longest token (the most
// selective one), scored and ranked by the shared code.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]*graph.SearchHit, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	toks := graph.SearchTokens(q.Text)
	cats := map[graph.Category]bool{}
	for _, c := range q.Categories {
		cats[c] = true
	}
	longest := toks[0]
	for _, t := range toks {
		if len(t) > len(longest) {
			longest = t
		}
	}
	seen := map[*nodeRec]bool{}
	var hits []*graph.SearchHit
	if len(cats) > 0 {
		var nd graph.Node // each candidate is built here to be scored
		st.tokens.from(longest, func(tp tokenPosting) bool {
			if !strings.HasPrefix(tp.token, longest) {
				return false
			}
			for n := range tp.nodes(st.nums) {
				if seen[n] || !cats[n.category()] {
					continue
				}
				seen[n] = true
				n.fill(&nd)
				if sc, m, f := graph.ScoreSearch(toks, &nd); sc > 0 {
					c := nd
					hits = append(hits, graph.NodeHit(&c, toks, sc, m, f))
				}
			}
			return true
		})
	}
	if slices.Contains(q.Kinds, graph.SearchClaim) {
		view := newEdgeView()
		st.quoteIndex().withPrefix(longest, func(r *edgeRec) {
			if !st.inForce(r) {
				return // an older version of the id
			}
			e := view.of(r)
			if sc, ev := graph.ScoreQuote(toks, e); sc > 0 {
				if p := st.nodeOut(ev.Passage); p != nil {
					hits = append(hits, graph.ClaimHit(e, p, toks, sc, ev))
				}
			}
		})
	}
	graph.RankHits(hits)
	if len(hits) > q.First {
		hits = hits[:q.First]
	}
	return hits, nil
}

// Stats implements graph.Store.
func (s *Store) Stats(ctx context.Context) (*graph.Stats, error) {
	c := *s.cur().stats
	return &c, nil
}

// MetaGraph implements graph.Store.
func (s *Store) MetaGraph(ctx context.Context) ([]*graph.MetaEdge, error) {
	return slices.Clone(s.cur().meta), nil
}

// Ping implements graph.Store; the embedded engine is always there.
func (s *Store) Ping(ctx context.Context) error { return ctx.Err() }

// Close implements graph.Store.
func (s *Store) Close(ctx context.Context) error { return nil }
