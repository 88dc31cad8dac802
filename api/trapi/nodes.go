package trapi

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/biolink"
)

// join extends every row along query edge qe.
func (eng *Engine) join(ctx context.Context, p *plan, qe *qedge, rows []row, ans *answer) ([]row, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("trapi: %w", err)
	}
	if len(qe.storePreds) == 0 {
		return nil, nil
	}
	from, to, dir := qe.subject, qe.object, graph.Out
	if _, ok := rows[0].nodes[from]; !ok {
		from, to, dir = qe.object, qe.subject, graph.In
	}
	var fromIDs []string
	for _, r := range rows {
		fromIDs = append(fromIDs, r.nodes[from])
	}
	fromIDs = slices.Compact(slices.Sorted(slices.Values(fromIDs)))
	// An edge whose Biolink predicate is symmetric (a correlation) also
	// answers the query edge read the other way round, as TRAPI asks.
	read := dir
	if qe.symmetric {
		read = graph.Both
	}
	edges, err := eng.store.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: fromIDs, Direction: read, Predicates: qe.storePreds})
	if err != nil {
		return nil, fmt.Errorf("trapi: edges of %s: %w", qe.key, err)
	}
	type hit struct {
		e     *graph.Edge
		other string
	}
	byFrom := map[string][]hit{}
	var reached []string
	add := func(f, t string, e *graph.Edge) {
		if _, ok := slices.BinarySearch(fromIDs, f); !ok {
			return
		}
		byFrom[f] = append(byFrom[f], hit{e, t})
		reached = append(reached, t)
	}
	for _, e := range edges {
		bl := biolink.EdgePredicate(e)
		if !graph.HasModality(e, p.modalities) || !matchesAny(predicateAncestors, bl, qe.predicates) || !meetsConstraints(e, qe.constraints) {
			continue
		}
		f, t := e.Subject, e.Object
		if dir == graph.In {
			f, t = t, f
		}
		add(f, t, e)
		if symmetricPredicates[bl] && f != t {
			add(t, f, e)
		}
	}
	if err := eng.readNodes(ctx, ans.nodes, reached); err != nil {
		return nil, err
	}
	for _, hs := range byFrom {
		sort.Slice(hs, func(i, j int) bool {
			return cmp.Or(cmp.Compare(hs[i].e.ID, hs[j].e.ID), cmp.Compare(hs[i].other, hs[j].other)) < 0
		})
	}
	target := p.nodes[to]
	var out []row
	for _, r := range rows {
		for _, h := range byFrom[r.nodes[from]] {
			e, t := h.e, h.other
			if bound, ok := r.nodes[to]; ok {
				if bound != t {
					continue
				}
			} else {
				n := ans.nodes[t]
				if n == nil || !eng.nodeMatches(target, n) {
					continue
				}
			}
			if len(out) == maxRows {
				ans.logs = append(ans.logs, LogEntry{Level: "WARNING", Code: "Truncated",
					Message: fmt.Sprintf("query edge %s: more than %d partial answers; the rest were dropped", qe.key, maxRows)})
				return out, nil
			}
			out = append(out, r.extend(to, t, qe.key, e))
		}
	}
	return out, nil
}

// nodeMatches applies a query node's ids and categories to a node.
func (eng *Engine) nodeMatches(q *qnode, n *graph.Node) bool {
	if len(q.ids) > 0 {
		if _, ok := slices.BinarySearch(q.ids, n.ID); !ok {
			return false
		}
	}
	if len(q.categories) == 0 {
		return true
	}
	return matchesAny(categoryAncestors, biolink.NodeCategory(n), q.categories)
}

func (eng *Engine) readNodes(ctx context.Context, into map[string]*graph.Node, ids []string) error {
	var missing []string
	for _, id := range ids {
		if _, ok := into[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	missing = slices.Compact(slices.Sorted(slices.Values(missing)))
	ns, err := eng.store.NodesByID(ctx, missing)
	if err != nil {
		return fmt.Errorf("trapi: nodes: %w", err)
	}
	for _, n := range ns {
		into[n.ID] = n
	}
	// Unknown ids are remembered as nil so they are not read again.
	for _, id := range missing {
		if _, ok := into[id]; !ok {
			into[id] = nil
		}
	}
	return nil
}

// group turns rows into TRAPI results: one per distinct binding of the
// query nodes, with every edge that supports it. Its score is the
// product, over query edges, of the best supporting edge's evidence
// score: the same measure path search ranks chains by.
func group(p *plan, rows []row) []*result {
	keys := slices.Sorted(maps.Keys(p.nodes))
	byKey := map[string]*result{}
	for _, r := range rows {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = r.nodes[k]
		}
		key := strings.Join(parts, "\x00")
		res := byKey[key]
		if res == nil {
			res = &result{key: key, nodes: r.nodes, edges: map[string][]*graph.Edge{}}
			byKey[key] = res
		}
		for qe, e := range r.edges {
			if !slices.Contains(res.edges[qe], e) {
				res.edges[qe] = append(res.edges[qe], e)
			}
		}
	}
	out := make([]*result, 0, len(byKey))
	for _, res := range byKey {
		res.score = 1
		for _, es := range res.edges {
			sort.Slice(es, func(i, j int) bool { return es[i].ID < es[j].ID })
			best := 0.0
			for _, e := range es {
				best = max(best, e.Score)
			}
			res.score *= best
		}
		out = append(out, res)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].key < out[j].key
	})
	return out
}
