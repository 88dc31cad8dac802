// Package seeds carries the curated review, lexicon and claims inside the
// binary, so `kapgraph serve` needs no files beside it on a fresh machine.
package seeds

import "embed"

// FS holds every seed file: reviews (*.txt), lexicon.yaml and
// *.claims.yaml.
//
//go:embed *.txt *.yaml
var FS embed.FS
