// Package bench measures kapgraph against the database it runs on and
// against its peer, the Neo4j GraphQL Library: the same six questions asked
// of four systems over the same data, with the answers checked equal
// before anything is timed.
//
// The systems:
//
//   - kapgraph-neo4j: the kapgraph binary serving from Neo4j (HTTP);
//   - kapgraph-embedded: kapgraph's handler over the embedded store (HTTP);
//   - cypher: the same question as one hand-written Cypher statement
//     through neo4j-go-driver: the floor of what the database can do;
//   - neo4j-graphql: @neo4j/graphql 7 on GraphQL Yoga over the same
//     database (tools/bench/peer).
//
// What keeps the comparison fair:
//
//   - every request of the questions about one id asks about a different
//     id: Choose draws a sample of up to 128 ids per question within a
//     band of comparable work, and Sequence picks the id of each
//     client's i-th request Zipf-skewed from a fixed seed, the same
//     sequence for every system, so no system is timed answering one
//     question from hot caches;
//   - Check compares the four systems' answers for every id of every
//     sample before anything is timed;
//   - Measure charges each system's CPU time (its server and Neo4j) to
//     the requests it answered, because on a shared machine throughput
//     says how fast a system went with the cores it got, and CPU per
//     request says what it costs;
//   - no cache serves a timed request: the bench POSTs, which kapgraph
//     answers with Cache-Control: no-store and no ETag, and never sends
//     If-None-Match; kapgraph caches parsed queries, not results, and its
//     dataloaders live for one request; the peer has no response cache.
//     (kapgraph's stores keep (a)'s histograms up to date as they load:
//     write-time aggregates read per request, not cached answers, and
//     the report says so.)
//
// tools/bench/gen makes the data, tools/bench/cmd/kapbench runs the whole benchmark
// and writes BENCHMARKS.md, and the tests of this package are its quick
// version for CI.
package bench

import (
	"fmt"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// QueryID names one question of the mix.
type QueryID string

// The mix.
const (
	QStats        QueryID = "a-stats"
	QEntity       QueryID = "b-entity"
	QList         QueryID = "c-list"
	QPaths4       QueryID = "d-paths4"
	QPaths6       QueryID = "e-paths6"
	QNeighborhood QueryID = "f-neighborhood"
)

// Mix lists the questions in order.
var Mix = []QueryID{QStats, QEntity, QList, QPaths4, QPaths6, QNeighborhood}

// Describe says what each question asks.
var Describe = map[QueryID]string{
	QStats:        "dashboard stats: totals and six histograms",
	QEntity:       "one drug, its 10 strongest AFFECTS claims with evidence, and each object's 5 strongest AFFECTS claims with evidence (two levels, totalCount at both)",
	QList:         "studies with evidence level <= 2 since 2015, newest first, a page of 20 after page 1 (keyset cursor; page 2 most often), with totalCount",
	QPaths4:       "signed mechanism-to-outcome paths from one drug, maxHops 4, best 10",
	QPaths6:       "signed mechanism-to-outcome paths from one drug, maxHops 6, best 10",
	QNeighborhood: "neighbourhood subgraph of one mechanism, depth 2, at most 100 nodes, curated edges",
}

// Params are the ids the questions are asked about; Choose draws them from
// the data so that the work per question stays comparable across sizes.
// Entity, PathFrom and Centre are the most popular id of each sample (or
// the only id, when a Params is made by hand).
type Params struct {
	Entity    string `json:"entity"`    // (b) a drug
	PathFrom  string `json:"pathFrom"`  // (d), (e) a drug
	Paths6    int    `json:"paths6"`    // how many paths (e) enumerates from PathFrom
	Paths4    int    `json:"paths4"`    // how many paths (d) enumerates from PathFrom
	Centre    string `json:"centre"`    // (f) a mechanism
	ListAfter Cursor `json:"listAfter"` // (c) the last study of page 1, per system

	// The samples the timed requests draw from (see Sequence), most
	// popular first, and the band of work each was drawn within.
	Seed       uint64   `json:"seed"`
	Entities   []string `json:"entities,omitempty"`
	ListAfters []Cursor `json:"listAfters,omitempty"` // where pages 1, 2, … of (c) end: page 2 is the most popular
	ListNote   string   `json:"listNote,omitempty"`   // why the list sample is shorter than asked, if it is
	PathFroms  []string `json:"pathFroms,omitempty"`
	Centres    []string `json:"centres,omitempty"`
	EntityBand [2]int   `json:"entityBand"` // AFFECTS out-degrees of Entities
	Paths6Band [2]int   `json:"paths6Band"` // paths within 6 hops from PathFroms
	CentreBand [2]int   `json:"centreBand"` // curated degrees of Centres
}

// Cursor is where a page of (c) ended, in each system's own cursor format.
type Cursor struct {
	Year     int    `json:"year"`
	ID       string `json:"id"`
	Kapgraph string `json:"kapgraph"`
	Embedded string `json:"embedded"`
	Peer     string `json:"peer"`
}

// ForKapgraph is the cursor of kapgraph over Neo4j (and of any kapgraph
// but the embedded one, whose cursors are its own).
func (c Cursor) ForKapgraph() string { return c.Kapgraph }

// ForEmbedded is the cursor of kapgraph over the embedded store.
func (c Cursor) ForEmbedded() string { return c.Embedded }

// Page sizes of the mix.
const (
	entityFirst   = 10
	entityFirst2  = 5
	listFirst     = 20
	pathsFirst    = 10
	neighbourhood = 100
	listMaxLevel  = 2
	listYearFrom  = 2015
)

// ---- kapgraph's GraphQL -------------------------------------------------------

// KapgraphQueries are the questions in kapgraph's API.
var KapgraphQueries = map[QueryID]string{
	QStats: `query Stats { stats { nodes edges documents byCategory { key count } byPredicate { key count }
  byDesign { key count } byEvidenceLevel { key count } byYear { key count } byConcernKind { key count } } }`,
	QEntity: fmt.Sprintf(`query Entity($id: ID!) { node(id: $id) { id name
  claims(direction: OUT, predicates: [AFFECTS], first: %d) { totalCount edges { node {
    id sign score evidence { quote passageId studies { id } }
    object { id name claims(direction: OUT, predicates: [AFFECTS], first: %d) { totalCount edges { node {
      id sign score evidence { quote passageId studies { id } } object { id name } } } } } } } } } }`, entityFirst, entityFirst2),
	QList: fmt.Sprintf(`query List($after: String) { studies(filter: {maxEvidenceLevel: %d, yearFrom: %d},
  orderBy: {field: YEAR, direction: DESC}, first: %d, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name year design evidenceLevel } } } }`, listMaxLevel, listYearFrom, listFirst),
	QPaths4: fmt.Sprintf(`query Paths($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 4, first: %d) {
  length sign score nodes { id name } hops { claim { id } } } }`, pathsFirst),
	QPaths6: fmt.Sprintf(`query Paths($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 6, first: %d) {
  length sign score nodes { id name } hops { claim { id } } } }`, pathsFirst),
	QNeighborhood: fmt.Sprintf(`query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2, limit: %d) {
  truncated nodes { id name category } edges { id predicate subject { id } object { id } } } }`, neighbourhood),
}

// ---- the peer's GraphQL -------------------------------------------------------

// PeerQueries are the same questions in the peer's generated API.
var PeerQueries = map[QueryID]string{
	QStats: `query Stats { stats { nodes edges documents byCategory { key count } byPredicate { key count }
  byDesign { key count } byEvidenceLevel { key count } byYear { key count } byConcernKind { key count } } }`,
	QEntity: fmt.Sprintf(`query Entity($id: ID!) { entities(where: {id: {eq: $id}}) { id name
  affectsConnection(first: %d, sort: [{edge: {score: DESC}}, {edge: {id: ASC}}]) { totalCount edges {
    properties { id sign score evidence_json }
    node { id name affectsConnection(first: %d, sort: [{edge: {score: DESC}}, {edge: {id: ASC}}]) { totalCount edges {
      properties { id sign score evidence_json } node { id name } } } } } } } }`, entityFirst, entityFirst2),
	QList: fmt.Sprintf(`query List($after: String) { studiesConnection(where: {evidenceLevel: {lte: %d}, year: {gte: %d}},
  sort: [{year: DESC}, {id: DESC}], first: %d, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name year design evidenceLevel } } } }`, listMaxLevel, listYearFrom, listFirst),
	QPaths4: fmt.Sprintf(`query Paths($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 4, first: %d) {
  length sign score nodes { id name } claims } }`, pathsFirst),
	QPaths6: fmt.Sprintf(`query Paths($from: ID!) { mechanismToOutcomePaths(from: $from, maxHops: 6, first: %d) {
  length sign score nodes { id name } claims } }`, pathsFirst),
	QNeighborhood: fmt.Sprintf(`query Neighborhood($id: ID!) { neighborhood(id: $id, limit: %d) {
  truncated nodes { id name category } edges { id predicate subject object } } }`, neighbourhood),
}

// ---- hand-written Cypher ------------------------------------------------------

func curatedTypes() string {
	var ts []string
	for _, p := range graph.Predicates() {
		if p.Curated() {
			ts = append(ts, string(p))
		}
	}
	return strings.Join(ts, "|")
}

func causalTypes() string {
	var ts []string
	for _, p := range graph.CausalPredicates() {
		ts = append(ts, string(p))
	}
	return strings.Join(ts, "|")
}

// CypherStats answers (a) in one statement: totals and per-label and
// per-type counts from the count store, the Study and CitationConcern
// histograms by scanning those labels.
var CypherStats = func() string {
	var cats, preds []string
	for _, c := range graph.Categories() {
		cats = append(cats, fmt.Sprintf("MATCH (n:%s) RETURN '%s' AS key, count(n) AS count", c, c))
	}
	for _, p := range graph.Predicates() {
		preds = append(preds, fmt.Sprintf("MATCH ()-[r:%s]->() RETURN '%s' AS key, count(r) AS count", p, p))
	}
	hist := func(name, match, key string) string {
		return "CALL () { " + match + " WITH " + key + " AS key, count(*) AS count ORDER BY key RETURN collect({key: key, count: count}) AS " + name + " }\n"
	}
	return "CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }\n" +
		"CALL () { MATCH ()-[r]->() RETURN count(r) AS edges }\n" +
		"CALL () { MATCH (d:KapgraphDocument) RETURN count(d) AS documents }\n" +
		"CALL () { CALL () { " + strings.Join(cats, " UNION ALL ") + " } WITH key, count WHERE count > 0 ORDER BY key RETURN collect({key: key, count: count}) AS byCategory }\n" +
		"CALL () { CALL () { " + strings.Join(preds, " UNION ALL ") + " } WITH key, count WHERE count > 0 ORDER BY key RETURN collect({key: key, count: count}) AS byPredicate }\n" +
		hist("byDesign", "MATCH (n:Study)", "coalesce(n.design, '')") +
		hist("byEvidenceLevel", "MATCH (n:Study)", "CASE WHEN coalesce(n.evidenceLevel, 0) <= 0 THEN 'unknown' ELSE 'level ' + toString(n.evidenceLevel) END") +
		hist("byYear", "MATCH (n:Study) WHERE coalesce(n.year, 0) > 0", "right('000' + toString(n.year), 4)") +
		hist("byConcernKind", "MATCH (n:CitationConcern)", "coalesce(n.concernKind, '')") +
		"RETURN {nodes: nodes, edges: edges, documents: documents, byCategory: byCategory, byPredicate: byPredicate, " +
		"byDesign: byDesign, byEvidenceLevel: byEvidenceLevel, byYear: byYear, byConcernKind: byConcernKind} AS stats"
}()

// CypherEntity answers (b): the claims at both levels ordered as kapgraph
// orders them (score descending, then id), with totals.
var CypherEntity = fmt.Sprintf(`MATCH (n:Entity {id: $id})
CALL (n) { MATCH (n)-[r:AFFECTS]->() RETURN count(r) AS total }
CALL (n) {
  MATCH (n)-[r:AFFECTS]->(m)
  WITH r, m ORDER BY r.score DESC, r.id ASC LIMIT %d
  CALL (m) { MATCH (m)-[r2:AFFECTS]->() RETURN count(r2) AS total2 }
  CALL (m) {
    MATCH (m)-[r2:AFFECTS]->(o)
    WITH r2, o ORDER BY r2.score DESC, r2.id ASC LIMIT %d
    RETURN collect({id: r2.id, sign: r2.sign, score: r2.score, evidence: r2.evidence_json, object: {id: o.id, name: o.name}}) AS sub
  }
  RETURN collect({id: r.id, sign: r.sign, score: r.score, evidence: r.evidence_json,
    object: {id: m.id, name: m.name, total: total2, claims: sub}}) AS claims
}
RETURN {id: n.id, name: n.name, total: total, claims: claims} AS entity`, entityFirst, entityFirst2)

// listWhere is the filter of (c).
var listWhere = fmt.Sprintf("n.evidenceLevel <= %d AND n.year >= %d", listMaxLevel, listYearFrom)

// CypherList answers (c): the total and the page after ($year, $after).
var CypherList = `CALL () { MATCH (n:Study) WHERE ` + listWhere + ` RETURN count(n) AS total }
CALL () {
  MATCH (n:Study) WHERE ` + listWhere + ` AND (n.year < $year OR (n.year = $year AND n.id < $after))
  WITH n ORDER BY n.year DESC, n.id DESC LIMIT ` + fmt.Sprint(listFirst+1) + `
  RETURN collect({id: n.id, name: n.name, year: n.year, design: n.design, evidenceLevel: n.evidenceLevel}) AS page
}
RETURN total, page`

// CypherListFirst is the first $n studies of (c), for the cursors of the
// pages after them.
var CypherListFirst = `MATCH (n:Study) WHERE ` + listWhere + ` WITH n ORDER BY n.year DESC, n.id DESC LIMIT $n
RETURN n.year AS year, n.id AS id`

// pathsBody enumerates the simple causal paths from $from to any Outcome
// within hops, given as a literal (Cypher takes no parameter there).
func pathsBody(hops int) string {
	return fmt.Sprintf("MATCH p = (a)-[:%s*1..%d]->(m:Entity:Outcome) "+
		"WHERE all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])", causalTypes(), hops)
}

// pathsRank ranks paths exactly as graph.RankBestSupported (score of
// graph.NewPath, then length, then the edge ids) and shapes them.
const pathsRank = `WITH p, relationships(p) AS rs
WITH p, rs, round(reduce(s = 1.0, r IN rs | s * coalesce(r.score, 0.0)) * 10000.0) / 10000.0 AS score,
  reduce(k = '', r IN rs | k + r.id + '|') AS key
ORDER BY score DESC, size(rs) ASC, key ASC
LIMIT $first
RETURN {length: size(rs),
  sign: CASE WHEN any(r IN rs WHERE r.sign IS NULL) THEN null
             WHEN size([r IN rs WHERE r.sign = 'decreases']) % 2 = 0 THEN 'increases' ELSE 'decreases' END,
  score: score, nodes: [x IN nodes(p) | {id: x.id, name: x.name}], claims: [r IN rs | r.id]} AS path`

// CypherPaths answers (d) and (e).
func CypherPaths(hops int) string {
	return "MATCH (a:Entity {id: $from})\n" + pathsBody(hops) + "\n" + pathsRank
}

// CypherCountPaths counts the paths (d) or (e) enumerate, up to a bound.
func CypherCountPaths(hops int) string {
	return "MATCH (a:Entity {id: $from})\n" + pathsBody(hops) + " WITH p LIMIT $bound RETURN count(p) AS n"
}

// PeerPaths is (d) and (e) as the peer's one @cypher field: maxHops is an
// argument there, so each bound is a branch guarded by it.
var PeerPaths = func() string {
	var parts []string
	for h := 1; h <= graph.MaxHopsCap; h++ {
		parts = append(parts, fmt.Sprintf("MATCH (a:Entity {id: $from}) WHERE $maxHops = %d %s RETURN p", h, pathsBody(h)))
	}
	return "CALL () { " + strings.Join(parts, " UNION ALL ") + " }\n" + pathsRank
}()

// CypherNeighborhood answers (f): graph.ExpandNeighborhood for depth 2,
// ring by ring in id order up to $limit nodes, then the curated edges
// among them.
var CypherNeighborhood = strings.ReplaceAll(`MATCH (c:Entity {id: $id})
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
RETURN {truncated: truncated, nodes: nodes, edges: edges} AS subgraph`, "TYPES", curatedTypes())

// PeerCypher is what tools/bench/peer/server.mjs reads for its @cypher fields.
func PeerCypher() map[string]string {
	return map[string]string{"stats": CypherStats, "peerPaths": PeerPaths, "neighborhood": CypherNeighborhood}
}
