package neo4j

import (
	"encoding/json"
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

// An edge field at its usual value is a bit of propDefaults, not a
// string; any other value, the empty one included, is stored as it is,
// and every form decodes back to the same edge.
func TestCodecEdgeDefaults(t *testing.T) {
	base := graph.Edge{ID: "e", Subject: "a", Predicate: graph.CorrelatedWith, Object: "b", Sign: graph.Decreases, Document: "d"}
	usual := graph.CorrelatedWith.Biolink(graph.Decreases)
	for _, tc := range []struct {
		name                   string
		biolink, agent, level  string
		wantAt                 int64
		wantProps, absentProps []string
	}{
		{"all usual", usual, "automated_agent", "not_provided", 7, nil, []string{"biolink", "agentType", "knowledgeLevel"}},
		{"none set", "", "", "", 0, nil, []string{"biolink", "agentType", "knowledgeLevel", "at_default"}},
		{"other values", "biolink:related_to", "manual_agent", "knowledge_assertion", 0, []string{"biolink", "agentType", "knowledgeLevel"}, []string{"at_default"}},
		{"biolink of another sign", graph.CorrelatedWith.Biolink(graph.Increases), "automated_agent", "", 2, []string{"biolink"}, []string{"agentType", "knowledgeLevel"}},
		{"level only", "", "", "not_provided", 4, nil, []string{"biolink", "agentType", "knowledgeLevel"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := base
			e.Biolink, e.AgentType, e.KnowledgeLevel = tc.biolink, tc.agent, tc.level
			m := edgeProps(&e)
			if at, _ := m["at_default"].(int64); at != tc.wantAt {
				t.Errorf("at_default = %v, want %d", m["at_default"], tc.wantAt)
			}
			for _, k := range tc.wantProps {
				if _, ok := m[k]; !ok {
					t.Errorf("%s missing: %v", k, m)
				}
			}
			for _, k := range tc.absentProps {
				if _, ok := m[k]; ok {
					t.Errorf("%s stored: %v", k, m)
				}
			}
			got, err := decodeEdge(asStored(m), string(e.Predicate), e.Subject, e.Object)
			if err != nil {
				t.Fatal(err)
			}
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(&e)
			if string(gj) != string(wj) {
				t.Fatalf("want %s\n got  %s", wj, gj)
			}
		})
	}
	// A plan projection fetches the bits of the fields it asks for only.
	for _, tc := range []struct {
		fields []string
		want   string
	}{
		{[]string{"score"}, "r{.id, .score}"},
		{[]string{"biolink", "agentType", "knowledgeLevel"}, "r{.id, .biolink, .knowledgeLevel, .agentType, .at_default}"},
		{[]string{"agentType"}, "r{.id, .agentType, at_default: (r.at_default / 2) % 2 * 2}"},
	} {
		if got := edgeCodec.projection("r", tc.fields); got != tc.want {
			t.Errorf("projection(%v) = %s, want %s", tc.fields, got, tc.want)
		}
	}
}
