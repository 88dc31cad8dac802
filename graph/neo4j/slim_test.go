package neo4j

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// TestSlimOldLayout: a database loaded before structural relationships
// were stored slim (every relationship with its document, Biolink
// predicate, rank, content hash, score, knowledge level and agent), or
// slim with their score, knowledge level and agent (the layout before
// those were left out too), reads the same, and a reload of the document
// rewrites them in today's layout (their id alone, or with an agent that
// is not their type's), counting them as its removed edges. With the
// slim relationships of the reload's read (cypherPreviousRels) left out,
// the reload doubles them and this fails; so it does if the decoder
// derives what an older relationship has stored.
func TestSlimOldLayout(t *testing.T) {
	biolink, agent := map[string]any{}, map[string]any{}
	for _, p := range graph.Predicates() {
		biolink[string(p)] = p.Biolink(graph.Unsigned)
		agent[string(p)] = graph.StructuralAgent(p)
	}
	// What every layout before stored of a slim relationship that
	// today's leaves out.
	const before = `SET r.score = $score, r.knowledgeLevel = $level, r.agentType = coalesce(r.agentType, $agent[type(r)])`
	for _, layout := range []struct{ name, cypher string }{
		{"every property", before + `, r.document = $doc, r.biolink = $biolink[type(r)], r.q_rank = 10000, r.content_hash = 'before'`},
		{"slim with score, level and agent", before},
	} {
		t.Run(layout.name, func(t *testing.T) {
			testSlimLayout(t, layout.cypher, map[string]any{"biolink": biolink, "agent": agent,
				"score": graph.StructuralScore, "level": graph.StructuralKnowledgeLevel})
		})
	}
}

// testSlimLayout loads the seeds, turns the slim relationships of the
// seed with the most into an older layout (cypher over r, with params and
// $ids and $doc), and checks reads and reloads as TestSlimOldLayout says.
func testSlimLayout(t *testing.T, layout string, params map[string]any) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	seeds := storetest.Seeds(t)
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	var doc *graph.Document
	slim := 0
	for _, d := range seeds {
		n := 0
		for i := range d.Edges {
			if slimEdge(&d.Edges[i]) {
				n++
			}
		}
		if n > slim {
			doc, slim = d, n
		}
	}
	if slim == 0 {
		t.Fatal("no seed edge is stored slim")
	}
	var ids []string
	for i := range doc.Edges {
		ids = append(ids, doc.Edges[i].ID)
	}
	read := func() string {
		es, err := s.EdgesByID(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(es, func(a, b *graph.Edge) int { return strings.Compare(a.ID, b.ID) })
		b, _ := json.Marshal(es)
		return string(b)
	}
	want := read()
	// Today's layout: no document, score or knowledge level.
	stored := `MATCH ()-[r]->() WHERE r.id IN $ids AND r.document IS NULL AND r.score IS NULL AND r.knowledgeLevel IS NULL RETURN count(r)`
	if got := count(t, s, stored, map[string]any{"ids": ids}); got != slim {
		t.Fatalf("%d slim relationships stored, want %d", got, slim)
	}

	params["ids"], params["doc"] = ids, doc.ID
	cypher(t, s, `MATCH ()-[r]->() WHERE r.id IN $ids AND r.document IS NULL `+layout, params)
	if got := count(t, s, stored, map[string]any{"ids": ids}); got != 0 {
		t.Fatalf("%d slim relationships in today's layout after the change to an older one", got)
	}
	if got := read(); got != want {
		t.Errorf("old layout reads\n %s\nwant\n %s", got, want)
	}
	res, err := s.Load(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.RemovedEdges != len(doc.Edges) {
		t.Errorf("reload: %+v, want Replaced with %d removed edges", res, len(doc.Edges))
	}
	if got := count(t, s, stored, map[string]any{"ids": ids}); got != slim {
		t.Errorf("after the reload %d slim relationships, want %d", got, slim)
	}
	if got := count(t, s, `MATCH ()-[r]->() WHERE r.id IN $ids RETURN count(r)`, map[string]any{"ids": ids}); got != len(doc.Edges) {
		t.Errorf("after the reload %d relationships, want %d", got, len(doc.Edges))
	}
	if got := read(); got != want {
		t.Errorf("after the reload\n %s\nwant\n %s", got, want)
	}
	// A second reload finds every relationship unchanged (the hash
	// computed from what it reads is the planned one): it rewrites none.
	eids := func() []any {
		recs := cypher(t, s, `MATCH ()-[r]->() WHERE r.id IN $ids WITH elementId(r) AS e ORDER BY e RETURN collect(e)`, map[string]any{"ids": ids})
		l, _ := recs[0].Values[0].([]any)
		return l
	}
	before := eids()
	if _, err := s.Load(ctx, doc); err != nil {
		t.Fatal(err)
	}
	after := eids()
	if kept := len(before) - len(slices.DeleteFunc(slices.Clone(before), func(e any) bool { return slices.Contains(after, e) })); kept != len(doc.Edges) || len(after) != len(doc.Edges) {
		t.Errorf("a reload of an unchanged document kept %d of %d relationships and has %d", kept, len(doc.Edges), len(after))
	}
}
