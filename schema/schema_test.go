package schema

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/kapgraph/kapgraph/internal/testutil"
)

// published.graphql is the contract clients build against. A change to
// schema/*.graphqls must update it in the same commit
// (KAPGRAPH_UPDATE_GOLDEN=1 go test ./schema), which is what lets
// scripts/schema-check.sh find every change to the published schema in
// git and hold breaking ones to the policy (README, "Schema contract").
func TestPublishedSnapshotIsCurrent(t *testing.T) {
	sdl, err := SDL()
	if err != nil {
		t.Fatal(err)
	}
	testutil.Golden(t, "published.graphql", sdl)
}

// The served SDL must build on its own: a client code generator gets
// nothing else.
func TestSDLBuilds(t *testing.T) {
	sdl, err := SDL()
	if err != nil {
		t.Fatal(err)
	}
	s, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(sdl)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	if s.Query == nil || len(s.Query.Fields) < 10 {
		t.Fatalf("Query has %d fields", len(s.Query.Fields))
	}
	for _, n := range []string{"schema.graphqls", "paths.graphqls", "entities.graphqls"} {
		if !strings.Contains(string(sdl), "# ---- "+n) {
			t.Errorf("SDL does not include %s", n)
		}
	}
}
