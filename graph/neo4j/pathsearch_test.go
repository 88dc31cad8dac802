package neo4j

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/memory"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestPathSearchMatchesEnumeration holds this engine's best-first path
// search to the Cypher enumeration it replaced (reference_test.go) and to
// the embedded engine, for questions drawn with a fixed seed over the
// seeds and the synthetic 10k graph: the same paths in the same order, or
// the same error code. Questions the enumeration refused for having too
// many paths are only compared with the embedded engine.
func TestPathSearchMatchesEnumeration(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("-short")
	}
	for _, data := range []struct {
		name string
		docs func(testing.TB) []*graph.Document
		n    int
	}{
		{"seeds", storetest.Seeds, 100},
		{"gen10k", genDocs, 80},
	} {
		t.Run(data.name, func(t *testing.T) {
			ctx := context.Background()
			docs := data.docs(t)
			s, mem := loadBoth(t, docs)
			if data.name == "gen10k" {
				benchData = "gen10k" // the benchmarks' data set, see bench_test.go
			}
			qs := storetest.DrawPathQuestions(synth.DefaultSeed, docs, data.n)
			c := &pathComparison{t: t}
			for _, q := range qs.Paths {
				c.same(fmt.Sprintf("Paths %+v", q),
					func() (any, error) { return s.refPaths(ctx, q) },
					func() (any, error) { return mem.Paths(ctx, q) },
					func() (any, error) { return s.Paths(ctx, q) })
				c.same(fmt.Sprintf("ShortestPath %+v", q),
					func() (any, error) { return s.refShortestPath(ctx, q) },
					func() (any, error) { return mem.ShortestPath(ctx, q) },
					func() (any, error) { return s.ShortestPath(ctx, q) })
			}
			for _, q := range qs.Mechanisms {
				c.same(fmt.Sprintf("MechanismPaths %+v", q),
					func() (any, error) { return s.refMechanismPaths(ctx, q) },
					func() (any, error) { return mem.MechanismPaths(ctx, q) },
					func() (any, error) { return s.MechanismPaths(ctx, q) })
			}
			t.Logf("%d questions: %d with paths (%d paths), %d refused by the enumeration", c.asked, c.answered, c.paths, c.refused)
			if c.answered < c.asked/3 {
				t.Errorf("only %d of %d questions have paths", c.answered, c.asked)
			}
		})
	}
}

type pathComparison struct {
	t                               testing.TB
	asked, answered, refused, paths int
	differ                          int
}

// same compares the search's answer with the enumeration's and the
// embedded engine's, as JSON.
func (c *pathComparison) same(what string, ref, mem, got func() (any, error)) {
	c.t.Helper()
	c.asked++
	have, herr := got()
	memAns, merr := mem()
	c.compare(what+" (neo4j vs memory)", memAns, merr, have, herr)
	want, werr := ref()
	if werr != nil && graph.ErrorMessage(werr) == graph.ErrorMessage(refTooMany()) {
		c.refused++
		return
	}
	if werr == nil {
		if n := countPaths(want); n > 0 {
			c.answered++
			c.paths += n
		}
	}
	c.compare(what+" (search vs enumeration)", want, werr, have, herr)
}

func (c *pathComparison) compare(what string, want any, werr error, have any, herr error) {
	c.t.Helper()
	if graph.ErrorCode(werr) != graph.ErrorCode(herr) {
		c.t.Errorf("%s: want %v, got %v", what, werr, herr)
		return
	}
	if werr != nil {
		return
	}
	wj, _ := json.Marshal(want)
	hj, _ := json.Marshal(have)
	if string(wj) != string(hj) {
		if c.differ++; c.differ <= 5 {
			c.t.Errorf("%s differs:\n want %.800s\n got  %.800s", what, wj, hj)
		}
	}
}

func countPaths(v any) int {
	switch x := v.(type) {
	case []*graph.Path:
		return len(x)
	case *graph.Path:
		if x != nil {
			return 1
		}
	}
	return 0
}

// TestRestrictedPathsMatchMemory holds statedOnly and via on this engine
// to the embedded one (itself held to filtering the unrestricted
// enumeration, graph/memory TestRestrictedPathSearchMatchesFiltering): for
// questions drawn over the seeds, each asked stated only, through a node
// in the middle of one of its unrestricted answers, and both.
func TestRestrictedPathsMatchMemory(t *testing.T) {
	if testing.Short() && os.Getenv("CI") != "true" { // never skipped in CI
		t.Skip("-short")
	}
	ctx := context.Background()
	docs := storetest.Seeds(t)
	s, mem := loadBoth(t, docs)
	viaOf := func(ps []*graph.Path, err error) string {
		if err != nil || len(ps) == 0 || len(ps[len(ps)-1].Nodes) < 3 {
			return ""
		}
		p := ps[len(ps)-1]
		return p.Nodes[len(p.Nodes)/2]
	}
	c := &pathComparison{t: t}
	answered := 0
	cmp := func(what string, mf, sf func() (any, error)) {
		c.asked++
		m, merr := mf()
		if countPaths(m) > 0 {
			answered++
		}
		h, herr := sf()
		c.compare(what+" (neo4j vs memory)", m, merr, h, herr)
	}
	qs := storetest.DrawPathQuestions(synth.DefaultSeed, docs, 50)
	for _, q := range qs.Paths {
		all, err := mem.Paths(ctx, q)
		vs := []graph.PathQuery{q, q, q}
		vs[0].StatedOnly = true
		vs[1].Via = viaOf(all, err)
		vs[2].StatedOnly, vs[2].Via = true, vs[1].Via
		for _, v := range vs {
			cmp(fmt.Sprintf("Paths %+v", v), func() (any, error) { return mem.Paths(ctx, v) }, func() (any, error) { return s.Paths(ctx, v) })
			cmp(fmt.Sprintf("ShortestPath %+v", v), func() (any, error) { return mem.ShortestPath(ctx, v) }, func() (any, error) { return s.ShortestPath(ctx, v) })
		}
	}
	for _, q := range qs.Mechanisms {
		all, err := mem.MechanismPaths(ctx, q)
		vs := []graph.MechanismPathQuery{q, q, q}
		vs[0].StatedOnly = true
		vs[1].Via = viaOf(all, err)
		vs[2].StatedOnly, vs[2].Via = true, vs[1].Via
		for _, v := range vs {
			cmp(fmt.Sprintf("MechanismPaths %+v", v), func() (any, error) { return mem.MechanismPaths(ctx, v) }, func() (any, error) { return s.MechanismPaths(ctx, v) })
		}
	}
	t.Logf("%d restricted questions, %d with paths", c.asked, answered)
	if answered < c.asked/4 {
		t.Errorf("only %d of %d restricted questions have paths", answered, c.asked)
	}
}

// loadBoth empties the test database and loads docs into it and into a
// new embedded store, for the tests that hold this engine to that one.
func loadBoth(t *testing.T, docs []*graph.Document) (*Store, *memory.Store) {
	t.Helper()
	ctx := context.Background()
	s := testStore(t)
	wipe(t, s)
	benchData = ""
	mem := memory.New()
	for _, d := range docs {
		if _, err := s.Load(ctx, d); err != nil {
			t.Fatalf("load %s: %v", d.ID, err)
		}
		if _, err := mem.Load(ctx, d); err != nil {
			t.Fatalf("load %s: %v", d.ID, err)
		}
	}
	return s, mem
}
