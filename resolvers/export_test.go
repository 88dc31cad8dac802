package resolvers

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Exported for the tests of package resolvers_test.
var (
	ClaimPages     = func() []string { return keys(claimPages) }
	NodeFieldsRead = nodeFieldsRead
)

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// WithoutFastPath is es answering every operation through the generated
// executor, and FastAnswered how many operations es answered through the
// fast path: the differential tests compare the two.
func WithoutFastPath(es graphql.ExecutableSchema) graphql.ExecutableSchema {
	s := es.(*executableSchema)
	return &executableSchema{ExecutableSchema: s.ExecutableSchema, store: s.store, batch: s.batch, defaults: s.defaults}
}

func FastAnswered(es graphql.ExecutableSchema) int64 {
	return es.(*executableSchema).fastAnswered.Load()
}

// FastCovers says whether the fast path would try the operation.
func FastCovers(op *ast.OperationDefinition) bool {
	static := true
	return fastCovers(op, &static)
}
