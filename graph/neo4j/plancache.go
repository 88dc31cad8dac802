package neo4j

import (
	"strconv"
	"strings"
	"sync"

	"github.com/kapgraph/kapgraph/graph"
)

// The statement compilePlan makes of a plan depends only on the plan's
// shape (pages, predicates, fields, ends, whether a page has a cursor or
// leaves out a modality), not on its ids, sizes, cursors or modalities,
// which are parameters. The API asks the same few shapes over and over
// (one per query text), and compiling one cost b-entity about 140
// allocations and 15 µs of the server's CPU a request, so each shape's
// statement is compiled once and its parameters filled in afresh
// (planParams, which numbers the pages as the compiler does).

// maxPlanShapes bounds the statements kept: beyond it, further shapes are
// compiled every time, as before.
const maxPlanShapes = 1024

// planStatements is the statement of each plan shape seen (planShape),
// with its pages' row layouts, which depend on the shape alone too.
type planStatements struct {
	mu sync.Mutex
	m  map[string]*compiledPlan
}

// compiledPlan is a plan shape's statement and the row layouts of its
// pages in the compiler's order (planPages).
type compiledPlan struct {
	cypher  string
	layouts []*rowLayout
}

// compileRead is compilePlan, with the statement of a known shape taken
// from the store's cache, and the layouts of p's pages in planPages'
// order.
func (s *Store) compileRead(p graph.ReadPlan) (string, map[string]any, []*rowLayout, error) {
	key := planShape(&p.Root)
	s.plans.mu.Lock()
	c, ok := s.plans.m[key]
	s.plans.mu.Unlock()
	if ok {
		return c.cypher, planParams(p), c.layouts, nil
	}
	cypher, params, err := compilePlan(p)
	if err != nil {
		return "", nil, nil, err
	}
	var layouts []*rowLayout
	planPages(&p.Root, func(pg *graph.PlanPage) { layouts = append(layouts, newRowLayout(pg)) })
	s.plans.mu.Lock()
	if s.plans.m == nil {
		s.plans.m = map[string]*compiledPlan{}
	}
	if len(s.plans.m) < maxPlanShapes {
		s.plans.m[key] = &compiledPlan{cypher, layouts}
	}
	s.plans.mu.Unlock()
	return cypher, params, layouts, nil
}

// planPages calls fn at each page of the plan under n in the compiler's
// order (planCompiler.page: a page, then its subject's pages, then its
// object's).
func planPages(n *graph.PlanNode, fn func(*graph.PlanPage)) {
	if n == nil {
		return
	}
	for _, pg := range n.Pages {
		fn(pg)
		planPages(pg.Subject, fn)
		planPages(pg.Object, fn)
	}
}

// planShape is a key for everything of a normalized plan's root that
// compilePlan's statement text depends on.
func planShape(root *graph.PlanNode) string {
	var b strings.Builder
	b.Grow(256)
	var node func(n *graph.PlanNode)
	list := func(tag byte, xs []string) {
		b.WriteByte(tag)
		if xs == nil {
			b.WriteByte('~')
			return
		}
		b.WriteString(strconv.Itoa(len(xs)))
		for _, x := range xs {
			b.WriteByte(0)
			b.WriteString(x)
		}
		b.WriteByte(0)
	}
	node = func(n *graph.PlanNode) {
		if n == nil {
			b.WriteByte('0')
			return
		}
		b.WriteByte('(')
		list('f', n.Fields)
		for _, pg := range n.Pages {
			b.WriteByte('[')
			b.WriteString(string(pg.Direction))
			b.WriteByte(0)
			for _, p := range pg.Predicates {
				b.WriteString(string(p))
				b.WriteByte('|')
			}
			// modalityWhere's text depends only on whether every
			// modality is asked for.
			if len(pg.Modalities) == len(graph.Modalities()) {
				b.WriteByte('A')
			} else {
				b.WriteByte('M')
			}
			if pg.After != nil {
				b.WriteByte('@')
			}
			if pg.Studies {
				b.WriteByte('S')
				list('s', pg.StudyFields)
			}
			list('c', pg.ClaimFields)
			node(pg.Subject)
			node(pg.Object)
			b.WriteByte(']')
		}
		b.WriteByte(')')
	}
	node(root)
	return b.String()
}

// planParams is the parameters compilePlan gives p: its pages numbered in
// the compiler's order (planCompiler.page: a page, then its subject's
// pages, then its object's), each set by pageParams as the compiler sets
// them.
func planParams(p graph.ReadPlan) map[string]any {
	params := map[string]any{"ids": uniq(p.IDs)}
	i := 0
	planPages(&p.Root, func(pg *graph.PlanPage) {
		pageParams(pg, strconv.Itoa(i), params)
		i++
	})
	return params
}
