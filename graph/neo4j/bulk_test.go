package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// testImporter runs scripts/neo4j.sh import against the test server: the
// instance the tests started, or the one NEO4J_URI names, whose home is
// KAPGRAPH_NEO4J_HOME (default <repo>/.cache/neo4j, as in neo4j.sh).
func testImporter(tb testing.TB, out *strings.Builder) Importer {
	tb.Helper()
	home, port := os.Getenv("KAPGRAPH_NEO4J_HOME"), ""
	if server.started != nil {
		home, port = server.started.home, fmt.Sprint(server.started.port)
	} else {
		if home == "" {
			home = filepath.Join(repoRoot(), ".cache", "neo4j")
		}
		u, err := url.Parse(server.cfg.URI)
		if err != nil {
			tb.Fatal(err)
		}
		port = u.Port()
	}
	if _, err := os.Stat(filepath.Join(home, "run", "neo4j.pid")); err != nil {
		tb.Fatalf("the bulk load test restarts the test server through scripts/neo4j.sh, but %s is not its home "+
			"(set KAPGRAPH_NEO4J_HOME to the home of the server NEO4J_URI names): %v", home, err)
	}
	env := []string{"KAPGRAPH_NEO4J_HOME=" + home, "NEO4J_PORT=" + port, "KAPGRAPH_NEO4J_PASSWORD=" + server.cfg.Password}
	return CommandImporter([]string{"bash", filepath.Join(repoRoot(), "scripts", "neo4j.sh"), "import"}, env, out)
}

// bulkCorpus is the CSV fixture, the seeds and a small synthetic graph, whose documents
// share entities with one another (so a node several documents write is
// as the last one wrote it), each with a source as ingest records.
func bulkCorpus(tb testing.TB) ([]*graph.Document, []graph.DocumentSource) {
	docs := append(bulkFixture(), storetest.Seeds(tb)...)
	if err := synth.All(synth.Config{Nodes: 12_000, Passages: 300}, 2, func(_ int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	srcs := make([]graph.DocumentSource, len(docs))
	for i, d := range docs {
		srcs[i] = graph.DocumentSource{File: fmt.Sprintf("corpus/%03d.txt", i), Hash: fmt.Sprintf("hash-%d-%s", i, d.ID)}
	}
	return docs, srcs
}

// dumpDatabase is everything stored, canonical: every node with its
// labels and typed properties (but the random graph version of
// :KapgraphDocument), every relationship with its type, end ids and
// typed properties, and the indexes and constraints.
func dumpDatabase(tb testing.TB, s *Store) (nodes, rels, schema []string) {
	tb.Helper()
	typed := func(props map[string]any) string {
		m := map[string]string{}
		for k, v := range props {
			m[k] = fmt.Sprintf("%T %#v", v, v)
		}
		b, err := json.Marshal(m)
		if err != nil {
			tb.Fatal(err)
		}
		return string(b)
	}
	for _, r := range cypher(tb, s, "MATCH (n) RETURN labels(n), properties(n)", nil) {
		// Sorted: Neo4j lists labels in token order, and the imported
		// database numbers its tokens afresh.
		var ls []string
		for _, l := range r.Values[0].([]any) {
			ls = append(ls, l.(string))
		}
		slices.Sort(ls)
		labels := fmt.Sprint(ls)
		props, _ := r.Values[1].(map[string]any)
		if v, ok := props["version"].(string); ok && len(v) == 36 {
			props["version"] = "uuid"
		}
		nodes = append(nodes, labels+" "+typed(props))
	}
	for _, r := range cypher(tb, s, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)", nil) {
		props, _ := r.Values[3].(map[string]any)
		rels = append(rels, fmt.Sprint(r.Values[0], " ", r.Values[1], " ", r.Values[2], " ", typed(props)))
	}
	for _, r := range cypher(tb, s, "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options, state "+
		"RETURN name, type, entityType, labelsOrTypes, properties, options.indexConfig, state", nil) {
		schema = append(schema, fmt.Sprint(r.Values))
	}
	for _, r := range cypher(tb, s, "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN name, type, labelsOrTypes, properties", nil) {
		schema = append(schema, fmt.Sprint(r.Values))
	}
	slices.Sort(nodes)
	slices.Sort(rels)
	slices.Sort(schema)
	return nodes, rels, schema
}

func diffLines(tb testing.TB, what string, got, want []string) {
	tb.Helper()
	if slices.Equal(got, want) {
		return
	}
	tb.Errorf("%s: %d after the bulk load, %d after Store.Load", what, len(got), len(want))
	shown := 0
	for i := 0; i < max(len(got), len(want)) && shown < 5; i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			tb.Errorf("first differences at %d:\n bulk: %s\n load: %s", i, g, w)
			shown++
		}
	}
}

// TestBulkLoadMatchesLoad: a bulk first load of a corpus (CSV, Neo4j's
// importer, schema, summary) leaves the database a Store.LoadFrom of the
// same documents leaves: the same nodes, labels, relationships and typed
// properties, content hashes and search text included, the same indexes
// and constraints, the same answers to Stats and Sources; and a later
// LoadFrom of an unchanged document finds it unchanged. A second bulk
// load is refused, and a failed import leaves the database as it was.
func TestBulkLoadMatchesLoad(t *testing.T) {
	s := testStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	docs, srcs := bulkCorpus(t)

	wipe(t, s)
	for i, d := range docs {
		if _, err := s.LoadFrom(ctx, d, srcs[i]); err != nil {
			t.Fatalf("load %s: %v", d.ID, err)
		}
	}
	wantNodes, wantRels, wantSchema := dumpDatabase(t, s)
	wantStats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantSources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := s.NewBulk(ctx, t.TempDir()); !errors.Is(err, ErrNotEmpty) || graph.ErrorCode(err) != graph.EINVALID {
		t.Fatalf("bulk load into a loaded database: %v, want ErrNotEmpty (EINVALID)", err)
	}

	wipe(t, s)
	b, err := s.NewBulk(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if _, err := b.LoadFrom(ctx, d, srcs[i]); err != nil {
			t.Fatalf("bulk %s: %v", d.ID, err)
		}
	}
	if _, err := b.Load(ctx, docs[0]); err == nil || graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("a document given twice: %v, want EINVALID", err)
	}
	var out strings.Builder
	start := time.Now()
	got, err := b.Import(ctx, testImporter(t, &out))
	if err != nil {
		t.Fatalf("import: %v\n%s", err, out.String())
	}
	t.Logf("bulk load of %d documents (%d nodes, %d relationships) in %v", got.Documents, got.Nodes, got.Relationships, time.Since(start))
	if got.Documents != len(docs) || got.Relationships != len(wantRels) {
		t.Errorf("bulk load wrote %+v, want %d documents and %d relationships", got, len(docs), len(wantRels))
	}

	gotNodes, gotRels, gotSchema := dumpDatabase(t, s)
	diffLines(t, "nodes", gotNodes, wantNodes)
	diffLines(t, "relationships", gotRels, wantRels)
	diffLines(t, "indexes and constraints", gotSchema, wantSchema)
	gotStats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", gotStats) != fmt.Sprintf("%+v", wantStats) {
		t.Errorf("Stats after the bulk load:\n%+v\nafter Store.Load:\n%+v", gotStats, wantStats)
	}
	gotSources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := func(a, b graph.DocumentSource) int { return strings.Compare(a.Document, b.Document) }
	slices.SortFunc(gotSources, key)
	slices.SortFunc(wantSources, key)
	if !slices.Equal(gotSources, wantSources) {
		t.Errorf("Sources after the bulk load differ from after Store.Load")
	}
	covered := count(t, s, "CALL () { "+cypherSummaryCovers+" } RETURN CASE WHEN covered THEN 1 ELSE 0 END", nil)
	if covered != 1 {
		t.Errorf("the Stats summary does not cover the imported nodes")
	}

	// Incremental loads go on from the imported database: an unchanged
	// document writes nothing new.
	last := docs[len(docs)-1]
	res, err := s.LoadFrom(ctx, last, srcs[len(docs)-1])
	if err != nil {
		t.Fatal(err)
	}
	if !res.Replaced || res.RemovedEdges != len(last.Edges) {
		t.Errorf("reloading %s after the bulk load: %+v, want Replaced", last.ID, res)
	}
	n2, r2, _ := dumpDatabase(t, s)
	diffLines(t, "nodes after a reload", n2, wantNodes)
	diffLines(t, "relationships after a reload", r2, wantRels)

	// A failed import (a file that is not there) leaves the database as
	// it was.
	dir := t.TempDir()
	args := strings.Join(append(slices.Clone(bulkImportOptions), `"--nodes=Entity:Gene=`+filepath.Join(dir, "missing.csv")+`"`), "\n")
	if err := os.WriteFile(filepath.Join(dir, BulkArgsFile), []byte(args+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := testImporter(t, &out)(ctx, dir); err == nil {
		t.Fatalf("an import of a missing file succeeded:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "the database is as it was") {
		t.Errorf("a failed import does not say the database is as it was:\n%s", out.String())
	}
	if err := b.redial(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.awaitOnline(ctx); err != nil {
		t.Fatal(err)
	}
	n3, r3, _ := dumpDatabase(t, s)
	diffLines(t, "nodes after a failed import", n3, wantNodes)
	diffLines(t, "relationships after a failed import", r3, wantRels)
}
