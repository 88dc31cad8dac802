package neo4j

import (
	"context"
	"fmt"
	"slices"
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

// luceneClaimQuery is luceneQuery for the claim index: every token the
// prefix of a quote token, no category.
func luceneClaimQuery(toks []string) string {
	var b strings.Builder
	for _, t := range toks {
		e := luceneEscape(t)
		b.WriteString("+" + propQuoteSearch + ":(" + e + "^4 OR " + e + "*) ")
	}
	return strings.TrimSpace(b.String())
}

// Search implements graph.Store. The node full-text index finds the nodes
// that have, for every query token, a token starting with it (the tokens
// of graph.NodeSearchTokens, indexed as they are), and the claim index
// the claims whose quotes do (graph.ClaimSearchTokens); graph.ScoreSearch
// and graph.ScoreQuote then score them and graph.RankHits orders them, as
// in the embedded engine. Both indexes are read in one statement.
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
	claims := slices.Contains(q.Kinds, graph.SearchClaim)
	var parts []string
	if len(q.Categories) > 0 {
		parts = append(parts, cypherSearch)
	}
	if claims {
		parts = append(parts, cypherSearchClaims)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	params := map[string]any{"query": luceneQuery(toks, q.Categories), "claimQuery": luceneClaimQuery(toks),
		"limit": searchCandidates, "whole": wholeFor(q.First)}
	return readTx(ctx, s, "Search", func(ctx context.Context, tx neo4j.ManagedTransaction) ([]*graph.SearchHit, error) {
		recs, err := collect(ctx, tx, strings.Join(parts, " UNION ALL "), params)
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
			if kind, _ := r.Values[0].(string); kind == "claim" {
				h, err := claimHit(r, toks)
				if err != nil {
					return nil, err
				}
				if h != nil {
					hits = append(hits, h)
				}
				continue
			}
			n := &graph.Node{}
			n.ID, _ = r.Values[1].(string)
			n.Name, _ = r.Values[2].(string)
			n.Synonyms = strs(r.Values[3])
			cat, _ := r.Values[4].(string)
			n.Category = graph.Category(cat)
			n.Text, _ = r.Values[6].(string)
			n.Title, _ = r.Values[7].(string)
			n.Authors = strs(r.Values[8])
			if !cats[n.Category] {
				continue
			}
			sc, m, f := graph.ScoreSearch(toks, n)
			if sc <= 0 {
				continue
			}
			if props, ok := r.Values[5].(map[string]any); ok {
				full, err := decodeNode(props)
				if err != nil {
					return nil, fmt.Errorf("node %v: %w", props["id"], err)
				}
				whole[full.ID] = full
			}
			hits = append(hits, graph.NodeHit(n, toks, sc, m, f))
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
			if h.Claim == nil && whole[h.Node.ID] == nil {
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
			if h.Claim != nil {
				out = append(out, h)
			} else if n := whole[h.Node.ID]; n != nil {
				h.Node = n
				out = append(out, h)
			}
		}
		return out, nil
	})
}

// claimHit scores one claim row of cypherSearchClaims; nil when its quotes
// do not match or the passage of the best one is not loaded.
func claimHit(r *neo4j.Record, toks []string) (*graph.SearchHit, error) {
	e, err := decodeEdgeMap(r.Values[9])
	if err != nil {
		return nil, err
	}
	sc, ev := graph.ScoreQuote(toks, e)
	if sc <= 0 {
		return nil, nil
	}
	ps, _ := r.Values[10].([]any)
	for _, raw := range ps {
		m, _ := raw.(map[string]any)
		if m["id"] != ev.Passage {
			continue
		}
		p, err := decodeNode(m)
		if err != nil {
			return nil, fmt.Errorf("node %v: %w", m["id"], err)
		}
		return graph.ClaimHit(e, p, toks, sc, ev), nil
	}
	return nil, nil
}

func strs(x any) []string {
	var out []string
	xs, _ := x.([]any)
	for _, v := range xs {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// cypherSearch reads up to $limit full-text candidates, light (the texts
// they are scored on), and the first $whole of them in Lucene's order
// whole, so that the usual answer (the winners among Lucene's best) takes
// one statement. Its columns are those of cypherSearchClaims, which it is
// joined to with UNION ALL.
const cypherSearch = "CALL db.index.fulltext.queryNodes('" + searchIndex + "', $query, {limit: $limit}) YIELD node AS n, score " +
	"WITH collect(n) AS ns UNWIND range(0, size(ns) - 1) AS i WITH ns[i] AS n, i " +
	"RETURN 'node' AS kind, n.id AS id, coalesce(n.name, '') AS name, coalesce(n.synonyms, []) AS synonyms, n.category AS category, " +
	"CASE WHEN i < $whole THEN properties(n) END AS props, n.text AS text, n.title AS title, coalesce(n.authors, []) AS authors, " +
	"null AS rel, null AS passages"

// cypherSearchClaims reads up to $limit claims of the claim index whole,
// with the passages of their evidence.
const cypherSearchClaims = "CALL db.index.fulltext.queryRelationships('" + claimIndex + "', $claimQuery, {limit: $limit}) YIELD relationship AS r, score " +
	"RETURN 'claim' AS kind, null AS id, null AS name, null AS synonyms, null AS category, null AS props, null AS text, null AS title, null AS authors, " +
	"{props: properties(r), type: type(r), subject: startNode(r).id, object: endNode(r).id} AS rel, " +
	"COLLECT { MATCH (p:" + labelEntity + ") WHERE p.id IN coalesce(r." + propPassages + ", []) RETURN properties(p) } AS passages"

// searchWhole is how many of Lucene's best candidates a search reads
// whole: enough that the answer's winners are nearly always among them,
// few enough that a broad query does not ship thousands of nodes.
func searchWhole(first int) int { return max(4*first, 64) }
