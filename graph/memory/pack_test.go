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
	"unsafe"

	"github.com/kapgraph/kapgraph/graph"
)

// TestPackKeepsGraphAndSnapshots packs a loaded store and checks that the
// packed state is the same graph (flatten, against a build from scratch),
// that it is packed (vertices and trie nodes lie end to end in slabs, no
// node is owned by a load), and that loads, removals and a second pack
// after it leave the packed snapshot as it was: a slab slice a load
// appended into, or a packed node it changed in place, fails it.
func TestPackKeepsGraphAndSnapshots(t *testing.T) {
	docs := testDocs(t)
	s := New()
	half := len(docs) / 2
	for _, d := range docs[:half] {
		mustLoad(t, s, d)
	}
	unpacked := s.cur()
	before := flatten(t, unpacked)
	s.Pack()
	packed := s.cur()
	check(t, s, "packed")
	packedFlat := flatten(t, packed)
	if err := same(relink(packedFlat, before), before); err != nil {
		t.Fatalf("the packed state differs from the one packed: %v", err)
	}
	checkEntitiesPacked(t, unpacked, packed)
	if packed.version != 0 && packed.version != uint64(half) {
		t.Errorf("version %d after %d loads and a pack", packed.version, half)
	}

	// Packed: the vertices in walk order lie end to end, but for a slab's
	// end now and then; no trie node has an owner.
	var prev *vertex
	adjacent, n := 0, 0
	packed.vertices.all(func(_ string, v *vertex) bool {
		if prev != nil && uintptr(unsafe.Pointer(v)) == uintptr(unsafe.Pointer(prev))+unsafe.Sizeof(vertex{}) {
			adjacent++
		}
		prev, n = v, n+1
		return true
	})
	if n < 100 || adjacent < n-n/50 {
		t.Errorf("%d of %d vertices lie right after the one before them", adjacent, n)
	}
	var owned func(p *pnode[*vertex]) int
	owned = func(p *pnode[*vertex]) int {
		k := 0
		if p.owner != nil {
			k++
		}
		for _, sl := range p.slots {
			if sl.sub != nil {
				k += owned(sl.sub)
			} else if cap(sl.val.small) != len(sl.val.small) {
				k++
			}
		}
		return k
	}
	if k := owned(packed.vertices.root); k != 0 {
		t.Errorf("%d packed trie nodes have an owner or edge arrays room to grow", k)
	}
	for _, c := range packed.tokens.chunks {
		for _, tp := range c.items {
			for _, part := range tp.parts {
				if cap(part) != len(part) {
					t.Fatalf("posting part of %q has room to grow", tp.token)
				}
			}
		}
	}

	// One copy of each token, shared by the postings and the entities'
	// token lists.
	tokPtr := map[string]*byte{}
	for _, c := range packed.tokens.chunks {
		for _, tp := range c.items {
			tokPtr[tp.token] = unsafe.StringData(tp.token)
		}
	}
	shared := 0
	packed.entityToks.all(func(id string, l []string) bool {
		for _, tk := range l {
			if p, ok := tokPtr[tk]; ok {
				if p != unsafe.StringData(tk) {
					t.Fatalf("%s: token %q is a copy of its own", id, tk)
				}
				shared++
			}
		}
		return true
	})
	if shared == 0 {
		t.Error("no entity token is in the postings")
	}

	// Loads after the pack: the rest, changed versions, removals, a
	// second pack in between.
	r := rand.New(rand.NewPCG(3, 4))
	for i, d := range docs[half:] {
		mustLoad(t, s, d)
		if i == len(docs[half:])/2 {
			s.Pack()
		}
	}
	check(t, s, "loaded after packing")
	for _, d := range docs[:half/2] {
		mustLoad(t, s, changed(d, r, ""))
	}
	check(t, s, "changed after packing")
	for _, d := range docs[half/2 : half/2+3] {
		if ok, err := s.Remove(context.Background(), d.ID); err != nil || !ok {
			t.Fatalf("remove %s: %v, %v", d.ID, ok, err)
		}
	}
	check(t, s, "removed after packing")
	if err := same(flatten(t, packed), packedFlat); err != nil {
		t.Fatalf("later loads changed the packed snapshot: %v", err)
	}
}

// checkEntitiesPacked checks that the shared entities' records of packed
// are copies, none of them a record of unpacked (a Pack that leaves them
// where the loads made them fails it), with values that have no room to
// grow, and that the documents' arrays, the vertices and their lists of
// documents name the same copy.
func checkEntitiesPacked(t *testing.T, unpacked, packed *state) {
	t.Helper()
	old := map[*nodeRec]bool{}
	unpacked.docs.all(func(_ string, sd *storedDoc) bool {
		for _, r := range sd.nodes {
			old[r] = true
		}
		return true
	})
	inDoc := map[string]*nodeRec{} // doc + " " + id
	ents := 0
	packed.docs.all(func(id string, sd *storedDoc) bool {
		for _, r := range sd.nodes {
			if r.doc() != "" {
				continue
			}
			ents++
			if old[r] {
				t.Fatalf("%s: shared entity %s is the record the load made", id, r.id)
			}
			if cap(r.cols.refs) != len(r.cols.refs) || cap(r.cols.lists) != len(r.cols.lists) || cap(r.cols.ints) != len(r.cols.ints) {
				t.Fatalf("shared entity %s: values with room to grow", r.id)
			}
			inDoc[id+" "+r.id] = r
		}
		return true
	})
	if ents == 0 {
		t.Fatal("no shared entity in the documents")
	}
	packed.vertices.all(func(id string, v *vertex) bool {
		for _, dn := range v.names() {
			if dn.n.doc() == "" && inDoc[dn.doc+" "+id] != dn.n {
				t.Fatalf("vertex %s: document %s's record is not the one in its array", id, dn.doc)
			}
		}
		return true
	})
}

// relink is got with its documents and node records replaced by want's
// where they hold the same values (Pack copies the documents and the
// shared entities' records), so that same compares what they hold.
func relink(got, want *flat) *flat {
	rec := func(r *nodeRec) *nodeRec {
		if w := want.nodes[r.id]; w != nil && w.doc() == r.doc() && reflect.DeepEqual(w.node(), r.node()) && w.num == r.num {
			return w
		}
		for _, d := range want.docs {
			for _, w := range d.nodes {
				if w.id == r.id && w.num == r.num && reflect.DeepEqual(w.node(), r.node()) {
					return w
				}
			}
		}
		return r
	}
	out := *got
	out.docs = map[string]*storedDoc{}
	for id, d := range got.docs {
		w := want.docs[id]
		if w == nil || len(w.nodes) != len(d.nodes) || len(w.edges) != len(d.edges) || (len(d.edges) > 0 && &w.edges[0] != &d.edges[0]) || w.nextNum != d.nextNum || !slices.Equal(w.byID, d.byID) {
			out.docs[id] = d
			continue
		}
		out.docs[id] = w
		for i, r := range d.nodes {
			if rec(r) != w.nodes[i] {
				out.docs[id] = d
			}
		}
	}
	out.nodes = maps.Clone(got.nodes)
	for id, r := range out.nodes {
		out.nodes[id] = rec(r)
	}
	out.byCategory = map[graph.Category]map[string]*nodeRec{}
	for c, m := range got.byCategory {
		out.byCategory[c] = map[string]*nodeRec{}
		for id, r := range m {
			out.byCategory[c][id] = rec(r)
		}
	}
	out.tokens = map[string]map[string]*nodeRec{}
	for tk, m := range got.tokens {
		out.tokens[tk] = map[string]*nodeRec{}
		for id, r := range m {
			out.tokens[tk][id] = rec(r)
		}
	}
	return &out
}

// TestStrArena checks the arena's copies: equal to what was given, end to
// end in one block, a new block when one is full, a long string copied
// on its own, and none of them the caller's bytes.
func TestStrArena(t *testing.T) {
	var a strArena
	ptr := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	var got, want []string
	for i := range 3000 { // about 60 KiB: more than one block
		w := strings.Clone(fmt.Sprintf("KAP:node-%d", i))
		c := a.copy(w)
		if c != w || ptr(c) == ptr(w) {
			t.Fatalf("copy %d: %q at %x, given %q at %x", i, c, ptr(c), w, ptr(w))
		}
		got, want = append(got, c), append(want, w)
	}
	blocks := 1
	for i := 1; i < len(got); i++ {
		if ptr(got[i]) != ptr(got[i-1])+uintptr(len(got[i-1])) {
			blocks++
		}
	}
	size := 0
	for _, w := range want {
		size += len(w)
	}
	if wantBlocks := size/strArenaChunk + 1; blocks != wantBlocks {
		t.Errorf("%d runs of adjacent copies for %d bytes, want %d blocks", blocks, size, wantBlocks)
	}
	long := strings.Repeat("x", strArenaChunk/8+1)
	if c := a.copy(long); c != long || ptr(c) == ptr(long) {
		t.Error("a long string is not copied")
	}
	next := a.copy("after")
	if last := got[len(got)-1]; ptr(next) != ptr(last)+uintptr(len(last)) {
		t.Error("a long string took room in the block")
	}
	if a.copy("") != "" {
		t.Error("the empty string")
	}
}

// TestShortStringsNotTheCallers stores a document whose strings are
// allocations of their own and checks that the stored node ids, names,
// sections, synonyms, edge ends and claim strings are equal to them but
// none is the caller's string: a value kept as given fails it.
func TestShortStringsNotTheCallers(t *testing.T) {
	c := strings.Clone
	const docID = "KAP:doc-s"
	doc := &graph.Document{ID: c(docID), Nodes: []graph.Node{
		{ID: c("drug-a"), Name: c("alpha"), Category: graph.CategoryDrug, Synonyms: []string{c("al"), c("alfa")}},
		{ID: c("drug-b"), Name: c("beta"), Category: graph.CategoryDrug},
		{ID: c(docID + "/p1"), Name: c("A passage"), Category: graph.CategoryPassage, Section: c("Results"), Document: c(docID)},
	}, Edges: []graph.Edge{
		{ID: c(docID + "/c1"), Subject: c("drug-a"), Predicate: graph.Affects, Object: c("drug-b"), Sign: graph.Increases, Document: c(docID),
			Evidence: []graph.Evidence{{Quote: c("alpha raised beta"), Passage: c(docID + "/p1"), Section: c("Results"), Document: c(docID)}}},
	}}
	var given []string
	for _, n := range doc.Nodes {
		given = append(given, n.ID, n.Name, n.Section, n.Document)
		given = append(given, n.Synonyms...)
	}
	e := &doc.Edges[0]
	given = append(given, doc.ID, e.Subject, e.Object, e.Document, e.Evidence[0].Quote, e.Evidence[0].Passage, e.Evidence[0].Section)
	ptr := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	callers := func(what, s string) {
		t.Helper()
		for _, g := range given {
			if g != "" && ptr(s) == ptr(g) {
				t.Errorf("%s %q is the caller's string", what, s)
			}
		}
	}
	sd := storeDoc(doc, New().cur(), &strArena{})
	callers("document id", sd.id)
	for i, r := range sd.nodes {
		n := r.node()
		want := doc.Nodes[i]
		if n.ID != want.ID || n.Name != want.Name || n.Section != want.Section || strings.Join(n.Synonyms, ",") != strings.Join(want.Synonyms, ",") {
			t.Errorf("node %d comes back as %+v, want %+v", i, n, want)
		}
		callers("node id", r.id)
		callers("name", r.name())
		for _, o := range r.cols.refs {
			callers("value", r.cols.at(o))
		}
		for _, v := range r.cols.lists {
			callers("list element", v)
		}
	}
	ge := sd.edges[0].edge()
	if ge.Subject != "drug-a" || ge.Object != "drug-b" || ge.Evidence[0].Quote != "alpha raised beta" || ge.Evidence[0].Section != "Results" {
		t.Errorf("edge comes back as %+v", ge)
	}
	callers("subject", sd.edges[0].subject())
	callers("object", sd.edges[0].object())
	for _, v := range sd.edges[0].shape.claims.strs {
		callers("claim string", v)
	}
}
