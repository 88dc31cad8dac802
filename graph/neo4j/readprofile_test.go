//go:build loadprofile

package neo4j

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// TestNeighborhoodProfile logs the PROFILE (db hits) of the statement
// Neighborhood sends for the benchmark's f-neighborhood question (depth 2,
// 100 nodes, curated predicates) beside the hand-written floor's, over the
// mechanism whose curated degree is nearest 20 (the bench's choice), and
// with KAPGRAPH_PROFILE_NEO4J_PID Neo4j's CPU per statement, the two
// taking turns. A tool, not a check:
//
//	KAPGRAPH_PROFILE_NEO4J_PID=<pid> go test -tags loadprofile -run TestNeighborhoodProfile -v ./graph/neo4j/
func TestNeighborhoodProfile(t *testing.T) {
	ctx := context.Background()
	s := testStore(t)
	norm, err := graph.NeighborhoodQuery{ID: "x", Depth: 2, Limit: 100}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	curated, err := relTypes(norm.Predicates)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.query(ctx, "profile", "MATCH (n:Mechanism) WITH n, COUNT { (n)-[:"+curated+"]-() } AS deg WHERE deg > 0 "+
		"RETURN n.id AS id, deg ORDER BY abs(log(toFloat(deg) / 20.0)), n.id LIMIT 1", nil)
	if err != nil || len(recs) == 0 {
		t.Fatalf("no mechanism: %v", err)
	}
	id, _, _ := neo4j.GetRecordValue[string](recs[0], "id")
	q, err := graph.NeighborhoodQuery{ID: id, Depth: 2, Limit: 100}.Normalize()
	if err != nil {
		t.Fatal(err)
	}
	whole, err := neighborhoodCypher(q)
	if err != nil {
		t.Fatal(err)
	}
	// What the API asks for f-neighborhood's selection (nodes { id name
	// category } edges { id predicate subject { id } object { id } }).
	q.NodeFields, q.ClaimFields = []string{"name"}, []string{}
	kap, err := neighborhoodCypher(q)
	if err != nil {
		t.Fatal(err)
	}
	floor := strings.ReplaceAll(neighborhoodFloor, "TYPES", curated)
	params := map[string]any{"id": id, "limit": q.Limit}
	t.Logf("profiling the neighbourhood of %s", id)
	profileTurns(t, s, []profiled{{"kapgraph", kap, params}, {"kapgraph-whole", whole, params}, {"floor", floor, params}})
}

// profiled is a statement profileTurns profiles and times.
type profiled struct {
	name, cypher string
	params       map[string]any
}

// profileTurns logs each statement's PROFILE with its db hits and, with
// KAPGRAPH_PROFILE_NEO4J_PID set, Neo4j's CPU per statement over 10
// rounds of 30, the statements taking turns.
func profileTurns(t *testing.T, s *Store, qs []profiled) {
	ctx := context.Background()
	for _, q := range qs {
		_, err := readTx(ctx, s, "profile", func(ctx context.Context, tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, "PROFILE "+q.cypher, q.params)
			if err != nil {
				return nil, err
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			var b strings.Builder
			printPlan(&b, sum.Profile(), 0)
			t.Logf("%s: %d db hits, %d records\n%s\n%s", q.name, totalHits(sum.Profile()), len(recs), q.cypher, b.String())
			return nil, nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	pid, err := strconv.Atoi(os.Getenv("KAPGRAPH_PROFILE_NEO4J_PID"))
	if err != nil {
		return
	}
	for _, q := range qs { // warm up
		for range 30 {
			if _, err := s.query(ctx, "profile", q.cypher, q.params); err != nil {
				t.Fatal(err)
			}
		}
	}
	cpu, wall := map[string]time.Duration{}, map[string]time.Duration{}
	const rounds, n = 10, 30
	for range rounds {
		for _, q := range qs {
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
		t.Logf("%s: Neo4j CPU %.3f ms a statement, %.3f ms wall", q.name, float64(cpu[q.name])/rounds/n/float64(time.Millisecond), float64(wall[q.name])/rounds/n/float64(time.Millisecond))
	}
}

// neighborhoodFloor is tools/bench's CypherNeighborhood (TYPES: the
// curated types), copied: graph/neo4j cannot import the bench.
const neighborhoodFloor = `MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:TYPES]-(m:Entity) WHERE m <> c
  WITH DISTINCT m.id AS mid ORDER BY mid
  RETURN collect(mid) AS ring1
}
WITH c, ring1[0..($limit - 1)] AS r1, size(ring1) > $limit - 1 AS t1
CALL (c, r1, t1) {
  UNWIND CASE WHEN t1 THEN [] ELSE r1 END AS x
  MATCH (:Entity {id: x})-[:TYPES]-(m:Entity)
  WHERE m <> c AND NOT m.id IN r1
  WITH DISTINCT m.id AS mid ORDER BY mid
  RETURN collect(mid) AS ring2
}
WITH c, r1, t1, ring2, $limit - 1 - size(r1) AS room
WITH [c.id] + r1 + ring2[0..room] AS ids, t1 OR size(ring2) > room AS truncated
CALL (ids) {
  UNWIND ids AS x
  MATCH (n:Entity {id: x})
  RETURN collect({id: n.id, name: n.name, category: n.category}) AS nodes
}
CALL (ids) {
  UNWIND ids AS x
  MATCH (a:Entity {id: x})-[r:TYPES]->(b:Entity)
  WHERE b.id IN ids
  RETURN collect({id: r.id, predicate: type(r), subject: a.id, object: b.id}) AS edges
}
RETURN {truncated: truncated, nodes: nodes, edges: edges} AS subgraph`

// TestPathsProfile logs the PROFILE (db hits) of the two statements
// MechanismPaths sends for the benchmark's d-paths4 question (maxHops 4,
// best 10: the region, then the chosen paths whole) beside the
// hand-written floor's one, over the first drug by id with at least 10
// such paths, and with KAPGRAPH_PROFILE_NEO4J_PID Neo4j's CPU: the
// whole MechanismPaths call against the floor's statement, taking turns.
// A tool, not a check:
//
//	KAPGRAPH_PROFILE_NEO4J_PID=<pid> go test -tags loadprofile -run TestPathsProfile -v ./graph/neo4j/
func TestPathsProfile(t *testing.T) {
	ctx := context.Background()
	s := testStore(t)
	causal, err := relTypes(graph.CausalPredicates())
	if err != nil {
		t.Fatal(err)
	}
	floor := "MATCH (a:Entity {id: $from})\nMATCH p = (a)-[:" + causal + "*1..4]->(m:Entity:Outcome) " +
		"WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])\n" + pathsFloorRank
	recs, err := s.query(ctx, "profile", "MATCH (a:Drug) WHERE COUNT { MATCH p = (a)-[:"+causal+"*1..4]->(:Outcome) } >= 10 RETURN a.id AS id ORDER BY id LIMIT 1", nil)
	if err != nil || len(recs) == 0 {
		t.Fatalf("no drug: %v", err)
	}
	from, _, _ := neo4j.GetRecordValue[string](recs[0], "id")
	q := graph.MechanismPathQuery{From: from, MaxHops: 4, First: 10}
	paths, err := s.MechanismPaths(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var claims, ids []string
	for _, p := range paths {
		ids = append(ids, p.Nodes...)
		for _, h := range p.Hops {
			claims = append(claims, h.Edge.ID)
		}
	}
	recs, err = s.query(ctx, "profile", "UNWIND $ids AS id MATCH ()-[r {id: id}]->() RETURN collect(elementId(r)) AS eids", map[string]any{"ids": uniq(claims)})
	if err != nil {
		t.Fatal(err)
	}
	eids, _, _ := neo4j.GetRecordValue[[]any](recs[0], "eids")
	region, err := regionCypher(causal, "->", 4, "v:"+string(graph.CategoryOutcome), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("profiling d-paths4 from %s: %d paths, %d relationships, %d nodes", from, len(paths), len(eids), len(uniq(ids)))
	profileTurns(t, s, []profiled{
		{"kapgraph region", region, map[string]any{"from": from, "to": "", "ends": []string{from}}},
		{"kapgraph whole as maps (before reads5)", cypherPathsMaps, map[string]any{"eids": eids, "ids": uniq(ids)}},
		{"kapgraph whole", s.pathsWhole().cypher, map[string]any{"eids": eids, "ids": uniq(ids)}},
		{"floor", floor, map[string]any{"from": from, "first": 10}},
	})
	pid, err := strconv.Atoi(os.Getenv("KAPGRAPH_PROFILE_NEO4J_PID"))
	if err != nil {
		return
	}
	cpu := map[string]time.Duration{}
	const rounds, n = 10, 30
	for range rounds {
		c0 := procCPU(t, pid)
		for range n {
			if _, err := s.MechanismPaths(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		c1 := procCPU(t, pid)
		for range n {
			if _, err := s.query(ctx, "profile", floor, map[string]any{"from": from, "first": 10}); err != nil {
				t.Fatal(err)
			}
		}
		cpu["kapgraph"] += c1 - c0
		cpu["floor"] += procCPU(t, pid) - c1
	}
	t.Logf("MechanismPaths: Neo4j CPU %.3f ms a call; floor %.3f ms a statement", float64(cpu["kapgraph"])/rounds/n/float64(time.Millisecond), float64(cpu["floor"])/rounds/n/float64(time.Millisecond))
}

// pathsFloorRank is tools/bench's pathsRank, copied.
const pathsFloorRank = `WITH p, relationships(p) AS rs
WITH p, rs, round(reduce(s = 1.0, r IN rs | s * coalesce(r.score, 0.0)) * 10000.0) / 10000.0 AS score,
  reduce(k = '', r IN rs | k + r.id + '|') AS key
ORDER BY score DESC, size(rs) ASC, key ASC
LIMIT $first
RETURN {length: size(rs),
  sign: CASE WHEN any(r IN rs WHERE r.sign IS NULL) THEN null
             WHEN size([r IN rs WHERE r.sign = 'decreases']) % 2 = 0 THEN 'increases' ELSE 'decreases' END,
  score: score, nodes: [x IN nodes(p) | {id: x.id, name: x.name}], claims: [r IN rs | r.id]} AS path`

// cypherPathsMaps is the paths' second statement as it was before the
// rows were packed (pathsWhole): properties as maps, for the profile
// beside today's.
const cypherPathsMaps = "UNWIND $eids AS eid MATCH ()-[r]->() WHERE elementId(r) = eid RETURN eid, " + edgeColumns +
	" UNION ALL UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) " +
	"RETURN null AS eid, properties(n) AS props, null AS type, null AS subject, null AS object"
