package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The helpers below are the parts of query semantics that both engines
// must apply identically; engines call them instead of re-implementing
// them, which is what keeps the conformance suite green.

// SortMeta orders meta-graph triples by subject, predicate, object.
func SortMeta(m []*MetaEdge) {
	sort.Slice(m, func(i, j int) bool {
		a, b := m[i], m[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.Object < b.Object
	})
}

// EvidenceLevelKey is the Stats bucket of an evidence level.
func EvidenceLevelKey(l int) string {
	if l <= 0 {
		return "unknown"
	}
	return fmt.Sprintf("level %d", l)
}

// YearKey is the Stats bucket of a publication year.
func YearKey(y int) string { return fmt.Sprintf("%04d", y) }

// MatchNode applies a NodeQuery's filters (not its paging) to one node.
// Name matching is plain lower-casing, which Cypher's toLower matches.
func MatchNode(n *Node, q NodeQuery) bool {
	if q.Category != "" && n.Category != q.Category {
		return false
	}
	if q.Kind != "" && n.Kind != q.Kind {
		return false
	}
	if q.Document != "" && n.Document != q.Document {
		return false
	}
	if q.Design != "" && n.Design != q.Design {
		return false
	}
	if q.MaxEvidence > 0 && (n.EvidenceLevel == 0 || n.EvidenceLevel > q.MaxEvidence) {
		return false
	}
	if q.YearFrom > 0 && n.Year < q.YearFrom {
		return false
	}
	if q.YearTo > 0 && (n.Year == 0 || n.Year > q.YearTo) {
		return false
	}
	if q.NameContains != "" {
		needle := strings.ToLower(q.NameContains)
		if !strings.Contains(strings.ToLower(n.Name), needle) &&
			!slices.ContainsFunc(n.Synonyms, func(s string) bool { return strings.Contains(strings.ToLower(s), needle) }) {
			return false
		}
	}
	return true
}

// CursorAfter reports whether a node with sort key key and id id comes
// after cursor c in the requested order.
func CursorAfter(key, id string, c Cursor, descending bool) bool {
	if descending {
		return key < c.Key || (key == c.Key && id < c.ID)
	}
	return key > c.Key || (key == c.Key && id > c.ID)
}

// ExpandNeighborhood runs the breadth-first expansion of a neighbourhood
// given a function that lists the neighbours of a frontier (duplicates
// allowed). Each ring is added in id order until q.Limit nodes are taken.
// It returns the node ids, the start first, and whether the limit cut the
// expansion short.
func ExpandNeighborhood(q NeighborhoodQuery, neighbours func(frontier []string) []string) ([]string, bool) {
	included := map[string]bool{q.ID: true}
	ids := []string{q.ID}
	frontier := []string{q.ID}
	for d := 0; d < q.Depth && len(frontier) > 0; d++ {
		next := neighbours(frontier)
		slices.Sort(next)
		next = slices.Compact(next)
		ring := next[:0]
		for _, id := range next {
			if !included[id] {
				ring = append(ring, id)
			}
		}
		if room := q.Limit - len(ids); len(ring) > room {
			ring = ring[:room]
			for _, id := range ring {
				included[id] = true
			}
			return append(ids, ring...), true
		}
		for _, id := range ring {
			included[id] = true
		}
		ids = append(ids, ring...)
		frontier = slices.Clone(ring)
	}
	return ids, false
}

// SortSubgraph orders a subgraph's nodes and edges by id.
func SortSubgraph(s *Subgraph) {
	sort.Slice(s.Nodes, func(i, j int) bool { return s.Nodes[i].ID < s.Nodes[j].ID })
	sort.Slice(s.Edges, func(i, j int) bool { return s.Edges[i].ID < s.Edges[j].ID })
}
