package bench

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// maxListPages caps the pages (c) draws from. The question is a page
// near the front of a list, as dashboards page; deep pages measure offset
// paging instead (the peer's cursor is an offset: its page 98 at 100k
// needed over 1 GiB of transaction memory and was refused).
const maxListPages = 24

// Targets of Choose: the work each question does stays about the same as
// the graph grows, so that a slower answer at a larger size means the
// engine scales worse, not that it was asked a bigger question. Each
// sample is the n ids nearest its target (on a log scale), a band of
// comparable work.
const (
	targetEntityDegree = 20   // (b): AFFECTS claims of the drug
	targetPaths6       = 2000 // (e): paths enumerated at maxHops 6
	targetCentreDegree = 20   // (f): curated edges of the centre
	// pathCandidatesPer is how many drugs are tried per id the paths
	// sample needs: many have no mechanism path within 4 hops.
	pathCandidatesPer = 3
)

func cypherRows(ctx context.Context, d neo4j.DriverWithContext, db, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// band reads (id, degree) rows into the ids and the range of degrees.
func band(recs []*neo4j.Record) ([]string, [2]int) {
	var ids []string
	b := [2]int{math.MaxInt, 0}
	for _, r := range recs {
		ids = append(ids, r.Values[0].(string))
		d := int(r.Values[1].(int64))
		b[0], b[1] = min(b[0], d), max(b[1], d)
	}
	return ids, b
}

// Choose draws the samples of the mix from the data in Neo4j, n ids each
// where the data has that many, ranked by seed (see rankBySeed): (b) the
// drugs whose AFFECTS out-degree is nearest targetEntityDegree; (d) and
// (e) the drugs, among the first candidates by id with a path within 4
// hops, whose path count within 6 hops is nearest targetPaths6 (and below
// graph.MaxEnumeratedPaths); (f) the mechanisms whose curated degree is
// nearest targetCentreDegree. Ties go to the smaller id.
func Choose(ctx context.Context, d neo4j.DriverWithContext, db string, n int, seed uint64) (Params, error) {
	p := Params{Seed: seed}
	recs, err := cypherRows(ctx, d, db, `MATCH (n:Drug) WITH n, COUNT { (n)-[:AFFECTS]->() } AS deg WHERE deg > 0
RETURN n.id AS id, deg ORDER BY abs(log(toFloat(deg) / $t)), n.id LIMIT $n`, map[string]any{"t": targetEntityDegree, "n": n})
	if err != nil || len(recs) == 0 {
		return p, fmt.Errorf("choosing the entities: %v (%d)", err, len(recs))
	}
	ids, b := band(recs)
	p.Entities, p.EntityBand = rankBySeed(ids, seed), b
	p.Entity = p.Entities[0]

	recs, err = cypherRows(ctx, d, db, `MATCH (n:Mechanism) WITH n, COUNT { (n)-[:`+curatedTypes()+`]-() } AS deg WHERE deg > 0
RETURN n.id AS id, deg ORDER BY abs(log(toFloat(deg) / $t)), n.id LIMIT $n`, map[string]any{"t": targetCentreDegree, "n": n})
	if err != nil || len(recs) == 0 {
		return p, fmt.Errorf("choosing the centres: %v (%d)", err, len(recs))
	}
	ids, b = band(recs)
	p.Centres, p.CentreBand = rankBySeed(ids, seed), b
	p.Centre = p.Centres[0]

	if err := choosePaths(ctx, d, db, n, seed, &p); err != nil {
		return p, err
	}

	// (c): the ends of pages 1..n, each followed by a page with a study on
	// it; in page order, since readers go to page 2 far more often than
	// to page 40.
	recs, err = cypherRows(ctx, d, db, CypherListFirst, map[string]any{"n": min(n, maxListPages)*listFirst + 1})
	if err != nil || len(recs) <= listFirst {
		return p, fmt.Errorf("choosing the list cursors: %v (%d rows)", err, len(recs))
	}
	for end := listFirst - 1; end < len(recs)-1; end += listFirst {
		r := recs[end]
		p.ListAfters = append(p.ListAfters, Cursor{Year: int(r.Values[0].(int64)), ID: r.Values[1].(string)})
	}
	p.ListAfter = p.ListAfters[0]
	return p, nil
}

// choosePaths draws the sample of (d) and (e).
func choosePaths(ctx context.Context, d neo4j.DriverWithContext, db string, n int, seed uint64, p *Params) error {
	recs, err := cypherRows(ctx, d, db, `MATCH (n:Drug) WHERE EXISTS { (n)-[:AFFECTS|CORRELATED_WITH]->() }
RETURN n.id AS id ORDER BY n.id LIMIT $n`, map[string]any{"n": n * pathCandidatesPer})
	if err != nil {
		return fmt.Errorf("choosing the path sources: %w", err)
	}
	count := func(id string, hops, bound int) (int, error) {
		rs, err := cypherRows(ctx, d, db, CypherCountPaths(hops), map[string]any{"from": id, "bound": bound})
		if err != nil {
			return 0, err
		}
		return int(rs[0].Values[0].(int64)), nil
	}
	type cand struct {
		id   string
		n6   int
		dist float64
	}
	var cs []cand
	for _, r := range recs {
		id := r.Values[0].(string)
		// Whether there is a path within 4 hops first: it stops at the
		// first, and rules out most drugs before the costly count.
		if n4, err := count(id, 4, 1); err != nil {
			return err
		} else if n4 == 0 {
			continue
		}
		n6, err := count(id, 6, graph.MaxEnumeratedPaths+1)
		if err != nil {
			return err
		}
		if n6 > graph.MaxEnumeratedPaths {
			continue
		}
		cs = append(cs, cand{id, n6, math.Abs(math.Log(float64(n6) / targetPaths6))})
	}
	if len(cs) == 0 {
		return fmt.Errorf("no drug among the first %d has a mechanism path within 4 hops and at most %d within 6", len(recs), graph.MaxEnumeratedPaths)
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(a.dist, b.dist) })
	cs = cs[:min(n, len(cs))]
	ids := make([]string, len(cs))
	p.Paths6Band = [2]int{math.MaxInt, 0}
	for i, c := range cs {
		ids[i] = c.id
		p.Paths6Band = [2]int{min(p.Paths6Band[0], c.n6), max(p.Paths6Band[1], c.n6)}
	}
	p.PathFroms = rankBySeed(ids, seed)
	p.PathFrom = p.PathFroms[0]
	for _, c := range cs {
		if c.id == p.PathFrom {
			p.Paths6 = c.n6
		}
	}
	p.Paths4, err = count(p.PathFrom, 4, graph.MaxEnumeratedPaths+1)
	return err
}

// Cursors walks the pages of (c) of each GraphQL system, from page 1 on,
// for its own cursor at the end of each page of the sample, and checks
// that every page ends at the same study everywhere.
func Cursors(ctx context.Context, p *Params, kapgraph, embedded, peer *GraphQLSystem) error {
	type page struct {
		PageInfo struct{ EndCursor string } `json:"pageInfo"`
		Edges    []struct {
			Node struct{ ID string } `json:"node"`
		} `json:"edges"`
	}
	walk := func(s *GraphQLSystem, query, field string) ([]string, error) {
		if s == nil {
			return make([]string, len(p.ListAfters)), nil
		}
		var cursors []string
		var after any
		for i, want := range p.ListAfters {
			data, err := s.Raw(ctx, query, map[string]any{"after": after})
			if err != nil {
				return cursors, fmt.Errorf("%s: page %d of the list: %w", s.Name(), i+1, err)
			}
			var m map[string]page
			if err := json.Unmarshal(data, &m); err != nil {
				return nil, err
			}
			pg := m[field]
			if n := len(pg.Edges); n == 0 || pg.Edges[n-1].Node.ID != want.ID {
				return nil, fmt.Errorf("%s: page %d of the list does not end at %s", s.Name(), i+1, want.ID)
			}
			cursors = append(cursors, pg.PageInfo.EndCursor)
			after = pg.PageInfo.EndCursor
		}
		return cursors, nil
	}
	// A system that cannot serve a deep page (the peer's cursor is an
	// offset, and at 1M its page 10 needs more than Neo4j's 1 GiB of
	// transaction memory) shortens the sample for every system: (c) is
	// then asked only of pages all of them serve.
	keep := len(p.ListAfters)
	cut := func(cs []string, err error) ([]string, error) {
		if err != nil {
			if len(cs) == 0 {
				return nil, err
			}
			p.ListNote = fmt.Sprintf("the list sample stops at page %d: %v", len(cs)+1, err)
			keep = min(keep, len(cs))
		}
		return cs, nil
	}
	kc, err := cut(walk(kapgraph, KapgraphQueries[QList], "studies"))
	if err != nil {
		return err
	}
	ec, err := cut(walk(embedded, KapgraphQueries[QList], "studies"))
	if err != nil {
		return err
	}
	pc, err := cut(walk(peer, PeerQueries[QList], "studiesConnection"))
	if err != nil {
		return err
	}
	p.ListAfters = p.ListAfters[:keep]
	for i := range p.ListAfters {
		c := &p.ListAfters[i]
		c.Kapgraph, c.Embedded, c.Peer = kc[i], ec[i], pc[i]
	}
	p.ListAfter = p.ListAfters[0]
	return nil
}
