package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
)

func testLimits(t *testing.T, s graph.Store) {
	cases := []struct {
		name string
		call func() error
		code string
	}{
		{"maxHops above cap", func() error {
			_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", MaxHops: graph.MaxHopsCap + 1})
			return err
		}, graph.ELIMIT},
		{"page too large", func() error {
			_, err := s.ListNodes(ctx, graph.NodeQuery{First: graph.MaxPageSize + 1})
			return err
		}, graph.ELIMIT},
		{"negative first", func() error {
			_, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", First: -1})
			return err
		}, graph.EINVALID},
		{"depth too large", func() error {
			_, err := s.Neighborhood(ctx, graph.NeighborhoodQuery{ID: "CHEBI:6121", Depth: graph.MaxDepth + 1})
			return err
		}, graph.ELIMIT},
		{"unknown category", func() error {
			_, err := s.ListNodes(ctx, graph.NodeQuery{Category: "Drug) DETACH DELETE (n"})
			return err
		}, graph.EINVALID},
		{"unknown edge type", func() error {
			_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", Predicates: []graph.Predicate{"AFFECTS|MENTIONS*1..99"}})
			return err
		}, graph.EINVALID},
		{"cancelled context", func() error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			_, err := s.MechanismPaths(c, graph.MechanismPathQuery{From: "CHEBI:6121", MaxHops: 6})
			return err
		}, graph.ETIMEOUT},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { wantCode(t, tc.call(), tc.code) })
	}
}

// hostile are strings that would do harm if spliced into Cypher or a
// Lucene query; every engine must treat them as plain data.
var hostile = []string{
	`' OR 1=1 //`, "`) DETACH DELETE n //", `"}) MATCH (n) DETACH DELETE n //`, `\u0027; CALL dbms.shutdown()`,
	`/* comment */ RETURN 1`, `*:*`, `name:ketamine~ OR *`, `ketamine) OR (x`, "ketamine\x00", `[a-z]+`, `\`,
}

func testHostile(t *testing.T, s graph.Store) {
	n0, e0 := counts(t, s)
	for _, h := range hostile {
		if _, err := s.Node(ctx, h); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("Node(%q) = %v, want ENOTFOUND", h, err)
		}
		if _, err := s.Search(ctx, graph.SearchQuery{Text: h}); err != nil && graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("Search(%q) = %v", h, err)
		}
		if _, err := s.ListNodes(ctx, graph.NodeQuery{NameContains: h}); err != nil {
			t.Errorf("ListNodes(nameContains %q) = %v", h, err)
		}
		if _, err := s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Disorder: h}); graph.ErrorCode(err) != graph.ENOTFOUND {
			t.Errorf("MechanismPaths(disorder %q) = %v, want ENOTFOUND", h, err)
		}
	}
	if n, e := counts(t, s); n != n0 || e != e0 {
		t.Errorf("hostile input changed counts: %d/%d -> %d/%d", n0, e0, n, e)
	}
	var ge *graph.Error
	_, err := s.Node(ctx, hostile[0])
	if !errors.As(err, &ge) {
		t.Errorf("not a domain error: %v", err)
	}
}
