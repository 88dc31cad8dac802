package trapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kapgraph/kapgraph/api/trapi"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/app"
	"github.com/kapgraph/kapgraph/internal/testutil"
)

func questions() []question {
	ket := `{"n0":{"ids":["` + ketamine + `"]},"n1":{}}`
	affects := `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"]}}`
	return []question{
		{
			name: "one-hop-ketamine-affects", body: qg(ket, affects), status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, _ *graph.Node) bool { return isAffects(e) })
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name: "one-hop-ancestor-category-and-predicate",
			body: qg(`{"n0":{"ids":["`+ketamine+`"],"categories":["biolink:ChemicalEntity"]},"n1":{"categories":["biolink:DiseaseOrPhenotypicFeature"]}}`,
				`{"e0":{"subject":"n0","object":"n1","predicates":["biolink:related_to"]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				// Disease, BehavioralFeature, ClinicalFinding and
				// PhenotypicFeature are all DiseaseOrPhenotypicFeature.
				es := claimsOf(t, s, ketamine, graph.Out, func(_ *graph.Edge, n *graph.Node) bool {
					return slices.Contains([]graph.Category{graph.CategoryDisorder, graph.CategorySymptom, graph.CategoryOutcome, graph.CategorySafetyRisk}, n.Category)
				})
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name:   "one-hop-category-filter-biological-process",
			body:   qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{"categories":["biolink:BiologicalProcess"]}}`, affects),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, n *graph.Node) bool {
					return isAffects(e) && n.Category == graph.CategoryMechanism
				})
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name: "one-hop-decreased-activity",
			body: qg(ket, `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"],"qualifier_constraints":[{"qualifier_set":[`+
				`{"qualifier_type_id":"biolink:qualified_predicate","qualifier_value":"biolink:causes"},`+
				`{"qualifier_type_id":"biolink:object_direction_qualifier","qualifier_value":"decreased"},`+
				`{"qualifier_type_id":"biolink:object_aspect_qualifier","qualifier_value":"activity"}]}]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, _ *graph.Node) bool {
					return e.Predicate == graph.Affects && e.Sign == graph.Decreases && e.Qualifiers.Aspect == "activity"
				})
				// One since the seeds stopped reading "alters DMN activity" as a
				// decrease (loader/inference.go): ketamine's NMDA antagonism.
				if len(es) < 1 {
					t.Fatalf("the seeds changed: %d decreased-activity claims of ketamine", len(es))
				}
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name: "one-hop-increased-or-abundance",
			body: qg(ket, `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"],"qualifier_constraints":[`+
				`{"qualifier_set":[{"qualifier_type_id":"biolink:object_direction_qualifier","qualifier_value":"increased"}]},`+
				`{"qualifier_set":[{"qualifier_type_id":"biolink:object_aspect_qualifier","qualifier_value":"activity_or_abundance"}]}]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, _ *graph.Node) bool {
					return e.Predicate == graph.Affects && (e.Sign == graph.Increases || e.Qualifiers.Aspect == "activity" || e.Qualifiers.Aspect == "abundance")
				})
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name:   "one-hop-into-abstinence",
			body:   qg(`{"n0":{"categories":["biolink:NamedThing"]},"n1":{"ids":["KAP:abstinence"]}}`, affects),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, "KAP:abstinence", graph.In, func(e *graph.Edge, _ *graph.Node) bool { return isAffects(e) })
				return expected{ids(es), distinct(es, subject)}
			},
		},
		{
			name:   "one-hop-both-ends-pinned",
			body:   qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{"ids":["KAP:abstinence","KAP:craving"]}}`, affects),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, n *graph.Node) bool {
					return isAffects(e) && (n.ID == "KAP:abstinence" || n.ID == "KAP:craving")
				})
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name: "two-hop-drug-mechanism-outcome",
			body: qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{"categories":["biolink:BiologicalProcess"]},"n2":{"categories":["biolink:ClinicalFinding","biolink:BehavioralFeature"]}}`,
				`{"e0":{"subject":"n0","object":"n1","predicates":["biolink:affects"]},"e1":{"subject":"n1","object":"n2","predicates":["biolink:affects","biolink:correlated_with"]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				first := claimsOf(t, s, ketamine, graph.Out, func(e *graph.Edge, n *graph.Node) bool {
					return isAffects(e) && n.Category == graph.CategoryMechanism
				})
				var all []*graph.Edge
				results := map[string]bool{}
				for _, e0 := range first {
					outcome := func(n *graph.Node) bool {
						return n.Category == graph.CategoryOutcome || n.Category == graph.CategorySymptom
					}
					second := claimsOf(t, s, e0.Object, graph.Out, func(e *graph.Edge, n *graph.Node) bool {
						return (isAffects(e) || e.Predicate == graph.CorrelatedWith) && outcome(n)
					})
					// A correlation is symmetric: one stored towards the
					// mechanism answers too.
					back := claimsOf(t, s, e0.Object, graph.In, func(e *graph.Edge, n *graph.Node) bool {
						return e.Predicate == graph.CorrelatedWith && outcome(n)
					})
					if len(second)+len(back) > 0 {
						all = append(all, e0)
					}
					for _, e1 := range second {
						all = append(all, e1)
						results[e0.Object+" "+e1.Object] = true
					}
					for _, e1 := range back {
						all = append(all, e1)
						results[e0.Object+" "+e1.Subject] = true
					}
				}
				if len(results) == 0 {
					t.Fatal("the seeds changed: no ketamine → mechanism → outcome chain")
				}
				return expected{ids(all), len(results)}
			},
		},
		{
			// Stored as craving → relapse; correlated_with is symmetric,
			// so relapse as subject finds it too.
			name:   "one-hop-symmetric-correlation",
			body:   qg(`{"n0":{"ids":["KAP:relapse"]},"n1":{}}`, `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:correlated_with"]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				corr := func(e *graph.Edge, _ *graph.Node) bool { return e.Predicate == graph.CorrelatedWith }
				in := claimsOf(t, s, "KAP:relapse", graph.In, corr)
				out := claimsOf(t, s, "KAP:relapse", graph.Out, corr)
				if len(in) == 0 {
					t.Fatal("the seeds changed: nothing correlates with relapse")
				}
				return expected{ids(append(in, out...)), distinct(in, subject) + distinct(out, object)}
			},
		},
		{
			name:   "one-hop-unknown-id",
			body:   qg(`{"n0":{"ids":["KAP:no_such_node"]},"n1":{}}`, affects),
			status: 200, trapiStatus: "Success",
			want: func(*testing.T, graph.Store) expected { return expected{} },
			logs: []string{"kapgraph has no node KAP:no_such_node"},
		},
		{
			name:   "one-hop-unknown-predicate",
			body:   qg(ket, `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:physically_interacts_with"]}}`),
			status: 200, trapiStatus: "Success",
			want: func(*testing.T, graph.Store) expected { return expected{} },
			logs: []string{"no kapgraph edge is a biolink:physically_interacts_with"},
		},
		{
			// The seed's psilocybin has only a PROPOSED claim (a call for
			// comparative studies): no answer unless the query opts in.
			name:   "one-hop-proposed-left-out-by-default",
			body:   qg(`{"n0":{"ids":["`+psilocybin+`"]},"n1":{}}`, `{"e0":{"subject":"n0","object":"n1","predicates":["biolink:studied_to_treat"]}}`),
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsOf(t, s, psilocybin, graph.Out, func(e *graph.Edge, _ *graph.Node) bool { return e.Predicate == graph.StudiedToTreat })
				if len(es) != 0 {
					t.Fatalf("psilocybin has ASSERTED STUDIED_TO_TREAT claims %v; the question needs none", ids(es))
				}
				return expected{}
			},
		},
		{
			name: "one-hop-proposed-opted-in",
			body: `{"kap_modalities":["ASSERTED","PROPOSED"],"message":{"query_graph":{"nodes":{"n0":{"ids":["` + psilocybin + `"]},"n1":{}},` +
				`"edges":{"e0":{"subject":"n0","object":"n1","predicates":["biolink:studied_to_treat"]}}}}}`,
			status: 200, trapiStatus: "Success",
			want: func(t *testing.T, s graph.Store) expected {
				es := claimsIn(t, s, psilocybin, graph.Out, []graph.Modality{graph.ModalityAsserted, graph.ModalityProposed},
					func(e *graph.Edge, _ *graph.Node) bool { return e.Predicate == graph.StudiedToTreat })
				if len(es) == 0 {
					t.Fatal("psilocybin has no PROPOSED STUDIED_TO_TREAT claim to opt in to")
				}
				return expected{ids(es), distinct(es, object)}
			},
		},
		{
			name: "refused-unknown-modality", status: 400, trapiStatus: "BadRequest", logs: []string{"unknown modality"},
			body: `{"kap_modalities":["LIKELY"],"message":{"query_graph":{"nodes":` + ket + `,"edges":` + affects + `}}}`,
		},
		{
			name: "refused-three-edges", status: 400, trapiStatus: "QueryNotTraversable", logs: []string{"at most 2"},
			body: qg(`{"a":{"ids":["`+ketamine+`"]},"b":{},"c":{},"d":{}}`,
				`{"e0":{"subject":"a","object":"b"},"e1":{"subject":"b","object":"c"},"e2":{"subject":"c","object":"d"}}`),
		},
		{
			name: "refused-no-ids", status: 400, trapiStatus: "QueryNotTraversable", logs: []string{"too broad"},
			body: qg(`{"n0":{"categories":["biolink:SmallMolecule"]},"n1":{}}`, affects),
		},
		{
			name: "refused-unknown-query-node", status: 400, trapiStatus: "BadRequest", logs: []string{`"n9" is not a query node`},
			body: qg(ket, `{"e0":{"subject":"n0","object":"n9"}}`),
		},
		{
			// TRAPI's words, not Go's: the property's path, the nearest
			// property TRAPI defines there.
			name: "refused-misspelt-property", status: 400, trapiStatus: "BadRequest",
			logs: []string{`query_graph.edges.e0: unknown property "subjct"; did you mean "subject"?`},
			body: qg(ket, `{"e0":{"subjct":"n0","object":"n1"}}`),
		},
		{
			name: "refused-wrong-type", status: 400, trapiStatus: "BadRequest",
			logs: []string{`query_graph.nodes.n0.ids: expected an array of strings, got a string`},
			body: qg(`{"n0":{"ids":"CHEBI:6121"},"n1":{}}`, affects),
		},
		{
			name: "refused-wrong-type-in-array", status: 400, trapiStatus: "BadRequest",
			logs: []string{`query_graph.edges.e0.predicates[0]: expected a string, got a number`},
			body: qg(ket, `{"e0":{"subject":"n0","object":"n1","predicates":[7]}}`),
		},
		{
			name: "refused-missing-object", status: 400, trapiStatus: "BadRequest",
			logs: []string{`query_graph.edges.e0: the required property "object" is missing (QEdge)`},
			body: qg(ket, `{"e0":{"subject":"n0"}}`),
		},
		{
			name: "refused-attribute-constraint", status: 400, trapiStatus: "BadRequest", logs: []string{"attribute constraints are not supported"},
			body: qg(ket, `{"e0":{"subject":"n0","object":"n1","attribute_constraints":[{"id":"biolink:knowledge_level","name":"kl","operator":"==","value":"observation"}]}}`),
		},
		{
			name: "refused-not-json", status: 400, trapiStatus: "BadRequest", logs: []string{"not a TRAPI query"},
			body: `{"message":`,
		},
		{
			name: "refused-no-query-graph", status: 400, trapiStatus: "BadRequest", logs: []string{"query_graph is required"},
			body: `{"message":{}}`,
		},
	}
}

// response is the part of a TRAPI response the checks read.
type response struct {
	Message struct {
		KnowledgeGraph *struct {
			Nodes map[string]json.RawMessage `json:"nodes"`
			Edges map[string]struct {
				Predicate  string `json:"predicate"`
				Attributes []struct {
					Type  string `json:"attribute_type_id"`
					Name  string `json:"original_attribute_name"`
					Value any    `json:"value"`
				} `json:"attributes"`
				Sources []struct {
					ID   string `json:"resource_id"`
					Role string `json:"resource_role"`
				} `json:"sources"`
			} `json:"edges"`
		} `json:"knowledge_graph"`
		Results []struct {
			Analyses []struct {
				Score float64 `json:"score"`
			} `json:"analyses"`
		} `json:"results"`
	} `json:"message"`
	Status string `json:"status"`
	Logs   []struct {
		Level   string `json:"level"`
		Message string `json:"message"`
	} `json:"logs"`
}

func post(t *testing.T, srv *httptest.Server, path, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(srv.URL+path, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, buf.Bytes()
}

func get(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, buf.Bytes()
}

// ask runs every question against one store through the whole server and
// checks each answer; it returns the response bodies by name, for the
// Python checker. With a statement counter (Neo4j), each answered query
// must cost at most two statements per query edge plus two (the pinned
// nodes and the citation concerns): a fixed budget, whatever the graph.
func ask(t *testing.T, store graph.Store, golden bool, counter *neo4jtest.RunCounter) map[string][]byte {
	srv := httptest.NewServer(app.NewServer(app.Config{}, store, nil))
	t.Cleanup(srv.Close)
	bodies := map[string][]byte{}
	for _, q := range questions() {
		t.Run(q.name, func(t *testing.T) {
			before := int64(0)
			if counter != nil {
				before = counter.Runs()
			}
			code, body := post(t, srv, "/trapi/query", q.body)
			if counter != nil {
				var qgraph struct {
					Message struct {
						QueryGraph struct {
							Edges map[string]json.RawMessage `json:"edges"`
						} `json:"query_graph"`
					} `json:"message"`
				}
				_ = json.Unmarshal([]byte(q.body), &qgraph)
				runs, budget := counter.Runs()-before, int64(2*len(qgraph.Message.QueryGraph.Edges)+2)
				t.Logf("%d Neo4j statements", runs)
				if runs > budget {
					t.Errorf("%d Neo4j statements, above the budget of %d", runs, budget)
				}
			}
			bodies[q.name] = body
			var r response
			if err := json.Unmarshal(body, &r); err != nil {
				t.Fatalf("status %d, not JSON: %v\n%s", code, err, body)
			}
			if code != q.status || r.Status != q.trapiStatus {
				t.Fatalf("got %d %s, want %d %s\n%s", code, r.Status, q.status, q.trapiStatus, body)
			}
			var logs []string
			for _, l := range r.Logs {
				logs = append(logs, l.Level+" "+l.Message)
			}
			for _, want := range q.logs {
				if !strings.Contains(strings.Join(logs, "\n"), want) {
					t.Errorf("logs lack %q: %v", want, logs)
				}
			}
			if q.want != nil {
				check(t, store, q, r)
			}
			path := filepath.Join("testdata", q.name+".json")
			if golden {
				testutil.Golden(t, path, body)
			} else {
				// The second engine must answer byte for byte as the first.
				testutil.CompareGolden(t, path, body)
			}
		})
	}
	t.Run("meta_knowledge_graph", func(t *testing.T) {
		code, body := get(t, srv, "/trapi/meta_knowledge_graph")
		if code != 200 {
			t.Fatalf("status %d\n%s", code, body)
		}
		bodies["meta_knowledge_graph"] = body
		var mkg trapi.MetaKnowledgeGraph
		if err := json.Unmarshal(body, &mkg); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		mg, err := store.MetaGraph(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range mg {
			if m.Predicate.Curated() {
				want[m.Subject.Biolink()+" "+m.Object.Biolink()] = true
			}
		}
		got := map[string]bool{}
		for _, e := range mkg.Edges {
			got[e.Subject+" "+e.Object] = true
		}
		if len(got) != len(want) {
			t.Errorf("meta edges cover %d category pairs, the store %d", len(got), len(want))
		}
		if p := mkg.Nodes["biolink:SmallMolecule"].IDPrefixes; !slices.Contains(p, "CHEBI") {
			t.Errorf("SmallMolecule id prefixes %v lack CHEBI", p)
		}
		path := filepath.Join("testdata", "meta_knowledge_graph.json")
		if golden {
			testutil.Golden(t, path, body)
		} else {
			testutil.CompareGolden(t, path, body)
		}
	})
	t.Run("refused-too-large", func(t *testing.T) {
		small := httptest.NewServer(app.NewServer(app.Config{HTTP: httpConfigMaxBody(64)}, store, nil))
		defer small.Close()
		code, body := post(t, small, "/trapi/query", qg(`{"n0":{"ids":["`+ketamine+`"]},"n1":{}}`, `{"e0":{"subject":"n0","object":"n1"}}`))
		var r response
		if err := json.Unmarshal(body, &r); err != nil || code != 413 || r.Status != trapi.StatusTooLarge {
			t.Fatalf("got %d %v %s", code, err, body)
		}
		bodies["refused-too-large"] = body
	})
	return bodies
}

// check compares an answer with the store's own reads, and checks the
// provenance every edge must carry.
func check(t *testing.T, store graph.Store, q question, r response) {
	t.Helper()
	want := q.want(t, store)
	var got []string
	if kg := r.Message.KnowledgeGraph; kg != nil {
		for id, e := range kg.Edges {
			got = append(got, id)
			attrs := map[string]bool{}
			for _, a := range e.Attributes {
				attrs[a.Type] = true
			}
			for _, need := range []string{"biolink:knowledge_level", "biolink:agent_type", "biolink:supporting_text", "biolink:publications"} {
				if !attrs[need] {
					t.Errorf("edge %s lacks %s", id, need)
				}
			}
			if len(e.Sources) != 1 || e.Sources[0].ID != "infores:kapgraph" || e.Sources[0].Role != "primary_knowledge_source" {
				t.Errorf("edge %s sources %+v", id, e.Sources)
			}
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want.edges) {
		t.Errorf("edges:\n got %d %v\nwant %d %v", len(got), got, len(want.edges), want.edges)
	}
	if len(r.Message.Results) != want.results {
		t.Errorf("%d results, want %d", len(r.Message.Results), want.results)
	}
	for i := 1; i < len(r.Message.Results); i++ {
		if r.Message.Results[i].Analyses[0].Score > r.Message.Results[i-1].Analyses[0].Score {
			t.Errorf("results are not sorted by score at %d", i)
		}
	}
}

// TestQuestions asks the questions of the embedded store and of Neo4j:
// each answer is checked against the store's own reads and against the
// golden file, so both engines must answer byte for byte alike; then the
// Python checker reads every response (TRAPI's pydantic models and the
// Biolink schema).
func TestQuestions(t *testing.T) {
	all := map[string]map[string][]byte{}
	t.Run("memory", func(t *testing.T) { all["memory"] = ask(t, memoryStore(t), true, nil) })
	t.Run("neo4j", func(t *testing.T) {
		counter := &neo4jtest.RunCounter{}
		all["neo4j"] = ask(t, neo4jStore(t, counter), false, counter)
	})
	t.Run("python", func(t *testing.T) { runChecker(t, all) })
}
