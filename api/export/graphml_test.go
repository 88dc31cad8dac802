package export_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
)

func TestKGXQualifierMapping(t *testing.T) {
	g := snapshot(t, newStore(t, fixtureDocs(t)))
	out := render(t, func(b *bytes.Buffer) error { return export.WriteKGXEdges(b, g) })
	recs := map[string]map[string]any{}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		recs[r["id"].(string)] = r
	}
	// In the enums: Biolink slots.
	e := recs["KAP:doc-a/claim/ketamine-antagonizes-nmda"]
	for k, want := range map[string]any{
		"predicate": "biolink:affects", "qualified_predicate": "biolink:causes", "object_direction_qualifier": "decreased",
		"object_aspect_qualifier": "activity", "causal_mechanism_qualifier": "antagonism", "original_predicate": "KAP:AFFECTS",
		"knowledge_level": "knowledge_assertion", "agent_type": "manual_agent", "primary_knowledge_source": "infores:kapgraph",
	} {
		if e[k] != want {
			t.Errorf("%s = %v, want %v", k, e[k], want)
		}
	}
	if pubs, _ := e["publications"].([]any); len(pubs) != 1 || pubs[0] != "KAP:study/krupitsky-2002" {
		t.Errorf("publications = %v", e["publications"])
	}
	// Outside them: kap_ properties, and no invalid Biolink slot.
	e = recs["KAP:doc-a/claim/ketamine-normalizes-salience"]
	if e["negated"] != true || e["kap_mechanism"] != "normalization" || e["kap_aspect"] != "duration" {
		t.Errorf("negated %v, kap_mechanism %v, kap_aspect %v", e["negated"], e["kap_mechanism"], e["kap_aspect"])
	}
	for _, k := range []string{"causal_mechanism_qualifier", "object_aspect_qualifier", "publications"} {
		if _, ok := e[k]; ok {
			t.Errorf("%s set to %v for a value outside Biolink's enum", k, e[k])
		}
	}
	// A signed correlation is carried by the predicate, with no direction
	// qualifier (Biolink defines those for affects).
	e = recs["KAP:doc-b/claim/salience-correlates"]
	if e["predicate"] != "biolink:positively_correlated_with" || e["object_direction_qualifier"] != nil {
		t.Errorf("correlation: %v", e)
	}
	// An edge with no knowledge level still has the required slot.
	e = recs["KAP:doc-a/e/has-passage"]
	if e["knowledge_level"] != "not_provided" || e["agent_type"] != "not_provided" {
		t.Errorf("defaults: %v %v", e["knowledge_level"], e["agent_type"])
	}
}

type gmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
		Desc string `xml:"desc"`
	} `xml:"key"`
	Graph struct {
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlElem `xml:"node"`
		Edges       []gmlElem `xml:"edge"`
	} `xml:"graph"`
}

type gmlElem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

// gmlList decodes a "|"-joined list as the key's desc documents it.
func gmlList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	var cur []rune
	esc := false
	for _, r := range s {
		switch {
		case esc:
			cur, esc = append(cur, r), false
		case r == '\\':
			esc = true
		case r == '|':
			out, cur = append(out, string(cur)), nil
		default:
			cur = append(cur, r)
		}
	}
	return append(out, string(cur))
}

// gmlValues reads an element's data by attribute name, checking each
// value against its key's declared type.
func gmlValues(t *testing.T, keys map[string][2]string, el gmlElem) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, d := range el.Data {
		k, ok := keys[d.Key]
		if !ok {
			t.Fatalf("%s: data for undeclared key %s", el.ID, d.Key)
		}
		name, typ := k[0], k[1]
		var err error
		switch typ {
		case "string":
			out[name] = d.Value
		case "int":
			out[name], err = strconv.Atoi(d.Value)
		case "double":
			out[name], err = strconv.ParseFloat(d.Value, 64)
		case "boolean":
			out[name], err = strconv.ParseBool(d.Value)
		default:
			t.Fatalf("key %s has type %q", d.Key, typ)
		}
		if err != nil {
			t.Errorf("%s: %s=%q is not a %s: %v", el.ID, name, d.Value, typ, err)
		}
	}
	return out
}

func TestGraphMLKeepsEveryField(t *testing.T) {
	g := snapshot(t, fullStore(t))
	out := render(t, func(b *bytes.Buffer) error { return export.WriteGraphML(b, g) })
	var doc gmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not well-formed GraphML: %v", err)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	keys := map[string][2]string{}
	names := map[string]bool{}
	for _, k := range doc.Keys {
		if !slices.Contains([]string{"string", "int", "double", "boolean"}, k.Type) || k.Name == "" || k.Desc == "" {
			t.Errorf("key %+v: untyped, unnamed or undocumented", k)
		}
		if names[k.For+" "+k.Name] {
			t.Errorf("attribute %s declared twice for %s", k.Name, k.For)
		}
		names[k.For+" "+k.Name] = true
		keys[k.ID] = [2]string{k.Name, k.Type}
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Fatalf("GraphML has %d nodes, %d edges; the graph %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	for i, el := range doc.Graph.Nodes {
		v := gmlValues(t, keys, el)
		s := func(k string) string { x, _ := v[k].(string); return x }
		n := func(k string) int { x, _ := v[k].(int); return x }
		back := graph.Node{
			ID: el.ID, Category: graph.Category(s("kap_category")), Biolink: s("category"), Name: s("name"),
			Synonyms: gmlList(s("synonym")), Xrefs: gmlList(s("xref")), Kind: s("kind"), Description: s("description"),
			Document: s("document"), Authors: gmlList(s("authors")), Affiliation: s("affiliation"), Citation: s("citation"),
			Submitted: s("submitted"), Accepted: s("accepted"), Published: s("published"), RefNumber: n("ref_number"),
			Keywords: gmlList(s("keywords")), CorrespondingAuthor: s("corresponding_author"), ArticleCode: s("article_code"),
			Year: n("year"), Title: s("title"), Journal: s("journal"), Volume: s("volume"), Issue: s("issue"),
			Pages: s("pages"), Design: s("design"), EvidenceLevel: n("evidence_level"), DesignBasis: s("design_basis"),
			Text: s("text"), Section: s("section"), Level: n("level"), Ordinal: n("ordinal"), Start: n("text_start"),
			End: n("text_end"), Line: n("line"), ConcernKind: s("concern_kind"), Claims: gmlList(s("claims")),
		}
		if !reflect.DeepEqual(*g.Nodes[i], back) {
			t.Errorf("node %s:\n exported  %+v\n read back %+v", g.Nodes[i].ID, *g.Nodes[i], back)
		}
		if s("label") != g.Nodes[i].Name {
			t.Errorf("node %s: label %q", el.ID, s("label"))
		}
	}
	for i, el := range doc.Graph.Edges {
		v := gmlValues(t, keys, el)
		s := func(k string) string { x, _ := v[k].(string); return x }
		var ev []graph.Evidence
		if s("evidence") != "" {
			if err := json.Unmarshal([]byte(s("evidence")), &ev); err != nil {
				t.Errorf("edge %s: evidence is not JSON: %v", el.ID, err)
			}
		}
		score, _ := v["score"].(float64)
		negated, ok := v["negated"].(bool)
		if !ok {
			t.Errorf("edge %s: no boolean negated", el.ID)
		}
		back := graph.Edge{
			ID: el.ID, Subject: el.Source, Predicate: graph.Predicate(s("kap_predicate")), Object: el.Target,
			Biolink: s("predicate"), Sign: graph.Sign(s("sign")), Negated: negated, Modality: graph.Modality(s("modality")),
			Qualifiers: graph.Qualifiers{
				Mechanism: s("mechanism"), Aspect: s("aspect"), CombinedWith: gmlList(s("combined_with")),
				TimePoint: s("time_point"), EffectSize: s("effect_size"), Comparator: s("comparator"),
				Disorder: s("disorder"), Population: s("population"), Location: s("location"),
			},
			Origin: s("origin"), Curation: s("curation"), Hedged: v["hedged"] == true, KnowledgeLevel: s("knowledge_level"), AgentType: s("agent_type"), Note: s("note"),
			Evidence: ev, Concerns: gmlList(s("concerns")), InferredFrom: gmlList(s("inferred_from")), Document: s("document"), Score: score,
		}
		e := g.Edges[i]
		if !reflect.DeepEqual(*e, back) {
			t.Errorf("edge %s:\n exported  %+v\n read back %+v", e.ID, *e, back)
		}
		if got := gmlList(s("publications")); !slices.Equal(got, e.Publications()) {
			t.Errorf("edge %s: publications %q, want %q", e.ID, got, e.Publications())
		}
		var quotes []string
		for _, x := range e.Evidence {
			quotes = append(quotes, x.Quote)
		}
		if got := gmlList(s("supporting_text")); !slices.Equal(got, quotes) {
			t.Errorf("edge %s: supporting_text %q, want %q", e.ID, got, quotes)
		}
	}
}

// Text XML 1.0 cannot carry (most control characters, invalid UTF-8)
// still gives a well-formed file.
func TestGraphMLStaysWellFormed(t *testing.T) {
	g := &export.Graph{
		Nodes: []*graph.Node{
			{ID: "KAP:a&b<c>\"d'", Category: graph.CategoryDrug, Name: "bell\x07 and nul\x00 and bad \xff utf-8", Synonyms: []string{"]]>", "a|b", `c\d`}},
			{ID: "KAP:z", Category: graph.CategoryDrug, Name: "z"},
		},
		Edges: []*graph.Edge{{ID: "KAP:e", Subject: "KAP:a&b<c>\"d'", Predicate: graph.Mentions, Object: "KAP:z", Note: "x\x1by"}},
	}
	out := render(t, func(b *bytes.Buffer) error { return export.WriteGraphML(b, g) })
	var doc gmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, out)
	}
	if doc.Graph.Nodes[0].ID != g.Nodes[0].ID || doc.Graph.Edges[0].Source != g.Nodes[0].ID {
		t.Errorf("ids with markup characters changed: %q, %q", doc.Graph.Nodes[0].ID, doc.Graph.Edges[0].Source)
	}
	keys := map[string][2]string{}
	for _, k := range doc.Keys {
		keys[k.ID] = [2]string{k.Name, k.Type}
	}
	syn := gmlValues(t, keys, doc.Graph.Nodes[0])["synonym"].(string)
	if got := gmlList(syn); !slices.Equal(got, g.Nodes[0].Synonyms) {
		t.Errorf("synonyms with | and \\ came back as %q", got)
	}
}

// TestKGXStudyClassFromDesign: a Study written without a Biolink class
// gets the one the domain gives its design, as the loader would have set
// it; a class the node carries is kept.
func TestKGXStudyClassFromDesign(t *testing.T) {
	tests := []struct {
		node graph.Node
		want string
	}{
		{graph.Node{ID: "KAP:s1", Category: graph.CategoryStudy, Design: graph.DesignPlaceboRCT}, "biolink:ClinicalTrial"},
		{graph.Node{ID: "KAP:s2", Category: graph.CategoryStudy, Design: graph.DesignCaseSeries}, "biolink:Article"},
		{graph.Node{ID: "KAP:s3", Category: graph.CategoryStudy}, "biolink:Article"},
		{graph.Node{ID: "KAP:s4", Category: graph.CategoryStudy, Design: graph.DesignRCT, Biolink: "biolink:Article"}, "biolink:Article"},
		{graph.Node{ID: "CHEBI:1", Category: graph.CategoryDrug, Design: graph.DesignRCT}, "biolink:SmallMolecule"},
	}
	for _, tt := range tests {
		out := render(t, func(b *bytes.Buffer) error {
			return export.WriteKGXNodes(b, &export.Graph{Nodes: []*graph.Node{&tt.node}})
		})
		var r struct {
			Category []string `json:"category"`
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("%s: %v", tt.node.ID, err)
		}
		if len(r.Category) != 1 || r.Category[0] != tt.want {
			t.Errorf("%s (%s): category %q, want [%s]", tt.node.ID, tt.node.Design, r.Category, tt.want)
		}
	}
}
