package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSchemaCommand(t *testing.T) {
	for _, name := range []string{"lexicon", "claims"} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), []string{"kapgraph", "schema", name}, noNeo4j, &stdout, &stderr); err != nil {
			t.Fatalf("schema %s: %v", name, err)
		}
		var v struct {
			Schema string `json:"$schema"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &v); err != nil || !strings.Contains(v.Schema, "2020-12") {
			t.Errorf("schema %s printed no JSON Schema (%v): %.80s", name, err, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"kapgraph", "schema", "seeds"}, noNeo4j, &stdout, &stderr)
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "lexicon, claims") {
		t.Errorf("schema seeds: %v; want a usage error listing lexicon, claims", err)
	}
}

// TestDraftAcceptValidate runs the curation workflow as a user types it.
func TestDraftAcceptValidate(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../loader/testdata/second-review.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "second-review.txt"), data, 0o644)
	for _, args := range [][]string{{"draft", dir}, {"draft", "--accept", dir}, {"validate", dir}} {
		var stdout, stderr bytes.Buffer
		if err := run(context.Background(), append([]string{"kapgraph"}, args...), noNeo4j, &stdout, &stderr); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr.String())
		}
		if args[0] == "validate" && !strings.Contains(stdout.String(), "curation confirmed") {
			t.Errorf("validate output lacks the extraction line:\n%s", stdout.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "second-review.claims.yaml")); err != nil {
		t.Errorf("accept wrote no claims file: %v", err)
	}
}
