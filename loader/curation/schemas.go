package curation

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"
)

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

// ValidateYAML checks a curation file's YAML against the schema named name,
// as an editor's YAML plugin would: the format only (the loader's own checks
// of ids and quotes go further).
func ValidateYAML(name string, data []byte) error {
	raw, err := Schema(name)
	if err != nil {
		return err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("schema %s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	url := name + ".schema.json"
	if err := c.AddResource(url, doc); err != nil {
		return fmt.Errorf("schema %s: %w", name, err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		return fmt.Errorf("schema %s: %w", name, err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		return err
	}
	j, err := json.Marshal(v)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}
