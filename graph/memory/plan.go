package memory

import (
	"context"

	"github.com/kapgraph/kapgraph/graph"
)

// The embedded engine answers plans, claim pages and evidence reports
// with the references built on its other calls: in process a call costs
// no round trip, so reading level by level is already its fastest way.

// Read implements graph.Store.Read with graph.ReadByCalls.
func (s *Store) Read(ctx context.Context, p graph.ReadPlan) (*graph.ReadResult, error) {
	return graph.ReadByCalls(ctx, s, p)
}

// EdgePages implements graph.Store.EdgePages with graph.PageByEdgesOf.
func (s *Store) EdgePages(ctx context.Context, q graph.EdgePageQuery) (map[string]*graph.EdgePage, error) {
	return graph.PageByEdgesOf(ctx, s, q)
}

// Evidence implements graph.Store.Evidence with graph.GatherEvidence.
func (s *Store) Evidence(ctx context.Context, drug, disorder string) (*graph.EvidenceReport, error) {
	return graph.GatherEvidence(ctx, s, drug, disorder)
}
