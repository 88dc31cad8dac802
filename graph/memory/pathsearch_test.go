package memory

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/kapgraph/kapgraph/graph"
	"github.com/kapgraph/kapgraph/graph/storetest"
	"github.com/kapgraph/kapgraph/internal/synth"
)

// TestPathSearchMatchesEnumeration holds the best-first search to the
// enumerate-rank-cut code it replaced (reference_test.go): for questions
// drawn with a fixed seed over the seeds and the synthetic 10k graph,
// Paths, ShortestPath and MechanismPaths must return the same paths in the
// same order, or the same error code. Questions the enumeration refused
// for having too many paths are counted, not compared.
func TestPathSearchMatchesEnumeration(t *testing.T) {
	forPathData(t, 400, 250, func(t *testing.T, s *Store, docs []*graph.Document, qs storetest.PathQuestions) {
		ctx := context.Background()
		c := &pathComparison{t: t}
		for _, q := range qs.Paths {
			c.same(fmt.Sprintf("Paths %+v", q),
				func() (any, error) { return s.refPaths(ctx, q) },
				func() (any, error) { return s.Paths(ctx, q) })
			c.same(fmt.Sprintf("ShortestPath %+v", q),
				func() (any, error) { return s.refShortestPath(ctx, q) },
				func() (any, error) { return s.ShortestPath(ctx, q) })
		}
		for _, q := range qs.Mechanisms {
			c.same(fmt.Sprintf("MechanismPaths %+v", q),
				func() (any, error) { return s.refMechanismPaths(ctx, q) },
				func() (any, error) { return s.MechanismPaths(ctx, q) })
		}
		t.Logf("%d questions: %d with paths (%d paths), %d without, %d refused by the enumeration",
			c.asked, c.answered, c.paths, c.asked-c.answered-c.refused, c.refused)
		// A comparison of empty answers proves little: most questions
		// must have some.
		if c.answered < c.asked/3 {
			t.Errorf("only %d of %d questions have paths", c.answered, c.asked)
		}
	})
}

type pathComparison struct {
	t                               testing.TB
	asked, answered, refused, paths int
	differ                          int
}

// same compares the reference's answer with the search's as JSON.
func (c *pathComparison) same(what string, ref, got func() (any, error)) {
	c.t.Helper()
	c.asked++
	want, werr := ref()
	have, herr := got()
	if werr != nil && graph.ErrorMessage(werr) == graph.ErrorMessage(refTooMany()) {
		c.refused++
		if herr != nil {
			c.t.Errorf("%s: the search failed where the enumeration hit its cap: %v", what, herr)
		}
		return
	}
	if graph.ErrorCode(werr) != graph.ErrorCode(herr) {
		c.t.Errorf("%s: enumeration says %v, search says %v", what, werr, herr)
		return
	}
	if werr != nil {
		return
	}
	wj, _ := json.Marshal(want)
	hj, _ := json.Marshal(have)
	if n := countPaths(want); n > 0 {
		c.answered++
		c.paths += n
	}
	if string(wj) != string(hj) {
		if c.differ++; c.differ <= 5 {
			c.t.Errorf("%s differs:\n enumeration %.800s\n search      %.800s", what, wj, hj)
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

// TestRestrictedPathSearchMatchesFiltering holds statedOnly and via to
// their definition: the search's answers equal the unrestricted
// enumeration filtered (no inferred hop; the via node on the path), then
// ranked and cut. Each drawn question is asked with statedOnly, with a via
// node taken from the middle of one of its unrestricted answers (so that
// the restriction bites), with both, and with the source or target as via.
func TestRestrictedPathSearchMatchesFiltering(t *testing.T) {
	forPathData(t, 300, 120, func(t *testing.T, s *Store, docs []*graph.Document, qs storetest.PathQuestions) {
		ctx := context.Background()
		c := &pathComparison{t: t}
		narrowed := 0
		// viaOf is a node in the middle of the last of ps, or "".
		viaOf := func(ps []*graph.Path, err error) string {
			if err != nil || len(ps) == 0 {
				return ""
			}
			p := ps[len(ps)-1]
			if len(p.Nodes) < 3 {
				return ""
			}
			return p.Nodes[len(p.Nodes)/2]
		}
		for i, q := range qs.Paths {
			all, err := s.refPaths(ctx, q)
			variants := []graph.PathQuery{q, q, q, q}
			variants[0].StatedOnly = true
			variants[1].Via = viaOf(all, err)
			variants[2].StatedOnly, variants[2].Via = true, variants[1].Via
			variants[3].Via = []string{q.From, q.To}[i%2]
			for _, v := range variants {
				if !v.StatedOnly && v.Via == "" {
					continue
				}
				c.same(fmt.Sprintf("Paths %+v", v),
					func() (any, error) { return s.refPaths(ctx, v) },
					func() (any, error) {
						got, err := s.Paths(ctx, v)
						if err == nil && len(got) < len(all) {
							narrowed++
						}
						return got, err
					})
				c.same(fmt.Sprintf("ShortestPath %+v", v),
					func() (any, error) { return s.refShortestPath(ctx, v) },
					func() (any, error) { return s.ShortestPath(ctx, v) })
			}
		}
		for _, q := range qs.Mechanisms {
			all, err := s.refMechanismPaths(ctx, q)
			variants := []graph.MechanismPathQuery{q, q, q}
			variants[0].StatedOnly = true
			variants[1].Via = viaOf(all, err)
			variants[2].StatedOnly, variants[2].Via = true, variants[1].Via
			for _, v := range variants {
				if !v.StatedOnly && v.Via == "" {
					continue
				}
				c.same(fmt.Sprintf("MechanismPaths %+v", v),
					func() (any, error) { return s.refMechanismPaths(ctx, v) },
					func() (any, error) { return s.MechanismPaths(ctx, v) })
			}
		}
		t.Logf("%d restricted questions: %d with paths (%d paths), %d refused by the enumeration; %d path answers narrowed by the restriction",
			c.asked, c.answered, c.paths, c.refused, narrowed)
		if c.answered < c.asked/4 || narrowed == 0 {
			t.Errorf("only %d of %d restricted questions have paths, %d narrowed", c.answered, c.asked, narrowed)
		}
	})
}

// TestViaUnknownNode: a via that names no node is refused like an unknown
// end, on every path question.
func TestViaUnknownNode(t *testing.T) {
	ctx := context.Background()
	s := New()
	loadAll(t, s, storetest.Seeds(t))
	_, err := s.Paths(ctx, graph.PathQuery{From: "CHEBI:6121", To: "KAP:relapse", Via: "KAP:nope"})
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("Paths: %v, want ENOTFOUND", err)
	}
	_, err = s.MechanismPaths(ctx, graph.MechanismPathQuery{From: "CHEBI:6121", Via: "KAP:nope"})
	if graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("MechanismPaths: %v, want ENOTFOUND", err)
	}
}

// forPathData runs test over the seeds and over the synthetic 10k graph
// (not under -short), each loaded into a new store, with path questions
// drawn with the fixed seed: nSeeds and nGen of them.
func forPathData(t *testing.T, nSeeds, nGen int, test func(t *testing.T, s *Store, docs []*graph.Document, qs storetest.PathQuestions)) {
	t.Helper()
	for _, data := range []struct {
		name string
		docs func(testing.TB) []*graph.Document
		n    int
	}{
		{"seeds", storetest.Seeds, nSeeds},
		{"gen10k", func(tb testing.TB) []*graph.Document { return synthetic(tb, "10k") }, nGen},
	} {
		t.Run(data.name, func(t *testing.T) {
			if data.name != "seeds" && testing.Short() && os.Getenv("CI") != "true" {
				t.Skip("-short: the synthetic graph takes seconds to build")
			}
			docs := data.docs(t)
			s := New()
			loadAll(t, s, docs)
			test(t, s, docs, storetest.DrawPathQuestions(synth.DefaultSeed, docs, data.n))
		})
	}
}
