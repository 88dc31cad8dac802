package neo4j

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/neo4j/neo4jtest"
	"github.com/kapgraph/kapgraph/graph/storetest"
)

// TestEvidenceOneStatement asks for the evidence of every drug in every
// disorder of the seeds (and for wrong and missing ends) and requires the
// answer, or error code, of the generic report over the embedded engine,
// from one statement each.
func TestEvidenceOneStatement(t *testing.T) {
	s := testStore(t)
	wipe(t, s)
	ctx := context.Background()
	mem := memory.New()
	var drugs, disorders []string
	for _, d := range storetest.Seeds(t) {
		for _, st := range []graph.Store{mem, s} {
			if _, err := st.Load(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		for _, n := range d.Nodes {
			switch n.Category {
			case graph.CategoryDrug:
				drugs = append(drugs, n.ID)
			case graph.CategoryDisorder:
				disorders = append(disorders, n.ID)
			}
		}
	}
	counter := &neo4jtest.RunCounter{}
	s.cfg.BoltLogger = counter
	t.Cleanup(func() { s.cfg.BoltLogger = nil })
	pairs := [][2]string{{"KAP:missing", disorders[0]}, {drugs[0], "KAP:missing"}, {disorders[0], drugs[0]}, {drugs[0], drugs[1]}}
	for _, d := range drugs {
		for _, x := range disorders {
			pairs = append(pairs, [2]string{d, x})
		}
	}
	nonEmpty := 0
	for _, p := range pairs {
		want, werr := mem.Evidence(ctx, p[0], p[1])
		before := counter.Runs()
		got, gerr := s.Evidence(ctx, p[0], p[1])
		if n := counter.Runs() - before; n != 1 {
			t.Errorf("%v: %d statements, want 1", p, n)
		}
		if graph.ErrorCode(werr) != graph.ErrorCode(gerr) || (werr != nil && werr.Error() != gerr.Error()) {
			t.Errorf("%v: memory says %v, neo4j says %v", p, werr, gerr)
			continue
		}
		if werr != nil {
			continue
		}
		wj, _ := json.Marshal(want)
		gj, _ := json.Marshal(got)
		if string(wj) != string(gj) {
			t.Errorf("%v differs:\n memory %s\n neo4j  %s", p, truncate(wj), truncate(gj))
		}
		if len(want.Claims) > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < 3 {
		t.Errorf("only %d drug-disorder pairs have claims; the comparison proves little", nonEmpty)
	}
}
