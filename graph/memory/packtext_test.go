package memory

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/kapgraph/kapgraph/graph"
)

// TestPackedTexts checks that a document's values are kept in one block
// (colsBuilder): each comes back equal to what the caller gave, none is
// the caller's string, every value lies in the block, which holds each
// distinct value once after its length and nothing more, and a name that
// is the whole text and a claim quoting it share the copy. A wrong
// offset, a value left out or a copy kept twice fails it.
func TestPackedTexts(t *testing.T) {
	const docID = "KAP:doc-1"
	doc := &graph.Document{ID: docID}
	var texts []string
	for k := range 5 {
		var b strings.Builder
		b.Grow(400) // the room a builder leaves, which the store must not keep
		fmt.Fprintf(&b, "Passage %d: ketamine reduced depressive symptoms within a day in most of the patients studied (%d).", k, k*k)
		texts = append(texts, b.String())
		n := graph.Node{ID: fmt.Sprintf("%s/p%d", docID, k), Category: graph.CategoryPassage, Text: texts[k], Name: texts[k][:40] + "…",
			Section: "Results", Ordinal: k + 1, Document: docID}
		if k == 2 {
			n.Name = texts[k] // a name that is the whole text
			n.Description = strings.Repeat("d", 70)
		}
		doc.Nodes = append(doc.Nodes, n)
	}
	doc.Nodes = append(doc.Nodes, graph.Node{ID: "a", Name: "a", Category: graph.CategoryDrug}, graph.Node{ID: "b", Name: "b", Category: graph.CategoryDrug})
	doc.Edges = []graph.Edge{{ID: docID + "/c1", Subject: "a", Predicate: graph.Affects, Object: "b", Sign: graph.Increases, Document: docID,
		Evidence: []graph.Evidence{{Quote: texts[3], Passage: doc.Nodes[3].ID, Document: docID}}}}
	want := make([]graph.Node, len(doc.Nodes))
	for i, n := range doc.Nodes {
		want[i] = n
		want[i].Text, want[i].Name = strings.Clone(n.Text), strings.Clone(n.Name)
	}

	sd := storeDoc(doc, New().cur(), &strArena{})
	ptr := func(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }
	caller := func(s string) bool {
		for _, x := range texts {
			if len(s) > 0 && ptr(s) >= ptr(x) && ptr(s) < ptr(x)+uintptr(len(x)) {
				return true
			}
		}
		return false
	}
	block := sd.nodes[0].cols.block
	inBlock := func(v string) bool {
		return len(v) == 0 || ptr(v) >= ptr(block) && ptr(v)+uintptr(len(v)) <= ptr(block)+uintptr(len(block))
	}
	distinct := map[string]bool{}
	for i, r := range sd.nodes[:5] {
		got := r.node()
		if got.Text != want[i].Text || got.Name != want[i].Name || got.ID != want[i].ID || got.Section != want[i].Section || got.Description != want[i].Description {
			t.Fatalf("node %d comes back as\n%+v\nwant\n%+v", i, got, want[i])
		}
		if caller(got.Text) || caller(r.name()) {
			t.Errorf("%s: keeps the caller's string", got.ID)
		}
		if r.cols != sd.nodes[0].cols {
			t.Errorf("%s: values not in the document's nodeCols", got.ID)
		}
		for _, v := range []string{got.Text, r.name(), got.Section, got.Description} {
			if !inBlock(v) {
				t.Errorf("%s: %.20q is not in the block", got.ID, v)
			}
		}
		for _, o := range r.cols.refs[r.strOff:] {
			distinct[r.cols.at(o)] = true
		}
		if i == 2 && ptr(r.name()) != ptr(got.Text) {
			t.Errorf("%s: the name that is the text is not the text's copy", got.ID)
		}
	}
	size := 0
	for v := range distinct {
		size += len(binary.AppendUvarint(nil, uint64(len(v)))) + len(v)
	}
	if len(block) != size {
		t.Errorf("block of %d bytes, want %d for %d distinct values", len(block), size, len(distinct))
	}
	q := sd.edges[0].edge().Evidence[0].Quote
	if q != texts[3] || ptr(q) != ptr(sd.nodes[3].node().Text) {
		t.Errorf("the claim's quote %q is not the passage text's copy", q)
	}
	if r := sd.nodes[0]; r.str(18) != "Results" {
		t.Errorf("section %q, want Results", r.str(18))
	}
}
