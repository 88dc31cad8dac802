//go:build loadprofile

package neo4j

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestPreviousRelsProfile PROFILEs the reload's read of a document's
// relationships (cypherPreviousRels) after loading a synthetic graph:
// the slim ones are found by a prefix seek on each type's id index, and
// the db hits stay in proportion to the document's relationships.
func TestPreviousRelsProfile(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	wipe(t, s)
	var docs []*graph.Document
	if err := synth.All(synth.Config{Nodes: 10000}, 2, func(_ int, d *graph.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	d := docs[len(docs)/2]
	sess := s.driver.NewSession(ctx, s.sessionConfig(neo4j.AccessModeRead))
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "PROFILE "+cypherPreviousRels, slimParams(map[string]any{"doc": d.ID}, d.ID))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rels, _ := recs[0].Values[0].([]any)
	var b strings.Builder
	printPlan(&b, sum.Profile(), 0)
	t.Logf("document %s: %d edges, %d relationships read, %d db hits\n%s", d.ID, len(d.Edges), len(rels), totalHits(sum.Profile()), b.String())
	if len(rels) != len(d.Edges) {
		t.Errorf("read %d relationships of %d", len(rels), len(d.Edges))
	}
}
