package memory

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestStoredEdgesRoundTrip checks that every edge of the test corpus comes
// back from its stored form equal to what was loaded, that the lexical
// edges are stored plain, and that a document's plain edges of one kind
// share one shape.
func TestStoredEdgesRoundTrip(t *testing.T) {
	plain, full := 0, 0
	for _, d := range testDocs(t) {
		sd := storeDoc(d, New().cur(), &strArena{})
		if len(sd.edges) != len(d.Edges) || len(sd.nodes) != len(d.Nodes) {
			t.Fatalf("%s: stored %d nodes and %d edges of %d and %d", d.ID, len(sd.nodes), len(sd.edges), len(d.Nodes), len(d.Edges))
		}
		// A shape without its ends table, which every shape of a
		// document shares.
		type shapeOnly struct {
			predicate                                    graph.Predicate
			biolink, knowledgeLevel, agentType, document string
			score                                        float64
		}
		shapes := map[shapeOnly]*edgeShape{}
		// The edges of one kind, plain or kept in full, share one shape; the
		// full ones keep their score in the graph.Edge.
		for i := range sd.edges {
			r := &sd.edges[i]
			if got := r.edge(); !reflect.DeepEqual(got, &d.Edges[i]) {
				t.Fatalf("%s: edge %d comes back as\n%+v\nwant\n%+v", d.ID, i, got, d.Edges[i])
			}
			if r.claim() == nil {
				plain++
			} else {
				full++
				if ev := d.Edges[i].Evidence; len(ev) > 0 && &r.edge().Evidence[0] == &ev[0] {
					t.Fatalf("%s: edge %s shares the caller's evidence", d.ID, r.id())
				}
			}
			k := shapeOnly{r.shape.predicate, r.shape.biolink, r.shape.knowledgeLevel, r.shape.agentType, r.shape.document, r.shape.score}
			if sh, ok := shapes[k]; ok && sh != r.shape {
				t.Fatalf("%s: two copies of the shape %+v", d.ID, k)
			}
			shapes[k] = r.shape
		}
	}
	if plain == 0 || full == 0 {
		t.Fatalf("%d plain and %d full edges: the corpus should have both", plain, full)
	}
	if plain < 10*full {
		t.Errorf("only %d of %d edges stored plain", plain, plain+full)
	}
}

// TestPlainEdgeSeesEveryField sets each field of graph.Edge and of its
// Qualifiers in turn and checks that plainEdge keeps an edge in full
// exactly when edgeRec.edge would lose the field: a field added to
// graph.Edge fails here until plainEdge or edgeRec learns it.
func TestPlainEdgeSeesEveryField(t *testing.T) {
	kept := map[string]bool{"ID": true, "Subject": true, "Predicate": true, "Object": true, "Biolink": true,
		"KnowledgeLevel": true, "AgentType": true, "Document": true, "Score": true}
	try := func(name string, e *graph.Edge) {
		t.Helper()
		r := storeDoc(&graph.Document{Edges: []graph.Edge{*e}}, New().cur(), &strArena{}).edges[0]
		if !reflect.DeepEqual(r.edge(), e) {
			t.Errorf("%s: the stored edge loses the field", name)
		}
		if wantPlain := kept[name]; plainEdge(e) != wantPlain {
			t.Errorf("%s: plainEdge is %v, want %v", name, plainEdge(e), wantPlain)
		}
	}
	et := reflect.TypeFor[graph.Edge]()
	for i := range et.NumField() {
		f := et.Field(i)
		if f.Name == "Qualifiers" {
			qt := f.Type
			for j := range qt.NumField() {
				var e graph.Edge
				setNonZero(t, reflect.ValueOf(&e.Qualifiers).Elem().Field(j))
				try("Qualifiers."+qt.Field(j).Name, &e)
			}
			continue
		}
		var e graph.Edge
		setNonZero(t, reflect.ValueOf(&e).Elem().Field(i))
		try(f.Name, &e)
	}
}

// setNonZero gives v some value other than its zero.
func setNonZero(t *testing.T, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Float64:
		v.SetFloat(0.5)
	case reflect.Int:
		v.SetInt(1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	default:
		t.Fatalf("no non-zero value for a %s", v.Kind())
	}
}

// TestSharedEntitiesStoredOnce loads two reviews naming the same entity,
// and a third naming it differently, and checks that equal versions are
// one node and a different one is not.
func TestSharedEntitiesStoredOnce(t *testing.T) {
	ent := graph.Node{ID: "CHEBI:1", Category: graph.CategoryDrug, Name: "ketamine", Synonyms: []string{"k"}}
	doc := func(id string, e graph.Node) *graph.Document {
		return &graph.Document{ID: id, Nodes: []graph.Node{e, {ID: id + "/p1", Category: graph.CategoryPassage, Name: "p", Document: id}},
			Edges: []graph.Edge{{ID: id + "/e1", Subject: id + "/p1", Predicate: graph.Mentions, Object: e.ID, Document: id}}}
	}
	s := New()
	mustLoad(t, s, doc("a", ent))
	first := s.cur().node(ent.ID)
	copyOf := ent
	copyOf.Synonyms = []string{"k"}
	mustLoad(t, s, doc("b", copyOf))
	st := s.cur()
	if st.node(ent.ID) != first {
		t.Fatal("an equal version of a shared entity was stored again")
	}
	for _, id := range []string{"a", "b"} {
		d, _ := st.docs.get(id)
		if d.nodes[0] != first {
			t.Errorf("document %s does not hold the one stored version", id)
		}
	}
	other := ent
	other.Synonyms = nil
	mustLoad(t, s, doc("c", other))
	st = s.cur()
	if n := st.node(ent.ID); n == first || !reflect.DeepEqual(n.node(), &other) {
		t.Errorf("a different version came back as %+v", n)
	}
	check(t, s, "after c")
	if ok, err := s.Remove(context.Background(), "c"); !ok || err != nil {
		t.Fatalf("remove c: %v %v", ok, err)
	}
	if s.cur().node(ent.ID) != first {
		t.Error("removing c did not bring back the version a and b share")
	}
	check(t, s, "after removing c")
}

// TestEdgeIDSharedByThreeDocuments gives three documents an edge with the
// same id and takes them out again in an order that leaves two versions
// behind, checking the version in force at each step.
func TestEdgeIDSharedByThreeDocuments(t *testing.T) {
	doc := func(id string) *graph.Document {
		p := id + "/p1"
		return &graph.Document{ID: id, Nodes: []graph.Node{{ID: p, Category: graph.CategoryPassage, Name: "p", Document: id}},
			Edges: []graph.Edge{{ID: "shared-edge", Subject: p, Predicate: graph.Mentions, Object: p, Document: id}}}
	}
	s := New()
	inForce := func(want string) {
		t.Helper()
		es, err := s.EdgesByID(context.Background(), []string{"shared-edge"})
		if err != nil || len(es) != 1 || es[0].Document != want {
			t.Fatalf("the edge in force is %+v (%v), want document %s's", es, err, want)
		}
	}
	for _, id := range []string{"b", "c", "a"} {
		mustLoad(t, s, doc(id))
		check(t, s, "load "+id)
	}
	inForce("c")
	if ok, err := s.Remove(context.Background(), "c"); !ok || err != nil {
		t.Fatalf("remove c: %v %v", ok, err)
	}
	check(t, s, "remove c")
	inForce("b")
	if ok, err := s.Remove(context.Background(), "a"); !ok || err != nil {
		t.Fatalf("remove a: %v %v", ok, err)
	}
	check(t, s, "remove a")
	inForce("b")
	if st := s.cur(); len(st.edgeVersions("shared-edge")) != 1 || st.foreign.len() != 1 {
		t.Errorf("%d versions of the id, %d foreign ids, with one document left", len(st.edgeVersions("shared-edge")), st.foreign.len())
	}
}

// TestShapeKeepsNegativeZero stores plain edges whose scores are 0 and -0
// and checks that each comes back with its own sign: JSON spells them
// differently.
func TestShapeKeepsNegativeZero(t *testing.T) {
	d := &graph.Document{ID: "d", Edges: []graph.Edge{
		{ID: "e1", Subject: "a", Predicate: graph.Mentions, Object: "b", Document: "d"},
		{ID: "e2", Subject: "a", Predicate: graph.Mentions, Object: "c", Document: "d", Score: math.Copysign(0, -1)},
	}}
	sd := storeDoc(d, New().cur(), &strArena{})
	for i := range d.Edges {
		if got := sd.edges[i].edge().Score; math.Signbit(got) != math.Signbit(d.Edges[i].Score) {
			t.Errorf("edge %s: score %v, want %v", d.Edges[i].ID, got, d.Edges[i].Score)
		}
	}
}

// TestEdgeIDsPrefixedByOtherDocuments gives one edge id to a document
// whose id begins it, to a longer document id that also begins it, and
// to a document whose id does not: the index finds the first two through
// their documents and the third by id (edgeindex.go). The version in force
// is the greatest document's through loads and removals in any order.
func TestEdgeIDsPrefixedByOtherDocuments(t *testing.T) {
	doc := func(id string) *graph.Document {
		p := id + "/p1"
		return &graph.Document{ID: id, Nodes: []graph.Node{{ID: p, Category: graph.CategoryPassage, Name: "p", Document: id}},
			Edges: []graph.Edge{
				{ID: "ab-x", Subject: p, Predicate: graph.Mentions, Object: p, Document: id},
				{ID: id + "-own", Subject: p, Predicate: graph.Mentions, Object: p, Document: id},
			}}
	}
	inForce := func(s *Store, want string) {
		t.Helper()
		es, err := s.EdgesByID(context.Background(), []string{"ab-x"})
		switch {
		case err != nil:
			t.Fatal(err)
		case want == "" && len(es) != 0:
			t.Fatalf("edge ab-x is %+v, want none", es)
		case want != "" && (len(es) != 1 || es[0].Document != want):
			t.Fatalf("the edge in force is %+v, want document %s's", es, want)
		}
	}
	for _, order := range [][]string{{"a", "ab", "z"}, {"z", "ab", "a"}, {"ab", "z", "a"}} {
		s := New()
		for i, id := range order {
			mustLoad(t, s, doc(id))
			check(t, s, "load "+id)
			inForce(s, slices.Max(order[:i+1]))
		}
		for i, id := range order {
			if ok, err := s.Remove(context.Background(), id); !ok || err != nil {
				t.Fatalf("remove %s: %v %v", id, ok, err)
			}
			check(t, s, "remove "+id)
			want := ""
			if rest := order[i+1:]; len(rest) > 0 {
				want = slices.Max(rest)
			}
			inForce(s, want)
		}
	}
}

// TestEdgeIDCompare checks that an edge id kept in parts compares with
// other ids as the whole string does, for ids kept after their
// document's id and ids kept whole, on both sides of every prefix.
func TestEdgeIDCompare(t *testing.T) {
	doc := &graph.Document{ID: "KAP:doc-1", Edges: []graph.Edge{
		{ID: "KAP:doc-1/e/2", Subject: "a", Predicate: graph.Mentions, Object: "b"},
		{ID: "other/e/9", Subject: "a", Predicate: graph.Mentions, Object: "b"},
		{ID: "KAP:doc-1", Subject: "a", Predicate: graph.Mentions, Object: "b"},
	}}
	recs := make([]edgeRec, len(doc.Edges))
	ids := packEdgeIDs(doc, recs)
	sh := &edgeShape{ids: ids, docID: doc.ID}
	probes := []string{"", "K", "KAP:doc", "KAP:doc-1", "KAP:doc-1/", "KAP:doc-1/e/2", "KAP:doc-1/e/20", "KAP:doc-1/e/1",
		"KAP:doc-2", "KAP:doc-0/e/2", "other", "other/e/9", "other/e/90", "zzz"}
	for i := range recs {
		r := &recs[i]
		r.shape = sh
		if got, want := r.id(), doc.Edges[i].ID; got != want {
			t.Fatalf("edge %d: id %q, want %q", i, got, want)
		}
		if want := i != 1; r.own(doc.ID) != want {
			t.Errorf("%s: own = %v, want %v", r.id(), !want, want)
		}
		for _, p := range probes {
			if got, want := r.cmpID(p), strings.Compare(doc.Edges[i].ID, p); got != want {
				t.Errorf("%q vs %q: cmpID %d, want %d", doc.Edges[i].ID, p, got, want)
			}
		}
		for j := range recs {
			recs[j].shape = sh
			if got, want := cmpEdgeIDs(r, &recs[j]), strings.Compare(doc.Edges[i].ID, doc.Edges[j].ID); got != want {
				t.Errorf("%q vs %q: cmpEdgeIDs %d, want %d", doc.Edges[i].ID, doc.Edges[j].ID, got, want)
			}
		}
	}
	if want := len("/e/2") + len("other/e/9"); len(ids) != want {
		t.Errorf("packed ids %q: %d bytes, want %d", ids, len(ids), want)
	}
}
