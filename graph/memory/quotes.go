package memory

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/kapgraph/kapgraph/graph"
)

// The claim quote index: every token of every curated claim's evidence
// quotes (graph.ClaimSearchTokens) with the claims that have it, sorted
// by token so that a prefix is a range, as the node index (postings) is.
// Neo4j keeps the same tokens in a relationship full-text index. It is
// built on a state's first claim search rather than by each load: a load
// replaces one document, but searching claims is rare next to loading,
// and the build is one pass over the claims.
type quoteIndex struct {
	tokens []string
	claims [][]*edgeRec // by tokens[i]
}

type lazyQuotes struct {
	once sync.Once
	idx  *quoteIndex
}

func (st *state) quoteIndex() *quoteIndex {
	st.quotes.once.Do(func() {
		by := map[string][]*edgeRec{}
		// Built into scratch: keeping every claim built (builtClaim)
		// for one search would cost the memory their records save.
		var scratch graph.Edge
		var buf []graph.Evidence
		st.allEdges(func(r *edgeRec) bool {
			if !r.predicate().Curated() {
				return true
			}
			for _, t := range graph.ClaimSearchTokens(r.buildIn(&scratch, r.id(), &buf)) {
				by[t] = append(by[t], r)
			}
			return true
		})
		idx := &quoteIndex{tokens: make([]string, 0, len(by))}
		for t := range by {
			idx.tokens = append(idx.tokens, t)
		}
		sort.Strings(idx.tokens)
		for _, t := range idx.tokens {
			idx.claims = append(idx.claims, by[t])
		}
		st.quotes.idx = idx
	})
	return st.quotes.idx
}

// withPrefix yields the claims with a token starting with tok, each once.
func (idx *quoteIndex) withPrefix(tok string, yield func(*edgeRec)) {
	seen := map[*edgeRec]bool{}
	i, _ := slices.BinarySearch(idx.tokens, tok)
	for ; i < len(idx.tokens) && strings.HasPrefix(idx.tokens[i], tok); i++ {
		for _, r := range idx.claims[i] {
			if !seen[r] {
				seen[r] = true
				yield(r)
			}
		}
	}
}
