package explorer

import (
	"fmt"

	"github.com/kapgraph/kapgraph/graph"
)

// LimitsJS is the text of assets/js/limits.js: the bounds and defaults of
// the questions the explorer asks (hops, depth, how many paths), written
// from graph's constants so that the page never states a rule of its own.
// TestLimitsJS fails when the file differs;
// KAPGRAPH_UPDATE_GOLDEN=1 go test ./ui/explorer rewrites it.
func LimitsJS() []byte {
	return fmt.Appendf(nil, `// Generated from graph's constants (graph/query.go) by ui/explorer/limits.go;
// do not edit: KAPGRAPH_UPDATE_GOLDEN=1 go test ./ui/explorer rewrites it.
// The bounds and defaults of the questions the explorer asks.

export const LIMITS = Object.freeze({
  maxHops: %d, // longest path, in hops
  defaultMechanismHops: %d, // mechanism-to-outcome paths' default
  maxDepth: %d, // deepest neighbourhood
  defaultDepth: %d,
  maxPathResults: %d,
  defaultPathResults: %d,
  maxNeighborhood: %d, // most nodes a neighbourhood returns
});
`, graph.MaxHopsCap, graph.DefaultMechanismHops, graph.MaxDepth, graph.DefaultDepth,
		graph.MaxPathResults, graph.DefaultPathResults, graph.MaxNeighborhood)
}
