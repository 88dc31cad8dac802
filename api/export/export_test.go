package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/kapgraph/kapgraph/api/export"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/testutil"
	"github.com/kapgraph/kapgraph/loader"
	"github.com/kapgraph/kapgraph/seeds"
)

// buildDate is the fixed date every test export is stamped with.
func buildDate() time.Time { return time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) }

// fixtureDocs reads testdata/fixture.json: two small documents sharing
// entities, with every node and edge field set somewhere and the text
// that trips writers up (curly quotes, em dashes, "ö", <, &, |, \,
// newlines and tabs).
func fixtureDocs(t *testing.T) []*graph.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "fixture.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := export.ReadJSON(f)
	if err != nil {
		t.Fatalf("reading the fixture: %v", err)
	}
	return docs
}

func seedDocs(t *testing.T) []*graph.Document {
	t.Helper()
	built, err := loader.LoadFS(seeds.FS, "seeds")
	if err != nil {
		t.Fatalf("building the seeds: %v", err)
	}
	docs := make([]*graph.Document, len(built))
	for i, b := range built {
		docs[i] = b.Document
	}
	return docs
}

func newStore(t *testing.T, docs ...[]*graph.Document) *memory.Store {
	t.Helper()
	s := memory.New()
	for _, ds := range docs {
		for _, d := range ds {
			if _, err := s.Load(context.Background(), d); err != nil {
				t.Fatalf("loading %s: %v", d.ID, err)
			}
		}
	}
	return s
}

// fullStore holds the seeds and the fixture together: several documents,
// a shared entity (CHEBI:6121) that more than one document carries, and
// every field.
func fullStore(t *testing.T) *memory.Store {
	return newStore(t, seedDocs(t), fixtureDocs(t))
}

func snapshot(t *testing.T, s graph.Store) *export.Graph {
	t.Helper()
	g, err := export.Snapshot(context.Background(), s)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	return g
}

func render(t *testing.T, write func(*bytes.Buffer) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// golden checks got against testdata/name; KAPGRAPH_UPDATE_GOLDEN=1
// rewrites it (and canonicalises testdata/fixture.json).
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	testutil.Golden(t, filepath.Join("testdata", name), got)
}

// ---- kapgraph JSON -------------------------------------------------------

func TestJSONRoundTripRecreatesTheGraph(t *testing.T) {
	ctx := context.Background()
	orig := fullStore(t)
	g1 := snapshot(t, orig)
	out1 := render(t, func(b *bytes.Buffer) error { return export.WriteJSON(b, g1) })

	docs, err := export.ReadJSON(bytes.NewReader(out1))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	copyStore := memory.New()
	for _, d := range docs {
		if _, err := copyStore.Load(ctx, d); err != nil {
			t.Fatalf("loading %s back: %v", d.ID, err)
		}
	}
	g2 := snapshot(t, copyStore)

	if !slices.Equal(g1.Documents, g2.Documents) {
		t.Errorf("documents %v, after the round trip %v", g1.Documents, g2.Documents)
	}
	if len(g1.Nodes) != len(g2.Nodes) || len(g1.Edges) != len(g2.Edges) {
		t.Fatalf("%d nodes, %d edges; after the round trip %d, %d", len(g1.Nodes), len(g1.Edges), len(g2.Nodes), len(g2.Edges))
	}
	for i := range g1.Nodes {
		if d := cmp.Diff(*g1.Nodes[i], *g2.Nodes[i]); d != "" {
			t.Errorf("node %s changed in the round trip (-was +now):\n%s", g1.Nodes[i].ID, d)
		}
	}
	for i := range g1.Edges {
		if d := cmp.Diff(*g1.Edges[i], *g2.Edges[i]); d != "" {
			t.Errorf("edge %s changed in the round trip (-was +now):\n%s", g1.Edges[i].ID, d)
		}
	}
	for name, get := range map[string]func(graph.Store) (any, error){
		"Stats":     func(s graph.Store) (any, error) { return s.Stats(ctx) },
		"MetaGraph": func(s graph.Store) (any, error) { return s.MetaGraph(ctx) },
		"Neighborhood": func(s graph.Store) (any, error) {
			return s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "CHEBI:6121", Depth: 2, Limit: graph.MaxNeighborhood})
		},
		"MechanismPaths": func(s graph.Store) (any, error) {
			return s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121"})
		},
	} {
		a, errA := get(orig)
		b, errB := get(copyStore)
		if errA != nil || errB != nil {
			t.Fatalf("%s: %v / %v", name, errA, errB)
		}
		if d := cmp.Diff(a, b); d != "" {
			t.Errorf("%s differs after the round trip (-was +now):\n%s", name, d)
		}
	}
	out2 := render(t, func(b *bytes.Buffer) error { return export.WriteJSON(b, g2) })
	if !bytes.Equal(out1, out2) {
		t.Errorf("exporting the reloaded graph gives different bytes:\n%s", cmp.Diff(strings.Split(string(out1), "\n"), strings.Split(string(out2), "\n")))
	}
}

// The fixture is kept in canonical form, so it doubles as the golden file
// of the kapgraph JSON writer.
func TestJSONFixtureIsCanonical(t *testing.T) {
	g := snapshot(t, newStore(t, fixtureDocs(t)))
	golden(t, "fixture.json", render(t, func(b *bytes.Buffer) error { return export.WriteJSON(b, g) }))
}

func TestReadJSONRefusesDamagedInput(t *testing.T) {
	const node = `{"id":"KAP:d","category":"Review","biolink":"biolink:Publication","name":"d","document":"KAP:d"}`
	const shared = `{"id":"CHEBI:1","category":"Drug","biolink":"biolink:SmallMolecule","name":"x"}`
	edge := func(doc, obj string) string {
		return `{"id":"KAP:d/e","subject":"KAP:d","predicate":"MENTIONS","object":"` + obj + `","biolink":"biolink:mentions","qualifiers":{},"document":"` + doc + `","score":0}`
	}
	for name, in := range map[string]string{
		"not json":             `{"kapgraph":`,
		"wrong version":        `{"kapgraph":"2","documents":[],"nodes":[],"edges":[]}`,
		"unknown field":        `{"kapgraph":"1","documents":[],"nodes":[{"id":"KAP:d","category":"Review","colour":"red","document":"KAP:d"}],"edges":[]}`,
		"data after the graph": `{"kapgraph":"1","documents":[],"nodes":[],"edges":[]} {}`,
		"duplicate node":       `{"kapgraph":"1","documents":["KAP:d"],"nodes":[` + node + `,` + node + `],"edges":[]}`,
		"edge without doc":     `{"kapgraph":"1","documents":["KAP:d"],"nodes":[` + node + `],"edges":[` + edge("", "KAP:d") + `]}`,
		"dangling edge":        `{"kapgraph":"1","documents":["KAP:d"],"nodes":[` + node + `],"edges":[` + edge("KAP:d", "CHEBI:404") + `]}`,
		"unknown category":     `{"kapgraph":"1","documents":["KAP:d"],"nodes":[{"id":"KAP:d","category":"Planet","document":"KAP:d"}],"edges":[]}`,
		"shared but no docs":   `{"kapgraph":"1","documents":[],"nodes":[` + shared + `],"edges":[]}`,
		"empty document id":    `{"kapgraph":"1","documents":[""],"nodes":[],"edges":[]}`,
	} {
		if docs, err := export.ReadJSON(strings.NewReader(in)); err == nil {
			t.Errorf("%s: accepted, gave %d documents", name, len(docs))
		}
	}
	ok := `{"kapgraph":"1","documents":["KAP:d"],"nodes":[` + node + `,` + shared + `],"edges":[` + edge("KAP:d", "CHEBI:1") + `]}`
	docs, err := export.ReadJSON(strings.NewReader(ok))
	if err != nil || len(docs) != 1 || len(docs[0].Nodes) != 2 || len(docs[0].Edges) != 1 {
		t.Fatalf("a valid file: %v, %+v", err, docs)
	}
}

// ---- determinism -------------------------------------------------------

// Two stores loaded in different orders export byte-identical files: the
// writers order by id, not by load order or map iteration.
func TestExportsAreDeterministic(t *testing.T) {
	a := fullStore(t)
	rev := slices.Clone(fixtureDocs(t))
	slices.Reverse(rev)
	b := newStore(t, rev, seedDocs(t))
	meta := export.Meta{Date: buildDate()}
	writers := map[string]func(*bytes.Buffer, *export.Graph) error{
		"json":    func(w *bytes.Buffer, g *export.Graph) error { return export.WriteJSON(w, g) },
		"nodes":   func(w *bytes.Buffer, g *export.Graph) error { return export.WriteKGXNodes(w, g) },
		"edges":   func(w *bytes.Buffer, g *export.Graph) error { return export.WriteKGXEdges(w, g) },
		"graphml": func(w *bytes.Buffer, g *export.Graph) error { return export.WriteGraphML(w, g) },
		"tar.gz":  func(w *bytes.Buffer, g *export.Graph) error { return export.WriteKGXArchive(w, g, meta) },
	}
	for name, write := range writers {
		x := render(t, func(w *bytes.Buffer) error { return write(w, snapshot(t, a)) })
		y := render(t, func(w *bytes.Buffer) error { return write(w, snapshot(t, b)) })
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two exports of the same graph differ", name)
		}
	}
}

// ---- golden files ------------------------------------------------------

func TestGoldenFiles(t *testing.T) {
	g := snapshot(t, newStore(t, fixtureDocs(t)))
	meta := export.Meta{Date: buildDate(), Version: "test"}
	golden(t, "kgx-nodes.golden.jsonl", render(t, func(b *bytes.Buffer) error { return export.WriteKGXNodes(b, g) }))
	golden(t, "kgx-edges.golden.jsonl", render(t, func(b *bytes.Buffer) error { return export.WriteKGXEdges(b, g) }))
	golden(t, "kgx-manifest.golden.json", render(t, func(b *bytes.Buffer) error { return export.WriteKGXManifest(b, g, meta) }))
	gml := render(t, func(b *bytes.Buffer) error { return export.WriteGraphML(b, g) })
	golden(t, "graph.golden.graphml", gml)
	// The key declarations on their own: the schema viewers see, which
	// must not change by accident.
	head, _, _ := bytes.Cut(gml, []byte("  <graph "))
	golden(t, "graphml-keys.golden.xml", head)

	// Of the seeds' larger files, the first lines: they show the mapping
	// of real records (the seeds change, so only a few lines are pinned).
	sg := snapshot(t, newStore(t, seedDocs(t)))
	golden(t, "seeds-kgx-nodes.head.golden.jsonl", firstLines(render(t, func(b *bytes.Buffer) error { return export.WriteKGXNodes(b, sg) }), 3))
	golden(t, "seeds-kgx-edges.head.golden.jsonl", firstLines(render(t, func(b *bytes.Buffer) error { return export.WriteKGXEdges(b, sg) }), 3))
}

func firstLines(b []byte, n int) []byte {
	lines := bytes.SplitAfter(b, []byte("\n"))
	if len(lines) > n {
		lines = lines[:n]
	}
	return bytes.Join(lines, nil)
}

// ---- KGX read back -----------------------------------------------------

// kgxNodeBack rebuilds a node from its KGX record, reading the Biolink
// slots and kap_ properties by name, as a consumer would.
func kgxNodeBack(t *testing.T, r map[string]any) graph.Node {
	t.Helper()
	s := func(k string) string { v, _ := r[k].(string); return v }
	i := func(k string) int { v, _ := r[k].(float64); return int(v) }
	l := func(k string) []string {
		raw, _ := r[k].([]any)
		var out []string
		for _, x := range raw {
			out = append(out, x.(string))
		}
		return out
	}
	cats := l("category")
	if len(cats) != 1 {
		t.Fatalf("node %s: category %v", s("id"), cats)
	}
	if pb := l("provided_by"); !slices.Equal(pb, []string{export.Infores}) {
		t.Errorf("node %s: provided_by %v", s("id"), pb)
	}
	return graph.Node{
		ID: s("id"), Category: graph.Category(s("kap_category")), Biolink: cats[0], Name: s("name"),
		Synonyms: l("synonym"), Xrefs: l("xref"), Kind: s("kap_kind"), Description: s("description"),
		Document: s("kap_document"), Authors: l("kap_authors"), Affiliation: s("kap_affiliation"),
		Citation: s("kap_citation"), Submitted: s("kap_submitted"), Accepted: s("kap_accepted"),
		Published: s("kap_published"), Keywords: l("kap_keywords"), CorrespondingAuthor: s("kap_corresponding_author"),
		ArticleCode: s("kap_article_code"), RefNumber: i("kap_ref_number"), Year: i("kap_year"),
		Title: s("kap_title"), Journal: s("kap_journal"), Volume: s("kap_volume"), Issue: s("kap_issue"),
		Pages: s("kap_pages"), Design: s("kap_design"), EvidenceLevel: i("kap_evidence_level"),
		DesignBasis: s("kap_design_basis"), Text: s("kap_text"), Section: s("kap_section"),
		Level: i("kap_level"), Ordinal: i("kap_ordinal"), Start: i("kap_start"), End: i("kap_end"),
		Line: i("kap_line"), ConcernKind: s("kap_concern_kind"), Claims: l("kap_claims"),
	}
}

func kgxEdgeBack(t *testing.T, line []byte) graph.Edge {
	t.Helper()
	var r struct {
		ID, Subject, Predicate, Object                    string
		OriginalPredicate                                 string   `json:"original_predicate"`
		Negated                                           bool     `json:"negated"`
		QualifiedPredicate                                string   `json:"qualified_predicate"`
		Direction                                         string   `json:"object_direction_qualifier"`
		Aspect                                            string   `json:"object_aspect_qualifier"`
		Mechanism                                         string   `json:"causal_mechanism_qualifier"`
		KnowledgeLevel                                    string   `json:"knowledge_level"`
		AgentType                                         string   `json:"agent_type"`
		Source                                            string   `json:"primary_knowledge_source"`
		Publications                                      []string `json:"publications"`
		SupportingText                                    []string `json:"supporting_text"`
		Sign                                              graph.Sign
		KapMechanism                                      string           `json:"kap_mechanism"`
		KapAspect                                         string           `json:"kap_aspect"`
		CombinedWith                                      []string         `json:"kap_combined_with"`
		TimePoint, EffectSize, Comparator                 string           `json:"-"`
		Disorder, Population, Location, Origin, Note, Doc string           `json:"-"`
		Score                                             float64          `json:"kap_score"`
		Concerns                                          []string         `json:"kap_concerns"`
		InferredFrom                                      []string         `json:"kap_inferred_from"`
		Evidence                                          []graph.Evidence `json:"kap_evidence"`
		KapHedged                                         bool             `json:"kap_hedged"`
	}
	if err := json.Unmarshal(line, &r); err != nil {
		t.Fatal(err)
	}
	var extra map[string]any
	_ = json.Unmarshal(line, &extra)
	s := func(k string) string { v, _ := extra[k].(string); return v }
	r.Sign = graph.Sign(s("kap_sign"))
	if r.Source != export.Infores {
		t.Errorf("edge %s: primary_knowledge_source %q", r.ID, r.Source)
	}
	if !strings.HasPrefix(r.OriginalPredicate, export.PredicatePrefix) {
		t.Errorf("edge %s: original_predicate %q", r.ID, r.OriginalPredicate)
	}
	p := graph.Predicate(strings.TrimPrefix(r.OriginalPredicate, export.PredicatePrefix))
	if p == graph.Affects && r.Sign != graph.Unsigned { // an unsigned effect ("alters") is plain biolink:affects
		want := map[graph.Sign]string{graph.Increases: "increased", graph.Decreases: "decreased"}[r.Sign]
		if r.Direction != want || r.QualifiedPredicate != "biolink:causes" {
			t.Errorf("edge %s: AFFECTS %s as %s %s", r.ID, r.Sign, r.QualifiedPredicate, r.Direction)
		}
	}
	var quotes []string
	for _, ev := range r.Evidence {
		quotes = append(quotes, ev.Quote)
	}
	if !slices.Equal(quotes, r.SupportingText) {
		t.Errorf("edge %s: supporting_text %q, evidence quotes %q", r.ID, r.SupportingText, quotes)
	}
	return graph.Edge{
		ID: r.ID, Subject: r.Subject, Predicate: p, Object: r.Object, Biolink: r.Predicate, Sign: r.Sign,
		Negated: r.Negated, Modality: graph.Modality(s("kap_modality")),
		Qualifiers: graph.Qualifiers{
			Mechanism: r.Mechanism + r.KapMechanism, Aspect: r.Aspect + r.KapAspect, CombinedWith: r.CombinedWith,
			TimePoint: s("kap_time_point"), EffectSize: s("kap_effect_size"), Comparator: s("kap_comparator"),
			Disorder: s("kap_disorder_context"), Population: s("kap_population_context"), Location: s("kap_location_context"),
		},
		Origin: s("kap_origin"), Curation: s("kap_curation"), Hedged: r.KapHedged, KnowledgeLevel: r.KnowledgeLevel, AgentType: r.AgentType, Note: s("kap_note"),
		Evidence: r.Evidence, Concerns: r.Concerns, InferredFrom: r.InferredFrom, Document: s("kap_document"), Score: r.Score,
	}
}

// withDefaults is what KGX makes of an edge: Biolink requires a knowledge
// level and an agent type, so absent ones are written as not_provided.
func withDefaults(e graph.Edge) graph.Edge {
	if e.KnowledgeLevel == "" {
		e.KnowledgeLevel = "not_provided"
	}
	if e.AgentType == "" {
		e.AgentType = "not_provided"
	}
	return e
}

func TestKGXKeepsEveryField(t *testing.T) {
	g := snapshot(t, fullStore(t))
	nodesOut := render(t, func(b *bytes.Buffer) error { return export.WriteKGXNodes(b, g) })
	edgesOut := render(t, func(b *bytes.Buffer) error { return export.WriteKGXEdges(b, g) })

	var nodes []graph.Node
	sc := bufio.NewScanner(bytes.NewReader(nodesOut))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("nodes.jsonl line %d: %v", len(nodes)+1, err)
		}
		for k := range r {
			if !strings.HasPrefix(k, "kap_") && !slices.Contains([]string{"id", "category", "name", "description", "synonym", "xref", "provided_by"}, k) {
				t.Errorf("node property %q is neither a Biolink slot used here nor kap_", k)
			}
		}
		nodes = append(nodes, kgxNodeBack(t, r))
	}
	var edges []graph.Edge
	sc = bufio.NewScanner(bytes.NewReader(edgesOut))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		edges = append(edges, kgxEdgeBack(t, sc.Bytes()))
	}
	if len(nodes) != len(g.Nodes) || len(edges) != len(g.Edges) {
		t.Fatalf("read back %d nodes, %d edges; exported %d, %d", len(nodes), len(edges), len(g.Nodes), len(g.Edges))
	}
	for i, n := range g.Nodes {
		if !reflect.DeepEqual(*n, nodes[i]) {
			t.Errorf("node %s:\n exported %+v\n read back %+v", n.ID, *n, nodes[i])
		}
	}
	for i, e := range g.Edges {
		if want := withDefaults(*e); !reflect.DeepEqual(want, edges[i]) {
			t.Errorf("edge %s:\n exported %+v\n read back %+v", e.ID, want, edges[i])
		}
	}
}

// ---- GraphML read back -------------------------------------------------
