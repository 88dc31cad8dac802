package testutil

import (
	"testing"

	"github.com/kapgraph/kapgraph/graph/storetest/golden"
)

// The golden-file helpers live in graph/storetest/golden, since the
// conformance suite may import nothing outside graph/; these names keep
// every other package's tests as they were.

// UpdateEnv names the one switch that rewrites golden files
// (golden.UpdateEnv).
const UpdateEnv = golden.UpdateEnv

// UpdatingGolden reports whether this run rewrites golden files
// (golden.Updating).
func UpdatingGolden(t testing.TB) bool {
	t.Helper()
	return golden.Updating(t)
}

// Golden compares got with the golden file at path, or rewrites it
// (golden.File).
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	golden.File(t, path, got)
}

// CompareGolden compares got with the golden file at path and never
// writes it (golden.Compare).
func CompareGolden(t testing.TB, path string, got []byte) {
	t.Helper()
	golden.Compare(t, path, got)
}
