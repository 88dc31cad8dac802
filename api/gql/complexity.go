package gql

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// ComplexityLimit refuses an operation whose price is above Max before
// anything is resolved. The price comes from the executable schema's
// Complexity (kapgraph's: each list costs its fields once per item it can
// return, by its page size and by the largest such list in the graph as
// loaded). It is gqlgen's ComplexityLimit with an error that says the
// rule, and the same statistics (extension.GetComplexityStats reads them).
type ComplexityLimit struct {
	Max int
	es  graphql.ExecutableSchema

	// prices remembers what operations cost (see PriceState): the walk
	// prices every field through every implementation of an interface,
	// so a nested question on Node was a tenth of the server's CPU per
	// request, the same walk again for every request.
	mu     sync.Mutex
	prices map[priceKey]int
}

// PriceState is implemented by an executable schema whose prices depend
// on something besides the operation and its variables (kapgraph's: the
// graph's fan-out as loaded). PriceState returns that something as a
// comparable value, the same value for as long as the prices stay the
// same, or nil when it cannot say (prices are then not remembered). An
// executable schema that does not implement it is priced afresh for
// every operation.
//
// The prices it remembers assume, besides, that no complexity rule reads
// a variable declared as a single ID or String (an id, a cursor, a search
// text): those are left out of the key, the rest of the variables are in
// it.
type PriceState interface {
	PriceState(ctx context.Context) any
}

// priceKey is an operation as priced: the parsed operation (the query
// cache hands out the same one for the same text), the schema's state,
// and the variables a price may depend on.
type priceKey struct {
	op    *ast.OperationDefinition
	state any
	vars  string
}

// maxPrices bounds the remembered prices; when full they are forgotten
// at once (a new graph version or a flood of new query texts).
const maxPrices = 4096

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = (*ComplexityLimit)(nil)

// ExtensionName implements graphql.HandlerExtension; gqlgen's name, so
// that the statistics are found where gqlgen's own would be.
func (*ComplexityLimit) ExtensionName() string { return "ComplexityLimit" }

// Validate implements graphql.HandlerExtension.
func (c *ComplexityLimit) Validate(es graphql.ExecutableSchema) error {
	if c.Max <= 0 {
		return fmt.Errorf("complexity limit must be positive, got %d", c.Max)
	}
	c.es = es
	return nil
}

// MutateOperationContext implements graphql.OperationContextMutator.
func (c *ComplexityLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Doc.Operations.ForName(opCtx.OperationName)
	if op == nil {
		return nil
	}
	price := c.price(ctx, op, opCtx.Variables)
	opCtx.Stats.SetExtension("ComplexityLimit", &extension.ComplexityStats{Complexity: price, ComplexityLimit: c.Max})
	if price <= c.Max {
		return nil
	}
	return limitError(CodeComplexity, "complexity", price, c.Max,
		"operation has complexity %s, which exceeds the limit of %d: each list is priced at its fields times the items it "+
			"can return (its `first`, or fewer when no such list in the graph is as long), so nested lists multiply; "+
			"ask for fewer items or fewer nested lists", countString(price), c.Max)
}

// price is complexity.Calculate's price of op, remembered when the
// schema states what else it depends on.
func (c *ComplexityLimit) price(ctx context.Context, op *ast.OperationDefinition, vars map[string]any) int {
	ps, ok := c.es.(PriceState)
	if !ok {
		return complexity.Calculate(ctx, c.es, op, vars)
	}
	state := ps.PriceState(ctx)
	if state == nil {
		return complexity.Calculate(ctx, c.es, op, vars)
	}
	key, ok := priceKeyOf(op, state, vars)
	if !ok {
		return complexity.Calculate(ctx, c.es, op, vars)
	}
	c.mu.Lock()
	p, hit := c.prices[key]
	c.mu.Unlock()
	if hit {
		return p
	}
	p = complexity.Calculate(ctx, c.es, op, vars)
	c.mu.Lock()
	if c.prices == nil || len(c.prices) >= maxPrices {
		c.prices = map[priceKey]int{}
	}
	c.prices[key] = p
	c.mu.Unlock()
	return p
}

// priceKeyOf is op's key: the variables but those declared a single ID or
// String, in JSON (whose maps have sorted keys). ok is false when they do
// not encode.
func priceKeyOf(op *ast.OperationDefinition, state any, vars map[string]any) (priceKey, bool) {
	keep := make(map[string]any, len(vars))
	for _, d := range op.VariableDefinitions {
		if d.Type != nil && d.Type.Elem == nil && (d.Type.NamedType == "ID" || d.Type.NamedType == "String") {
			continue
		}
		if v, ok := vars[d.Variable]; ok {
			keep[d.Variable] = v
		}
	}
	key := priceKey{op: op, state: state}
	if len(keep) > 0 {
		b, err := json.Marshal(keep)
		if err != nil {
			return key, false
		}
		key.vars = string(b)
	}
	return key, true
}
