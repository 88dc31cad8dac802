package resolvers_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/resolvers/batch"
)

// deepQuery walks drugs -> claims -> object -> claims -> evidence ->
// studies, and passages -> mentions: without dataloaders its store calls
// grow with every item it returns.
const deepQuery = `{
  drugs(first: 100) { edges { node { name
    claims(first: 100) { edges { node { id
      object { name
        claims(first: 100) { edges { node { id
          evidence { quote studies { name design evidenceLevel } }
        } } }
      }
    } } }
  } } }
  passages(first: 100) { edges { node { id
    mentions(first: 100) { edges { node { id name } } }
  } } }
}`

// maxStoreCalls is the budget of the deep query: one call per level and
// relationship, however many drugs, claims and passages there are.
const maxStoreCalls = 10

// syntheticDoc builds a graph larger than the seed review: drugs affecting
// mechanisms that affect outcomes, with evidence citing studies, and
// passages mentioning everything.
func syntheticDoc(drugs, mechanisms, passages int) *graph.Document {
	doc := &graph.Document{ID: "KAP:synthetic"}
	node := func(id string, c graph.Category, name string) {
		n := graph.Node{ID: id, Category: c, Biolink: c.Biolink(), Name: name}
		switch c {
		case graph.CategoryStudy:
			n.Document, n.RefNumber, n.Year, n.Design, n.EvidenceLevel = doc.ID, len(doc.Nodes)+1, 2000+len(doc.Nodes)%20, "randomized controlled trial", 2
		case graph.CategoryPassage, graph.CategorySection:
			n.Document, n.Text, n.Ordinal = doc.ID, name, len(doc.Nodes)
		}
		doc.Nodes = append(doc.Nodes, n)
	}
	edge := func(s string, p graph.Predicate, o string, sign graph.Sign, studies ...string) {
		e := graph.Edge{ID: fmt.Sprintf("%s/e%d", doc.ID, len(doc.Edges)), Subject: s, Predicate: p, Object: o,
			Biolink: p.Biolink(sign), Sign: sign, Document: doc.ID, Origin: "stated", Score: 0.85}
		if p.Curated() {
			e.Evidence = []graph.Evidence{{Quote: s + " " + o, Passage: doc.ID + "/p0", Section: doc.ID + "/s0", SectionTitle: "Results", Studies: studies}}
		}
		doc.Edges = append(doc.Edges, e)
	}
	node(doc.ID, graph.CategoryReview, "Synthetic review")
	node(doc.ID+"/s0", graph.CategorySection, "Results")
	for i := range 10 {
		node(fmt.Sprintf("KAP:study/s%d", i), graph.CategoryStudy, fmt.Sprintf("Study %d", i))
	}
	node("KAP:outcome", graph.CategoryOutcome, "abstinence")
	for i := range mechanisms {
		id := fmt.Sprintf("KAP:m%d", i)
		node(id, graph.CategoryMechanism, fmt.Sprintf("mechanism %d", i))
		edge(id, graph.Affects, "KAP:outcome", graph.Increases, fmt.Sprintf("KAP:study/s%d", i%10))
		if i > 0 {
			edge(fmt.Sprintf("KAP:m%d", i-1), graph.Affects, id, graph.Decreases, fmt.Sprintf("KAP:study/s%d", (i+3)%10))
		}
	}
	for i := range drugs {
		id := fmt.Sprintf("KAP:d%d", i)
		node(id, graph.CategoryDrug, fmt.Sprintf("drug %d", i))
		for j := range 5 {
			edge(id, graph.Affects, fmt.Sprintf("KAP:m%d", (i*5+j)%mechanisms), graph.Increases, fmt.Sprintf("KAP:study/s%d", (i+j)%10))
		}
	}
	for i := range passages {
		id := fmt.Sprintf("%s/p%d", doc.ID, i)
		node(id, graph.CategoryPassage, fmt.Sprintf("passage %d", i))
		edge(doc.ID+"/s0", graph.HasPassage, id, "")
		edge(id, graph.Mentions, fmt.Sprintf("KAP:d%d", i%drugs), "")
		edge(id, graph.Mentions, fmt.Sprintf("KAP:m%d", i%mechanisms), "")
	}
	doc.Sort()
	return doc
}

// TestNoNPlusOne runs the deep query against real memory stores of
// growing size through a counting wrapper and checks that the number of
// store calls stays within the budget. The control case turns batching off
// (one id per fetch) and must blow the budget, which shows the test would
// catch resolvers that bypass the loaders.
func TestNoNPlusOne(t *testing.T) {
	lim := gql.Limits{MaxDepth: 20, MaxComplexity: 1 << 40}
	for _, tc := range []struct {
		name     string
		store    func(t *testing.T) graph.Store
		unbatch  bool
		minItems int
	}{
		{name: "seeds", store: func(t *testing.T) graph.Store { return seedStore(t) }, minItems: 40},
		{name: "synthetic-small", store: func(t *testing.T) graph.Store { return loadStore(t, syntheticDoc(5, 10, 20)) }, minItems: 40},
		{name: "synthetic-large", store: func(t *testing.T) graph.Store { return loadStore(t, syntheticDoc(60, 80, 100)) }, minItems: 1000},
		{name: "control-without-batching", store: func(t *testing.T) graph.Store { return seedStore(t) }, unbatch: true, minItems: 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs := newCounting(tc.store(t))
			// A generous window: the race detector and a 2-core machine slow
			// the goroutines of one level down enough to straddle the
			// default window (and 50 ms once in CI), which would cost an extra
			// call, not an N+1.
			opts := batch.Options{Wait: 250 * time.Millisecond}
			if tc.unbatch {
				opts.MaxBatch = 1
			}
			srv := serverWith(t, cs, app.Config{GraphQL: gql.Options{Limits: lim}, Batch: opts})

			res := post(t, srv.URL, deepQuery, nil)
			if len(res.Errors) > 0 {
				t.Fatalf("errors: %s", res.raw)
			}
			items := countItems(res.Data)
			if items < tc.minItems {
				t.Fatalf("the query returned %d items, want at least %d: the data is too small to show batching", items, tc.minItems)
			}
			calls := cs.Total()
			t.Logf("%d items, %d store calls: %s", items, calls, cs)
			if tc.unbatch {
				if calls <= maxStoreCalls {
					t.Errorf("without batching the query made only %d store calls; the budget of %d would not catch N+1", calls, maxStoreCalls)
				}
				return
			}
			if calls > maxStoreCalls {
				t.Errorf("the query made %d store calls, want at most %d whatever the result size: %s", calls, maxStoreCalls, cs)
			}
		})
	}
}

// countItems counts the objects of a response: a measure of result size.
func countItems(data json.RawMessage) int {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return 0
	}
	var walk func(any) int
	walk = func(v any) int {
		n := 0
		switch x := v.(type) {
		case map[string]any:
			n++
			for _, c := range x {
				n += walk(c)
			}
		case []any:
			for _, c := range x {
				n += walk(c)
			}
		}
		return n
	}
	return walk(v)
}
