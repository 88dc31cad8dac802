package memory

import (
	"slices"
	"sort"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// postings is the search index: every token of every node's name and
// synonyms with the nodes that have it, in token order so that a prefix
// is a range. It is a two-level persistent B-tree: tokens are kept in
// chunks of at most 2*chunkSize, and a load copies only the chunks, and
// the posting lists, that it changes. A sorted array copied per load, as
// before, made every load cost the whole index.
type postings struct {
	chunks []*tokenChunk // by first token
	owner  *txn
}

const chunkSize = 128

type tokenChunk struct {
	items []tokenPosting // sorted by token, never empty
	owner *txn
}

// tokenPosting is one token's nodes, by number (nodenums.go), sorted so
// that a load can merge its changes in, and cut into parts of at most 2*partSize that are
// never changed once published: a common token ("in", "passage") names a
// large share of the graph, and a load copies only the parts its nodes
// fall in, not the whole list. Search ranks its hits itself, so the order
// of a list is free to choose.
type tokenPosting struct {
	token string
	parts [][]uint32 // each sorted and non-empty; numbers ascend across parts
}

const partSize = 256

// nodes yields the token's nodes, those of nums, in number order.
func (tp tokenPosting) nodes(nums numVec) func(yield func(*nodeRec) bool) {
	return func(yield func(*nodeRec) bool) {
		for _, part := range tp.parts {
			for _, k := range part {
				if !yield(nums.get(k)) {
					return
				}
			}
		}
	}
}

// updateParts is parts with puts and dels merged in (see mergePostings),
// sharing every part no change falls in.
func updateParts(parts [][]uint32, puts, dels []uint32) [][]uint32 {
	out := make([][]uint32, 0, len(parts)+1)
	for i, part := range parts {
		if len(puts) == 0 && len(dels) == 0 {
			out = append(out, parts[i:]...)
			break
		}
		// This part takes the changes below the next part's first id.
		np, nd := len(puts), len(dels)
		if i+1 < len(parts) {
			if next := parts[i+1][0]; (len(puts) == 0 || puts[0] >= next) && (len(dels) == 0 || dels[0] >= next) {
				out = append(out, part)
				continue
			}
			next := parts[i+1][0]
			np = sort.Search(len(puts), func(j int) bool { return puts[j] >= next })
			nd = sort.Search(len(dels), func(j int) bool { return dels[j] >= next })
		}
		if np == 0 && nd == 0 {
			out = append(out, part)
			continue
		}
		merged := mergePostings(part, puts[:np], dels[:nd])
		puts, dels = puts[np:], dels[nd:]
		for len(merged) > 2*partSize {
			out = append(out, slices.Clip(merged[:partSize]))
			merged = merged[partSize:]
		}
		if len(merged) > 0 {
			out = append(out, merged)
		}
	}
	for len(puts) > 0 { // an empty list
		k := min(len(puts), 2*partSize)
		out = append(out, slices.Clone(puts[:k]))
		puts = puts[k:]
	}
	return out
}

// chunkFor is the index of the chunk that holds, or would hold, tok.
func (p *postings) chunkFor(tok string) int {
	i := sort.Search(len(p.chunks), func(i int) bool { return p.chunks[i].items[0].token > tok })
	return max(0, i-1)
}

// update applies one load's changes to tok's list in one merge: the
// numbers in puts are added and those in dels go. Both must be sorted and
// disjoint. Merging once per token and load keeps a load that adds
// thousands of nodes under a common token from moving its list thousands
// of times.
func (p *postings) update(tx *txn, tok string, puts, dels []uint32) {
	if p.owner != tx {
		p.chunks, p.owner = slices.Clone(p.chunks), tx
	}
	ci := 0
	if len(p.chunks) > 0 {
		ci = p.chunkFor(tok)
	} else if len(puts) > 0 {
		p.chunks = append(p.chunks, &tokenChunk{owner: tx})
	} else {
		return
	}
	c := p.chunks[ci]
	i, found := slices.BinarySearchFunc(c.items, tok, func(tp tokenPosting, t string) int { return strings.Compare(tp.token, t) })
	if !found && len(puts) == 0 {
		return
	}
	var old [][]uint32
	if found {
		old = c.items[i].parts
	}
	parts := updateParts(old, puts, dels)
	if c.owner != tx {
		c = &tokenChunk{items: slices.Clone(c.items), owner: tx}
		p.chunks[ci] = c
	}
	switch {
	case found && len(parts) > 0:
		c.items[i].parts = parts
	case found:
		c.items = slices.Delete(c.items, i, i+1)
		if len(c.items) == 0 {
			p.chunks = slices.Delete(p.chunks, ci, ci+1)
		}
	case len(parts) > 0:
		c.items = slices.Insert(c.items, i, tokenPosting{token: tok, parts: parts})
		if len(c.items) > 2*chunkSize {
			right := &tokenChunk{items: slices.Clone(c.items[chunkSize:]), owner: tx}
			c.items = slices.Clip(c.items[:chunkSize])
			p.chunks = slices.Insert(p.chunks, ci+1, right)
		}
	}
}

// mergePostings is old, sorted, with puts merged in and dels taken out,
// as a new slice. It finds each change by binary search and copies
// the runs between them, so its comparisons grow with the changes, not
// with the list.
func mergePostings(old, puts, dels []uint32) []uint32 {
	out := make([]uint32, 0, len(old)+len(puts))
	for len(puts) > 0 || len(dels) > 0 {
		put := len(dels) == 0 || (len(puts) > 0 && puts[0] < dels[0])
		var k uint32
		if put {
			k = puts[0]
		} else {
			k = dels[0]
		}
		j, found := slices.BinarySearch(old, k)
		out = append(out, old[:j]...)
		old = old[j:]
		if found {
			old = old[1:] // replaced or removed
		}
		if put {
			out, puts = append(out, puts[0]), puts[1:]
		} else {
			dels = dels[1:]
		}
	}
	return append(out, old...)
}

// from yields the posting lists of the tokens ≥ tok, in token order, until
// yield says stop.
func (p *postings) from(tok string, yield func(tokenPosting) bool) {
	for ci := p.chunkFor(tok); ci < len(p.chunks); ci++ {
		items := p.chunks[ci].items
		i, _ := slices.BinarySearchFunc(items, tok, func(tp tokenPosting, t string) int { return strings.Compare(tp.token, t) })
		for ; i < len(items); i++ {
			if !yield(items[i]) {
				return
			}
		}
	}
}

// tokenChanges gathers a load's changes to the search postings so that
// each token's list is rewritten once (postings.update).
type tokenChanges map[string]*tokenChange

type tokenChange struct {
	puts, dels []uint32 // node numbers
}

func (tc tokenChanges) of(tok string) *tokenChange {
	d := tc[tok]
	if d == nil {
		d = &tokenChange{}
		tc[tok] = d
	}
	return d
}

func (tc tokenChanges) apply(tx *txn, p *postings) {
	for tok, d := range tc {
		slices.Sort(d.puts)
		slices.Sort(d.dels)
		p.update(tx, tok, d.puts, d.dels)
	}
}

// nodeTokens is the set of search tokens of a node (graph.NodeSearchTokens:
// name and synonyms, a passage's sentence, a study's title and authors),
// each once: the keys under which the index lists it.
func nodeTokens(n *graph.Node) []string {
	return graph.NodeSearchTokens(n)
}
