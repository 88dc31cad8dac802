package gql

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// pricedSchema prices `items` at first × children and counts the fields
// it prices; its PriceState is state.
type pricedSchema struct {
	schema *ast.Schema
	state  any
	priced atomic.Int64
}

func (p *pricedSchema) Schema() *ast.Schema { return p.schema }
func (p *pricedSchema) Exec(context.Context) graphql.ResponseHandler {
	return nil
}
func (p *pricedSchema) Complexity(_ context.Context, _, field string, child int, args map[string]any) (int, bool) {
	p.priced.Add(1)
	if n, ok := args["first"].(int64); ok && field == "items" {
		return int(n) * child, true
	}
	return 0, false
}
func (p *pricedSchema) PriceState(context.Context) any { return p.state }

// TestComplexityRemembersPrices: an operation priced once is not walked
// again for the same parsed operation, schema state and variables (but
// its id and string variables); any of those changing prices it afresh,
// and a price remembered is the price the walk gives.
func TestComplexityRemembersPrices(t *testing.T) {
	s := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { item(id: ID!): Item }
type Item { name: String! items(first: Int!, kind: String): [Item!]! }`})
	doc, errs := gqlparser.LoadQuery(s, `query Q($id: ID!, $n: Int!, $k: String) { item(id: $id) { name items(first: $n, kind: $k) { name items(first: 3) { name } } } }`)
	if errs != nil {
		t.Fatal(errs)
	}
	other, _ := gqlparser.LoadQuery(s, `query Q($id: ID!, $n: Int!, $k: String) { item(id: $id) { name items(first: $n, kind: $k) { name items(first: 3) { name } } } }`)
	es := &pricedSchema{schema: s, state: "v1"}
	c := &ComplexityLimit{Max: 1000}
	if err := c.Validate(es); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name   string
		doc    *ast.QueryDocument
		state  any
		vars   map[string]any
		price  int
		walked bool
	}{
		{"first time", doc, "v1", map[string]any{"id": "a", "n": int64(2)}, 10, true},
		{"again", doc, "v1", map[string]any{"id": "a", "n": int64(2)}, 10, false},
		{"another id", doc, "v1", map[string]any{"id": "b", "n": int64(2)}, 10, false},
		{"another string", doc, "v1", map[string]any{"id": "b", "n": int64(2), "k": "x"}, 10, false},
		{"another page size", doc, "v1", map[string]any{"id": "a", "n": int64(5)}, 22, true},
		{"another graph", doc, "v2", map[string]any{"id": "a", "n": int64(2)}, 10, true},
		{"no state", doc, nil, map[string]any{"id": "a", "n": int64(2)}, 10, true},
		{"no state again", doc, nil, map[string]any{"id": "a", "n": int64(2)}, 10, true},
		{"another parse", other, "v1", map[string]any{"id": "a", "n": int64(2)}, 10, true},
	} {
		es.state = step.state
		es.priced.Store(0)
		op := step.doc.Operations.ForName("Q")
		if got := c.price(context.Background(), op, step.vars); got != step.price {
			t.Errorf("%s: price %d, want %d", step.name, got, step.price)
		}
		if walked := es.priced.Load() > 0; walked != step.walked {
			t.Errorf("%s: walked %v, want %v", step.name, walked, step.walked)
		}
	}
}

// TestComplexityPricesConcurrently: requests price at once (run with
// -race), and every one gets the walk's price.
func TestComplexityPricesConcurrently(t *testing.T) {
	s := gqlparser.MustLoadSchema(&ast.Source{Input: `
type Query { item(id: ID!): Item }
type Item { name: String! items(first: Int!): [Item!]! }`})
	doc, errs := gqlparser.LoadQuery(s, `query Q($id: ID!, $n: Int!) { item(id: $id) { items(first: $n) { name } } }`)
	if errs != nil {
		t.Fatal(errs)
	}
	c := &ComplexityLimit{Max: 1000}
	if err := c.Validate(&pricedSchema{schema: s, state: "v1"}); err != nil {
		t.Fatal(err)
	}
	op := doc.Operations.ForName("Q")
	var wg sync.WaitGroup
	prices := make([]int, 64)
	for i := range prices {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prices[i] = c.price(context.Background(), op, map[string]any{"id": "x", "n": int64(i%4 + 1)})
		}()
	}
	wg.Wait()
	for i, p := range prices {
		if want := c.price(context.Background(), op, map[string]any{"id": "y", "n": int64(i%4 + 1)}); p != want || p == 0 {
			t.Fatalf("request %d: price %d, want %d", i, p, want)
		}
	}
}
