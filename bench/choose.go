package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// Targets of Choose: the work each question does stays about the same as
// the graph grows, so that a slower answer at a larger size means the
// engine scales worse, not that it was asked a bigger question.
const (
	targetEntityDegree = 20   // (b): AFFECTS claims of the drug
	targetPaths6       = 2000 // (e): paths enumerated at maxHops 6
	targetCentreDegree = 20   // (f): curated edges of the centre
	pathCandidates     = 60
)

func cypherRows(ctx context.Context, d neo4j.DriverWithContext, db, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// Choose picks the parameters of the mix from the data in Neo4j: (b) the
// drug whose AFFECTS out-degree is nearest targetEntityDegree; (d) and (e)
// the drug, among the first candidates by id with a path within 4 hops,
// whose path count within 6 hops is nearest targetPaths6 (and below
// graph.MaxEnumeratedPaths); (f) the mechanism whose curated degree is
// nearest targetCentreDegree. Ties go to the smaller id.
func Choose(ctx context.Context, d neo4j.DriverWithContext, db string) (Params, error) {
	var p Params
	recs, err := cypherRows(ctx, d, db, `MATCH (n:Drug) WITH n, COUNT { (n)-[:AFFECTS]->() } AS deg WHERE deg > 0
RETURN n.id AS id ORDER BY abs(deg - $t), n.id LIMIT 1`, map[string]any{"t": targetEntityDegree})
	if err != nil || len(recs) == 0 {
		return p, fmt.Errorf("choosing the entity: %v (%d)", err, len(recs))
	}
	p.Entity = recs[0].Values[0].(string)

	recs, err = cypherRows(ctx, d, db, `MATCH (n:Mechanism) WITH n, COUNT { (n)-[:`+curatedTypes()+`]-() } AS deg
RETURN n.id AS id ORDER BY abs(deg - $t), n.id LIMIT 1`, map[string]any{"t": targetCentreDegree})
	if err != nil || len(recs) == 0 {
		return p, fmt.Errorf("choosing the centre: %v", err)
	}
	p.Centre = recs[0].Values[0].(string)

	recs, err = cypherRows(ctx, d, db, `MATCH (n:Drug) WHERE EXISTS { (n)-[:AFFECTS|CORRELATED_WITH]->() }
RETURN n.id AS id ORDER BY n.id LIMIT $n`, map[string]any{"n": pathCandidates})
	if err != nil {
		return p, fmt.Errorf("choosing the path source: %w", err)
	}
	best := math.Inf(1)
	for _, r := range recs {
		id := r.Values[0].(string)
		count := func(hops int) (int, error) {
			rs, err := cypherRows(ctx, d, db, CypherCountPaths(hops), map[string]any{"from": id, "bound": graph.MaxEnumeratedPaths + 1})
			if err != nil {
				return 0, err
			}
			return int(rs[0].Values[0].(int64)), nil
		}
		n4, err := count(4)
		if err != nil {
			return p, err
		}
		if n4 == 0 {
			continue
		}
		n6, err := count(6)
		if err != nil {
			return p, err
		}
		if n6 > graph.MaxEnumeratedPaths {
			continue
		}
		if dist := math.Abs(math.Log(float64(n6) / targetPaths6)); dist < best {
			best, p.PathFrom, p.Paths4, p.Paths6 = dist, id, n4, n6
		}
	}
	if p.PathFrom == "" {
		return p, fmt.Errorf("no drug among the first %d has a mechanism path within 4 hops and at most %d within 6", pathCandidates, graph.MaxEnumeratedPaths)
	}

	recs, err = cypherRows(ctx, d, db, CypherListFirst, nil)
	if err != nil || len(recs) < listFirst {
		return p, fmt.Errorf("choosing the list cursor: %v (%d rows)", err, len(recs))
	}
	last := recs[len(recs)-1]
	p.ListAfter.Year = int(last.Values[0].(int64))
	p.ListAfter.ID = last.Values[1].(string)
	return p, nil
}

// Cursors asks page 1 of (c) of each GraphQL system for its own cursor and
// checks that page 1 ends at the same study everywhere.
func Cursors(ctx context.Context, p *Params, kapgraph, embedded, peer *GraphQLSystem) error {
	type page struct {
		PageInfo struct{ EndCursor string } `json:"pageInfo"`
		Edges    []struct {
			Node struct{ ID string } `json:"node"`
		} `json:"edges"`
	}
	first := func(s *GraphQLSystem, query, field string) (string, error) {
		if s == nil {
			return "", nil
		}
		data, err := s.Raw(ctx, query, map[string]any{"after": nil})
		if err != nil {
			return "", fmt.Errorf("%s: page 1 of the list: %w", s.Name(), err)
		}
		var m map[string]page
		if err := json.Unmarshal(data, &m); err != nil {
			return "", err
		}
		pg := m[field]
		if n := len(pg.Edges); n == 0 || pg.Edges[n-1].Node.ID != p.ListAfter.ID {
			return "", fmt.Errorf("%s: page 1 of the list does not end at %s", s.Name(), p.ListAfter.ID)
		}
		return pg.PageInfo.EndCursor, nil
	}
	var err error
	if p.ListAfter.Kapgraph, err = first(kapgraph, KapgraphQueries[QList], "studies"); err != nil {
		return err
	}
	if p.ListAfter.Embedded, err = first(embedded, KapgraphQueries[QList], "studies"); err != nil {
		return err
	}
	p.ListAfter.Peer, err = first(peer, PeerQueries[QList], "studiesConnection")
	return err
}
