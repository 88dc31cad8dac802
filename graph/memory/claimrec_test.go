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
	sd := storeDoc(doc, New().cur())
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
