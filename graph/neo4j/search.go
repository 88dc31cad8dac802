package neo4j

import (
	"context"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
)

// searchCandidates bounds how many full-text matches are re-scored in Go.
// Lucene ranks exact tokens and short names first (see luceneQuery), which
// is also what graph.SearchScore rewards, so the best hits are among the
// first candidates; only a query matching more nodes than this could
// differ from the embedded engine, which scores every match.
const searchCandidates = 5000

// luceneSpecial are the characters Lucene's query parser gives meaning to.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// luceneEscape makes s a literal term of Lucene's query syntax.
func luceneEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// luceneQuery turns search tokens into a query over the search index:
// every token must be the prefix of an indexed token, an exact token
// scores higher, and the category must be one of cats.
func luceneQuery(toks []string, cats []graph.Category) string {
	var b strings.Builder
	for _, t := range toks {
		e := luceneEscape(t)
		b.WriteString("+" + propSearch + ":(" + e + "^4 OR " + e + "*) ")
	}
	b.WriteString("+category:(")
	for i, c := range cats {
		if i > 0 {
			b.WriteString(" OR ")
		}
		b.WriteString(luceneEscape(string(c)))
	}
	b.WriteString(")")
	return b.String()
}

// Search implements graph.Store. The full-text index finds the nodes that
// have, for every query token, a token starting with it (the tokens of
// graph.SearchTokens, indexed as they are); graph.ScoreNode then scores
// them and graph.RankHits orders them, as in the embedded engine.
func (s *Store) Search(ctx context.Context, q graph.SearchQuery) ([]*graph.SearchHit, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	for _, c := range q.Categories {
		if _, err := labelOf(c); err != nil {
			return nil, err
		}
	}
	toks := graph.SearchTokens(q.Text)
	params := map[string]any{"query": luceneQuery(toks, q.Categories), "limit": searchCandidates}
	const candidates = "CALL db.index.fulltext.queryNodes('" + searchIndex + "', $query, {limit: $limit}) YIELD node AS n " +
		"RETURN n.id AS id, coalesce(n.name, '') AS name, coalesce(n.synonyms, []) AS synonyms, n.category AS category"
	return readTx(ctx, s, "Search", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.SearchHit, error) {
		recs, err := collect(ctx, tx, candidates, params)
		if err != nil {
			return nil, err
		}
		cats := map[graph.Category]bool{}
		for _, c := range q.Categories {
			cats[c] = true
		}
		var hits []*graph.SearchHit
		for _, r := range recs {
			n := &graph.Node{}
			n.ID, _ = r.Values[0].(string)
			n.Name, _ = r.Values[1].(string)
			syns, _ := r.Values[2].([]any)
			for _, x := range syns {
				if s, ok := x.(string); ok {
					n.Synonyms = append(n.Synonyms, s)
				}
			}
			cat, _ := r.Values[3].(string)
			n.Category = graph.Category(cat)
			if !cats[n.Category] {
				continue
			}
			if sc, m := graph.ScoreNode(toks, n); sc > 0 {
				hits = append(hits, &graph.SearchHit{Node: n, Score: sc, Matched: m})
			}
		}
		graph.RankHits(hits)
		if len(hits) > q.First {
			hits = hits[:q.First]
		}
		if len(hits) == 0 {
			return nil, nil
		}
		// Read the winners whole.
		ids := make([]string, len(hits))
		for i, h := range hits {
			ids[i] = h.Node.ID
		}
		ns, err := nodesByID(ctx, tx, ids)
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*graph.Node, len(ns))
		for _, n := range ns {
			byID[n.ID] = n
		}
		out := hits[:0]
		for _, h := range hits {
			if n := byID[h.Node.ID]; n != nil {
				h.Node = n
				out = append(out, h)
			}
		}
		return out, nil
	})
}
