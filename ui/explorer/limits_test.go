package explorer

import (
	"path/filepath"
	"testing"

	"github.com/kapgraph/kapgraph/internal/testutil"
)

// The explorer's bounds and defaults are graph's: limits.js is written
// from the constants, and fails here when they change without it.
func TestLimitsJS(t *testing.T) {
	testutil.Golden(t, filepath.Join("assets", "js", "limits.js"), LimitsJS())
}
