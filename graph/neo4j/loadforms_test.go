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
	var nodes []any
	for _, n := range plan.nodes {
		if n.owned {
			nodes = append(nodes, []any{n.id, n.row["label"], n.row["props"]})
		}
	}
	forms := map[string]string{
		"dyn-eid-idcheck": cypherCreateRelsByElementID,
		"dyn-eid":         "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:$(row.type)]->(o) SET r = row.props RETURN count(*)",
		"static-eid":      "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:MENTIONS]->(o) SET r = row.props RETURN count(*)",
		"dyn-id":          cypherCreateRels,
		"dyn-eid-noprops": "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:$(row.type)]->(o) RETURN count(*)",
		"dyn-eid-3props":  "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe CREATE (s)-[r:$(row.type)]->(o) SET r.id = row.props.id, r.document = row.props.document, r.content_hash = row.props.content_hash RETURN count(*)",
		"list-nodeidx":    "CALL { UNWIND $nodes AS n MATCH (x) WHERE elementId(x) = n[0] AND x.id = n[1] RETURN collect(x) AS xs } UNWIND $lrows AS row WITH xs[row[0]] AS s, xs[row[1]] AS o, row CREATE (s)-[r:$(row[2])]->(o) SET r = row[3] RETURN count(*)",
	}
	for round := 0; round < 3; round++ {
		for _, name := range []string{"dyn-eid-idcheck", "dyn-eid", "dyn-eid-noprops", "dyn-eid-3props", "list-nodeidx", "dyn-id"} {
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
			var nodeList, lrows, eidRows []any
			idx := map[string]int{}
			at := func(id, eid string) int {
				i, ok := idx[id]
				if !ok {
					i = len(nodeList)
					idx[id] = i
					nodeList = append(nodeList, []any{eid, id})
				}
				return i
			}
			for _, rs := range plan.rels {
				for _, r := range rs {
					se, ok1 := eids[r.row["s"].(string)]
					oe, ok2 := eids[r.row["o"].(string)]
					if !ok1 || !ok2 {
						continue
					}
					rows = append(rows, map[string]any{"s": r.row["s"], "o": r.row["o"], "se": se, "oe": oe, "type": r.row["type"], "props": r.row["props"]})
					eidRows = append(eidRows, []any{se, r.row["s"], oe, r.row["o"], r.row["type"], r.row["props"]})
					lrows = append(lrows, []any{at(r.row["s"].(string), se), at(r.row["o"].(string), oe), r.row["type"], r.row["props"]})
					if round == 0 && name == "dyn-eid-idcheck" && len(rows)%500 == 1 {
						t.Logf("props %v", r.row["props"])
					}
				}
			}
			cpu0 := serverCPU(t)
			start := time.Now()
			for i := 0; i < len(rows); i += 5000 {
				params := map[string]any{"rows": rows[i:min(i+5000, len(rows))]}
				if name == "dyn-eid-idcheck" {
					params = map[string]any{"rows": eidRows[i:min(i+5000, len(rows))]}
				}
				if name == "list-nodeidx" {
					params = map[string]any{"nodes": nodeList, "lrows": lrows[i:min(i+5000, len(rows))]}
				}
				res, err = tx.Run(ctx, forms[name], params)
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
