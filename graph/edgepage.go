package graph

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// Claims of a node are listed best supported first: by evidence score
// (rounded to 1e-4) descending, then by edge id. ClaimOrderKey encodes the
// score part as a fixed-width string so that cursors compare as strings;
// engines that page in their query language compute the same number,
// 10000 - round(clamp(score, 0, 1) * 10000), and compare it numerically.

// ClaimOrderKey is the order key of an edge among a node's claims.
func ClaimOrderKey(e *Edge) string {
	// Five digits, zero-padded (the rank is 0..10000), without fmt: every
	// claim of every page has one.
	n := ClaimOrderRank(e.Score)
	var b [5]byte
	for i := 4; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[:])
}

// ClaimOrderRank is the numeric form of ClaimOrderKey: 0 for the best
// score, 10000 for the worst.
func ClaimOrderRank(score float64) int {
	return 10000 - int(math.Round(min(max(score, 0), 1)*10000))
}

// EdgePageQuery asks for one page of the edges of each of q.NodeIDs, in
// claim order, after the same cursor for every node (the API pages one
// node's relationship field; batching puts the nodes of one field of one
// query level together, and they share first and after).
type EdgePageQuery struct {
	EdgeQuery
	First int     // page size, 1..MaxPageSize
	After *Cursor // keyset position (ClaimOrderKey, edge id); nil: from the start
	// Modalities are the modalities of the claims listed (see
	// CheckListModalities: empty lists every modality); lexical edges
	// are listed whatever they hold (HasModality). Totals count the same.
	Modalities []Modality
}

// EdgePage is one page of a node's edges.
type EdgePage struct {
	Edges      []*Edge // at most First, in claim order
	TotalCount int     // all edges of the node that match, across pages
	HasNext    bool
}

// Normalize checks and fills an EdgePageQuery the way every engine must.
func (q EdgePageQuery) Normalize() (EdgePageQuery, error) {
	eq, err := q.EdgeQuery.Normalize()
	if err != nil {
		return q, err
	}
	q.EdgeQuery = eq
	if q.First, err = PageSize(q.First); err != nil {
		return q, err
	}
	if q.Modalities, err = CheckListModalities(q.Modalities); err != nil {
		return q, err
	}
	if q.After != nil {
		// Every engine must refuse the same cursors: one made for another
		// list (or forged) has a key that is not a claim order key.
		if _, ok := ParseClaimOrderKey(q.After.Key); !ok {
			return q, Errorf(EINVALID, "after: not a cursor of this list of claims")
		}
	}
	return q, nil
}

// ParseClaimOrderKey reads a ClaimOrderKey back as its rank.
func ParseClaimOrderKey(key string) (int, bool) {
	if len(key) != 5 {
		return 0, false
	}
	n := 0
	for _, c := range key {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= 10000
}

// PageByEdgesOf answers an EdgePageQuery from EdgesOf, paged here: the
// EdgePages of engines that live in process and of test doubles. Every
// asked node gets a page, empty when it has no matching edges.
func PageByEdgesOf(ctx context.Context, s Store, q EdgePageQuery) (map[string]*EdgePage, error) {
	q, err := q.Normalize()
	if err != nil {
		return nil, err
	}
	es, err := s.EdgesOf(ctx, q.EdgeQuery)
	if err != nil {
		return nil, err
	}
	return PageEdgeList(q, es), nil
}

// PageEdgeList pages, for each of q.NodeIDs, the edges of es that touch it
// the asked way: the reference every engine's EdgePages must agree with.
func PageEdgeList(q EdgePageQuery, es []*Edge) map[string]*EdgePage {
	ms, err := CheckListModalities(q.Modalities)
	if err != nil {
		ms = nil // an invalid list passes nothing; Normalize reports it
	}
	byNode := make(map[string][]*Edge, len(q.NodeIDs))
	for _, id := range q.NodeIDs {
		byNode[id] = nil
	}
	seen := map[[2]string]bool{}
	add := func(id string, e *Edge) {
		if _, ok := byNode[id]; ok && !seen[[2]string{id, e.ID}] {
			seen[[2]string{id, e.ID}] = true
			byNode[id] = append(byNode[id], e)
		}
	}
	for _, e := range es {
		if e == nil || !HasModality(e, ms) {
			continue
		}
		if q.Direction != In {
			add(e.Subject, e)
		}
		if q.Direction != Out {
			add(e.Object, e)
		}
	}
	out := make(map[string]*EdgePage, len(byNode))
	for id, list := range byNode {
		slices.SortFunc(list, func(a, b *Edge) int {
			return cmp.Or(cmp.Compare(ClaimOrderRank(a.Score), ClaimOrderRank(b.Score)), cmp.Compare(a.ID, b.ID))
		})
		start := 0
		if q.After != nil {
			start = len(list)
			for i, e := range list {
				if CursorAfter(ClaimOrderKey(e), e.ID, *q.After, false) {
					start = i
					break
				}
			}
		}
		end := min(start+q.First, len(list))
		out[id] = &EdgePage{Edges: slices.Clone(list[start:end]), TotalCount: len(list), HasNext: end < len(list)}
	}
	return out
}
