package resolvers

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestPlaceRemembered holds Resolver.place to placeOf over chains that
// share leaves, aliases and hashes' inputs, asked twice (written, then
// remembered), and requires a remembered place to cost no allocation.
func TestPlaceRemembered(t *testing.T) {
	field := func(alias string) graphql.CollectedField {
		return graphql.CollectedField{Field: &ast.Field{Alias: alias, Name: alias}}
	}
	chain := func(aliases ...string) context.Context {
		ctx := context.Background()
		var parent *graphql.FieldContext
		for i, a := range aliases {
			fc := &graphql.FieldContext{Parent: parent, Field: field(a)}
			if i%2 == 1 {
				// A list element between fields counts for nothing.
				idx := i
				fc = &graphql.FieldContext{Parent: fc, Index: &idx}
			}
			ctx = graphql.WithFieldContext(ctx, fc)
			parent = fc
		}
		return ctx
	}
	cases := [][]string{
		{"node"},
		{"node", "claims", "edges", "node", "object"},
		{"node", "claims", "edges", "node", "subject"},
		{"nodes", "claims", "edges", "node", "object"},
		{"node", "claims", "edges", "node"},
		{"node.claims"}, // no alias has a dot; a different chain all the same
		{"no", "declaims"},
		{"node", "claims"},
		{},
	}
	r := &Resolver{}
	for round := 0; round < 2; round++ {
		for _, c := range cases {
			ctx := chain(c...)
			if got, want := r.place(ctx), placeOf(ctx); got != want {
				t.Errorf("round %d, %v: place %q, placeOf %q", round, c, got, want)
			}
		}
	}
	ctx := chain("node", "claims", "edges", "node", "object")
	if n := testing.AllocsPerRun(100, func() { r.place(ctx) }); n != 0 {
		t.Errorf("a remembered place costs %.0f allocations, want 0", n)
	}
}
