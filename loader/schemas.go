package loader

import "embed"

// Schemas holds the JSON Schemas of lexicon.yaml and *.claims.yaml
// (schemas/lexicon.schema.json, schemas/claims.schema.json): editors
// validate YAML against them, `kapgraph schema` prints them, and a test
// checks the seeds and testdata against them. They describe the format;
// the loader's own checks (ids in the lexicon, quotes in the review) go
// further.
//
//go:embed schemas/*.schema.json
var Schemas embed.FS

// SchemaNames are the names `kapgraph schema` accepts.
var SchemaNames = []string{"lexicon", "claims"}

// Schema returns the JSON Schema named name ("lexicon" or "claims").
func Schema(name string) ([]byte, error) {
	return Schemas.ReadFile("schemas/" + name + ".schema.json")
}
