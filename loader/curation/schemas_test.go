package curation

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	yaml "go.yaml.in/yaml/v3"

	"github.com/kapgraph/kapgraph/graph"
)

// compileSchema compiles one embedded schema.
func compileSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	data, err := Schema(name)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	url := name + ".schema.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sch
}

// yamlInstance turns YAML into the JSON value a schema validates, as an
// editor's YAML plugin does.
func yamlInstance(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// TestSchemasAcceptCuration: the seed's and the testdata's curation files
// are valid against the committed schemas.
func TestSchemasAcceptCuration(t *testing.T) {
	lex, claims := compileSchema(t, "lexicon"), compileSchema(t, "claims")
	files, _ := filepath.Glob("../../seeds/*.yaml")
	more, _ := filepath.Glob("../testdata/*.yaml")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("found only %v", files)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sch := claims
		if strings.HasSuffix(f, "lexicon.yaml") {
			sch = lex
		}
		if err := sch.Validate(yamlInstance(t, data)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestSchemasRefuse: the schemas catch what an editor should flag.
func TestSchemasRefuse(t *testing.T) {
	lex, claims := compileSchema(t, "lexicon"), compileSchema(t, "claims")
	const claim = "review: r.txt\nclaims:\n  - id: a-b\n    subject: KAP:a\n    object: KAP:b\n    origin: stated\n    evidence: [{quote: x}]\n"
	for _, tc := range []struct {
		name string
		sch  *jsonschema.Schema
		yaml string
	}{
		{"unknown predicate", claims, claim + "    predicate: CAUSES\n    sign: increases\n"},
		{"CORRELATED_WITH without sign", claims, claim + "    predicate: CORRELATED_WITH\n"},
		{"unknown modality", claims, claim + "    predicate: HAS_PART\n    modality: LIKELY\n"},
		{"sign on an unsigned predicate", claims, claim + "    predicate: STUDIED_TO_TREAT\n    sign: increases\n"},
		{"inferred without note", claims, strings.Replace(claim, "stated", "inferred", 1) + "    predicate: HAS_PART\n"},
		{"unknown field", claims, claim + "    predicate: HAS_PART\n    confidence: 0.9\n"},
		{"rejected without reason", claims, "review: r.txt\nrejected:\n  - {subject: KAP:a, predicate: AFFECTS, object: KAP:b}\n"},
		{"unknown category", lex, "entities:\n  - {id: KAP:x, category: Gene, name: x}\n"},
		{"Mechanism without kind", lex, "entities:\n  - {id: KAP:x, category: Mechanism, name: x}\n"},
		{"unknown prefix", lex, "entities:\n  - {id: FOO:x, category: Drug, name: x}\n"},
	} {
		if err := tc.sch.Validate(yamlInstance(t, []byte(tc.yaml))); err == nil {
			t.Errorf("%s: the schema accepts it", tc.name)
		}
	}
	ok := claim + "    predicate: HAS_PART\n"
	if err := claims.Validate(yamlInstance(t, []byte(ok))); err != nil {
		t.Errorf("a minimal claim: %v", err)
	}
}

// TestSchemaEnumsMatchTheLoader keeps the schemas' allowed values equal to
// the ones the loader checks.
func TestSchemaEnumsMatchTheLoader(t *testing.T) {
	var lex, claims struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	read := func(name string, v any) {
		data, _ := Schema(name)
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatal(err)
		}
	}
	read("lexicon", &lex)
	read("claims", &claims)
	var entity struct {
		Properties struct {
			Category, Kind struct{ Enum []string }
		}
	}
	json.Unmarshal(lex.Defs["entity"], &entity)
	var pred struct{ Enum []string }
	json.Unmarshal(claims.Defs["predicate"], &pred)
	var curie struct{ Pattern string }
	json.Unmarshal(lex.Defs["curie"], &curie)
	for _, c := range []struct {
		what      string
		got, want []string
	}{
		{"categories", entity.Properties.Category.Enum, CuratedCategories()},
		{"mechanism kinds", entity.Properties.Kind.Enum, graph.MechanismKinds},
		{"predicates", pred.Enum, CuratedPredicates()},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: schema %v, loader %v", c.what, c.got, c.want)
		}
	}
	if want := "^(" + strings.Join(KnownPrefixes(), "|") + "):"; !strings.HasPrefix(curie.Pattern, want) {
		t.Errorf("CURIE pattern %q, want prefixes %q", curie.Pattern, want)
	}
}
