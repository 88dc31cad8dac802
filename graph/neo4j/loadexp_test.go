//go:build loadprofile

package neo4j

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestLoadIndexCost loads the synthetic 10k graph fresh with every index,
// then without the full-text indexes, then without the relationship
// indexes, to see what each costs a load. It drops and restores the
// schema, so it is a tool, built only with the loadprofile tag.
func TestLoadIndexCost(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	docs := genDocs(t)
	run := func(name string) {
		wipe(t, s)
		benchData = ""
		rels := 0
		start := time.Now()
		for _, d := range docs {
			if _, err := s.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
			rels += len(d.Edges)
		}
		secs := time.Since(start).Seconds()
		t.Logf("%-20s %d rels in %.2fs: %.0f rels/s", name, rels, secs, float64(rels)/secs)
	}
	drop := func(pred func(name string) bool) {
		for _, st := range schemaStatements() {
			if pred(st.name) && strings.Contains(st.cypher, "INDEX") {
				cypher(t, s, "DROP INDEX "+st.name+" IF EXISTS", nil)
			}
		}
	}
	defer func() {
		s.schemaOK.Store(false)
		if err := s.EnsureSchema(ctx); err != nil {
			t.Fatal(err)
		}
	}()
	run("warm")
	run("all")
	drop(func(n string) bool { return n == searchIndex || n == claimIndex })
	run("no fulltext")
	drop(func(n string) bool { return strings.HasPrefix(n, "kapgraph_rel_") })
	run("no ft, no rel idx")
	s.schemaOK.Store(false)
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	drop(func(n string) bool { return strings.HasPrefix(n, "kapgraph_rel_") })
	run("no rel idx")
}

// TestRelSeekCost times, in one rolled-back transaction per way, creating a
// document's relationships with both ends found through the :Entity(id)
// index and through element ids returned by the node CREATE.
func TestRelSeekCost(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	docs := genDocs(t)
	wipe(t, s)
	benchData = ""
	for _, d := range docs[:3] {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	d := docs[3]
	plan, err := planLoad(d)
	if err != nil {
		t.Fatal(err)
	}
	var nodes []map[string]any
	for _, n := range plan.nodes {
		if n.owned {
			nodes = append(nodes, n.row)
		}
	}
	var rels []map[string]any
	for _, rs := range plan.rels {
		for _, r := range rs {
			rels = append(rels, r.row)
		}
	}
	for _, way := range []string{"id", "eid", "id", "eid"} {
		sess := s.driver.NewSession(ctx, s.sessionConfig(neo4j.AccessModeWrite))
		tx, err := sess.BeginTransaction(ctx)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		res, err := tx.Run(ctx, "UNWIND $rows AS row CREATE (n:"+labelEntity+":$(row.label)) SET n = row.props RETURN n.id, elementId(n)", map[string]any{"rows": nodes})
		if err != nil {
			t.Fatal(err)
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			t.Fatal(err)
		}
		tNodes := time.Since(start)
		eids := map[string]string{}
		for _, r := range recs {
			eids[r.Values[0].(string)] = r.Values[1].(string)
		}
		q := cypherCreateRels
		rows := rels
		if way == "eid" {
			q = "UNWIND $rows AS row MATCH (s) WHERE elementId(s) = row.se MATCH (o) WHERE elementId(o) = row.oe " +
				"CREATE (s)-[r:$(row.type)]->(o) SET r = row.props RETURN count(*)"
			rows = nil
			ext := 0
			for _, r := range rels {
				se, ok1 := eids[r["s"].(string)]
				oe, ok2 := eids[r["o"].(string)]
				if !ok1 || !ok2 {
					ext++
					continue
				}
				rows = append(rows, map[string]any{"se": se, "oe": oe, "type": r["type"], "props": r["props"]})
			}
			t.Logf("%d of %d rels touch an external node (left out)", ext, len(rels))
		}
		start = time.Now()
		res, err = tx.Run(ctx, q, map[string]any{"rows": rows})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := res.Consume(ctx); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: nodes %.3fs, %d rels %.3fs", way, tNodes.Seconds(), len(rows), time.Since(start).Seconds())
		start = time.Now()
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: commit %.3fs", way, time.Since(start).Seconds())
		sess.Close(ctx)
		wipe(t, s)
		for _, d := range docs[:3] {
			if _, err := s.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
	}
}
