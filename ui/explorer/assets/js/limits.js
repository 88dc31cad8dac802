// Generated from graph's constants (graph/query.go) by ui/explorer/limits.go;
// do not edit: KAPGRAPH_UPDATE_GOLDEN=1 go test ./ui/explorer rewrites it.
// The bounds and defaults of the questions the explorer asks.

export const LIMITS = Object.freeze({
  maxHops: 6, // longest path, in hops
  defaultMechanismHops: 6, // mechanism-to-outcome paths' default
  maxDepth: 3, // deepest neighbourhood
  defaultDepth: 1,
  maxPathResults: 50,
  defaultPathResults: 10,
  maxNeighborhood: 1000, // most nodes a neighbourhood returns
});
