package resolvers

import (
	"reflect"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/99designs/gqlgen/graphql"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/resolvers/generated"
	"github.com/kapgraph/kapgraph/resolvers/model"
)

// TestCategoryTypeName holds the fast path's type of a node's category to
// the type model.Wrap presents it as (none for a category Wrap does not
// know), for every category and one unknown.
func TestCategoryTypeName(t *testing.T) {
	for _, c := range append(graph.Categories(), "NoSuchCategory", "") {
		want := ""
		if w := model.Wrap(&graph.Node{Category: c}); w != nil {
			want = reflect.TypeOf(w).Elem().Name()
		}
		if got := categoryTypeName(c); got != want {
			t.Errorf("categoryTypeName(%q) = %q, model.Wrap's type is %q", c, got, want)
		}
	}
}

// TestJoinIsPlaceOf holds the fast path's places (join, from the root's
// alias down) to placeOf over the field contexts the executor would make
// for the same fields, list indexes among them, and requires a place made
// once to cost no allocation the second time.
func TestJoinIsPlaceOf(t *testing.T) {
	aliases := []string{"node", "claims", "edges", "node", "object", "claims", "edges", "node", "evidence", "studies"}
	var w fastWriter
	place := ""
	var parent *graphql.FieldContext
	ctx := graphql.WithFieldContext(t.Context(), &graphql.FieldContext{Object: "Query"})
	parent = graphql.GetFieldContext(ctx)
	for i, a := range aliases {
		place = w.join(place, a)
		fc := &graphql.FieldContext{Field: graphql.CollectedField{Field: &ast.Field{Alias: a, Name: a}}}
		ctx = graphql.WithFieldContext(ctx, fc)
		parent = fc
		if want := placeOf(ctx); place != want {
			t.Fatalf("join at %d: %q, placeOf %q", i, place, want)
		}
		if a == "edges" || a == "evidence" {
			idx := i
			ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &idx, Field: parent.Field})
		}
	}
	again := func() {
		p := ""
		for _, a := range aliases {
			p = w.join(p, a)
		}
		if p != place {
			t.Fatalf("again: %q, want %q", p, place)
		}
	}
	if n := testing.AllocsPerRun(10, again); n != 0 {
		t.Errorf("places made again: %v allocations, want 0", n)
	}
}

// TestFastOpStatic: an operation is static (its collected fields kept
// across requests) only when no selection, inline fragment, spread or
// fragment it reaches carries a directive; and the table hands out one
// entry per operation.
func TestFastOpStatic(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: NewResolver(memory.New(), nil)}).Schema()
	for q, want := range map[string]bool{
		`query($id: ID!) { node(id: $id) { id name ... on Drug { claims(first: 2) { edges { node { id } } } } } }`: true,
		`query($id: ID!, $x: Boolean!) { node(id: $id) { id name @include(if: $x) } }`:                             false,
		`query($id: ID!, $x: Boolean!) { node(id: $id) { ... on Drug @skip(if: $x) { name } } }`:                   false,
		`query($id: ID!, $x: Boolean!) { node(id: $id) { ...F @include(if: $x) } } fragment F on Node { id }`:      false,
		`query($id: ID!, $x: Boolean!) { node(id: $id) { ...F } } fragment F on Node { id @skip(if: $x) }`:         false,
		`query($id: ID!) { node(id: $id) { ...F } } fragment F on Node { id name }`:                                true,
	} {
		doc, errs := gqlparser.LoadQuery(schema, q)
		if errs != nil {
			t.Fatalf("%s: %v", q, errs)
		}
		var ops fastOps
		e := ops.of(doc.Operations[0])
		if !e.covers {
			t.Errorf("%s: not covered", q)
		}
		if e.static != want {
			t.Errorf("%s: static %v, want %v", q, e.static, want)
		}
		if ops.of(doc.Operations[0]) != e {
			t.Errorf("%s: a second entry for the same operation", q)
		}
	}
}
