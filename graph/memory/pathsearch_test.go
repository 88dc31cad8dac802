package memory

import (
	"context"
	"encoding/json"
	"fmt"
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
	for _, data := range []struct {
		name string
		docs func(testing.TB) []*graph.Document
		n    int
	}{
		{"seeds", storetest.Seeds, 400},
		{"gen10k", func(tb testing.TB) []*graph.Document { return synthetic(tb, "10k") }, 250},
	} {
		t.Run(data.name, func(t *testing.T) {
			if data.name != "seeds" && testing.Short() {
				t.Skip("-short: the synthetic graph takes seconds to build")
			}
			ctx := context.Background()
			docs := data.docs(t)
			s := New()
			loadAll(t, s, docs)
			qs := storetest.DrawPathQuestions(synth.DefaultSeed, docs, data.n)
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
