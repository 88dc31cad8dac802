package gql

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
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
}

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
	price := complexity.Calculate(ctx, c.es, op, opCtx.Variables)
	opCtx.Stats.SetExtension("ComplexityLimit", &extension.ComplexityStats{Complexity: price, ComplexityLimit: c.Max})
	if price <= c.Max {
		return nil
	}
	return limitError(CodeComplexity, "complexity", price, c.Max,
		"operation has complexity %s, which exceeds the limit of %d: each list is priced at its fields times the items it "+
			"can return (its `first`, or fewer when no such list in the graph is as long), so nested lists multiply; "+
			"ask for fewer items or fewer nested lists", countString(price), c.Max)
}
