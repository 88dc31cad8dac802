// Package storetest is the conformance suite every graph.Store must pass.
// Both engines answer the same questions over the same documents and are
// compared with the same golden files, so "the embedded store and Neo4j
// agree" is something a test checks rather than something we hope.
//
// The suite imports nothing but the domain: the seed graph it loads is a
// committed fixture (testdata/seeds.json) that the loader's tests write
// and keep current, so the engines' tests do not depend on the loader and
// a change to the loader shows up as a diff of the fixture.
package storetest

import (
	"context"
	"embed"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	goldenfile "github.com/kapgraph/kapgraph/graph/storetest/golden"
)

// testdata/seeds.json holds the suite's input: the documents the loader
// builds from seeds/ (written and kept current by the loader's
// TestStoretestSeedsAreCurrent, since the domain must not import the
// loader). It is embedded so that any engine's test binary has it; the
// golden answers beside it are read from goldenDir by every engine.
//
//go:embed testdata/seeds.json
var testdata embed.FS

// goldenDir is where KAPGRAPH_UPDATE_GOLDEN=1 writes the golden files: the engines' tests
// run in graph/<engine>, a sibling of this package.
const goldenDir = "../storetest/testdata"

// Factory returns an empty store; the suite loads what it needs.
type Factory func(t *testing.T) graph.Store

// Seeds returns the seed graph, a fresh copy on every call so a test may
// change its documents.
func Seeds(t testing.TB) []*graph.Document {
	t.Helper()
	data, err := testdata.ReadFile("testdata/seeds.json")
	if err != nil {
		t.Fatalf("reading the seed graph: %v", err)
	}
	var docs []*graph.Document
	if err := json.Unmarshal(data, &docs); err != nil {
		t.Fatalf("decoding testdata/seeds.json: %v", err)
	}
	if len(docs) == 0 {
		t.Fatal("testdata/seeds.json holds no documents")
	}
	return docs
}

// Run runs the whole suite against stores made by newStore.
func Run(t *testing.T, newStore Factory) {
	seeds := Seeds(t)
	seeded := func(t *testing.T) graph.Store {
		t.Helper()
		s := newStore(t)
		for _, d := range seeds {
			if _, err := s.Load(context.Background(), d); err != nil {
				t.Fatalf("load %s: %v", d.ID, err)
			}
		}
		return s
	}
	t.Run("LoadIsIdempotent", func(t *testing.T) { testIdempotent(t, newStore(t), seeds) })
	t.Run("ReloadReplacesOnlyItsDocument", func(t *testing.T) { testReplace(t, newStore(t), seeds) })
	t.Run("InvalidDocumentWritesNothing", func(t *testing.T) { testInvalid(t, newStore(t), seeds) })
	t.Run("FanOutVersion", func(t *testing.T) { testFanOutVersion(t, newStore(t), seeds) })
	t.Run("Modalities", func(t *testing.T) { testModalities(t, newStore(t), seeds) })
	s := seeded(t)
	t.Run("Nodes", func(t *testing.T) { testNodes(t, s) })
	t.Run("ListNodes", func(t *testing.T) { testList(t, s) })
	t.Run("EdgesOf", func(t *testing.T) { testEdges(t, s) })
	t.Run("EdgePages", func(t *testing.T) { testEdgePages(t, s) })
	t.Run("Neighborhood", func(t *testing.T) { testNeighborhood(t, s) })
	t.Run("Paths", func(t *testing.T) { testPaths(t, s) })
	t.Run("MechanismPaths", func(t *testing.T) { testMechanismPaths(t, s) })
	t.Run("RestrictedPaths", func(t *testing.T) { testRestrictedPaths(t, s) })
	t.Run("Claims", func(t *testing.T) { testClaims(t, s) })
	t.Run("ReadAndEvidence", func(t *testing.T) { testReadAndEvidence(t, s) })
	t.Run("Search", func(t *testing.T) { testSearch(t, s) })
	t.Run("StatsAndMetaGraph", func(t *testing.T) { testStats(t, s) })
	t.Run("FanOut", func(t *testing.T) { testFanOut(t, s) })
	t.Run("Limits", func(t *testing.T) { testLimits(t, s) })
	t.Run("HostileStringsAreData", func(t *testing.T) { testHostile(t, s) })
}

var ctx = context.Background()

// golden compares v, as indented JSON, with testdata/<name>.golden.json.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	// Only beside the committed copy: from anywhere else a rewrite would
	// land in a directory nobody reads.
	if goldenfile.Updating(t) {
		if _, err := os.Stat(filepath.Join(goldenDir, "seeds.json")); err != nil {
			t.Fatalf("%s=1 writes to %s, which is not graph/storetest/testdata from here (run it in graph/memory): %v", goldenfile.UpdateEnv, goldenDir, err)
		}
	}
	goldenfile.File(t, filepath.Join(goldenDir, name+".golden.json"), got)
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want error %s, got nil", code)
	}
	if got := graph.ErrorCode(err); got != code {
		t.Fatalf("want error code %s, got %s (%v)", code, got, err)
	}
}

func counts(t *testing.T, s graph.Store) (int, int) {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st.Nodes, st.Edges
}

func testIdempotent(t *testing.T, s graph.Store, docs []*graph.Document) {
	var n1, e1 int
	for round := 1; round <= 2; round++ {
		for _, d := range docs {
			res, err := s.Load(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if res.Replaced != (round == 2) {
				t.Errorf("round %d: Replaced = %v", round, res.Replaced)
			}
		}
		n, e := counts(t, s)
		if round == 1 {
			n1, e1 = n, e
			want := 0
			for _, d := range docs {
				want += len(d.Edges)
			}
			if e != want {
				t.Errorf("edges after first load = %d, want %d", e, want)
			}
			continue
		}
		if n != n1 || e != e1 {
			t.Errorf("second load changed counts: nodes %d -> %d, edges %d -> %d", n1, n, e1, e)
		}
	}
}

// fixture is a small second document sharing entities with the seeds.
func fixture(id string, extraClaim bool) *graph.Document {
	d := &graph.Document{ID: id}
	d.Nodes = append(d.Nodes,
		graph.Node{ID: id, Category: graph.CategoryReview, Name: "Fixture review " + id, Document: id},
		graph.Node{ID: id + ".s1", Category: graph.CategorySection, Name: "Findings", Document: id},
		graph.Node{ID: id + ".p1", Category: graph.CategoryPassage, Name: "Ketamine reduced craving.", Text: "Ketamine reduced craving.", Document: id},
	)
	d.Edges = append(d.Edges,
		graph.Edge{ID: id + ".e1", Subject: id, Predicate: graph.HasSection, Object: id + ".s1", Document: id, Score: 1},
		graph.Edge{ID: id + ".e2", Subject: id + ".s1", Predicate: graph.HasPassage, Object: id + ".p1", Document: id, Score: 1},
		graph.Edge{ID: id + ".e3", Subject: id + ".p1", Predicate: graph.Mentions, Object: "CHEBI:6121", Document: id, Score: 1},
		graph.Edge{ID: id + ".claim.a", Subject: "CHEBI:6121", Predicate: graph.Affects, Object: "CHEBI:6121", Sign: graph.Decreases,
			Origin: "stated", Document: id, Score: 0.3,
			Evidence: []graph.Evidence{{Quote: "Ketamine reduced craving.", Passage: id + ".p1", Section: id + ".s1", SectionTitle: "Findings"}}},
	)
	if extraClaim {
		d.Edges[3].ID = id + ".claim.b"
		d.Edges = append(d.Edges, graph.Edge{ID: id + ".claim.c", Subject: "CHEBI:6121", Predicate: graph.StudiedToTreat,
			Object: "MONDO:0002046", Origin: "stated", Document: id, Score: 0.3})
	}
	return d
}

func testReplace(t *testing.T, s graph.Store, seeds []*graph.Document) {
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n0, e0 := counts(t, s)
	a1, b := fixture("KAP:fixture-a", false), fixture("KAP:fixture-b", false)
	for _, d := range []*graph.Document{a1, b} {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n1, e1 := counts(t, s)
	if n1 != n0+6 || e1 != e0+8 {
		t.Fatalf("after two fixtures: nodes %d edges %d, want %d and %d", n1, e1, n0+6, e0+8)
	}
	a2 := fixture("KAP:fixture-a", true)
	res, err := s.Load(ctx, a2)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.RemovedEdges != 4 {
		t.Errorf("reload result = %+v, want Replaced and 4 removed edges", res)
	}
	gone, err := s.EdgesByID(ctx, []string{"KAP:fixture-a.claim.a", "KAP:fixture-a.claim.b", "KAP:fixture-a.claim.c", "KAP:fixture-b.claim.a"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range gone {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	want := []string{"KAP:fixture-a.claim.b", "KAP:fixture-a.claim.c", "KAP:fixture-b.claim.a"}
	if !slices.Equal(ids, want) {
		t.Errorf("claims after reload = %v, want %v", ids, want)
	}
	if n, e := counts(t, s); n != n1 || e != e1+1 {
		t.Errorf("after reload: nodes %d edges %d, want %d and %d", n, e, n1, e1+1)
	}
	// The edge's evidence came through whole.
	es, _ := s.EdgesByID(ctx, []string{"KAP:fixture-b.claim.a"})
	if len(es) != 1 || len(es[0].Evidence) != 1 || es[0].Evidence[0].Quote != "Ketamine reduced craving." || es[0].Sign != graph.Decreases {
		t.Errorf("fixture-b claim not intact: %+v", es)
	}
}

func testInvalid(t *testing.T, s graph.Store, seeds []*graph.Document) {
	for _, d := range seeds {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	n0, e0 := counts(t, s)
	bad := fixture("KAP:fixture-bad", false)
	bad.Edges = append(bad.Edges, graph.Edge{ID: "KAP:fixture-bad.e9", Subject: "KAP:fixture-bad", Predicate: graph.Mentions, Object: "KAP:no-such-node", Document: "KAP:fixture-bad"})
	_, err := s.Load(ctx, bad)
	wantCode(t, err, graph.EINVALID)
	// A bad version of an existing document leaves the good one.
	badSeed := *seeds[0]
	badSeed.Edges = append(slices.Clone(badSeed.Edges), graph.Edge{ID: "x", Subject: badSeed.ID, Predicate: "DROP_ALL", Object: badSeed.ID, Document: badSeed.ID})
	_, err = s.Load(ctx, &badSeed)
	wantCode(t, err, graph.EINVALID)
	if n, e := counts(t, s); n != n0 || e != e0 {
		t.Errorf("a refused load changed counts: nodes %d -> %d, edges %d -> %d", n0, n, e0, e)
	}
}
