package memory

import (
	"reflect"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestClaimEvidenceRoundTrip stores a claim whose evidence sets every
// field of graph.Evidence and graph.CitationLink (the test fails first
// when either gains one it leaves zero), beside evidence with nil and
// empty lists, and checks that it comes back equal and that the stored
// lists are the store's copies, not the caller's.
func TestClaimEvidenceRoundTrip(t *testing.T) {
	link := graph.CitationLink{Text: "[2, 3]", Kind: "numeric", Studies: []string{"S:2", "S:3"}, Counted: true}
	ev := graph.Evidence{Quote: "q", Passage: "D.p1", Section: "D.s1", SectionTitle: "Results", Studies: []string{"S:2", "S:3"},
		Citations: []string{"[2, 3]"}, Cited: []graph.CitationLink{link, {Text: "[9]", Kind: "numeric"}}, Flagged: []string{"S:3"}, Document: "D"}
	for _, v := range []reflect.Value{reflect.ValueOf(ev), reflect.ValueOf(link)} {
		for i := range v.NumField() {
			if v.Field(i).IsZero() {
				t.Fatalf("the test leaves %s.%s zero: set it", v.Type().Name(), v.Type().Field(i).Name)
			}
		}
	}
	e := graph.Edge{ID: "D.c1", Subject: "A", Predicate: graph.Affects, Object: "B", Sign: "increases", Modality: "ASSERTED",
		Evidence: []graph.Evidence{ev, {Quote: "other", Studies: []string{}, Cited: []graph.CitationLink{}}}, Concerns: []string{"D.concern1"},
		Qualifiers: graph.Qualifiers{Disorder: "MONDO:1", CombinedWith: []string{}}, Document: "D", Score: 0.25}
	doc := &graph.Document{ID: "D", Edges: []graph.Edge{e, {ID: "D.c2", Subject: "B", Predicate: graph.Affects, Object: "A", Modality: "HYPOTHESIZED", Document: "D"}}}
	sd := storeDoc(doc, New().cur(), &strArena{})
	for i := range doc.Edges {
		r := &sd.edges[i]
		if r.claim() == nil {
			t.Fatalf("edge %d is stored plain", i)
		}
		if got := r.edge(); !reflect.DeepEqual(got, &doc.Edges[i]) {
			t.Errorf("edge %d comes back as\n%+v\nwant\n%+v", i, got, &doc.Edges[i])
		}
	}
	got := sd.edges[0].edge()
	if &got.Evidence[0].Studies[0] == &e.Evidence[0].Studies[0] || &got.Evidence[0].Cited[0].Studies[0] == &e.Evidence[0].Cited[0].Studies[0] {
		t.Error("the stored evidence shares the caller's lists")
	}
}

// TestBuiltClaimsSharedByReaders reads every claim from several goroutines
// at once (run with -race) and checks that all get the same graph.Edge
// for a claim, built once, and that a plain edge is built per read.
func TestBuiltClaimsSharedByReaders(t *testing.T) {
	s := New()
	for _, d := range testDocs(t) {
		if _, err := s.Load(t.Context(), d); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	s.cur().allEdges(func(r *edgeRec) bool { ids = append(ids, r.id()); return true })
	const readers = 4
	got := make([][]*graph.Edge, readers)
	done := make(chan int)
	for i := range readers {
		go func() {
			es, err := s.EdgesByID(t.Context(), ids)
			if err != nil {
				t.Error(err)
			}
			got[i] = es
			done <- i
		}()
	}
	for range readers {
		<-done
	}
	claims := 0
	for j, e := range got[0] {
		for i := 1; i < readers; i++ {
			if same := got[i][j] == e; same != !plainEdge(e) {
				t.Fatalf("edge %s: readers share its struct: %v, want %v (a claim is built once)", e.ID, same, !plainEdge(e))
			}
		}
		if !plainEdge(e) {
			claims++
		}
	}
	if claims == 0 {
		t.Fatal("the test corpus has no claims")
	}
}
