package resolvers

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
