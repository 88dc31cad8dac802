package memory

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

// TestNodeRecSeesEveryField sets each field of graph.Node in turn, alone
// and beside a node with every field set, and checks that the stored
// record gives the node back equal: a field added to graph.Node fails here
// until noderec.go learns it.
func TestNodeRecSeesEveryField(t *testing.T) {
	nt := reflect.TypeFor[graph.Node]()
	try := func(name string, n *graph.Node) {
		t.Helper()
		var r nodeRec
		makeNodeRec(&r, n, newInterner(&strArena{}))
		if got := r.node(); !reflect.DeepEqual(got, n) {
			t.Errorf("%s: stored node comes back as\n%+v\nwant\n%+v", name, got, n)
		}
	}
	full := graph.Node{ID: "x", Category: graph.CategoryStudy}
	for i := range nt.NumField() {
		f := nt.Field(i)
		n := graph.Node{ID: "x", Category: graph.CategoryPassage}
		if f.Name != "Category" && f.Name != "ID" {
			setNonZero(t, reflect.ValueOf(&n).Elem().Field(i))
			setNonZero(t, reflect.ValueOf(&full).Elem().Field(i))
		}
		try(f.Name, &n)
	}
	try("every field", &full)
	// Empty lists stay empty, not nil; nil stays nil.
	try("empty lists", &graph.Node{ID: "x", Category: graph.CategoryDrug, Synonyms: []string{}, Claims: []string{}})
	try("lists", &graph.Node{ID: "x", Category: graph.CategoryDrug, Synonyms: []string{"a", "b"}, Xrefs: []string{"c"}, Claims: []string{}, Authors: []string{"d", "e", "f"}})
	// A Biolink class other than the category's, none at all, and ints
	// that need more than 32 bits.
	try("other biolink", &graph.Node{ID: "x", Category: graph.CategoryStudy, Biolink: "biolink:Other"})
	try("no biolink", &graph.Node{ID: "x", Category: graph.CategoryStudy, Biolink: ""})
	try("wide ints", &graph.Node{ID: "x", Category: graph.CategoryPassage, Start: math.MaxInt32 + 7, End: -math.MaxInt32 - 9, Line: 3, Synonyms: []string{"s"}})
	// A name that is its text cut short, or the text itself.
	text := "Ketamine reduced depressive symptoms within a day in most of the patients studied."
	try("name cut from text", &graph.Node{ID: "x", Category: graph.CategoryPassage, Text: text, Name: text[:40] + "…"})
	try("name cut from text, wide", &graph.Node{ID: "x", Category: graph.CategoryPassage, Text: text, Name: text[:40] + "...", End: math.MaxInt32 + 1})
	try("name is text", &graph.Node{ID: "x", Category: graph.CategoryPassage, Text: text, Name: text})
	try("name not from text", &graph.Node{ID: "x", Category: graph.CategoryPassage, Text: text, Name: "Ketamine reduced depressive signs"})
	// Values whose lengths take one, two and three bytes in the block,
	// empty and repeated list elements, values repeated across fields.
	long := strings.Repeat("x", 200)
	huge := strings.Repeat("yz", 10_000)
	try("long values", &graph.Node{ID: "x", Category: graph.CategoryPassage, Description: long, Text: huge, Name: huge[:127],
		Section: long, Synonyms: []string{"", "a", "", long, "a"}, Keywords: []string{huge}, Title: strings.Repeat("t", 128)})
	try("negative ints", &graph.Node{ID: "x", Category: graph.CategoryPassage, Start: -1, Year: math.MinInt32})
}

// TestNodeRecFieldReads checks the fields the store reads without
// building a node.
func TestNodeRecFieldReads(t *testing.T) {
	for _, wide := range []int{0, math.MaxInt32 + 1} {
		n := graph.Node{ID: "s", Category: graph.CategoryStudy, Biolink: graph.CategoryStudy.Biolink(), Kind: "k", Design: "rct", ConcernKind: "c", Year: 2001, EvidenceLevel: 2, Line: wide}
		var r nodeRec
		makeNodeRec(&r, &n, interner{})
		if r.category() != n.Category || r.str(fKind) != n.Kind || r.str(fDesign) != n.Design || r.str(fConcernKind) != n.ConcernKind ||
			r.intAt(fYear) != n.Year || r.intAt(fEvidence) != n.EvidenceLevel || r.str(fBiolink) != n.Biolink {
			t.Errorf("line %d: read back %v %q %q %q %d %d %q", wide, r.category(), r.str(fKind), r.str(fDesign), r.str(fConcernKind), r.intAt(fYear), r.intAt(fEvidence), r.str(fBiolink))
		}
	}
}

// TestNodeRecNameFromText checks that a name cut from the node's text is
// kept as the cut, and other names whole.
func TestNodeRecNameFromText(t *testing.T) {
	text := "Ketamine reduced depressive symptoms within a day in most of the patients studied."
	for _, c := range []struct {
		name    string
		derived bool
	}{{text[:77] + "...", true}, {text[:30] + "…", true}, {text, false}, {"Ketamine reduced depressive signs", true}, {"Esketamine reduced depressive symptoms", false}, {"Ketamine", false}} {
		var r nodeRec
		makeNodeRec(&r, &graph.Node{ID: "p", Category: graph.CategoryPassage, Text: text, Name: c.name}, newInterner(&strArena{}))
		if got := r.set&(1<<nameBit) != 0; got != c.derived {
			t.Errorf("%q: kept as a cut of the text is %v, want %v", c.name, got, c.derived)
		}
		if got := r.node().Name; got != c.name {
			t.Errorf("%q comes back as %q", c.name, got)
		}
	}
}

// TestFillForQueryMatchesWhole checks that what ListNodes builds of a
// node to filter and order it gives the answers the whole node gives.
func TestFillForQueryMatchesWhole(t *testing.T) {
	qs := []graph.NodeQuery{
		{}, {OrderBy: graph.OrderByID}, {OrderBy: graph.OrderByYear}, {OrderBy: graph.OrderByName},
		{Kind: "sentence"}, {Design: graph.DesignRCT, OrderBy: graph.OrderByYear}, {MaxEvidence: 2}, {YearFrom: 2000, YearTo: 2010},
		{NameContains: "a"}, {Category: graph.CategoryStudy, OrderBy: graph.OrderByName},
	}
	checked := 0
	for _, d := range testDocs(t)[:12] {
		for i := range d.Nodes {
			n := &d.Nodes[i]
			var r nodeRec
			makeNodeRec(&r, n, newInterner(&strArena{}))
			for _, q := range qs {
				if q.Document == "" && i%2 == 0 {
					q.Document = n.Document
				}
				var got graph.Node
				r.fillForQuery(&got, q)
				if graph.MatchNode(&got, q) != graph.MatchNode(n, q) || graph.SortKey(&got, q.OrderBy) != graph.SortKey(n, q.OrderBy) {
					t.Fatalf("%s under %+v: built for the query it matches %v with key %q, whole %v with key %q",
						n.ID, q, graph.MatchNode(&got, q), graph.SortKey(&got, q.OrderBy), graph.MatchNode(n, q), graph.SortKey(n, q.OrderBy))
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no nodes checked")
	}
}

// TestNodeRecFillAllocatesNothing: reading a node, lists and all, takes
// no allocation beyond the node (a path question reads dozens of
// entities, each with synonyms and xrefs).
func TestNodeRecFillAllocatesNothing(t *testing.T) {
	var r nodeRec
	n := graph.Node{ID: "x", Category: graph.CategoryDrug, Name: "x", Synonyms: []string{"a", "", "b"}, Xrefs: []string{"MESH:D000001"},
		Authors: []string{}, Year: 2001, Description: strings.Repeat("d", 300)}
	makeNodeRec(&r, &n, newInterner(&strArena{}))
	var got graph.Node
	if a := testing.AllocsPerRun(100, func() { r.fill(&got) }); a != 0 {
		t.Errorf("fill allocates %.0f times", a)
	}
	if !reflect.DeepEqual(&got, &n) {
		t.Errorf("node comes back as\n%+v\nwant\n%+v", got, n)
	}
}
