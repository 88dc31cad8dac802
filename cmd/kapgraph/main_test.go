package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/internal/testutil"
	neo4jdriver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// syncBuffer lets the test read what run writes from another goroutine.
type syncBuffer = testutil.SyncBuffer

func envFunc(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// neo4jEnv returns the Neo4j settings of the test run. With CI=true a
// missing server fails the test: a Neo4j test never skips in CI.
func neo4jEnv(t *testing.T) map[string]string {
	t.Helper()
	neo4jtest.RequireServer(t)
	env := map[string]string{}
	for _, k := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		env[k] = os.Getenv(k)
	}
	// Other packages' tests wipe and load the same database: take turns.
	unlock, err := neo4jtest.Lock(env["NEO4J_URI"], env["NEO4J_DATABASE"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	return env
}

// wipe empties the Neo4j database with plain Cypher, so this package sees
// only what it loads itself.
func wipe(t *testing.T, env map[string]string) {
	t.Helper()
	ctx := context.Background()
	drv, err := neo4jdriver.NewDriverWithContext(env["NEO4J_URI"], neo4jdriver.BasicAuth(env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"], ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	db := env["NEO4J_DATABASE"]
	if db == "" {
		db = "neo4j"
	}
	if _, err := neo4jdriver.ExecuteQuery(ctx, drv, "MATCH (n) DETACH DELETE n", nil, neo4jdriver.EagerResultTransformer, neo4jdriver.ExecuteQueryWithDatabase(db)); err != nil {
		t.Fatalf("wiping Neo4j: %v", err)
	}
}

var urlRe = regexp.MustCompile(`http://127\.0\.0\.1:\d+`)

// startServe runs `kapgraph serve` in-process on a free port, waits for
// /healthz, and returns its base URL; the server stops at the end of the
// test and run must then return nil (a graceful shutdown).
func startServe(t *testing.T, env map[string]string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	args := append([]string{"kapgraph", "serve", "--addr", "127.0.0.1:0"}, extra...)
	go func() { done <- run(ctx, args, envFunc(env), stdout, stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v after shutdown; stderr:\n%s", err, stderr)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not shut down within 15 s")
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v\n%s", err, stderr)
		default:
		}
		if u := urlRe.FindString(stdout.String()); u != "" {
			if resp, err := http.Get(u + "/healthz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return u
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("serve did not become healthy; stdout:\n%s\nstderr:\n%s", stdout, stderr)
	return ""
}

// keyQueries are the questions the end-to-end goldens pin; both engines
// must give byte-identical answers to each.
var keyQueries = map[string]string{
	"mechanism-paths": `{ mechanismToOutcomePaths(from: "FPLX:GRIN", to: "KAP:abstinence", maxHops: 6, first: 3) {
		length sign score summary nodes { id name category }
		hops { forward claim { id predicate sign origin score evidence { quote sectionTitle studies { id name design evidenceLevel } } concerns { kind } } } } }`,
	"ketamine-to-outcomes": `{ mechanismToOutcomePaths(from: "CHEBI:6121", first: 5) { length sign score summary } }`,
	"drug-with-claims": `{ node(id: "CHEBI:6121") { id name biolink xrefs { curie } ... on Drug {
		claims(direction: OUT, first: 50) { totalCount edges { node { predicate sign object { id name } evidence { quote studies { name } } } } } } } }`,
	"search":       `{ search(text: "mTOR", first: 5) { score matched node { id name category } } }`,
	"neighborhood": `{ neighborhood(id: "GO:0031929", depth: 1) { truncated nodes { id category } edges { id predicate sign } } }`,
	"evidence":     `{ evidence(drug: "CHEBI:6121", disorder: "MONDO:0002046") { claims { id predicate sign qualifiers { timePoint effectSize } } studies { name design evidenceLevel } designs { key count } } }`,
	"stats":        `{ stats { nodes edges byCategory { key count } byPredicate { key count } byDesign { key count } byEvidenceLevel { key count } byYear { key count } } }`,
	"metagraph":    `{ metaGraph { subject predicate object count } }`,
	"drugs-with-claims": `{ drugs(first: 3, orderBy: {field: NAME}) { edges { node { id name claims(direction: OUT, first: 3) {
		totalCount edges { node { id predicate object { id name } evidence { quote studies { name } } } } } } } } }`,
	"studies-page":  `{ studies(first: 3, orderBy: {field: YEAR, direction: DESC}) { totalCount pageInfo { hasNextPage endCursor } edges { node { name year design } } } }`,
	"not-found":     `{ node(id: "KAP:nope") { id } }`,
	"too-many-hops": `{ paths(from: "CHEBI:6121", to: "KAP:relapse", maxHops: 99) { length } }`,
}

func postQuery(t *testing.T, base, query string) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": query})
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, out, "", "  "); err != nil {
		t.Fatalf("response is not JSON: %s", out)
	}
	return append([]byte(fmt.Sprintf("status %d\n", resp.StatusCode)), pretty.Bytes()...)
}

// checkKeyQueries compares the answers of the server at base with
// testdata/e2e-*.golden through check: testutil.Golden for the embedded
// store, which writes them under KAPGRAPH_UPDATE_GOLDEN=1, and
// testutil.CompareGolden for Neo4j, which must give the same answers and
// so never writes them.
func checkKeyQueries(t *testing.T, base string, check func(testing.TB, string, []byte)) {
	t.Helper()
	for name, q := range keyQueries {
		check(t, filepath.Join("testdata", "e2e-"+name+".golden"), postQuery(t, base, q))
	}
}

func TestServeEmbedded(t *testing.T) {
	base := startServe(t, map[string]string{})
	checkKeyQueries(t, base, testutil.Golden)
	resp, err := http.Get(base + "/readyz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()
}

// TestServeNeo4j loads the seeds into a real Neo4j with `kapgraph load`,
// serves from it, and expects the very answers the embedded store gave.
func TestServeNeo4j(t *testing.T) {
	env := neo4jEnv(t)
	wipe(t, env)
	var out, errOut syncBuffer
	for i := 0; i < 2; i++ { // twice: the second load replaces the first
		if err := run(context.Background(), []string{"kapgraph", "load"}, envFunc(env), &out, &errOut); err != nil {
			t.Fatalf("load: %v\n%s", err, errOut.String())
		}
	}
	if !strings.Contains(out.String(), "replaced KAP:ward-2025-ketamine-assisted") {
		t.Errorf("second load did not report a replacement:\n%s", out.String())
	}
	base := startServe(t, env)
	checkKeyQueries(t, base, testutil.CompareGolden)
}

func TestLoadUnreachableNeo4j(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": "x"}
	var out, errOut syncBuffer
	start := time.Now()
	err := run(context.Background(), []string{"kapgraph", "load"}, envFunc(env), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "cannot reach") || !strings.Contains(err.Error(), "nothing was written") {
		t.Fatalf("want a clear unreachable error, got %v", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %s to give up", d)
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
		wantOut []string
	}{
		{"seeds", []string{"validate", "../../seeds"}, "", []string{"73 claims", "Krystal et al., 2013", "randomized pilot trial", "MENTIONS",
			"ward-2025-ketamine-assisted-psychotherapy-addiction.txt:35  missing-reference"}},
		{"missing dir says so", []string{"validate", "no-such-dir"}, "seeds directory no-such-dir does not exist", nil},
		{"json", []string{"validate", "--json", "../../seeds"}, "", []string{`"claims": 73`, `"kind": "missing-reference"`}},
		{"embedded seeds", []string{"validate"}, "", []string{"KAP:ward-2025-ketamine-assisted"}},
		{"missing dir", []string{"validate", "no-such-dir"}, "no-such-dir", nil},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`, nil},
		{"bad flag", []string{"serve", "--nope"}, "flag provided but not defined", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut syncBuffer
			err := run(context.Background(), append([]string{"kapgraph"}, tc.args...), envFunc(nil), &out, &errOut)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want error containing %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q", w)
				}
			}
		})
	}
}

// TestValidateBadSeeds: a broken seed file makes validate fail with the
// file and line.
func TestValidateBadSeeds(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"ward-2025-ketamine-assisted-psychotherapy-addiction.txt", "lexicon.yaml", "ward-2025-ketamine-assisted-psychotherapy-addiction.claims.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../seeds", f))
		if err != nil {
			t.Fatal(err)
		}
		if f == "lexicon.yaml" {
			data = bytes.Replace(data, []byte("category: Drug"), []byte("category: Potion"), 1)
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	var out, errOut syncBuffer
	err := run(context.Background(), []string{"kapgraph", "validate", dir}, envFunc(nil), &out, &errOut)
	if err == nil || err.Error() != "1 problem (listed above)" {
		t.Fatalf("want a failure counting 1 problem, got %v", err)
	}
	if !regexp.MustCompile(`lexicon\.yaml:\d+: .*Potion`).MatchString(out.String()) {
		t.Fatalf("want lexicon.yaml:LINE in the output, got\n%s", out.String())
	}
}
