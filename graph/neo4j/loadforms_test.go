//go:build loadprofile

package neo4j

import (
	"context"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestRelForms times, in rolled-back transactions, the statement forms that
// create a document's relationships between nodes it just created: by
// element id (with and without the id check), with a static type, and
// through the :Entity(id) index; server CPU per relationship needs
// NEO4J_PID. A tool, built only with the loadprofile tag.
func TestRelForms(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	docs := genDocs(t)
	wipe(t, s)
	benchData = ""
	for _, d := range docs[:2] {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	plan, err := planLoad(docs[2])
	if err != nil {
		t.Fatal(err)
	}
	var nodes []map[string]any
	for _, n := range plan.nodes {
		if n.owned {
			nodes = append(nodes, n.row)
		}
	}
	forms := map[string]string{
		"dyn-eid-idcheck": cypherCreateRelsByElementID,
		"dyn-eid":         "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:$(row.type)]->(o) SET r = row.props RETURN count(*)",
		"static-eid":      "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:MENTIONS]->(o) SET r = row.props RETURN count(*)",
		"dyn-id":          cypherCreateRels,
	}
	for round := 0; round < 3; round++ {
		for _, name := range []string{"dyn-eid-idcheck", "dyn-eid", "static-eid", "dyn-id"} {
			sess := s.driver.NewSession(ctx, s.sessionConfig(neo4j.AccessModeWrite))
			tx, err := sess.BeginTransaction(ctx)
			if err != nil {
				t.Fatal(err)
			}
			res, err := tx.Run(ctx, cypherCreateNodes, map[string]any{"rows": nodes})
			if err != nil {
				t.Fatal(err)
			}
			recs, err := res.Collect(ctx)
			if err != nil {
				t.Fatal(err)
			}
			eids := map[string]string{}
			for _, r := range recs {
				eids[r.Values[0].(string)] = r.Values[1].(string)
			}
			var rows []map[string]any
			for _, rs := range plan.rels {
				for _, r := range rs {
					se, ok1 := eids[r.row["s"].(string)]
					oe, ok2 := eids[r.row["o"].(string)]
					if !ok1 || !ok2 {
						continue
					}
					rows = append(rows, map[string]any{"s": r.row["s"], "o": r.row["o"], "se": se, "oe": oe, "type": r.row["type"], "props": r.row["props"]})
				}
			}
			cpu0 := serverCPU(t)
			start := time.Now()
			for i := 0; i < len(rows); i += 5000 {
				res, err = tx.Run(ctx, forms[name], map[string]any{"rows": rows[i:min(i+5000, len(rows))]})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := res.Consume(ctx); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%-16s %d rels %.3fs, server CPU %.0f µs/rel", name, len(rows), time.Since(start).Seconds(), float64((serverCPU(t)-cpu0).Microseconds())/float64(len(rows)))
			tx.Rollback(ctx)
			sess.Close(ctx)
		}
	}
}
