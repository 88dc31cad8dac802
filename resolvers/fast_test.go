package resolvers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	gast "github.com/vektah/gqlparser/v2/ast"
	gparser "github.com/vektah/gqlparser/v2/parser"

	"github.com/kapgraph/kapgraph/api/gql"
	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/internal/synth"
	"github.com/kapgraph/kapgraph/resolvers"
	"github.com/kapgraph/kapgraph/resolvers/batch"
	"github.com/kapgraph/kapgraph/tools/bench"
)

// diffPair is the GraphQL endpoint twice over one store: with the fast
// path (resolvers/fast.go) and with the generated executor alone.
type diffPair struct {
	store      graph.Store
	es         graphql.ExecutableSchema
	fast, exec http.Handler
}

func newDiffPair(store graph.Store) *diffPair {
	es := resolvers.NewExecutableSchema(store, batch.Options{}, nil)
	o := gql.Options{Limits: gql.Limits{Introspection: true}}
	return &diffPair{store: store, es: es, fast: gql.New(es, o), exec: gql.New(resolvers.WithoutFastPath(es), o)}
}

func serve(h http.Handler, body []byte) (int, []byte) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// compare runs one request through both and fails t unless the fast
// path's response is the executor's, byte for byte. It says whether the
// fast path answered. When both went through the executor, errors are
// compared in sorted order: its root fields run concurrently.
func (p *diffPair) compare(t *testing.T, name, query, opName string, vars map[string]any) bool {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "operationName": opName, "variables": vars})
	before := resolvers.FastAnswered(p.es)
	fastCode, fast := serve(p.fast, body)
	took := resolvers.FastAnswered(p.es) > before
	execCode, exec := serve(p.exec, body)
	if !took && json.Valid(fast) && json.Valid(exec) {
		fast, exec = sortErrors(t, fast), sortErrors(t, exec)
	}
	if fastCode != execCode || !bytes.Equal(fast, exec) {
		t.Errorf("%s (vars %v, fast path answered: %v): responses differ\nquery: %s\nfast (%d): %s\nexecutor (%d): %s",
			name, vars, took, query, fastCode, fast, execCode, exec)
	}
	return took
}

// corpusQuery is a query of the repository with where it came from.
type corpusQuery struct{ from, query string }

// corpusQueries are the GraphQL documents of the repository's corpora:
// TestGolden's, the benchmark's questions, every raw string literal of
// the Go test files of the API's packages and of tools/ that is a valid
// query of the schema, and the graphql blocks of the docs.
func corpusQueries(t *testing.T, schema *gast.Schema) []corpusQuery {
	t.Helper()
	var out []corpusQuery
	for _, g := range goldenQueries {
		out = append(out, corpusQuery{"golden " + g.name, g.query})
	}
	for id, q := range bench.KapgraphQueries {
		out = append(out, corpusQuery{"bench " + string(id), q})
	}
	var files []string
	for _, pat := range []string{"*_test.go", "../api/gql/*_test.go", "../api/httpapi/*_test.go", "../internal/app/*_test.go",
		"../tools/*/*.go", "../tools/contract/*.mjs"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	for _, f := range files {
		for _, s := range stringLiterals(t, f) {
			if _, err := gqlparser.LoadQuery(schema, s); err == nil {
				out = append(out, corpusQuery{f, s})
			}
		}
	}
	docs, _ := filepath.Glob("../docs/*.md")
	docs = append(docs, "../README.md")
	block := regexp.MustCompile("(?s)```graphql\n(.*?)```")
	for _, f := range docs {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range block.FindAllSubmatch(b, -1) {
			out = append(out, corpusQuery{f, string(m[1])})
		}
	}
	return out
}

// stringLiterals are the string literals of a Go file (raw or quoted), or
// of another file the backquoted strings.
func stringLiterals(t *testing.T, path string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, ".go") {
		var out []string
		for _, m := range regexp.MustCompile("(?s)`([^`]*)`").FindAllSubmatch(src, -1) {
			out = append(out, string(m[1]))
		}
		return out
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if s, err := strconv.Unquote(lit.Value); err == nil && strings.ContainsAny(s, "{") {
				out = append(out, s)
			}
		}
		return true
	})
	return out
}

// variableSets are the variables to run an operation with: every
// required ID is each of ids in turn (a list of IDs all of them), required
// strings and ints a plain value, and each Boolean both true and false.
// None when the operation needs a variable of another kind.
func variableSets(op *gast.OperationDefinition, ids []string) []map[string]any {
	sets := []map[string]any{{}}
	for _, v := range op.VariableDefinitions {
		var vals []any
		switch {
		case v.Type.Name() == "Boolean":
			vals = []any{true, false}
		case v.DefaultValue != nil || !v.Type.NonNull:
			continue
		case v.Type.NamedType == "ID":
			for _, id := range ids {
				vals = append(vals, id)
			}
		case v.Type.Elem != nil && v.Type.Elem.NamedType == "ID":
			vals = []any{ids}
		case v.Type.NamedType == "String":
			vals = []any{"ketamine"}
		case v.Type.NamedType == "Int":
			vals = []any{2}
		default:
			return nil
		}
		var next []map[string]any
		for _, s := range sets {
			for _, x := range vals {
				c := map[string]any{}
				for k, y := range s {
					c[k] = y
				}
				c[v.Variable] = x
				next = append(next, c)
			}
		}
		sets = next
	}
	return sets
}

// runCorpus compares every corpus query over p with the given ids, and
// returns how many the fast path answered.
func runCorpus(t *testing.T, p *diffPair, qs []corpusQuery, ids []string) (runs, fast int) {
	t.Helper()
	for _, q := range qs {
		doc, err := gqlparser.LoadQuery(p.es.Schema(), q.query)
		ops := []string{""}
		if err == nil && len(doc.Operations) > 1 {
			ops = ops[:0]
			for _, op := range doc.Operations {
				ops = append(ops, op.Name)
			}
		}
		for _, name := range ops {
			sets := []map[string]any{nil}
			if err == nil {
				sets = variableSets(doc.Operations.ForName(name), ids)
			}
			for _, vars := range sets {
				runs++
				if p.compare(t, q.from, q.query, name, vars) {
					fast++
				}
			}
		}
	}
	return runs, fast
}

// fastVariants are b-entity's question asked in the ways the fast path
// must answer as the executor does: aliases, fragments on the interface
// and on types, __typename, @skip and @include, repeated fields, page
// info and cursors, both ends, and the errors it leaves to the executor.
var fastVariants = []string{
	`query($id: ID!) { node(id: $id) { __typename id name claims(direction: OUT, predicates: [AFFECTS], first: 3) { __typename totalCount pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } edges { __typename cursor node { __typename id sign score subject { id } object { id name __typename } evidence { __typename quote passageId studies { __typename id name } } } } } } }`,
	`query($id: ID!) { a: node(id: $id) { i: id ...F ... on Drug { c: claims(first: 2) { n: totalCount } } } b: node(id: $id) { name } __typename }
	 fragment F on Node { name claims(direction: IN) { totalCount edges { node { id object { ... on Mechanism { name } ... on Node { id } } } } } }`,
	`query($id: ID!, $yes: Boolean!) { node(id: $id) { id @include(if: $yes) name @skip(if: $yes) claims(first: 2) @include(if: $yes) { totalCount edges { node { id score @skip(if: $yes) } } } } }`,
	`query($id: ID!) { node(id: $id) { id id name claims(first: 2) { edges { node { id } } } claims(first: 2) { totalCount edges { node { score } } } } }`,
	`query($id: ID!) { node(id: $id) { claims(predicates: AFFECTS, modalities: [ASSERTED], first: 1) { pageInfo { endCursor } edges { node { id object { claims(direction: OUT, first: 1) { edges { node { subject { name } } } } } } } } } }`,
	`query($id: ID!) { node(id: $id) { claims(first: 1, after: "not-a-cursor") { totalCount } } }`,
	`query($id: ID!) { node(id: $id) { claims(first: 1000) { totalCount } } }`,
	`query($id: ID!) { node(id: $id) { claims(first: null, after: null, direction: null) { totalCount edges { cursor } } } }`,
	// Cursors written through fragments, or skipped (fastWriter.writesCursor).
	`query($id: ID!) { node(id: $id) { claims(first: 2) { edges { ...E } } } } fragment E on ClaimEdge { cursor }`,
	`query($id: ID!) { node(id: $id) { claims(first: 2) { ... on ClaimConnection { pageInfo { startCursor } } edges { cursor @skip(if: true) node { id } } } } }`,
	`query($id: ID!) { node(id: $id) { claims(first: 2) { edges { cursor @include(if: false) node { id } } } } }`,
	`{ node(id: "NOPE:1") { id } ok: node(id: "CHEBI:6121") { id } }`,
	`{ node(id: "") { id } }`,
	`query($id: ID!) { node(id: $id) @skip(if: false) { id } }`,
	`query($id: ID!) { node(id: $id) { id synonyms } }`,
	`query($id: ID!) { nodes(ids: [$id, "CHEBI:6121"]) { id category name claims(first: 2) { edges { node { predicate object { id category } } } } } }`,
	`{ nodes(ids: ["CHEBI:6121", "NOPE:1"]) { id } }`,
	`{ nodes(ids: "CHEBI:6121") { __typename id } }`,
	// d-paths4, e-paths6 and f-neighborhood asked otherwise.
	`query($id: ID!) { mechanismToOutcomePaths(from: $id) { __typename length sign score nodes { __typename id name category } hops { __typename forward claim { id predicate sign score subject { id } object { name } evidence { quote studies { id } } } } } }`,
	`query($id: ID!, $yes: Boolean!) { p: mechanismToOutcomePaths(from: $id, maxHops: 2, first: 3, statedOnly: true, modalities: [ASSERTED, HYPOTHESIZED]) { l: length ...P hops @include(if: $yes) { claim { id } } } q: mechanismToOutcomePaths(from: $id, maxHops: 9) { length } }
	 fragment P on Path { score nodes { ... on Drug { name } ... on Node { id } } }`,
	`query($id: ID!) { mechanismToOutcomePaths(from: $id, via: "NOPE:1") { length } }`,
	`query($id: ID!) { mechanismToOutcomePaths(from: $id, to: $id, disorder: null, first: null) { length nodes { id claims(first: 1) { totalCount } } } }`,
	`{ mechanismToOutcomePaths(from: "NOPE:1") { length } }`,
	`query($id: ID!) { neighborhood(id: $id) { __typename truncated nodes { __typename id name category } edges { __typename id predicate sign score subject { id name } object { id } } } }`,
	`query($id: ID!, $yes: Boolean!) { n: neighborhood(id: $id, depth: 3, limit: 5, edgeTypes: [AFFECTS, TREATS]) { t: truncated @skip(if: $yes) nodes { id ... on Mechanism { name } } edges { id evidence { passageId } } } }`,
	`query($id: ID!) { neighborhood(id: $id, depth: 9) { truncated } }`,
	`query($id: ID!) { neighborhood(id: $id, limit: 0, depth: null) { nodes { id } } }`,
	`{ neighborhood(id: "NOPE:1") { truncated } }`,
	`query($id: ID!) { neighborhood(id: $id) { nodes { id synonyms } } }`,
	// c-list asked otherwise.
	`{ studies { __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { __typename cursor node { __typename id name year design evidenceLevel } } } }`,
	`query($after: String) { s: studies(filter: {maxEvidenceLevel: 3, yearFrom: 2010, yearTo: 2024}, orderBy: {field: YEAR}, first: 2, after: $after) { n: totalCount edges { node { ... on Node { id } ...S } } } }
	 fragment S on Study { year evidenceLevel }`,
	`{ studies(orderBy: {direction: DESC}, first: 3) { edges { cursor node { id name } } pageInfo { endCursor } } }`,
	`{ studies(orderBy: {field: null, direction: null}, filter: {nameContains: "dakwar", design: null}) { edges { node { id } } } }`,
	`{ studies(filter: {maxEvidenceLevel: 9}) { totalCount } }`,
	`{ studies(filter: {document: "NOPE:1"}) { totalCount } }`,
	`{ studies(first: 2, after: "bad") { totalCount } }`,
	`{ studies(first: 1000) { totalCount } }`,
	`{ studies(first: 2) { edges { node { id refNumber } } } }`,
	// The plain node and claim fields.
	`query($id: ID!) { node(id: $id) { id biolink synonyms description xrefs { __typename prefix localId curie } claims(first: 3) { edges { node { id biolink negated modality hedged object { biolink synonyms xrefs { curie } description } } } } } }`,
	`query($id: ID!) { mechanismToOutcomePaths(from: $id, first: 2) { nodes { id synonyms description } hops { claim { modality hedged negated biolink } } } neighborhood(id: $id, limit: 4) { nodes { xrefs { prefix } } edges { modality } } }`,
	// a-stats asked otherwise.
	`{ stats { __typename nodes edges documents byCategory { __typename key count } byPredicate { key } byDesign { count } byEvidenceLevel { key count } byYear { k: key } byConcernKind { key count } } }`,
	`query($yes: Boolean!) { s: stats { n: nodes @skip(if: $yes) ...St } t: stats { edges } }
	 fragment St on Stats { byYear { key count @include(if: $yes) } }`,
}

// TestFastPathSameBytes runs every query of the repository's corpora, and
// the variants above, through the fast path and through the executor, on
// the seed graph and on a synthetic one, and compares the responses byte
// for byte. It fails too if the fast path answered none of them, or not
// the benchmark's b-entity.
func TestFastPathSameBytes(t *testing.T) {
	seeds := newDiffPair(seedStore(t))
	qs := corpusQueries(t, seeds.es.Schema())
	for _, v := range fastVariants {
		qs = append(qs, corpusQuery{"variant", v})
	}
	if len(qs) < 60 {
		t.Fatalf("only %d corpus queries found: the corpus scan is broken", len(qs))
	}
	runs, fast := runCorpus(t, seeds, qs, []string{"CHEBI:6121", "GO:0031929", "KAP:study.dakwar-2019-potential", "NOPE:1"})
	t.Logf("seed graph: %d queries, %d runs, %d answered by the fast path", len(qs), runs, fast)
	if fast < 20 {
		t.Errorf("the fast path answered %d of %d runs on the seed graph; want at least 20", fast, runs)
	}

	syn := newDiffPair(syntheticStore(t))
	ids := []string{synth.EntityID(graph.CategoryDrug, 0), synth.EntityID(graph.CategoryDrug, 1), synth.EntityID(graph.CategoryMechanism, 0)}
	runs, fast = runCorpus(t, syn, qs, ids)
	t.Logf("synthetic graph: %d runs, %d answered by the fast path", runs, fast)
	if fast < 20 {
		t.Errorf("the fast path answered %d of %d runs on the synthetic graph; want at least 20", fast, runs)
	}
	// The benchmark's questions the fast path must answer, with the
	// variable each takes.
	for _, b := range []struct {
		q        bench.QueryID
		seed, sy string
	}{
		{bench.QEntity, "CHEBI:6121", ids[0]},
		{bench.QPaths4, "CHEBI:6121", ids[0]},
		{bench.QPaths6, "CHEBI:6121", ids[0]},
		{bench.QNeighborhood, "GO:0031929", existingMechanism(t, syn)},
		{bench.QList, "", ""},
		{bench.QStats, "", ""},
	} {
		for p, id := range map[*diffPair]string{seeds: b.seed, syn: b.sy} {
			vars := map[string]any{"id": id, "from": id}
			if b.q == bench.QList {
				vars = map[string]any{"after": nil}
			}
			if !p.compare(t, "bench "+string(b.q), bench.KapgraphQueries[b.q], "", vars) {
				t.Errorf("the fast path did not answer the benchmark's %s about %s", b.q, id)
			}
			if b.q == bench.QList { // and its second page, as the bench asks most often
				vars["after"] = listEndCursor(t, p)
				if !p.compare(t, "bench c-list page 2", bench.KapgraphQueries[b.q], "", vars) {
					t.Errorf("the fast path did not answer the benchmark's c-list after %v", vars["after"])
				}
			}
		}
	}
}

// listEndCursor is where the first page of the benchmark's c-list ends.
func listEndCursor(t testing.TB, p *diffPair) string {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": bench.KapgraphQueries[bench.QList]})
	_, out := serve(p.exec, body)
	var r struct {
		Data struct {
			Studies struct {
				PageInfo struct{ EndCursor string }
			}
		}
	}
	if err := json.Unmarshal(out, &r); err != nil || r.Data.Studies.PageInfo.EndCursor == "" {
		t.Fatalf("c-list's first page has no end cursor: %v %s", err, out)
	}
	return r.Data.Studies.PageInfo.EndCursor
}

// existingMechanism is the first synthetic mechanism in the graph of p.
func existingMechanism(t testing.TB, p *diffPair) string {
	t.Helper()
	for j := 0; j < 200; j++ {
		id := synth.EntityID(graph.CategoryMechanism, j)
		if n, err := p.store.Node(context.Background(), id); err == nil && n != nil {
			return id
		}
	}
	t.Fatal("no synthetic mechanism in the first 200")
	return ""
}

// syntheticStore is a memory store over a small synthetic graph (the
// benchmark's generator).
func syntheticStore(t testing.TB) *memory.Store {
	t.Helper()
	s := memory.New()
	err := synth.All(synth.Config{Nodes: 3000, Passages: 150}, 1, func(_ int, d *graph.Document) error {
		_, err := s.Load(context.Background(), d)
		return err
	})
	if err != nil {
		t.Fatalf("loading the synthetic graph: %v", err)
	}
	return s
}

// TestFastCovers holds the fast path to the operations it claims.
func TestFastCovers(t *testing.T) {
	schema := newDiffPair(memory.New()).es.Schema()
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{bench.KapgraphQueries[bench.QEntity], true},
		{`{ node(id: "x") { id ... on Drug { name } } }`, true},
		{`{ node(id: "x") { id @include(if: true) } }`, true},
		{`{ node(id: "x") { id category } }`, true},
		{`{ nodes(ids: ["x", "y"]) { id claims { edges { node { predicate } } } } }`, true},
		{`{ node(id: "x") { id synonyms biolink description xrefs { prefix localId curie } } }`, true},
		{`{ node(id: "x") { claims { edges { node { biolink negated modality hedged } } } } }`, true},
		{`{ node(id: "x") { id ... on Study { refNumber } } }`, false}, // a field it does not know
		{`{ node(id: "x") { ... on Drug { kind } } }`, false},          // nor through a fragment
		{`{ node(id: "x") { id @deprecated } }`, false},                // a directive it does not know
		{`query Q @skip(if: false) { node(id: "x") { id } }`, false},   // an operation directive
		{bench.KapgraphQueries[bench.QPaths4], true},
		{bench.KapgraphQueries[bench.QPaths6], true},
		{bench.KapgraphQueries[bench.QNeighborhood], true},
		{bench.KapgraphQueries[bench.QList], true},
		{bench.KapgraphQueries[bench.QStats], true},
		{`{ studies { edges { node { refNumber } } } }`, false},
		{`{ mechanismToOutcomePaths(from: "x") { summary } }`, false},
		{`{ mechanismToOutcomePaths(from: "x") { hops { from { id } } } }`, false},
		{`{ drugs { totalCount } }`, false}, // a root it does not know
		{`{ node(id: "x") { claims { edges { node { qualifiers { aspect } } } } } }`, false},
		{`mutation { __typename }`, false},
	} {
		doc, err := gqlparser.LoadQuery(schema, tc.query)
		var op *gast.OperationDefinition
		if err == nil {
			op = doc.Operations[0]
		} else {
			d, perr := parserOnly(tc.query)
			if perr != nil {
				t.Fatalf("%s: %v", tc.query, perr)
			}
			op = d
		}
		if got := resolvers.FastCovers(op); got != tc.want {
			t.Errorf("FastCovers(%s) = %v, want %v", tc.query, got, tc.want)
		}
	}
}

func parserOnly(q string) (*gast.OperationDefinition, error) {
	doc, err := gparser.ParseQuery(&gast.Source{Input: q})
	if err != nil {
		return nil, err
	}
	return doc.Operations[0], nil
}
