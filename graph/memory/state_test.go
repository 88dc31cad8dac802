package memory

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// flat is a state spelled out in plain maps, so that the state a sequence
// of incremental loads leaves can be compared with one built from scratch
// out of the same documents. Pointers are compared by identity: the
// incremental state must hold the very node and edge versions a fresh
// build would pick.
type flat struct {
	docs       map[string]*storedDoc
	nodes      map[string]*nodeRec
	edges      map[string]*edgeRec
	versions   map[string][]*edgeRec // of the ids more than one document has
	out, in    map[string][]*edgeRec
	byCategory map[graph.Category]map[string]*nodeRec
	tokens     map[string]map[string]*nodeRec
	stats      *graph.Stats
	meta       []*graph.MetaEdge
}

// scratch builds the flat state of docs the way the store did before it
// was incremental: everything from all documents at once.
func scratch(docs map[string]*storedDoc) *flat {
	f := &flat{
		docs: docs, nodes: map[string]*nodeRec{}, edges: map[string]*edgeRec{}, versions: map[string][]*edgeRec{},
		out: map[string][]*edgeRec{}, in: map[string][]*edgeRec{},
		byCategory: map[graph.Category]map[string]*nodeRec{}, tokens: map[string]map[string]*nodeRec{},
	}
	ids := slices.Sorted(maps.Keys(docs))
	for _, id := range ids {
		d := docs[id]
		for _, n := range d.nodes {
			f.nodes[n.id] = n
		}
	}
	for _, id := range ids {
		d := docs[id]
		for i := range d.edges {
			e := &d.edges[i]
			f.edges[e.id()] = e
			f.versions[e.id()] = append(f.versions[e.id()], e)
			f.out[e.subject()] = append(f.out[e.subject()], e)
			f.in[e.object()] = append(f.in[e.object()], e)
		}
	}
	maps.DeleteFunc(f.versions, func(_ string, es []*edgeRec) bool { return len(es) < 2 })
	cats, preds, designs, levels, years, concerns := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, r := range f.nodes {
		n := r.node()
		if f.byCategory[n.Category] == nil {
			f.byCategory[n.Category] = map[string]*nodeRec{}
		}
		f.byCategory[n.Category][n.ID] = r
		// The texts a node is found by (graph.SearchFieldsOf).
		for _, fd := range graph.SearchFieldsOf(n) {
			for _, t := range graph.SearchTokens(fd.Text) {
				if f.tokens[t] == nil {
					f.tokens[t] = map[string]*nodeRec{}
				}
				f.tokens[t][n.ID] = r
			}
		}
		cats[string(n.Category)]++
		switch n.Category {
		case graph.CategoryStudy:
			designs[n.Design]++
			levels[graph.EvidenceLevelKey(n.EvidenceLevel)]++
			if n.Year > 0 {
				years[graph.YearKey(n.Year)]++
			}
		case graph.CategoryCitationConcern:
			concerns[n.ConcernKind]++
		}
	}
	meta := map[metaTriple]int{}
	for _, r := range f.edges {
		e := r.edge()
		preds[string(e.Predicate)]++
		s, o := f.nodes[e.Subject], f.nodes[e.Object]
		if s != nil && o != nil {
			meta[metaTriple{s.category(), e.Predicate, o.category()}]++
		}
	}
	for t, c := range meta {
		f.meta = append(f.meta, &graph.MetaEdge{Subject: t.s, Predicate: t.p, Object: t.o, Count: c})
	}
	graph.SortMeta(f.meta)
	f.stats = &graph.Stats{
		Nodes: len(f.nodes), Edges: len(f.edges), Documents: len(docs),
		ByCategory: graph.Counts(cats), ByPredicate: graph.Counts(preds),
		ByDesign: graph.Counts(designs), ByEvidenceLevel: graph.Counts(levels),
		ByYear: graph.Counts(years), ByConcernKind: graph.Counts(concerns),
	}
	return f
}

// flatten spells out st, checking on the way the invariants the
// persistent structures rely on.
func flatten(t *testing.T, st *state) *flat {
	t.Helper()
	f := &flat{
		docs: map[string]*storedDoc{}, nodes: map[string]*nodeRec{}, edges: map[string]*edgeRec{}, versions: map[string][]*edgeRec{},
		out: map[string][]*edgeRec{}, in: map[string][]*edgeRec{},
		byCategory: map[graph.Category]map[string]*nodeRec{}, tokens: map[string]map[string]*nodeRec{},
		stats: st.stats, meta: st.meta,
	}
	count := func(name string, n, want int) {
		if n != want {
			t.Errorf("%s holds %d entries but says %d", name, n, want)
		}
	}
	n := 0
	for id, d := range st.docs.all {
		f.docs[id] = d
		n++
	}
	count("docs", n, st.docs.len())
	n = 0
	for e := range st.allEdges {
		n++
		if f.edges[e.id()] != nil {
			t.Errorf("edge %s listed twice", e.id())
		}
		f.edges[e.id()] = e
		es := st.edgeVersions(e.id())
		if !slices.IsSortedFunc(es, func(a, b *edgeRec) int { return strings.Compare(a.document(), b.document()) }) ||
			len(slices.CompactFunc(slices.Clone(es), func(a, b *edgeRec) bool { return a.document() == b.document() })) != len(es) {
			t.Errorf("edge %s: versions not sorted by document, or one document's twice", e.id())
		}
		if e != es[len(es)-1] {
			t.Errorf("edge %s: the version in force is not the last document's", e.id())
		}
		if len(es) > 1 {
			f.versions[e.id()] = es
		}
	}
	count("edges", n, st.edgeCount)
	for id, es := range st.foreign.all {
		if len(es) == 0 || slices.ContainsFunc(es, func(r *edgeRec) bool { return ownEdge(r.document(), id) }) {
			t.Errorf("edge %s: foreign versions %v empty or found through their document", id, es)
		}
	}
	n = 0
	nodes, entities := 0, 0
	for id, v := range st.vertices.all {
		n++
		if v.empty() {
			t.Errorf("vertex %s is empty but kept", id)
		}
		if v.node != nil {
			nodes++
			f.nodes[id] = v.node
			if st.nums.get(v.node.num) != v.node {
				t.Errorf("vertex %s: its node's number %d gives another record", id, v.node.num)
			}
		}
		var toks []string
		if v.node != nil && v.node.doc() == "" {
			toks = nodeTokens(v.node.node())
			entities++
		}
		if kept, _ := st.entityToks.get(id); !slices.Equal(kept, toks) {
			t.Errorf("vertex %s keeps tokens %q, want %q", id, kept, toks)
		}
		if named := v.named(); named != nil && len(named) < 2 && named[0].doc == v.node.doc() {
			t.Errorf("vertex %s lists its one document", id)
		}
		for _, l := range []adj{v.out(), v.in()} {
			if len(l.one) > 0 && len(l.parts) > 0 {
				t.Errorf("vertex %s: a way in small and in more", id)
			}
			for _, p := range l.asParts() {
				if len(p) == 0 || len(p) > 2*partSize {
					t.Errorf("vertex %s: edge part of %d", id, len(p))
				}
			}
		}
		if !v.out().empty() {
			f.out[id] = slices.Collect(v.out().all)
		}
		if !v.in().empty() {
			f.in[id] = slices.Collect(v.in().all)
		}
	}
	count("vertices", n, st.vertices.len())
	count("numbered nodes", vecLen(st.nums.root), st.nodeCount)
	count("entity tokens", entities, st.entityToks.len())
	count("nodes", nodes, st.nodeCount)
	for id, nd := range f.nodes {
		c := nd.category()
		if f.byCategory[c] == nil {
			f.byCategory[c] = map[string]*nodeRec{}
		}
		f.byCategory[c][id] = nd
	}
	for c := range f.byCategory {
		n := 0
		for nd := range st.categoryNodes(c) {
			if f.byCategory[c][nd.id] != nd {
				t.Errorf("category %s lists %s, which is not the node in force", c, nd.id)
			}
			n++
		}
		count(string(c), n, len(f.byCategory[c]))
	}
	last := ""
	for _, c := range st.tokens.chunks {
		if len(c.items) == 0 || len(c.items) > 2*chunkSize {
			t.Errorf("token chunk of %d", len(c.items))
		}
		for _, tp := range c.items {
			if tp.token <= last && last != "" {
				t.Errorf("token %q after %q", tp.token, last)
			}
			last = tp.token
			m := map[string]*nodeRec{}
			prev := -1
			for _, p := range tp.parts {
				if len(p) == 0 || len(p) > 2*partSize {
					t.Errorf("token %q: part of %d", tp.token, len(p))
				}
			}
			for _, p := range tp.parts {
				for _, k := range p {
					if int(k) <= prev {
						t.Errorf("token %q: node number %d after %d", tp.token, k, prev)
					}
					prev = int(k)
				}
			}
			for nd := range tp.nodes(st.nums) {
				if nd == nil {
					t.Errorf("token %q lists a node number that names no node in force", tp.token)
					continue
				}
				m[nd.id] = nd
			}
			if len(m) == 0 {
				t.Errorf("token %q kept with no nodes", tp.token)
			}
			f.tokens[tp.token] = m
		}
	}
	return f
}

// same reports the first difference between two flat states.
func same(got, want *flat) error {
	switch {
	case !maps.Equal(got.docs, want.docs):
		return fmt.Errorf("documents differ")
	case !maps.Equal(got.nodes, want.nodes):
		return fmt.Errorf("nodes differ: %d vs %d", len(got.nodes), len(want.nodes))
	case !maps.Equal(got.edges, want.edges):
		return fmt.Errorf("edges differ: %d vs %d", len(got.edges), len(want.edges))
	case !maps.EqualFunc(got.versions, want.versions, slices.Equal):
		return fmt.Errorf("edge versions differ: %d vs %d ids", len(got.versions), len(want.versions))
	case !maps.EqualFunc(got.out, want.out, slices.Equal):
		return fmt.Errorf("outgoing adjacency differs")
	case !maps.EqualFunc(got.in, want.in, slices.Equal):
		return fmt.Errorf("incoming adjacency differs")
	case !maps.EqualFunc(got.byCategory, want.byCategory, maps.Equal):
		return fmt.Errorf("category lists differ")
	case !maps.EqualFunc(got.tokens, want.tokens, maps.Equal):
		for tok, m := range want.tokens {
			if !maps.Equal(got.tokens[tok], m) {
				return fmt.Errorf("postings of %q differ: %d vs %d nodes", tok, len(got.tokens[tok]), len(m))
			}
		}
		return fmt.Errorf("search postings differ: %d vs %d tokens", len(got.tokens), len(want.tokens))
	case !reflect.DeepEqual(got.stats, want.stats):
		return fmt.Errorf("stats differ:\n got %+v\nwant %+v", got.stats, want.stats)
	case !reflect.DeepEqual(got.meta, want.meta):
		return fmt.Errorf("meta-graph differs")
	}
	return nil
}

// check compares the store's state with a build from scratch of its own
// documents.
func check(t *testing.T, s *Store, step string) {
	t.Helper()
	got := flatten(t, s.cur())
	if err := same(got, scratch(got.docs)); err != nil {
		t.Fatalf("%s: incremental state differs from a build from scratch: %v", step, err)
	}
}

// testDocs are the seeds and a small synthetic corpus, whose documents
// share entities heavily.
func testDocs(t *testing.T) []*graph.Document {
	docs := storetest.Seeds(t)
	if err := synth.All(synth.Config{Nodes: 3000, Passages: 120}, 2, func(i int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return docs
}

func mustLoad(t *testing.T, s *Store, d *graph.Document) {
	t.Helper()
	if _, err := s.Load(context.Background(), d); err != nil {
		t.Fatalf("load %s: %v", d.ID, err)
	}
}

// changed is a new version of d: some edges dropped, owned nodes no edge
// needs any more dropped, names and synonyms changed (so search tokens
// move), an owned node moved to another category, and, when reuse is set,
// an edge taking the id of another document's edge.
func changed(d *graph.Document, r *rand.Rand, reuse string) *graph.Document {
	c := &graph.Document{ID: d.ID}
	used := map[string]bool{}
	for i, e := range d.Edges {
		if i%3 != 1 {
			c.Edges = append(c.Edges, e)
			used[e.Subject], used[e.Object] = true, true
		}
	}
	moved := false
	for _, n := range d.Nodes {
		if n.Document == d.ID && !used[n.ID] && r.IntN(2) == 0 {
			continue
		}
		switch r.IntN(6) {
		case 0:
			n.Name = fmt.Sprintf("renamed %s zyzzyva%d", n.Name, r.IntN(5))
		case 1:
			n.Synonyms = append(slices.Clone(n.Synonyms), "quuxal")
		case 2:
			if n.Document == d.ID && !moved && n.Category != graph.CategoryStudy {
				n.Category, moved = graph.CategoryCitationConcern, true
				n.ConcernKind = "moved"
			}
		}
		c.Nodes = append(c.Nodes, n)
	}
	if reuse != "" && len(c.Edges) > 0 {
		e := c.Edges[0]
		e.ID = reuse
		c.Edges = append(c.Edges, e)
	}
	return c
}

// TestIncrementalMatchesScratch loads, reloads changed versions of, and
// removes documents in a shuffled order, and after every step compares the
// state with one built from scratch from the same documents.
func TestIncrementalMatchesScratch(t *testing.T) {
	docs := testDocs(t)
	if len(docs) < 10 {
		t.Fatalf("only %d test documents", len(docs))
	}
	r := rand.New(rand.NewPCG(1, 2))
	s := New()
	check(t, s, "empty")
	order := r.Perm(len(docs))
	for _, i := range order {
		mustLoad(t, s, docs[i])
		check(t, s, "load "+docs[i].ID)
	}
	mustLoad(t, s, docs[order[0]])
	check(t, s, "identical reload")

	// Reload changed versions, some reusing another document's edge id.
	for k, i := range order[:len(order)/2] {
		reuse := ""
		if k%2 == 0 {
			other := docs[order[len(order)-1-k]]
			if len(other.Edges) > 0 {
				reuse = other.Edges[0].ID
			}
		}
		d := changed(docs[i], r, reuse)
		mustLoad(t, s, d)
		check(t, s, "changed "+d.ID)
	}

	// A document whose id sorts last overrides a shared entity with
	// another category, and names an owned node of another document as a
	// shared one: both change what the other documents' edges resolve to.
	var shared, owned graph.Node
	for _, d := range docs[len(docs)-3:] {
		for _, n := range d.Nodes {
			if n.Document == "" && shared.ID == "" && n.Category == graph.CategoryDrug {
				shared = n
			}
			if n.Document != "" && owned.ID == "" && n.Category == graph.CategoryPassage {
				owned = n
			}
		}
	}
	if shared.ID == "" || owned.ID == "" {
		t.Fatal("no shared drug or owned passage to override")
	}
	shared.Category, shared.Name = graph.CategoryMechanism, "overridden"
	owned.Document = ""
	last := &graph.Document{ID: "zzz-override", Nodes: []graph.Node{shared, owned}, Edges: []graph.Edge{
		{ID: "zzz-override.e1", Subject: shared.ID, Predicate: graph.Affects, Sign: graph.Increases, Object: owned.ID, Document: "zzz-override"},
	}}
	mustLoad(t, s, last)
	check(t, s, "override")
	removed, err := s.Remove(context.Background(), last.ID)
	if err != nil || !removed {
		t.Fatalf("remove %s: %v, %v", last.ID, removed, err)
	}
	check(t, s, "remove override")
	mustLoad(t, s, last)
	check(t, s, "override again")

	// Replace documents by empty versions, then remove everything.
	for _, i := range order[len(order)/2 : len(order)/2+3] {
		mustLoad(t, s, &graph.Document{ID: docs[i].ID})
		check(t, s, "emptied "+docs[i].ID)
	}
	ids := slices.Sorted(maps.Keys(flatten(t, s.cur()).docs))
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for _, id := range ids {
		if ok, err := s.Remove(context.Background(), id); err != nil || !ok {
			t.Fatalf("remove %s: %v, %v", id, ok, err)
		}
		check(t, s, "remove "+id)
	}
	if ok, _ := s.Remove(context.Background(), "absent"); ok {
		t.Error("removing an absent document reported true")
	}
	if st := s.cur(); st.vertices.len() != 0 || st.edgeCount != 0 || st.foreign.len() != 0 || len(st.docLens) != 0 || len(st.tokens.chunks) != 0 || st.entityToks.len() != 0 {
		t.Errorf("after removing everything: %d vertices, %d edges, %d token chunks, %d entities' tokens",
			st.vertices.len(), st.edgeCount, len(st.tokens.chunks), st.entityToks.len())
	}
}
