//go:build loadprofile

package neo4j

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestEntityProfile logs the PROFILE of the statement the API compiles for
// the benchmark's b-entity question (the plan resolvers/plan.go builds
// from its selection) beside the hand-written floor's, with db hits and
// times, over whatever graph the database holds (load one first, e.g. with
// tools/bench's BenchmarkQuestion and BENCH_NEO4J=runner). A tool, not a
// check:
//
//	KAPGRAPH_PROFILE_ENTITY=CHEBI:syndru0000234 go test -tags loadprofile -run TestEntityProfile -v ./graph/neo4j/
func TestEntityProfile(t *testing.T) {
	ctx := context.Background()
	s := testStore(t)
	if n, err := strconv.Atoi(os.Getenv("KAPGRAPH_PROFILE_LOAD")); err == nil {
		// Load the synthetic graph of n nodes first (into an emptied
		// database).
		wipe(t, s)
		start := time.Now()
		if err := synth.All(synth.Config{Nodes: n}, 2, func(_ int, d *graph.Document) error {
			_, err := s.Load(ctx, d)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		t.Logf("loaded the synthetic %d-node graph in %.1f s", n, time.Since(start).Seconds())
	}
	id := os.Getenv("KAPGRAPH_PROFILE_ENTITY")
	if id == "" {
		t.Fatal("set KAPGRAPH_PROFILE_ENTITY to a drug of the loaded graph")
	}
	if id == "top" || strings.HasPrefix(id, "k=") {
		// The drug with the most AFFECTS claims (at most 60: the bench's
		// band), or with k=N of them (a typical page of the bench's sample).
		most := 60
		if k, err := strconv.Atoi(strings.TrimPrefix(id, "k=")); err == nil {
			most = k
		}
		recs, err := s.query(ctx, "profile", "MATCH (n:"+labelEntity+" {category: 'Drug'}) WITH n, COUNT { (n)-[:AFFECTS]->() } AS k WHERE k <= $most RETURN n.id AS id, k ORDER BY k DESC, id LIMIT 1", map[string]any{"most": most})
		if err != nil || len(recs) == 0 {
			t.Fatalf("no drug: %v", err)
		}
		id, _, _ = neo4j.GetRecordValue[string](recs[0], "id")
		k, _, _ := neo4j.GetRecordValue[int64](recs[0], "k")
		t.Logf("profiling %s (%d AFFECTS claims)", id, k)
	}
	claims := []string{"sign", "evidence"}
	page := func(key string, first int, object *graph.PlanNode) *graph.PlanPage {
		return &graph.PlanPage{Key: key, Direction: graph.Out, Predicates: []graph.Predicate{graph.Affects}, First: first,
			Studies: true, StudyFields: []string{}, ClaimFields: claims, Object: object}
	}
	plan := graph.ReadPlan{IDs: []string{id}, Root: graph.PlanNode{Pages: []*graph.PlanPage{
		page("node.claims", 10, &graph.PlanNode{Fields: []string{"name"}, Pages: []*graph.PlanPage{
			page("node.claims.edges.node.object.claims", 5, &graph.PlanNode{Fields: []string{"name"}}),
		}}),
	}}}
	plan, err := plan.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	kap, params, err := compilePlan(plan)
	if err != nil {
		t.Fatal(err)
	}
	floor := `MATCH (n:Entity {id: $id})
CALL (n) { MATCH (n)-[r:AFFECTS]->() RETURN count(r) AS total }
CALL (n) {
  MATCH (n)-[r:AFFECTS]->(m)
  WITH r, m ORDER BY r.score DESC, r.id ASC LIMIT 10
  CALL (m) { MATCH (m)-[r2:AFFECTS]->() RETURN count(r2) AS total2 }
  CALL (m) {
    MATCH (m)-[r2:AFFECTS]->(o)
    WITH r2, o ORDER BY r2.score DESC, r2.id ASC LIMIT 5
    RETURN collect({id: r2.id, sign: r2.sign, score: r2.score, evidence: r2.evidence_json, object: {id: o.id, name: o.name}}) AS sub
  }
  RETURN collect({id: r.id, sign: r.sign, score: r.score, evidence: r.evidence_json,
    object: {id: m.id, name: m.name, total: total2, claims: sub}}) AS claims
}
RETURN {id: n.id, name: n.name, total: total, claims: claims} AS entity`
	type variant struct {
		name, cypher string
		params       map[string]any
	}
	var qs []variant
	for _, q := range []variant{{"kapgraph", kap, params}, {"floor", floor, map[string]any{"id": id}}, {"explain-kapgraph", "EXPLAIN " + kap, params}, {"explain-floor", "EXPLAIN " + floor, map[string]any{"id": id}},
		{"no-studies", studiesRe.ReplaceAllString(kap, "[] AS studies"), params},
		{"plain-order", rankRe.ReplaceAllString(kap, "-$1.score AS rank"), params},
		// The statement as it was before the studies were looked up once
		// per root: a subquery per claim.
		{"per-claim-studies", studiesRe.ReplaceAllString(pubsRe.ReplaceAllString(kap, "studies: COLLECT { MATCH (st$1:Study) WHERE st$1.id IN coalesce(r$1.publications, []) RETURN st$1{.id, .category} }"), "[] AS studies"), params},
	} {
		if os.Getenv("KAPGRAPH_PROFILE_VARIANTS") == "" && strings.Contains(q.name, "-") {
			continue
		}
		qs = append(qs, q)
		_, err := readTx(ctx, s, "profile", func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
			pre := "PROFILE "
			if strings.HasPrefix(q.cypher, "EXPLAIN") {
				pre = ""
			}
			res, err := tx.Run(ctx, pre+q.cypher, q.params)
			if err != nil {
				return nil, err
			}
			if _, err := res.Collect(ctx); err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			var b strings.Builder
			if sum.Profile() != nil {
				printPlan(&b, sum.Profile(), 0)
				t.Logf("%s: %d db hits, runtime %v, planner %v\n%s\n%s", q.name, totalHits(sum.Profile()), sum.Profile().Arguments()["runtime"], sum.Profile().Arguments()["planner"], q.cypher, b.String())
			}
			for range 5 {
				if _, err := collect(ctx, tx, q.cypher, q.params); err != nil {
					return nil, err
				}
			}
			start := time.Now()
			for range 50 {
				if _, err := collect(ctx, tx, q.cypher, q.params); err != nil {
					return nil, err
				}
			}
			t.Logf("%s: %.3f ms a statement", q.name, float64(time.Since(start).Microseconds())/50/1000)
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// Neo4j's CPU per statement, each in its own transaction as the API
	// and the floor send them, the variants taking turns so that the
	// machine's other load spreads over all of them.
	pid, err := strconv.Atoi(os.Getenv("KAPGRAPH_PROFILE_NEO4J_PID"))
	if err != nil {
		return
	}
	cpu, wall := map[string]time.Duration{}, map[string]time.Duration{}
	const rounds, n = 10, 30
	for range rounds {
		for _, q := range qs {
			if strings.HasPrefix(q.name, "explain") {
				continue
			}
			c0, start := procCPU(t, pid), time.Now()
			for range n {
				if _, err := s.query(ctx, "profile", q.cypher, q.params); err != nil {
					t.Fatal(err)
				}
			}
			cpu[q.name] += procCPU(t, pid) - c0
			wall[q.name] += time.Since(start)
		}
	}
	for _, q := range qs {
		if w := wall[q.name]; w > 0 {
			t.Logf("%s: Neo4j CPU %.3f ms a statement, %.3f ms wall", q.name, float64(cpu[q.name])/rounds/n/float64(time.Millisecond), float64(w)/rounds/n/float64(time.Millisecond))
		}
	}
}

// procCPU is the user+system CPU time of process pid.
func procCPU(tb testing.TB, pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		tb.Fatal(err)
	}
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	u, _ := strconv.ParseInt(f[11], 10, 64)
	sy, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+sy) * 10 * time.Millisecond
}

var (
	studiesRe = regexp.MustCompile(`COLLECT \{ UNWIND reduce.* AS studies$`)
	pubsRe    = regexp.MustCompile(`pubs: coalesce\(r(\d+)\.publications, \[\]\)`)
	rankRe    = regexp.MustCompile(`10000 - toInteger\(round\(CASE WHEN coalesce\((r\d+)\.score, 0\.0\) < 0\.0 THEN 0\.0 WHEN r\d+\.score > 1\.0 THEN 1\.0 ELSE coalesce\(r\d+\.score, 0\.0\) END \* 10000\.0\)\) AS rank`)
)

func totalHits(p neo4j.ProfiledPlan) int64 {
	n := p.DbHits()
	for _, c := range p.Children() {
		n += totalHits(c)
	}
	return n
}
