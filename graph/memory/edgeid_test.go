package memory

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/kapgraph/kapgraph/graph"
)

// TestStructuralEdgeIDs checks the edges whose ids are kept as numbers
// (structuralID): each gives its id back exactly, compares and sorts with
// every other id as the string does, is found by id, and an id that only
// nearly has the shape (another document's, uppercase digits, one digit
// more or less, a claim's) is kept as it came. A wrong digit, a digit
// order or a lost leading zero fails it.
func TestStructuralEdgeIDs(t *testing.T) {
	const docID = "KAP:doc-1"
	ids := []string{
		graph.StructuralEdgeID(docID, "a", graph.Mentions, "b"),
		graph.StructuralEdgeID(docID, "b", graph.Mentions, "c"),
		graph.StructuralEdgeID(docID, "a", graph.Cites, "c"),
		docID + ".e.0000000000000000",
		docID + ".e.00000000000000ff",
		docID + ".e.ffffffffffffffff",
		docID + ".e.0123456789abcdef",
		docID + ".e.80000000fffffffe", // idLen would read as fullEdge but for the shape
		docID + ".e.0123456789ABCDEF", // uppercase: kept as it came
		docID + ".e.0123456789abcde",  // 15 digits
		docID + ".e.0123456789abcdef0",
		docID + ".x.0123456789abcdef",
		docID + "/e/2",
		"KAP:doc-2.e.0123456789abcdef", // another document's
		docID,
	}
	claimID := docID + ".e.00000000000000aa"
	doc := &graph.Document{ID: docID, Nodes: []graph.Node{
		{ID: "a", Name: "a", Category: graph.CategoryDrug},
		{ID: "b", Name: "b", Category: graph.CategoryDrug},
	}}
	for _, id := range ids {
		doc.Edges = append(doc.Edges, graph.Edge{ID: id, Subject: "a", Predicate: graph.Mentions, Object: "b", Document: docID})
	}
	doc.Edges = append(doc.Edges, graph.Edge{ID: claimID, Subject: "a", Predicate: graph.Affects, Object: "b", Sign: graph.Increases, Document: docID})
	all := append(slices.Clone(ids), claimID)
	sd := storeDoc(doc, New().cur(), &strArena{})
	structural := 0
	for i := range sd.edges {
		r := &sd.edges[i]
		want := all[i]
		if got := r.id(); got != want {
			t.Fatalf("edge %d: id %q, want %q", i, got, want)
		}
		_, isStructural := structuralID(docID, want)
		isStructural = isStructural && i < len(ids)
		if r.shape.structural != isStructural {
			t.Errorf("%s: structural %v, want %v", want, r.shape.structural, isStructural)
		}
		if isStructural {
			structural++
		}
		if (r.claim() != nil) != (want == claimID) {
			t.Errorf("%s: claim %v", want, r.claim() != nil)
		}
		if got, want := r.own(docID), strings.HasPrefix(want, docID); got != want {
			t.Errorf("%s: own %v, want %v", r.id(), got, want)
		}
		for _, p := range append(slices.Clone(all), "", "KAP", docID+".e.", docID+".e.0", docID+".e.1", docID+".e.g", "zzz") {
			if got, want := r.cmpID(p), strings.Compare(want, p); got != want {
				t.Errorf("%q vs %q: cmpID %d, want %d", all[i], p, got, want)
			}
		}
		for j := range sd.edges {
			if got, want := cmpEdgeIDs(r, &sd.edges[j]), strings.Compare(all[i], all[j]); got != want {
				t.Errorf("%q vs %q: cmpEdgeIDs %d, want %d", all[i], all[j], got, want)
			}
		}
		if r.own(docID) && sd.edgeByID(want) != r {
			t.Errorf("%s: not found by id", want)
		}
	}
	packed := 0
	for i, id := range all {
		if _, ok := structuralID(docID, id); ok && i < len(ids) {
			continue
		}
		packed += len(strings.TrimPrefix(id, docID))
	}
	if got := len(sd.edges[0].shape.ids); got != packed {
		t.Errorf("packed ids: %d bytes, want %d (the others kept as numbers)", got, packed)
	}
	if structural != 8 {
		t.Errorf("%d edges kept as numbers, want 8", structural)
	}
	if n := testing.AllocsPerRun(100, func() { sd.edges[0].cmpID(ids[1]); cmpEdgeIDs(&sd.edges[0], &sd.edges[12]) }); n != 0 {
		t.Errorf("comparing a structural id allocates %v times", n)
	}

	// Through the Store: every edge comes back with its id.
	s := New()
	mustLoad(t, s, doc)
	got, err := s.EdgesByID(context.Background(), all)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(all) {
		t.Fatalf("EdgesByID gave %d edges, want %d", len(got), len(all))
	}
	for _, e := range got {
		if !slices.Contains(all, e.ID) {
			t.Errorf("EdgesByID gave unknown id %q", e.ID)
		}
	}
}

// TestRecordSizes holds the records a million nodes each have to their
// size classes: a field more puts a vertex in the next one (64 bytes, 16
// MB more at 1M), and so does a node record.
func TestRecordSizes(t *testing.T) {
	for _, c := range []struct {
		name       string
		size, most uintptr
	}{
		{"vertex", unsafe.Sizeof(vertex{}), 48},
		{"edgeRec", unsafe.Sizeof(edgeRec{}), 24},
		{"nodeRec", unsafe.Sizeof(nodeRec{}), 48},
		// A node's string value: an offset in its document's block, not
		// a 16-byte string header (7M of them at 1M).
		{"node value", unsafe.Sizeof(nodeCols{}.refs[0]), 4},
	} {
		if c.size > c.most {
			t.Errorf("%s is %d bytes, more than %d", c.name, c.size, c.most)
		}
	}
}
