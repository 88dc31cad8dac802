package neo4j

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// asStored converts property values to the types the driver hands back:
// integers as int64, lists as []any.
func asStored(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		switch x := v.(type) {
		case int:
			out[k] = int64(x)
		case []string:
			l := make([]any, len(x))
			for i, s := range x {
				l[i] = s
			}
			out[k] = l
		default:
			out[k] = v
		}
	}
	return out
}

// Every node and edge of the seeds survives the property mapping
// unchanged, compared as JSON (what the conformance suite compares).
func TestCodecRoundTrip(t *testing.T) {
	for _, d := range storetest.Seeds(t) {
		for i := range d.Nodes {
			n := &d.Nodes[i]
			got, err := decodeNode(asStored(nodeProps(n)))
			if err != nil {
				t.Fatal(err)
			}
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(n)
			if string(gj) != string(wj) {
				t.Fatalf("node %s:\n want %s\n got  %s", n.ID, wj, gj)
			}
		}
		for i := range d.Edges {
			e := &d.Edges[i]
			got, err := decodeEdge(asStored(edgeProps(e)), string(e.Predicate), e.Subject, e.Object)
			if err != nil {
				t.Fatal(err)
			}
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(e)
			if string(gj) != string(wj) {
				t.Fatalf("edge %s:\n want %s\n got  %s", e.ID, wj, gj)
			}
		}
	}
}

func TestCodecProperties(t *testing.T) {
	e := &graph.Edge{ID: "e", Subject: "a", Predicate: graph.Affects, Object: "b", Sign: graph.Increases, Document: "d", Score: 0.85,
		Qualifiers: graph.Qualifiers{Disorder: "MONDO:1"},
		Evidence:   []graph.Evidence{{Quote: "q", Passage: "p2", Studies: []string{"s2", "s1"}}, {Quote: "r", Passage: "p1", Studies: []string{"s1"}}},
		Concerns:   []string{"c1"}}
	m := edgeProps(e)
	for _, k := range []string{"subject", "object", "predicate"} {
		if _, ok := m[k]; ok {
			t.Errorf("%s is structural and must not be a property", k)
		}
	}
	if m["q_disorder"] != "MONDO:1" || m["score"] != 0.85 || m["sign"] != "increases" {
		t.Errorf("flat properties: %v", m)
	}
	if _, ok := m["negated"]; ok {
		t.Error("false is omitted")
	}
	if p := m["publications"].([]string); len(p) != 2 || p[0] != "s1" {
		t.Errorf("publications = %v", p)
	}
	if p := m["passages"].([]string); len(p) != 2 || p[0] != "p1" {
		t.Errorf("passages = %v", p)
	}
	if _, ok := m["evidence_json"].(string); !ok {
		t.Errorf("evidence is stored as JSON: %v", m)
	}
	if m["quote_search"] != "q r" {
		t.Errorf("quote_search = %v, want the quotes' tokens", m["quote_search"])
	}
	n := &graph.Node{ID: "x", Category: graph.CategoryStudy, Name: "Lövdén et al.", Synonyms: []string{"Lovden 2020"}, Year: 2020}
	nm := nodeProps(n)
	if nm["search_text"] != "2020 al et lovden" || nm["year"] != int64(2020) {
		t.Errorf("node properties: %v", nm)
	}
}

// TestCodecSlim: which edges are stored slim (without document, Biolink
// predicate and rank), and that every edge, slim or not, reads back as
// it was written, the type set before or after decoding (plan pages set
// it after).
func TestCodecSlim(t *testing.T) {
	lex := func(mod func(e *graph.Edge)) *graph.Edge {
		e := &graph.Edge{ID: graph.StructuralEdgeID("KAP:rev", "KAP:rev.p1", graph.Mentions, "KAP:ketamine"),
			Subject: "KAP:rev.p1", Predicate: graph.Mentions, Object: "KAP:ketamine", Biolink: graph.Mentions.Biolink(graph.Unsigned),
			KnowledgeLevel: "not_provided", AgentType: "text_mining_agent", Document: "KAP:rev", Score: graph.StructuralScore}
		if mod != nil {
			mod(e)
		}
		return e
	}
	for _, tt := range []struct {
		name   string
		e      *graph.Edge
		slim   bool
		stored []string // the property keys of a slim edge
	}{
		{"as the loader makes it", lex(nil), true, []string{"id"}},
		{"another agent", lex(func(e *graph.Edge) { e.AgentType = "manual_agent" }), true, []string{"agentType", "id"}},
		{"another score", lex(func(e *graph.Edge) { e.Score = 0.4 }), false, nil},
		{"no score", lex(func(e *graph.Edge) { e.Score = 0 }), false, nil},
		{"another knowledge level", lex(func(e *graph.Edge) { e.KnowledgeLevel = "observation" }), false, nil},
		{"no knowledge level", lex(func(e *graph.Edge) { e.KnowledgeLevel = "" }), false, nil},
		{"no agent", lex(func(e *graph.Edge) { e.AgentType = "" }), false, nil},
		{"no Biolink predicate", lex(func(e *graph.Edge) { e.Biolink = "" }), false, nil},
		{"another Biolink predicate", lex(func(e *graph.Edge) { e.Biolink = "biolink:related_to" }), false, nil},
		{"an id of another document's shape", lex(func(e *graph.Edge) { e.Document = "KAP:other" }), false, nil},
		{"an id of another shape", lex(func(e *graph.Edge) { e.ID = "KAP:rev/e1" }), false, nil},
		{"a claim with an id of that shape", lex(func(e *graph.Edge) {
			e.Predicate, e.Biolink = graph.Affects, graph.Affects.Biolink(graph.Unsigned)
		}), false, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := edgeProps(tt.e)
			_, hasDoc := m["document"]
			_, hasRank := m[propRank]
			if slimEdge(tt.e) != tt.slim || hasDoc == tt.slim || hasRank == tt.slim {
				t.Errorf("slim %v, document stored %v, rank stored %v; want slim %v", slimEdge(tt.e), hasDoc, hasRank, tt.slim)
			}
			if _, ok := m["biolink"]; ok == tt.slim && tt.e.Biolink != "" {
				t.Errorf("biolink stored %v, slim %v", ok, tt.slim)
			}
			if keys := slices.Sorted(maps.Keys(m)); tt.slim && !slices.Equal(keys, tt.stored) {
				t.Errorf("stored %v, want %v", keys, tt.stored)
			}
			if _, ok := m[propScore]; ok == tt.slim && tt.e.Score != 0 {
				t.Errorf("score stored %v, slim %v", ok, tt.slim)
			}
			wj, _ := json.Marshal(tt.e)
			got, err := decodeEdge(asStored(m), string(tt.e.Predicate), tt.e.Subject, tt.e.Object)
			if err != nil {
				t.Fatal(err)
			}
			if gj, _ := json.Marshal(got); string(gj) != string(wj) {
				t.Errorf("typed decode:\n want %s\n got  %s", wj, gj)
			}
			late, err := decodeEdge(asStored(m), "", tt.e.Subject, tt.e.Object)
			if err != nil {
				t.Fatal(err)
			}
			late.Predicate = tt.e.Predicate
			deriveSlim(late, storedInMap(asStored(m)))
			if gj, _ := json.Marshal(late); string(gj) != string(wj) {
				t.Errorf("type set after decoding:\n want %s\n got  %s", wj, gj)
			}
		})
	}
}

// TestCodecSlimWrittenBefore reads a slim relationship as the previous
// layout wrote it (no document or Biolink predicate, but its score,
// knowledge level and agent stored): what it stored is kept, and only
// the document and Biolink predicate are derived.
func TestCodecSlimWrittenBefore(t *testing.T) {
	id := graph.StructuralEdgeID("KAP:rev", "KAP:rev.p1", graph.Mentions, "KAP:ketamine")
	for _, tt := range []struct {
		name  string
		props map[string]any
		want  graph.Edge
	}{
		{"every property stored", map[string]any{"id": id, propScore: 0.4, propKnowledgeLevel: "observation", propAgentType: "manual_agent"},
			graph.Edge{Score: 0.4, KnowledgeLevel: "observation", AgentType: "manual_agent"}},
		{"a zero score and no level or agent", map[string]any{"id": id, propScore: 0.0},
			graph.Edge{}},
		{"left out (this layout)", map[string]any{"id": id},
			graph.Edge{Score: graph.StructuralScore, KnowledgeLevel: graph.StructuralKnowledgeLevel, AgentType: graph.StructuralAgent(graph.Mentions)}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, err := decodeEdge(tt.props, string(graph.Mentions), "KAP:rev.p1", "KAP:ketamine")
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			want.ID, want.Subject, want.Predicate, want.Object = id, "KAP:rev.p1", graph.Mentions, "KAP:ketamine"
			want.Document, want.Biolink = "KAP:rev", graph.Mentions.Biolink(graph.Unsigned)
			wj, _ := json.Marshal(want)
			if gj, _ := json.Marshal(e); string(gj) != string(wj) {
				t.Errorf("\n want %s\n got  %s", wj, gj)
			}
		})
	}
}
