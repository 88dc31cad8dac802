package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

var _ graph.CorpusStore = (*Store)(nil)

// LoadFrom implements graph.CorpusStore: the source's file and hash are
// properties of the document's :KapgraphDocument node, written in the
// load's transaction.
func (s *Store) LoadFrom(ctx context.Context, doc *graph.Document, src graph.DocumentSource) (*graph.LoadResult, error) {
	src.Document = doc.ID
	return s.load(ctx, doc, &src)
}

// Sources implements graph.CorpusStore.
func (s *Store) Sources(ctx context.Context) ([]graph.DocumentSource, error) {
	recs, err := s.query(ctx, "Sources", "MATCH (d:"+labelDocument+") WHERE d.source_hash IS NOT NULL "+
		"RETURN d.id AS id, d.source_file AS file, d.source_hash AS hash", nil)
	if err != nil {
		return nil, err
	}
	out := make([]graph.DocumentSource, 0, len(recs))
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		file, _ := r.Values[1].(string)
		hash, _ := r.Values[2].(string)
		out = append(out, graph.DocumentSource{Document: id, File: file, Hash: hash})
	}
	return out, nil
}

// cypherSharedEnds lists the shared entities (document null) at either
// end of the document's relationships, one index seek on r.document per
// type: the entities that may be left named by no document once it goes.
var cypherSharedEnds = func() string {
	var parts []string
	for _, p := range graph.Predicates() {
		parts = append(parts, fmt.Sprintf("MATCH (a)-[r:%s]->(b) WHERE r.document = $doc UNWIND [a, b] AS n "+
			"WITH n WHERE n.document IS NULL RETURN n.id AS id", p))
		if !p.Curated() {
			// Slim relationships, by their ids (see cypherPreviousRels).
			parts = append(parts, fmt.Sprintf("MATCH (a)-[r:%s]->(b) WHERE %s UNWIND [a, b] AS n "+
				"WITH n WHERE n.document IS NULL RETURN n.id AS id", p, slimOfDocument("r")))
		}
	}
	return "CALL () { " + strings.Join(parts, " UNION ") + " } RETURN collect(DISTINCT id) AS ids"
}()

// cypherDropOrphans deletes the given shared entities that no
// relationship touches any more: no document names them (a document names
// an entity only through its edges, mentions included).
const cypherDropOrphans = "UNWIND $ids AS id MATCH (n:" + labelEntity + " {id: id}) WHERE n.document IS NULL AND NOT EXISTS { (n)--() } DELETE n"

// Remove implements graph.CorpusStore, in one transaction: the document's
// relationships and owned nodes go as a load of an empty version would
// take them (the Stats summary follows), then its :KapgraphDocument, then
// the shared entities only it named.
func (s *Store) Remove(ctx context.Context, id string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, graph.WrapError(graph.ETIMEOUT, err, "remove")
	}
	s.loadMu.Lock()
	defer s.loadMu.Unlock()
	defer s.fan.reset()
	return runTx(ctx, s, "Remove", neo4j.AccessModeWrite, map[string]any{"document": id}, func(ctx context.Context, tx neo4j.ManagedTransaction) (bool, error) {
		recs, err := collect(ctx, tx, "OPTIONAL MATCH (d:"+labelDocument+" {id: $doc}) RETURN d IS NOT NULL", map[string]any{"doc": id})
		if err != nil {
			return false, err
		}
		if len(recs) != 1 {
			return false, fmt.Errorf("remove: reading the document returned %d records", len(recs))
		}
		if ok, _ := recs[0].Values[0].(bool); !ok {
			return false, nil
		}
		recs, err = collect(ctx, tx, cypherSharedEnds, slimParams(map[string]any{"doc": id}, id))
		if err != nil {
			return false, err
		}
		var shared []any
		if len(recs) == 1 {
			shared, _ = recs[0].Values[0].([]any)
		}
		empty := &loadPlan{doc: id, rels: map[graph.Predicate][]edgeRow{}, stats: map[statKey]int{}, nodeIDs: []string{}}
		if _, err := empty.run(ctx, tx); err != nil {
			return false, err
		}
		if _, err := consume(ctx, tx, "MATCH (d:"+labelDocument+" {id: $doc}) DELETE d", map[string]any{"doc": id}); err != nil {
			return false, err
		}
		if len(shared) > 0 {
			if _, err := consume(ctx, tx, cypherDropOrphans, map[string]any{"ids": shared}); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}
