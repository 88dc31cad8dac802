// Package memory is the embedded graph engine: the default, so that
// `kapgraph serve` answers on a fresh machine with nothing installed. It
// keeps every document in immutable indexes that a load swaps in whole,
// which gives readers the same all-or-nothing view of a reload that Neo4j's
// transactions give. The indexes are persistent structures (state.go): a
// load builds the next snapshot from the current one by copying only what
// its document changes, so loading a graph document by document costs
// about its size rather than the square of it. Nodes and edges are kept
// in compact records (noderec.go, edges.go), not as graph.Node and
// graph.Edge values: a read builds the values it returns, so the store
// pays for the fields a node has, not for every field any node may have.
// Edges are found by id through their document (edgeindex.go), not
// through an index entry per edge, and a plain edge's id is kept without
// the document's id it begins with. The search postings name nodes by
// number (nodenums.go), and a vertex keeps its short edge lists in place
// (vertex.go). The owned nodes of a document keep their values in one
// pair of arrays (nodeCols), not two slices a node.
package memory

import (
	"context"
	"hash/maphash"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/kapgraph/kapgraph/graph"
)

// Store is the embedded engine. Returned nodes and edges must not be
// modified: a node is built for the read that returns it, but its lists,
// and a claim, are shared with the store.
type Store struct {
	mu    sync.Mutex // serialises loads; reads never take it
	state atomic.Pointer[state]
	// sources are the files documents were loaded from (LoadFrom), by
	// document id; guarded by mu.
	sources map[string]graph.DocumentSource
	// strs holds the loads' short strings (strarena.go); guarded by mu.
	strs strArena
}

var (
	_ graph.Store       = (*Store)(nil)
	_ graph.CorpusStore = (*Store)(nil)
)

// New returns an empty store.
func New() *Store {
	s := &Store{}
	s.state.Store(emptyState(seededHash(maphash.MakeSeed())))
	return s
}

type sortKey struct {
	cat   graph.Category
	order graph.NodeOrder
}

func (s *Store) cur() *state { return s.state.Load() }

// Load implements graph.Store.
func (s *Store) Load(ctx context.Context, doc *graph.Document) (*graph.LoadResult, error) {
	return s.load(ctx, doc, nil)
}

// LoadFrom implements graph.CorpusStore.
func (s *Store) LoadFrom(ctx context.Context, doc *graph.Document, src graph.DocumentSource) (*graph.LoadResult, error) {
	src.Document = doc.ID
	return s.load(ctx, doc, &src)
}

// Sources implements graph.CorpusStore.
func (s *Store) Sources(ctx context.Context) ([]graph.DocumentSource, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]graph.DocumentSource, 0, len(s.sources))
	for _, src := range s.sources {
		out = append(out, src)
	}
	return out, nil
}

func (s *Store) load(ctx context.Context, doc *graph.Document, src *graph.DocumentSource) (*graph.LoadResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.WrapError(graph.ETIMEOUT, err, "load")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.cur()
	if err := doc.Validate(func(id string) bool {
		n := old.node(id)
		return n != nil && n.doc() == ""
	}); err != nil {
		return nil, err
	}
	if uint64(old.nextNum)+uint64(len(doc.Nodes)) > maxNodeNum {
		return nil, graph.Errorf(graph.ELIMIT, "load %s: the embedded store has numbered %d node versions since it started, and cannot number %d more; restart it to load", doc.ID, old.nextNum, len(doc.Nodes))
	}
	sd := storeDoc(doc, old, &s.strs)
	res := &graph.LoadResult{Document: doc.ID, Nodes: len(sd.nodes), Edges: len(sd.edges)}
	if prev, ok := old.docs.get(doc.ID); ok {
		res.Replaced = true
		for _, n := range prev.nodes {
			if n.doc() == doc.ID {
				res.RemovedNodes++
			}
		}
		res.RemovedEdges = len(prev.edges)
	}
	s.state.Store(old.apply(sd.id, sd))
	// A plain Load forgets the file the document came from: it no longer
	// holds that file's content.
	delete(s.sources, doc.ID)
	if src != nil {
		if s.sources == nil {
			s.sources = map[string]graph.DocumentSource{}
		}
		s.sources[doc.ID] = *src
	}
	return res, nil
}

// Pack copies the store's indexes into few large arrays once a large
// load is done (pack.go), so that the load's garbage no longer pins the
// memory they sit in; kapgraph serve calls it after its initial load,
// before memlimit.Settle hands the freed memory back. Readers see the
// same graph throughout, and loads may follow.
func (s *Store) Pack() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Store(s.cur().packed())
}

// Remove takes a document out, as if it had never been loaded: its nodes
// and edges go, shared entities stay while another document names them,
// and edges of other documents that pointed at its nodes dangle as they
// would after a fresh load without it. It reports whether the document was
// there. It implements graph.CorpusStore, for incremental ingest, and serves the
// tests that check incremental updates against a build from scratch.
func (s *Store) Remove(ctx context.Context, id string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, graph.WrapError(graph.ETIMEOUT, err, "remove")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.cur()
	if _, ok := old.docs.get(id); !ok {
		return false, nil
	}
	delete(s.sources, id)
	s.state.Store(old.apply(id, nil))
	return true, nil
}

// Node implements graph.Store.
func (s *Store) Node(ctx context.Context, id string) (*graph.Node, error) {
	if n := s.cur().node(id); n != nil {
		return n.node(), nil
	}
	return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", id)
}

// NodesByID implements graph.Store.
func (s *Store) NodesByID(ctx context.Context, ids []string) ([]*graph.Node, error) {
	st := s.cur()
	out := make([]*graph.Node, 0, len(ids))
	for _, id := range uniq(ids) {
		if n := st.node(id); n != nil {
			out = append(out, n.node())
		}
	}
	return out, nil
}

// EdgesByID implements graph.Store.
func (s *Store) EdgesByID(ctx context.Context, ids []string) ([]*graph.Edge, error) {
	st := s.cur()
	out := make([]*graph.Edge, 0, len(ids))
	var view edgeView
	for _, id := range uniq(ids) {
		if e := st.edge(id); e != nil {
			out = append(out, view.withID(e, id))
		}
	}
	return out, nil
}

func uniq(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}

// ListNodes implements graph.Store.
func (s *Store) ListNodes(ctx context.Context, q graph.NodeQuery) (*graph.NodePage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	sl := st.sortedNodes(q.Category, q.OrderBy)
	all := sl.recs
	var after *graph.Cursor
	if q.After != "" {
		c, _ := graph.DecodeCursor(q.After)
		after = &c
	}
	page := &graph.NodePage{}
	n := len(all)
	// What matching reads of each node is built into nd; only the nodes
	// on the page are built whole.
	var nd graph.Node
	for i := 0; i < n; i++ {
		j := i
		if q.Descending {
			j = n - 1 - i
		}
		r := all[j]
		r.fillForQuery(&nd, q)
		if q.OrderBy == graph.OrderByYear && pastYearBound(nd.Year, q) {
			break
		}
		if !graph.MatchNode(&nd, q) {
			continue
		}
		page.TotalCount++
		key := sl.keys[j]
		if after != nil && !graph.CursorAfter(key, nd.ID, *after, q.Descending) {
			continue
		}
		if len(page.Nodes) == q.First {
			page.HasNext = true
			continue
		}
		page.Nodes = append(page.Nodes, r.node())
		page.Cursors = append(page.Cursors, graph.EncodeCursor(graph.Cursor{Key: key, ID: nd.ID}))
	}
	if len(page.Cursors) > 0 {
		page.StartCursor, page.EndCursor = page.Cursors[0], page.Cursors[len(page.Cursors)-1]
	}
	return page, nil
}

// pastYearBound: in a walk by year, the first node past the query's year
// bound ends the walk, since every node after it lies further past (a node
// without a year sorts first, as year 0, and YearTo excludes it anyway).
func pastYearBound(year int, q graph.NodeQuery) bool {
	if q.Descending {
		return q.YearFrom > 0 && year < q.YearFrom
	}
	return q.YearTo > 0 && year > q.YearTo
}

// sortedList is one category's nodes in one order, with each node's sort
// key beside it: a page walks the whole list (for the filter and
// totalCount), and building the key per node per request (a string for a
// year) allocated as many strings as the category has nodes, enough at 1M
// to set off a collection of the whole heap every few pages.
type sortedList struct {
	recs []*nodeRec
	keys []string // keys[i] is graph.SortKey of recs[i]
}

func (st *state) sortedNodes(cat graph.Category, order graph.NodeOrder) *sortedList {
	k := sortKey{cat, order}
	st.sortedMu.Lock()
	defer st.sortedMu.Unlock()
	if sl, ok := st.sorted[k]; ok {
		return sl
	}
	var ns []*nodeRec
	if cat == "" {
		ns = make([]*nodeRec, 0, st.nodeCount)
		for n := range st.allNodes {
			ns = append(ns, n)
		}
	} else {
		for n := range st.categoryNodes(cat) {
			ns = append(ns, n)
		}
	}
	keys := make(map[*nodeRec]string, len(ns))
	var nd graph.Node
	for _, n := range ns {
		n.fill(&nd)
		keys[n] = graph.SortKey(&nd, order)
	}
	sort.Slice(ns, func(i, j int) bool {
		a, b := keys[ns[i]], keys[ns[j]]
		if a != b {
			return a < b
		}
		return ns[i].id < ns[j].id
	})
	sl := &sortedList{recs: ns, keys: make([]string, len(ns))}
	for i, n := range ns {
		sl.keys[i] = keys[n]
	}
	st.sorted[k] = sl
	return sl
}

// EdgesOf implements graph.Store.
func (s *Store) EdgesOf(ctx context.Context, q graph.EdgeQuery) ([]*graph.Edge, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	allowed := predicateSet(q.Predicates, true)
	seen := map[string]bool{}
	var out []*graph.Edge
	var view edgeView
	add := func(es adj) {
		for e := range es.all {
			if !allowed(e.predicate()) {
				continue
			}
			if id := e.id(); !seen[id] {
				seen[id] = true
				out = append(out, view.withID(e, id))
			}
		}
	}
	for _, id := range uniq(q.NodeIDs) {
		if q.Direction != graph.In {
			add(st.outOf(id))
		}
		if q.Direction != graph.Out {
			add(st.inOf(id))
		}
	}
	return out, nil
}

// predicateSet makes a membership test; an empty list means every
// predicate when emptyAll is set.
func predicateSet(ps []graph.Predicate, emptyAll bool) func(graph.Predicate) bool {
	if len(ps) == 0 && emptyAll {
		return func(graph.Predicate) bool { return true }
	}
	m := map[graph.Predicate]bool{}
	for _, p := range ps {
		m[p] = true
	}
	return func(p graph.Predicate) bool { return m[p] }
}

// Neighborhood implements graph.Store.
func (s *Store) Neighborhood(ctx context.Context, q graph.NeighborhoodQuery) (*graph.Subgraph, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	if st.node(q.ID) == nil {
		return nil, graph.Errorf(graph.ENOTFOUND, "no node with id %q", q.ID)
	}
	allowed := predicateSet(q.Predicates, false)
	neighbours := func(frontier []string) []string {
		var next []string
		for _, id := range frontier {
			v := st.vertex(id)
			if v == nil {
				continue
			}
			for e := range v.out().all {
				if allowed(e.predicate()) {
					next = append(next, e.object())
				}
			}
			for e := range v.in().all {
				if allowed(e.predicate()) {
					next = append(next, e.subject())
				}
			}
		}
		return next
	}
	ids, truncated := graph.ExpandNeighborhood(q, neighbours)
	sub := &graph.Subgraph{Truncated: truncated}
	in := map[string]bool{}
	var view edgeView
	for _, id := range ids {
		in[id] = true
		sub.Nodes = append(sub.Nodes, st.node(id).node())
	}
	for _, id := range ids {
		for e := range st.outOf(id).all {
			if allowed(e.predicate()) && in[e.object()] {
				sub.Edges = append(sub.Edges, view.of(e))
			}
		}
	}
	graph.SortSubgraph(sub)
	return sub, nil
}

// Paths implements graph.Store.
func (s *Store) Paths(ctx context.Context, q graph.PathQuery) ([]*graph.Path, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	if err := st.mustExist(q.From, q.To, q.Via); err != nil {
		return nil, err
	}
	ps, err := st.pathSearch(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.resolved(ps.Run(ctx))
}

// ShortestPath implements graph.Store: the first of Paths.
func (s *Store) ShortestPath(ctx context.Context, q graph.PathQuery) (*graph.Path, error) {
	q.First = 1
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	st := s.cur()
	if err := st.mustExist(q.From, q.To, q.Via); err != nil {
		return nil, err
	}
	search, err := st.pathSearch(ctx, q)
	if err != nil {
		return nil, err
	}
	ps, err := st.resolved(search.Run(ctx))
	if err != nil || len(ps) == 0 {
		return nil, err
	}
	return ps[0], nil
}

// resolved gives found paths their nodes whole, as Neo4j's does.
func (st *state) resolved(ps []*graph.Path, err error) ([]*graph.Path, error) {
	if err == nil {
		graph.ResolvePathNodes(ps, st.nodeOut)
	}
	return ps, err
}

// pathSearch is the search for a normalized PathQuery: paths end at the
// target and never run on past it. No simple path returns to its start,
// so a question from a node to itself searches nothing.
func (st *state) pathSearch(ctx context.Context, q graph.PathQuery) (graph.PathSearch, error) {
	if q.From == q.To {
		return graph.PathSearch{}, nil
	}
	allowed := predicateSet(q.Predicates, false)
	view := newEdgeView()
	arcs, err := graph.MeetInTheMiddle(ctx, q.From, q.To, q.MaxHops,
		st.arcs(view, allowed, nil, !q.Directed), st.arcsIn(view, allowed, nil, !q.Directed))
	return graph.PathSearch{
		From: q.From, MaxHops: q.MaxHops, First: q.First, Order: graph.OrderShortestFirst,
		Arcs:       arcs,
		Accept:     func(id string) (bool, bool) { return id == q.To, id != q.To },
		StatedOnly: q.StatedOnly, Via: q.Via, Modalities: q.Modalities,
	}, err
}

// MechanismPaths implements graph.Store.
func (s *Store) MechanismPaths(ctx context.Context, q graph.MechanismPathQuery) ([]*graph.Path, error) {
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
	return st.resolved(st.mechanismSearch(q, to).Run(ctx))
}
