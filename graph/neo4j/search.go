package neo4j

import (
	"context"
	"fmt"
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
	return s.search(ctx, q, searchWhole)
}

// search is Search with how many candidates to read whole given, so that
// a test can drive the second statement that a low-ranked winner needs.
func (s *Store) search(ctx context.Context, q graph.SearchQuery, wholeFor func(first int) int) ([]*graph.SearchHit, error) {
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
	params := map[string]any{"query": luceneQuery(toks, q.Categories), "limit": searchCandidates,
		"whole": wholeFor(q.First)}
	return readTx(ctx, s, "Search", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.SearchHit, error) {
		recs, err := collect(ctx, tx, cypherSearch, params)
		if err != nil {
			return nil, err
		}
		cats := map[graph.Category]bool{}
		for _, c := range q.Categories {
			cats[c] = true
		}
		var hits []*graph.SearchHit
		whole := map[string]*graph.Node{}
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
			sc, m := graph.ScoreNode(toks, n)
			if sc <= 0 {
				continue
			}
			if props, ok := r.Values[4].(map[string]any); ok {
				full, err := decodeNode(props)
				if err != nil {
					return nil, fmt.Errorf("node %v: %w", props["id"], err)
				}
				whole[full.ID] = full
			}
			hits = append(hits, &graph.SearchHit{Node: n, Score: sc, Matched: m})
		}
		graph.RankHits(hits)
		if len(hits) > q.First {
			hits = hits[:q.First]
		}
		if len(hits) == 0 {
			return nil, nil
		}
		// The winners are read whole already unless our scoring promoted
		// one Lucene ranked low; only then does a second statement run.
		var missing []string
		for _, h := range hits {
			if whole[h.Node.ID] == nil {
				missing = append(missing, h.Node.ID)
			}
		}
		if len(missing) > 0 {
			ns, err := nodesByID(ctx, tx, missing)
			if err != nil {
				return nil, err
			}
			for _, n := range ns {
				whole[n.ID] = n
			}
		}
		out := hits[:0]
		for _, h := range hits {
			if n := whole[h.Node.ID]; n != nil {
				h.Node = n
				out = append(out, h)
			}
		}
		return out, nil
	})
}

// cypherSearch reads up to $limit full-text candidates, light, and the
// first $whole of them in Lucene's order whole, so that the usual answer
// (the winners among Lucene's best) takes one statement.
const cypherSearch = "CALL db.index.fulltext.queryNodes('" + searchIndex + "', $query, {limit: $limit}) YIELD node AS n, score " +
	"WITH collect(n) AS ns UNWIND range(0, size(ns) - 1) AS i WITH ns[i] AS n, i " +
	"RETURN n.id AS id, coalesce(n.name, '') AS name, coalesce(n.synonyms, []) AS synonyms, n.category AS category, " +
	"CASE WHEN i < $whole THEN properties(n) END AS props"

// searchWhole is how many of Lucene's best candidates a search reads
// whole: enough that the answer's winners are nearly always among them,
// few enough that a broad query does not ship thousands of nodes.
func searchWhole(first int) int { return max(4*first, 64) }
