// Package export writes the whole graph in exchange formats other tools
// read without a kapgraph adapter: KGX JSON Lines for Biolink-aware
// pipelines (Translator, Monarch, KG-Hub), GraphML for graph viewers and
// NetworkX, and kapgraph's own JSON, which is also the import format that
// recreates a store exactly.
//
// Everything is read through graph.Store alone, so the embedded engine and
// Neo4j export identically; and every writer orders records by id, so two
// exports of the same graph are byte-identical and diff cleanly.
package export

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kapgraph/kapgraph/graph"
)

// snapshotAttempts bounds how often Snapshot retakes a read that a
// concurrent load disturbed before giving up.
const snapshotAttempts = 3

// Graph is every node and edge of a store at one moment, sorted by id.
// The nodes and edges may be shared with the store and must not be
// modified.
type Graph struct {
	// Documents are the ids of the documents the nodes and edges belong
	// to, sorted. A store does not list its documents, so they are derived
	// from the records' Document fields.
	Documents []string
	Nodes     []*graph.Node
	Edges     []*graph.Edge
}

// Snapshot reads the whole graph. The Store interface has no transaction
// spanning many calls, so a load running at the same time could leave a
// mixture of two versions: Snapshot checks its counts against the store's
// own Stats taken before and after, and reads again when they disagree,
// so an export is never silently missing part of the graph.
func Snapshot(ctx context.Context, s graph.Store) (*Graph, error) {
	var last error
	for range snapshotAttempts {
		before, err := s.Stats(ctx)
		if err != nil {
			return nil, fmt.Errorf("export: counting the graph: %w", err)
		}
		g, err := read(ctx, s)
		if err != nil {
			return nil, err
		}
		after, err := s.Stats(ctx)
		if err != nil {
			return nil, fmt.Errorf("export: counting the graph: %w", err)
		}
		if before.Nodes == after.Nodes && before.Edges == after.Edges &&
			len(g.Nodes) == after.Nodes && len(g.Edges) == after.Edges {
			return g, nil
		}
		last = fmt.Errorf("export: read %d nodes and %d edges while the store counted %d/%d nodes and %d/%d edges (before/after): the graph changed during the export, or holds edges that start at no node",
			len(g.Nodes), len(g.Edges), before.Nodes, after.Nodes, before.Edges, after.Edges)
	}
	return nil, last
}

// read pages through every category, then asks for the outgoing edges of
// every node: each edge leaves exactly one subject, so it is seen once
// however the batches fall.
func read(ctx context.Context, s graph.Store) (*Graph, error) {
	g := &Graph{}
	seen := map[string]bool{}
	for _, c := range graph.Categories() {
		after := ""
		for {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("export: listing nodes: %w", err)
			}
			page, err := s.ListNodes(ctx, graph.NodeQuery{Category: c, OrderBy: graph.OrderByID, First: graph.MaxPageSize, After: after})
			if err != nil {
				return nil, fmt.Errorf("export: listing %s nodes: %w", c, err)
			}
			for _, n := range page.Nodes {
				if !seen[n.ID] {
					seen[n.ID] = true
					g.Nodes = append(g.Nodes, n)
				}
			}
			if !page.HasNext || page.EndCursor == "" {
				break
			}
			after = page.EndCursor
		}
	}
	slices.SortFunc(g.Nodes, func(a, b *graph.Node) int { return strings.Compare(a.ID, b.ID) })

	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	seenEdge := map[string]bool{}
	for batch := range slices.Chunk(ids, graph.MaxIDs) {
		es, err := s.EdgesOf(ctx, graph.EdgeQuery{NodeIDs: batch, Direction: graph.Out})
		if err != nil {
			return nil, fmt.Errorf("export: reading edges: %w", err)
		}
		for _, e := range es {
			if !seenEdge[e.ID] {
				seenEdge[e.ID] = true
				g.Edges = append(g.Edges, e)
			}
		}
	}
	slices.SortFunc(g.Edges, func(a, b *graph.Edge) int { return strings.Compare(a.ID, b.ID) })

	docs := map[string]bool{}
	for _, n := range g.Nodes {
		if n.Document != "" {
			docs[n.Document] = true
		}
	}
	for _, e := range g.Edges {
		if e.Document != "" {
			docs[e.Document] = true
		}
	}
	for d := range docs {
		g.Documents = append(g.Documents, d)
	}
	slices.Sort(g.Documents)
	return g, nil
}
